import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../test/helpers/thrown-issues.js';
import { ltvToCac, type LtvToCacInput } from './ltvToCac.js';


describe('ltvToCac', () => {
  it('gives 1.6 for LTV 1,600 and CAC 1,000 (Finmark / Skok conventions, REFERENCES.md)', () => {
    expect(ltvToCac({ ltv: 1600, cac: 1000 })).toBe(1.6);
  });

  it('works with strings and negative LTVs, and has no ratio for a zero CAC', () => {
    expect(ltvToCac({ ltv: '-500', cac: '250' })).toBe(-2);
    expect(ltvToCac({ ltv: 0, cac: 0 })).toBeUndefined();
  });

  it('is ltv / cac', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (ltv, cac) => {
        expect(ltvToCac({ ltv, cac })).toBeCloseTo(ltv / cac, 10);
      }),
      { seed: 6601 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['no input', undefined, [['invalid_type', ['input']]]],
    ['a negative CAC', { ltv: 1, cac: -1 }, [['too_small', ['input', 'cac']]]],
    ['a NaN LTV', { ltv: Number.NaN, cac: 1 }, [['not_finite', ['input', 'ltv']]]],
    ['a missing CAC', { ltv: 1 }, [['invalid_type', ['input', 'cac']]]],
    ['an unknown key', { ltv: 1, cac: 1, arpa: 3 }, [['unrecognized_key', ['input', 'arpa']]]],
  ])('rejects %s', (_, input, expected) => {
    expect(issuesOf(() => ltvToCac(input as LtvToCacInput)).map((i) => [i.code, i.path])).toEqual(expected);
  });
});
