// @ts-nocheck
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
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});
