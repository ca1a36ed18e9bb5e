/**
 * The SQL path on DuckDB (embedded, `@duckdb/node-api`, part of `npm test`): the CDNOW equivalence
 * suite, property tests of random small logs against rfmSummary, bad rows counted per reason, the
 * time-zone rule at a DST change, and hostile identifiers.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../src/errors.js';
import { fitGammaGamma, fitParetoNbd, rfmSummary, type CalendarPeriod, type Transaction } from '../src/index.js';
import { duckDbClient, invalidRowsSql, rfmSummaryInSql, scoreCustomersInSql, SqlQueryError, type SqlClient } from '../src/sql/index.js';
import { doubleLiteral } from '../src/sql/_internal/dialect.js';
import { jsOptions, loadLog, readCdnowLog, expectSameSummaries, worstParameterDifference } from './helpers/sql-engine.js';
import { describeCdnowEquivalence, describeHostileIdentifiers, describeNpsCounts, describeScoreWorkTable, describeTextAmounts } from './helpers/sql-suite.js';
import { describeCovariatePatterns } from './helpers/sql-covariates-suite.js';

let client: SqlClient;

beforeAll(async () => {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  client = duckDbClient(connection);
  await loadLog(client, 'cdnow', readCdnowLog());
});

const engine = { name: 'DuckDB', client: () => client, table: 'cdnow', scratch: (n: string) => `duck_${n}`, listTables: 'SELECT table_name AS name FROM duckdb_tables()' };
describeCdnowEquivalence(engine);
describeHostileIdentifiers(engine);
describeNpsCounts(engine);
describeTextAmounts(engine);
describeScoreWorkTable(engine, 'duck_work');
describeCovariatePatterns(engine);

describe('DuckDB: a table whose name is itself hostile is quoted and read', () => {
  it('"we""ird; DROP TABLE cdnow; --" is summarised and cdnow stays intact', async () => {
    const name = 'we"ird; DROP TABLE cdnow; --';
    await client.execute(`CREATE TABLE "we""ird; DROP TABLE cdnow; --" AS SELECT * FROM cdnow WHERE customer_id < 10`);
    const { customers } = await rfmSummaryInSql(client, { table: name, columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(1998, 5, 30) });
    const expected = rfmSummary(readCdnowLog().filter((t) => t.customerId < 10), { observationEnd: Date.UTC(1998, 5, 30) });
    expectSameSummaries(customers, expected, 'hostile-named table');
    expect(Number((await client.query('SELECT count(*) AS n FROM cdnow'))[0]?.n)).toBe(6919);
  });
});

// Random small logs: ids 0..7, instants over 1.5 years (any millisecond), amounts 0..999.99 as cents.
const txArb = fc.record({
  customerId: fc.integer({ min: 0, max: 7 }),
  date: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2024, 5, 30) }),
  cents: fc.integer({ min: 0, max: 99_999 }),
});
const periodArb = fc.constantFrom<[CalendarPeriod, CalendarPeriod]>(['day', 'day'], ['day', 'week'], ['week', 'week'], ['week', 'day'], ['month', 'month'], ['month', 'quarter'], ['quarter', 'month'], ['year', 'month']);

describe('DuckDB: random logs equal rfmSummary (fast-check, seed 15)', () => {
  it('every customer of 60 random logs, any period/unit pair and week start, observation end inside the log', async () => {
    let table = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(txArb, { minLength: 1, maxLength: 40 }), periodArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2024, 6, 30) }), async (txs, [period, unit], weekStartsOn, end) => {
        const log: Transaction<number>[] = txs.map((t) => ({ customerId: t.customerId, date: t.date, amount: (t.cents / 100).toFixed(2) }));
        const name = `prop_${table++}`;
        await loadLog(client, name, log);
        const options = { table: name, columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: end, period, unit, weekStartsOn: weekStartsOn as 0 };
        const { customers } = await rfmSummaryInSql(client, options);
        expectSameSummaries(customers, rfmSummary(log, jsOptions(options)), `random log ${JSON.stringify({ log, period, unit, weekStartsOn, end })}`);
        await client.execute(`DROP TABLE ${name}`);
      }),
      { seed: 15, numRuns: 60 },
    );
  });
});

describe('DuckDB: bad rows are counted per reason, refused by default, excluded on request', () => {
  const end = Date.UTC(2024, 0, 31);
  beforeAll(async () => {
    await client.execute('CREATE TABLE bad (customer_id INTEGER, ts TIMESTAMP, amount DECIMAL(12, 3))');
    // Valid: customer 1 (Jan 2, Jan 5 twice), customer 2 (Jan 3). Invalid: a NULL id, a NULL
    // timestamp, a NULL amount, a negative amount, an amount with 3 decimals. After the end: one.
    await client.execute(`INSERT INTO bad VALUES
      (1, TIMESTAMP '2024-01-02 08:00', 10), (1, TIMESTAMP '2024-01-05 09:00', 2.5), (1, TIMESTAMP '2024-01-05 23:59:59.999', 1.25),
      (2, TIMESTAMP '2024-01-03 00:00', 4),
      (NULL, TIMESTAMP '2024-01-04 00:00', 1), (3, NULL, 1), (4, TIMESTAMP '2024-01-04 00:00', NULL), (5, TIMESTAMP '2024-01-04 00:00', -1), (6, TIMESTAMP '2024-01-04 00:00', 1.005),
      (1, TIMESTAMP '2024-02-01 00:00', 100)`);
  });
  const options = { table: 'bad', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: end };

  it('invalidRowsSql counts each reason once per row', async () => {
    const [row] = await client.query(invalidRowsSql({ ...options, dialect: 'duckdb' }));
    expect(row).toEqual({ rows: 10, valid_rows: 5, after_observation_end: 1, customer_id_null: 1, timestamp_null: 1, amount_null: 1, amount_negative: 1, amount_too_precise: 1 });
  });

  it('refuses by default, one issue per reason with its count (as rfmSummary refuses such transactions)', async () => {
    const error = await rfmSummaryInSql(client, options).catch((e: unknown) => e);
    expect(isMetricsInputError(error)).toBe(true);
    const issues = (error as { issues: { path: unknown[]; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual([
      ['options', 'table', 'customerIdNull'],
      ['options', 'table', 'timestampNull'],
      ['options', 'table', 'amountNull'],
      ['options', 'table', 'amountNegative'],
      ['options', 'table', 'amountTooPrecise'],
    ]);
    expect(issues[0]?.message).toMatch(/^1 rows have a NULL customer id/);
  });

  it("invalidRows: 'exclude' gives rfmSummary of the valid rows and returns the counts", async () => {
    const result = await rfmSummaryInSql(client, { ...options, invalidRows: 'exclude' });
    const valid: Transaction<number>[] = [
      { customerId: 1, date: Date.UTC(2024, 0, 2, 8), amount: '10' },
      { customerId: 1, date: Date.UTC(2024, 0, 5, 9), amount: '2.5' },
      { customerId: 1, date: Date.UTC(2024, 0, 5, 23, 59, 59, 999), amount: '1.25' },
      { customerId: 2, date: Date.UTC(2024, 0, 3), amount: '4' },
      { customerId: 1, date: Date.UTC(2024, 1, 1), amount: '100' },
    ];
    expectSameSummaries(result.customers, rfmSummary(valid, jsOptions({ observationEnd: end })), 'valid rows');
    // Customer 1: Jan 2 (10), Jan 5 (2.50 + 1.25 = 3.75): frequency 1, monetary 3.75; Feb 1 is after the end.
    expect(result.customers.find((c) => c.customerId === 1)?.monetaryValue.toString()).toBe('3.75');
    expect(result.rows).toEqual({ rows: 10, usedRows: 4, afterObservationEnd: 1, invalid: { customerIdNull: 1, timestampNull: 1, amountNull: 1, amountNegative: 1, amountTooPrecise: 1 } });
  });

  it('allowRefunds accepts the negative amount, as in rfmSummary', async () => {
    const [row] = await client.query(invalidRowsSql({ ...options, dialect: 'duckdb', allowRefunds: true }));
    expect(row?.amount_negative).toBeUndefined();
    expect(row?.valid_rows).toBe(6);
  });

  it("text amounts with amountType 'text': non-numbers counted as amountNotNumeric; numeric mode refuses them with the engine's error and the SQL", async () => {
    await client.execute(`CREATE TABLE bad_text AS SELECT * FROM (VALUES (1, TIMESTAMP '2024-01-02', '10.50'), (1, TIMESTAMP '2024-01-09', ' 2 '), (2, TIMESTAMP '2024-01-03', 'abc'), (3, TIMESTAMP '2024-01-03', '1e3')) AS t(customer_id, ts, amount)`);
    const textOptions = { table: 'bad_text', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: end };
    const [row] = await client.query(invalidRowsSql({ ...textOptions, dialect: 'duckdb', amountType: 'text' }));
    expect(row).toMatchObject({ rows: 4, valid_rows: 2, amount_not_numeric: 2 });
    const { customers } = await rfmSummaryInSql(client, { ...textOptions, amountType: 'text', invalidRows: 'exclude' });
    expect(customers.map((c) => [c.customerId, c.frequency, c.monetaryValue.toString()])).toEqual([[1, 1, '2']]);
    const error = await rfmSummaryInSql(client, textOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlQueryError);
    expect((error as SqlQueryError).sql).toContain('"bad_text"');
  });
});

describe('DuckDB: the day of a timestamp after June 2255 (beyond 2^53 microseconds)', () => {
  it('the last microsecond of a day stays on that day, as rfmSummary puts the same instant (to the millisecond); before 1970 too', async () => {
    // 2515-08-07 23:59:59.999999 is 1.72e16 microseconds after 1970: a double of it rounds up to
    // midnight, the next day. Customer 1: Aug 7 (that microsecond) and Aug 8: two days, frequency 1.
    // Customer 3, before 1970 (negative microseconds, floored): Dec 31, 1969 (day -1), twice, then
    // Jan 1, 1970 (day 0): frequency 1.
    await client.execute(`CREATE TABLE far_days AS SELECT * FROM (VALUES (1, TIMESTAMP '2515-08-07 23:59:59.999999', 1.00), (1, TIMESTAMP '2515-08-08 00:00:00', 2.00), (2, TIMESTAMP '2515-08-01 12:00:00', 3.00),
      (3, TIMESTAMP '1969-12-31 00:00:00', 1.00), (3, TIMESTAMP '1969-12-31 23:59:59.999', 1.00), (3, TIMESTAMP '1970-01-01 00:00:00', 4.00)) AS t(customer_id, ts, amount)`);
    const options = { table: 'far_days', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(2515, 7, 20), period: 'day', unit: 'day' } as const;
    const { customers } = await rfmSummaryInSql(client, options);
    const log = [
      { customerId: 1, date: Date.UTC(2515, 7, 7, 23, 59, 59, 999), amount: '1' },
      { customerId: 1, date: Date.UTC(2515, 7, 8), amount: '2' },
      { customerId: 2, date: Date.UTC(2515, 7, 1, 12), amount: '3' },
      { customerId: 3, date: Date.UTC(1969, 11, 31), amount: '1' },
      { customerId: 3, date: Date.UTC(1969, 11, 31, 23, 59, 59, 999), amount: '1' },
      { customerId: 3, date: Date.UTC(1970, 0, 1), amount: '4' },
    ];
    expectSameSummaries(customers, rfmSummary(log, jsOptions(options)), 'after 2255');
    expect(customers.find((c) => c.customerId === 1)).toMatchObject({ frequency: 1, recency: 1, T: 13 });
    expect(customers.find((c) => c.customerId === 3)).toMatchObject({ frequency: 1, recency: 1 });
  });
});

describe('DuckDB: time zones (timestamps are UTC instants) at the US DST change of 2024-03-10', () => {
  it('TIMESTAMPTZ values under session zone America/New_York are grouped by UTC day, as rfmSummary groups them', async () => {
    await client.execute("SET TimeZone = 'America/New_York'");
    try {
      // 2024-03-10 02:00 local did not exist (clocks jumped to 03:00). Instants around UTC midnights
      // and around the local change:
      const instants = [
        Date.UTC(2024, 2, 9, 23, 59, 59), // Mar 9 UTC (18:59 local)
        Date.UTC(2024, 2, 10, 0, 0, 0), // Mar 10 UTC (19:00 local Mar 9)
        Date.UTC(2024, 2, 10, 6, 59, 59), // Mar 10 UTC (01:59:59 EST)
        Date.UTC(2024, 2, 10, 7, 0, 0), // Mar 10 UTC (03:00 EDT)
        Date.UTC(2024, 2, 11, 3, 59, 59), // Mar 11 UTC (23:59:59 EDT Mar 10)
      ];
      await client.execute('CREATE TABLE dst (customer_id INTEGER, ts TIMESTAMPTZ, amount DECIMAL(10, 2))');
      const values = instants.map((ms, i) => `(${i < 3 ? 1 : 2}, TIMESTAMPTZ '${new Date(ms).toISOString()}', ${i + 1})`).join(', ');
      await client.execute(`INSERT INTO dst VALUES ${values}`);
      const log = instants.map((ms, i) => ({ customerId: i < 3 ? 1 : 2, date: ms, amount: String(i + 1) }));
      const options = { table: 'dst', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(2024, 2, 12) };
      const { customers } = await rfmSummaryInSql(client, options);
      expectSameSummaries(customers, rfmSummary(log, jsOptions(options)), 'DST');
      // Customer 1: Mar 9 then Mar 10 twice (UTC): frequency 1, recency 1 day, monetary 2 + 3 = 5.
      expect(customers.find((c) => c.customerId === 1)).toMatchObject({ frequency: 1, recency: 1, T: 3 });
      expect(customers.find((c) => c.customerId === 1)?.monetaryValue.toString()).toBe('5');
    } finally {
      await client.execute("SET TimeZone = 'UTC'");
    }
  });
});

describe('DuckDB: scoreCustomersInSql with Pareto/NBD', () => {
  // The weighted-pattern likelihood equals the row likelihood term for term; the fit sorts the
  // distinct histories into one canonical order before summing (sortPatterns), so the engine's
  // patterns and the 2,357 rows give the same sums and the optimizer the same path. Before that
  // order, the two sums rounded differently in the last bits and the fits stopped ~1.3e-8 apart on
  // the flat (s, beta) ridge; now patterns fit = row fit within 1e-9 (measured: 0).
  it('fits Pareto/NBD on the patterns: log-likelihood of fitParetoNbd on the rows (1e-12), parameters 1e-9, and scores every customer', async () => {
    const options = { table: 'cdnow', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(1997, 8, 30), period: 'day', unit: 'week' } as const;
    const result = await scoreCustomersInSql(client, { ...options, model: 'pareto-nbd', horizon: { length: 52, unit: 'week' }, scoresTable: 'pareto_scores', customerScoresTable: 'pareto_customers' });
    expect(result.transactionModel.kind).toBe('pareto-nbd');
    const rows = rfmSummary(readCdnowLog(), jsOptions(options));
    const direct = fitParetoNbd(rows, { timeUnit: 'week' });
    expect(Math.abs(result.transactionModel.logLikelihood - direct.logLikelihood) / Math.abs(direct.logLikelihood)).toBeLessThanOrEqual(1e-12);
    expect(worstParameterDifference(result.transactionModel.parameters, direct.parameters)).toBeLessThanOrEqual(1e-9);
    expect(Number((await client.query('SELECT count(*) AS n FROM pareto_customers WHERE expected_purchases >= 0'))[0]?.n)).toBe(2357);
  });
});

describe('DuckDB: the client bulk paths and the work table of scoreCustomersInSql', () => {
  const options = { table: 'cdnow', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(1997, 8, 30), period: 'week', unit: 'week' } as const;
  const workTables = async (): Promise<string[]> =>
    (await client.query("SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'cm_work_%'")).map((r) => String(r.name));

  it('insert writes every value exactly (text lists split and cast by the engine), 250,001 rows in three statements', async () => {
    await client.execute('CREATE TABLE bulk (a BIGINT, b DOUBLE)');
    const rows = Array.from({ length: 250_001 }, (_, i) => [i * 3, i / 7 + 1e-9 * i] as const);
    await client.insert?.('"bulk"', ['a', 'b'], rows);
    const [sums] = await client.query('SELECT count(*) AS n, sum(a) AS a, count(*) FILTER (WHERE b = a / 3 / 7 + 1e-9 * (a / 3)) AS exact FROM bulk');
    // sum of 3i for i = 0..250,000 = 3 x 250,000 x 250,001 / 2 = 93,750,375,000.
    expect(sums).toEqual({ n: 250_001, a: 93_750_375_000, exact: 250_001 });
    const [odd] = await client.query('SELECT b FROM bulk WHERE a = 3');
    expect(odd?.b).toBe(1 / 7 + 1e-9);
  });

  it('doubleLiteral reads back as exactly the same double in DuckDB (2,000 doubles over 20 decades)', async () => {
    const xs = Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 1000) / 997 + 1 / (i + 3)).map((x, i) => x * 10 ** ((i % 20) - 10));
    const [row] = await client.query(`SELECT [${xs.map((x) => doubleLiteral(x, 'duckdb')).join(', ')}] AS v`);
    const back = String(row?.v).slice(1, -1).split(', ').map(Number);
    expect(back.filter((v, i) => v !== xs[i])).toEqual([]);
  });

  it('queryNumbers reads columns into Float64Arrays across chunks (NULL as NaN, BIGINT and DECIMAL as numbers)', async () => {
    const columns = await client.queryNumbers?.('SELECT range AS i, CAST(range AS DECIMAL(10, 2)) / 4 AS q, CASE WHEN range % 1000 = 0 THEN NULL ELSE range / 2 END AS h FROM range(5000)');
    expect(Object.keys(columns ?? {})).toEqual(['i', 'q', 'h']);
    const { i, q, h } = columns as Record<string, Float64Array>;
    expect(i?.length).toBe(5000);
    expect([i?.[4999], q?.[4999], h?.[4999], h?.[3000]]).toEqual([4999, 1249.75, 2499.5, Number.NaN]);
    const empty = await client.queryNumbers?.('SELECT range AS i FROM range(0)');
    expect(empty?.i?.length).toBe(0);
  });

  it('a client without insert and queryNumbers (rows only) gets the same models, patterns and scores', async () => {
    const plain: SqlClient = { dialect: 'duckdb', query: (sql) => client.query(sql), execute: (sql) => client.execute(sql) };
    const horizon = { length: 12, unit: 'month' } as const;
    const fast = await scoreCustomersInSql(client, { ...options, horizon, scoresTable: 'bulk_scores_a', customerScoresTable: 'bulk_customers_a' });
    const slow = await scoreCustomersInSql(plain, { ...options, horizon, scoresTable: 'bulk_scores_b', customerScoresTable: 'bulk_customers_b' });
    expect(slow.transactionModel).toEqual(fast.transactionModel);
    expect(slow.spendModel).toEqual(fast.spendModel);
    expect([slow.patterns, slow.spendPatterns]).toEqual([fast.patterns, fast.spendPatterns]);
    const [diff] = await client.query('SELECT count(*) AS n FROM bulk_customers_a a JOIN bulk_customers_b b USING (customer_id) WHERE a.clv = b.clv AND a.probability_alive = b.probability_alive');
    expect(diff?.n).toBe(2357);
    expect(await workTables()).toEqual([]);
  });

  it('the work table is dropped when a later step fails (the engine error comes back as SqlQueryError)', async () => {
    // The scores table name is a valid identifier in a schema that does not exist: CREATE fails
    // after the work table and the fits.
    const error = await scoreCustomersInSql(client, { ...options, horizon: { length: 1, unit: 'month' }, scoresTable: ['no_such_schema', 'scores'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlQueryError);
    expect((error as SqlQueryError).sql).toMatch(/no_such_schema/);
    expect(await workTables()).toEqual([]);
  });

  it("with invalidRows: 'exclude' the work table keeps the validity filter: invalid rows change nothing", async () => {
    // CDNOW plus five invalid rows (NULL id, NULL timestamp, NULL amount, a negative amount, an
    // amount with 3 decimals) for existing customers: the fits and scores equal those of CDNOW alone.
    await client.execute(`CREATE TABLE cdnow_dirty AS SELECT customer_id, ts, CAST(amount AS DECIMAL(12, 3)) AS amount FROM cdnow`);
    await client.execute(`INSERT INTO cdnow_dirty VALUES (NULL, TIMESTAMP '1997-03-01', 10), (1, NULL, 10), (2, TIMESTAMP '1997-03-01', NULL), (3, TIMESTAMP '1997-03-02', -10), (4, TIMESTAMP '1997-03-03', 1.005)`);
    const horizon = { length: 3, unit: 'month' } as const;
    const clean = await scoreCustomersInSql(client, { ...options, horizon, scoresTable: 'clean_scores', customerScoresTable: 'clean_customers' });
    const dirty = await scoreCustomersInSql(client, { ...options, table: 'cdnow_dirty', horizon, invalidRows: 'exclude', scoresTable: 'dirty_scores', customerScoresTable: 'dirty_customers' });
    expect(dirty.rows.invalid).toEqual({ customerIdNull: 1, timestampNull: 1, amountNull: 1, amountNegative: 1, amountTooPrecise: 1 });
    expect(dirty.transactionModel).toEqual(clean.transactionModel);
    expect(dirty.spendModel).toEqual(clean.spendModel);
    const [same] = await client.query('SELECT count(*) AS n FROM clean_customers a JOIN dirty_customers b USING (customer_id) WHERE a.clv = b.clv AND a.frequency = b.frequency');
    expect(same?.n).toBe(2357);
    expect(await workTables()).toEqual([]);
  });

  it('repeat totals beyond 2^53 units are averaged exactly (read as text): the fit equals the fit on the exact means', async () => {
    // Three repeat customers whose repeat totals are 10^14 money units (10^16 cents > 2^53) and one
    // ordinary one; the mean of customer 1's two repeat periods is (1e14 + 3e14 + 0.01) / 2.
    await client.execute(`CREATE TABLE huge AS SELECT * FROM (VALUES
      (1, TIMESTAMP '2024-01-01', 5.00::DECIMAL(38, 2)), (1, TIMESTAMP '2024-01-02', 100000000000000.00), (1, TIMESTAMP '2024-01-03', 300000000000000.01),
      (2, TIMESTAMP '2024-01-01', 1.00), (2, TIMESTAMP '2024-01-05', 200000000000000.00),
      (3, TIMESTAMP '2024-01-02', 1.00), (3, TIMESTAMP '2024-01-04', 12.50), (3, TIMESTAMP '2024-01-06', 7.50),
      (4, TIMESTAMP '2024-01-03', 9.99), (4, TIMESTAMP '2024-01-04', 20.00)) AS t(id, ts, amount)`);
    const result = await scoreCustomersInSql(client, { table: 'huge', columns: { customerId: 'id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(2024, 0, 10), period: 'day', horizon: { length: 1, unit: 'month' }, scoresTable: 'huge_scores' });
    expect(result.spendPatterns).toBe(4);
    const exact = fitGammaGamma([
      { frequency: 2, monetaryValue: 200000000000000.005 },
      { frequency: 1, monetaryValue: 200000000000000 },
      { frequency: 2, monetaryValue: 10 },
      { frequency: 1, monetaryValue: 20 },
    ]);
    expect(result.spendModel?.parameters).toEqual(exact.parameters);
  });
});
