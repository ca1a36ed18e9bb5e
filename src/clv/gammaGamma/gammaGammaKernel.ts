/**
 * The Gamma-Gamma spend model (Fader & Hardie 2013, note 025; Colombo & Jiang 1999): inputs,
 * log-likelihood with gradient, and the conditional expected spend. No validation.
 *
 * A customer's transaction values are Gamma(p, nu) with nu ~ Gamma(q, gamma) across customers; the
 * mean of x transactions, zbar, then has the density
 *   f(zbar | p, q, gamma, x) = Gamma(p x + q) / (Gamma(p x) Gamma(q)) gamma^q x^(p x) zbar^(p x - 1) / (gamma + x zbar)^(p x + q).
 *
 * @internal
 * @module
 */
import { checkMoney, isPlainMoneyNumber } from '../../_lib/money.js';
import { digamma, logGamma } from '../../_lib/math/special.js';
import { checkNumber, isArrayOrTypedArray, type IssueList } from '../../_lib/validate.js';

/** Gamma-Gamma parameters. */
export interface GammaGammaParameters {
  /** Shape of the Gamma distribution of one transaction's value. */
  readonly p: number;
  /** Shape of the Gamma distribution of the value scale across customers (mean spend exists when q > 1). */
  readonly q: number;
  /** Scale of that distribution, in money units. */
  readonly gamma: number;
}

const PLAIN_AMOUNT = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/;

// Spend rows { frequency, monetaryValue, weight? } to columns of the repeat customers (x > 0).
export function checkSpendRows(rows: unknown, param: string, issues: IssueList): { x: Float64Array; m: Float64Array; w: Float64Array } | undefined {
  if (!Array.isArray(rows)) {
    if (isColumnsObject(rows)) return checkSpendColumns(rows, param, issues);
    issues.add('invalid_type', [param], rows === undefined ? 'is required' : 'must be an array of rows or an object of columns');
    return undefined;
  }
  const xs: number[] = [];
  const ms: number[] = [];
  const ws: number[] = [];
  let ok = true;
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (typeof row !== 'object' || row === null) {
      issues.add('invalid_type', [param, i], 'must be an object with frequency and monetaryValue');
      ok = false;
      continue;
    }
    const r = row as { frequency?: unknown; monetaryValue?: unknown; weight?: unknown };
    const f = checkNumber(r.frequency, [param, i, 'frequency'], { integer: true, min: 0, max: 1e9 }, issues);
    let w = 1;
    if (r.weight !== undefined) {
      if (checkNumber(r.weight, [param, i, 'weight'], { min: 0 }, issues)) w = r.weight;
      else ok = false;
    }
    let value: number | undefined;
    const mv = r.monetaryValue;
    // Plain numbers, and plain decimal strings of at most 30 characters (under decimal.js's 40 digits:
    // Number() reads them exactly as the Decimal would convert, without building one; 1M string
    // amounts: 12 s to 0.1 s), in the money range skip the decimal parse; anything else (including
    // amounts beyond 1e100, refused there) goes through checkMoney.
    const plain = typeof mv === 'number' ? mv : typeof mv === 'string' && mv.length <= 30 && PLAIN_AMOUNT.test(mv) ? Number(mv) : Number.NaN;
    if (isPlainMoneyNumber(plain)) value = plain;
    else {
      const money = checkMoney(r.monetaryValue, [param, i, 'monetaryValue'], issues);
      value = money?.toNumber();
    }
    if (!f || value === undefined) {
      ok = false;
      continue;
    }
    if ((r.frequency as number) === 0) continue;
    if (!(value > 0)) {
      issues.add('too_small', [param, i, 'monetaryValue'], 'must be greater than 0 for a customer with repeat purchases');
      ok = false;
      continue;
    }
    if (w === 0) continue;
    xs.push(r.frequency as number);
    ms.push(value);
    ws.push(w);
  }
  return ok ? { x: Float64Array.from(xs), m: Float64Array.from(ms), w: Float64Array.from(ws) } : undefined;
}

