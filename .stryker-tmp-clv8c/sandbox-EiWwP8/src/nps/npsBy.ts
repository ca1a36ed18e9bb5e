// @ts-nocheck
import { IssueList, optionsSchema, parseInput } from '../_lib/validate.js';
import { checkBands } from './_internal/bands.js';
import { breakdownFromCounts } from './_internal/breakdown.js';
import { compareKeys, groupResponses } from './_internal/group.js';
import { bandsSchema, confidenceSchema, DEFAULT_CONFIDENCE, invalidSchema, methodSchema } from './_internal/options.js';
import { applyBands } from './_internal/tally.js';
import type { NpsBandPreset, NpsBands, NpsBreakdown, NpsIntervalMethod, NpsInvalidPolicy } from './types.js';

/** One survey response: a 0-10 score, plus any fields to group by. */
export interface NpsResponse {
  /** The answer, a whole number from 0 to 10. */
  readonly score: number;
}

/** Options of {@link npsBy}. */
export interface NpsByOptions {
  /**
   * The bands: a preset name or custom ranges that partition 0..10 (see {@link NpsBands}).
   * `'lenient'` (0-5 / 6-7 / 8-10) is not comparable with standard NPS.
   * @defaultValue 'standard' (0-6 detractor, 7-8 passive, 9-10 promoter)
   */
  readonly bands?: NpsBandPreset | NpsBands;
  /**
   * Confidence level of each row's interval, strictly between 0 and 1.
   * @defaultValue 0.95
   */
  readonly confidence?: number;
  /**
   * How each row's interval is computed (see {@link NpsIntervalMethod}).
   * @defaultValue 'adjusted-wald'
   */
  readonly method?: NpsIntervalMethod;
  /**
   * `'throw'` rejects any response with an invalid score or key; `'skip'` leaves such responses out
   * and reports how many (`skipped` of the result, and of each row for invalid scores).
   * @defaultValue 'throw'
   */
  readonly invalid?: NpsInvalidPolicy;
}

/** One segment's breakdown. `skipped` counts the segment's responses with an invalid score. */
export interface NpsGroupRow extends NpsBreakdown {
  /** The segment: the value of the key. */
  readonly key: string | number;
}

/** The result of {@link npsBy}. */
export interface NpsByResult {
  /** One row per segment that has at least one valid response: numeric keys first (ascending), then string keys (by UTF-16 code units). */
  readonly rows: readonly NpsGroupRow[];
  /** Responses skipped in all (invalid score, or invalid key); 0 unless `invalid: 'skip'`. */
  readonly skipped: number;
}

const schema = optionsSchema({ bands: bandsSchema, confidence: confidenceSchema, method: methodSchema, invalid: invalidSchema });

/**
 * The NPS of each segment (region, plan, channel, ...), each with its interval.
 *
 * Rows are sorted by key, whatever the input order: numeric keys first (ascending), then string keys
 * by UTF-16 code units; segments with no valid response are left out. Keys must be strings or finite
 * numbers. Cost: O(n + g log g) for n responses in g segments.
 *
 * To test whether two segments differ, pass their rows to {@link compareNps}.
 *
 * @param responses - Survey responses, each an object with a `score` (whole number 0-10).
 * @param key - The name of the field to group by, or a function returning the segment of a response.
 * @param options - See {@link NpsByOptions}.
 * @returns The rows and the number of skipped responses.
 * @throws {@link MetricsInputError} listing every invalid response (paths `['responses', i, 'score']`,
 *   `['responses', i, <key>]`), an invalid `key` (`['key']`) and invalid options (`['options', ...]`).
 * @see Rocks, B. (2016) "Interval Estimation for the 'Net Promoter Score'", The American
 *   Statistician 70(4).
 * @example
 * ```ts
 * import { npsBy } from 'customer-metrics/nps';
 * const responses = [
 *   { score: 10, plan: 'pro' }, { score: 9, plan: 'pro' }, { score: 3, plan: 'pro' },
 *   { score: 6, plan: 'basic' }, { score: 8, plan: 'basic' },
 * ];
 * const { rows } = npsBy(responses, 'plan');
 * rows.map((row) => row.key); // => ['basic', 'pro']
 * rows.map((row) => Math.round(row.score)); // => [-50, 33]
 * npsBy(responses, (r) => r.score >= 9 ? 1 : 0).rows.map((row) => row.n); // => [3, 2]
 * ```
 */
export function npsBy<R extends NpsResponse>(
  responses: readonly R[],
  key: (keyof R & string) | ((response: R) => string | number),
  options?: NpsByOptions,
): NpsByResult {
  const issues = new IssueList();
  const keyIsFunction = typeof key === 'function';
  const keyIsName = typeof key === 'string' && key.length > 0;
  let grouped: ReturnType<typeof groupResponses<string | number>>;
  if (!keyIsFunction && !keyIsName) {
    issues.add('invalid_type', ['key'], 'must be a field name or a function');
  } else {
    grouped = groupResponses<string | number>(responses, options?.invalid === 'skip', issues, (record, i, report) => {
      const value: unknown = keyIsFunction ? (key as (response: R) => unknown)(record as unknown as R) : record[key as string];
      if (typeof value === 'string' || Number.isFinite(value)) return value as string | number;
      if (report !== undefined) {
        const path = keyIsFunction ? ['responses', i] : ['responses', i, key as string];
        report.add('invalid_type', path, keyIsFunction ? 'has a key (from the key function) that is not a string or a finite number' : 'must be a string or a finite number');
      }
      return undefined;
    });
  }
  const opts = parseInput(schema, options, 'options', issues);
  const table = checkBands(opts?.bands, ['options', 'bands'], issues);
  issues.throwIfAny();
  const { groups, skipped } = grouped as NonNullable<typeof grouped>;
  const confidence = opts?.confidence ?? DEFAULT_CONFIDENCE;
  const method = opts?.method ?? 'adjusted-wald';
  const rows: NpsGroupRow[] = [];
  for (const k of [...groups.keys()].sort(compareKeys)) {
    const group = groups.get(k) as NonNullable<ReturnType<typeof groups.get>>;
    const [d, pa, p] = applyBands(group.hist, table);
    const breakdown = breakdownFromCounts(d, pa, p, group.skipped, confidence, method);
    if (breakdown !== undefined) rows.push({ key: k, ...breakdown });
  }
  return { rows, skipped };
}
