/**
 * Kernels of the BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel & Filiztekin
 * 2007) models, which differ only in when a customer may drop out: BG/NBD after each repeat
 * purchase, MBG/NBD also right after the first one. Written once with `d` = 0 (BG/NBD) or 1
 * (MBG/NBD). No validation: fed only by the public functions.
 *
 * Purchases while alive: Poisson with rate lambda ~ Gamma(r, alpha) (alpha in the data's time
 * unit); drop-out probability p ~ Beta(a, b).
 *
 * Log-likelihood of one customer (x, tx, T) (Hardie's note 027, "solution 2", generalised by d):
 *   ln L = ln Gamma(r + x) - ln Gamma(r) + r ln alpha + ln B(a, b + x + d) - ln B(a, b)
 *        + logaddexp( -(r + x) ln(alpha + T),  [x > 0 or d = 1] (ln a - ln(b + x + d - 1) - (r + x) ln(alpha + tx)) ).
 * Every factor that overflows in the naive form ((alpha + T)^(r + x), Gamma(r + x)) stays a logarithm.
 *
 * Conditional expectation of purchases in (T, T + t], with c = a + b + x + d - 1, z = t / (alpha + T + t):
 *   E = c / (a - 1) [1 - (1 - z)^(r + x) 2F1(r + x, c - a + 1; c; z)] / D,
 *   D = 1 + [x > 0 or d = 1] a / (b + x + d - 1) ((alpha + T) / (alpha + tx))^(r + x).
 * Euler's transformation turns the bracket into (1 - z)^(a - 1) 2F1(c - r - x, a - 1; c; z); writing
 * its series as 1 + (a - 1) / c V with V = sum_{n >= 1} (A)_n (a)_(n-1) / ((c + 1)_(n-1) n!) z^n and
 * A = c - r - x gives
 *   E = [c h - (1 - z)^(a - 1) V] / D,  h = (1 - (1 - z)^(a - 1)) / (a - 1)  (= -ln(1 - z) at a = 1),
 * which has no pole at c = 0 or a = 1, never takes the log of a negative 2F1, and converges faster
 * as x grows (c grows with x while A does not).
 *
 * @internal
 * @module
 */
import { DoubleIndex } from '../../_lib/doubleIndex.js';
import { digamma as digammaFast, logBeta, logGamma, regularizedBeta } from '../../_lib/math/special.js';
import { isPlainValidHistory } from '../shared/historyInput.js';

/** BG/NBD and MBG/NBD parameters: r, alpha (Gamma purchase rates), a, b (Beta drop-out). */
export interface BgNbdParameters {
  /** Shape of the Gamma distribution of purchase rates. */
  readonly r: number;
  /** Scale parameter of the purchase rates, in the data's time unit (rate = 1 / alpha). */
  readonly alpha: number;
  /** First Beta parameter of the drop-out probability. */
  readonly a: number;
  /** Second Beta parameter of the drop-out probability. */
  readonly b: number;
}

const EPS = 2 ** -53;

// ln of the odds "dropped out after the last purchase" : "alive" is
//   K + (r + x) ln((alpha + T) / (alpha + tx)),  K = ln a - ln(b + x + d - 1),
// and -Infinity when dropping out is impossible (x = 0 for BG/NBD). One logarithm of the ratio per
// customer (rather than two of the sums): as accurate (the ratio is >= 1 and rounded once) and the
// cheapest form for the batch paths, which cache K per frequency. Every path uses this association,
// so the scalar and batch results are identical.
function logDeathOddsBase(p: BgNbdParameters, d: number, x: number): number {
  if (x === 0 && d === 0) return -Infinity;
  return Math.log(p.a) - Math.log(p.b + (x + d - 1));
}

function logDeathOddsFrom(base: number, r: number, alpha: number, x: number, tx: number, T: number): number {
  return base === -Infinity ? base : base + (r + x) * Math.log((alpha + T) / (alpha + tx));
}

