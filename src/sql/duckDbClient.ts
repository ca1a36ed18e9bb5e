import { plainValue } from './_internal/run.js';
import { checkDriver } from './_internal/runner.js';
import type { SqlClient, SqlRow } from './sqlClient.js';

/** The part of a `@duckdb/node-api` `DuckDBConnection` that {@link duckDbClient} uses. */
export interface DuckDbConnectionLike {
  /** Runs SQL and reads the whole result. */
  runAndReadAll(sql: string): Promise<{
    /** The result rows as objects (column name to value). */
    getRowObjects(): Record<string, unknown>[];
  }>;
  /** Runs SQL. */
  run(sql: string): Promise<unknown>;
}

/**
 * A {@link SqlClient} over a DuckDB connection of `@duckdb/node-api` (the user's own; the library
 * does not import the driver). Values come back plain: BIGINT and HUGEINT as numbers when they are
 * safe integers (else decimal strings), DECIMAL, dates and other objects as their text.
 *
 * @param connection - A `DuckDBConnection` (from `(await DuckDBInstance.create(path)).connect()`).
 * @throws {@link MetricsInputError} when `connection` is not an object with `runAndReadAll`, `run`.
 * @returns A client with dialect `'duckdb'`.
 * @example
 * ```ts
 * import { duckDbClient } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
 * await client.query('SELECT 40 + 2 AS answer, 7.50::DECIMAL(4, 2) AS price'); // => [{ answer: 42, price: '7.50' }]
 * ```
 */
export function duckDbClient(connection: DuckDbConnectionLike): SqlClient {
  checkDriver(connection, 'connection', ['runAndReadAll', 'run']);
  return {
    dialect: 'duckdb',
    async query(sql: string): Promise<readonly SqlRow[]> {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjects().map(plainRow);
    },
    async execute(sql: string): Promise<void> {
      await connection.run(sql);
    },
  };
}

function plainRow(row: Record<string, unknown>): SqlRow {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) out[key] = plainValue(row[key]);
  return out;
}