/** A column: an array or a typed array of numbers (not a DataView). */
export type NumberColumn = ArrayLike<number>;

export function isColumn(value: unknown): value is NumberColumn {
  return isArrayOrTypedArray(value);
}

// An object with a `frequency` key and no row-like shape: the caller meant columns.
function isColumnsObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'frequency' in value && 'monetaryValue' in value;
}

// Spend columns { frequency, monetaryValue, weight? } (arrays or typed arrays of numbers, one entry
// per customer) to columns of the repeat customers; every bad entry is reported at
// [param, column, i].
function checkSpendColumns(columns: Record<string, unknown>, param: string, issues: IssueList): { x: Float64Array; m: Float64Array; w: Float64Array } | undefined {
  let ok = true;
  for (const key of Object.keys(columns)) {
    if (key !== 'frequency' && key !== 'monetaryValue' && key !== 'weight') {
      issues.add('unrecognized_key', [param, key], 'is not a spend column (frequency, monetaryValue, weight)');
      ok = false;
    }
  }
  const f = columns.frequency;
  const mv = columns.monetaryValue;
  const wv = columns.weight;
  for (const [key, value] of [['frequency', f], ['monetaryValue', mv], ['weight', wv]] as const) {
    if (value === undefined && key === 'weight') continue;
    if (!isColumn(value)) {
      issues.add('invalid_type', [param, key], value === undefined ? 'is required' : 'must be an array or a typed array of numbers');
      ok = false;
    }
  }
  if (!ok) return undefined;
  const fc = f as NumberColumn;
  const mc = mv as NumberColumn;
  const wc = wv as NumberColumn | undefined;
  const n = fc.length;
  if (mc.length !== n || (wc !== undefined && wc.length !== n)) {
    issues.add('invalid_value', [param], `columns must have the same length (frequency ${n}, monetaryValue ${mc.length}${wc === undefined ? '' : `, weight ${wc.length}`})`);
    return undefined;
  }
  const x = new Float64Array(n);
  const m = new Float64Array(n);
  const w = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const xi = fc[i];
    const mi = mc[i];
    const wi = wc === undefined ? 1 : wc[i];
    let good = true;
    if (!(typeof xi === 'number' && Number.isInteger(xi) && xi >= 0 && xi <= 1e9)) {
      good = checkNumber(xi, [param, 'frequency', i], { integer: true, min: 0, max: 1e9 }, issues);
    }
    if (!(typeof wi === 'number' && Number.isFinite(wi) && wi >= 0)) {
      good = checkNumber(wi, [param, 'weight', i], { min: 0 }, issues) && good;
    }
    let value: number | undefined;
    // Numbers in the money range are taken as they are; other numbers go through checkMoney, which
    // names the problem; a column holds numbers only.
    if (typeof mi === 'number') value = isPlainMoneyNumber(mi) ? mi : checkMoney(mi, [param, 'monetaryValue', i], issues)?.toNumber();
    else issues.add('invalid_type', [param, 'monetaryValue', i], mi === undefined ? 'is required' : 'must be a number (a column holds numbers; decimal strings go in the row form)');
    if (!good || value === undefined) {
      ok = false;
      continue;
    }
    if (xi === 0) continue;
    if (!(value > 0)) {
      issues.add('too_small', [param, 'monetaryValue', i], 'must be greater than 0 for a customer with repeat purchases');
      ok = false;
      continue;
    }
    if (wi === 0) continue;
    x[k] = xi as number;
    m[k] = value;
    w[k] = wi as number;
    k++;
  }
  return ok ? { x: x.slice(0, k), m: m.slice(0, k), w: w.slice(0, k) } : undefined;
}