function logDeathOdds(p: BgNbdParameters, d: number, x: number, tx: number, T: number): number {
  return logDeathOddsFrom(logDeathOddsBase(p, d, x), p.r, p.alpha, x, tx, T);
}

// 1 / (1 + e^lo) without overflow: exactly 0 when e^-lo underflows, 1 at lo = -Infinity.
function aliveShare(lo: number): number {
  if (lo > 0) {
    const e = Math.exp(-lo);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(lo));
}

function probabilityAlive(p: BgNbdParameters, d: number, x: number, tx: number, T: number): number {
  return aliveShare(logDeathOdds(p, d, x, tx, T));
}

// K for frequency x, from `cached` when x < 4,096 (computed and marked in `known` on first use).
function cachedBase(p: BgNbdParameters, d: number, x: number, cached: Float64Array, known: Uint8Array): number {
  if (x >= 4096) return logDeathOddsBase(p, d, x);
  if (known[x] === 0) {
    cached[x] = logDeathOddsBase(p, d, x);
    known[x] = 1;
  }
  return cached[x] as number;
}

// P(alive) of many customers: K = ln a - ln(b + x + d - 1) is cached per whole frequency below 4,096
// (frequencies are small whole numbers), so each customer costs one division, one log and one exp.
// Identical to probabilityAlive customer by customer.
function probabilityAliveMany(p: BgNbdParameters, d: number, x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array): void {
  const { r, alpha } = p;
  const n = x.length;
  const cached = new Float64Array(4096);
  const known = new Uint8Array(4096);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const base = cachedBase(p, d, xi, cached, known);
    out[i] = aliveShare(logDeathOddsFrom(base, r, alpha, xi, tx[i] as number, T[i] as number));
  }
}

// probabilityAliveMany over unchecked columns: each entry is checked (isPlainValidHistory) in the
// same loop as its formula, where the comparisons cost next to nothing beside the log and the exp.
// Returns false at the first entry that is not plainly valid (out is then partly written).
function probabilityAliveManyChecked(p: BgNbdParameters, d: number, x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array): boolean {
  const { r, alpha } = p;
  const n = x.length;
  if (tx.length !== n || T.length !== n || out.length !== n) return false;
  const cached = new Float64Array(4096);
  const known = new Uint8Array(4096);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const txi = tx[i] as number;
    const Ti = T[i] as number;
    if (!isPlainValidHistory(xi, txi, Ti)) return false;
    out[i] = aliveShare(logDeathOddsFrom(cachedBase(p, d, xi, cached, known), r, alpha, xi, txi, Ti));
  }
  return true;
}

// V = sum_{n >= 1} (A)_n (a)_(n-1) / ((c + 1)_(n-1) n!) z^n, and the largest |term| met: when
// A = c - r - x is large and negative (a large r: a near-homogeneous customer base) and |A| z is
// large, the terms alternate and grow to e^(|A| z) before cancelling, and the sum keeps no digit.
function seriesV(A: number, a: number, c: number, z: number): [number, number] {
  let term = A * z;
  let sum = term;
  let largest = Math.abs(term);
  for (let n = 1; n < 5_000_000; n++) {
    term *= ((A + n) * (a + n - 1) * z) / ((c + n) * (n + 1));
    sum += term;
    const size = Math.abs(term);
    if (size > largest) largest = size;
    if (!Number.isFinite(sum)) break;
    const rho = Math.max(Math.abs(((A + n + 1) * (a + n) * z) / ((c + n + 1) * (n + 2))), z);
    if (term === 0 || (rho < 1 && n + 1 > -A && size * rho <= EPS * (1 - rho) * Math.abs(sum))) break;
  }
  return [sum, largest];
}

