/**
 * The valid domain of `customer-metrics/nps` at its edges (issue 14, item 2): counts from 0 to the
 * documented cap 2^53 - 1, 100,000 raw scores, all responses identical, one response, confidence
 * levels from 1e-8 to 1 - 2^-53, dates at the ends of the Date range. Each property states the
 * answer or an invariant; fixed seeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNps, npsBreakdown, npsBy, npsCategory, npsSampleSize, npsScore, npsTrend } from '../../../src/nps/index.js';
import { attempt, expectClean, expectInputRefusal, logUniform, nonDecreasing, runs, within01 } from './helpers.js';

/** The functions this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = ['compareNps', 'npsBreakdown', 'npsBy', 'npsCategory', 'npsSampleSize', 'npsScore', 'npsTrend'] as const;

const MAX_COUNT = Number.MAX_SAFE_INTEGER;
/** A count: small, up to 1e5, or up to the cap 2^53 - 1. */
const count = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: MAX_COUNT }));
const counts = fc.record({ detractors: count, passives: count, promoters: count });
/** Confidence strictly inside (0, 1), down to 1e-8 and up to 1 - 2^-53. */
const confidence = fc.oneof(fc.constantFrom(1e-8, 0.5, 0.95, 1 - 2 ** -53, 0.9999999999999999), fc.double({ min: 1e-8, max: 1 - 2 ** -53, noNaN: true }));
const method = fc.constantFrom('wald' as const, 'adjusted-wald' as const);

/** Raw scores built from counts: d zeros, pa sevens, p tens (in a Uint8Array, cheap at 1e5). */
function scoresOf(d: number, pa: number, p: number): Uint8Array {
  const out = new Uint8Array(d + pa + p);
  out.fill(7, d, d + pa);
  out.fill(10, d + pa);
  return out;
}

describe('npsScore and npsBreakdown at the edges', () => {
  it('the score of 0..100,000 raw scores is 100 (p - d) / n, in [-100, 100]; undefined when empty', () => {
    const small = fc.integer({ min: 0, max: 33_333 });
    fc.assert(
      fc.property(small, small, small, (d, pa, p) => {
        const s = npsScore(scoresOf(d, pa, p));
        const n = d + pa + p;
        if (n === 0) return s === undefined;
        expect(s).toBeCloseTo((100 * (p - d)) / n, 10);
        return (s as number) >= -100 && (s as number) <= 100;
      }),
      runs(60),
    );
  });

  it('identical responses: all promoters 100, all detractors -100, all passives 0, at any n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 10 }), (n, v) => {
        const s = npsScore(new Uint8Array(n).fill(v));
        return s === (v >= 9 ? 100 : v >= 7 ? 0 : -100);
      }),
      runs(40),
    );
  });

  it('counts up to 2^53 - 1: shares in [0, 1] summing to 1, score and interval in [-100, 100], lower <= upper', () => {
    fc.assert(
      fc.property(counts, confidence, method, (c, conf, m) => {
        const n = c.detractors + c.passives + c.promoters;
        if (n > MAX_COUNT) {
          // the total must stay exact: refused, not rounded
          expectInputRefusal(() => npsBreakdown(c, { confidence: conf, method: m }));
          return true;
        }
        const b = npsBreakdown(c, { confidence: conf, method: m });
        if (n === 0) return b === undefined;
        expectClean(b);
        const r = b as NonNullable<typeof b>;
        expect(r.n).toBe(n);
        expect(r.detractorShare + r.passiveShare + r.promoterShare).toBeCloseTo(1, 12);
        expect([r.detractorShare, r.passiveShare, r.promoterShare].every(within01)).toBe(true);
        expect(Math.abs(r.score)).toBeLessThanOrEqual(100);
        expect(r.interval.lower).toBeLessThanOrEqual(r.interval.upper);
        expect(r.interval.lower).toBeGreaterThanOrEqual(-100);
        expect(r.interval.upper).toBeLessThanOrEqual(100);
        expect(r.marginOfError).toBeGreaterThanOrEqual(0);
        expect(r.standardError).toBeGreaterThanOrEqual(0);
        expect(r.responseVariance).toBeGreaterThanOrEqual(0);
        expect(r.responseVariance).toBeLessThanOrEqual(1 + 1e-12);
        return true;
      }),
      runs(300),
    );
  });

  it('one response: a zero-variance Wald interval is the point itself', () => {
    for (const v of [0, 7, 10]) {
      const b = npsBreakdown([v], { method: 'wald', confidence: 1 - 2 ** -53 });
      expectClean(b);
      expect(b?.interval.lower).toBe(b?.score);
      expect(b?.interval.upper).toBe(b?.score);
    }
  });
});

