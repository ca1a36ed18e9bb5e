import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import fixture from './fixtures/paretoNbdIntegral.json' with { type: 'json' };
import { deathIntegralBranch, logDeathIntegral, logDeathIntegralWith, type LogIntegral } from './paretoNbdIntegral.js';

type Args = [a: number, alpha: number, b: number, beta: number, lo: number, hi: number];
const fresh = (): LogIntegral => ({ value: 0, da: 0, dAlpha: 0, db: 0, dBeta: 0 });

// Reference: fixtures/generateParetoNbdIntegral.py (mpmath 1.3 adaptive quadrature of the defining
// integrals at 40 digits; the derivatives by differentiation under the integral sign).
describe('logDeathIntegral against mpmath', () => {
  const cases = fixture.cases.map((c) => [c.args.join(', '), c] as const);

  it.each(cases)('ln I and its gradient at (%s)', (_, c) => {
    const args = c.args as Args;
    const got = logDeathIntegral(...args, fresh());
    // ln I to 1e-13 relative (worst case: the frequent buyer a = 300.5, 1.2e-14); the gradient to 5e-11
    // relative (worst: alpha = 1e-3, d/d alpha, 1.3e-11).
    expect(Math.abs(got.value - c.value), `ln I ${got.value} vs ${c.value}`).toBeLessThan(1e-13 * Math.max(1, Math.abs(c.value)));
    for (const key of ['da', 'dAlpha', 'db', 'dBeta'] as const) {
      expect(Math.abs(got[key] - c[key]), `${key}: ${got[key]} vs ${c[key]}`).toBeLessThan(5e-11 * Math.abs(c[key]));
    }
  });

  it.each(cases)('the quadrature alone, and the series wherever it is chosen, give ln I to 1e-12 at (%s)', (_, c) => {
    const args = c.args as Args;
    expect(Math.abs(logDeathIntegralWith('quadrature', ...args) - c.value)).toBeLessThan(1e-12 * Math.max(1, Math.abs(c.value)));
    if (deathIntegralBranch(...(args.slice(0, 5) as [number, number, number, number, number])) === 'series') {
      expect(Math.abs(logDeathIntegralWith('series', ...args) - c.value)).toBeLessThan(1e-12 * Math.max(1, Math.abs(c.value)));
    }
  });
});

describe('the choice between series and quadrature', () => {
  // The series is taken when its term count e_q z / (1 - z) + 40 / (-ln z) is at most 600, with
  // z = (p - q) / (p + lo), p = max(alpha, beta), e_q the exponent of the smaller of the two.
  // alpha = 10, beta = 1, lo = 0: z = 0.9, 40 / -ln 0.9 = 379.648..., so e_q = b <= (600 - 379.648) / 9 = 24.4835.
  // alpha = 10, beta = 9: z = 0.1, 40 / -ln 0.1 = 17.3718..., so e_q <= (600 - 17.3718) * 9 = 5243.65.
  // alpha = 1, beta = 10 swaps the roles: e_q = a.
  // alpha = 10, beta = 1, lo = 5: z = 9 / 15 = 0.6, 40 / -ln 0.6 = 78.3043..., so e_q <= (600 - 78.3043) / 1.5 = 347.797.
  it.each([
    [1, 10, 24.48, 1, 0, 'series'],
    [1, 10, 24.49, 1, 0, 'quadrature'],
    [1, 10, 5243, 9, 0, 'series'],
    [1, 10, 5244, 9, 0, 'quadrature'],
    [24.48, 1, 1, 10, 0, 'series'],
    [24.49, 1, 1, 10, 0, 'quadrature'],
    [1, 10, 347.7, 1, 5, 'series'],
    [1, 10, 347.9, 1, 5, 'quadrature'],
    [0.5, 3, 1e6, 3, 0, 'series'], // z = 0: always the series (one term)
  ] as const)('a = %s, alpha = %s, b = %s, beta = %s, lo = %s: %s', (a, alpha, b, beta, lo, branch) => {
    expect(deathIntegralBranch(a, alpha, b, beta, lo)).toBe(branch);
    // And logDeathIntegral takes that branch: identical bits.
    expect(logDeathIntegral(a, alpha, b, beta, lo, lo + 7, fresh()).value).toBe(logDeathIntegralWith(branch, a, alpha, b, beta, lo, lo + 7));
  });
});

