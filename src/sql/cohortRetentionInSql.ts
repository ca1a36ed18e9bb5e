import type { CohortRetentionResult } from '../retention/index.js';
import { MetricsInputError, isMetricsInputError } from '../errors.js';
import { IssueList } from '../_lib/validate.js';

const MAX_COHORT_PERIODS = 2000;
import { checkClient, queryOne, withClientDialect } from './_internal/runner.js';
import { runQuery } from './_internal/run.js';
import { invalidRowsOption, readSubscriptionCounts, refuseInvalidSubscriptions, type SubscriptionRowCounts } from './_internal/subscriptions.js';
import { cohortSql, readCohortOptions, type CohortRead, type CohortRetentionSqlOptions } from './cohortRetentionSql.js';
import { invalidSubscriptionRowsSql } from './invalidSubscriptionRowsSql.js';
import { readCohortRetention } from './readCohortRetention.js';
import type { SqlClient } from './sqlClient.js';

/** Options of {@link cohortRetentionInSql}: those of {@link cohortRetentionSql} without the dialect (the client's). */
export interface CohortRetentionInSqlOptions extends Omit<CohortRetentionSqlOptions, 'dialect'> {
  /**
   * What to do with invalid rows (NULL customer id or start, an end before the start): `'refuse'`
   * throws a MetricsInputError with the count per reason, as `cohortRetention` refuses such records;
   * `'exclude'` leaves them out and returns the counts.
   * @defaultValue `'refuse'`
   */
  readonly invalidRows?: 'refuse' | 'exclude';
}

/** What {@link cohortRetentionInSql} returns. */
export interface CohortRetentionInSqlResult {
  /** The triangle, as `cohortRetention` gives it for records without MRR. */
  readonly retention: CohortRetentionResult;
  /** How the table's rows were used. */
  readonly rows: SubscriptionRowCounts;
}

/**
 * Runs {@link cohortRetentionSql} on a client and reads the triangle with
 * {@link readCohortRetention}: the result equals `cohortRetention` of the same records without
 * `mrr`. Two queries: the row counts of {@link invalidSubscriptionRowsSql} (refused or returned, see
 * `invalidRows`), then the triangle.
 *
 * @param client - An {@link SqlClient} (its dialect decides the SQL).
 * @param options - See {@link CohortRetentionInSqlOptions}.
 * @returns The triangle and the row counts.
 * @throws {@link MetricsInputError} for invalid options or client, (by default) invalid rows, or a
 *   table spanning more than 2,000 periods.
 * @throws {@link SqlQueryError} when the engine fails (with the SQL).
 * @example
 * ```ts
 * import { cohortRetentionInSql, duckDbClient } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const connection = await (await DuckDBInstance.create(':memory:')).connect();
 * // c has two subscriptions that touch (Feb 2 .. Mar 5, Mar 5 .. open): one customer, never out of the base.
 * await connection.run(`CREATE TABLE subs AS SELECT * FROM (VALUES ('a', DATE '2025-01-03', NULL), ('b', DATE '2025-01-09', DATE '2025-02-20'), ('c', DATE '2025-02-02', DATE '2025-03-05'), ('c', DATE '2025-03-05', NULL)) AS t(id, started, ended)`);
 * const { retention } = await cohortRetentionInSql(duckDbClient(connection), { table: 'subs', columns: { customerId: 'id', start: 'started', end: 'ended' }, observationEnd: Date.UTC(2025, 3, 1) });
 * retention.cohorts.map((c) => [c.label, c.size, c.retained]); // => [['2025-01', 2, [2, 1, 1]], ['2025-02', 1, [1, 1]]]
 * // column 1: (1 + 1) customers retained of (2 + 1)
 * retention.averageRetention; // => [1, 2 / 3, 0.5]
 * ```
 */
export async function cohortRetentionInSql(client: SqlClient, options: CohortRetentionInSqlOptions): Promise<CohortRetentionInSqlResult> {
  const issues = new IssueList();
  const okClient = checkClient(client, issues);
  const read = readCohortOptions(withClientDialect(options, okClient ? client.dialect : 'duckdb', issues), issues, { invalidRows: invalidRowsOption });
  issues.throwIfAny();
  const r = read as CohortRead;
  const countIssues = new IssueList();
  const counts = readSubscriptionCounts(await queryOne(client, invalidSubscriptionRowsSql({ dialect: client.dialect, table: options.table, columns: options.columns, observationEnd: options.observationEnd })), countIssues);
  countIssues.throwIfAny();
  if ((options.invalidRows ?? 'refuse') === 'refuse') refuseInvalidSubscriptions(counts as SubscriptionRowCounts);
  const rows = await runQuery(client, cohortSql(r));
  let retention: CohortRetentionResult;
  try {
    retention = readCohortRetention(rows, { period: r.period, weekStartsOn: r.weekStartsOn as 1 });
  } catch (error) {
    // The reader's "more than 2,000 periods" is cohortRetention's error about observationEnd.
    if (isMetricsInputError(error) && error.issues.length === 1 && error.issues[0]?.code === 'too_big' && error.issues[0].path.length === 1) {
      throw new MetricsInputError([{ code: 'too_big', path: ['options', 'observationEnd'], message: `is too far after the earliest start: at most ${MAX_COHORT_PERIODS} periods are tabulated` }]);
    }
    throw error;
  }
  return { retention, rows: counts as SubscriptionRowCounts };
}
