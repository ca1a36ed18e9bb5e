import { describe, expect, it } from 'vitest';
import { expectedLifetime } from './expectedLifetime.js';

describe('expectedLifetime: rates whose inverse overflows (issue 14)', () => {
  it('gives undefined (no finite lifetime) where 1 / rate overflows, instead of Infinity', () => {
    expect(expectedLifetime(5e-324)).toBeUndefined();
    expect(expectedLifetime(1e-308)).toBeCloseTo(1e308, -295);
    expect(expectedLifetime(0.05)).toBe(20);
  });
});
