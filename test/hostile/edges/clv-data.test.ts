/**
 * The valid domain of the clv data functions and simple CLV formulas at their edges (issue 14,
 * item 2): transaction logs of one customer, of identical transactions, of spans from a millisecond
 * to the whole Date range, amounts from 1e-8 to 1e8; retention and churn rates at 0 and next to 1;
 * discount rates from -1 + 1e-8 to 1e8. Each property states the answer or an invariant; fixed seeds.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCategoryIndicators, calibrationHoldoutSplit, clvFromRetention, compressSummaries, historicClv, ltvFromChurn, rfmSummary } from '../../../src/clv/index.js';
import { attempt, expectClean, logUniform, money, probability, runs } from './helpers.js';

/** The functions this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = ['addCategoryIndicators', 'calibrationHoldoutSplit', 'clvFromRetention', 'compressSummaries', 'historicClv', 'ltvFromChurn', 'rfmSummary'] as const;

const Exact = Decimal.clone({ precision: 400 });
const DATE_MAX = 8.64e15;
const base = Date.UTC(2024, 0, 1);
const period = fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const);
/** Offsets from `base`: the same instant, milliseconds, days, decades. */
const offset = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 400 * 86_400_000 }), fc.integer({ min: 0, max: 40 * 365 * 86_400_000 }));
const tx = fc.record({ customerId: fc.integer({ min: 0, max: 20 }), at: offset, amount: money }).map(({ customerId, at, amount }) => ({ customerId, date: base + at, amount }));
const log = fc.array(tx, { minLength: 1, maxLength: 200 });
const END = base + 41 * 365 * 86_400_000;

describe('rfmSummary at the edges', () => {
  it('0 <= recency <= T, whole frequencies, frequency 0 gives recency 0 and value 0; the iterable form agrees with the array', () => {
    fc.assert(
      fc.property(log, period, (ts, p) => {
        const rows = rfmSummary(ts, { observationEnd: END, period: p, unit: p === 'quarter' || p === 'year' ? 'month' : p });
        expectClean(rows);
        expect(rows.length).toBe(new Set(ts.map((t) => t.customerId)).size);
        for (const r of rows) {
          expect(Number.isInteger(r.frequency) && r.frequency >= 0).toBe(true);
          expect(r.recency >= 0 && r.recency <= r.T).toBe(true);
          if (r.frequency === 0) expect(r.recency === 0 && r.monetaryValue.isZero()).toBe(true);
          else expect(r.recency).toBeGreaterThan(0);
        }
        const again = rfmSummary(new Set(ts), { observationEnd: END, period: p, unit: p === 'quarter' || p === 'year' ? 'month' : p });
        expect(again.map((r) => [r.customerId, r.frequency, r.recency, r.T, r.monetaryValue.toString()])).toEqual(rows.map((r) => [r.customerId, r.frequency, r.recency, r.T, r.monetaryValue.toString()]));
        return true;
      }),
      runs(100),
    );
  });

  it('one customer, identical transactions at one instant: frequency 0, recency 0, T the time to the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), money, fc.integer({ min: 0, max: 1e4 }), (n, amount, days) => {
        const ts = Array.from({ length: n }, () => ({ customerId: 'only', date: base, amount }));
        const [row] = rfmSummary(ts, { observationEnd: base + days * 86_400_000 });
        expect(row).toMatchObject({ customerId: 'only', frequency: 0, recency: 0, T: days });
        return true;
      }),
      runs(15),
    );
  });

  it('repeat value: frequency x monetaryValue is the total of the repeat periods (to the 40 digits of money)', () => {
    fc.assert(
      fc.property(log, (ts) => {
        const rows = rfmSummary(ts, { observationEnd: END });
        for (const r of rows) {
          const mine = ts.filter((t) => t.customerId === r.customerId);
          const firstDay = Math.min(...mine.map((t) => Math.floor(t.date / 86_400_000)));
          const repeat = mine.filter((t) => Math.floor(t.date / 86_400_000) !== firstDay).reduce((s, t) => s.plus(t.amount), new Exact(0));
          const got = new Exact(r.monetaryValue).times(r.frequency);
          expect(got.minus(repeat).abs().lte(repeat.abs().times(1e-38).plus(1e-90))).toBe(true);
        }
        return true;
      }),
      runs(60),
    );
  });

  it('dates at both ends of the Date range: a result in years or a documented refusal, never an Invalid Date', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ customerId: fc.integer({ min: 0, max: 3 }), date: fc.oneof(fc.constantFrom(-DATE_MAX, DATE_MAX), fc.integer({ min: -DATE_MAX, max: DATE_MAX })) }), { minLength: 1, maxLength: 20 }), period, (ts, p) => {
        const out = attempt(() => rfmSummary(ts, { observationEnd: DATE_MAX, period: p }));
        if (out.value !== undefined) for (const r of out.value) expect(r.recency >= 0 && r.recency <= r.T).toBe(true);
        return true;
      }),
      runs(100),
    );
  });
});

