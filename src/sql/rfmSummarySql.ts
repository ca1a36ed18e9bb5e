import { IssueList } from '../_lib/validate.js';
import type { DateInput } from '../types.js';
import { readEndSource, summaryCoreSql, summarySelect, type TransactionSourceOptions } from './_internal/source.js';

/** Options of {@link rfmSummarySql}. */
export interface RfmSummarySqlOptions extends TransactionSourceOptions {
  /**
   * The end of observation: its period is the last one observed (as in `rfmSummary`): purchases in
   * later periods are ignored and customers whose first purchase comes later are left out.
   */
  readonly observationEnd: DateInput;
}

/**
 * SQL that summarises a transaction table into one row per customer with exactly the semantics of
 * `rfmSummary`, for DuckDB, PostgreSQL or ClickHouse.
 *
 * Definition (lifetimes' rules, as `rfmSummary`): each valid row's timestamp is mapped to its
 * calendar `period` in UTC (day `floor(epoch / 86400 s)`, week `floor((day + 4 - weekStartsOn) / 7)`,
 * month `12 year + month - 1` of the UTC date, quarter and year from the month); a customer's
 * purchases in one period are added up; periods after the observation end's period are dropped. Per
 * customer: `frequency` = number of periods - 1, `recency` = (last - first period) x units per period,
 * `T` = (observation end's period - first period) x units per period, `monetary_value` = the total of
 * the periods after the first divided by `frequency` (0 when it is 0). Amounts are added exactly as
 * integers in units of 10^-amountScale.
 *
 * Result columns: `customer_id`, `frequency` (integer), `recency`, `T`, `monetary_value` (doubles),
 * `repeat_total_units` (text: the exact total of the repeat periods in 10^-amountScale, from which
 * {@link readSummaryRows} computes the exact mean), `recency_periods`, `t_periods` (integers).
 *
 * Rows that are not valid (a NULL id, timestamp or amount, a negative amount without `allowRefunds`,
 * an amount with more than `amountScale` decimals, text that is not a number with
 * `amountType: 'text'`) are left out here; {@link invalidRowsSql} counts them per reason, and
 * {@link rfmSummaryInSql} refuses them by default, as `rfmSummary` does.
 *
 * Written for all three engines: no window function, no CTE, no division a CASE would have to guard
 * (ClickHouse evaluates every branch). Cost in the engine: one scan and two hash aggregations.
 *
 * @param options - Dialect, table, columns, observation end, period and unit; see {@link RfmSummarySqlOptions}.
 * @returns One SELECT statement (no trailing semicolon).
 * @throws {@link MetricsInputError} for an unknown dialect, an identifier that is empty, longer than
 *   63 bytes, has a control character (or, for ClickHouse, a backtick or backslash), an invalid
 *   date, a unit not convertible from the period, or an unknown option.
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   docs/sql.md for the rule-by-rule table of SQL expressions.
 * @example
 * ```ts
 * import { rfmSummarySql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * await db.run(`CREATE TABLE tx AS SELECT * FROM (VALUES ('a', TIMESTAMP '2024-01-01 10:00', 10.00), ('a', TIMESTAMP '2024-01-08 09:00', 20.50), ('a', TIMESTAMP '2024-01-08 18:00', 4.50), ('b', TIMESTAMP '2024-01-20 12:00', 7.00)) AS t(id, ts, amount)`);
 * const sql = rfmSummarySql({ dialect: 'duckdb', table: 'tx', columns: { customerId: 'id', timestamp: "ts", amount: 'amount' }, observationEnd: Date.UTC(2024, 0, 31) });
 * const rows = (await db.runAndReadAll(`${sql} ORDER BY customer_id`)).getRowObjectsJson();
 * // a: first period Jan 1; Jan 8 is one repeat period worth 20.50 + 4.50 = 25.
 * rows.map((r) => [r.customer_id, r.frequency, r.recency, r.T, r.monetary_value]); // => [['a', '1', 7, 30, 25], ['b', '0', 0, 11, 0]]
 * ```
 */
export function rfmSummarySql(options: RfmSummarySqlOptions): string {
  const issues = new IssueList();
  const read = readEndSource(options, {}, issues);
  issues.throwIfAny();
  const { src, end } = read as NonNullable<typeof read>;
  return `SELECT ${summarySelect(src)} FROM (${summaryCoreSql(src, end)}) AS s`;
}
