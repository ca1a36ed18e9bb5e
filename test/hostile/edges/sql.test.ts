/**
 * The `customer-metrics/sql` subpath at the edges of its valid domain (issue 14, item 2), on an
 * embedded DuckDB: one customer, identical transactions at one instant, spans from a millisecond to
 * the years 0001..9999, amounts from 0.01 to 1e13 (the DECIMAL(18, 2) column), ids up to 2^53 - 1,
 * NPS scores at the band edges. The SQL answers must equal the library's own (rfmSummary,
 * compressSummaries, calibrationHoldoutSplit, npsBreakdown); the readers and adapters are driven at
 * their edges (0, 1 and 100,000 rows). Fixed seeds.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrationHoldoutSplit, compressSummaries, rfmSummary, type CalendarPeriod, type Transaction } from '../../../src/index.js';
import {
  calibrationHoldoutSql,
  clickHouseClient,
  duckDbClient,
  invalidRowsSql,
  npsCountsSql,
  postgresClient,
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
} from '../../../src/sql/index.js';
import { expectSameSummaries, jsOptions, loadLog } from '../../helpers/sql-engine.js';
import { attempt, expectClean, expectWellFormedRefusal, runs } from './helpers.js';

/** The names this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = [
  'SqlQueryError',
  'calibrationHoldoutSql',
  'clickHouseClient',
  'duckDbClient',
  'invalidRowsSql',
  'npsCountsSql',
  'postgresClient',
  'readSpendPatterns',
  'readSummaryPatterns',
  'readSummaryRows',
  'rfmSummaryInSql',
  'rfmSummarySql',
  'scoreCustomersInSql',
  'spendPatternsSql',
  'summaryPatternsSql',
] as const;

let client: SqlClient;
beforeAll(async () => {
  client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
});

// Date.UTC maps the year 1 to 1901: set it afterwards
const FIRST = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(1);
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const base = Date.UTC(2024, 0, 1);
/** Instants: the same one, milliseconds apart, days apart, or anywhere in 0001..9999. */
const instant = fc.oneof(fc.constant(base), fc.integer({ min: base, max: base + 1000 }), fc.integer({ min: base, max: base + 400 * 86_400_000 }), fc.integer({ min: FIRST, max: LAST - 86_400_000 }));
const cents = fc.oneof(fc.constantFrom(0, 1, 1e15), fc.integer({ min: 0, max: 1e15 }));
const id = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Number.MAX_SAFE_INTEGER));
const log = fc.array(fc.record({ customerId: id, date: instant, c: cents }), { minLength: 1, maxLength: 30 }).map((ts) => ts.map((t): Transaction<number> => ({ customerId: t.customerId, date: t.date, amount: (t.c / 100).toFixed(2) })));
const periods = fc.constantFrom<[CalendarPeriod, CalendarPeriod]>(['day', 'day'], ['day', 'week'], ['week', 'week'], ['month', 'month'], ['quarter', 'month'], ['year', 'month'], ['year', 'year']);
const columns = { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' };
let table = 0;

describe('SQL summaries equal the library at the edges (DuckDB)', () => {
  it('rfmSummaryInSql and rfmSummarySql + readSummaryRows equal rfmSummary; patterns equal compressSummaries', async () => {
    await fc.assert(
      fc.asyncProperty(log, periods, fc.constantFrom(LAST, base + 500 * 86_400_000), async (txs, [period, unit], observationEnd) => {
        const name = `edge_${table++}`;
        await loadLog(client, name, txs);
        const options = { table: name, columns, observationEnd, period, unit };
        const expected = rfmSummary(txs, jsOptions(options));
        const { customers, rows } = await rfmSummaryInSql(client, options);
        expectSameSummaries(customers, expected, `log ${JSON.stringify({ txs, period, unit, observationEnd })}`);
        expect(rows.rows).toBe(txs.length);
        expectSameSummaries(readSummaryRows(await client.query(rfmSummarySql({ ...options, dialect: 'duckdb' })), { amountScale: 2 }), expected, 'rfmSummarySql');
        const patterns = readSummaryPatterns(await client.query(summaryPatternsSql({ ...options, dialect: 'duckdb' })));
        const key = (p: { frequency: number; recency: number; T: number; weight: number }) => `${p.frequency}|${p.recency}|${p.T}|${p.weight}`;
        expect(patterns.map(key).sort()).toEqual(compressSummaries(expected).map(key).sort());
        const spend = readSpendPatterns(await client.query(spendPatternsSql({ ...options, dialect: 'duckdb' })), { amountScale: 2 });
        expectClean(spend);
        expect(spend.reduce((s, p) => s + p.weight, 0)).toBe(expected.filter((r) => r.frequency > 0).length);
        const [counts] = await client.query(invalidRowsSql({ ...options, dialect: 'duckdb' }));
        expect(Number(counts?.rows)).toBe(txs.length);
        expect(Number(counts?.valid_rows)).toBe(txs.length);
        for (const reason of ['customer_id_null', 'timestamp_null', 'amount_null', 'amount_negative', 'amount_too_precise']) if (counts?.[reason] !== undefined) expect(Number(counts[reason])).toBe(0);
        await client.execute(`DROP TABLE ${name}`);
        return true;
      }),
      runs(25),
    );
  });

  it('calibrationHoldoutSql equals calibrationHoldoutSplit with the calibration end a millisecond to centuries before the end', async () => {
    await fc.assert(
      fc.asyncProperty(log, periods, fc.constantFrom(1, 86_400_000, 365 * 86_400_000, 3000 * 365 * 86_400_000), async (txs, [period, unit], gap) => {
        const name = `edge_${table++}`;
        await loadLog(client, name, txs);
        const observationEnd = LAST;
        const options = { table: name, columns, observationEnd, calibrationEnd: observationEnd - gap, period, unit };
        const out = attempt(() => calibrationHoldoutSplit(txs, jsOptions(options)));
        if (out.refused) return true; // a calibration end within the observation end's period: refused alike below
        const rows = await client.query(calibrationHoldoutSql({ ...options, dialect: 'duckdb' }));
        expectSameSummaries(readSummaryRows(rows, { amountScale: 2 }), out.value, 'calibration part');
        for (const row of rows) {
          const e = out.value.find((r) => String(r.customerId) === String(row.customer_id));
          expect(Number(row.holdout_frequency)).toBe(e?.holdoutFrequency);
          expect(Number(row.holdout_duration)).toBe(e?.holdoutDuration);
        }
        await client.execute(`DROP TABLE ${name}`);
        return true;
      }),
      runs(15),
    );
  });

  it('npsCountsSql: every score 0..10 counted in its band, NULL and 11 as invalid; one answer; 1,000 identical answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(null, 11, 6, 7, 8, 9)), { minLength: 1, maxLength: 200 }), fc.boolean(), async (scores, same) => {
        const name = `survey_${table++}`;
        const list = same ? scores.map(() => scores[0] ?? null) : scores;
        await client.execute(`CREATE TABLE ${name} (score INTEGER)`);
        await client.execute(`INSERT INTO ${name} VALUES ${list.map((s) => `(${s ?? 'NULL'})`).join(', ')}`);
        const [row] = await client.query(npsCountsSql({ dialect: 'duckdb', table: name, columns: { score: 'score' } }));
        const valid = list.filter((s): s is number => s !== null && s <= 10);
        expect([row?.detractors, row?.passives, row?.promoters, row?.invalid].map(Number)).toEqual([valid.filter((s) => s <= 6).length, valid.filter((s) => s === 7 || s === 8).length, valid.filter((s) => s >= 9).length, list.length - valid.length]);
        await client.execute(`DROP TABLE ${name}`);
        return true;
      }),
      runs(20),
    );
  });

  it('scoreCustomersInSql on one repeat customer, or on identical customers: scores or a well-formed refusal', async () => {
    for (const txs of [
      [
        { customerId: 1, date: base, amount: '10.00' },
        { customerId: 1, date: base + 7 * 86_400_000, amount: '20.00' },
      ],
      Array.from({ length: 40 }, (_, i) => [
        { customerId: i, date: base, amount: '5.00' },
        { customerId: i, date: base + 14 * 86_400_000, amount: '5.00' },
      ]).flat(),
    ]) {
      const name = `edge_${table++}`;
      await loadLog(client, name, txs);
      try {
        const r = await scoreCustomersInSql(client, { table: name, columns, observationEnd: base + 60 * 86_400_000, period: 'day', unit: 'week', horizon: { length: 4, unit: 'week' }, scoresTable: `${name}_scores` });
        expectClean(r.transactionModel.parameters);
        for (const s of await client.query(`SELECT * FROM ${name}_scores`)) for (const v of Object.values(s)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      } catch (error) {
        expectWellFormedRefusal(error);
      }
    }
  });
});

