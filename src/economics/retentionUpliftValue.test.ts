import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../test/helpers/thrown-issues.js';
import { retentionUpliftValue, type RetentionUpliftValueInput } from './retentionUpliftValue.js';


const base = { customers: 1000, marginPerPeriod: 100, retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.1 };

describe('retentionUpliftValue', () => {
  it('values 0.80 -> 0.85 at i = 0.10 as multiple 2.6667 -> 3.4, +27.5% (REFERENCES.md)', () => {
    const v = retentionUpliftValue({ ...base, retentionUplift: 0.05 });
    expect(v.baselineClv.toNumber()).toBeCloseTo(266.6667, 4);
    expect(v.improvedClv.toNumber()).toBeCloseTo(340, 10);
    expect(v.gainPerCustomer.toNumber()).toBeCloseTo(73.3333, 4);
    expect(v.totalGain.toNumber()).toBeCloseTo(73_333.33, 2);
    expect(v.relativeGain).toBeCloseTo(0.275, 12);
  });

  it('treats a fall in churn as the same rise in retention', () => {
    const a = retentionUpliftValue({ ...base, retentionUplift: 0.05 });
    const b = retentionUpliftValue({ ...base, churnReduction: 0.05 });
    expect(b.totalGain.toString()).toBe(a.totalGain.toString());
  });

  it('uses the finite horizon when given, and has no relative gain from a zero baseline', () => {
    // H = 1: r / (1 + i): 0.85 / 1.1 - 0.8 / 1.1 = 0.0454545 per unit margin.
    const v = retentionUpliftValue({ ...base, retentionUplift: 0.05, horizonPeriods: 1 });
    expect(v.gainPerCustomer.toNumber()).toBeCloseTo((100 * 0.05) / 1.1, 10);
    expect(retentionUpliftValue({ ...base, retentionRatePerPeriod: 0, retentionUplift: 0.5 }).relativeGain).toBeUndefined();
    expect(retentionUpliftValue({ ...base, marginPerPeriod: 0, retentionUplift: 0.1 }).relativeGain).toBeUndefined();
  });

  it('a negative uplift loses value; the gain grows with the uplift and the base', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0, max: 0.09, noNaN: true }), fc.integer({ min: 0, max: 1e5 }), (r, u, n) => {
        const up = retentionUpliftValue({ ...base, customers: n, retentionRatePerPeriod: r, retentionUplift: u });
        const down = retentionUpliftValue({ ...base, customers: n, retentionRatePerPeriod: r + u, retentionUplift: -u });
        expect(up.totalGain.toNumber()).toBeGreaterThanOrEqual(0);
        expect(down.totalGain.toNumber()).toBeCloseTo(-up.totalGain.toNumber(), 4);
        expect(up.totalGain.toNumber()).toBeCloseTo(up.gainPerCustomer.toNumber() * n, 4);
      }),
      { seed: 7101, numRuns: 200 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['no input', undefined, [['invalid_type', ['input']]]],
    ['no uplift', base, [['invalid_type', ['input', 'retentionUplift']]]],
    ['both uplifts', { ...base, retentionUplift: 0.1, churnReduction: 0.1 }, [['invalid_structure', ['input', 'churnReduction']]]],
    ['retention reaching 1', { ...base, retentionUplift: 0.2 }, [['invalid_structure', ['input', 'retentionUplift']]]],
    ['retention below 0', { ...base, churnReduction: -0.9 }, [['invalid_structure', ['input', 'churnReduction']]]],
    ['retention 1', { ...base, retentionRatePerPeriod: 1, retentionUplift: 0 }, [['too_big', ['input', 'retentionRatePerPeriod']]]],
    ['discount -1', { ...base, discountRatePerPeriod: -1, retentionUplift: 0 }, [['too_small', ['input', 'discountRatePerPeriod']]]],
    ['a diverging sum', { ...base, discountRatePerPeriod: -0.15, retentionUplift: 0.05 }, [['invalid_structure', ['input', 'discountRatePerPeriod']]]],
    ['a NaN uplift', { ...base, retentionUplift: Number.NaN }, [['not_finite', ['input', 'retentionUplift']]]],
    ['fractional customers', { ...base, customers: 2.5, retentionUplift: 0 }, [['not_integer', ['input', 'customers']]]],
    ['a negative margin', { ...base, marginPerPeriod: -1, retentionUplift: 0 }, [['too_small', ['input', 'marginPerPeriod']]]],
    ['a zero horizon', { ...base, horizonPeriods: 0, retentionUplift: 0 }, [['too_small', ['input', 'horizonPeriods']]]],
    ['an unknown key', { ...base, retentionUplift: 0, uplift: 0 }, [['unrecognized_key', ['input', 'uplift']]]],
  ])('rejects %s', (_, input, expected) => {
    expect(issuesOf(() => retentionUpliftValue(input as RetentionUpliftValueInput)).map((i) => [i.code, i.path])).toEqual(expected);
  });
});

describe('retentionUpliftValue: a baseline near the smallest double (issue 14)', () => {
  it('gives an undefined relative gain when improved / baseline exceeds the range of numbers', () => {
    // Baseline multiple 5e-324 / (1.1 - 5e-324) = 4.5e-324 -> 5e-324; improved 0.05 / 1.05 = 0.047619.
    const v = retentionUpliftValue({ customers: 1000, marginPerPeriod: 100, retentionRatePerPeriod: 5e-324, retentionUplift: 0.05, discountRatePerPeriod: 0.1 });
    expect(v.relativeGain).toBeUndefined();
    expect(v.improvedClv.toNumber()).toBeCloseTo((100 * 0.05) / 1.05, 10);
  });
});

describe('retentionUpliftValue: a discounted sum beyond the range of numbers (found by the edges suite, issue 14)', () => {
  it('refuses r / (1 + i) = 1.007 over 100,000 periods at horizonPeriods instead of a NaN total gain', () => {
    // q = 0.99999999 / 0.992976 = 1.00707; q^100000 = e^707 overflows: the multiple was Infinity, 0 customers x Infinity NaN
    const input = { customers: 0, marginPerPeriod: 1e-100, retentionRatePerPeriod: 0.99999999, retentionUplift: 0, discountRatePerPeriod: -0.007023471463295461, horizonPeriods: 100_000 };
    expect(issuesOf(() => retentionUpliftValue(input))).toEqual([
      { code: 'too_big', path: ['input', 'horizonPeriods'], message: 'is too long for this retention and discount rate: the discounted sum exceeds the range of numbers' },
    ]);
    // a shorter horizon at the same rates is finite
    expect(retentionUpliftValue({ ...input, customers: 1, horizonPeriods: 10_000 }).improvedClv.isFinite()).toBe(true);
  });
});
