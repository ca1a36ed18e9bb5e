import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixOrder } from './radixOrder.js';

/** The indices of `values` (doubles >= 0) ordered by value, ties in the order given by `start`. */
function byRadix(values: readonly number[], start?: readonly number[]): number[] {
  const keys = Float64Array.from(values, (v) => (v === 0 ? 0 : v));
  const order = Uint32Array.from(start ?? values.map((_, i) => i));
  return Array.from(radixOrder(order, new Uint32Array(values.length), new Uint32Array(keys.buffer)));
}

describe('radixOrder', () => {
  it('orders by the keys, ties in their incoming order (worked example)', () => {
    // Keys 3, 1, 2, 1, 0: ascending 0 (index 4), 1 (1), 1 (3), 2 (2), 3 (0); the two 1s stay in order.
    expect(byRadix([3, 1, 2, 1, 0])).toEqual([4, 1, 3, 2, 0]);
    // Incoming order 3, 1, ...: the tie between indices 3 and 1 keeps it.
    expect(byRadix([3, 1, 2, 1, 0], [3, 1, 0, 2, 4])).toEqual([4, 3, 1, 2, 0]);
  });

  it('handles no keys, one key, and keys equal in every digit (all passes skipped)', () => {
    expect(byRadix([])).toEqual([]);
    expect(byRadix([7])).toEqual([0]);
    expect(byRadix([5, 5, 5], [2, 0, 1])).toEqual([2, 0, 1]);
  });

  it('sorts across all four 16-bit digits: subnormals, fractions, huge values (property, seed 1208)', () => {
    const value = fc.oneof(fc.constantFrom(0, 5e-324, 1e-300, 0.5, 1, 1 + 2 ** -52, 39, 2 ** 32, 1e308), fc.double({ min: 0, max: 1e12, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (values) => {
        const want = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
        expect(byRadix(values)).toEqual(want);
      }),
      { seed: 1208, numRuns: 300 },
    );
  });

  it('sorting by a second key after a first orders by both (stable passes)', () => {
    const major = [2, 1, 2, 1, 0, 2];
    const minor = [0.5, 9, 0.25, 3, 7, 0.5];
    const afterMinor = byRadix(minor);
    const both = byRadix(major, afterMinor);
    const want = major.map((_, i) => i).sort((a, b) => (major[a] as number) - (major[b] as number) || (minor[a] as number) - (minor[b] as number) || a - b);
    expect(both).toEqual(want);
  });
});
