import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownIssues as issuesOf } from '../../test/helpers/thrown-issues.js';
import { shareOfWallet, type ShareOfWalletInput } from './shareOfWallet.js';


describe('shareOfWallet', () => {
  it('classifies customers who buy from us, from others, from both, or from nobody', () => {
    expect(shareOfWallet({ ourSpend: 300, otherSpend: 100 })).toEqual({ share: 0.75, buysFrom: 'both' });
    expect(shareOfWallet({ ourSpend: '80', otherSpend: '0' })).toEqual({ share: 1, buysFrom: 'us' });
    expect(shareOfWallet({ ourSpend: 0, otherSpend: 20 })).toEqual({ share: 0, buysFrom: 'others' });
    expect(shareOfWallet({ ourSpend: 0, otherSpend: 0 })).toEqual({ share: undefined, buysFrom: 'neither' });
  });

  it('stays in [0, 1] and is our / (our + other)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (ours, other) => {
        const { share } = shareOfWallet({ ourSpend: ours / 100, otherSpend: other / 100 });
        if (ours + other === 0) expect(share).toBeUndefined();
        else {
          expect(share).toBeCloseTo(ours / (ours + other), 12);
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
      }),
      { seed: 6901 },
    );
  });

  it.each<[string, unknown, [string, (string | number)[]][]]>([
    ['no input', undefined, [['invalid_type', ['input']]]],
    ['negative spend', { ourSpend: -1, otherSpend: 1 }, [['too_small', ['input', 'ourSpend']]]],
    ['NaN spend', { ourSpend: 1, otherSpend: Number.NaN }, [['not_finite', ['input', 'otherSpend']]]],
    ['a missing spend', { ourSpend: 1 }, [['invalid_type', ['input', 'otherSpend']]]],
    ['an unknown key', { ourSpend: 1, otherSpend: 1, total: 2 }, [['unrecognized_key', ['input', 'total']]]],
  ])('rejects %s', (_, input, expected) => {
    expect(issuesOf(() => shareOfWallet(input as ShareOfWalletInput)).map((i) => [i.code, i.path])).toEqual(expected);
  });
});
