/**
 * The Pareto/NBD log-likelihood (Schmittlein, Morrison & Colombo 1987; Fader & Hardie's note on its
 * derivation) in a form that adds two positive terms:
 *
 *   L(r, alpha, s, beta | x, t_x, T) = Gamma(r + x) alpha^r beta^s / Gamma(r)
 *       × [ (alpha + T)^(-(r + x)) (beta + T)^(-s)  +  s ∫_{t_x}^T (alpha + τ)^(-(r + x)) (beta + τ)^(-(s + 1)) dτ ].
 *
 * The first bracketed term is "still alive at T", the second "died between t_x and T". Both are
 * computed in log space and combined with log-sum-exp; the integral comes from
 * {@link logDeathIntegral} (no subtraction of hypergeometric terms, t_x = T gives exactly zero).
 *
 * @internal
 * @module
 */
import { DoubleIndex } from '../../_lib/doubleIndex.js';
import { digamma, logGamma } from '../../_lib/math/special.js';
import { logDeathIntegral, type LogIntegral } from './paretoNbdIntegral.js';

/** Pareto/NBD parameters as a tuple (r, alpha, s, beta). */
export type ParetoNbdTuple = readonly [r: number, alpha: number, s: number, beta: number];

/**
 * Summaries as parallel arrays (frequency x, recency t_x, age T, weight). The arrays are not changed
 * once made: the likelihood keeps an index of the ages per object.
 */
export interface SummaryColumns {
  /** Repeat purchases. */
  readonly x: Float64Array;
  /** Time of the last purchase since the first. */
  readonly tx: Float64Array;
  /** Time since the first purchase at the end of observation. */
  readonly T: Float64Array;
  /** Number of customers each row stands for. */
  readonly w: Float64Array;
}

const scratch: LogIntegral = { value: 0, da: 0, dAlpha: 0, db: 0, dBeta: 0 };

/** ln Gamma(r + x) - ln Gamma(r), an exact sum for small integer x. */
function logRising(r: number, x: number): number {
  if (x < 48) {
    let value = 0;
    for (let k = 0; k < x; k++) value += Math.log(r + k);
    return value;
  }
  return logGamma(r + x) - logGamma(r);
}

/** d/dr [ln Gamma(r + x) - ln Gamma(r)] = digamma(r + x) - digamma(r). */
function logRisingDerivative(r: number, x: number): number {
  if (x < 48) {
    let d = 0;
    for (let k = 0; k < x; k++) d += 1 / (r + k);
    return d;
  }
  return digamma(r + x) - digamma(r);
}

/**
 * The two bracketed terms in logs: `alive` = ln of the first, `dead` = ln of the second (-Infinity
 * when t_x = T). Shared by the likelihood, P(alive) and the conditional predictions.
 */
export function paretoNbdLogTerms(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): { alive: number; dead: number } {
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const dead = Math.log(s) + logDeathIntegral(r + x, alpha, s + 1, beta, tx, T, scratch).value;
  return { alive, dead };
}

/** P(alive at T | x, t_x, T) = alive / (alive + dead) on the bracketed terms. */
export function paretoNbdProbabilityAlive(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const { alive, dead } = paretoNbdLogTerms(r, alpha, s, beta, x, tx, T);
  // No death term (t_x = T, or one that underflowed): alive, even where the alive term underflowed
  // too (s = 1e308 gives alive = -Infinity, and -Infinity - -Infinity would be NaN).
  if (dead === -Infinity) return 1;
  return 1 / (1 + Math.exp(dead - alive));
}

/** One customer's log-likelihood. */
export function paretoNbdRowLogLikelihood(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const { alive, dead } = paretoNbdLogTerms(r, alpha, s, beta, x, tx, T);
  const m = alive > dead ? alive : dead;
  const bracket = m + Math.log(Math.exp(alive - m) + Math.exp(dead - m));
  return logRising(r, x) + r * Math.log(alpha) + s * Math.log(beta) + bracket;
}

/** Each row's index among the distinct ages, and the distinct ages in order of first appearance. */
export interface AgeIndex {
  readonly index: Int32Array;
  readonly values: Float64Array;
}

/** The age index of each data set, made once (a fit evaluates one set many times). */
const ageIndexes = new WeakMap<SummaryColumns, AgeIndex | null>();

/**
 * The rows' ages indexed, when they repeat: with at most one distinct T in four rows (cohorts);
 * undefined otherwise. Kept per data object, so the arrays must not change once made.
 */
export function ageIndex(data: SummaryColumns): AgeIndex | undefined {
  let entry = ageIndexes.get(data);
  if (entry === undefined) {
    const n = data.T.length;
    const distinct = new DoubleIndex(64);
    const index = new Int32Array(n);
    for (let i = 0; i < n && distinct.size * 4 <= n; i++) index[i] = distinct.add(data.T[i] as number);
    entry = distinct.size * 4 <= n ? { index, values: distinct.distinct() } : null;
    ageIndexes.set(data, entry);
  }
  return entry ?? undefined;
}

/**
 * The weighted total log-likelihood over `data`; when `grad` is given, writes the gradient with
 * respect to (r, alpha, s, beta) into it.
 */
