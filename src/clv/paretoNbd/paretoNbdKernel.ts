/**
 * Pareto/NBD predictions on checked inputs (no validation here), in the data's time unit.
 *
 * - P(alive | x, t_x, T) = A / (A + D), with A, D the "alive" and "died" terms of the likelihood
 *   (see paretoNbdLikelihood.ts); never 0/0, exactly 1 when t_x = T.
 * - E[Y(t) | x, t_x, T] = (r + x) / (alpha + T) · (beta + T) · h(s - 1, ln(1 + t / (beta + T))) · P(alive),
 *   with h(c, u) = (1 - e^(-c u)) / c and h(0, u) = u, which is the published
 *   (r + x)(beta + T) / ((alpha + T)(s - 1)) · [1 - ((beta + T) / (beta + T + t))^(s - 1)] · P(alive)
 *   written so that s = 1 (and s near 1) needs no special case.
 * - E[X(t)] for a new customer = r / alpha · beta · h(s - 1, ln(1 + t / beta)).
 * - P(X(t) = n) for a new customer = NB(n; r, alpha / (alpha + t)) (beta / (beta + t))^s
 *   + Gamma(r + n) / (Gamma(r) n!) alpha^r s beta^s ∫_0^t τ^n (alpha + τ)^(-(r + n)) (beta + τ)^(-(s + 1)) dτ.
 *   The integral is the death integral for n = 0, and otherwise composite Gauss-Legendre in ln τ.
 * - DERT(δ) = P(alive) · (r + x) / (alpha + T) · (beta + T) · U(1, 2 - s, δ (beta + T))
 *   (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 2, with U(s, s; z) = z^(1 - s) U(1, 2 - s; z)).
 *
 * @internal
 * @module
 */
import { logHypU } from '../../_lib/math/hypU.js';
import { logBeta } from '../../_lib/math/special.js';
import { logDeathIntegral, type LogIntegral } from './paretoNbdIntegral.js';
import { paretoNbdProbabilityAlive } from './paretoNbdLikelihood.js';

export { paretoNbdProbabilityAlive } from './paretoNbdLikelihood.js';

/** The four Pareto/NBD parameters (all > 0). */
export interface ParetoNbdParameters {
  /** Shape of the Gamma distribution of purchase rates across customers. */
  readonly r: number;
  /** Scale parameter of the purchase rates, in the data's time unit (mean rate r / alpha). */
  readonly alpha: number;
  /** Shape of the Gamma distribution of dropout rates across customers. */
  readonly s: number;
  /** Scale parameter of the dropout rates, in the data's time unit (mean dropout rate s / beta). */
  readonly beta: number;
}

/** (1 - e^(-c u)) / c, continuous at c = 0 (value u). */
export function expRatio(c: number, u: number): number {
  const cu = c * u;
  if (Math.abs(cu) < 1e-9) return u * (1 - cu / 2);
  return -Math.expm1(-cu) / c;
}

/** E[purchases in (T, T + t] | x, t_x, T]. */
export function paretoNbdExpectedPurchases(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  const pAlive = paretoNbdProbabilityAlive(r, alpha, s, beta, x, tx, T);
  const bT = beta + T;
  return ((r + x) / (alpha + T)) * bT * expRatio(s - 1, Math.log1p(t / bT)) * pAlive;
}

/** E[X(t)] for a customer who has just made the first purchase. */
export function paretoNbdExpectedPurchasesNewCustomer(r: number, alpha: number, s: number, beta: number, t: number): number {
  if (t === 0) return 0;
  return (r / alpha) * beta * expRatio(s - 1, Math.log1p(t / beta));
}

const GL_X = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
const GL_W = [0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881];
const scratch: LogIntegral = { value: 0, da: 0, dAlpha: 0, db: 0, dBeta: 0 };

/**
 * ln ∫_0^t τ^n (alpha + τ)^(-a) (beta + τ)^(-b) dτ for n >= 1, by composite 10-point Gauss-Legendre in
 * y = ln τ. The log-integrand f(y) = (n + 1) y - a ln(alpha + e^y) - b ln(beta + e^y) is concave, so
 * its peak y* (where f' = 0, or y = ln t when f' > 0 there) is found by bisection, and the panels run
 * from the peak outwards in both directions, each as wide as the local scale 1 / sqrt(-f''(y)) (at
 * most 0.5), until a panel falls below 1e-18 of the sum. (Integrating down from ln t to
 * ln min(alpha, beta, t) - 1 missed the peak where it lies far below: at r = s = 1e8 and
 * alpha = beta = 1e-8 it sits at tau ~ 1e-16, and P(N = n >= 1) came out 0.)
 */