describe('calibrationHoldoutSplit at the edges', () => {
  it('the calibration part is rfmSummary at the calibration end; holdout counts >= 0; holdout duration the same for all', () => {
    fc.assert(
      fc.property(log, fc.integer({ min: 1, max: 40 * 365 }), fc.integer({ min: 1, max: 5000 }), (ts, calDays, holdDays) => {
        const calibrationEnd = base + calDays * 86_400_000;
        const observationEnd = calibrationEnd + holdDays * 86_400_000;
        const out = attempt(() => calibrationHoldoutSplit(ts, { calibrationEnd, observationEnd }));
        if (out.refused) return false;
        const rows = out.value;
        const cal = rfmSummary(
          ts.filter((t) => t.date <= calibrationEnd),
          { observationEnd: calibrationEnd },
        );
        expect(rows.map((r) => [r.customerId, r.frequency, r.recency, r.T])).toEqual(cal.filter((r) => rows.some((x) => x.customerId === r.customerId)).map((r) => [r.customerId, r.frequency, r.recency, r.T]));
        for (const r of rows) {
          expect(Number.isInteger(r.holdoutFrequency) && r.holdoutFrequency >= 0).toBe(true);
          expect(r.holdoutDuration).toBe(rows[0]?.holdoutDuration);
          expect(r.holdoutDuration).toBeGreaterThan(0);
        }
        return true;
      }),
      runs(80),
    );
  });
});

describe('compressSummaries and historicClv at the edges', () => {
  const summary = fc.record({ T: fc.oneof(fc.constant(0), logUniform(-6, 6)), share: fc.double({ min: 1e-6, max: 1, noNaN: true }), x: fc.integer({ min: 0, max: 100_000 }), w: fc.oneof(fc.constant(undefined), fc.constant(1), logUniform(-8, 8)) }).map(({ T, share, x, w }) => ({
    frequency: T === 0 ? 0 : x,
    recency: T === 0 || x === 0 ? 0 : T * share,
    T,
    ...(w === undefined ? {} : { weight: w }),
  }));

  it('compressSummaries: distinct patterns, weights adding up to the rows\' weights; all identical gives one pattern', () => {
    fc.assert(
      fc.property(fc.array(summary, { minLength: 1, maxLength: 300 }), (rows) => {
        const doubled = [...rows, ...rows];
        const out = compressSummaries(doubled);
        expectClean(out);
        const keys = out.map((p) => `${p.frequency}|${p.recency}|${p.T}`);
        expect(new Set(keys).size).toBe(out.length);
        const total = doubled.reduce((s, r) => s + (r.weight ?? 1), 0);
        expect(out.reduce((s, p) => s + p.weight, 0) / total).toBeCloseTo(1, 12);
        return true;
      }),
      runs(100),
    );
    const same = compressSummaries(Array.from({ length: 100_000 }, () => ({ frequency: 3, recency: 5, T: 9 })));
    expect(same).toEqual([{ frequency: 3, recency: 5, T: 9, weight: 100_000 }]);
  });

  it('historicClv: value = revenue x margin, purchases counted, revenue the sum of the amounts up to asOf', () => {
    fc.assert(
      fc.property(log, probability, offset, (ts, margin, asAt) => {
        const asOf = base + asAt;
        const rows = historicClv(ts, { grossMargin: margin, asOf });
        expectClean(rows);
        for (const r of rows) {
          const mine = ts.filter((t) => t.customerId === r.customerId && t.date <= asOf);
          expect(r.purchases).toBe(mine.length);
          const revenue = mine.reduce((s, t) => s.plus(t.amount), new Exact(0));
          expect(new Exact(r.revenue).minus(revenue).abs().lte(revenue.times(1e-38))).toBe(true);
          expect(new Exact(r.value).minus(new Exact(r.revenue).times(margin)).abs().lte(revenue.times(1e-38))).toBe(true);
        }
        expect(rows.length).toBe(new Set(ts.filter((t) => t.date <= asOf).map((t) => t.customerId)).size);
        return true;
      }),
      runs(100),
    );
  });
});

