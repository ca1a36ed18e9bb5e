import { plainValue } from './_internal/run.js';
import { checkDriver } from './_internal/runner.js';
import type { SqlClient, SqlRow } from './sqlClient.js';

/** The part of a `pg` `Client`, `PoolClient` or `Pool` that {@link postgresClient} uses. */
export interface PostgresQueryable {
  /** Runs SQL. */
  query(sql: string): Promise<{
    /** The result rows. */
    rows: Record<string, unknown>[];
  }>;
}

/**
 * A {@link SqlClient} over a `pg` client or pool (the user's own; the library does not import the
 * driver). `pg` returns BIGINT and NUMERIC as strings, which the library's readers accept.
 *
 * @param client - A connected `pg.Client`, a `pg.Pool` or anything with `query(sql)` resolving to `{ rows }`.
 * @throws {@link MetricsInputError} when `client` is not an object with `query`.
 * @returns A client with dialect `'postgres'`.
 * @example
 * ```ts
 * import { postgresClient } from 'customer-metrics/sql';
 * // A stand-in with pg's shape; pass `new pg.Client(...)` after `await client.connect()` in practice.
 * const client = postgresClient({ query: async () => ({ rows: [{ n: '42' }] }) });
 * client.dialect; // => 'postgres'
 * await client.query('SELECT 42::bigint AS n'); // => [{ n: '42' }]
 * ```
 */
export function postgresClient(client: PostgresQueryable): SqlClient {
  checkDriver(client, 'client', ['query']);
  return {
    dialect: 'postgres',
    async query(sql: string): Promise<readonly SqlRow[]> {
      const result = await client.query(sql);
      return result.rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(row)) out[key] = plainValue(row[key]);
        return out;
      });
    },
    async execute(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}
