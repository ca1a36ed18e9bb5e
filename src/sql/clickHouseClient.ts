import { plainValue } from './_internal/run.js';
import { checkDriver } from './_internal/runner.js';
import type { SqlClient, SqlRow } from './sqlClient.js';

/** The part of a `@clickhouse/client` `ClickHouseClient` that {@link clickHouseClient} uses. */
export interface ClickHouseClientLike {
  /** Runs a SELECT; the result set reads as JSON rows. */
  query(params: { query: string; format: 'JSONEachRow' }): Promise<{
    /** The result rows, parsed. */
    json<T = unknown>(): Promise<T[]>;
  }>;
  /** Runs a statement without a result. */
  command(params: { query: string }): Promise<unknown>;
}

/**
 * A {@link SqlClient} over a ClickHouse client of `@clickhouse/client` (the user's own; the library
 * does not import the driver), or anything of the same shape. Rows are read as `JSONEachRow`, where
 * ClickHouse writes 64-bit integers as strings; the library's readers accept them.
 *
 * @param client - A `ClickHouseClient` from `createClient({ url })`.
 * @throws {@link MetricsInputError} when `client` is not an object with `query`, `command`.
 * @returns A client with dialect `'clickhouse'`.
 * @example
 * ```ts
 * import { clickHouseClient } from 'customer-metrics/sql';
 * // A stand-in with the driver's shape; pass `createClient({ url })` of @clickhouse/client in practice.
 * const client = clickHouseClient({
 *   query: async () => ({ json: async <T>() => [{ n: '42' }] as T[] }),
 *   command: async () => ({}),
 * });
 * await client.query('SELECT toInt64(42) AS n'); // => [{ n: '42' }]
 * ```
 */
export function clickHouseClient(client: ClickHouseClientLike): SqlClient {
  checkDriver(client, 'client', ['query', 'command']);
  return {
    dialect: 'clickhouse',
    async query(sql: string): Promise<readonly SqlRow[]> {
      const result = await client.query({ query: sql, format: 'JSONEachRow' });
      const rows = await result.json<Record<string, unknown>>();
      return rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(row)) out[key] = plainValue(row[key]);
        return out;
      });
    },
    async execute(sql: string): Promise<void> {
      await client.command({ query: sql });
    },
  };
}
