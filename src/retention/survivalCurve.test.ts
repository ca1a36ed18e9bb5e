import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amlMaintained, amlNonmaintained } from '../../test/helpers/aml.js';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import { kaplanMeier } from './kaplanMeier.js';
import { medianLifetime } from './medianLifetime.js';
import { restrictedMeanLifetime } from './restrictedMeanLifetime.js';
import { survivalProbability } from './survivalProbability.js';
import { issuesOf as issuePairsOf } from '../../test/helpers/issues.js';

const km = kaplanMeier(amlMaintained);

describe('survivalProbability', () => {
  it('reads the step function (REFERENCES.md: R survival, aml Maintained)', () => {
    expect(survivalProbability(km, 0)).toBe(1);
    expect(survivalProbability(km, 8.999)).toBe(1);
    expect(survivalProbability(km, 9)).toBeCloseTo(0.909091, 6);
    expect(survivalProbability(km, 12.5)).toBeCloseTo(0.909091, 6);
    expect(survivalProbability(km, 13)).toBeCloseTo(0.818182, 6);
    expect(survivalProbability(km, 30)).toBeCloseTo(0.613636, 6);
    expect(survivalProbability(km, 48)).toBeCloseTo(0.184091, 6);
    expect(survivalProbability(km, 1e9)).toBeCloseTo(0.184091, 6);
    expect(survivalProbability(km, -5)).toBe(1);
    expect(survivalProbability(kaplanMeier({ durations: [], observed: [] }), 3)).toBe(1);
  });

  it('agrees with the curve at every curve time (property, seed 601)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ t: fc.integer({ min: 0, max: 40 }), e: fc.boolean() }), { minLength: 1, maxLength: 30 }), (rows) => {
        const curve = kaplanMeier({ durations: rows.map((r) => r.t), observed: rows.map((r) => r.e) });
        curve.time.forEach((t, i) => {
          expect(survivalProbability(curve, t)).toBe(curve.survival[i]);
          expect(survivalProbability(curve, t - 0.5)).toBe(i === 0 ? 1 : curve.survival[i - 1]);
        });
      }),
      { seed: 601, numRuns: 100 },
    );
  });
});

describe('medianLifetime', () => {
  it('reproduces R (REFERENCES.md: aml medians 31 and 23; R prints 0.95LCL 18 / 8, UCL NA)', () => {
    expect(medianLifetime(km)).toEqual({ median: 31, lower: 18, upper: undefined });
    expect(medianLifetime(kaplanMeier(amlNonmaintained))).toEqual({ median: 23, lower: 8, upper: undefined });
  });

  it('takes the midpoint where the curve is exactly 0.5, and undefined when never reached', () => {
    // 4 subjects, events at 1, 2, 3, 4: S = 0.75, 0.5, 0.25, 0 -> median (2 + 3) / 2 = 2.5 (R's rule)
    expect(medianLifetime(kaplanMeier({ durations: [1, 2, 3, 4], observed: [1, 1, 1, 1] })).median).toBe(2.5);
    // S = 0.5 at 2 with a censoring at 2.5 in between: the next drop is at 3
    expect(medianLifetime(kaplanMeier({ durations: [1, 2, 2.5, 3, 4, 5], observed: [1, 1, 0, 1, 1, 1] })).median).toBeCloseTo(3, 12);
    // flat at 0.5 to the end: the first time
    expect(medianLifetime(kaplanMeier({ durations: [1, 2, 3, 4], observed: [1, 1, 0, 0] })).median).toBe(2);
    // S = 2/3 never reaches 0.5, but its lower bound does at once (R: median NA, LCL 1, UCL NA)
    expect(medianLifetime(kaplanMeier({ durations: [1, 2, 3], observed: [1, 0, 0] }))).toEqual({ median: undefined, lower: 1, upper: undefined });
    expect(medianLifetime(kaplanMeier({ durations: [1, 2], observed: [0, 0] }))).toEqual({ median: undefined, lower: undefined, upper: undefined });
    // plain intervals reach 0.5 on both sides
    const wide = medianLifetime(kaplanMeier({ durations: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], observed: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }, { confidenceInterval: 'plain' }));
    expect(wide.median).toBe(5.5);
    expect((wide.lower as number) <= 5 && (wide.upper as number) >= 6).toBe(true);
  });
});

describe('restrictedMeanLifetime', () => {
  it('reproduces R (REFERENCES.md: aml Maintained, tau 30: 24.602273, tau 48: 31.843182)', () => {
    expect(restrictedMeanLifetime(km, 30)).toBeCloseTo(24.602273, 6);
    expect(restrictedMeanLifetime(km, 48)).toBeCloseTo(31.843182, 6);
  });

  it('is the horizon before any event, carries the last value forward, and handles an event at 0', () => {
    expect(restrictedMeanLifetime(km, 5)).toBe(5);
    expect(restrictedMeanLifetime(km, 0)).toBe(0);
    // beyond 161: 0.184091 per unit
    expect(restrictedMeanLifetime(km, 171) - restrictedMeanLifetime(km, 161)).toBeCloseTo(10 * 0.184091, 5);
    // an event at time 0 for 1 of 2 subjects: S = 0.5 from 0
    expect(restrictedMeanLifetime(kaplanMeier({ durations: [0, 10], observed: [1, 0] }), 4)).toBe(2);
    // the mean of a fully observed sample equals the sample mean when the horizon covers it
    expect(restrictedMeanLifetime(kaplanMeier({ durations: [2, 4, 9], observed: [1, 1, 1] }), 20)).toBeCloseTo(5, 12);
  });

  it('lies in [0, horizon] and grows with the horizon (property, seed 602)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ t: fc.integer({ min: 0, max: 40 }), e: fc.boolean() }), { maxLength: 30 }), fc.integer({ min: 0, max: 50 }), (rows, tau) => {
        const curve = kaplanMeier({ durations: rows.map((r) => r.t), observed: rows.map((r) => r.e) });
        const a = restrictedMeanLifetime(curve, tau);
        const b = restrictedMeanLifetime(curve, tau + 1);
        return a >= 0 && a <= tau && b >= a && b - a <= 1 + 1e-12;
      }),
      { seed: 602, numRuns: 150 },
    );
  });
});

