/**
 * Kernels of the beta-geometric/beta-binomial (BG/BB) model of Fader, Hardie & Shang (2010). No
 * validation: fed only by the public functions, which have checked their input.
 *
 * A customer has `n` transaction opportunities after the first one; `x` is the number of them with
 * a transaction and `tx` (recency) the last such opportunity (0 when x = 0). While alive, a customer
 * transacts at each opportunity with probability p ~ Beta(alpha, beta); before each opportunity a
 * customer dies with probability theta ~ Beta(gamma, delta).
 *
 * @internal
 * @module
 */
import { digamma, logBeta, logGamma, logSumExp } from '../../_lib/math/special.js';

/** The four BG/BB parameters. */
export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

/** Distinct (x, tx, n) patterns with their total weight. */
export interface BgBbPatterns {
  x: Float64Array;
  tx: Float64Array;
  n: Float64Array;
  w: Float64Array;
}

/** Merges identical (x, tx, n) rows; weights add up. */
export function compressBgBb(x: ArrayLike<number>, tx: ArrayLike<number>, n: ArrayLike<number>, w: ArrayLike<number> | undefined): BgBbPatterns {
  // Keyed by n, then by x * 1,000,001 + tx (exact: every value is a whole number <= 1,000,000).
  const index = new Map<number, Map<number, number>>();
  const xs: number[] = [];
  const txs: number[] = [];
  const ns: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const weight = w === undefined ? 1 : (w[i] as number);
    if (weight === 0) continue;
    const ni = n[i] as number;
    let inner = index.get(ni);
    if (inner === undefined) {
      inner = new Map();
      index.set(ni, inner);
    }
    const key = (x[i] as number) * 1_000_001 + (tx[i] as number);
    const at = inner.get(key);
    if (at === undefined) {
      inner.set(key, xs.length);
      xs.push(x[i] as number);
      txs.push(tx[i] as number);
      ns.push(ni);
      ws.push(weight);
    } else {
      ws[at] = (ws[at] as number) + weight;
    }
  }
  return { x: Float64Array.from(xs), tx: Float64Array.from(txs), n: Float64Array.from(ns), w: Float64Array.from(ws) };
}

/**
 * ln L for one customer: ln of
 * B(a+x, b+n-x)/B(a,b) * B(g, d+n)/B(g,d) + sum_{i=0}^{n-tx-1} B(a+x, b+tx-x+i)/B(a,b) * B(g+1, d+tx+i)/B(g,d)
 * (Fader, Hardie & Shang 2010, eq. 5), as a log-sum-exp of the positive terms.
 */
export function bgBbLogLikelihoodOne(p: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const terms: number[] = [logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD];
  for (let i = 0; i < n - tx; i++) {
    terms.push(logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) - lbGD);
  }
  return logSumExp(terms);
}

/**
 * Total weighted ln L and its gradient with respect to (ln alpha, ln beta, ln gamma, ln delta).
 * The gradient of each term is a sum of digamma differences; the terms are weighted by their
 * share of the customer's likelihood.
 */
export function bgBbLogLikelihoodAndGradient(p: BgBbParams, data: BgBbPatterns, gradient?: Float64Array): number {
  const { alpha, beta, gamma, delta } = p;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const psiA = digamma(alpha);
  const psiB = digamma(beta);
  const psiAB = digamma(alpha + beta);
  const psiG = digamma(gamma);
  const psiG1 = digamma(gamma + 1);
  const psiD = digamma(delta);
  const psiGD = digamma(gamma + delta);
  let total = 0;
  let gA = 0;
  let gB = 0;
  let gG = 0;
  let gD = 0;
  const logs: number[] = [];
  const dA: number[] = [];
  const dB: number[] = [];
  const dG: number[] = [];
  const dD: number[] = [];
  for (let k = 0; k < data.x.length; k++) {
    const x = data.x[k] as number;
    const tx = data.tx[k] as number;
    const n = data.n[k] as number;
    const w = data.w[k] as number;
    logs.length = 0;
    dA.length = 0;
    dB.length = 0;
    dG.length = 0;
    dD.length = 0;
    const psiAx = digamma(alpha + x);
    // The term "alive through n".
    logs.push(logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD);
    if (gradient !== undefined) {
      const psiABn = digamma(alpha + beta + n);
      const psiGDn = digamma(gamma + delta + n);
      dA.push(psiAx - psiABn - psiA + psiAB);
      dB.push(digamma(beta + n - x) - psiABn - psiB + psiAB);
      dG.push(psiGD - psiGDn);
      dD.push(digamma(delta + n) - psiGDn - psiD + psiGD);
    }
    // The terms "died after opportunity tx + i", i = 0 .. n - tx - 1.
    for (let i = 0; i < n - tx; i++) {
      logs.push(logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) - lbGD);
      if (gradient !== undefined) {
        const psiABm = digamma(alpha + beta + tx + i);
        const psiGDm = digamma(gamma + delta + 1 + tx + i);
        dA.push(psiAx - psiABm - psiA + psiAB);
        dB.push(digamma(beta + tx - x + i) - psiABm - psiB + psiAB);
        dG.push(psiG1 - psiGDm - psiG + psiGD);
        dD.push(digamma(delta + tx + i) - psiGDm - psiD + psiGD);
      }
    }
    const ll = logSumExp(logs);
    total += w * ll;
    if (gradient !== undefined) {
      for (let j = 0; j < logs.length; j++) {
        const share = w * Math.exp((logs[j] as number) - ll);
        gA += share * (dA[j] as number);
        gB += share * (dB[j] as number);
        gG += share * (dG[j] as number);
        gD += share * (dD[j] as number);
      }
    }
  }
  if (gradient !== undefined) {
    gradient[0] = gA * alpha;
    gradient[1] = gB * beta;
    gradient[2] = gG * gamma;
    gradient[3] = gD * delta;
  }
  return total;
}

