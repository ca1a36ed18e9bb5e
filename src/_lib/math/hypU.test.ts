import { describe, expect, it, vi } from 'vitest';
import fixture from './fixtures/hypU.json' with { type: 'json' };
import { erfc } from '../stats.js';
import { hypU, logHypU } from './hypU.js';

// Reference: mpmath `hyperu` at 50 digits (fixtures/generateHypU.py; versions in the fixture).
describe('logHypU against mpmath', () => {
  it.each(fixture.cases.map((c) => [c.a, c.b, c.z, c.logU] as const))('U(%s, %s, %s)', (a, b, z, logU) => {
    const got = logHypU(a, b, z);
    // Error of ln U = relative error of U; allow for the rounding of a large |ln U| itself.
    expect(Math.abs(got - logU), `a=${a} b=${b} z=${z}: got ${got}, expected ${logU}`).toBeLessThan(1e-13 + 2e-16 * Math.abs(logU));
  });
});

describe('hypU closed forms', () => {
  it('U(a, a + 1, z) = z^-a (DLMF 13.6.4)', () => {
    for (const [a, z] of [
      [0.3, 0.01],
      [1, 1],
      [2.5, 7],
      [10, 0.5],
    ] as const) {
      expect(hypU(a, a + 1, z) / z ** -a).toBeCloseTo(1, 13);
    }
  });

  it('U(1/2, 1/2, z) = sqrt(pi) e^z erfc(sqrt z) (DLMF 13.6.8 with Gamma(1/2, z))', () => {
    for (const z of [0.01, 0.3, 1, 4]) {
      const expected = Math.sqrt(Math.PI) * Math.exp(z) * erfc(Math.sqrt(z));
      expect(Math.abs(hypU(0.5, 0.5, z) / expected - 1)).toBeLessThan(1e-12);
    }
  });

  it('U(1, 1, z) = e^z E1(z): at z = 1, 0.596347362323194 (A&S 5.1 table)', () => {
    expect(hypU(1, 1, 1)).toBeCloseTo(0.596347362323194, 13);
  });

  it('satisfies Kummer’s transformation U(a, b, z) = z^(1 - b) U(a - b + 1, 2 - b, z)', () => {
    for (const [a, b, z] of [
      [1.5, 0.4, 0.2],
      [2, -1.5, 3],
      [0.606, 0.606, 0.05],
    ] as const) {
      expect(logHypU(a, b, z)).toBeCloseTo((1 - b) * Math.log(z) + logHypU(a - b + 1, 2 - b, z), 12);
    }
  });

  it('is NaN outside its domain (a <= 0, z <= 0, non-finite input)', () => {
    for (const [a, b, z] of [
      [0, 1, 1],
      [-1, 1, 1],
      [1, 1, 0],
      [1, 1, -2],
      [Number.NaN, 1, 1],
      [1, Infinity, 1],
      [1, 1, Infinity],
    ] as const) {
      expect(logHypU(a, b, z)).toBeNaN();
    }
  });

  it('keeps values beyond the double range in logs: U(1, 120, 1e-6) ~ Gamma(119) z^-119 (1 + z) (DLMF 13.2.16)', () => {
    const z = 1e-6;
    // Leading term about 2092 (e^2092 overflows a double); the next term of the series multiplies by
    // 1 + (a - b + 1) z / (2 - b) = 1 + z; mpmath: 2092.291530143133.
    const expansion = logGammaOf119() - 119 * Math.log(z) + Math.log1p(z);
    expect(hypU(1, 120, z)).toBe(Infinity);
    expect(logHypU(1, 120, z)).toBeCloseTo(expansion, 9);
    expect(logHypU(1, 120, z)).toBeCloseTo(2092.291530143133, 9);
  });
});

// ln Gamma(119) = ln(118!) summed exactly enough in doubles.
function logGammaOf119(): number {
  let s = 0;
  for (let k = 2; k <= 118; k++) s += Math.log(k);
  return s;
}

describe('logHypU: bounded work for every finite b', () => {
  // b = 2 - s for a Pareto/NBD s of 1e308: 1e-17 / (1 + |c| / z) underflowed to 0, so the left end
  // y0 was -Infinity and the node count infinite (discountedExpectedTransactions ran for minutes).
  it.each([-1e308, -Number.MAX_VALUE, -1e300, -1e20])('b = %s: finite, in about 8,000 nodes', (b) => {
    const spy = vi.spyOn(Math, 'exp');
    const v = logHypU(1, b, 5);
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    expect(Number.isFinite(v)).toBe(true);
    // two passes of one exponential each (plus the integrand's own) per node, nodes ~ 7,500
    expect(calls).toBeLessThan(60_000);
    // U(1, b, z) = int_0^inf e^(-z t) (1 + t)^(b - 2) dt and (1 + t)^(b - 2) ~ e^((b - 2) t) for
    // b -> -infinity: U ~ 1 / (z - b + 2)
    expect(v).toBeCloseTo(-Math.log(5 - b + 2), 6);
  });
});