describe('addCategoryIndicators at the edges', () => {
  it('k levels give k - 1 columns; each row has at most one 1, none exactly for the reference level', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('a', 'b', '', 'a'), fc.integer({ min: -2, max: 2 }), fc.boolean()), { minLength: 2, maxLength: 300 }), (vals) => {
        const levels = new Set(vals.map(String));
        const out = attempt(() => addCategoryIndicators(vals.map((v) => ({ v })), 'v'));
        if (levels.size < 2) return out.refused !== undefined; // documented: one level has nothing to compare
        if (out.refused) return false;
        const r = out.value;
        expect(r.names.length).toBe(levels.size - 1);
        r.rows.forEach((row, i) => {
          const ones = r.names.filter((n) => (row as Record<string, number>)[n] === 1).length;
          expect(r.names.every((n) => [0, 1].includes((row as Record<string, number>)[n] as number))).toBe(true);
          expect(ones).toBe(String(vals[i]) === r.reference ? 0 : 1);
        });
        return true;
      }),
      runs(100),
    );
  });
});

describe('clvFromRetention and ltvFromChurn at the edges', () => {
  const retention = fc.oneof(fc.constantFrom(0, 1 - 1e-8, 1 - 2 ** -52), fc.double({ min: 0, max: 1 - 2 ** -52, noNaN: true }));
  const discount = fc.oneof(fc.constantFrom(0, -1 + 1e-8, 1e8), logUniform(-8, 8), fc.double({ min: -1 + 1e-8, max: 0, noNaN: true }));
  const horizon = fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 100 }), fc.constantFrom(1, 100_000, 1e9));

  it('clvFromRetention: clv = margin x multiple - cost; the multiple is in [0, H] for i >= 0 and grows with retention', () => {
    fc.assert(
      fc.property(money, retention, retention, discount, horizon, money, (m, r1, r2, i, h, cost) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const input = (r: number) => ({ marginPerPeriod: m, retentionRatePerPeriod: r, discountRatePerPeriod: i, acquisitionCost: cost, ...(h === undefined ? {} : { horizonPeriods: h }) });
        const a = attempt(() => clvFromRetention(input(lo)));
        const b = attempt(() => clvFromRetention(input(hi)));
        if (a.refused || b.refused) {
          // documented: an infinite horizon needs 1 + i - r > 0; a finite one a discounted sum within the numbers
          return i < 0 || (h === undefined && 1 + i - hi <= 0);
        }
        expect(b.value.marginMultiple).toBeGreaterThanOrEqual(a.value.marginMultiple * (1 - 1e-12));
        if (i >= 0 && h !== undefined) expect(a.value.marginMultiple >= 0 && a.value.marginMultiple <= h * (1 + 1e-12)).toBe(true);
        const expected = new Exact(m).times(a.value.marginMultiple).minus(cost);
        expect(new Exact(a.value.clv).minus(expected).abs().lte(expected.abs().plus(cost).times(1e-30).plus(1e-90))).toBe(true);
        return true;
      }),
      runs(300),
    );
  });

  it('ltvFromChurn = arpa x margin / churn for churn in (0, 1]; refused at 0', () => {
    fc.assert(
      fc.property(money, probability, fc.oneof(logUniform(-8, 0), fc.constantFrom(1, 5e-324)), (arpa, margin, churn) => {
        const ltv = ltvFromChurn({ arpaPerPeriod: arpa, grossMargin: margin, churnRatePerPeriod: churn });
        expectClean(ltv);
        const expected = new Exact(arpa).times(margin).div(churn);
        expect(new Exact(ltv).minus(expected).abs().lte(expected.times(1e-30))).toBe(true);
        return true;
      }),
      runs(200),
    );
    expect(attempt(() => ltvFromChurn({ arpaPerPeriod: 1, churnRatePerPeriod: 0 })).refused).toBeDefined();
  });
});
