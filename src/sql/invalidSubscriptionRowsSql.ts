import { IssueList } from '../_lib/validate.js';
import { toBigint } from './_internal/dialect.js';
import {
  invalidSubscriptionConditions,
  outCol,
  readSubscriptionSource,
  reasonColumn,
  validSubscriptionCondition,
  type InvalidSubscriptionRowReason,
  type SubscriptionSourceOptions,
} from './_internal/subscriptions.js';

export type { InvalidSubscriptionRowReason, SubscriptionColumns, SubscriptionRowCounts, SubscriptionSourceOptions } from './_internal/subscriptions.js';

/**
 * SQL that counts a subscription table's rows: all of them, the valid ones, and the invalid ones per
 * reason, which the retention builders ({@link survivalTableSql}, {@link cohortRetentionSql}) leave
 * out and their runners refuse by default, as `survivalFromSubscriptions` and `cohortRetention`
 * refuse such records.
 *
 * Reasons (a row with several counts under each): `customer_id_null` (a NULL customer id),
 * `start_null` (a NULL start), `end_before_start` (an end earlier than the start, to the
 * millisecond). A NULL end is not a problem: the subscription is still active. One row; all columns
 * are integers. Cost in the engine: one scan.
 *
 * @param options - Dialect, table, columns and `observationEnd` (validated, not used in the counts;
 *   it keeps the options of every subscription builder interchangeable).
 * @returns One SELECT statement.
 * @throws {@link MetricsInputError} for an unknown dialect, an identifier that cannot be quoted
 *   safely, an invalid `observationEnd`, or an unknown option.
 * @example
 * ```ts
 * import { invalidSubscriptionRowsSql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * await db.run(`CREATE TABLE subs AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', NULL), (NULL, DATE '2024-01-01', NULL), ('b', NULL, DATE '2024-02-01'), ('c', DATE '2024-03-01', DATE '2024-02-01')) AS t(id, started, ended)`);
 * const sql = invalidSubscriptionRowsSql({ dialect: 'duckdb', table: 'subs', columns: { customerId: 'id', start: 'started', end: 'ended' }, observationEnd: Date.UTC(2024, 5, 30) });
 * (await db.runAndReadAll(sql)).getRowObjectsJson(); // => [{ rows: '4', valid_rows: '1', customer_id_null: '1', start_null: '1', end_before_start: '1' }]
 * ```
 */
export function invalidSubscriptionRowsSql(options: SubscriptionSourceOptions): string {
  const issues = new IssueList();
  const read = readSubscriptionSource(options, {}, issues);
  issues.throwIfAny();
  const { src } = read as NonNullable<typeof read>;
  const d = src.dialect;
  const count = (cond: string) => toBigint(`sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`, d);
  const parts = [`${toBigint('count(*)', d)} AS ${outCol('rows', src)}`, `${count(validSubscriptionCondition(src))} AS ${outCol('valid_rows', src)}`];
  for (const [reason, cond] of Object.entries(invalidSubscriptionConditions(src))) {
    parts.push(`${count(cond)} AS ${outCol(reasonColumn(reason as InvalidSubscriptionRowReason), src)}`);
  }
  return `SELECT ${parts.join(', ')} FROM ${src.table}`;
}