// Total log-likelihood and its gradient with respect to (p, q, gamma) on the natural scale.
export function gammaGammaLogLikelihood(x: Float64Array, m: Float64Array, w: Float64Array, p: number, q: number, gamma: number, grad: Float64Array | undefined): number {
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  const lgq = logGamma(q);
  const lnGamma = Math.log(gamma);
  const dq = grad === undefined ? 0 : digamma(q);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const zi = m[i] as number;
    const wi = w[i] as number;
    const px = p * xi;
    const lz = Math.log(zi);
    const lden = Math.log(gamma + xi * zi);
    total += wi * (logGamma(px + q) - logGamma(px) - lgq + q * lnGamma + (px - 1) * lz + px * Math.log(xi) - (px + q) * lden);
    if (grad !== undefined) {
      const dpq = digamma(px + q);
      gp += wi * xi * (dpq - digamma(px) + lz + Math.log(xi) - lden);
      gq += wi * (dpq - dq + lnGamma - lden);
      gg += wi * (q / gamma - (px + q) / (gamma + xi * zi));
    }
  }
  if (grad !== undefined) {
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gg;
  }
  return total;
}

/**
 * Spend rows grouped by frequency for {@link gammaGammaGroupedLogLikelihood}: every term of the
 * log-likelihood but ln(gamma + x zbar) depends on a row only through its frequency, so the Gamma
 * functions are evaluated once per distinct frequency and a row costs one logarithm and one division
 * per evaluation. Built once per fit, O(n).
 */
export interface SpendGroups {
  /** The distinct frequencies. */
  readonly xs: Float64Array;
  /** Rows of group g are start[g] .. start[g + 1] - 1 in `xz` and `w`. */
  readonly start: Int32Array;
  /** x zbar per row, grouped. */
  readonly xz: Float64Array;
  /** Weight per row, grouped. */
  readonly w: Float64Array;
  /** Per group: sum of weights. */
  readonly weight: Float64Array;
  /** Per group: sum of w ln zbar. */
  readonly logSpend: Float64Array;
}

/**
 * Groups spend columns by frequency (see {@link SpendGroups}), and merges rows of the same
 * frequency and the same x zbar into one row carrying their summed weight: the likelihood is a sum
 * over customers, so the merged row gives the same sum (up to rounding), and an evaluation costs one
 * logarithm per distinct (x, zbar) instead of one per row (20,000 identical customers cost one).
 */
export function spendGroups(x: Float64Array, m: Float64Array, w: Float64Array): SpendGroups {
  const index = new Map<number, number>();
  const of = new Int32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    let g = index.get(xi);
    if (g === undefined) {
      g = index.size;
      index.set(xi, g);
    }
    of[i] = g;
  }
  const k = index.size;
  const xs = new Float64Array(k);
  for (const [value, g] of index) xs[g] = value;
  const start = new Int32Array(k + 1);
  for (let i = 0; i < x.length; i++) start[(of[i] as number) + 1] = (start[(of[i] as number) + 1] as number) + 1;
  for (let g = 0; g < k; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const fill = start.slice(0, k);
  const xz = new Float64Array(x.length);
  const wg = new Float64Array(x.length);
  const weight = new Float64Array(k);
  const logSpend = new Float64Array(k);
  for (let i = 0; i < x.length; i++) {
    const g = of[i] as number;
    const at = fill[g] as number;
    fill[g] = at + 1;
    const wi = w[i] as number;
    xz[at] = (x[i] as number) * (m[i] as number);
    wg[at] = wi;
    weight[g] = (weight[g] as number) + wi;
    logSpend[g] = (logSpend[g] as number) + wi * Math.log(m[i] as number);
  }
  const groups = { xs, start, xz, w: wg, weight, logSpend };
  return sampleRepeats(xz) ? mergeEqualSpend(groups) : groups;
}

