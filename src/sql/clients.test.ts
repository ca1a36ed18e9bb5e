/**
 * The driver adapters without a server: postgresClient and clickHouseClient over stand-ins with the
 * drivers' shapes (what `pg` and `@clickhouse/client` return), and duckDbClient's paths that the
 * real DuckDB connection does not take (a `run` without chunks). The engines themselves are tested
 * by test/sql-pglite.test.ts (PostgreSQL in process), test/sql-duckdb.test.ts and the engine suites.
 */
import { describe, expect, it } from 'vitest';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { clickHouseClient, duckDbClient, postgresClient, rfmSummaryInSql, SqlQueryError } from './index.js';

// What drivers hand back: 64-bit integers as bigints (safe or not), NUMERIC as objects with a
// toString, dates, NULL.
const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const driverRow = () => ({
  safe: MAX,
  unsafe: MAX + 1n,
  negativeSafe: -MAX,
  negativeUnsafe: -MAX - 1n,
  numeric: { toString: () => '12.50' },
  when: new Date(Date.UTC(2024, 0, 1)),
  none: null,
  text: 'a',
  n: 3,
});
const plainRow = {
  safe: Number.MAX_SAFE_INTEGER,
  unsafe: '9007199254740992',
  negativeSafe: -Number.MAX_SAFE_INTEGER,
  negativeUnsafe: '-9007199254740992',
  numeric: '12.50',
  when: new Date(Date.UTC(2024, 0, 1)),
  none: null,
  text: 'a',
  n: 3,
};

