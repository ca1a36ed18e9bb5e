import { describe, expect, it } from 'vitest';
import { logGamma } from './special.js';

// Reference: CPython 3.11.7 math.lgamma (python3 -c "import math; print(math.lgamma(x))").
const lgammaRef: [number, number][] = [
  [1e-8, 18.42068073818021],
  [0.001, 6.907178885383854],
  [0.1, 2.2527126517342055],
  [0.5, 0.5723649429247004],
  [1, 0],
  [1.5, -0.12078223763524543],
  [2, 0],
  [2.5, 0.2846828704729196],
  [3, 0.693147180559945],
  [7.3, 7.147892523022248],
  [9.99, 12.779315214350197],
  [10, 12.801827480081467],
  [12.5, 18.73434751193645],
  [50, 144.5657439463449],
  [100, 359.1342053695754],
  [1000, 5905.220423209181],
  [1e6, 12815504.569147611],
  [1e12, 26631021115915.652],
];

describe('logGamma', () => {
  it.each(lgammaRef)('ln Gamma(%s) within 2e-14 absolute or 1e-14 relative of CPython', (x, expected) => {
    const actual = logGamma(x);
    const err = Math.abs(actual - expected);
    expect(err <= 2e-14 || err <= 1e-14 * Math.abs(expected), `x=${x} actual=${actual} expected=${expected}`).toBe(true);
  });
  it('is NaN outside its domain and Infinity at Infinity', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
    expect(logGamma(Infinity)).toBe(Infinity);
  });
});
