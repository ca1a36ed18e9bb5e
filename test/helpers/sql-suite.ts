/**
 * The equivalence suite every engine passes (DuckDB in `npm test`; PostgreSQL, single-node and
 * two-shard ClickHouse in `npm run test:engines`): the engine's summaries of the CDNOW log equal
 * rfmSummary's, the calibration/holdout split equals calibrationHoldoutSplit's, pattern fits equal
 * row fits, the scores joined back equal the library's per-customer predictions, bad rows are
 * counted per reason, and hostile identifiers leave the table intact.
 */
import { describe, expect, it } from 'vitest';
import {
  calibrationHoldoutSplit,
  customerLifetimeValue,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  npsBreakdown,
  probabilityAlive,
  rfmSummary,
  type CalendarPeriod,
} from '../../src/index.js';
import { isMetricsInputError } from '../../src/errors.js';
import {
  calibrationHoldoutSql,
  npsCountsSql,
  readSpendPatterns,
  readSummaryPatterns,
  readSummaryRows,
  rfmSummaryInSql,
  rfmSummarySql,
  scoreCustomersInSql,
  spendPatternsSql,
  SqlQueryError,
  summaryPatternsSql,
  type SqlClient,
} from '../../src/sql/index.js';
import { Decimal40, jsOptions, expectMonetaryDoubles, expectSameSummaries, readCdnowLog, worstParameterDifference } from './sql-engine.js';

/** How a suite reaches its engine. */
export interface EngineUnderTest {
  /** A label for the test names. */
  readonly name: string;
  /** The client (called inside tests, after setup). */
  readonly client: () => SqlClient;
  /** The CDNOW table to read (loaded by `setup`). */
  readonly table: string;
  /** Tables for write-back (created by the runner). */
  readonly scratch: (name: string) => string;
  /** A SELECT of the names (column `name`) of the tables the engine holds, temporary ones included. */
  readonly listTables: string;
}