// The part of the conditional expectation that does not depend on recency: c h - (1 - z)^(a - 1) V.
export function numerator(p: BgNbdParameters, d: number, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const c = a + b + x + d - 1;
  const L = Math.log1p(t / (alpha + T)); // -ln(1 - z)
  const z = t / (alpha + T + t);
  const u = (a - 1) * L;
  const h = Math.abs(u) < 1e-8 ? L * (1 - u / 2) : -Math.expm1(-u) / (a - 1);
  const [V, largest] = seriesV(c - r - x, a, c, z);
  const value = c * h - Math.exp(-u) * V;
  // Rounding in the series is about EPS times its largest term; when that is not small beside the
  // result, integrate over the drop-out probability instead.
  if (!Number.isFinite(value) || !(largest * Math.exp(-u) * 1e-16 <= 1e-10 * Math.abs(value))) return numeratorByQuadrature(p, d, x, T, t);
  return value;
}

/**
 * The same numerator as an integral over the drop-out probability q ~ Beta(a, b + x + d) (its
 * posterior): with the purchase rate lambda ~ Gamma(r + x, alpha + T) integrated out in closed form,
 * E[(1 - e^(-lambda q t)) / q] = int_0^1 (1 - (1 + q s)^-(r + x)) / q Beta(q; a, b + x + d) dq, s = t / (alpha + T).
 * The integrand is positive and bounded ((r + x) s at q = 0), so nothing cancels whatever r is.
 * Double-exponential (tanh-sinh) quadrature on (0, 1), which absorbs the endpoint singularities of
 * the Beta density; the step is halved until two estimates agree to 1e-12.
 */
export function numeratorByQuadrature(p: BgNbdParameters, d: number, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const R = r + x;
  const bb = b + x + d;
  const s = t / (alpha + T);
  const lbeta = logBeta(a, bb);
  // q = 1 / (1 + e^-v), v = (pi/2) sinh(w): q and 1 - q without cancellation near either end.
  const f = (w: number): number => {
    const v = (Math.PI / 2) * Math.sinh(w);
    const dv = (Math.PI / 2) * Math.cosh(w);
    const lq = -Math.log1p(Math.exp(-v)); // ln q
    const l1q = -Math.log1p(Math.exp(v)); // ln (1 - q)
    const q = Math.exp(lq);
    // dq/dv = q (1 - q)
    const logDensityTimesJacobian = a * lq + bb * l1q - lbeta;
    if (logDensityTimesJacobian < -745) return 0;
    const g = q * s < 1e-300 ? R * s : -Math.expm1(-R * Math.log1p(q * s)) / q;
    return g * Math.exp(logDensityTimesJacobian) * dv;
  };
  // Beyond |w| = 6.5 (q below e^-1042 or above 1 - e^-1042) the integrand is its limit at the
  // end, (r + x) s at q = 0 and 1 - (1 + s)^-(r + x) at q = 1, times the Beta mass there, which
  // matters for a tiny a or b: P(Q < e^-V) = e^(-a V) / (a B(a, b')) to first order (and alike).
  const V = (Math.PI / 2) * Math.sinh(6.5);
  const tails = R * s * Math.exp(-a * V - Math.log(a) - lbeta) - Math.expm1(-R * Math.log1p(s)) * Math.exp(-bb * V - Math.log(bb) - lbeta);
  let h = 0.5;
  let previous = Number.NaN;
  for (let level = 0; level < 12; level++) {
    let sum = f(0);
    for (let k = 1; k * h <= 6.5; k++) sum += f(k * h) + f(-k * h);
    const estimate = sum * h + tails;
    if (Math.abs(estimate - previous) <= 1e-12 * Math.abs(estimate)) return estimate;
    previous = estimate;
    h /= 2;
  }
  return previous;
}

// Numerator / D with D = 1 + e^lo, without overflow; clamped at 0 against rounding.
function divide(num: number, lo: number): number {
  const value = lo === -Infinity ? num : num * aliveShare(lo);
  return value > 0 ? value : 0;
}

function expectedPurchases(p: BgNbdParameters, d: number, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  return divide(numerator(p, d, x, T, t), logDeathOdds(p, d, x, tx, T));
}