describe('postgresClient over a stand-in with pg\'s shape', () => {
  it('sends the SQL as it is, reads rows as plain values (bigints as numbers when safe, else text; objects as text), executes statements', async () => {
    const seen: string[] = [];
    const client = postgresClient({
      query: async (sql: string) => {
        seen.push(sql);
        return { rows: [driverRow(), { n: 4 }] };
      },
    });
    expect(client.dialect).toBe('postgres');
    expect(await client.query('SELECT 1')).toEqual([plainRow, { n: 4 }]);
    await client.execute('CREATE TABLE t (x INT)');
    expect(seen).toEqual(['SELECT 1', 'CREATE TABLE t (x INT)']);
  });

  it('a driver failure reaches the runner, which wraps it in SqlQueryError with the SQL and the cause', async () => {
    const cause = new Error('relation "tx" does not exist');
    const client = postgresClient({ query: async () => Promise.reject(cause) });
    const error = await rfmSummaryInSql(client, { table: 'tx', columns: { customerId: 'id', timestamp: 'ts' }, observationEnd: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlQueryError);
    expect((error as SqlQueryError).dialect).toBe('postgres');
    expect((error as SqlQueryError).sql).toMatch(/^SELECT CAST\(count\(\*\) AS BIGINT\) AS "rows"/);
    expect((error as SqlQueryError).cause).toBe(cause);
    await expect(client.execute('DROP TABLE x')).rejects.toBe(cause);
  });

  it.each<[string, unknown, string[]]>([
    ['no client', undefined, ['invalid_type client']],
    ['not an object', 'postgres://localhost', ['invalid_type client']],
    ['null', null, ['invalid_type client']],
    ['no query function', { query: 'SELECT 1' }, ['invalid_type client.query']],
  ])('refuses %s', (_, driver, expected) => {
    expect(issueSummaries(() => postgresClient(driver as never))).toEqual(expected);
  });
});

describe('clickHouseClient over a stand-in with @clickhouse/client\'s shape', () => {
  it('asks for JSONEachRow, reads rows as plain values, runs statements with command', async () => {
    const queries: unknown[] = [];
    const commands: unknown[] = [];
    const client = clickHouseClient({
      query: async (params) => {
        queries.push(params);
        return { json: async <T>() => [driverRow(), { n: 4 }] as T[] };
      },
      command: async (params) => {
        commands.push(params);
        return {};
      },
    });
    expect(client.dialect).toBe('clickhouse');
    expect(await client.query('SELECT 1')).toEqual([plainRow, { n: 4 }]);
    await client.execute('DROP TABLE IF EXISTS t');
    expect(queries).toEqual([{ query: 'SELECT 1', format: 'JSONEachRow' }]);
    expect(commands).toEqual([{ query: 'DROP TABLE IF EXISTS t' }]);
  });

  it.each<[string, unknown, string[]]>([
    ['no client', undefined, ['invalid_type client']],
    ['a number', 8123, ['invalid_type client']],
    ['no command', { query: async () => ({}) }, ['invalid_type client.command']],
    ['neither function', { query: 1, command: 2 }, ['invalid_type client.query', 'invalid_type client.command']],
  ])('refuses %s', (_, driver, expected) => {
    expect(issueSummaries(() => clickHouseClient(driver as never))).toEqual(expected);
  });
});

describe('duckDbClient over a stand-in', () => {
  it('queryNumbers without a chunked result reads the rows: numbers, bigints and numeric text as doubles, NULL as NaN', async () => {
    const ran: string[] = [];
    const client = duckDbClient({
      run: async (sql: string) => {
        ran.push(sql);
        return undefined;
      },
      runAndReadAll: async () => ({ getRowObjects: () => [{ a: 1.5, b: 2n, c: '3.25', d: null }, { a: -0.5, b: -4n, c: '1e3', d: 7 }] }),
    });
    const columns = await client.queryNumbers?.('SELECT a, b, c, d FROM t');
    expect(ran).toEqual(['SELECT a, b, c, d FROM t']);
    expect(Object.keys(columns ?? {})).toEqual(['a', 'b', 'c', 'd']);
    expect([...(columns?.a ?? [])]).toEqual([1.5, -0.5]);
    expect([...(columns?.b ?? [])]).toEqual([2, -4]);
    expect([...(columns?.c ?? [])]).toEqual([3.25, 1000]);
    expect([...(columns?.d ?? [])]).toEqual([Number.NaN, 7]);
  });

  it('queryNumbers of an empty result without chunks: no columns', async () => {
    const client = duckDbClient({ run: async () => ({ columnNames: 'not a function' }), runAndReadAll: async () => ({ getRowObjects: () => [] }) });
    expect(await client.queryNumbers?.('SELECT 1 WHERE false')).toEqual({});
  });

  it('a chunked result is read column by column across chunks, whatever the value types', async () => {
    const chunks = [
      [
        [1, 2n],
        ['0.5', null],
      ],
      [[3], [undefined]],
    ];
    const result = {
      columnNames: () => ['x', 'y'],
      chunkCount: chunks.length,
      getChunk: (k: number) => ({
        rowCount: (chunks[k] as unknown[][])[0]!.length,
        getColumnVector: (j: number) => ({ getItem: (i: number) => ((chunks[k] as unknown[][])[j] as unknown[])[i] }),
      }),
    };
    const client = duckDbClient({ run: async () => result, runAndReadAll: async () => ({ getRowObjects: () => [] }) });
    const columns = await client.queryNumbers?.('SELECT x, y FROM t');
    expect([...(columns?.x ?? [])]).toEqual([1, 2, 3]);
    expect([...(columns?.y ?? [])]).toEqual([0.5, Number.NaN, Number.NaN]);
  });

  it('query reads rows as plain values', async () => {
    const client = duckDbClient({ run: async () => undefined, runAndReadAll: async () => ({ getRowObjects: () => [driverRow()] }) });
    expect(await client.query('SELECT 1')).toEqual([plainRow]);
  });

  it.each<[string, unknown, string[]]>([
    ['no connection', undefined, ['invalid_type connection']],
    ['no run', { runAndReadAll: async () => ({}) }, ['invalid_type connection.run']],
    ['no runAndReadAll', { run: async () => ({}) }, ['invalid_type connection.runAndReadAll']],
  ])('refuses %s', (_, connection, expected) => {
    expect(issueSummaries(() => duckDbClient(connection as never))).toEqual(expected);
  });
});
