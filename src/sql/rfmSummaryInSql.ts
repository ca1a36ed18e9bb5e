import type { CustomerSummary } from '../clv/index.js';
import { IssueList, z } from '../_lib/validate.js';
import { checkClient, queryOne, withClientDialect, readCounts, refuseInvalid, type TransactionRowCounts } from './_internal/runner.js';
import { readEndSource } from './_internal/source.js';
import { invalidRowsSql } from './invalidRowsSql.js';
import { readSummaryRows } from './readSummaryRows.js';
import { rfmSummarySql, type RfmSummarySqlOptions } from './rfmSummarySql.js';
import { runQuery } from './_internal/run.js';
import type { SqlClient } from './sqlClient.js';

export type { TransactionRowCounts } from './_internal/runner.js';

/** Options of {@link rfmSummaryInSql}: those of {@link rfmSummarySql} without the dialect (the client's). */
export interface RfmSummaryInSqlOptions extends Omit<RfmSummarySqlOptions, 'dialect'> {
  /**
   * What to do with invalid rows (NULL id, timestamp or amount, negative or too precise amounts):
   * `'refuse'` throws a MetricsInputError with the count per reason, as `rfmSummary` refuses such
   * transactions; `'exclude'` leaves them out and returns the counts.
   * @defaultValue `'refuse'`
   */
  readonly invalidRows?: 'refuse' | 'exclude';
}

/** What {@link rfmSummaryInSql} returns. */
export interface RfmSummaryInSqlResult {
  /** One summary per customer, as `rfmSummary` gives it (order: the engine's). */
  readonly customers: CustomerSummary[];
  /** How the table's rows were used. */
  readonly rows: TransactionRowCounts;
}

/**
 * Runs {@link rfmSummarySql} on a client and reads every customer's summary into JavaScript: the
 * whole table is aggregated in the engine, one row per customer crosses the wire. For very large
 * customer bases use {@link scoreCustomersInSql}, where only patterns cross.
 *
 * Two queries: the row counts of {@link invalidRowsSql} (refused or returned, see `invalidRows`),
 * then the summary.
 *
 * @param client - An {@link SqlClient} (its dialect decides the SQL).
 * @param options - See {@link RfmSummaryInSqlOptions}.
 * @returns The customers and the row counts.
 * @throws {@link MetricsInputError} for invalid options or client, or (by default) invalid rows.
 * @throws {@link SqlQueryError} when the engine fails (with the SQL).
 * @example
 * ```ts
 * import { duckDbClient, rfmSummaryInSql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const connection = await (await DuckDBInstance.create(':memory:')).connect();
 * await connection.run(`CREATE TABLE tx AS SELECT * FROM (VALUES (7, DATE '2024-01-01', 3.00), (7, DATE '2024-01-04', 1.25), (8, DATE '2024-02-01', 2.00)) AS t(id, day, amount)`);
 * const { customers, rows } = await rfmSummaryInSql(duckDbClient(connection), { table: 'tx', columns: { customerId: 'id', timestamp: 'day', amount: 'amount' }, observationEnd: Date.UTC(2024, 0, 31) });
 * customers.map((c) => [c.customerId, c.frequency, c.recency, c.T, c.monetaryValue.toString()]); // => [[7, 1, 3, 30, '1.25']]
 * [rows.usedRows, rows.afterObservationEnd]; // => [2, 1]
 * ```
 */
export async function rfmSummaryInSql(client: SqlClient, options: RfmSummaryInSqlOptions): Promise<RfmSummaryInSqlResult> {
  const issues = new IssueList();
  const okClient = checkClient(client, issues);
  readEndSource(withClientDialect(options, okClient ? client.dialect : 'duckdb', issues), { invalidRows: z.enum(['refuse', 'exclude']).optional() }, issues);
  issues.throwIfAny();
  const { invalidRows = 'refuse', ...rest } = options;
  const sqlOptions = { ...rest, dialect: client.dialect } as RfmSummarySqlOptions;
  const countIssues = new IssueList();
  const counts = readCounts(await queryOne(client, invalidRowsSql(sqlOptions)), countIssues);
  countIssues.throwIfAny();
  if (counts === undefined) throw new TypeError('rfmSummaryInSql: the count query returned no row');
  if (invalidRows === 'refuse') refuseInvalid(counts);
  const rows = await runQuery(client, rfmSummarySql(sqlOptions));
  const customers = readSummaryRows(rows, { amountScale: rest.amountScale ?? 2 });
  return { customers, rows: counts };
}