// Many customers: the series depends on (x, T) only, so customers sharing them (cohorts observed for
// the same time) share it; recency enters only through the denominator.
function expectedPurchasesMany(p: BgNbdParameters, d: number, x: Float64Array, tx: Float64Array, T: Float64Array, t: number, out: Float64Array): void {
  const n = x.length;
  if (t === 0) {
    out.fill(0);
    return;
  }
  const slots = historySlots(x, T);
  const cache = new Float64Array(slots.count);
  const base = new Float64Array(slots.count);
  for (let j = 0; j < slots.count; j++) {
    cache[j] = numerator(p, d, slots.x[j] as number, slots.T[j] as number, t);
    base[j] = logDeathOddsBase(p, d, slots.x[j] as number);
  }
  const { r, alpha } = p;
  const slotOf = slots.slot;
  for (let i = 0; i < n; i++) {
    const slot = slotOf[i] as number;
    out[i] = divide(cache[slot] as number, logDeathOddsFrom(base[slot] as number, r, alpha, x[i] as number, tx[i] as number, T[i] as number));
  }
}

/** The distinct (x, T) of the customers, in order of first appearance, and each customer's slot. */
interface HistorySlots {
  readonly slot: Int32Array;
  readonly x: Float64Array;
  readonly T: Float64Array;
  readonly count: number;
}

function historySlots(x: Float64Array, T: Float64Array): HistorySlots {
  const n = x.length;
  let maxX = 0;
  for (let i = 0; i < n; i++) if ((x[i] as number) > maxX) maxX = x[i] as number;
  const stride = maxX + 1;
  const ages = new DoubleIndex(64);
  const slotOf = new Int32Array(n);
  for (let i = 0; i < n; i++) slotOf[i] = ages.add(T[i] as number);
  // Slot of (x, T): a dense table when it is small, a hash index otherwise.
  const cells = ages.size * stride;
  const dense = cells <= 4_000_000 ? new Int32Array(cells).fill(-1) : undefined;
  const keys = dense === undefined ? new DoubleIndex(64) : undefined;
  let xs = new Float64Array(64);
  let Ts = new Float64Array(64);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const cell = (slotOf[i] as number) * stride + xi;
    let slot: number;
    if (dense !== undefined) {
      slot = dense[cell] as number;
      if (slot === -1) {
        slot = count;
        dense[cell] = slot;
      }
    } else slot = (keys as DoubleIndex).add(cell);
    if (slot === count) {
      // Slots are dense, in order of first appearance: a new key gets the next one.
      if (slot === xs.length) {
        const grownX = new Float64Array(xs.length * 2);
        grownX.set(xs);
        xs = grownX;
        const grownT = new Float64Array(Ts.length * 2);
        grownT.set(Ts);
        Ts = grownT;
      }
      xs[slot] = xi;
      Ts[slot] = T[i] as number;
      count += 1;
    }
    slotOf[i] = slot;
  }
  return { slot: slotOf, x: xs, T: Ts, count };
}

/**
 * Expected purchases of every customer at each of several horizons, equal to expectedPurchasesMany
 * at each (bit for bit): P(alive) and the (x, T) slots are computed once, the series once per slot
 * and horizon, so each further horizon costs one multiplication per customer. `each(k, values)` is
 * called in the order of `times`; `values` is reused between calls.
 */
function expectedPurchasesAtTimes(
  p: BgNbdParameters,
  d: number,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  times: readonly number[],
  each: (k: number, values: Float64Array) => void,
): void {
  const n = x.length;
  const values = new Float64Array(n);
  const slots = historySlots(x, T);
  const alive = new Float64Array(n);
  probabilityAliveMany(p, d, x, tx, T, alive);
  const numerators = new Float64Array(slots.count);
  const slotOf = slots.slot;
  for (let k = 0; k < times.length; k++) {
    // At t = 0 the numerator is exactly 0 (no series term), so every value is 0 as in the batch path.
    const t = times[k] as number;
    for (let j = 0; j < slots.count; j++) {
      const v = numerator(p, d, slots.x[j] as number, slots.T[j] as number, t);
      numerators[j] = v > 0 ? v : 0;
    }
    for (let i = 0; i < n; i++) values[i] = (numerators[slotOf[i] as number] as number) * (alive[i] as number);
    each(k, values);
  }
}

