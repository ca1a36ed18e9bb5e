import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amlMaintained, amlNonmaintained } from '../../test/helpers/aml.js';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import { chiSquareSurvival } from '../_lib/math/chiSquare.js';
import { logRankTest, type LogRankResult } from './logRankTest.js';

describe('logRankTest', () => {
  it('reproduces R survdiff (REFERENCES.md: aml, chi-square 3.396389, 1 df, p 0.065339; O 7 / 11, E 10.689 / 7.311)', () => {
    const r = logRankTest([amlMaintained, amlNonmaintained]) as LogRankResult;
    expect(r.chiSquare).toBeCloseTo(3.396389, 6);
    expect(r.degreesOfFreedom).toBe(1);
    expect(r.pValue).toBeCloseTo(0.065339, 6);
    expect(r.observed).toEqual([7, 11]);
    expect(r.expected[0]).toBeCloseTo(10.689, 3);
    expect(r.expected[1]).toBeCloseTo(7.311, 3);
    // swapping the groups changes nothing but the order
    const s = logRankTest([amlNonmaintained, amlMaintained]) as LogRankResult;
    expect(s.chiSquare).toBeCloseTo(r.chiSquare, 12);
    expect(s.observed).toEqual([11, 7]);
  });

  // Three groups: df = 2; the statistic does not depend on which group is left out of the quadratic
  // form, so every order of the groups gives the same value; p from the chi-square(2) tail e^(-x/2).
  it('tests k groups with k - 1 degrees of freedom', () => {
    const third = { durations: [2, 4, 6, 9, 15, 20, 30], observed: [1, 1, 0, 1, 1, 0, 1] };
    const a = logRankTest([amlMaintained, amlNonmaintained, third]) as LogRankResult;
    const b = logRankTest([third, amlMaintained, amlNonmaintained]) as LogRankResult;
    const c = logRankTest([amlNonmaintained, third, amlMaintained]) as LogRankResult;
    expect(a.degreesOfFreedom).toBe(2);
    expect(b.chiSquare).toBeCloseTo(a.chiSquare, 10);
    expect(c.chiSquare).toBeCloseTo(a.chiSquare, 10);
    expect(a.pValue).toBeCloseTo(Math.exp(-a.chiSquare / 2), 14);
    expect(a.observed.reduce((x, y) => x + y)).toBeCloseTo(a.expected.reduce((x, y) => x + y), 10);
    expect(a.chiSquare).toBeGreaterThan(0);
  });

  it('gives 0 for identical groups and undefined without events', () => {
    const same = logRankTest([amlMaintained, amlMaintained]) as LogRankResult;
    expect(same.chiSquare).toBeCloseTo(0, 12);
    expect(same.pValue).toBeCloseTo(1, 12);
    expect(logRankTest([{ durations: [1, 2], observed: [0, 0] }, { durations: [3], observed: [0] }])).toBeUndefined();
    // a group never at risk at an event time carries no information: df drops to 1, as in R
    const three = logRankTest([{ durations: [1, 2], observed: [1, 1] }, { durations: [5], observed: [1] }, { durations: [0.5], observed: [0] }]) as LogRankResult;
    const two = logRankTest([{ durations: [1, 2], observed: [1, 1] }, { durations: [5], observed: [1] }]) as LogRankResult;
    expect(three.degreesOfFreedom).toBe(1);
    expect(three.chiSquare).toBeCloseTo(two.chiSquare, 12);
    // V = [[17/36, -17/36], [-17/36, 17/36]] (t = 1: 2/9, t = 2: 1/4); O - E = 2 - (2/3 + 1/2) = 5/6
    expect(two.chiSquare).toBeCloseTo((5 / 6) ** 2 / (17 / 36), 12);
    expect(three.expected).toEqual(two.expected.concat(0));
  });

  it('says what is wrong', () => {
    expect(() => logRankTest(undefined as never)).toThrow('groups: is required');
    expect(() => logRankTest({} as never)).toThrow('groups: must be an array');
    expect(() => logRankTest([])).toThrow('groups: must have at least 2 items');
    expect(() => logRankTest([amlMaintained, { ...amlMaintained, weights: [1] } as never])).toThrow('groups[1].weights: is not supported here');
  });

  it('supports delayed entry', () => {
    // Group 1 enters at 3, so it is not at risk at the event at 2.
    const r = logRankTest([
      { durations: [4, 6], observed: [1, 1], entry: [3, 3] },
      { durations: [2, 5, 7], observed: [1, 1, 0] },
    ]) as LogRankResult;
    // t=2: n = (0, 3), d = 1 -> E1 += 0; t=4: n = (2, 2) -> E1 += 1/2; t=5: (1, 2) -> 1/3; t=6: (1, 1) -> 1/2
    expect(r.expected[0]).toBeCloseTo(0.5 + 1 / 3 + 0.5, 14);
    expect(r.observed).toEqual([2, 2]);
  });

  it('ignores the order of subjects within each group, with delayed entry too (property, seed 802)', () => {
    const subject = fc.record({ t: fc.integer({ min: 2, max: 20 }), e: fc.boolean(), entry: fc.integer({ min: 0, max: 1 }) });
    const group = fc.array(subject, { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(group, group, fc.boolean(), (g1, g2, withEntry) => {
        const as = (g: typeof g1) => ({ durations: g.map((x) => x.t), observed: g.map((x) => x.e), ...(withEntry ? { entry: g.map((x) => x.entry) } : {}) });
        const sorted = (g: typeof g1) => [...g].sort((a, b) => a.t - b.t || Number(a.e) - Number(b.e) || a.entry - b.entry);
        const r = logRankTest([as(g1), as(g2)]);
        const q = logRankTest([as(sorted(g1).reverse()), as(sorted(g2))]);
        if (r === undefined) return q === undefined;
        expect(q).toBeDefined();
        expect((q as LogRankResult).chiSquare).toBeCloseTo(r.chiSquare, 10);
        expect((q as LogRankResult).expected[0]).toBeCloseTo(r.expected[0] as number, 10);
        return true;
      }),
      { seed: 802, numRuns: 100 },
    );
  });

  it('the p-value is the chi-square tail of the statistic (property, seed 801)', () => {
    const group = fc.array(fc.record({ t: fc.integer({ min: 1, max: 20 }), e: fc.boolean() }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(group, group, (g1, g2) => {
        const r = logRankTest([
          { durations: g1.map((x) => x.t), observed: g1.map((x) => x.e) },
          { durations: g2.map((x) => x.t), observed: g2.map((x) => x.e) },
        ]);
        if (r === undefined) return true;
        return r.chiSquare >= 0 && Math.abs(r.pValue - chiSquareSurvival(r.chiSquare, 1)) < 1e-15 && r.pValue >= 0 && r.pValue <= 1;
      }),
      { seed: 801, numRuns: 150 },
    );
  });

  it.each([
    ['not an array', () => logRankTest(undefined as never), [['invalid_type', ['groups']]]],
    ['one group', () => logRankTest([amlMaintained]), [['too_small', ['groups']]]],
    ['a bad group', () => logRankTest([amlMaintained, { durations: [1, -2], observed: [1, 1] }]), [['too_small', ['groups', 1, 'durations', 1]]]],
    ['weights', () => logRankTest([amlMaintained, { ...amlMaintained, weights: amlMaintained.durations.map(() => 1) } as never]), [['unrecognized_key', ['groups', 1, 'weights']]]],
    ['1,001 groups', () => logRankTest(Array.from({ length: 1001 }, () => amlMaintained)), [['too_big', ['groups']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });

  // The textbook computation (a k x m table of numbers at risk, V summed term by term) as an
  // independent oracle for the sweep that logRankTest uses.
  function naive(groups: { durations: number[]; observed: boolean[]; entry?: number[] }[]): { chi: number; df: number; expected: number[] } | undefined {
    const times = [...new Set(groups.flatMap((g) => g.durations.filter((_, i) => g.observed[i])))].sort((a, b) => a - b);
    const k = groups.length;
    const O = groups.map((g) => g.observed.filter(Boolean).length);
    const E = new Array<number>(k).fill(0);
    const V = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (const t of times) {
      const n = groups.map((g) => g.durations.filter((d, i) => d >= t && (g.entry === undefined || (g.entry[i] as number) < t)).length);
      const d = groups.map((g) => g.durations.filter((x, i) => x === t && g.observed[i]).length);
      const N = n.reduce((a, b) => a + b);
      const D = d.reduce((a, b) => a + b);
      const c = N > 1 ? (D * (N - D)) / (N - 1) : 0;
      for (let g = 0; g < k; g++) {
        E[g] = (E[g] as number) + (D * (n[g] as number)) / N;
        for (let h = 0; h < k; h++) (V[g] as number[])[h] = ((V[g] as number[])[h] as number) + c * ((n[g] as number) / N) * ((g === h ? 1 : 0) - (n[h] as number) / N);
      }
    }
    // Gaussian elimination with the same pivot rule (a pivot below 1e-9 of the largest diagonal is skipped).
    const a = V.map((r) => [...r]);
    const y = O.map((o, g) => o - (E[g] as number));
    const tol = Math.max(...a.map((r, i) => r[i] as number)) * 1e-9;
    let chi = 0;
    let df = 0;
    for (let i = 0; i < k; i++) {
      const p = (a[i] as number[])[i] as number;
      if (!(p > tol)) continue;
      df++;
      chi += (y[i] as number) ** 2 / p;
      for (let j = i + 1; j < k; j++) {
        const f = ((a[j] as number[])[i] as number) / p;
        for (let l = i; l < k; l++) (a[j] as number[])[l] = ((a[j] as number[])[l] as number) - f * ((a[i] as number[])[l] as number);
        y[j] = (y[j] as number) - f * (y[i] as number);
      }
    }
    return df === 0 ? undefined : { chi: Math.max(0, chi), df, expected: E };
  }

  it('equals the textbook k x m computation for 2 to 6 groups with ties and delayed entry (property, seed 803)', () => {
    const subject = fc.record({ t: fc.integer({ min: 1, max: 12 }), e: fc.boolean(), entry: fc.integer({ min: 0, max: 6 }) });
    const groups = fc.array(fc.array(subject, { minLength: 1, maxLength: 10 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(groups, fc.boolean(), (raw, withEntry) => {
        const gs = raw.map((g) => ({
          durations: g.map((x) => x.t),
          observed: g.map((x) => x.e),
          ...(withEntry ? { entry: g.map((x) => Math.min(x.entry, x.t - 1)) } : {}),
        }));
        const r = logRankTest(gs);
        const want = naive(gs);
        if (want === undefined) return r === undefined;
        expect(r).toBeDefined();
        const got = r as LogRankResult;
        expect(got.degreesOfFreedom).toBe(want.df);
        expect(Math.abs(got.chiSquare - want.chi)).toBeLessThan(1e-9 * Math.max(1, want.chi));
        got.expected.forEach((x, g) => expect(Math.abs(x - (want.expected[g] as number))).toBeLessThan(1e-12 * Math.max(1, x)));
        return true;
      }),
      { seed: 803, numRuns: 300 },
    );
  });

  // 200,000 groups used to build a 200,000 x m table and a dense 200,000^2 matrix (out of memory at
  // 4 GB); now they are refused at once. 1,000 groups (the cap) of 2 subjects each with 1,000 distinct
  // event times work: the sweep keeps O(n + m + k^2) numbers.
  it('refuses more than 1,000 groups up front and handles 1,000 groups of many distinct times', () => {
    const small = { durations: [1, 2], observed: [true, false] };
    expect(issuePairs(() => logRankTest(Array.from({ length: 200_000 }, () => small)))).toEqual([['too_big', ['groups']]]);
    const groups = Array.from({ length: 1000 }, (_, g) => ({ durations: [g + 1, g + 1.5], observed: [true, g % 2 === 0] }));
    const r = logRankTest(groups) as LogRankResult;
    // every group is at risk at its own first event time together with all later groups, so only
    // the last group can be dropped from the rank: df = k - 1
    expect(r.degreesOfFreedom).toBe(999);
    expect(r.observed.reduce((a, b) => a + b)).toBeCloseTo(r.expected.reduce((a, b) => a + b), 8);
    expect(Number.isFinite(r.chiSquare) && r.pValue >= 0 && r.pValue <= 1).toBe(true);
  });
});