// Whether x zbar values repeat among up to 2,048 rows spread evenly over the data: merging costs
// about 0.2 microseconds a row and pays only where values repeat (amounts in cents over 10^6 rows,
// identical customers); already merged patterns (the SQL path) skip it. Speed only: the merged and
// unmerged likelihoods are the same sum.
function sampleRepeats(xz: Float64Array): boolean {
  const step = Math.max(1, Math.floor(xz.length / 2048));
  const seen = new Set<number>();
  for (let i = 0; i < xz.length; i += step) {
    const v = xz[i] as number;
    if (seen.has(v)) return true;
    seen.add(v);
  }
  return false;
}

// Within each group, rows with the same x zbar become one row with the summed weight (the merged
// rows in ascending x zbar); the group boundaries shrink accordingly. A group is sorted once
// (native Float64Array sort); a group without repeated values is kept as it is, so distinct data
// cost one sort per group. Returns `groups` itself when no two rows of a group share a value.
function mergeEqualSpend(groups: SpendGroups): SpendGroups {
  const { xs, start, xz, w } = groups;
  const outStart = new Int32Array(start.length);
  const outXz = new Float64Array(xz.length);
  const outW = new Float64Array(xz.length);
  let n = 0;
  for (let g = 0; g < xs.length; g++) {
    const from = start[g] as number;
    const to = start[g + 1] as number;
    const sorted = xz.slice(from, to).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i] as number;
    if (distinct === to - from) {
      outXz.set(xz.subarray(from, to), n);
      outW.set(w.subarray(from, to), n);
    } else {
      outXz.set(sorted.subarray(0, distinct), n);
      for (let i = from; i < to; i++) {
        // The row's value is in sorted[0 .. distinct): binary search for its position.
        const v = xz[i] as number;
        let lo = 0;
        let hi = distinct - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((sorted[mid] as number) < v) lo = mid + 1;
          else hi = mid;
        }
        outW[n + lo] = (outW[n + lo] as number) + (w[i] as number);
      }
    }
    n += distinct;
    outStart[g + 1] = n;
  }
  if (n === xz.length) return groups;
  return { ...groups, start: outStart, xz: outXz.slice(0, n), w: outW.slice(0, n) };
}

/** {@link gammaGammaLogLikelihood} on grouped rows: the same sum, O(n) with one log per row. */
export function gammaGammaGroupedLogLikelihood(data: SpendGroups, p: number, q: number, gamma: number, grad: Float64Array | undefined): number {
  const { xs, start, xz, w, weight, logSpend } = data;
  const lgq = logGamma(q);
  const lnGamma = Math.log(gamma);
  const dq = grad === undefined ? 0 : digamma(q);
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let g = 0; g < xs.length; g++) {
    const xi = xs[g] as number;
    const px = p * xi;
    let lden = 0;
    let inv = 0;
    const end = start[g + 1] as number;
    if (grad === undefined) {
      for (let i = start[g] as number; i < end; i++) lden += (w[i] as number) * Math.log(gamma + (xz[i] as number));
    } else {
      for (let i = start[g] as number; i < end; i++) {
        const den = gamma + (xz[i] as number);
        const wi = w[i] as number;
        lden += wi * Math.log(den);
        inv += wi / den;
      }
    }
    const W = weight[g] as number;
    const Z = logSpend[g] as number;
    const lx = Math.log(xi);
    total += W * (logGamma(px + q) - logGamma(px) - lgq + q * lnGamma + px * lx) + (px - 1) * Z - (px + q) * lden;
    if (grad !== undefined) {
      const dpq = digamma(px + q);
      gp += xi * (W * (dpq - digamma(px) + lx) + Z - lden);
      gq += W * (dpq - dq + lnGamma) - lden;
      gg += (W * q) / gamma - (px + q) * inv;
    }
  }
  if (grad !== undefined) {
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gg;
  }
  return total;
}

// E[M | x, zbar] = p (gamma + x zbar) / (p x + q - 1), undefined unless p x + q > 1.
export function conditionalSpend(par: GammaGammaParameters, x: number, zbar: number): number | undefined {
  const denom = par.p * x + par.q - 1;
  if (!(denom > 0)) return undefined;
  return (par.p * (par.gamma + x * zbar)) / denom;
}