// ln of the NB (Poisson-Gamma) probability of j purchases in t while alive.
function logNbPmf(r: number, alpha: number, j: number, t: number): number {
  return logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * (Math.log(alpha) - Math.log(alpha + t)) + (j === 0 ? 0 : j * (Math.log(t) - Math.log(alpha + t)));
}

// P(N(t) >= n) for the NB count: the regularized incomplete beta I_q(n, r), q = t / (alpha + t).
function nbTail(r: number, alpha: number, n: number, t: number): number {
  if (n <= 0) return 1;
  if (t === 0) return 0;
  return regularizedBeta(t / (alpha + t), n, r);
}

function purchaseCountProbability(p: BgNbdParameters, d: number, n: number, t: number): number {
  // b + (n + d - 1): whole numbers first, so a tiny b is not rounded to (b + 1) - 1 (found by the edges suite)
  const { r, alpha, a, b } = p;
  const lbab = logBeta(a, b);
  const alive = t === 0 ? (n === 0 ? Math.exp(logBeta(a, b + d) - lbab) : 0) : Math.exp(logBeta(a, b + n + d) - lbab + logNbPmf(r, alpha, n, t));
  const dead = n === 0 && d === 0 ? 0 : Math.exp(logBeta(a + 1, b + (n + d - 1)) - lbab) * nbTail(r, alpha, n, t);
  const value = alive + dead;
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/**
 * The data of a fit, compressed once: distinct T values, distinct recency values, distinct x values,
 * and the distinct (x, recency, T) patterns with their total weights. Per evaluation the logarithms
 * ln(alpha + T) and ln(alpha + t_x) are computed once per distinct value, the Gamma and Beta terms
 * once per distinct x, and the mixture once per pattern.
 */
export interface LikelihoodData {
  /** Distinct T values. */
  readonly Tv: Float64Array;
  /** Distinct recency values (with continuous recency: one per repeat customer, see {@link likelihoodData}). */
  readonly txv: Float64Array;
  /** Distinct x values. */
  readonly xs: Float64Array;
  /** Total weight per distinct x. */
  readonly wx: Float64Array;
  /** Per pattern: index into xs. */
  readonly pX: Int32Array;
  /** Per pattern: index into txv. */
  readonly pTx: Int32Array;
  /** Per pattern: index into Tv. */
  readonly pT: Int32Array;
  /** Per pattern: total weight. */
  readonly pW: Float64Array;
  /**
   * Work space of the likelihood, sized to the distinct values (reused by every evaluation, so that
   * an optimizer's dozens of evaluations on a million customers do not allocate).
   */
  readonly scratch: LikelihoodScratch;
}

/** Work arrays of {@link logLikelihoodAndGradient}. */
export interface LikelihoodScratch {
  readonly lnK: Float64Array;
  readonly dKdb: Float64Array;
  readonly LT: Float64Array;
  readonly IT: Float64Array;
  readonly LX: Float64Array;
  readonly IX: Float64Array;
}

function indexValues(values: Float64Array, expected: number): { index: Int32Array; distinct: Float64Array } {
  const map = new DoubleIndex(expected);
  const index = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) index[i] = map.add(values[i] as number);
  return { index, distinct: map.distinct() };
}

// Whole numbers >= 0 (the frequencies) indexed through a dense table when their range is moderate.
function indexCounts(values: Float64Array): { index: Int32Array; distinct: Float64Array } {
  let max = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  if (max > 4 * values.length + 1024) return indexValues(values, 1024);
  const table = new Int32Array(max + 1).fill(-1);
  const index = new Int32Array(values.length);
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let k = table[v] as number;
    if (k === -1) {
      k = distinct.length;
      table[v] = k;
      distinct.push(v);
    }
    index[i] = k;
  }
  return { index, distinct: Float64Array.from(distinct) };
}