describe('properties', () => {
  const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const args = fc
    .tuple(positive(0.05, 60), positive(1e-3, 100), positive(1.01, 4), positive(1e-3, 100), positive(0, 60), positive(1e-6, 60))
    .map(([a, alpha, b, beta, lo, gap]): Args => [a, alpha, b, beta, lo, lo + gap]);

  it('is symmetric in (a, alpha) and (b, beta), gradient included', () => {
    fc.assert(
      fc.property(args, ([a, alpha, b, beta, lo, hi]) => {
        const one = logDeathIntegral(a, alpha, b, beta, lo, hi, fresh());
        const two = logDeathIntegral(b, beta, a, alpha, lo, hi, fresh());
        const close = (u: number, v: number) => Math.abs(u - v) <= 1e-11 * Math.max(1, Math.abs(u));
        return close(one.value, two.value) && close(one.da, two.db) && close(one.db, two.da) && close(one.dAlpha, two.dBeta) && close(one.dBeta, two.dAlpha);
      }),
      { seed: 8, numRuns: 200 },
    );
  });

  it('is additive over adjacent intervals: I(lo, mid) + I(mid, hi) = I(lo, hi)', () => {
    fc.assert(
      fc.property(args, fc.double({ min: 0.01, max: 0.99, noNaN: true }), ([a, alpha, b, beta, lo, hi], share) => {
        const mid = lo + share * (hi - lo);
        fc.pre(mid > lo && mid < hi);
        const whole = logDeathIntegral(a, alpha, b, beta, lo, hi, fresh()).value;
        const left = logDeathIntegral(a, alpha, b, beta, lo, mid, fresh()).value;
        const right = logDeathIntegral(a, alpha, b, beta, mid, hi, fresh()).value;
        const m = Math.max(left, right);
        const sum = m + Math.log(Math.exp(left - m) + Math.exp(right - m));
        return Math.abs(sum - whole) <= 1e-11 * Math.max(1, Math.abs(whole));
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it('has d ln I / d hi = f(hi) / I and d ln I / d lo = -f(lo) / I (the integrand at the ends)', () => {
    const [a, alpha, b, beta, lo, hi]: Args = [2.5, 10, 1.6, 11, 20, 38];
    const h = 1e-5;
    const at = (l: number, u: number) => logDeathIntegral(a, alpha, b, beta, l, u, fresh()).value;
    const lnI = at(lo, hi);
    const lnF = (t: number) => -a * Math.log(alpha + t) - b * Math.log(beta + t);
    expect((at(lo, hi + h) - at(lo, hi - h)) / (2 * h)).toBeCloseTo(Math.exp(lnF(hi) - lnI), 8);
    expect((at(lo + h, hi) - at(lo - h, hi)) / (2 * h)).toBeCloseTo(-Math.exp(lnF(lo) - lnI), 8);
  });
});

describe('bounded work at absurd parameters', () => {
  // From a fit to an impossible history (r + x = 7.8e266, s + 1 = 1.9e87, alpha = 1.6e-19): the
  // integrand decays over u ~ 1e-283, where e^(-u) rounds to 1. Written as 1 - z e^(-u) it looked
  // constant and every evaluation ran all 100,000 panels (2.3 million exponentials, 200 ms); with
  // 1 - z e^(-u) = (1 - z)(1 + t) it decays in a few dozen panels.
  it('ends the quadrature in a few dozen panels and stays finite', () => {
    const spy = vi.spyOn(Math, 'expm1');
    const out: LogIntegral = { value: 0, da: 0, dAlpha: 0, db: 0, dBeta: 0 };
    logDeathIntegral(7.779408344517008e266, 1.619090708164807e-19, 1.8885752228404326e87 + 1, 0.0009679523733006863, 0, 1, out);
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    expect(deathIntegralBranch(7.779408344517008e266, 1.619090708164807e-19, 1.8885752228404326e87 + 1, 0.0009679523733006863, 0)).toBe('quadrature');
    // 11 expm1 calls a panel (10 nodes and the end point)
    expect(calls).toBeLessThan(11 * 200);
    expect(Number.isFinite(out.value)).toBe(true);
  });
});

describe('the series/quadrature choice without logarithms (the common case)', () => {
  // The full rule: series when eq z / (1 - z) + 40 / -ln z <= 600 and -eq ln(1 - z) < 600 (z <= 0.95).
  // The shortcut takes z <= 0.9, eq <= 250 and eq z <= 200 (1 - z) as "series" without the logs;
  // over that region the full rule must say "series" too.
  it('agrees with the full rule wherever it applies (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 0.9, noNaN: true }), fc.double({ min: 1e-6, max: 250, noNaN: true }), (z, eq) => {
        fc.pre(eq * z <= 200 * (1 - z));
        const terms = (eq * z) / (1 - z) + 40 / -Math.log(z);
        expect(terms <= 600 && -eq * Math.log1p(-z) < 600).toBe(true);
      }),
      { seed: 1208, numRuns: 2000 },
    );
  });

  it('leaves the borderline cases to the full rule: z above 0.9 or eq above 250 can go either way', () => {
    // With alpha < beta, e_q is a and z = (beta - alpha) / (beta + lo).
    expect(deathIntegralBranch(300, 1, 2, 10, 0)).toBe('quadrature'); // z = 0.9, eq 300 > 250: full rule, 2,700 terms
    expect(deathIntegralBranch(2, 1, 2, 100, 0)).toBe('quadrature'); // z = 0.99 > 0.95
    expect(deathIntegralBranch(2, 1, 2, 10, 0)).toBe('series'); // z = 0.9, eq 2: the shortcut
    expect(deathIntegralBranch(240, 1, 2, 10, 0)).toBe('quadrature'); // z = 0.9, eq 240 <= 250 but eq z > 200 (1 - z)
  });
});
