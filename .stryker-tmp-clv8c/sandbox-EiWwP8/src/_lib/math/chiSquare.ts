/**
 * The chi-square distribution's upper tail, through the regularized incomplete gamma function.
 *
 * ## Method
 * - {@link regularizedGammaQ}: Q(a, x) = Gamma(a, x) / Gamma(a). For x < a + 1 the power series
 *   P(a, x) = x^a e^(-x) / Gamma(a + 1) * sum_n x^n / ((a + 1) ... (a + n)) (all terms positive),
 *   and Q = 1 - P; otherwise the continued fraction
 *   Q(a, x) = x^a e^(-x) / Gamma(a) * 1 / (x + 1 - a - 1 (1 - a) / (x + 3 - a - 2 (2 - a) / (x + 5 - a - ...)))
 *   evaluated with the modified Lentz method. The prefactor is computed in log space with
 *   {@link logGamma}, so it neither overflows nor underflows early.
 * - {@link chiSquareSurvival}: P(X >= x) for X ~ chi-square(df) is Q(df / 2, x / 2).
 *
 * ## Accuracy
 * Checked in `chiSquare.test.ts` against closed forms: for even df, Q(k, y) = e^(-y) sum_{i<k} y^i / i!;
 * for df = 1, erfc(sqrt(x / 2)); and the tabulated 95% and 99% quantiles. Relative error below 1e-12
 * in the tested range (df 1..200, p down to 1e-100).
 *
 * @internal
 * @module
 */
// @ts-nocheck

import { logGamma } from './special.js';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/** The regularized lower incomplete gamma function P(a, x), for a > 0 and x >= 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), for a > 0 and x >= 0. */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

/** P(a, x) by its power series; converges fast for x < a + 1. */
function gammaSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return Math.exp(Math.log(sum) - x + a * Math.log(x) - logGamma(a));
}

/** Q(a, x) by its continued fraction (modified Lentz); converges fast for x >= a + 1. */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/**
 * The upper tail P(X >= x) of a chi-square distribution with `df` degrees of freedom (df > 0): the
 * p-value of a chi-square statistic `x`.
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}
