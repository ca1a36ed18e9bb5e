import { IssueList, z } from '../_lib/validate.js';
import { numberLiteral, toBigint, toDouble } from './_internal/dialect.js';
import { checkDateOption, customerLifetimesSql, int64Literal, outCol, readSubscriptionSource, type SubscriptionSource, type SubscriptionSourceOptions } from './_internal/subscriptions.js';

/** The durations' units of {@link survivalTableSql}: fixed lengths, as `survivalFromSubscriptions`. */
export type SurvivalUnit = 'day' | 'week' | 'month' | 'year';

/** Options of {@link survivalTableSql}. */
export interface SurvivalTableSqlOptions extends SubscriptionSourceOptions {
  /**
   * The time unit of the durations: fixed lengths, `'month'` = 1/12 of a Gregorian year
   * (30.436875 days), `'year'` = 365.2425 days (as `survivalFromSubscriptions`).
   * @defaultValue `'month'`
   */
  readonly unit?: SurvivalUnit;
  /**
   * The start of the data (left truncation, as `survivalFromSubscriptions`): customers who churned by
   * then are left out, the others enter the risk set at their age then (column `entry`).
   * @defaultValue none: every customer is seen from their start
   */
  readonly observationStart?: Date | number;
}

/** Milliseconds per unit (the lengths survivalFromSubscriptions uses). */
export const SURVIVAL_UNIT_MS: Readonly<Record<SurvivalUnit, number>> = { day: 86_400_000, week: 604_800_000, month: 2_629_746_000, year: 31_556_952_000 };

/** @internal The extra options' zod shape (shared with the runner). */
export const survivalExtraShape = { unit: z.enum(['day', 'week', 'month', 'year']).optional(), observationStart: z.any().optional() };

/** @internal Validated survival options. */
export interface SurvivalRead {
  readonly src: SubscriptionSource;
  readonly unitMs: number;
  readonly startMs: number | undefined;
}

/** @internal Validates survival options (records issues). */
export function readSurvivalOptions(options: unknown, issues: IssueList, extra: z.core.$ZodLooseShape = {}): SurvivalRead | undefined {
  const read = readSubscriptionSource(options, { ...survivalExtraShape, ...extra }, issues);
  const raw = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : undefined;
  let startMs: number | undefined;
  if (raw?.observationStart !== undefined) {
    startMs = checkDateOption(raw.observationStart, 'observationStart', issues);
    if (startMs !== undefined && read !== undefined && !(startMs < read.src.endMs)) issues.add('invalid_order', ['options', 'observationStart'], 'must be before observationEnd');
  }
  if (read === undefined || (raw?.observationStart !== undefined && startMs === undefined)) return undefined;
  const unit = (read.parsed.unit as SurvivalUnit | undefined) ?? 'month';
  return { src: read.src, unitMs: SURVIVAL_UNIT_MS[unit], startMs };
}