/**
 * Builds the compressed likelihood data from columns (rows of weight 0 are dropped).
 *
 * Two ways to find the patterns. Normally every recency value is indexed and identical
 * (x, recency, T) rows are merged through a hash of their indices. When recency is continuous
 * (timestamps rather than days), nearly every repeat customer has a recency of their own, so that
 * indexing merges almost nothing and costs two hash passes over every row; then (decided from a
 * sample of the first repeat customers, on inputs of at least {@link CONTINUOUS_MIN_ROWS} rows)
 * each repeat customer is a pattern of their own and only the customers without repeat purchases
 * (recency 0) are merged, by T. Both give the same likelihood; only the number of patterns differs.
 */
export function likelihoodData(x: Float64Array, tx: Float64Array, T: Float64Array, w: Float64Array): LikelihoodData {
  const ix = indexCounts(x);
  const iT = indexValues(T, 1024);
  if (x.length >= CONTINUOUS_MIN_ROWS && recencyLooksContinuous(x, tx, w)) return continuousData(x, tx, w, ix, iT);
  const itx = indexValues(tx, Math.min(tx.length, 1 << 20));
  const nTx = itx.distinct.length;
  const nT = iT.distinct.length;
  const wx = new Float64Array(ix.distinct.length);
  // Pattern keys are exact integers below 2^53; beyond that (never in practice) rows stay uncompressed.
  const exactKeys = ix.distinct.length * nTx * nT < 2 ** 53;
  const patterns = new DoubleIndex(Math.min(x.length, 1 << 20));
  const pX = new Int32Array(x.length);
  const pTx = new Int32Array(x.length);
  const pT = new Int32Array(x.length);
  const pW = new Float64Array(x.length);
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const a = ix.index[i] as number;
    const b = itx.index[i] as number;
    const c = iT.index[i] as number;
    wx[a] = (wx[a] as number) + wi;
    const k = exactKeys ? patterns.add((a * nTx + b) * nT + c) : count;
    if (k === count) {
      pX[k] = a;
      pTx[k] = b;
      pT[k] = c;
      count += 1;
    }
    pW[k] = (pW[k] as number) + wi;
  }
  return withScratch(iT.distinct, itx.distinct, ix.distinct, wx, pX.subarray(0, count), pTx.subarray(0, count), pT.subarray(0, count), pW.subarray(0, count));
}

/** Inputs with fewer rows always take the indexing path (cheap at that size). */
export const CONTINUOUS_MIN_ROWS = 100_000;
// Sample size and the share of distinct recency values above which recency counts as continuous.
const SAMPLE = 2048;
const DISTINCT_SHARE = 0.75;

function recencyLooksContinuous(x: Float64Array, tx: Float64Array, w: Float64Array): boolean {
  const seen = new DoubleIndex(2 * SAMPLE);
  let sampled = 0;
  for (let i = 0; i < x.length && sampled < SAMPLE; i++) {
    if ((x[i] as number) > 0 && (w[i] as number) > 0) {
      seen.add(tx[i] as number);
      sampled += 1;
    }
  }
  return sampled === SAMPLE && seen.size > DISTINCT_SHARE * SAMPLE;
}

// One pattern per repeat customer; customers with x = 0 and recency 0 merged by T.
function continuousData(
  x: Float64Array,
  tx: Float64Array,
  w: Float64Array,
  ix: { index: Int32Array; distinct: Float64Array },
  iT: { index: Int32Array; distinct: Float64Array },
): LikelihoodData {
  const n = x.length;
  const nT = iT.distinct.length;
  const wx = new Float64Array(ix.distinct.length);
  const byT = new Int32Array(nT).fill(-1);
  const pX = new Int32Array(n);
  const pTx = new Int32Array(n);
  const pT = new Int32Array(n);
  const pW = new Float64Array(n);
  // txv[0] = 0 serves every merged row; each other pattern has its own entry.
  const txv = new Float64Array(n + 1);
  let nTx = 1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const a = ix.index[i] as number;
    const c = iT.index[i] as number;
    wx[a] = (wx[a] as number) + wi;
    const recency = tx[i] as number;
    if ((x[i] as number) === 0 && recency === 0) {
      let k = byT[c] as number;
      if (k === -1) {
        k = count;
        byT[c] = k;
        pX[k] = a;
        pTx[k] = 0;
        pT[k] = c;
        count += 1;
      }
      pW[k] = (pW[k] as number) + wi;
      continue;
    }
    txv[nTx] = recency;
    pX[count] = a;
    pTx[count] = nTx;
    pT[count] = c;
    pW[count] = wi;
    nTx += 1;
    count += 1;
  }
  // Views, not copies: a million-row fit allocates 11 MB less (fewer full garbage collections).
  return withScratch(iT.distinct, txv.subarray(0, nTx), ix.distinct, wx, pX.subarray(0, count), pTx.subarray(0, count), pT.subarray(0, count), pW.subarray(0, count));
}

