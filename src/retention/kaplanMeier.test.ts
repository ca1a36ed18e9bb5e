import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import { kaplanMeier, type KaplanMeierResult } from './kaplanMeier.js';

import { amlMaintained as maintained, amlNonmaintained as nonmaintained } from '../../test/helpers/aml.js';

/** The rows of a curve at the given times (R's summary() shows event times only). */
function at(km: KaplanMeierResult, times: number[], key: keyof KaplanMeierResult): (number | undefined)[] {
  return times.map((t) => (km[key] as (number | undefined)[])[km.time.indexOf(t)]);
}

function close(actual: (number | undefined)[], expected: number[], digits: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(a, `row ${i}: actual ${a}, expected ${expected[i]}, tolerance 1e-${digits}`).toBeCloseTo(expected[i] as number, digits));
}

const eventTimes = [9, 13, 18, 23, 31, 34, 48];

describe('kaplanMeier on R aml (REFERENCES.md: R survival 3.8 survfit, conf.type "log")', () => {
  const km = kaplanMeier(maintained);

  it('reproduces survival, at risk, Greenwood SE and the log interval of "Maintained"', () => {
    close(at(km, eventTimes, 'survival'), [0.909091, 0.818182, 0.715909, 0.613636, 0.490909, 0.368182, 0.184091], 6);
    expect(at(km, eventTimes, 'atRisk')).toEqual([11, 10, 8, 7, 5, 4, 2]);
    close(at(km, eventTimes, 'standardError'), [0.086678, 0.116291, 0.139665, 0.152632, 0.164193, 0.162669, 0.153493], 6);
    close(at(km, eventTimes, 'lower'), [0.754134, 0.619249, 0.488426, 0.376867, 0.25486, 0.154877, 0.035918], 6);
    close(at(km, eventTimes, 'upper'), [1, 1, 1, 0.999158, 0.945585, 0.875261, 0.943526], 6);
  });

  it('keeps censored times as rows, with events before censorings at a tie (13 and 13+)', () => {
    expect(km.time).toEqual([9, 13, 18, 23, 28, 31, 34, 45, 48, 161]);
    expect(km.events).toEqual([1, 1, 1, 1, 0, 1, 1, 0, 1, 0]);
    expect(km.censored).toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 1]);
    expect(km.atRisk).toEqual([11, 10, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(km.survival[4]).toBe(km.survival[3]);
    expect(km.confidenceLevel).toBe(0.95);
    expect(km.confidenceInterval).toBe('log');
  });

  it('reproduces "Nonmaintained", down to 0 (REFERENCES.md, R survival)', () => {
    const nm = kaplanMeier(nonmaintained);
    close(at(nm, [5, 8, 12, 23, 27, 30, 33, 43, 45], 'survival'), [0.833333, 0.666667, 0.583333, 0.486111, 0.388889, 0.291667, 0.194444, 0.097222, 0], 6);
    // Once S = 0, Greenwood's SE and the interval do not exist.
    expect(nm.standardError.at(-1)).toBeUndefined();
    expect(nm.lower.at(-1)).toBeUndefined();
    expect(nm.upper.at(-1)).toBeUndefined();
    expect(nm.survival.at(-1)).toBe(0);
  });

  // R's formulas (survfit.ci): with sigma = SE / S, "log-log": exp(-exp(log(-log S) -+ z sigma / log S));
  // "plain": S -+ z SE, clipped to [0, 1]. Checked at the reference S and SE of time 31.
  it('builds the log-log and plain intervals from the same Greenwood sigma', () => {
    const z = 1.959963984540054;
    const s = 0.490909;
    const se = 0.164193;
    const sigma = se / s;
    const loglog = kaplanMeier(maintained, { confidenceInterval: 'log-log' });
    const i = loglog.time.indexOf(31);
    expect(loglog.lower[i]).toBeCloseTo(Math.exp(-Math.exp(Math.log(-Math.log(s)) - (z * sigma) / Math.log(s))), 5);
    expect(loglog.upper[i]).toBeCloseTo(Math.exp(-Math.exp(Math.log(-Math.log(s)) + (z * sigma) / Math.log(s))), 5);
    const plain = kaplanMeier(maintained, { confidenceInterval: 'plain', confidenceLevel: 0.9 });
    const z90 = 1.6448536269514722;
    expect(plain.lower[i]).toBeCloseTo(s - z90 * se, 5);
    expect(plain.upper[i]).toBeCloseTo(s + z90 * se, 5);
    // At time 9 the plain upper bound is clipped at 1; late, the lower bound is clipped at 0.
    expect(plain.upper[0]).toBe(1);
    const plain95 = kaplanMeier(maintained, { confidenceInterval: 'plain' });
    expect(plain95.lower[plain95.time.indexOf(48)]).toBe(0);
    expect(plain95.confidenceInterval).toBe('plain');
    // log-log is asymmetric and never reaches 1 while S < 1
    expect(loglog.upper[0]).toBeLessThan(1);
    expect(loglog.lower[0]).toBeCloseTo(Math.exp(-Math.exp(Math.log(-Math.log(10 / 11)) - (z * Math.sqrt(1 / 110)) / Math.log(10 / 11))), 12);
  });
});

