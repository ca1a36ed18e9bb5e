// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAbove, firstAtLeast } from './subscriptions.js';

describe('boundary lookup', () => {
  it('agrees with a linear scan on uneven boundaries (property, seed 901)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { maxLength: 12 }), fc.integer({ min: -60, max: 60 }), (raw, x) => {
        const T = Float64Array.from(raw.sort((a, b) => a - b));
        const above = T.findIndex((t) => t > x);
        const atLeast = T.findIndex((t) => t >= x);
        expect(firstAbove(T, x)).toBe(above < 0 ? T.length : above);
        expect(firstAtLeast(T, x)).toBe(atLeast < 0 ? T.length : atLeast);
        expect(firstAbove(T, Infinity)).toBe(T.length);
        expect(firstAtLeast(T, Infinity)).toBe(T.length);
      }),
      { seed: 901, numRuns: 500 },
    );
  });
});