describe('npsCategory at the edges', () => {
  it('every score 0..10 under both presets falls in exactly the documented band', () => {
    for (let s = 0; s <= 10; s++) {
      expect(npsCategory(s)).toBe(s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor');
      expect(npsCategory(s, { bands: 'lenient' })).toBe(s >= 8 ? 'promoter' : s >= 6 ? 'passive' : 'detractor');
    }
    expectInputRefusal(() => npsCategory(10 + 2 ** -49));
    expectInputRefusal(() => npsCategory(-Number.MIN_VALUE));
  });
});

describe('compareNps at the edges', () => {
  it('difference in [-200, 200], lower <= upper within [-200, 200], p in [0, 1]; z undefined only with SE 0', () => {
    fc.assert(
      fc.property(counts, counts, confidence, (a, b, conf) => {
        const out = attempt(() => compareNps(a, b, { confidence: conf }));
        if (out.refused) return a.detractors + a.passives + a.promoters > MAX_COUNT || b.detractors + b.passives + b.promoters > MAX_COUNT;
        const c = out.value;
        if (c === undefined) return a.detractors + a.passives + a.promoters === 0 || b.detractors + b.passives + b.promoters === 0;
        expect(Math.abs(c.difference)).toBeLessThanOrEqual(200);
        expect(c.interval.lower).toBeLessThanOrEqual(c.interval.upper);
        expect(c.interval.lower).toBeGreaterThanOrEqual(-200);
        expect(c.interval.upper).toBeLessThanOrEqual(200);
        if (c.z === undefined) expect(c.standardError).toBe(0);
        else expect(within01(c.pValue as number)).toBe(true);
        return true;
      }),
      runs(300),
    );
  });

  it('two identical one-answer samples: difference 0, no test possible', () => {
    const c = compareNps([10], [10]);
    expect(c?.difference).toBe(0);
    expect(c?.z).toBeUndefined();
    expect(c?.pValue).toBeUndefined();
  });
});

describe('npsBy at the edges', () => {
  it('one row per key, the n add up to the responses, each row clean (1 to 2,000 responses, up to 50 keys, ties)', () => {
    const response = fc.record({ score: fc.integer({ min: 0, max: 10 }), g: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', '', 'a')) });
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 2000 }), confidence, method, (rs, conf, m) => {
        const out = npsBy(rs, 'g', { confidence: conf, method: m });
        expectClean(out);
        expect(out.rows.length).toBe(new Set(rs.map((r) => r.g)).size);
        expect(out.rows.reduce((s, r) => s + r.n, 0)).toBe(rs.length);
        return out.rows.every((r) => r.interval.lower <= r.interval.upper);
      }),
      runs(60),
    );
  });
});

describe('npsTrend at the edges', () => {
  const DATE_MAX = 8.64e15;
  it('dates over the whole Date range: rows clean, start < end, n adding up; refused only where a period leaves the range', () => {
    const date = fc.oneof(fc.integer({ min: -DATE_MAX, max: DATE_MAX }), fc.constantFrom(-DATE_MAX, DATE_MAX, 0, DATE_MAX - 1), fc.integer({ min: 0, max: 2e12 }));
    const period = fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const);
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.integer({ min: 0, max: 10 }), date }), { minLength: 1, maxLength: 30 }), period, (rs, p) => {
        const out = attempt(() => npsTrend(rs, { period: p }));
        if (out.refused) {
          // documented: the period containing the date must start and end within the Date range (a year at most)
          return rs.some((r) => Math.abs(r.date) > DATE_MAX - 400 * 86_400_000);
        }
        const rows = out.value.rows;
        expect(rows.reduce((s, r) => s + r.n, 0)).toBe(rs.length);
        expect(nonDecreasing(rows.map((r) => r.start.getTime()))).toBe(true);
        return rows.every((r) => r.start.getTime() < r.end.getTime());
      }),
      runs(150),
    );
  });

  it('all responses at one instant: one row', () => {
    const rs = Array.from({ length: 1000 }, () => ({ score: 9, date: Date.UTC(2026, 0, 1) }));
    const out = npsTrend(rs, { period: 'week' });
    expect(out.rows.length).toBe(1);
    expect(out.rows[0]?.score).toBe(100);
  });
});

describe('npsSampleSize at the edges', () => {
  it('margins from 1e-8 to 100 points: a whole number >= 1, growing as the margin shrinks; refused only beyond 2^53', () => {
    fc.assert(
      fc.property(logUniform(-8, 2), confidence, (m, conf) => {
        const a = attempt(() => npsSampleSize({ marginOfError: m, confidence: conf }));
        const b = attempt(() => npsSampleSize({ marginOfError: m / 2, confidence: conf }));
        if (a.refused) return b.refused !== undefined; // the smaller margin needs even more
        expect(Number.isInteger(a.value) && a.value >= 1 && a.value <= MAX_COUNT).toBe(true);
        if (b.value !== undefined) expect(b.value).toBeGreaterThanOrEqual(a.value);
        return true;
      }),
      runs(200),
    );
  });

  it('differences from 1e-8 to 200 points with power at its edges: a whole number >= 1 or the documented refusal', () => {
    fc.assert(
      fc.property(logUniform(-8, Math.log10(200)), confidence, fc.double({ min: 1e-8, max: 1 - 1e-12, noNaN: true }), (d, conf, power) => {
        const out = attempt(() => npsSampleSize({ difference: d, confidence: conf, power }));
        return out.refused !== undefined || (Number.isInteger(out.value) && out.value >= 1);
      }),
      runs(200),
    );
  });

  it('zero expected variance (all promoters expected) needs one response', () => {
    expect(npsSampleSize({ marginOfError: 1e-8, expected: { promoterShare: 1, detractorShare: 0 } })).toBe(1);
  });
});