describe('kaplanMeier: entry, weights, edge cases', () => {
  it('gives [1, 1] before the first event and empty arrays for no subjects', () => {
    const km = kaplanMeier({ durations: [1, 2, 5], observed: [false, true, false] }, { confidenceInterval: 'log-log' });
    expect(km.survival).toEqual([1, 0.5, 0.5]); // t = 2: 1 event of 2 at risk
    expect(km.lower[0]).toBe(1);
    expect(km.upper[0]).toBe(1);
    expect(km.standardError[0]).toBe(0);
    for (const m of ['log', 'plain'] as const) {
      const k = kaplanMeier({ durations: [1, 2], observed: [0, 1] }, { confidenceInterval: m });
      expect([k.lower[0], k.upper[0]]).toEqual([1, 1]);
    }
    expect(kaplanMeier({ durations: [], observed: [] })).toEqual({
      time: [], atRisk: [], events: [], censored: [], survival: [], standardError: [], lower: [], upper: [], confidenceLevel: 0.95, confidenceInterval: 'log',
    });
  });

  // Delayed entry (R: Surv(entry, duration, event)): subjects (entry, duration, event)
  // A (0, 4, 1), B (3, 6, 1), C (5, 8, 0), D (0, 10, 1).
  // t = 4: at risk A, B, D (C not yet entered: 5 >= 4) = 3, S = 2/3;
  // t = 6: at risk B, C, D = 3, S = 2/3 * 2/3 = 4/9; t = 8: C, D censored; t = 10: D, S = 0.
  it('handles delayed entry as R does (entry < t <= duration)', () => {
    const km = kaplanMeier({ durations: [4, 6, 8, 10], observed: [1, 1, 0, 1], entry: [0, 3, 5, 0] });
    expect(km.time).toEqual([4, 6, 8, 10]);
    expect(km.atRisk).toEqual([3, 3, 2, 1]);
    expect(km.survival).toEqual([2 / 3, 4 / 9, 4 / 9, 0]);
    // Entry exactly at an event time: not at risk for it.
    const edge = kaplanMeier({ durations: [4, 6], observed: [1, 1], entry: Float64Array.of(0, 4) });
    expect(edge.atRisk).toEqual([1, 1]);
    expect(edge.survival).toEqual([0, 0]);
  });

  it('with entry 0 and positive durations equals no entry; integer weights equal copies (property, seed 501)', () => {
    const arb = fc.array(fc.record({ t: fc.integer({ min: 1, max: 30 }), e: fc.boolean(), w: fc.integer({ min: 1, max: 3 }) }), { maxLength: 40 });
    fc.assert(
      fc.property(arb, (rows) => {
        const durations = rows.map((r) => r.t);
        const observed = rows.map((r) => r.e);
        const plain = kaplanMeier({ durations, observed });
        expect(kaplanMeier({ durations, observed, entry: durations.map(() => 0) })).toEqual(plain);
        const weighted = kaplanMeier({ durations, observed, weights: rows.map((r) => r.w) });
        const copies = { durations: rows.flatMap((r) => Array<number>(r.w).fill(r.t)), observed: rows.flatMap((r) => Array<boolean>(r.w).fill(r.e)) };
        const expanded = kaplanMeier(copies);
        expect(weighted.time).toEqual(expanded.time);
        expect(weighted.atRisk).toEqual(expanded.atRisk);
        weighted.survival.forEach((s, i) => expect(s).toBeCloseTo(expanded.survival[i] as number, 12));
        weighted.standardError.forEach((s, i) => (s === undefined ? expect(expanded.standardError[i]).toBeUndefined() : expect(s).toBeCloseTo(expanded.standardError[i] as number, 12)));
      }),
      { seed: 501, numRuns: 80 },
    );
  });

  it('accepts fractional weights and typed arrays', () => {
    const km = kaplanMeier({ durations: Float64Array.of(1, 2, 3), observed: Uint8Array.of(1, 1, 0), weights: [0.5, 1.5, 2] });
    // t = 1: 0.5 of 4 -> 7/8; t = 2: 1.5 of 3.5 -> 7/8 * 2/3.5
    expect(km.atRisk).toEqual([4, 3.5, 2]);
    expect(km.survival[0]).toBeCloseTo(7 / 8, 15);
    expect(km.survival[1]).toBeCloseTo((7 / 8) * (2 / 3.5), 15);
  });

  it('is non-increasing, in [0, 1], contains the estimate in its interval, and ignores subject order (property, seed 502)', () => {
    const arb = fc.array(fc.record({ t: fc.integer({ min: 0, max: 50 }).map((x) => x / 2), e: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(arb, fc.constantFrom('log', 'log-log', 'plain'), fc.integer(), (rows, method, seed) => {
        const durations = rows.map((r) => r.t);
        const observed = rows.map((r) => r.e);
        const km = kaplanMeier({ durations, observed }, { confidenceInterval: method });
        let previous = 1;
        km.survival.forEach((s, i) => {
          expect(s <= previous && s >= 0 && s <= 1).toBe(true);
          previous = s;
          const lo = km.lower[i];
          const hi = km.upper[i];
          if (s > 0) expect((lo as number) <= s + 1e-15 && s <= (hi as number) + 1e-15 && (lo as number) >= 0 && (hi as number) <= 1).toBe(true);
          else expect([lo, hi]).toEqual([undefined, undefined]);
        });
        const k = rows.length === 0 ? 0 : Math.abs(seed) % rows.length;
        const perm = [...rows.slice(k), ...rows.slice(0, k)].reverse();
        expect(kaplanMeier({ durations: perm.map((r) => r.t), observed: perm.map((r) => r.e) }, { confidenceInterval: method })).toEqual(km);
      }),
      { seed: 502, numRuns: 100 },
    );
  });

  it('equals the empirical fraction surviving when nothing is censored (property, seed 503)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 50 }), (durations) => {
        const km = kaplanMeier({ durations, observed: durations.map(() => true) });
        km.time.forEach((t, i) => {
          const fraction = durations.filter((x) => x > t).length / durations.length;
          expect(km.survival[i]).toBeCloseTo(fraction, 12);
        });
      }),
      { seed: 503, numRuns: 150 },
    );
  });

  it('says what is wrong without echoing values', () => {
    expect(() => kaplanMeier(undefined as never)).toThrow('data: is required');
    expect(() => kaplanMeier(null as never)).toThrow('data: must be an object with durations and observed');
    expect(() => kaplanMeier({ durations: [1] } as never)).toThrow('data.observed: is required');
    expect(() => kaplanMeier({ durations: [1], observed: {} } as never)).toThrow('data.observed: must be an array of booleans (or 0 / 1)');
    expect(() => kaplanMeier({ durations: [1, 2], observed: [1] })).toThrow('data.observed: must have one entry per duration');
    expect(() => kaplanMeier({ durations: [1], observed: [3] })).toThrow('data.observed[0]: must be true, false, 1 or 0');
    expect(() => kaplanMeier({ durations: [1], observed: [1], entry: [0, 0] })).toThrow('data.entry: must have one entry per duration');
    expect(() => kaplanMeier({ durations: [1], observed: [1], entry: [1] })).toThrow('data.entry[0]: must be below the duration');
    expect(() => kaplanMeier({ durations: [1], observed: [1], weights: [1, 2] })).toThrow('data.weights: must have one entry per duration');
  });

  it.each([
    ['missing data', () => kaplanMeier(undefined as never), [['invalid_type', ['data']]]],
    ['an array as data', () => kaplanMeier([] as never), [['invalid_type', ['data']]]],
    ['negative and NaN durations', () => kaplanMeier({ durations: [-1, Number.NaN], observed: [1, 1] }), [['too_small', ['data', 'durations', 0]], ['not_finite', ['data', 'durations', 1]]]],
    ['observed of the wrong length', () => kaplanMeier({ durations: [1, 2], observed: [1] }), [['invalid_structure', ['data', 'observed']]]],
    ['observed with a bad value', () => kaplanMeier({ durations: [1, 2], observed: [1, 2] }), [['invalid_type', ['data', 'observed', 1]]]],
    ['missing observed', () => kaplanMeier({ durations: [1] } as never), [['invalid_type', ['data', 'observed']]]],
    ['observed not an array', () => kaplanMeier({ durations: [1], observed: 'yes' } as never), [['invalid_type', ['data', 'observed']]]],
    ['entry not below the duration, wrong length weights', () => kaplanMeier({ durations: [1, 2], observed: [1, 1], entry: [1, 0], weights: [1] }), [
      ['invalid_order', ['data', 'entry', 0]],
      ['invalid_structure', ['data', 'weights']],
    ]],
    ['entry of the wrong length and a zero weight', () => kaplanMeier({ durations: [1, 2], observed: [1, 1], entry: [0], weights: [1, 0] }), [
      ['invalid_structure', ['data', 'entry']],
      ['too_small', ['data', 'weights', 1]],
    ]],
    ['negative entry', () => kaplanMeier({ durations: [1], observed: [1], entry: [-1] }), [['too_small', ['data', 'entry', 0]]]],
    ['bad options', () => kaplanMeier({ durations: [1], observed: [1] }, { confidenceLevel: 1, confidenceInterval: 'arcsine' as never }), [
      ['too_big', ['options', 'confidenceLevel']],
      ['invalid_value', ['options', 'confidenceInterval']],
    ]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});

describe('kaplanMeier: weights at the smallest double (issue 14)', () => {
  it('gives no log-log bounds where S stays 1 after an event of negligible weight, never NaN', () => {
    // Before: S = 1 - 5e-324 / 2 = 1 in floating point, log(-log S) = log(0) and half = 0 / 0: NaN bounds, lower > upper.
    // R's survfit gives NA for log-log bounds where S = 1; the later rows are as without the first subject:
    // at 13, S = 1/2, sigma^2 = 1 / (2 * 1), log-log bounds exp(-exp(log(log 2) -+ 1.96 * sqrt(1/2) / log(1/2))).
    const km = kaplanMeier({ durations: [9, 13, 18], observed: [1, 1, 1], weights: [5e-324, 1, 1] }, { confidenceInterval: 'log-log' });
    expect(km.survival).toEqual([1, 0.5, 0]);
    expect([km.lower[0], km.upper[0]]).toEqual([undefined, undefined]);
    const half = (1.959963984540054 * Math.SQRT1_2) / Math.log(0.5);
    expect(km.lower[1]).toBeCloseTo(Math.exp(-Math.exp(Math.log(Math.log(2)) - half)), 12);
    expect(km.upper[1]).toBeCloseTo(Math.exp(-Math.exp(Math.log(Math.log(2)) + half)), 12);
  });
});