describe('curve functions: bad input', () => {
  it('says what is wrong', () => {
    expect(() => medianLifetime(undefined as never)).toThrow('curve: is required');
    expect(() => medianLifetime(null as never)).toThrow('curve: must be a result of kaplanMeier');
    expect(() => medianLifetime({ time: [], survival: [], lower: 1, upper: [] } as never)).toThrow('curve.lower: must be an array');
    expect(() => medianLifetime({ time: [1], survival: [1], lower: [1], upper: [] } as never)).toThrow('curve.upper: must have one entry per time');
    expect(() => medianLifetime({ time: [2, 2], survival: [1, 1], lower: [1, 1], upper: [1, 1] } as never)).toThrow('curve.time[1]: must be ascending');
  });

  it.each([
    ['a missing curve', () => survivalProbability(undefined as never, 1), [['invalid_type', ['curve']]]],
    ['a curve that is an array and a NaN time', () => survivalProbability([] as never, Number.NaN), [['invalid_type', ['curve']], ['not_finite', ['time']]]],
    ['a curve without columns', () => medianLifetime({} as never), [['invalid_type', ['curve', 'time']], ['invalid_type', ['curve', 'survival']], ['invalid_type', ['curve', 'lower']], ['invalid_type', ['curve', 'upper']]]],
    ['survival out of range', () => medianLifetime({ ...km, survival: km.survival.map((s, i) => (i === 0 ? s + 1 : s)) }), [['too_big', ['curve', 'survival', 0]]]],
    ['columns of different lengths', () => medianLifetime({ ...km, upper: [], lower: [1], survival: [1] }), [['invalid_structure', ['curve', 'survival']], ['invalid_structure', ['curve', 'lower']], ['invalid_structure', ['curve', 'upper']]]],
    ['unsorted times', () => restrictedMeanLifetime({ ...km, time: [...km.time].reverse() }, 3), [['invalid_order', ['curve', 'time', 1]]]],
    ['a negative horizon', () => restrictedMeanLifetime(km, -1), [['too_small', ['horizon']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});

describe('medianLifetime: bounds that are not numbers (issue 14)', () => {
  it('reports a Symbol or an object among the bounds as invalid_type instead of a raw TypeError', () => {
    const km = kaplanMeier({ durations: [9, 13, 18], observed: [1, 1, 1] });
    const lower = [Symbol('s'), ...km.lower.slice(1)] as unknown as number[];
    expect(issuePairsOf(() => medianLifetime({ ...km, lower }))).toEqual([['invalid_type', ['curve', 'lower', 0]]]);
    const upper = [Object.create(null), ...km.upper.slice(1)] as unknown as number[];
    expect(issuePairsOf(() => medianLifetime({ ...km, upper }))).toEqual([['invalid_type', ['curve', 'upper', 0]]]);
    expect(issuePairsOf(() => survivalProbability({ ...km, upper: [2, 1, 1] }, 10))).toEqual([['too_big', ['curve', 'upper', 0]]]);
  });
});

describe('curve check: bounds, missing columns and follow-on issues', () => {
  it('refuses a negative or NaN bound with its own code and message', () => {
    const curve = kaplanMeier({ durations: [9, 13, 18], observed: [1, 1, 1] });
    const negative = { ...curve, lower: [-0.25, ...curve.lower.slice(1)] };
    expect(issuePairsOf(() => survivalProbability(negative, 10))).toEqual([['too_big', ['curve', 'lower', 0]]]);
    expect(() => survivalProbability(negative, 10)).toThrow('curve.lower[0]: must be from 0 to 1');
    const nan = { ...curve, upper: [...curve.upper.slice(0, 2), Number.NaN] };
    expect(issuePairsOf(() => survivalProbability(nan, 10))).toEqual([['not_finite', ['curve', 'upper', 2]]]);
    expect(() => survivalProbability(nan, 10)).toThrow('curve.upper[2]: must be from 0 to 1');
  });

  it('reports a missing time column alone when survival and bounds are fine (no raw TypeError)', () => {
    expect(issuePairs(() => medianLifetime({ survival: [1], lower: [1], upper: [1] } as never))).toEqual([['invalid_type', ['curve', 'time']]]);
  });

  it('does not pile length or order issues on top of a bad entry or a bad length', () => {
    // lower[0] is not a number: only that is reported, not also "lower must have one entry per time".
    expect(issuePairs(() => medianLifetime({ time: [1, 2], survival: [1, 1], lower: ['x'], upper: [1, 1] } as never))).toEqual([['invalid_type', ['curve', 'lower', 0]]]);
    // survival is too short: reported, and the unsorted times are not checked against it.
    expect(issuePairs(() => medianLifetime({ time: [2, 1], survival: [1], lower: [1, 1], upper: [1, 1] } as never))).toEqual([['invalid_structure', ['curve', 'survival']]]);
  });
});
