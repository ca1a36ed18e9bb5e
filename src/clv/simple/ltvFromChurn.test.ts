import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../../test/helpers/thrown-issues.js';
import { ltvFromChurn, type LtvFromChurnInput } from './ltvFromChurn.js';


describe('ltvFromChurn', () => {
  it('gives 2,000 for ARPA 100 and 5% monthly churn (ChartMogul help, REFERENCES.md)', () => {
    expect(ltvFromChurn({ arpaPerPeriod: 100, churnRatePerPeriod: 0.05 }).toString()).toBe('2000');
  });

  it('gives 1,600 with an 80% gross margin (Finmark / Skok convention, REFERENCES.md)', () => {
    // 100 x 0.8 / 0.05 = 1600
    expect(ltvFromChurn({ arpaPerPeriod: '100', grossMargin: 0.8, churnRatePerPeriod: 0.05 }).toString()).toBe('1600');
  });

  it('equals one period of margin when every account churns, and scales with ARPA and 1 / churn', () => {
    expect(ltvFromChurn({ arpaPerPeriod: 42.5, churnRatePerPeriod: 1 }).toString()).toBe('42.5');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.double({ min: 0.001, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (arpa, churn, margin) => {
        const ltv = ltvFromChurn({ arpaPerPeriod: arpa, grossMargin: margin, churnRatePerPeriod: churn }).toNumber();
        expect(ltv).toBeCloseTo((arpa * margin) / churn, 6);
        expect(ltvFromChurn({ arpaPerPeriod: arpa * 2, grossMargin: margin, churnRatePerPeriod: churn }).toNumber()).toBeCloseTo(2 * ltv, 6);
      }),
      { seed: 6501, numRuns: 200 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['no input', undefined, [['invalid_type', ['input']]]],
    ['zero churn', { arpaPerPeriod: 100, churnRatePerPeriod: 0 }, [['too_small', ['input', 'churnRatePerPeriod']]]],
    ['churn above 1', { arpaPerPeriod: 100, churnRatePerPeriod: 1.5 }, [['too_big', ['input', 'churnRatePerPeriod']]]],
    ['NaN churn', { arpaPerPeriod: 100, churnRatePerPeriod: Number.NaN }, [['not_finite', ['input', 'churnRatePerPeriod']]]],
    ['negative ARPA', { arpaPerPeriod: -1, churnRatePerPeriod: 0.1 }, [['too_small', ['input', 'arpaPerPeriod']]]],
    ['margin above 1', { arpaPerPeriod: 1, grossMargin: 80, churnRatePerPeriod: 0.1 }, [['too_big', ['input', 'grossMargin']]]],
    ['negative margin', { arpaPerPeriod: 1, grossMargin: -0.2, churnRatePerPeriod: 0.1 }, [['too_small', ['input', 'grossMargin']]]],
    ['an unknown key', { arpaPerPeriod: 1, churnRatePerPeriod: 0.1, arpa: 1 }, [['unrecognized_key', ['input', 'arpa']]]],
  ])('rejects %s', (_, input, expected) => {
    expect(issuesOf(() => ltvFromChurn(input as LtvFromChurnInput)).map((i) => [i.code, i.path])).toEqual(expected);
  });
});