function logPowerIntegral(n: number, a: number, alpha: number, b: number, beta: number, t: number): number {
  const logF = (y: number): number => {
    const tau = Math.exp(y);
    return (n + 1) * y - a * Math.log(alpha + tau) - b * Math.log(beta + tau);
  };
  const slope = (y: number): number => {
    const tau = Math.exp(y);
    return n + 1 - (a * tau) / (alpha + tau) - (b * tau) / (beta + tau);
  };
  const scale = (y: number): number => {
    const tau = Math.exp(y);
    const curvature = (a * alpha * tau) / ((alpha + tau) * (alpha + tau)) + (b * beta * tau) / ((beta + tau) * (beta + tau));
    return Math.min(0.5, 1 / Math.sqrt(curvature));
  };
  const top = Math.log(t);
  let peak = top;
  if (slope(top) < 0) {
    let lo = top - 1;
    for (let step = 1; slope(lo) < 0 && step < 2000; step *= 2) lo = top - step;
    let hi = top;
    for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); i++) {
      const mid = (lo + hi) / 2;
      if (slope(mid) < 0) hi = mid;
      else lo = mid;
    }
    peak = (lo + hi) / 2;
  }
  let ref = logF(peak);
  let sum = 0;
  for (const direction of [-1, 1]) {
    let edge = peak;
    for (let panel = 0; panel < 100000; panel++) {
      let width = scale(edge);
      if (direction === 1) width = Math.min(width, top - edge);
      if (!(width > 0)) break;
      const mid = edge + (direction * width) / 2;
      let part = 0;
      for (let k = 0; k < 5; k++) {
        const dx = (width / 2) * (GL_X[k] as number);
        const w = (width / 2) * (GL_W[k] as number);
        for (let side = -1; side <= 1; side += 2) {
          const v = logF(mid + side * dx);
          if (v > ref) {
            sum *= Math.exp(ref - v);
            part *= Math.exp(ref - v);
            ref = v;
          }
          part += w * Math.exp(v - ref);
        }
      }
      sum += part;
      edge += direction * width;
      if (part <= 1e-18 * sum) break;
    }
  }
  return ref + Math.log(sum);
}

/** P(X(t) = n) for a new customer. */
export function paretoNbdPurchaseCountProbability(r: number, alpha: number, s: number, beta: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  // ln Gamma(r + n) / (Gamma(r) n!) = -ln n - ln B(r, n): no difference of two huge ln Gamma at r = 1e8
  const logCoef = n === 0 ? 0 : -Math.log(n) - logBeta(r, n);
  // Alive at t with n purchases: NB(n; r, alpha / (alpha + t)) (beta / (beta + t))^s.
  const lnAt = Math.log(alpha + t);
  // r ln(alpha / (alpha + t)) as -r log1p(t / alpha): the difference of logs lost 1e-15 x r (3e-7 at r = 1e8)
  const alive = logCoef - r * Math.log1p(t / alpha) + n * (Math.log(t) - lnAt) - s * Math.log1p(t / beta);
  const lnDeath =
    n === 0 ? logDeathIntegral(r, alpha, s + 1, beta, 0, t, scratch).value : logPowerIntegral(n, r + n, alpha, s + 1, beta, t);
  const dead = logCoef + r * Math.log(alpha) + Math.log(s) + s * Math.log(beta) + lnDeath;
  const value = Math.exp(alive) + Math.exp(dead);
  return value > 1 ? 1 : value;
}

/** Discounted expected residual transactions with continuous discount rate delta (> 0) per time unit. */
export function paretoNbdDiscountedExpectedTransactions(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  tx: number,
  T: number,
  delta: number,
): number {
  const pAlive = paretoNbdProbabilityAlive(r, alpha, s, beta, x, tx, T);
  const bT = beta + T;
  return pAlive * ((r + x) / (alpha + T)) * bT * Math.exp(logHypU(1, 2 - s, delta * bT));
}

/** The Pareto/NBD kernel of the generic prediction functions. */
export const paretoNbdKernel = {
  parameterNames: ['r', 'alpha', 's', 'beta'] as const satisfies readonly (keyof ParetoNbdParameters)[],
  probabilityAlive: (p: ParetoNbdParameters, x: number, tx: number, T: number) => paretoNbdProbabilityAlive(p.r, p.alpha, p.s, p.beta, x, tx, T),
  expectedPurchases: (p: ParetoNbdParameters, x: number, tx: number, T: number, t: number) =>
    paretoNbdExpectedPurchases(p.r, p.alpha, p.s, p.beta, x, tx, T, t),
  purchaseCountProbability: (p: ParetoNbdParameters, n: number, t: number) => paretoNbdPurchaseCountProbability(p.r, p.alpha, p.s, p.beta, n, t),
  expectedPurchasesNewCustomer: (p: ParetoNbdParameters, t: number) => paretoNbdExpectedPurchasesNewCustomer(p.r, p.alpha, p.s, p.beta, t),
};
