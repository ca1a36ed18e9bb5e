// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import { convertChurnRate } from './convertChurnRate.js';
import { expectedLifetime } from './expectedLifetime.js';

describe('convertChurnRate', () => {
  // REFERENCES.md (Churnkey table; formula 1 - (1 - m)^12, never 12m).
  it.each([
    [0.01, 0.113615],
    [0.02, 0.215283],
    [0.03, 0.306158],
    [0.05, 0.45964],
    [0.1, 0.71757],
  ])('monthly %s is %s a year (REFERENCES.md, Churnkey)', (monthly, annual) => {
    expect(convertChurnRate(monthly, { fromPeriods: 1, toPeriods: 12 })).toBeCloseTo(annual, 6);
  });

  it('converts weekly to a 4-week period and keeps the ends fixed', () => {
    // 1 - 0.9^4 = 0.3439
    expect(convertChurnRate(0.1, { fromPeriods: 7, toPeriods: 28 })).toBeCloseTo(0.3439, 14);
    expect(convertChurnRate(0, { fromPeriods: 1, toPeriods: 12 })).toBe(0);
    expect(convertChurnRate(1, { fromPeriods: 12, toPeriods: 1 })).toBe(1);
    expect(convertChurnRate(0.3, { fromPeriods: 2, toPeriods: 2 })).toBeCloseTo(0.3, 15);
  });

  it('there and back is the identity, and stays in [0, 1] (property, seed 7)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 1, max: 12, noNaN: true }),
        fc.double({ min: 1, max: 12, noNaN: true }),
        (rate, from, to) => {
          const there = convertChurnRate(rate, { fromPeriods: from, toPeriods: to });
          const back = convertChurnRate(there, { fromPeriods: to, toPeriods: from });
          return there >= 0 && there <= 1 && Math.abs(back - rate) < 1e-9;
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it.each([
    ['rate above 1', () => convertChurnRate(1.2, { fromPeriods: 1, toPeriods: 12 }), [['too_big', ['rate']]]],
    ['negative rate', () => convertChurnRate(-0.1, { fromPeriods: 1, toPeriods: 12 }), [['too_small', ['rate']]]],
    ['NaN rate, no options', () => convertChurnRate(Number.NaN, undefined as never), [['not_finite', ['rate']], ['invalid_type', ['options']]]],
    ['zero and missing periods', () => convertChurnRate(0.1, { fromPeriods: 0 } as never), [['too_small', ['options', 'fromPeriods']], ['invalid_type', ['options', 'toPeriods']]]],
    ['unknown option', () => convertChurnRate(0.1, { fromPeriods: 1, toPeriods: 2, compounding: true } as never), [['unrecognized_key', ['options', 'compounding']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});

describe('expectedLifetime', () => {
  // REFERENCES.md, ChartMogul help: ARPA 100, customer churn 5% per month: LTV 2,000.
  it('gives ChartMogul LTV with ARPA (REFERENCES.md, ChartMogul help)', () => {
    expect(100 * (expectedLifetime(0.05) as number)).toBeCloseTo(2000, 10);
    expect(expectedLifetime(1)).toBe(1);
    expect(expectedLifetime(0.25)).toBe(4);
    expect(expectedLifetime(0)).toBeUndefined();
  });
  it.each([
    ['above 1', 2, 'too_big'],
    ['negative', -0.5, 'too_small'],
    ['Infinity', Infinity, 'not_finite'],
    ['a string', '0.1', 'invalid_type'],
  ])('rejects a rate %s', (_, rate, code) => {
    expect(issuePairs(() => expectedLifetime(rate as number))).toEqual([[code, ['rate']]]);
  });
});
