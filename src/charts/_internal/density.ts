/**
 * Densities of the mixing distributions of the transaction models, on a grid, for the
 * heterogeneity charts.
 *
 * @internal
 * @module
 */
import { regularizedGammaP } from '../../_lib/math/chiSquare.js';
import { logBeta, logGamma } from '../../_lib/math/special.js';
import { round } from './common.js';

/** A density curve: x, density, plus the mean of the distribution. */
export interface DensityCurve {
  readonly points: { x: number; density: number }[];
  readonly mean: number;
}

/** The p-quantile of Gamma(shape, rate) by bisection on the regularized incomplete gamma function. */
function gammaQuantile(shape: number, rate: number, p: number): number {
  let hi = Math.max((2 * shape) / rate, Number.MIN_VALUE);
  for (let k = 0; k < 2000 && regularizedGammaP(shape, rate * hi) < p; k++) hi *= 2;
  let lo = 0;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (regularizedGammaP(shape, rate * mid) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The Gamma(shape, rate) density (mean shape / rate) at `n` points from 0 to its 99th percentile,
 * skipping 0 itself where the density is infinite (shape < 1). Non-finite values are left out.
 */
export function gammaDensity(shape: number, rate: number, n = 200): DensityCurve {
  const upper = gammaQuantile(shape, rate, 0.99);
  const logNorm = shape * Math.log(rate) - logGamma(shape);
  const points: { x: number; density: number }[] = [];
  for (let k = shape >= 1 ? 0 : 1; k <= n; k++) {
    const x = (upper * k) / n;
    const d = x === 0 ? (shape === 1 ? rate : 0) : Math.exp(logNorm + (shape - 1) * Math.log(x) - rate * x);
    if (Number.isFinite(d)) points.push({ x: round(x, 8), density: round(d, 8) });
  }
  return { points, mean: shape / rate };
}

/** The Beta(a, b) density at `n` points strictly inside (0, 1); non-finite values are left out. */
export function betaDensity(a: number, b: number, n = 200): DensityCurve {
  const lb = logBeta(a, b);
  const points: { x: number; density: number }[] = [];
  for (let k = 1; k < n; k++) {
    const x = k / n;
    const d = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lb);
    if (Number.isFinite(d)) points.push({ x: round(x, 8), density: round(d, 8) });
  }
  return { points, mean: a / (a + b) };
}