export function paretoNbdLogLikelihood(params: ParetoNbdTuple, data: SummaryColumns, grad?: Float64Array): number {
  const [r, alpha, s, beta] = params;
  const { x, tx, T, w } = data;
  const lnAlpha = Math.log(alpha);
  const lnBeta = Math.log(beta);
  const lnS = Math.log(s);
  let total = 0;
  let gr = 0;
  let ga = 0;
  let gs = 0;
  let gb = 0;
  let totalError = 0;
  let grError = 0;
  let gaError = 0;
  let gsError = 0;
  let gbError = 0;
  // Frequencies repeat across rows: cache the rising-factorial pieces per frequency.
  let maxX = 0;
  for (let i = 0; i < x.length; i++) if ((x[i] as number) > maxX) maxX = x[i] as number;
  // ln(alpha + T) and ln(beta + T) once per distinct T when the ages repeat (cohorts).
  const ages = ageIndex(data);
  const nAges = ages === undefined ? 0 : ages.values.length;
  const lnATs = new Float64Array(nAges);
  const lnBTs = new Float64Array(nAges);
  for (let k = 0; k < nAges; k++) {
    lnATs[k] = Math.log(alpha + ((ages as AgeIndex).values[k] as number));
    lnBTs[k] = Math.log(beta + ((ages as AgeIndex).values[k] as number));
  }
  const cached = maxX <= 1e6;
  const risingCache = cached ? new Float64Array(maxX + 1).fill(Number.NaN) : undefined;
  const risingDCache = cached && grad !== undefined ? new Float64Array(maxX + 1) : undefined;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const Ti = T[i] as number;
    const wi = w[i] as number;
    let rising: number;
    let risingD = 0;
    if (risingCache !== undefined) {
      rising = risingCache[xi] as number;
      if (rising !== rising) {
        rising = logRising(r, xi);
        risingCache[xi] = rising;
        if (risingDCache !== undefined) risingDCache[xi] = logRisingDerivative(r, xi);
      }
      if (risingDCache !== undefined) risingD = risingDCache[xi] as number;
    } else {
      rising = logRising(r, xi);
      if (grad !== undefined) risingD = logRisingDerivative(r, xi);
    }
    const at = ages === undefined ? -1 : (ages.index[i] as number);
    const lnAT = at < 0 ? Math.log(alpha + Ti) : (lnATs[at] as number);
    const lnBT = at < 0 ? Math.log(beta + Ti) : (lnBTs[at] as number);
    const alive = -(r + xi) * lnAT - s * lnBT;
    const integral = logDeathIntegral(r + xi, alpha, s + 1, beta, tx[i] as number, Ti, scratch);
    const dead = lnS + integral.value;
    // No death term: alive, also where the alive term is -Infinity (the difference would be NaN).
    let pAlive: number;
    let bracket: number;
    if (dead === -Infinity) {
      pAlive = 1;
      bracket = alive;
    } else if (alive >= dead) {
      const e = Math.exp(dead - alive);
      pAlive = 1 / (1 + e);
      bracket = alive + Math.log1p(e);
    } else {
      const e = Math.exp(alive - dead);
      pAlive = e / (1 + e);
      bracket = dead + Math.log1p(e);
    }
    // Each sum is carried with its rounding error (TwoSum: s = a + b exactly as s + e), so the
    // totals are accurate to about one rounding of the result instead of one per row: over 400,000
    // rows the plain sums of a log-likelihood near -4e6 were off by about 1e-7, more than the
    // decrease of a step near the optimum, which stalled the line searches there.
    let term = wi * (rising + r * lnAlpha + s * lnBeta + bracket);
    let sum = total + term;
    let back = sum - total;
    totalError += total - (sum - back) + (term - back);
    total = sum;
    if (grad !== undefined) {
      const pDead = 1 - pAlive;
      // The death terms only where dying counts: with pDead = 0 the integral's derivatives may be
      // 0 / 0 (a sum that underflowed) and must not turn the gradient into NaN.
      let deadR = 0;
      let deadAlpha = 0;
      let deadS = 0;
      let deadBeta = 0;
      if (pDead > 0) {
        deadR = pDead * integral.da;
        deadAlpha = pDead * integral.dAlpha;
        deadS = pDead * (1 / s + integral.db);
        deadBeta = pDead * integral.dBeta;
      }
      term = wi * (risingD + lnAlpha - pAlive * lnAT + deadR);
      sum = gr + term;
      back = sum - gr;
      grError += gr - (sum - back) + (term - back);
      gr = sum;
      term = wi * (r / alpha - (pAlive * (r + xi)) / (alpha + Ti) + deadAlpha);
      sum = ga + term;
      back = sum - ga;
      gaError += ga - (sum - back) + (term - back);
      ga = sum;
      term = wi * (lnBeta - pAlive * lnBT + deadS);
      sum = gs + term;
      back = sum - gs;
      gsError += gs - (sum - back) + (term - back);
      gs = sum;
      term = wi * (s / beta - (pAlive * s) / (beta + Ti) + deadBeta);
      sum = gb + term;
      back = sum - gb;
      gbError += gb - (sum - back) + (term - back);
      gb = sum;
    }
  }
  if (grad !== undefined) {
    grad[0] = gr + grError;
    grad[1] = ga + gaError;
    grad[2] = gs + gsError;
    grad[3] = gb + gbError;
  }
  return total + totalError;
}
