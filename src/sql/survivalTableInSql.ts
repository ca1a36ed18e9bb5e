import { IssueList } from '../_lib/validate.js';
import { checkClient, queryOne, withClientDialect } from './_internal/runner.js';
import { runQuery } from './_internal/run.js';
import { invalidRowsOption, readSubscriptionCounts, refuseInvalidSubscriptions, type SubscriptionRowCounts } from './_internal/subscriptions.js';
import { invalidSubscriptionRowsSql } from './invalidSubscriptionRowsSql.js';
import { readSurvivalTable, type WeightedSurvivalData } from './readSurvivalTable.js';
import { readSurvivalOptions, survivalSql, type SurvivalRead, type SurvivalTableSqlOptions } from './survivalTableSql.js';
import type { SqlClient } from './sqlClient.js';

/** Options of {@link survivalTableInSql}: those of {@link survivalTableSql} without the dialect (the client's). */
export interface SurvivalTableInSqlOptions extends Omit<SurvivalTableSqlOptions, 'dialect'> {
  /**
   * What to do with invalid rows (NULL customer id or start, an end before the start): `'refuse'`
   * throws a MetricsInputError with the count per reason, as `survivalFromSubscriptions` refuses such
   * records; `'exclude'` leaves them out and returns the counts.
   * @defaultValue `'refuse'`
   */
  readonly invalidRows?: 'refuse' | 'exclude';
}

/** What {@link survivalTableInSql} returns. */
export interface SurvivalTableInSqlResult {
  /** The weighted survival data, ready for `kaplanMeier`. */
  readonly survival: WeightedSurvivalData;
  /** The customers in it (the sum of the weights). */
  readonly customers: number;
  /** How the table's rows were used. */
  readonly rows: SubscriptionRowCounts;
}

/**
 * Runs {@link survivalTableSql} on a client: the subscription table is reduced in the engine to one
 * row per distinct (duration, observed[, entry]), read with {@link readSurvivalTable}. Two queries:
 * the row counts of {@link invalidSubscriptionRowsSql} (refused or returned, see `invalidRows`), then
 * the survival table. `kaplanMeier` of the result equals `kaplanMeier` of
 * `survivalFromSubscriptions` on the same records.
 *
 * @param client - An {@link SqlClient} (its dialect decides the SQL).
 * @param options - See {@link SurvivalTableInSqlOptions}.
 * @returns The survival data, the number of customers, and the row counts.
 * @throws {@link MetricsInputError} for invalid options or client, or (by default) invalid rows.
 * @throws {@link SqlQueryError} when the engine fails (with the SQL).
 * @example
 * ```ts
 * import { duckDbClient, survivalTableInSql } from 'customer-metrics/sql';
 * import { kaplanMeier } from 'customer-metrics/retention';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const connection = await (await DuckDBInstance.create(':memory:')).connect();
 * await connection.run(`CREATE TABLE subs AS SELECT * FROM (VALUES (1, DATE '2024-01-01', DATE '2024-03-01'), (2, DATE '2024-01-01', NULL), (2, DATE '2023-06-01', DATE '2023-07-01')) AS t(id, started, ended)`);
 * const { survival, customers } = await survivalTableInSql(duckDbClient(connection), { table: 'subs', columns: { customerId: 'id', start: 'started', end: 'ended' }, observationEnd: Date.UTC(2024, 5, 1), unit: 'day' });
 * // 1 churned after the 60 days of Jan + Feb 2024; 2's first life was Jun 1 .. Jul 1, 2023 (30 days): the return is not a new life.
 * [customers, [...survival.durations].sort((a, b) => a - b)]; // => [2, [30, 60]]
 * kaplanMeier(survival).survival; // => [0.5, 0]
 * ```
 */
export async function survivalTableInSql(client: SqlClient, options: SurvivalTableInSqlOptions): Promise<SurvivalTableInSqlResult> {
  const issues = new IssueList();
  const okClient = checkClient(client, issues);
  const read = readSurvivalOptions(withClientDialect(options, okClient ? client.dialect : 'duckdb', issues), issues, { invalidRows: invalidRowsOption });
  issues.throwIfAny();
  const r = read as SurvivalRead;
  const { invalidRows = 'refuse', ...rest } = options;
  const countIssues = new IssueList();
  const counts = readSubscriptionCounts(await queryOne(client, invalidSubscriptionRowsSql({ dialect: client.dialect, table: rest.table, columns: rest.columns, observationEnd: rest.observationEnd })), countIssues);
  countIssues.throwIfAny();
  if (invalidRows === 'refuse') refuseInvalidSubscriptions(counts as SubscriptionRowCounts);
  const survival = readSurvivalTable(await runQuery(client, survivalSql(r)), { unit: rest.unit ?? 'month' });
  return { survival, customers: survival.weights.reduce((s, w) => s + w, 0), rows: counts as SubscriptionRowCounts };
}