function withScratch(Tv: Float64Array, txv: Float64Array, xs: Float64Array, wx: Float64Array, pX: Int32Array, pTx: Int32Array, pT: Int32Array, pW: Float64Array): LikelihoodData {
  const k = xs.length;
  return {
    Tv,
    txv,
    xs,
    wx,
    pX,
    pTx,
    pT,
    pW,
    scratch: {
      lnK: new Float64Array(k),
      dKdb: new Float64Array(k),
      LT: new Float64Array(Tv.length),
      IT: new Float64Array(Tv.length),
      LX: new Float64Array(txv.length),
      IX: new Float64Array(txv.length),
    },
  };
}

/**
 * Total log-likelihood at (r, alpha, a, b) and its gradient with respect to (ln r, ln alpha, ln a,
 * ln b), written into `grad`.
 */
export function logLikelihoodAndGradient(data: LikelihoodData, d: number, r: number, alpha: number, a: number, b: number, grad: Float64Array | undefined): number {
  const { Tv, txv, xs, wx, pX, pTx, pT, pW } = data;
  const { lnK, dKdb, LT, IT, LX, IX } = data.scratch;
  const k = xs.length;
  let total = 0;
  let gr = 0;
  let galpha = 0;
  let ga = 0;
  let gb = 0;
  const lnAlpha = Math.log(alpha);
  const lgr = logGamma(r);
  const lgab = logGamma(a + b);
  const lgb = logGamma(b);
  const lnA = Math.log(a);
  const withGrad = grad !== undefined;
  const dgr = withGrad ? digammaFast(r) : 0;
  const dgab = withGrad ? digammaFast(a + b) : 0;
  const dgb = withGrad ? digammaFast(b) : 0;
  for (let s = 0; s < k; s++) {
    const xv = xs[s] as number;
    const weight = wx[s] as number;
    if (weight === 0) continue;
    total += weight * (logGamma(r + xv) - lgr + r * lnAlpha + lgab + logGamma(b + xv + d) - lgb - logGamma(a + b + xv + d));
    lnK[s] = xv === 0 && d === 0 ? -Infinity : lnA - Math.log(b + (xv + d - 1));
    dKdb[s] = xv === 0 && d === 0 ? 0 : -1 / (b + (xv + d - 1));
    if (withGrad) {
      gr += weight * (digammaFast(r + xv) - dgr + lnAlpha);
      galpha += (weight * r) / alpha;
      const abx = digammaFast(a + b + xv + d);
      ga += weight * (dgab - abx);
      gb += weight * (dgab + digammaFast(b + xv + d) - dgb - abx);
    }
  }
  for (let j = 0; j < Tv.length; j++) {
    LT[j] = Math.log(alpha + (Tv[j] as number));
    IT[j] = 1 / (alpha + (Tv[j] as number));
  }
  for (let j = 0; j < txv.length; j++) {
    LX[j] = Math.log(alpha + (txv[j] as number));
    IX[j] = 1 / (alpha + (txv[j] as number));
  }
  const n = pW.length;
  for (let i = 0; i < n; i++) {
    const wi = pW[i] as number;
    const s = pX[i] as number;
    const rx = r + (xs[s] as number);
    const jT = pT[i] as number;
    const lT = LT[jT] as number;
    const u3 = -rx * lT;
    const lk = lnK[s] as number;
    if (lk === -Infinity) {
      total += wi * u3;
      if (withGrad) {
        gr -= wi * lT;
        galpha -= wi * rx * (IT[jT] as number);
      }
      continue;
    }
    const jX = pTx[i] as number;
    const ltx = LX[jX] as number;
    const u4 = lk - rx * ltx;
    const diff = u4 - u3;
    let w4: number;
    if (diff > 0) {
      const e = Math.exp(-diff);
      total += wi * (u4 + Math.log1p(e));
      w4 = 1 / (1 + e);
    } else {
      const e = Math.exp(diff);
      total += wi * (u3 + Math.log1p(e));
      w4 = e / (1 + e);
    }
    if (withGrad) {
      const w3 = 1 - w4;
      gr -= wi * (w3 * lT + w4 * ltx);
      galpha -= wi * rx * (w3 * (IT[jT] as number) + w4 * (IX[jX] as number));
      ga += (wi * w4) / a;
      gb += wi * w4 * (dKdb[s] as number);
    }
  }
  if (grad !== undefined) {
    grad[0] = gr * r;
    grad[1] = galpha * alpha;
    grad[2] = ga * a;
    grad[3] = gb * b;
  }
  return total;
}