/**
 * SQL that turns a subscription table into the survival table `kaplanMeier` takes as weighted rows:
 * one row per distinct (duration, observed[, entry]) with `weight` = the number of customers, by
 * exactly the rules of `survivalFromSubscriptions`. Only this small table leaves the engine.
 *
 * Definition (as `survivalFromSubscriptions`): a customer's subscriptions are merged into activity
 * intervals (overlapping or touching ones merge); the lifetime runs from the earliest start to the
 * end of the first merged interval (a return after a churn is not a new life). It is `observed`
 * (churned) when that end is at or before `observationEnd`; otherwise it is censored at
 * `observationEnd`. Customers whose earliest start is at or after `observationEnd` are left out. With
 * `observationStart`: customers who churned at or before it are left out, the others enter at
 * `max(0, observationStart - start)`, and lifetimes not longer than their entry are left out.
 * Durations are millisecond differences divided by the unit's fixed length.
 *
 * Result columns: `duration` (double, in `unit`), `observed` (1 churned, 0 censored), `weight`
 * (customers), `duration_ms` (integer); with `observationStart` also `entry` (double) and `entry_ms`.
 * {@link readSurvivalTable} turns the rows into `kaplanMeier`'s input. Rows with a NULL customer id
 * or start, or an end before the start, are left out here: {@link invalidSubscriptionRowsSql} counts
 * them and {@link survivalTableInSql} refuses them by default, as `survivalFromSubscriptions` does.
 *
 * Written for all three engines (no window function, no CTE, no division in a CASE). Cost in the
 * engine: a per-customer pairwise test of the subscriptions (see docs/sql.md), two hash aggregations.
 *
 * @param options - Dialect, table, columns, `observationEnd`, `unit`, `observationStart`; see {@link SurvivalTableSqlOptions}.
 * @returns One SELECT statement.
 * @throws {@link MetricsInputError} for an unknown dialect or unit, an identifier that cannot be
 *   quoted safely, an invalid date, `observationStart` not before `observationEnd`, or an unknown option.
 * @see Kaplan & Meier (1958), "Nonparametric estimation from incomplete observations", JASA 53(282);
 *   docs/sql.md for the rule-by-rule table of SQL expressions.
 * @example
 * ```ts
 * import { survivalTableSql } from 'customer-metrics/sql';
 * import { kaplanMeier } from 'customer-metrics/retention';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * // b's two subscriptions overlap: b churns once, on Jan 21. c is still active.
 * await db.run(`CREATE TABLE subs AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', DATE '2024-01-11'), ('b', DATE '2024-01-01', DATE '2024-01-06'), ('b', DATE '2024-01-05', DATE '2024-01-21'), ('c', DATE '2024-01-03', NULL), ('d', DATE '2024-01-03', DATE '2024-01-13')) AS t(id, started, ended)`);
 * const sql = survivalTableSql({ dialect: 'duckdb', table: 'subs', columns: { customerId: 'id', start: 'started', end: 'ended' }, observationEnd: Date.UTC(2024, 0, 31), unit: 'day' });
 * const rows = (await db.runAndReadAll(`${sql} ORDER BY duration`)).getRowObjectsJson();
 * // a and d: 10 days, churned; b: 20 days, churned; c: censored at Jan 31, 28 days.
 * rows.map((r) => [r.duration, r.observed, r.weight]); // => [[10, '1', '2'], [20, '1', '1'], [28, '0', '1']]
 * kaplanMeier({ durations: [10, 20, 28], observed: [true, true, false], weights: [2, 1, 1] }).survival; // => [0.5, 0.25, 0.25]
 * ```
 */
export function survivalTableSql(options: SurvivalTableSqlOptions): string {
  const issues = new IssueList();
  const read = readSurvivalOptions(options, issues);
  issues.throwIfAny();
  return survivalSql(read as SurvivalRead);
}

/** @internal The SQL of validated options. */
export function survivalSql({ src, unitMs, startMs }: SurvivalRead): string {
  const d = src.dialect;
  const END = int64Literal(src.endMs, d);
  // stop = churn when churned (churn <= end), else the observation end: least(churn, end).
  const lives = `SELECT first, churn, least(churn, ${END}) AS stop FROM (${customerLifetimesSql(src)}) AS l WHERE first < ${END}`;
  const observed = toBigint(`CASE WHEN churn <= ${END} THEN 1 ELSE 0 END`, d);
  const unit = numberLiteral(unitMs);
  if (startMs === undefined) {
    const rows = `SELECT ${toBigint('stop - first', d)} AS duration_ms, ${observed} AS observed FROM (${lives}) AS v`;
    return (
      `SELECT ${toDouble('duration_ms', d)} / ${unit} AS ${outCol('duration', src)}, observed AS ${outCol('observed', src)}, ` +
      `${toBigint('count(*)', d)} AS ${outCol('weight', src)}, duration_ms AS ${outCol('duration_ms', src)} FROM (${rows}) AS r GROUP BY duration_ms, observed`
    );
  }
  const START = int64Literal(startMs, d);
  const rows =
    `SELECT ${toBigint('stop - first', d)} AS duration_ms, ${observed} AS observed, ${toBigint(`greatest(${START} - first, 0)`, d)} AS entry_ms ` +
    `FROM (${lives}) AS v WHERE churn > ${START} AND stop - first > greatest(${START} - first, 0)`;
  return (
    `SELECT ${toDouble('duration_ms', d)} / ${unit} AS ${outCol('duration', src)}, observed AS ${outCol('observed', src)}, ` +
    `${toDouble('entry_ms', d)} / ${unit} AS ${outCol('entry', src)}, ${toBigint('count(*)', d)} AS ${outCol('weight', src)}, ` +
    `duration_ms AS ${outCol('duration_ms', src)}, entry_ms AS ${outCol('entry_ms', src)} FROM (${rows}) AS r GROUP BY duration_ms, observed, entry_ms`
  );
}
