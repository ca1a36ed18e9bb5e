/**
 * The row readers and the runners' boundary: worked examples, bad-input tables, and the exact mean
 * against rfmSummary's arithmetic (property).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { rfmSummary } from '../clv/index.js';
import { duckDbClient, readSpendPatterns, readSummaryPatterns, readSummaryRows, rfmSummaryInSql, scoreCustomersInSql, SqlQueryError, type SqlClient } from './index.js';

describe('readSummaryRows', () => {
  it('worked example: 10.00 over 3 repeat periods is 3.333... (40 digits), not a double', () => {
    const [row] = readSummaryRows([{ customer_id: 7, frequency: 3, recency: 5, T: 9, repeat_total_units: '1000' }]);
    expect(row?.monetaryValue.toString()).toBe('3.333333333333333333333333333333333333333');
    expect(row).toMatchObject({ customerId: 7, frequency: 3, recency: 5, T: 9 });
  });

  it('frequency 0 gives monetary value 0; amountScale 0 reads whole units', () => {
    expect(readSummaryRows([{ customer_id: 'a', frequency: '0', recency: 0, T: 4, repeat_total_units: '0' }])[0]?.monetaryValue.toString()).toBe('0');
    expect(readSummaryRows([{ customer_id: 'a', frequency: 2, recency: 1, T: 4, repeat_total_units: '5' }], { amountScale: 0 })[0]?.monetaryValue.toString()).toBe('2.5');
  });

  it('equals rfmSummary\'s mean for any cents total and frequency (property, seed 15)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 1, max: 1000 }), (cents, frequency) => {
        // rfmSummary on one customer: a first purchase of 0, then `frequency` repeat days whose total is `cents`.
        const log = [{ customerId: 1, date: 0, amount: '0' }];
        for (let i = 1; i <= frequency; i++) log.push({ customerId: 1, date: i * 86_400_000, amount: i === 1 ? (cents / 100).toFixed(2) : '0' });
        const [expected] = rfmSummary(log, { observationEnd: frequency * 86_400_000 });
        const [actual] = readSummaryRows([{ customer_id: 1, frequency, recency: frequency, T: frequency, repeat_total_units: String(cents) }]);
        expect(actual?.monetaryValue.eq(expected?.monetaryValue as never)).toBe(true);
      }),
      { seed: 15, numRuns: 200 },
    );
  });

  it.each([
    ['not an array', 'rows', ['invalid_type rows']],
    ['a row not an object', [3], ['invalid_type rows.0']],
    ['missing columns', [{}], ['invalid_type rows.0.customer_id', 'invalid_type rows.0.frequency', 'invalid_type rows.0.recency', 'invalid_type rows.0.T', 'invalid_type rows.0.repeat_total_units']],
    ['NULL id', [{ customer_id: null, frequency: 0, recency: 0, T: 1, repeat_total_units: '0' }], ['invalid_type rows.0.customer_id']],
    ['negative frequency', [{ customer_id: 1, frequency: -1, recency: 0, T: 1, repeat_total_units: '0' }], ['too_small rows.0.frequency']],
    ['fractional frequency', [{ customer_id: 1, frequency: '1.5', recency: 0, T: 1, repeat_total_units: '0' }], ['invalid_type rows.0.frequency']],
    ['NaN recency', [{ customer_id: 1, frequency: 1, recency: Number.NaN, T: 1, repeat_total_units: '0' }], ['not_finite rows.0.recency']],
    ['decimal units', [{ customer_id: 1, frequency: 1, recency: 0, T: 1, repeat_total_units: '1.5' }], ['invalid_type rows.0.repeat_total_units']],
  ])('bad rows: %s', (_, rows, expected) => {
    expect(issueSummaries(() => readSummaryRows(rows as never))).toEqual(expected);
  });

  it('bad options', () => {
    expect(issueSummaries(() => readSummaryRows([], { amountScale: 9 }))).toEqual(['too_big options.amountScale']);
    expect(issueSummaries(() => readSummaryRows([], { scale: 2 } as never))).toEqual(['unrecognized_key options.scale']);
  });
});

describe('readSummaryPatterns', () => {
  it('reads driver strings as numbers and keeps the weight', () => {
    expect(readSummaryPatterns([{ frequency: '2', recency: 3.5, T: '10', weight: '40' }])).toEqual([{ frequency: 2, recency: 3.5, T: 10, weight: 40 }]);
  });
  it.each([
    ['recency > T', [{ frequency: 1, recency: 5, T: 4, weight: 1 }], ['invalid_order rows.0.recency']],
    ['recency with frequency 0', [{ frequency: 0, recency: 1, T: 4, weight: 1 }], ['invalid_structure rows.0.recency']],
    ['weight 0', [{ frequency: 0, recency: 0, T: 4, weight: 0 }], ['too_small rows.0.weight']],
    ['negative T', [{ frequency: 0, recency: 0, T: -4, weight: 1 }], ['too_small rows.0.T']],
  ])('bad rows: %s', (_, rows, expected) => {
    expect(issueSummaries(() => readSummaryPatterns(rows as never))).toEqual(expected);
  });
});

describe('readSpendPatterns', () => {
  it('worked example: 25.01 over 2 periods is 12.505', () => {
    expect(readSpendPatterns([{ frequency: 2, repeat_total_units: 2501, weight: 3 }]).map((p) => [p.frequency, p.monetaryValue.toString(), p.weight])).toEqual([[2, '12.505', 3]]);
  });
  it.each([
    ['frequency 0 (not a repeat customer)', [{ frequency: 0, repeat_total_units: '0', weight: 1 }], ['too_small rows.0.frequency']],
    ['units as a float', [{ frequency: 1, repeat_total_units: 1.5, weight: 1 }], ['invalid_type rows.0.repeat_total_units']],
  ])('bad rows: %s', (_, rows, expected) => {
    expect(issueSummaries(() => readSpendPatterns(rows as never))).toEqual(expected);
  });
});

describe('runners: bad client and options (DuckDB)', () => {
  let client: SqlClient;
  beforeAll(async () => {
    client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
    await client.execute(`CREATE TABLE tx AS SELECT * FROM (VALUES (1, DATE '2024-01-01', 1.00)) AS t(id, day, amount)`);
  });
  const options = { table: 'tx', columns: { customerId: 'id', timestamp: 'day', amount: 'amount' }, observationEnd: Date.UTC(2024, 0, 31) };
  const issuesOf = async (p: Promise<unknown>) => {
    const error = (await p.then(() => undefined, (e: unknown) => e)) as { issues?: { code: string; path: unknown[] }[] } | undefined;
    return error?.issues?.map((i) => `${i.code} ${i.path.join('.')}`) ?? String(error);
  };

  it('rfmSummaryInSql refuses a missing client, a client without query, a dialect option', async () => {
    expect(await issuesOf(rfmSummaryInSql(undefined as never, options))).toEqual(['invalid_type client']);
    expect(await issuesOf(rfmSummaryInSql({ dialect: 'oracle', query: 1, execute: () => undefined } as never, options))).toEqual(['invalid_value client.dialect', 'invalid_type client.query']);
    expect(await issuesOf(rfmSummaryInSql(client, { ...options, dialect: 'duckdb' } as never))).toEqual(['unrecognized_key options.dialect']);
    // The optional bulk paths are absent or functions.
    expect(await issuesOf(scoreCustomersInSql({ ...client, insert: null, queryNumbers: 'yes' } as never, { ...options, horizon: { length: 3, unit: 'month' }, scoresTable: 's' }))).toEqual([
      'invalid_type client.insert',
      'invalid_type client.queryNumbers',
    ]);
    expect(await issuesOf(rfmSummaryInSql(client, { ...options, invalidRows: 'drop' } as never))).toEqual(['invalid_value options.invalidRows']);
  });

  it('scoreCustomersInSql refuses a horizon without unit and a hostile scores table name for ClickHouse', async () => {
    expect(await issuesOf(scoreCustomersInSql(client, { ...options, horizon: { length: 3 }, scoresTable: 's' } as never))).toEqual(['invalid_value options.horizon.unit']);
    const ch = { ...client, dialect: 'clickhouse' as const };
    expect(await issuesOf(scoreCustomersInSql(ch, { ...options, horizon: { length: 3, unit: 'week' }, scoresTable: 's`; DROP TABLE tx; --' }))).toEqual(['invalid_value options.scoresTable']);
  });

  it('wraps an engine failure in SqlQueryError with the SQL and the driver error as cause', async () => {
    const error = await rfmSummaryInSql(client, { ...options, table: 'missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlQueryError);
    expect((error as SqlQueryError).sql).toMatch(/FROM "missing"/);
    expect((error as SqlQueryError).cause).toBeInstanceOf(Error);
    expect((error as SqlQueryError).message).not.toMatch(/missing/);
  });
});

describe('SqlQueryError built by hand', () => {
  it('keeps the dialect, the SQL and the cause', () => {
    const cause = new Error('engine');
    const error = new SqlQueryError('postgres', 'select 1', cause);
    expect([error.name, error.dialect, error.sql, error.cause]).toEqual(['SqlQueryError', 'postgres', 'select 1', cause]);
  });
  it('refuses a dialect outside the list and SQL that is not text, with one MetricsInputError', () => {
    expect(issueSummaries(() => new SqlQueryError(Number.NaN as never, 1 as never, undefined))).toEqual(['invalid_value dialect', 'invalid_type sql']);
    expect(issueSummaries(() => new SqlQueryError(Symbol('x') as never, 'select 1', undefined))).toEqual(['invalid_value dialect']);
  });
});
