// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { compareKeys } from './group.js';

describe('compareKeys (the documented segment order of npsBy)', () => {
  it.each<[string | number, string | number, number]>([
    [1, 2, -1],
    [10, 2, 1],
    [3, 3, 0],
    [1, 'a', -1],
    ['a', 1, 1],
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['B', 'a', -1],
    ['10', '9', -1],
  ])('orders %j before, with or after %j (%i)', (a, b, sign) => {
    expect(Math.sign(compareKeys(a, b))).toBe(sign);
  });
});
