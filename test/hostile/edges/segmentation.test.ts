/**
 * The valid domain of `customer-metrics/segmentation` at its edges (issue 14, item 2): amounts from
 * 1e-8 to 1e8 (and the money limits 1e-100..1e100), one customer, 100,000 customers, all identical,
 * all zero but one, ties. Each property states the answer (limits worked out) or an invariant;
 * fixed seeds.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAbc, giniCoefficient, lorenzCurve, paretoAnalysis, rfmScores, rfmSegments, segmentSummary, valueTiers } from '../../../src/segmentation/index.js';
import { attempt, expectClean, logUniform, money, nonDecreasing, runs, within01 } from './helpers.js';

/** The functions this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = ['classifyAbc', 'giniCoefficient', 'lorenzCurve', 'paretoAnalysis', 'rfmScores', 'rfmSegments', 'segmentSummary', 'valueTiers'] as const;

/** Non-negative amounts: zeros, 1e-8..1e8, ties, occasionally the money limits. */
const amount = fc.oneof(money, fc.constantFrom(1, 1, 5), fc.constantFrom(1e-100, 1e100, 0));
const values = fc.array(amount, { minLength: 1, maxLength: 400 });
const signed = fc.tuple(amount, fc.boolean()).map(([v, neg]) => (neg ? -v : v));
/** Exact sums over the whole money range (1e-100..1e100 needs 200 digits; the host's Decimal keeps 20). */
const Exact = Decimal.clone({ precision: 400 });
const sumOf = (xs: readonly number[]) => xs.reduce((s, x) => s.plus(x), new Exact(0));
/** Money sums keep 40 significant digits (src/_lib/money.ts): equal to within 1e-38 of the sum of magnitudes. */
const sameMoney = (a: Decimal, xs: readonly number[]) => new Exact(a).minus(sumOf(xs)).abs().lte(sumOf(xs.map(Math.abs)).times(1e-38));

describe('giniCoefficient, lorenzCurve and paretoAnalysis at the edges', () => {
  it('identical values give 0 at any n up to 100,000 and any level from 1e-100 to 1e100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.oneof(logUniform(-8, 8), fc.constantFrom(1e-100, 1e100)), (n, v) => {
        const g = giniCoefficient(new Float64Array(n).fill(v));
        return g === 0;
      }),
      runs(25),
    );
  });

  it('one customer holding everything: (n - 1) / n, corrected 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000 }), logUniform(-8, 8), (n, v) => {
        const xs = new Float64Array(n);
        xs[n - 1] = v;
        expect(giniCoefficient(xs)).toBeCloseTo((n - 1) / n, 12);
        expect(giniCoefficient(xs, { corrected: true })).toBeCloseTo(1, 12);
        return true;
      }),
      runs(25),
    );
  });

  it('Gini in [0, 1), unchanged by scaling; the Lorenz curve runs from (0, 0) to (1, 1), non-decreasing, under the diagonal', () => {
    fc.assert(
      fc.property(values, fc.constantFrom(1e-8, 1e-3, 1e3, 1e8), (xs, c) => {
        const total = sumOf(xs);
        const g = attempt(() => giniCoefficient(xs));
        if (total.isZero()) return g.value === undefined;
        expect(g.value !== undefined && g.value >= 0 && g.value < 1).toBe(true);
        const scaled = xs.map((x) => x * c).map((x) => (x !== 0 && Math.abs(x) < 1e-100 ? 0 : x > 1e100 ? 1e100 : x));
        const gs = giniCoefficient(scaled);
        if (xs.every((x) => x === 0 || (x * c >= 1e-100 && x * c <= 1e100))) expect(gs as number).toBeCloseTo(g.value as number, 9);
        const l = lorenzCurve(xs) as NonNullable<ReturnType<typeof lorenzCurve>>;
        expectClean(l);
        expect(l[0]).toEqual({ customerShare: 0, valueShare: 0 });
        expect(l[l.length - 1]?.customerShare).toBe(1);
        expect(l[l.length - 1]?.valueShare).toBeCloseTo(1, 12);
        expect(nonDecreasing(l.map((p) => p.valueShare), 0)).toBe(true);
        expect(l.every((p) => within01(p.valueShare) && p.valueShare <= p.customerShare + 1e-12)).toBe(true);
        return true;
      }),
      runs(200),
    );
  });

  it('paretoAnalysis: top shares in [0, 1], growing with the customer share; targets reached by whole customer counts; its Gini is giniCoefficient', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const out = attempt(() => paretoAnalysis(xs));
        if (sumOf(xs).isZero()) return out.value === undefined;
        const a = out.value as NonNullable<ReturnType<typeof paretoAnalysis>>;
        expect(a.count).toBe(xs.length);
        // numbers are added as doubles on this path (documented in _internal/values.ts; strings add exactly)
        expect(Math.abs(a.total.toNumber() - sumOf(xs).toNumber())).toBeLessThanOrEqual(4 * Number.EPSILON * sumOf(xs).toNumber());
        expect(a.top.every((t) => within01(t.valueShare) && within01(t.customerShare))).toBe(true);
        expect(nonDecreasing(a.top.map((t) => t.valueShare), 0)).toBe(true);
        for (const t of a.targets) {
          expect(Number.isInteger(t.customers) && t.customers >= 1 && t.customers <= xs.length).toBe(true);
          expect(within01(t.customerShare)).toBe(true);
        }
        if (a.gini !== undefined) expect(a.gini).toBeCloseTo(giniCoefficient(xs) as number, 12);
        return true;
      }),
      runs(200),
    );
  });
});