const cols = { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' } as const;
const observationEnd = Date.UTC(1998, 5, 30);
const calibrationEnd = Date.UTC(1997, 8, 30);

/** Registers the CDNOW equivalence tests for one engine. */
export function describeCdnowEquivalence(engine: EngineUnderTest): void {
  const log = readCdnowLog();
  const cases: [CalendarPeriod, CalendarPeriod][] = [
    ['day', 'day'],
    ['day', 'week'],
    ['week', 'day'],
    ['week', 'week'],
  ];

  describe(`${engine.name}: CDNOW summaries equal rfmSummary`, () => {
    it.each(cases)('period %s, unit %s: every customer, frequency and monetary exact, recency and T 1e-12', async (period, unit) => {
      const client = engine.client();
      const options = { table: engine.table, columns: cols, observationEnd, period, unit };
      const { customers, rows } = await rfmSummaryInSql(client, options);
      const expected = rfmSummary(log, jsOptions(options));
      expect(expected.length).toBe(2357);
      expectSameSummaries(customers, expected, `${engine.name} ${period}/${unit}`);
      expect(rows).toEqual({ rows: 6919, usedRows: 6919, afterObservationEnd: 0, invalid: { customerIdNull: 0, timestampNull: 0, amountNull: 0, amountNegative: 0, amountTooPrecise: 0 } });
      // The engine's own double column agrees with the exact mean to 1e-12.
      const raw = await client.query(rfmSummarySql({ ...options, dialect: client.dialect }));
      expectMonetaryDoubles(raw, expected);
    });

    it.each(cases)('period %s, unit %s, calibration end 1997-09-30: the split equals calibrationHoldoutSplit', async (period, unit) => {
      const client = engine.client();
      const options = { table: engine.table, columns: cols, observationEnd, calibrationEnd, period, unit };
      const rows = await client.query(calibrationHoldoutSql({ ...options, dialect: client.dialect }));
      const expected = calibrationHoldoutSplit(log, jsOptions(options));
      expectSameSummaries(readSummaryRows(rows), expected, `${engine.name} calibration ${period}/${unit}`);
      const byId = new Map(expected.map((r) => [String(r.customerId), r]));
      const problems: string[] = [];
      for (const row of rows) {
        const e = byId.get(String(row.customer_id));
        const hf = Number(row.holdout_frequency);
        const hm = hf === 0 ? new Decimal40(0) : new Decimal40(String(row.holdout_total_units)).div(100).div(hf);
        if (e === undefined || hf !== e.holdoutFrequency || !hm.eq(e.holdoutMonetaryValue.toString()) || Number(row.holdout_duration) !== e.holdoutDuration) {
          problems.push(`${String(row.customer_id)}: actual (${hf}, ${hm}, ${String(row.holdout_duration)}) expected (${e?.holdoutFrequency}, ${e?.holdoutMonetaryValue}, ${e?.holdoutDuration}), exact`);
        }
      }
      expect(problems.slice(0, 10), `${problems.length} holdout mismatches`).toEqual([]);
    });

    it('patterns fit = row fit: BG/NBD and Gamma-Gamma parameters within 1e-9 relative (day periods, weeks)', async () => {
      const client = engine.client();
      const options = { table: engine.table, columns: cols, observationEnd: calibrationEnd, period: 'day', unit: 'week' } as const;
      const patterns = readSummaryPatterns(await client.query(summaryPatternsSql({ ...options, dialect: client.dialect })));
      const rows = rfmSummary(log, jsOptions(options));
      expect(patterns.reduce((s, p) => s + p.weight, 0)).toBe(rows.length);
      expect(patterns.length).toBeLessThan(rows.length);
      const fromPatterns = fitBgNbd(patterns, { timeUnit: 'week' });
      const fromRows = fitBgNbd(rows, { timeUnit: 'week' });
      expect(worstParameterDifference(fromPatterns.parameters, fromRows.parameters)).toBeLessThanOrEqual(1e-9);
      // Published CDNOW BG/NBD estimates (Fader, Hardie & Lee 2005): r 0.243, alpha 4.414, a 0.793, b 2.426.
      expect(fromPatterns.parameters.r).toBeCloseTo(0.243, 3);
      const spend = readSpendPatterns(await client.query(spendPatternsSql({ ...options, dialect: client.dialect })));
      const ggPatterns = fitGammaGamma(spend);
      const ggRows = fitGammaGamma(rows.filter((r) => r.frequency > 0));
      // Gamma-Gamma groups its rows by frequency, so the two inputs (pattern means, per-customer
      // rows) take different optimizer paths and stop within its gradient tolerance: parameters agree
      // to 1e-6 and the log-likelihoods, flat at the optimum, to 1e-10.
      expect(worstParameterDifference(ggPatterns.parameters, ggRows.parameters)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(ggPatterns.logLikelihood / ggRows.logLikelihood - 1)).toBeLessThanOrEqual(1e-10);
      expect(ggPatterns.customers).toBe(946);
    });

    it('scoreCustomersInSql: scores joined back to all 2,357 customers equal the library per customer (1e-9)', async () => {
      const client = engine.client();
      const horizon = { length: 12, unit: 'month' } as const;
      const options = { table: engine.table, columns: cols, observationEnd: calibrationEnd, period: 'day', unit: 'week' } as const;
      const result = await scoreCustomersInSql(client, { ...options, horizon, discountRate: 0.01, scoresTable: engine.scratch('scores') });
      expect(result.transactionModel.customers).toBe(2357);
      expect(result.patterns).toBeLessThan(2357);
      const joined = await client.query(result.joinSql);
      expect(joined.length).toBe(2357);
      const rows = new Map(rfmSummary(log, jsOptions(options)).map((r) => [String(r.customerId), r]));
      const problems: string[] = [];
      const clvInput = { transactionModel: result.transactionModel, spendModel: result.spendModel as NonNullable<typeof result.spendModel>, horizon, discountRate: 0.01 };
      for (const row of joined) {
        const r = rows.get(String(row.customer_id));
        if (r === undefined) {
          problems.push(`${String(row.customer_id)} unknown`);
          continue;
        }
        const ep = expectedPurchases(result.transactionModel, r, horizon);
        const pa = probabilityAlive(result.transactionModel, r);
        const clv = customerLifetimeValue({ ...clvInput, customers: [r] })[0] as number;
        const close = (a: unknown, b: number) => Math.abs(Number(a) - b) <= 1e-9 * Math.max(1e-300, Math.abs(b)) + 1e-300;
        if (!close(row.expected_purchases, ep) || !close(row.probability_alive, pa) || !close(row.clv, clv)) {
          problems.push(`${String(row.customer_id)}: actual (${String(row.expected_purchases)}, ${String(row.probability_alive)}, ${String(row.clv)}) expected (${ep}, ${pa}, ${clv}) tol 1e-9 rel`);
        }
      }
      expect(problems.slice(0, 10), `${problems.length} score mismatches`).toEqual([]);
    });

    it('scoreCustomersInSql: customerScoresTable (built from the work table) holds exactly the rows of joinSql, and no work table is left', async () => {
      const client = engine.client();
      const horizon = { length: 6, unit: 'month' } as const;
      const options = { table: engine.table, columns: cols, observationEnd: calibrationEnd, period: 'week', unit: 'week' } as const;
      const target = engine.scratch('customer_scores');
      const result = await scoreCustomersInSql(client, { ...options, horizon, scoresTable: engine.scratch('scores2'), customerScoresTable: target });
      const order = ' ORDER BY customer_id';
      const fromJoin = await client.query(`SELECT * FROM (${result.joinSql}) AS j${order}`);
      const fromTable = await client.query(`SELECT * FROM ${result.customerScoresTable as string}${order}`);
      expect(fromTable.length).toBe(2357);
      // The same rows and values: both come from the same summary expressions and the same scores.
      expect(fromTable).toEqual(fromJoin);
      const tables = await client.query(engine.listTables);
      expect(tables.map((t) => String(t.name)).filter((n) => n.startsWith('cm_work_'))).toEqual([]);
      // The scores table: the join keys are 64-bit integers, the scores doubles (the engine's catalogue).
      const [int, dbl] = { duckdb: ['bigint', 'double'], postgres: ['bigint', 'double precision'], clickhouse: ['int64', 'float64'] }[client.dialect];
      expect(await columnTypes(client, engine.scratch('scores2'))).toEqual({
        frequency: int,
        recency_periods: int,
        t_periods: int,
        expected_purchases: dbl,
        probability_alive: dbl,
        discounted_purchases: dbl,
      });
    });
  });
}

/** The hostile identifiers every engine is tested with. */
export const HOSTILE_NAMES: readonly string[] = ['tx"; DROP TABLE tx; --', 'tx`; DROP TABLE tx; --', "tx'; DROP TABLE tx; --", 'tx\u0000', 'x'.repeat(10_000), 'tx\\', ''];

/**
 * Registers the hostile-identifier tests: each name, as table or column, is refused with a
 * MetricsInputError or quoted (the engine then reports a missing table or column, an SqlQueryError);
 * the CDNOW table is intact afterwards.
 */
export function describeHostileIdentifiers(engine: EngineUnderTest): void {
  describe(`${engine.name}: hostile identifiers`, () => {
    it.each(HOSTILE_NAMES.map((n) => [JSON.stringify(n.length > 40 ? `${n.slice(0, 10)}... (${n.length} chars)` : n), n]))('%s as table and as column: refused or quoted, table intact', async (_, name) => {
      const client = engine.client();
      const count = async () => Number((await client.query(`SELECT count(*) AS n FROM ${engine.table}`))[0]?.n);
      const before = await count();
      for (const options of [
        { table: name, columns: cols, observationEnd },
        { table: engine.table, columns: { ...cols, customerId: name }, observationEnd },
        { table: engine.table, columns: { ...cols, amount: name }, observationEnd },
      ]) {
        let error: unknown;
        try {
          await rfmSummaryInSql(client, options);
        } catch (e) {
          error = e;
        }
        expect(isMetricsInputError(error) || error instanceof SqlQueryError, `outcome for ${JSON.stringify(name.slice(0, 30))}: ${String(error)}`).toBe(true);
      }
      expect(await count()).toBe(before);
    });
  });
}

/**
 * Registers the bad-row test: NULL id, timestamp and amount, a negative and a too precise amount,
 * a row after the observation end; counted per reason, refused by default, excluded on request
 * with the summary of the valid rows equal to rfmSummary's.
 */
export function describeBadRows(engine: EngineUnderTest, createBadTable: (client: SqlClient, table: string) => Promise<void>): void {
  describe(`${engine.name}: bad rows`, () => {
    it('are counted per reason, refused by default, and excluded on request (then equal to rfmSummary of the valid rows)', async () => {
      const client = engine.client();
      const table = engine.scratch('bad');
      await createBadTable(client, table);
      const options = { table, columns: cols, observationEnd: Date.UTC(2024, 0, 31) };
      const error = await rfmSummaryInSql(client, options).catch((e: unknown) => e);
      expect(isMetricsInputError(error)).toBe(true);
      const result = await rfmSummaryInSql(client, { ...options, invalidRows: 'exclude' });
      expect(result.rows).toEqual({ rows: 10, usedRows: 4, afterObservationEnd: 1, invalid: { customerIdNull: 1, timestampNull: 1, amountNull: 1, amountNegative: 1, amountTooPrecise: 1 } });
      const valid = [
        { customerId: 1, date: Date.UTC(2024, 0, 2, 8), amount: '10' },
        { customerId: 1, date: Date.UTC(2024, 0, 5, 9), amount: '2.5' },
        { customerId: 1, date: Date.UTC(2024, 0, 5, 23, 59, 59), amount: '1.25' },
        { customerId: 2, date: Date.UTC(2024, 0, 3), amount: '4' },
        { customerId: 1, date: Date.UTC(2024, 1, 1), amount: '100' },
      ];
      expectSameSummaries(result.customers, rfmSummary(valid, { observationEnd: Date.UTC(2024, 0, 31) }), `${engine.name} valid rows`);
    });
  });
}

/** The rows of the bad-row table, as SQL tuples (customer_id, ts, amount) with `ts(text)` a timestamp literal. */
export function badRowTuples(ts: (text: string) => string): string {
  return [
    `(1, ${ts('2024-01-02 08:00:00')}, 10)`,
    `(1, ${ts('2024-01-05 09:00:00')}, 2.5)`,
    `(1, ${ts('2024-01-05 23:59:59')}, 1.25)`,
    `(2, ${ts('2024-01-03 00:00:00')}, 4)`,
    `(NULL, ${ts('2024-01-04 00:00:00')}, 1)`,
    `(3, NULL, 1)`,
    `(4, ${ts('2024-01-04 00:00:00')}, NULL)`,
    `(5, ${ts('2024-01-04 00:00:00')}, -1)`,
    `(6, ${ts('2024-01-04 00:00:00')}, 1.005)`,
    `(1, ${ts('2024-02-01 00:00:00')}, 100)`,
  ].join(', ');
}

/**
 * Registers the NPS counts test: 2,000 deterministic answers (some NULL or out of range) in three
 * segments over 2024; npsCountsSql per segment and month equals the counts of the raw scores
 * grouped in JavaScript, and npsBreakdown of the counts equals npsBreakdown of the scores.
 */
export function describeNpsCounts(engine: EngineUnderTest): void {
  describe(`${engine.name}: NPS counts`, () => {
    it('per segment and UTC month equal the raw scores grouped here; npsBreakdown agrees', async () => {
      const client = engine.client();
      const table = engine.scratch('survey');
      const d = client.dialect;
      const types = d === 'clickhouse' ? ['Nullable(String)', 'Nullable(Int32)', 'Nullable(DateTime)'] : [d === 'duckdb' ? 'VARCHAR' : 'TEXT', 'INTEGER', 'TIMESTAMP'];
      await client.execute(`DROP TABLE IF EXISTS ${table}`);
      await client.execute(`CREATE TABLE ${table} (segment ${types[0]}, score ${types[1]}, ts ${types[2]})${d === 'clickhouse' ? ' ENGINE = Memory' : ''}`);
      const answers: { segment: string; score: number | null; ms: number }[] = [];
      for (let i = 0; i < 2000; i++) {
        const score = i % 97 === 0 ? null : i % 89 === 0 ? 11 : (i * 7919) % 11;
        answers.push({ segment: ['web', 'app', 'shop'][i % 3] as string, score, ms: Date.UTC(2024, 0, 1) + ((i * 104_729) % 366) * 86_400_000 + ((i * 13) % 86_400) * 1000 });
      }
      const lit = (ms: number) => (d === 'clickhouse' ? `'${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}'` : `TIMESTAMP '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}'`);
      await client.execute(`INSERT INTO ${table} VALUES ${answers.map((a) => `('${a.segment}', ${a.score ?? 'NULL'}, ${lit(a.ms)})`).join(', ')}`);
      const rows = await client.query(npsCountsSql({ dialect: d, table, columns: { score: 'score', segment: 'segment', timestamp: 'ts' }, period: 'month' }));
      const expected = new Map<string, number[]>();
      for (const a of answers) {
        const dt = new Date(a.ms);
        const key = `${a.segment} ${dt.getUTCFullYear() * 12 + dt.getUTCMonth()}`;
        const c = expected.get(key) ?? [0, 0, 0, 0];
        const slot = a.score === null || a.score > 10 ? 3 : a.score <= 6 ? 0 : a.score <= 8 ? 1 : 2;
        c[slot] = (c[slot] as number) + 1;
        expected.set(key, c);
      }
      const actual = new Map(rows.map((r) => [`${String(r.segment)} ${String(r.period)}`, [r.detractors, r.passives, r.promoters, r.invalid].map(Number)]));
      expect(actual).toEqual(expected);
      const web = answers.filter((a) => a.segment === 'web' && a.score !== null && a.score <= 10).map((a) => a.score as number);
      const webCounts = rows.filter((r) => r.segment === 'web').reduce<{ detractors: number; passives: number; promoters: number }>((s, r) => ({ detractors: s.detractors + Number(r.detractors), passives: s.passives + Number(r.passives), promoters: s.promoters + Number(r.promoters) }), { detractors: 0, passives: 0, promoters: 0 });
      expect(npsBreakdown(webCounts)).toEqual(npsBreakdown(web));
    });
  });
}

/**
 * Text amounts (`amountType: 'text'`) on every engine: a plain decimal (optional sign, digits with
 * an optional point, or a point and digits, spaces around) is an amount; anything else (an exponent,
 * a lone point, an empty or blank text, two numbers) is counted as `amountNotNumeric`. The engine's
 * reading is checked against the rule written here in JavaScript, and the summary of the rows kept
 * (`invalidRows: 'exclude'`) against rfmSummary of the same rows with their amounts parsed here.
 */
export function describeTextAmounts(engine: EngineUnderTest): void {
  describe(`${engine.name}: text amounts`, () => {
    it("plain decimals with signs, points and spaces are amounts; other texts are counted as amountNotNumeric; the rest equals rfmSummary", async () => {
      const client = engine.client();
      const d = client.dialect;
      const table = engine.scratch('text_amounts');
      const texts = ['10.50', ' 2 ', '5.', '+3', '.25', '  7.125  ', 'abc', '1e3', '.', '', '   ', '1 2', '-.5', '- 4', '0x10', '3.5.1'];
      // The rule of a plain decimal, as the engines must read it.
      const plain = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;
      const rows = texts.map((text, i) => ({ customerId: 1 + (i % 4), date: Date.UTC(2024, 0, 2 + i, 6), text }));
      const types = d === 'clickhouse' ? ['Int32', 'DateTime', 'String'] : ['INTEGER', 'TIMESTAMP', d === 'duckdb' ? 'VARCHAR' : 'TEXT'];
      const lit = (ms: number) => (d === 'clickhouse' ? `'${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}'` : `TIMESTAMP '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}'`);
      await client.execute(`DROP TABLE IF EXISTS ${table}`);
      await client.execute(`CREATE TABLE ${table} (customer_id ${types[0]}, ts ${types[1]}, amount ${types[2]})${d === 'clickhouse' ? ' ENGINE = Memory' : ''}`);
      await client.execute(`INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.customerId}, ${lit(r.date)}, '${r.text}')`).join(', ')}`);
      const end = Date.UTC(2024, 1, 1);
      const options = { table, columns: cols, observationEnd: end, amountType: 'text' } as const;
      const numeric = rows.filter((r) => plain.test(r.text));
      // '-.5' is refused as negative, '  7.125  ' as too precise for 2 decimals.
      const kept = numeric.filter((r) => Number(r.text.trim()) >= 0 && r.text.trim() !== '7.125');
      const result = await rfmSummaryInSql(client, { ...options, invalidRows: 'exclude' });
      // 7 numeric texts, 9 others; 5 rows used.
      expect([numeric.length, kept.length]).toEqual([7, 5]);
      expect(result.rows).toEqual({ rows: texts.length, usedRows: 5, afterObservationEnd: 0, invalid: { customerIdNull: 0, timestampNull: 0, amountNull: 0, amountNotNumeric: 9, amountNegative: 1, amountTooPrecise: 1 } });
      const log = kept.map((r) => ({ customerId: r.customerId, date: r.date, amount: String(Number(r.text.trim())) }));
      expectSameSummaries(result.customers, rfmSummary(log, { observationEnd: end }), `${engine.name} text amounts`);
    });
  });
}

/**
 * The column types of a table the engine holds, by name, as the engine's catalogue gives them
 * (`information_schema` in DuckDB and PostgreSQL, `system.columns` in ClickHouse). `table` is an
 * unquoted name in the default schema.
 */
export async function columnTypes(client: SqlClient, table: string): Promise<Record<string, string>> {
  const sql =
    client.dialect === 'clickhouse'
      ? `SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = '${table}'`
      : `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = '${table}'`;
  return Object.fromEntries((await client.query(sql)).map((r) => [String(r.name), String(r.type).toLowerCase()]));
}

/**
 * scoreCustomersInSql's work table on every engine, seen in the engine's catalogue while the call
 * runs (a client that passes every statement to the engine and reads the catalogue after each):
 * one table `cm_work_` + 12 hex digits, a new name per call; a temporary table in DuckDB, an
 * UNLOGGED table in the scores table's schema in PostgreSQL, a Memory table in the scores table's
 * database in ClickHouse; dropped at the end. And which error comes back when dropping it fails:
 * the drop's own error after a successful run, the first error after a failed one. `schema` is a
 * schema (a database in ClickHouse) the test may create.
 */
export function describeScoreWorkTable(engine: EngineUnderTest, schema: string): void {
  const options = { columns: cols, observationEnd: calibrationEnd, period: 'week', unit: 'week', horizon: { length: 3, unit: 'month' } } as const;
  const catalogue = {
    duckdb: "SELECT table_name AS name, schema_name AS place, temporary AS kind FROM duckdb_tables() WHERE table_name LIKE 'cm_work_%'",
    postgres: "SELECT c.relname AS name, n.nspname AS place, c.relpersistence AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname LIKE 'cm_work_%' AND c.relkind = 'r'",
    clickhouse: "SELECT name, database AS place, engine AS kind FROM system.tables WHERE name LIKE 'cm_work_%'",
  };
  /** A client that runs everything on the engine; `fail` picks statements that then fail after running. */
  const watching = (fail: (sql: string) => boolean = () => false) => {
    const client = engine.client();
    const seen: string[] = [];
    const watched: SqlClient = {
      dialect: client.dialect,
      query: (sql) => client.query(sql),
      execute: async (sql) => {
        await client.execute(sql);
        for (const row of await client.query(catalogue[client.dialect])) seen.push(`${String(row.name)} ${String(row.place)} ${String(row.kind)}`);
        if (fail(sql)) throw new Error('the statement failed');
      },
    };
    return { client, watched, seen };
  };
  const isWorkDrop = (sql: string) => sql.startsWith('DROP TABLE') && sql.includes('cm_work_');

  describe(`${engine.name}: scoreCustomersInSql's work table`, () => {
    it('is cm_work_ and 12 hex digits (a new one per call), of the documented kind and place, and is gone afterwards', async () => {
      const { client, watched, seen } = watching();
      const d = client.dialect;
      await client.execute(d === 'clickhouse' ? `CREATE DATABASE IF NOT EXISTS ${schema}` : `CREATE SCHEMA IF NOT EXISTS ${schema}`);
      // The scores table's schema given both ways: split from a string, and as an array.
      await scoreCustomersInSql(watched, { ...options, table: engine.table, scoresTable: `${schema}.work_scores` });
      await scoreCustomersInSql(watched, { ...options, table: engine.table, scoresTable: [schema, 'work_scores'] });
      const tables = [...new Set(seen)];
      expect(tables).toHaveLength(2);
      const names = tables.map((t) => t.split(' ')[0] as string);
      expect(names.every((n) => /^cm_work_[0-9a-f]{12}$/.test(n)), names.join(', ')).toBe(true);
      expect(names[0]).not.toBe(names[1]);
      const where = tables.map((t) => t.split(' ').slice(1).join(' '));
      const expected = { duckdb: 'main true', postgres: `${schema} u`, clickhouse: `${schema} Memory` }[d];
      expect(where).toEqual([expected, expected]);
      expect(await client.query(catalogue[d])).toEqual([]);
    });

    it("a failed drop of the work table is the call's error after a successful run, and not after a failed one", async () => {
      const { client, watched } = watching(isWorkDrop);
      const afterSuccess = await scoreCustomersInSql(watched, { ...options, table: engine.table, scoresTable: engine.scratch('drop_scores') }).catch((e: unknown) => e);
      expect(afterSuccess).toBeInstanceOf(SqlQueryError);
      expect(isWorkDrop((afterSuccess as SqlQueryError).sql)).toBe(true);
      // The scores table in a schema that does not exist: its CREATE fails first.
      const afterFailure = await scoreCustomersInSql(watched, { ...options, table: engine.table, scoresTable: ['no_such_schema', 'scores'] }).catch((e: unknown) => e);
      expect(afterFailure).toBeInstanceOf(SqlQueryError);
      expect((afterFailure as SqlQueryError).sql).toContain('no_such_schema');
      expect(await client.query(catalogue[client.dialect])).toEqual([]);
    });
  });
}
