/**
 * rfmSummary on the CDNOW sample reproduces the published calibration summary
 * (`cdnow_customers_summary_with_transactions.csv`, the (x, t_x, T, zbar) data of Fader, Hardie &
 * Lee (2005) "Counting your customers the easy way", via Hardie's CDNOW files; see test/fixtures/data/README.md).
 */
import { describe, expect, it } from 'vitest';
import { calibrationHoldoutSplit, compressSummaries, rfmSummary } from '../src/clv/index.js';
import { readCdnowLog, readFixtureData } from './helpers/fixture-data.js';

function readExpected(): Map<number, { x: number; tx: number; T: number; zbar: number }> {
  const rows = readFixtureData('cdnow/cdnow_customers_summary_with_transactions.csv').trim().split('\n').slice(1);
  const map = new Map<number, { x: number; tx: number; T: number; zbar: number }>();
  for (const row of rows) {
    const [id, x, tx, T, zbar] = row.split(',').map(Number) as [number, number, number, number, number];
    map.set(id, { x, tx, T, zbar });
  }
  return map;
}

const observationEnd = Date.UTC(1997, 8, 30);
const close = (actual: number, expected: number) => Math.abs(actual - expected) <= 0.005 + 1e-9;

describe('rfmSummary on CDNOW (Fader, Hardie & Lee 2005 summary file)', () => {
  const log = readCdnowLog();
  const expected = readExpected();

  it('reads the whole log: 6,919 transactions of 2,357 customers', () => {
    expect(log.length).toBe(6919);
    expect(expected.size).toBe(2357);
  });

  it('reproduces frequency exactly and recency, T and mean repeat value to 2 decimals for all 2,357 customers', () => {
    const rows = rfmSummary(log, { observationEnd, period: 'day', unit: 'week' });
    expect(rows.length).toBe(2357);
    const mismatches: string[] = [];
    for (const row of rows) {
      const e = expected.get(row.customerId);
      if (e === undefined) {
        mismatches.push(`${row.customerId}: not in the file`);
        continue;
      }
      const zbar = row.monetaryValue.toNumber();
      if (row.frequency !== e.x || !close(row.recency, e.tx) || !close(row.T, e.T) || !close(zbar, e.zbar)) {
        mismatches.push(`${row.customerId}: actual (${row.frequency}, ${row.recency}, ${row.T}, ${zbar}) expected (${e.x}, ${e.tx}, ${e.T}, ${e.zbar}) tol 0.005`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gives customer 1 frequency 2, recency 30.43 and T 38.86 weeks (the paper\'s worked customer)', () => {
    const rows = rfmSummary(log, { observationEnd, unit: 'week' });
    const one = rows.find((row) => row.customerId === 1);
    expect(one?.frequency).toBe(2);
    expect(one?.recency).toBeCloseTo(30.43, 2);
    expect(one?.T).toBeCloseTo(38.86, 2);
  });

  it('agrees between the array, iterable and async iterable forms, and with reversed input', async () => {
    const options = { observationEnd, unit: 'week' as const };
    const fromArray = rfmSummary(log, options);
    const key = (rows: { customerId: number }[]) => [...rows].sort((a, b) => a.customerId - b.customerId);
    const fromIterable = rfmSummary(new Set(log), options);
    async function* stream() {
      for (const t of [...log].reverse()) yield t;
    }
    const fromAsync = await rfmSummary(stream(), options);
    const reversed = rfmSummary([...log].reverse(), options);
    expect(key(fromIterable)).toEqual(key(fromArray));
    expect(key(fromAsync)).toEqual(key(fromArray));
    expect(key(reversed)).toEqual(key(fromArray));
  });

  it('splits at 1997-09-30: the calibration part equals the summary; 39-week holdout', () => {
    const split = calibrationHoldoutSplit(log, { calibrationEnd: observationEnd, observationEnd: Date.UTC(1998, 5, 30), unit: 'week' });
    const summary = rfmSummary(log, { observationEnd, unit: 'week' });
    expect(split.map(({ customerId, frequency, recency, T, monetaryValue }) => ({ customerId, frequency, recency, T, monetaryValue }))).toEqual(summary);
    expect(split[0]?.holdoutDuration).toBeCloseTo(39, 10); // 273 days = 39 weeks
    // Customer 1 bought once more in the holdout (1997-12-12, 26.48).
    const one = split.find((row) => row.customerId === 1);
    expect([one?.holdoutFrequency, one?.holdoutMonetaryValue.toString()]).toEqual([1, '26.48']);
    // Total holdout purchase days over all customers matches a direct count of distinct (customer, day) pairs.
    const days = new Set(log.filter((t) => (t.date as number) > observationEnd).map((t) => `${t.customerId}/${t.date as number}`));
    expect(split.reduce((s, row) => s + row.holdoutFrequency, 0)).toBe(days.size);
  });

  it('compresses the 2,357 customers into fewer distinct patterns with the same total weight', () => {
    const rows = rfmSummary(log, { observationEnd, unit: 'week' });
    const compressed = compressSummaries(rows);
    expect(compressed.length).toBeLessThan(rows.length);
    expect(compressed.reduce((s, row) => s + row.weight, 0)).toBe(2357);
  });
});
