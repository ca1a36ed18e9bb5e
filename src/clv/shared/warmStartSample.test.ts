import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { warmStartSample } from './warmStartSample.js';

const sample = (weights: readonly number[], size: number) => {
  const { index, weight } = warmStartSample(weights, size);
  return Array.from(index, (i, k) => [i, weight[k]]);
};

describe('warmStartSample', () => {
  it('keeps patterns at least as heavy as the stride with their weight, every k-th other with k times its weight', () => {
    // m = 10, size 4: threshold ceil(10 / 4) = 3; heavy: 5 and 3 (2 patterns <= 4 / 2); 8 light,
    // stride ceil(8 / (4 - 2)) = 4: light patterns 1 and 5 (indices 1 and 6), weights x 4.
    expect(sample([5, 1, 2, 1, 3, 1, 1, 2, 1, 1], 4)).toEqual([
      [0, 5],
      [1, 4],
      [4, 3],
      [6, 4],
    ]);
  });

  it('doubles the threshold while more than half the size would be heavy', () => {
    // 4 patterns of 12 and 12 of 3, size 8: threshold 2 makes all 16 heavy (> 4), 4 leaves the four of
    // weight 12 (4 <= 4). 12 light (indices 1, 2, 4, 5, 6, 8, ...), stride ceil(12 / 4) = 3: the
    // 1st, 4th, 7th and 10th light ones (indices 1, 5, 9, 13) with weight 9.
    const weights = [12, 3, 3, 12, 3, 3, 3, 12, 3, 3, 3, 3, 12, 3, 3, 3];
    const got = sample(weights, 8);
    expect(got).toEqual([
      [0, 12],
      [1, 9],
      [3, 12],
      [5, 9],
      [7, 12],
      [9, 9],
      [12, 12],
      [13, 9],
    ]);
    // Here the weight is kept exactly: 4 x 12 + 4 x 9 = 84 = 4 x 12 + 12 x 3.
    expect(got.reduce((s, [, w]) => s + (w as number), 0)).toBe(weights.reduce((s, w) => s + w, 0));
  });

  it('keeps everything, unchanged, when there are no more patterns than the size', () => {
    expect(sample([1, 2, 7], 5)).toEqual([
      [0, 1],
      [1, 2],
      [2, 7],
    ]);
    expect(sample([], 5)).toEqual([]);
  });

  it('at most about `size` rows, increasing indices, each weight the pattern\'s times a whole factor (property, seed 1208)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 4, max: 400 }), (weights, size) => {
        const { index, weight } = warmStartSample(weights, size);
        expect(index.length).toBeLessThanOrEqual(size + 1);
        for (let k = 1; k < index.length; k++) expect(index[k]).toBeGreaterThan(index[k - 1] as number);
        // Each kept weight is the pattern's weight times a whole factor (1 for the heavy ones).
        index.forEach((i, k) => {
          const factor = (weight[k] as number) / (weights[i] as number);
          expect(Number.isInteger(factor) && factor >= 1).toBe(true);
        });
        // The first pattern is always kept (heavy, or the first light one).
        expect(index[0]).toBe(0);
      }),
      { seed: 1208, numRuns: 200 },
    );
  });
});