describe('classifyAbc, valueTiers and segmentSummary at the edges', () => {
  it('classifyAbc: larger items never get a later class; counts add up; value shares add up to 1', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 1e-8, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('lower' as const, 'upper' as const), (xs, a, bExtra, bi) => {
        const b = a + (1 - a) * bExtra;
        const out = attempt(() => classifyAbc(xs, { a, b, boundaryItem: bi }));
        if (out.refused) return false;
        if (sumOf(xs).isZero()) return out.value === undefined;
        const r = out.value as NonNullable<ReturnType<typeof classifyAbc>>;
        expect(r.classes.length).toBe(xs.length);
        const order = xs.map((x, i) => [x, r.classes[i] as string] as const).sort((p, q) => q[0] - p[0]);
        // strictly larger values never land in a later class (ties may split at the boundary)
        for (let i = 1; i < order.length; i++) if ((order[i]?.[0] as number) < (order[i - 1]?.[0] as number)) expect((order[i]?.[1] as string) >= (order[i - 1]?.[1] as string)).toBe(true);
        expect(r.summary.reduce((s, row) => s + row.count, 0)).toBe(xs.length);
        expect(r.summary.reduce((s, row) => s + (row.valueShare ?? 0), 0)).toBeCloseTo(1, 9);
        return true;
      }),
      runs(200),
    );
  });

  it('valueTiers: one assignment per customer; tier counts and totals add up to the whole (to the 40 digits of money); whale curve ends at 1', () => {
    const by = fc.constantFrom({ by: 'customers' as const }, { by: 'value' as const, tiers: [{ name: 'top', share: 0.8 }, { name: 'rest', share: 0.2 }] }, undefined);
    fc.assert(
      fc.property(fc.array(signed, { minLength: 1, maxLength: 400 }), by, (xs, b) => {
        const out = attempt(() => valueTiers(xs, b));
        if (out.refused) return false;
        const r = out.value as NonNullable<ReturnType<typeof valueTiers>>;
        expect(r.assignments.length).toBe(xs.length);
        expect(r.tiers.reduce((s, t) => s + t.count, 0)).toBe(xs.length);
        expect(sameMoney(r.tiers.reduce((s, t) => s.plus(t.total), new Exact(0)), xs)).toBe(true);
        if (r.whaleCurve !== undefined) {
          const pts = r.whaleCurve.points;
          expect(pts[pts.length - 1]?.customerShare).toBe(1);
          expect(r.whaleCurve.peakValueShare).toBeGreaterThanOrEqual(1 - 1e-12);
        }
        return true;
      }),
      runs(200),
    );
  });

  it('segmentSummary: counts add up, customer shares add up to 1, totals add up (40 digits); identical segments give one row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(signed, fc.constantFrom('a', 'b', 'c', 'a')), { minLength: 1, maxLength: 400 }), (rows) => {
        const xs = rows.map((r) => r[0]);
        const out = segmentSummary(
          xs,
          rows.map((r) => r[1]),
        ) as NonNullable<ReturnType<typeof segmentSummary>>;
        expectClean(out);
        expect(out.length).toBe(new Set(rows.map((r) => r[1])).size);
        expect(out.reduce((s, r) => s + r.count, 0)).toBe(xs.length);
        expect(out.reduce((s, r) => s + r.customerShare, 0)).toBeCloseTo(1, 12);
        expect(sameMoney(out.reduce((s, r) => s.plus(r.total), new Exact(0)), xs)).toBe(true);
        return true;
      }),
      runs(200),
    );
    const one = segmentSummary([5, 5, 5], ['x', 'x', 'x']);
    expect(one?.map((r) => [r.name, r.count, r.customerShare, r.total.toString(), r.valueShare, r.averageValue?.toString()])).toEqual([['x', 3, 1, '15', 1, '5']]);
  });
});

