// @ts-nocheck
import { IssueList } from '../_lib/validate.js';
import { checkLevel, checkLocale, checkOptions, LEVELS, levelLabel } from './_internal/levels.js';
import type { NeedLevel, NeedLevelLocale } from './needLevels.js';

/** One customer's level in a snapshot. */
export interface NeedLevelSnapshotEntry {
  /** The customer's id, unique within the snapshot. */
  readonly id: string | number;
  /** The customer's level at the snapshot. */
  readonly level: NeedLevel;
}

/** Options of {@link stageTransitionMatrix}. */
export interface StageTransitionMatrixOptions {
  /** The language of the labels. @defaultValue 'en' */
  readonly locale?: NeedLevelLocale;
}

/** How customers moved between levels from one snapshot to the next. */
export interface StageTransitionMatrix {
  /** The level labels in the requested locale, index `level - 1`. */
  readonly labels: readonly string[];
  /** `counts[from - 1][to - 1]`: customers in both snapshots at `from` before and `to` after. */
  readonly counts: readonly (readonly number[])[];
  /** Customers per `from` level present in both snapshots (the row sums of `counts`). */
  readonly rowTotals: readonly number[];
  /**
   * Row-normalised: `probabilities[from - 1][to - 1] = counts / rowTotals`; each row sums to 1. A row
   * with no customers is `undefined` (listed in `emptyRows`), never NaN.
   */
  readonly probabilities: readonly (readonly number[] | undefined)[];
  /** Levels with no customer in the first snapshot who is also in the second. */
  readonly emptyRows: readonly NeedLevel[];
  /** Per level in the first snapshot, customers missing from the second (left), index `level - 1`. */
  readonly left: readonly number[];
  /** Per level in the second snapshot, customers missing from the first (new), index `level - 1`. */
  readonly entered: readonly number[];
}

function checkSnapshot(value: unknown, param: string, issues: IssueList): Map<string | number, NeedLevel> {
  const out = new Map<string | number, NeedLevel>();
  if (!Array.isArray(value)) {
    issues.add('invalid_type', [param], value === undefined ? 'is required' : 'must be an array of { id, level }');
    return out;
  }
  value.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) {
      issues.add('invalid_type', [param, i], 'must be an entry { id, level }');
      return;
    }
    const { id, level } = entry as Record<string, unknown>;
    const idOk = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
    if (!idOk) issues.add('invalid_type', [param, i, 'id'], id === undefined ? 'is required' : 'must be a string or a finite number');
    else if (out.has(id)) issues.add('invalid_structure', [param, i, 'id'], 'duplicates the id of an earlier entry');
    if (checkLevel(level, [param, i, 'level'], issues) && idOk && !out.has(id)) out.set(id, level);
  });
  return out;
}

/**
 * Counts how customers moved between need levels from one snapshot to another, and the row-normalised
 * transition probabilities (a Markov transition matrix).
 *
 * Definition: customers are matched by id. For each pair of levels, `counts[from - 1][to - 1]` is
 * the number of customers at `from` in `before` and at `to` in `after`; the probability divides by
 * the row total. Customers present in only one snapshot are counted apart (`left`, `entered`). A level
 * with no matched customers has no probability row (`undefined`, listed in `emptyRows`), never NaN.
 *
 * Cost: O(n) for n entries.
 *
 * @param before - The earlier snapshot.
 * @param after - The later snapshot.
 * @param options - Locale.
 * @returns Counts, probabilities and the customers who left or entered.
 * @throws {@link MetricsInputError} for unknown levels, missing or duplicate ids.
 * @see Pfeifer, P. E. & Carraway, R. L. (2000) "Modeling customer relationships as Markov chains", Journal of Interactive Marketing 14(2).
 * @example
 * ```ts
 * import { stageTransitionMatrix } from 'customer-metrics';
 * const m = stageTransitionMatrix(
 *   [{ id: 'a', level: 4 }, { id: 'b', level: 4 }, { id: 'c', level: 5 }, { id: 'd', level: 5 }],
 *   [{ id: 'a', level: 5 }, { id: 'b', level: 4 }, { id: 'c', level: 6 }, { id: 'e', level: 1 }],
 * );
 * m.counts[3]; // => [0, 0, 0, 1, 1, 0]
 * m.probabilities[3]; // => [0, 0, 0, 0.5, 0.5, 0]
 * m.probabilities[0]; // => undefined
 * m.emptyRows; // => [1, 2, 3, 6]
 * m.left; // => [0, 0, 0, 0, 1, 0]
 * m.entered; // => [1, 0, 0, 0, 0, 0]
 * ```
 */
export function stageTransitionMatrix(
  before: readonly NeedLevelSnapshotEntry[],
  after: readonly NeedLevelSnapshotEntry[],
  options?: StageTransitionMatrixOptions,
): StageTransitionMatrix {
  const issues = new IssueList();
  const a = checkSnapshot(before, 'before', issues);
  const b = checkSnapshot(after, 'after', issues);
  const o = checkOptions(options, ['locale'], issues);
  const locale = checkLocale(o['locale'], ['options', 'locale'], issues);
  issues.throwIfAny();

  const counts = LEVELS.map(() => [0, 0, 0, 0, 0, 0]);
  const left = [0, 0, 0, 0, 0, 0];
  const entered = [0, 0, 0, 0, 0, 0];
  for (const [id, from] of a) {
    const to = b.get(id);
    if (to === undefined) left[from - 1] = (left[from - 1] as number) + 1;
    else {
      const row = counts[from - 1] as number[];
      row[to - 1] = (row[to - 1] as number) + 1;
    }
  }
  for (const [id, to] of b) if (!a.has(id)) entered[to - 1] = (entered[to - 1] as number) + 1;
  const rowTotals = counts.map((row) => row.reduce((s, c) => s + c, 0));
  const probabilities = counts.map((row, i) => {
    const total = rowTotals[i] as number;
    return total > 0 ? row.map((c) => c / total) : undefined;
  });
  const emptyRows = LEVELS.filter((_, i) => rowTotals[i] === 0);
  return { labels: LEVELS.map((level) => levelLabel(level, locale)), counts, rowTotals, probabilities, emptyRows, left, entered };
}
