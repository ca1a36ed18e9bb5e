import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../test/helpers/thrown-issues.js';
import { cacPayback, type CacPaybackInput } from './cacPayback.js';


describe('cacPayback', () => {
  it('gives 12.5 months for CAC 1,000, ARPA 100 and 80% margin (Finmark / Skok, REFERENCES.md)', () => {
    // 1000 / (100 x 0.8) = 12.5
    expect(cacPayback({ cac: 1000, arpaPerPeriod: 100, grossMargin: 0.8 })).toBe(12.5);
  });

  it('uses revenue when no margin is given; 0 for no CAC; undefined when never recovered', () => {
    expect(cacPayback({ cac: '300', arpaPerPeriod: '100' })).toBe(3);
    expect(cacPayback({ cac: 0, arpaPerPeriod: 0 })).toBe(0);
    expect(cacPayback({ cac: 1, arpaPerPeriod: 100, grossMargin: 0 })).toBeUndefined();
  });

  it('falls as ARPA or margin rise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e5 }), fc.integer({ min: 1, max: 1e4 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (cac, arpa, margin) => {
        const base = cacPayback({ cac, arpaPerPeriod: arpa, grossMargin: margin }) as number;
        expect(base).toBeCloseTo(cac / (arpa * margin), 8);
        expect(cacPayback({ cac, arpaPerPeriod: arpa + 1, grossMargin: margin })).toBeLessThanOrEqual(base);
      }),
      { seed: 6701 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['no input', null, [['invalid_type', ['input']]]],
    ['a negative CAC', { cac: -1, arpaPerPeriod: 1 }, [['too_small', ['input', 'cac']]]],
    ['a negative ARPA', { cac: 1, arpaPerPeriod: -1 }, [['too_small', ['input', 'arpaPerPeriod']]]],
    ['a margin above 1', { cac: 1, arpaPerPeriod: 1, grossMargin: 2 }, [['too_big', ['input', 'grossMargin']]]],
    ['a NaN margin', { cac: 1, arpaPerPeriod: 1, grossMargin: Number.NaN }, [['not_finite', ['input', 'grossMargin']]]],
    ['an unknown key', { cac: 1, arpaPerPeriod: 1, months: 3 }, [['unrecognized_key', ['input', 'months']]]],
  ])('rejects %s', (_, input, expected) => {
    expect(issuesOf(() => cacPayback(input as CacPaybackInput)).map((i) => [i.code, i.path])).toEqual(expected);
  });
});

describe('cacPayback: margins near the smallest double (issue 14)', () => {
  it('gives undefined (never, in practice) when the payback exceeds the range of numbers, not Infinity', () => {
    // 1000 / (100 * 5e-324) = 2e324 > Number.MAX_VALUE.
    expect(cacPayback({ cac: 1000, arpaPerPeriod: 100, grossMargin: 5e-324 })).toBeUndefined();
    expect(cacPayback({ cac: 1000, arpaPerPeriod: 100, grossMargin: 1e-300 })).toBeCloseTo(1e301, -290);
  });
});