describe('rfmScores and rfmSegments at the edges', () => {
  const row = fc.record({ recency: fc.oneof(fc.constant(0), logUniform(-8, 8)), frequency: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100_000 })), monetary: signed });

  it('scores lie in 1..bins; identical customers get identical codes; one customer or all identical is no special case', () => {
    const method = fc.constantFrom('quantile' as const, 'ntile' as const, 'rank' as const);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 9 }), method, (rows, bins, m) => {
        const data = [...rows, ...rows.slice(0, 3)].map((r, i) => ({ customerId: i, ...r }));
        const out = attempt(() => rfmScores(data, { bins, method: m }));
        if (out.refused) return false;
        const s = out.value as NonNullable<ReturnType<typeof rfmScores>>;
        expect(s.customers.length).toBe(data.length);
        for (const c of s.customers) for (const k of [c.r, c.f, c.m]) expect(Number.isInteger(k) && k >= 1 && k <= bins).toBe(true);
        // the repeated customers score the same as their originals ('rank' and 'ntile' break ties in input order, documented)
        if (m === 'quantile') for (let i = 0; i < Math.min(3, rows.length); i++) expect(s.customers[rows.length + i]?.code).toBe(s.customers[i]?.code);
        return true;
      }),
      runs(120),
    );
  });

  it('rfmSegments: one built-in segment per score triple over the whole 5x5x5 and 4x4x4 grids', () => {
    const grid = (k: number) => Array.from({ length: k ** 3 }, (_, i) => ({ r: 1 + (i % k), f: 1 + (Math.floor(i / k) % k), m: 1 + Math.floor(i / k / k) }));
    const eleven = rfmSegments(grid(5));
    expect(eleven.length).toBe(125);
    expect(new Set(eleven).size).toBe(11);
    const pymc = rfmSegments(grid(4), { map: 'pymc-marketing' });
    expect(pymc.length).toBe(64);
    expect(pymc.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 100_000 }), (bins, n) => {
        const same = rfmSegments(Array.from({ length: Math.min(n, 2000) }, () => ({ r: bins, f: 1, m: bins })), { bins, map: [{ segment: 'Top', r: [bins, bins] }, { segment: 'Rest' }] });
        return same.every((s) => s === 'Top');
      }),
      runs(40),
    );
  });
});