/** The BG/NBD kernel (d = 0). */
export const bgNbdKernel = {
  parameterNames: ['r', 'alpha', 'a', 'b'] as const satisfies readonly (keyof BgNbdParameters)[],
  probabilityAlive: (p: BgNbdParameters, x: number, tx: number, T: number) => probabilityAlive(p, 0, x, tx, T),
  probabilityAliveBatch: (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array) => probabilityAliveMany(p, 0, x, tx, T, out),
  probabilityAliveBatchChecked: (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array) =>
    probabilityAliveManyChecked(p, 0, x, tx, T, out),
  expectedPurchases: (p: BgNbdParameters, x: number, tx: number, T: number, t: number) => expectedPurchases(p, 0, x, tx, T, t),
  purchaseCountProbability: (p: BgNbdParameters, n: number, t: number) => purchaseCountProbability(p, 0, n, t),
  expectedPurchasesNewCustomer: (p: BgNbdParameters, t: number) => expectedPurchases(p, 0, 0, 0, 0, t),
  expectedPurchasesBatch: (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, t: number, out: Float64Array) =>
    expectedPurchasesMany(p, 0, x, tx, T, t, out),
  expectedPurchasesAtTimes: (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, times: readonly number[], each: (k: number, values: Float64Array) => void) =>
    expectedPurchasesAtTimes(p, 0, x, tx, T, times, each),
};

/** The MBG/NBD kernel (d = 1). */
export const mbgNbdKernel = {
  parameterNames: ['r', 'alpha', 'a', 'b'] as const satisfies readonly (keyof BgNbdParameters)[],
  probabilityAlive: (p: BgNbdParameters, x: number, tx: number, T: number) => probabilityAlive(p, 1, x, tx, T),
  probabilityAliveBatch: (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array) => probabilityAliveMany(p, 1, x, tx, T, out),
  probabilityAliveBatchChecked: (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, out: Float64Array) =>
    probabilityAliveManyChecked(p, 1, x, tx, T, out),
  expectedPurchases: (p: BgNbdParameters, x: number, tx: number, T: number, t: number) => expectedPurchases(p, 1, x, tx, T, t),
  purchaseCountProbability: (p: BgNbdParameters, n: number, t: number) => purchaseCountProbability(p, 1, n, t),
  expectedPurchasesNewCustomer: (p: BgNbdParameters, t: number) => expectedPurchases(p, 1, 0, 0, 0, t),
  expectedPurchasesBatch: (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, t: number, out: Float64Array) =>
    expectedPurchasesMany(p, 1, x, tx, T, t, out),
  expectedPurchasesAtTimes: (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, times: readonly number[], each: (k: number, values: Float64Array) => void) =>
    expectedPurchasesAtTimes(p, 1, x, tx, T, times, each),
};
