// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DoubleIndex } from './doubleIndex.js';

describe('DoubleIndex', () => {
  it('numbers distinct values densely in order of first appearance', () => {
    const index = new DoubleIndex(2);
    expect([0.5, 3, 0.5, -2, 3, 1e300, -0, 0].map((v) => index.add(v))).toEqual([0, 1, 0, 2, 1, 3, 4, 4]);
    expect(index.size).toBe(5);
    expect(Array.from(index.distinct())).toEqual([0.5, 3, -2, 1e300, 0]);
  });

  it('agrees with a Map through growth and rehashing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 2000 }), (values) => {
        const index = new DoubleIndex();
        const map = new Map<number, number>();
        for (const v of values) {
          const key = v === 0 ? 0 : v;
          if (!map.has(key)) map.set(key, map.size);
          expect(index.add(v)).toBe(map.get(key));
        }
        expect(index.size).toBe(map.size);
        expect(Array.from(index.distinct())).toEqual([...map.keys()]);
      }),
      { seed: 12, numRuns: 50 },
    );
  });
});
