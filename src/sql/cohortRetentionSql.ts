import { IssueList, z } from '../_lib/validate.js';
import { numberLiteral, toBigint, type SqlDialect } from './_internal/dialect.js';
import { periodIndexOf, periodIndexSql } from './_internal/periods.js';
import { OPEN_END_MS, dayOfMs, int64Literal, outCol, readSubscriptionSource, subscriptionPointsSql, type SubscriptionSource, type SubscriptionSourceOptions } from './_internal/subscriptions.js';

/** The cohort periods of {@link cohortRetentionSql} (those of `cohortRetention`). */
export type CohortPeriod = 'week' | 'month' | 'quarter' | 'year';

/** Options of {@link cohortRetentionSql}. */
export interface CohortRetentionSqlOptions extends SubscriptionSourceOptions {
  /**
   * The calendar period of cohorts and columns, in UTC (as `cohortRetention`).
   * @defaultValue `'month'`
   */
  readonly period?: CohortPeriod;
  /**
   * First day of a week for `period: 'week'`, 0 = Sunday .. 6 = Saturday.
   * @defaultValue `1` (Monday, ISO 8601)
   */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** @internal The extra options' zod shape (shared with the runner). */
export const cohortExtraShape = { period: z.enum(['week', 'month', 'quarter', 'year']).optional(), weekStartsOn: z.number().int().min(0).max(6).optional() };

/** @internal Validated cohort options. */
export interface CohortRead {
  readonly src: SubscriptionSource;
  readonly period: CohortPeriod;
  readonly weekStartsOn: number;
}

/** @internal Validates cohort options (records issues). */
export function readCohortOptions(options: unknown, issues: IssueList, extra: z.core.$ZodLooseShape = {}): CohortRead | undefined {
  const read = readSubscriptionSource(options, { ...cohortExtraShape, ...extra }, issues);
  if (read === undefined) return undefined;
  return { src: read.src, period: (read.parsed.period as CohortPeriod | undefined) ?? 'month', weekStartsOn: (read.parsed.weekStartsOn as number | undefined) ?? 1 };
}

/**
 * SQL that computes the cohort retention triangle of a subscription table in the engine: per
 * acquisition cohort its size and, per later period, how many of its customers are still in the
 * base, by exactly the rules of `cohortRetention` (customer counts; not MRR). Only the triangle
 * (cohorts x periods rows) leaves the engine; {@link readCohortRetention} turns it into
 * `cohortRetention`'s result (no library function takes the counts themselves: `cohortRetention`
 * takes records, and its result is what the reader builds).
 *
 * Definition (as `cohortRetention`): a customer's cohort is the UTC calendar period of their earliest
 * start; customers whose earliest start is at or after `observationEnd` are left out. A customer is
 * retained at the end of a period when one of their merged activity intervals (overlapping or
 * touching subscriptions merge) contains the period's end instant strictly: several subscriptions
 * count once, a customer who came back counts again. Column k (k = 0 the acquisition period) exists
 * when the k-th period after acquisition ended by `observationEnd`.
 *
 * Result columns, one row per cell: `cohort` (the period index: weeks since the week of
 * 1970-01-01, `12 year + month - 1`, `4 year + quarter - 1`, the year), `size`, `k` and `retained`
 * (integers). A cohort acquired in the period of `observationEnd` has no column yet: its one row has
 * `k` and `retained` NULL. A cohort gets at most 2,000 columns (one more than `cohortRetention`
 * tabulates: {@link readCohortRetention} refuses such a table, as `cohortRetention` refuses it), so the
 * engine's work stays bounded for any `observationEnd`. Rows with a NULL customer id or start, or an end before the start, are
 * left out here: {@link invalidSubscriptionRowsSql} counts them and {@link cohortRetentionInSql}
 * refuses them by default, as `cohortRetention` does.
 *
 * Method: merged interval starts (+1) and ends (-1) are counted per cohort and period boundary
 * (the end of period b-1 is the first boundary after a start in period b-1; an end e counts from the
 * first boundary at or after e, the boundary after the period of e - 1 ms), then summed up to each
 * cell's boundary by a join of the small count table with the grid of cells. Cost in the engine: the
 * per-customer pairwise test of the subscriptions (see docs/sql.md), and a join of O(cohorts x
 * periods^2) on the aggregates, whatever the number of customers.
 *
 * @param options - Dialect, table, columns, `observationEnd`, `period`, `weekStartsOn`; see {@link CohortRetentionSqlOptions}.
 * @returns One SELECT statement.
 * @throws {@link MetricsInputError} for an unknown dialect or period, an identifier that cannot be
 *   quoted safely, an invalid `observationEnd`, or an unknown option.
 * @see ChartMogul, "Cohort analysis" (help center); docs/sql.md for the rule-by-rule table.
 * @example
 * ```ts
 * import { cohortRetentionSql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * await db.run(`CREATE TABLE subs AS SELECT * FROM (VALUES ('a', DATE '2025-01-03', NULL), ('b', DATE '2025-01-09', DATE '2025-02-20'), ('c', DATE '2025-02-02', NULL)) AS t(id, started, ended)`);
 * const sql = cohortRetentionSql({ dialect: 'duckdb', table: 'subs', columns: { customerId: 'id', start: 'started', end: 'ended' }, observationEnd: Date.UTC(2025, 3, 1) });
 * const rows = (await db.runAndReadAll(`${sql} ORDER BY cohort, k`)).getRowObjectsJson();
 * // January 2025 is month 2025 x 12 + 0 = 24300: a and b at the end of January, a alone at the ends of February and March.
 * rows.map((r) => [r.cohort, r.size, r.k, r.retained]); // => [['24300', '2', '0', '2'], ['24300', '2', '1', '1'], ['24300', '2', '2', '1'], ['24301', '1', '0', '1'], ['24301', '1', '1', '1']]
 * ```
 */
export function cohortRetentionSql(options: CohortRetentionSqlOptions): string {
  const issues = new IssueList();
  const read = readCohortOptions(options, issues);
  issues.throwIfAny();
  return cohortSql(read as CohortRead);
}

/**
 * The most columns the grid gives a cohort: one more than `cohortRetention` tabulates (it refuses
 * tables of more than 2,000 periods from the earliest cohort, i.e. more than 1,999 columns), so that
 * the reader can refuse such a table the same way while the engine's work stays bounded.
 */
const MAX_GRID_COLUMNS = 2000;

/** The grid column: k = 0 .. least(greatest(n, 1), MAX_GRID_COLUMNS) - 1 for each row, as an integer column `kk`. */
function gridColumn(n: string, d: SqlDialect): string {
  const count = `least(greatest(${n}, 1), ${MAX_GRID_COLUMNS})`;
  switch (d) {
    case 'duckdb':
      return `CAST(unnest(range(${count})) AS BIGINT) AS kk`;
    case 'postgres':
      return `CAST(generate_series(0, ${count} - 1) AS BIGINT) AS kk`;
    case 'clickhouse':
      return `toInt64(arrayJoin(range(toUInt64(${count})))) AS kk`;
  }
}

/** @internal The SQL of validated options. */
export function cohortSql({ src, period, weekStartsOn }: CohortRead): string {
  const d = src.dialect;
  const END = int64Literal(src.endMs, d);
  const L = numberLiteral(periodIndexOf(src.endMs, period, weekStartsOn));
  const pIndex = (ms: string) => periodIndexSql(dayOfMs(ms, d), period, weekStartsOn, d);
  const points = subscriptionPointsSql(src);
  const cohort = `${pIndex('first')} AS cohort`;
  // Cohort sizes.
  const customers = `SELECT customer_id, min(first) AS first FROM (${points}) AS p GROUP BY customer_id`;
  const sizes = `SELECT cohort, ${toBigint('count(*)', d)} AS size FROM (SELECT ${cohort} FROM (${customers}) AS c WHERE first < ${END}) AS cc GROUP BY cohort`;
  // Merged interval starts and ends (zero-length merged intervals contain no boundary and are skipped).
  const starts = `SELECT DISTINCT customer_id, ${cohort}, s AS v FROM (${points}) AS p WHERE first < ${END} AND start_open = 1 AND NOT (end_open = 1 AND s = e)`;
  const ends = `SELECT DISTINCT customer_id, ${cohort}, e AS v FROM (${points}) AS p WHERE first < ${END} AND end_open = 1 AND NOT (start_open = 1 AND s = e) AND e < ${int64Literal(OPEN_END_MS, d)}`;
  const events =
    `SELECT cohort, ${toBigint(`${pIndex('v')} + 1`, d)} AS b, ${toBigint('1', d)} AS delta FROM (${starts}) AS st ` +
    `UNION ALL SELECT cohort, ${toBigint(`${pIndex('v - 1')} + 1`, d)} AS b, ${toBigint('-1', d)} AS delta FROM (${ends}) AS en`;
  const deltas = `SELECT cohort, b, ${toBigint('sum(delta)', d)} AS delta FROM (${events}) AS ev WHERE b <= ${L} GROUP BY cohort, b`;
  const grid = `SELECT cohort, size, ${gridColumn(`${L} - cohort`, d)} FROM (${sizes}) AS z`;
  const ch = d === 'clickhouse';
  const c = ch ? 'cohort' : 'g.cohort';
  const inTable = `${c} + 1 + kk <= ${L}`;
  const retained = toBigint(`sum(CASE WHEN ${ch ? 'b' : 'dd.b'} <= ${c} + 1 + kk THEN ${ch ? 'delta' : 'dd.delta'} ELSE 0 END)`, d);
  const select =
    `SELECT ${c} AS ${outCol('cohort', src)}, size AS ${outCol('size', src)}, ` +
    `CASE WHEN ${inTable} THEN kk ELSE NULL END AS ${outCol('k', src)}, CASE WHEN ${inTable} THEN ${retained} ELSE NULL END AS ${outCol('retained', src)}`;
  const join = ch ? `ALL LEFT JOIN (${deltas}) AS dd USING cohort` : `LEFT JOIN (${deltas}) AS dd ON dd.cohort = g.cohort`;
  return `${select} FROM (${grid}) AS g ${join} GROUP BY ${c}, size, kk`;
}
