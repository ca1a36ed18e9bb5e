import type { CohortRetentionResult, CohortRow } from '../retention/index.js';
import { MetricsInputError } from '../errors.js';
import { periodLabel } from '../_lib/dates.js';
import { IssueList, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { checkRows, readInteger } from './_internal/rowValues.js';
import type { CohortPeriod } from './cohortRetentionSql.js';

/** Options of {@link readCohortRetention}: the `period` and `weekStartsOn` the SQL was built with. */
export interface ReadCohortRetentionOptions {
  /**
   * The cohort period.
   * @defaultValue `'month'`
   */
  readonly period?: CohortPeriod;
  /**
   * First day of a week for `period: 'week'`, 0 = Sunday .. 6 = Saturday.
   * @defaultValue `1`
   */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** The most periods from the earliest cohort to observationEnd, as `cohortRetention` allows. */
const MAX_COHORT_PERIODS = 2000;
const DAY_MS = 86_400_000;

const schema = optionsSchema({ period: z.enum(['week', 'month', 'quarter', 'year']).optional(), weekStartsOn: z.number().int().min(0).max(6).optional() });

/** The first instant (UTC) of the period with index `index` (the index rules of the SQL builders). */
function periodStartOf(index: number, period: CohortPeriod, weekStartsOn: number): number {
  if (period === 'week') return (7 * index - 4 + weekStartsOn) * DAY_MS;
  const month = period === 'month' ? index : period === 'quarter' ? 3 * index : 12 * index;
  const d = new Date(0);
  d.setUTCFullYear(Math.floor(month / 12), month - 12 * Math.floor(month / 12), 1);
  return d.getTime();
}

/**
 * Turns the rows of {@link cohortRetentionSql} (any engine and driver) into the customer part of
 * `cohortRetention`'s result: the cohorts oldest first with their period start, label, size,
 * retained counts and retention shares, and the size-weighted average curve. The MRR fields are
 * `undefined`, as `cohortRetention` gives them for records without `mrr`.
 *
 * Cost: O(rows log rows).
 *
 * @param rows - Rows with `cohort`, `size`, `k` and `retained` (`k` and `retained` NULL for a cohort
 *   without columns).
 * @param options - The period and week start; see {@link ReadCohortRetentionOptions}.
 * @returns The cohort triangle and its average curve.
 * @throws {@link MetricsInputError} for values that are not whole numbers of the right range (path
 *   `['rows', i, column]`), a cohort whose columns are not 0, 1, ... without gaps or whose size
 *   differs between rows, cohorts that do not end at the same last column, or more than 2,000
 *   periods from the earliest cohort to the last column (`cohortRetention` refuses those too).
 * @example
 * ```ts
 * import { readCohortRetention } from 'customer-metrics/sql';
 * const result = readCohortRetention([
 *   { cohort: '24300', size: '2', k: '0', retained: '2' }, { cohort: '24300', size: '2', k: '1', retained: '1' },
 *   { cohort: '24301', size: 1, k: 0, retained: 1 },
 * ]);
 * result.cohorts.map((c) => [c.label, c.size, c.retained]); // => [['2025-01', 2, [2, 1]], ['2025-02', 1, [1]]]
 * // column 0: (2 + 1) retained of (2 + 1) customers; column 1: 1 of 2.
 * result.averageRetention; // => [1, 0.5]
 * ```
 */
export function readCohortRetention(rows: readonly Readonly<Record<string, unknown>>[], options?: ReadCohortRetentionOptions): CohortRetentionResult {
  const issues = new IssueList();
  const parsed = parseInput(schema, options, 'options', issues);
  if (!checkRows(rows, 'rows', issues) || (parsed === undefined && options !== undefined)) {
    issues.throwIfAny();
  }
  const period = (parsed?.period as CohortPeriod | undefined) ?? 'month';
  const weekStartsOn = parsed?.weekStartsOn ?? 1;
  const byCohort = new Map<number, { size: number; cells: Map<number, number>; empty: boolean; row: number }>();
  rows.forEach((row, i) => {
    const cohort = readInteger(row.cohort, ['rows', i, 'cohort'], -Number.MAX_SAFE_INTEGER, issues);
    const size = readInteger(row.size, ['rows', i, 'size'], 1, issues);
    const noColumn = row.k === null || row.k === undefined;
    const k = noColumn ? undefined : readInteger(row.k, ['rows', i, 'k'], 0, issues);
    const retained = noColumn ? undefined : readInteger(row.retained, ['rows', i, 'retained'], 0, issues);
    if (noColumn && row.retained !== null && row.retained !== undefined) issues.add('invalid_structure', ['rows', i, 'retained'], 'must be NULL when k is');
    if (cohort === undefined || size === undefined) return;
    if (retained !== undefined && retained > size) issues.add('too_big', ['rows', i, 'retained'], 'must not exceed the size');
    let entry = byCohort.get(cohort);
    if (entry === undefined) {
      entry = { size, cells: new Map(), empty: false, row: i };
      byCohort.set(cohort, entry);
    } else if (entry.size !== size) issues.add('invalid_structure', ['rows', i, 'size'], 'must be the same in every row of a cohort');
    if (noColumn) entry.empty = true;
    else if (k !== undefined && retained !== undefined) {
      if (entry.cells.has(k)) issues.add('invalid_structure', ['rows', i, 'k'], 'must not repeat within a cohort');
      entry.cells.set(k, retained);
    }
  });
  issues.throwIfAny();
  const order = [...byCohort.keys()].sort((a, b) => a - b);
  // A cohort with 2,000 columns means at least 2,001 periods from it to observationEnd (the SQL
  // stops its grid there): refused as cohortRetention refuses it, before the shape checks.
  if (order.some((c) => (byCohort.get(c)?.cells.size ?? 0) >= MAX_COHORT_PERIODS)) throw tooManyPeriods();
  let last: number | undefined;
  for (const c of order) {
    const e = byCohort.get(c) as NonNullable<ReturnType<typeof byCohort.get>>;
    const n = e.cells.size;
    for (let k = 0; k < n; k++) if (!e.cells.has(k)) issues.add('invalid_structure', ['rows', e.row, 'k'], 'must run 0, 1, ... without gaps within a cohort');
    if (e.empty && n > 0) issues.add('invalid_structure', ['rows', e.row, 'k'], 'must not be NULL in a cohort with columns');
    const lastColumn = c + n;
    if (last === undefined) last = lastColumn;
    else if (last !== lastColumn) issues.add('invalid_structure', ['rows', e.row, 'cohort'], 'must end at the same last column as the other cohorts');
  }
  issues.throwIfAny();
  if (order.length > 0 && (last as number) - (order[0] as number) + 1 > MAX_COHORT_PERIODS) throw tooManyPeriods();
  const cohorts: CohortRow[] = [];
  const sumRetained: number[] = [];
  const sumSize: number[] = [];
  for (const c of order) {
    const e = byCohort.get(c) as NonNullable<ReturnType<typeof byCohort.get>>;
    const retained: number[] = [];
    for (let k = 0; k < e.cells.size; k++) {
      const r = e.cells.get(k) as number;
      retained.push(r);
      sumRetained[k] = (sumRetained[k] ?? 0) + r;
      sumSize[k] = (sumSize[k] ?? 0) + e.size;
    }
    const start = periodStartOf(c, period, weekStartsOn);
    cohorts.push({
      periodStart: new Date(start),
      label: periodLabel(start, period),
      size: e.size,
      retained,
      retention: retained.map((r) => r / e.size),
      initialMrr: undefined,
      revenue: undefined,
      revenueRetention: undefined,
    });
  }
  return { cohorts, averageRetention: sumRetained.map((r, k) => r / (sumSize[k] as number)), averageRevenueRetention: undefined };
}

function tooManyPeriods(): MetricsInputError {
  return new MetricsInputError([{ code: 'too_big', path: ['rows'], message: `span more than ${MAX_COHORT_PERIODS} periods from the earliest cohort to the last column (cohortRetention refuses such tables)` }]);
}
