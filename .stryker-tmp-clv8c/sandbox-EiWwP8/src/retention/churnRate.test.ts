// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import { churnRate } from './churnRate.js';
import { retentionRate } from './retentionRate.js';

describe('churnRate', () => {
  // REFERENCES.md, ChartMogul help: 100 customers at the start, 11 cancellations of which 1 joined
  // and cancelled in the same month: customer churn (11 - 1) / 100 = 10%.
  it('reproduces ChartMogul: joined-and-churned excluded (REFERENCES.md, ChartMogul help)', () => {
    expect(churnRate({ start: 100, new: 1, churned: 11, churnedNew: 1 })).toBe(0.1);
    expect(retentionRate({ start: 100, new: 1, churned: 11, churnedNew: 1 })).toBe(0.9);
  });

  // start 100, new 20, churned 15 of which 5 new: end = 100 + 20 - 15 = 105.
  it.each([
    ['start', 'exclude', 10 / 100], // (15 - 5) / 100
    ['start', 'include', 15 / 100],
    ['start-plus-new', 'exclude', 10 / 115], // (15 - 5) / (100 + 20 - 5)
    ['start-plus-new', 'include', 15 / 120], // Stripe
    ['average', 'exclude', 10 / 102.5], // (100 + 105) / 2
    ['average', 'include', 15 / 102.5],
  ] as const)('denominator %s, joinedAndChurned %s', (denominator, joinedAndChurned, expected) => {
    const counts = { start: 100, new: 20, churned: 15, churnedNew: 5 };
    expect(churnRate(counts, { denominator, joinedAndChurned })).toBeCloseTo(expected, 14);
    expect(retentionRate(counts, { denominator, joinedAndChurned })).toBeCloseTo(1 - expected, 14);
  });

  it('defaults new and churnedNew to 0 and returns undefined for an empty denominator', () => {
    expect(churnRate({ start: 8, churned: 2 })).toBe(0.25);
    expect(churnRate({ start: 0, churned: 0 })).toBeUndefined();
    expect(retentionRate({ start: 0, churned: 0 })).toBeUndefined();
    expect(churnRate({ start: 0, new: 3, churned: 0 }, { denominator: 'start-plus-new' })).toBe(0);
    expect(churnRate({ start: 0, new: 2, churned: 2, churnedNew: 2 }, { denominator: 'start-plus-new' })).toBeUndefined();
    expect(churnRate({ start: 0, new: 2, churned: 2, churnedNew: 2 }, { denominator: 'start-plus-new', joinedAndChurned: 'include' })).toBe(1);
    // average: end = 3 - 3 = 0, base (3 + 0) / 2 = 1.5: can exceed 1 (documented)
    expect(churnRate({ start: 3, churned: 3 }, { denominator: 'average' })).toBe(2);
    expect(churnRate({ start: 0, new: 1, churned: 1, churnedNew: 1 }, { denominator: 'average', joinedAndChurned: 'include' })).toBeUndefined();
    expect(churnRate({ start: 2, new: 2, churned: 2, churnedNew: 2 }, { denominator: 'average', joinedAndChurned: 'include' })).toBe(1);
  });

  it('stays in [0, 1] and sums to 1 with retention (property, seed 31)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('start', 'start-plus-new'),
        (start, added, fLost, fNew, denominator) => {
          const churnedNew = Math.floor(fNew * added);
          const churned = Math.floor(fLost * start) + churnedNew;
          const counts = { start, new: added, churned, churnedNew };
          const c = churnRate(counts, { denominator });
          const r = retentionRate(counts, { denominator });
          if (c === undefined) return r === undefined;
          return c >= 0 && c <= 1 && r !== undefined && Math.abs(c + r - 1) < 1e-15;
        },
      ),
      { seed: 31, numRuns: 300 },
    );
  });

  it('does not mutate its input', () => {
    const counts = Object.freeze({ start: 10, new: 2, churned: 3, churnedNew: 1 });
    expect(churnRate(counts)).toBe(0.2);
  });

  it.each([
    ['missing counts', () => churnRate(undefined as never), [['invalid_type', ['counts']]]],
    ['array counts', () => churnRate([] as never), [['invalid_type', ['counts']]]],
    ['NaN start', () => churnRate({ start: Number.NaN, churned: 1 }), [['not_finite', ['counts', 'start']]]],
    ['negative churned, string new', () => churnRate({ start: 1, churned: -1, new: '2' as never }), [['invalid_type', ['counts', 'new']], ['too_small', ['counts', 'churned']]]],
    ['missing churned', () => churnRate({ start: 1 } as never), [['invalid_type', ['counts', 'churned']]]],
    ['negative churnedNew', () => churnRate({ start: 1, churned: 0, churnedNew: -1 }), [['too_small', ['counts', 'churnedNew']]]],
    ['unknown count', () => churnRate({ start: 1, churned: 0, lost: 1 } as never), [['unrecognized_key', ['counts', 'lost']]]],
    ['churnedNew above new', () => churnRate({ start: 5, new: 1, churned: 2, churnedNew: 2 }), [['invalid_structure', ['counts', 'churnedNew']]]],
    ['churnedNew above churned', () => churnRate({ start: 5, new: 3, churned: 1, churnedNew: 2 }), [['invalid_structure', ['counts', 'churnedNew']]]],
    ['more lost than the base', () => churnRate({ start: 5, new: 1, churned: 7, churnedNew: 1 }), [['invalid_structure', ['counts', 'churned']]]],
    ['unknown option', () => churnRate({ start: 5, churned: 1 }, { base: 'start' } as never), [['unrecognized_key', ['options', 'base']]]],
    ['bad denominator', () => churnRate({ start: 5, churned: 1 }, { denominator: 'end' as never }), [['invalid_value', ['options', 'denominator']]]],
    ['bad joinedAndChurned on retentionRate', () => retentionRate({ start: 5, churned: 9 }, { joinedAndChurned: 'yes' as never }), [['invalid_structure', ['counts', 'churned']], ['invalid_value', ['options', 'joinedAndChurned']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });

  it('says what is wrong without echoing values', () => {
    expect(() => churnRate(undefined as never)).toThrow('counts: is required');
    expect(() => churnRate(null as never)).toThrow('counts: must be an object');
    expect(() => churnRate({ start: 5, new: 1, churned: 2, churnedNew: 2 })).toThrow('counts.churnedNew: must not exceed the new customers');
    expect(() => churnRate({ start: 5, new: 3, churned: 1, churnedNew: 2 })).toThrow('counts.churnedNew: must not exceed the churned customers');
    expect(() => churnRate({ start: 5, churned: 1, lost: 3 } as never)).toThrow('counts.lost: is not a known count');
  });

  it('accepts the boundary where every starting customer is lost', () => {
    expect(churnRate({ start: 5, new: 1, churned: 6, churnedNew: 1 })).toBe(1);
  });
});
