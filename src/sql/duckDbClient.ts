import { numberLiteral } from './_internal/dialect.js';
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
  /**
   * Runs SQL. With `@duckdb/node-api` this resolves to a materialised result whose chunks the
   * client reads column by column for {@link SqlClient.queryNumbers}.
   */
  run(sql: string): Promise<unknown>;
}

/** The chunked result of `DuckDBConnection.run` (`DuckDBMaterializedResult`), as far as it is read. */
interface ChunkedResult {
  columnNames(): string[];
  readonly chunkCount: number;
  getChunk(index: number): { readonly rowCount: number; getColumnVector(column: number): { getItem(row: number): unknown } };
}

function isChunked(result: unknown): result is ChunkedResult {
  if (typeof result !== 'object' || result === null) return false;
  const r = result as Record<string, unknown>;
  return typeof r.columnNames === 'function' && typeof r.getChunk === 'function' && typeof r.chunkCount === 'number';
}

// Rows per INSERT of the bulk write: each column travels as one text literal that the engine splits
// and casts (one literal instead of a parsed expression per value).
const INSERT_BATCH = 100_000;

/**
 * A {@link SqlClient} over a DuckDB connection of `@duckdb/node-api` (the user's own; the library
 * does not import the driver). Values come back plain: BIGINT and HUGEINT as numbers when they are
 * safe integers (else decimal strings), DECIMAL, dates and other objects as their text.
 *
 * Besides `query` and `execute`, the client has the two optional bulk paths of the contract:
 * `insert` writes each column as one text list that DuckDB splits and casts
 * (`unnest(string_split(...)::DOUBLE[])`, 100,000 rows per statement, each value written with the
 * digits that read back as the same double), and `queryNumbers` reads a numeric result chunk by
 * chunk into `Float64Array`s (NULL as `NaN`) when the connection's `run` gives DuckDB's materialised
 * result (else it reads rows).
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
 * const { x } = await client.queryNumbers!('SELECT range / 4 AS x FROM range(3)');
 * [...x!]; // => [0, 0.25, 0.5]
 * ```
 */
export function duckDbClient(connection: DuckDbConnectionLike): SqlClient {
  checkDriver(connection, 'connection', ['runAndReadAll', 'run']);
  const query = async (sql: string): Promise<readonly SqlRow[]> => {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjects().map(plainRow);
  };
  return {
    dialect: 'duckdb',
    query,
    async execute(sql: string): Promise<void> {
      await connection.run(sql);
    },
    async insert(table: string, columns: readonly string[], rows: readonly (readonly number[])[]): Promise<void> {
      const quoted = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
      for (let start = 0; start < rows.length; start += INSERT_BATCH) {
        const batch = rows.slice(start, start + INSERT_BATCH);
        const lists = columns.map((_, j) => `unnest(string_split('${batch.map((r) => numberLiteral(r[j] as number)).join(',')}', ',')::DOUBLE[])`);
        await connection.run(`INSERT INTO ${table} (${quoted}) SELECT ${lists.join(', ')}`);
      }
    },
    async queryNumbers(sql: string): Promise<Readonly<Record<string, Float64Array>>> {
      const result = await connection.run(sql);
      if (!isChunked(result)) return numbersFromRows(await query(sql));
      const names = result.columnNames();
      let total = 0;
      for (let k = 0; k < result.chunkCount; k++) total += result.getChunk(k).rowCount;
      const out = names.map(() => new Float64Array(total));
      let offset = 0;
      for (let k = 0; k < result.chunkCount; k++) {
        const chunk = result.getChunk(k);
        const n = chunk.rowCount;
        for (let j = 0; j < names.length; j++) {
          const vector = chunk.getColumnVector(j);
          const column = out[j] as Float64Array;
          for (let i = 0; i < n; i++) column[offset + i] = numeric(vector.getItem(i));
        }
        offset += n;
      }
      return Object.fromEntries(names.map((name, j) => [name, out[j] as Float64Array]));
    },
  };
}

/** A driver value as a double: numbers as they are, bigints and numeric text converted, NULL as NaN. */
function numeric(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return Number.NaN;
  return Number(typeof value === 'bigint' ? value : String(value));
}

function numbersFromRows(rows: readonly SqlRow[]): Record<string, Float64Array> {
  const names = rows.length === 0 ? [] : Object.keys(rows[0] as SqlRow);
  return Object.fromEntries(names.map((name) => [name, Float64Array.from(rows, (row) => numeric(row[name]))]));
}

function plainRow(row: Record<string, unknown>): SqlRow {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) out[key] = plainValue(row[key]);
  return out;
}
