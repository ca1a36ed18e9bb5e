/**
 * The runners on DuckDB, option by option: the defaults (`invalidRows: 'refuse'`, amount scale 2)
 * and their explicit forms, the amount scale carried to the exact reader, a bad per-customer table
 * name, and duckDbClient's bulk insert with a quoted column and no rows. Written against the
 * survivors of the 2026-12-07 mutation run sql3a (docs/quality.md, fourth session).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrationHoldoutSql, duckDbClient, rfmSummaryInSql, scoreCustomersInSql, SqlQueryError, type SqlClient } from './index.js';

let client: SqlClient;
const issuesOf = async (p: Promise<unknown>) => {
  const error = (await p.then(() => undefined, (e: unknown) => e)) as { issues?: { code: string; path: unknown[] }[] } | undefined;
  return error?.issues?.map((i) => `${i.code} ${i.path.join('.')}`) ?? String(error);
};

beforeAll(async () => {
  client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
  // Customer 1: 1.000 on Jan 1, then 1.234 and 2.000 on later days (amounts with three decimals);
  // customer 2 has a NULL amount on its second day.
  await client.execute(`CREATE TABLE tx AS SELECT * FROM (VALUES (1, DATE '2024-01-01', 1.000), (1, DATE '2024-01-02', 1.234), (1, DATE '2024-01-05', 2.000), (2, DATE '2024-01-01', 3.000), (2, DATE '2024-01-03', NULL)) AS t(id, day, amount)`);
});
const options = { table: 'tx', columns: { customerId: 'id', timestamp: 'day', amount: 'amount' }, observationEnd: Date.UTC(2024, 0, 31) };

describe('rfmSummaryInSql options', () => {
  it("refuses invalid rows by default and with invalidRows: 'refuse' given; 'exclude' leaves them out", async () => {
    expect(await issuesOf(rfmSummaryInSql(client, { ...options, amountScale: 3 }))).toEqual(['invalid_value options.table.amountNull']);
    expect(await issuesOf(rfmSummaryInSql(client, { ...options, amountScale: 3, invalidRows: 'refuse' }))).toEqual(['invalid_value options.table.amountNull']);
    const { customers } = await rfmSummaryInSql(client, { ...options, amountScale: 3, invalidRows: 'exclude' });
    expect(customers.map((c) => c.customerId).sort()).toEqual([1, 2]);
  });

  it('amountScale 3 reaches the exact mean: (1.234 + 2.000) / 2 = 1.617', async () => {
    const { customers } = await rfmSummaryInSql(client, { ...options, amountScale: 3, invalidRows: 'exclude' });
    expect(customers.find((c) => c.customerId === 1)?.monetaryValue.toString()).toBe('1.617');
  });
});

describe('scoreCustomersInSql options', () => {
  const score = { ...options, amountScale: 3, horizon: { length: 1, unit: 'month' }, scoresTable: 'scores' } as const;

  it("refuses invalid rows by default, as rfmSummaryInSql does", async () => {
    expect(await issuesOf(scoreCustomersInSql(client, score))).toEqual(['invalid_value options.table.amountNull']);
  });

  it('a bad per-customer table name is reported at its path, beside the other problems', async () => {
    expect(await issuesOf(scoreCustomersInSql(client, { ...score, scoresTable: '', customerScoresTable: 'a.b.c.d' }))).toEqual(['invalid_value options.scoresTable', 'invalid_value options.customerScoresTable']);
  });
});

describe('scoreCustomersInSql: the work table', () => {
  it("with invalid rows of one reason only and invalidRows: 'exclude', the invalid row adds no purchase period", async () => {
    // 60 customers: customer i buys on day 0 and then every (i mod 7 + 2) days, i mod 5 more times, 10.00 each.
    const values: string[] = [];
    for (let i = 1; i <= 60; i++) {
      for (let k = 0; k <= i % 5; k++) values.push(`(${i}, DATE '2024-01-01' + ${k * ((i % 7) + 2)}, 10.00)`);
    }
    await client.execute(`CREATE TABLE shop AS SELECT * FROM (VALUES ${values.join(', ')}) AS t(id, day, amount)`);
    // The same log plus one row with a NULL amount, on a day customer 1 did not buy.
    await client.execute(`CREATE TABLE shop_dirty AS SELECT * FROM shop UNION ALL SELECT 1, DATE '2024-02-20', NULL`);
    const run = { ...options, observationEnd: Date.UTC(2024, 2, 31), horizon: { length: 1, unit: 'month' }, invalidRows: 'exclude' } as const;
    const clean = await scoreCustomersInSql(client, { ...run, table: 'shop', scoresTable: 'shop_scores', customerScoresTable: 'shop_customers' });
    const dirty = await scoreCustomersInSql(client, { ...run, table: 'shop_dirty', scoresTable: 'dirty_scores', customerScoresTable: 'dirty_customers' });
    expect(dirty.rows.invalid).toEqual({ customerIdNull: 0, timestampNull: 0, amountNull: 1, amountNegative: 0, amountTooPrecise: 0 });
    expect(dirty.transactionModel).toEqual(clean.transactionModel);
    expect(await client.query('SELECT frequency FROM dirty_customers WHERE customer_id = 1')).toEqual(await client.query('SELECT frequency FROM shop_customers WHERE customer_id = 1'));
  });
});

describe('calibrationHoldoutSql: the holdout columns', () => {
  it('worked example: two holdout days worth 4.00 and 6.00 give holdout frequency 2, mean 5, total 1000 cents, over 21 days', async () => {
    await client.execute("CREATE TABLE ch AS SELECT * FROM (VALUES (1, DATE '2024-01-01', 10.00), (1, DATE '2024-01-05', 2.00), (1, DATE '2024-01-20', 4.00), (1, DATE '2024-01-25', 6.00)) AS t(id, day, amount)");
    const sql = calibrationHoldoutSql({ dialect: 'duckdb', table: 'ch', columns: { customerId: 'id', timestamp: 'day', amount: 'amount' }, calibrationEnd: Date.UTC(2024, 0, 10), observationEnd: Date.UTC(2024, 0, 31) });
    const [row] = await client.query(sql);
    expect(row).toMatchObject({ frequency: 1, recency: 4, T: 9, monetary_value: 2, holdout_frequency: 2, holdout_monetary_value: 5, holdout_total_units: '1000', holdout_duration: 21 });
  });
});

describe('duckDbClient.insert', () => {
  it('quotes column names with embedded double quotes, and writes nothing for no rows', async () => {
    await client.execute('CREATE TABLE ins ("we""ird" DOUBLE, b DOUBLE)');
    await client.insert?.('ins', ['we"ird', 'b'], [[1.5, 2], [3, 4.25]]);
    expect(await client.query('SELECT "we""ird" AS w, b FROM ins ORDER BY w')).toEqual([{ w: 1.5, b: 2 }, { w: 3, b: 4.25 }]);
    const ran: string[] = [];
    const recording = duckDbClient({ run: async (sql: string) => void ran.push(sql), runAndReadAll: async () => ({ getRowObjects: () => [] }) });
    await recording.insert?.('ins', ['b'], []);
    expect(ran).toEqual([]);
  });

  it('queryNumbers falls back to the rows when run resolves to null or to a result without chunks', async () => {
    for (const result of [null, { columnNames: () => ['a'], chunkCount: 1 }, { getChunk: () => undefined, chunkCount: 1 }, { columnNames: () => ['a'], getChunk: () => undefined }]) {
      const c = duckDbClient({ run: async () => result, runAndReadAll: async () => ({ getRowObjects: () => [{ a: 2 }] }) });
      expect([...((await c.queryNumbers?.('SELECT 2 AS a'))?.a ?? [])]).toEqual([2]);
    }
  });
});

describe('scoreCustomersInSql: without an amount, bad options, a failing column read', () => {
  // 60 customers: customer i buys on day 0 and then every (i mod 7 + 2) days, i mod 5 more times.
  const shop = async (name: string) => {
    const values: string[] = [];
    for (let i = 1; i <= 60; i++) {
      for (let k = 0; k <= i % 5; k++) values.push(`(${i}, DATE '2024-01-01' + ${k * ((i % 7) + 2)}, 10.00)`);
    }
    await client.execute(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM (VALUES ${values.join(', ')}) AS t(id, day, amount)`);
  };
  const run = { observationEnd: Date.UTC(2024, 2, 31), horizon: { length: 1, unit: 'month' } } as const;

  it('without an amount column: no spend model, no spend patterns, and the join has no expected_spend or clv', async () => {
    await shop('shop_plain');
    const result = await scoreCustomersInSql(client, { ...run, table: 'shop_plain', columns: { customerId: 'id', timestamp: 'day' }, scoresTable: 'plain_scores', customerScoresTable: 'plain_customers' });
    expect([result.spendModel, result.spendPatterns, result.transactionModel.customers]).toEqual([undefined, 0, 60]);
    const [row] = await client.query(`SELECT * FROM (${result.joinSql}) AS j WHERE customer_id = 1`);
    expect(Object.keys(row ?? {}).sort()).toEqual(['T', 'customer_id', 'expected_purchases', 'frequency', 'monetary_value', 'probability_alive', 'recency']);
    const [stored] = await client.query('SELECT * FROM plain_customers WHERE customer_id = 1');
    expect(stored).toEqual(row);
  });

  it('the default model is BG/NBD, and without customerScoresTable no per-customer table is created', async () => {
    await shop('shop_default');
    const before = (await client.query('SELECT count(*) AS n FROM duckdb_tables()'))[0]?.n;
    const result = await scoreCustomersInSql(client, { ...run, table: 'shop_default', columns: { customerId: 'id', timestamp: 'day' }, scoresTable: 'default_scores' });
    expect([result.transactionModel.kind, result.customerScoresTable]).toEqual(['bg-nbd', undefined]);
    // One table more: the scores table (the work table is dropped).
    expect((await client.query('SELECT count(*) AS n FROM duckdb_tables()'))[0]?.n).toBe(Number(before) + 1);
  });

  it('options missing: one issue at options, not a crash reading the table names', async () => {
    expect(await issuesOf(scoreCustomersInSql(client, undefined as never))).toEqual(['invalid_type options']);
  });

  it("a failure of the client's column read (queryNumbers) comes back as SqlQueryError with the spend patterns' SQL", async () => {
    await shop('shop_cols');
    // The engine itself fails: the column read sends a statement cut short.
    const broken: SqlClient = { ...client, queryNumbers: (sql) => (client.queryNumbers as NonNullable<SqlClient['queryNumbers']>)(`${sql} AND`) };
    const error = await scoreCustomersInSql(broken, { ...run, table: 'shop_cols', columns: { customerId: 'id', timestamp: 'day', amount: 'amount' }, scoresTable: 'cols_scores' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlQueryError);
    expect((error as SqlQueryError).sql).toMatch(/^SELECT .* AS "monetary_value"/);
  });
});