describe('readers and adapters at the edges', () => {
  it('readSummaryRows, readSummaryPatterns, readSpendPatterns: whole numbers as strings up to 2^53 - 1 and unit totals to 1e15', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ f: fc.integer({ min: 1, max: 100_000 }), T: fc.integer({ min: 1, max: 1e9 }), share: fc.double({ min: 0, max: 1, noNaN: true }), units: fc.integer({ min: 0, max: 1e15 }), w: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) }), { minLength: 0, maxLength: 50 }), fc.integer({ min: 0, max: 12 }), (rs, scale) => {
        const rows = rs.map((r, i) => ({ customer_id: i, frequency: String(r.f), recency: Math.max(1e-9, r.T * r.share), T: r.T, repeat_total_units: String(r.units), weight: String(r.w) }));
        const summary = attempt(() => readSummaryRows(rows, { amountScale: scale }));
        if (summary.value !== undefined) summary.value.forEach((s, i) => expect(s.monetaryValue.times(s.frequency).times(10 ** scale).toNumber()).toBeCloseTo(Number(rows[i]?.repeat_total_units), -2));
        const patterns = attempt(() => readSummaryPatterns(rows));
        if (patterns.value !== undefined) expect(patterns.value.length).toBe(rows.length);
        attempt(() => readSpendPatterns(rows, { amountScale: scale }));
        return true;
      }),
      runs(100),
    );
    expect(readSummaryRows([])).toEqual([]);
    expect(readSummaryPatterns([])).toEqual([]);
    expect(readSpendPatterns([])).toEqual([]);
  });

  it('the adapters pass 0, 1 and 100,000 rows through; an engine failure is an SqlQueryError with the SQL and the cause', async () => {
    for (const n of [0, 1, 100_000]) {
      const rows = Array.from({ length: n }, (_, i) => ({ i }));
      expect(await postgresClient({ query: async () => ({ rows }) }).query('SELECT 1')).toHaveLength(n);
      expect(await clickHouseClient({ query: async () => ({ json: async <T>() => rows as T[] }), command: async () => ({}) }).query('SELECT 1')).toHaveLength(n);
    }
    expect(await client.query('SELECT * FROM range(100000)')).toHaveLength(100_000);
    expect(await client.query('SELECT 1 AS x WHERE false')).toEqual([]);
    // the adapters pass the driver's error on; the library's runners wrap it (documented)
    const failure = await rfmSummaryInSql(client, { table: `no_such_table_${'x'.repeat(40)}`, columns, observationEnd: base }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(SqlQueryError);
    expect((failure as SqlQueryError).sql).toContain('no_such_table_');
    expect((failure as Error).message.length).toBeLessThan(300);
    expect(new SqlQueryError('postgres', '', undefined).sql).toBe('');
  });
});