/**
 * P(alive at opportunity n + 1 | x, tx, n) = B(a+x, b+n-x)/B(a,b) * B(g, d+n+1)/B(g,d) / L
 * (Fader, Hardie & Shang 2010, eq. 11).
 */
export function bgBbProbabilityAliveOne(p: BgBbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const logNumerator = logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + 1) - logBeta(gamma, delta);
  const value = Math.exp(logNumerator - bgBbLogLikelihoodOne(p, x, tx, n));
  return value > 1 ? 1 : value;
}

/**
 * ln of sum_{m=from}^{to} Gamma(d + m) / Gamma(g + d + m), 1 <= from <= to: the survival sum of the
 * BG/BB expectations (B(g, d+m)/B(g,d) is this term times Gamma(g+d)/Gamma(d)).
 *
 * Short sums (up to 1,000 terms) and sums with g within 1e-4 of 1 are added term by term with the
 * ratio (d+m)/(g+d+m) between neighbours (relative error about 1e-15 per term). Longer sums use the
 * telescoped form [f(from) - f(to+1)] / (g - 1) with f(m) = Gamma(d+m)/Gamma(g+d+m-1), whose
 * relative error is at most about 1e-16 * ln Gamma(d+to) / (|g - 1| ln(to/from)), below 1e-6
 * even for a million opportunities.
 */
export function logSurvivalSum(gamma: number, delta: number, from: number, to: number): number {
  const count = to - from + 1;
  const logFirst = logGamma(delta + from) - logGamma(gamma + delta + from);
  if (count <= 1000 || Math.abs(gamma - 1) < 1e-4) {
    let term = 1;
    let sum = 1;
    for (let m = from; m < to; m++) {
      term *= (delta + m) / (gamma + delta + m);
      sum += term;
    }
    return logFirst + Math.log(sum);
  }
  const lf = logGamma(delta + from) - logGamma(gamma + delta + from - 1);
  const ll = logGamma(delta + to + 1) - logGamma(gamma + delta + to);
  // (e^lf - e^ll) / (g - 1) > 0 whichever side of 1 gamma lies on.
  return lf + Math.log(-Math.expm1(ll - lf) / (gamma - 1));
}

/**
 * E[transactions in opportunities n+1 .. n+horizon | x, tx, n]
 * = B(a+x+1, b+n-x)/B(a,b) * sum_{t=1}^{horizon} B(g, d+n+t)/B(g,d) / L
 * (Fader, Hardie & Shang 2010, eq. 13, written as the sum it telescopes from).
 */
export function bgBbExpectedOne(p: BgBbParams, x: number, tx: number, n: number, horizon: number): number {
  if (horizon === 0) return 0;
  const { alpha, beta, gamma, delta } = p;
  // B(g, d+m)/B(g,d) = Gamma(d+m) Gamma(g+d) / (Gamma(g+d+m) Gamma(d)).
  const logSurv = logSurvivalSum(gamma, delta, n + 1, n + horizon) + logGamma(gamma + delta) - logGamma(delta);
  const logNum = logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) + logSurv;
  return Math.exp(logNum - bgBbLogLikelihoodOne(p, x, tx, n));
}

/** E[X(n)] for a new customer: a/(a+b) * sum_{t=1}^{n} B(g, d+t)/B(g,d) (eq. 8). */
export function bgBbExpectedNew(p: BgBbParams, horizon: number): number {
  if (horizon === 0) return 0;
  const { alpha, beta, gamma, delta } = p;
  const logSurv = logSurvivalSum(gamma, delta, 1, horizon) + logGamma(gamma + delta) - logGamma(delta);
  return (alpha / (alpha + beta)) * Math.exp(logSurv);
}

/**
 * P(X(n) = x) for x = 0..n, a new customer (Fader, Hardie & Shang 2010, eq. 7):
 * C(n,x) B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d) + sum_{i=x}^{n-1} C(i,x) B(a+x, b+i-x)/B(a,b) B(g+1, d+i)/B(g,d).
 */
export function bgBbFrequencyProbabilities(p: BgBbParams, n: number): Float64Array {
  const { alpha, beta, gamma, delta } = p;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const out = new Float64Array(n + 1);
  const logs: number[] = [];
  for (let x = 0; x <= n; x++) {
    logs.length = 0;
    logs.push(logChoose(n, x) + logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD);
    for (let i = x; i < n; i++) logs.push(logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB + logBeta(gamma + 1, delta + i) - lbGD);
    out[x] = Math.exp(logSumExp(logs));
  }
  return out;
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
