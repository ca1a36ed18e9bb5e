import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../test/helpers/thrown-issues.js';
import { walletAllocationShare } from './walletAllocationShare.js';


describe('walletAllocationShare (Keiningham et al., REFERENCES.md)', () => {
  it('gives 66.67% and 33.33% for two brands', () => {
    // (1 - 1/3) x 2/2 = 2/3; (1 - 2/3) x 1 = 1/3
    expect(walletAllocationShare(1, 2)).toBeCloseTo(0.6667, 4);
    expect(walletAllocationShare(2, 2)).toBeCloseTo(0.3333, 4);
  });

  it('gives 50%, 33.3%, 16.7% for three brands and the whole wallet to a sole brand', () => {
    // (1 - 1/4) x 2/3 = 0.5; (1 - 2/4) x 2/3 = 1/3; (1 - 3/4) x 2/3 = 1/6
    expect([1, 2, 3].map((rank) => walletAllocationShare(rank, 3))).toEqual([0.5, 1 / 3, 1 / 6].map((v) => expect.closeTo(v, 12)));
    expect(walletAllocationShare(1, 1)).toBe(1);
  });

  it('shares add up to 1 and fall with rank, for any number of brands', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (brands) => {
        let sum = 0;
        let previous = Number.POSITIVE_INFINITY;
        for (let rank = 1; rank <= brands; rank++) {
          const share = walletAllocationShare(rank, brands);
          expect(share).toBeGreaterThan(0);
          expect(share).toBeLessThan(previous);
          previous = share;
          sum += share;
        }
        expect(sum).toBeCloseTo(1, 12);
      }),
      { seed: 6801 },
    );
  });

  it.each<[string, unknown, unknown, [string, (string | number)[]][]]>([
    ['rank 0', 0, 2, [['too_small', ['rank']]]],
    ['rank above brands', 3, 2, [['too_big', ['rank']]]],
    ['a fractional rank', 1.5, 2, [['not_integer', ['rank']]]],
    ['zero brands', 1, 0, [['too_small', ['brands']]]],
    ['NaN brands', 1, Number.NaN, [['not_finite', ['brands']]]],
    ['a string rank', '1', 2, [['invalid_type', ['rank']]]],
  ])('rejects %s', (_, rank, brands, expected) => {
    expect(issuesOf(() => walletAllocationShare(rank as number, brands as number)).map((i) => [i.code, i.path])).toEqual(expected);
  });
});
