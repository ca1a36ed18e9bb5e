/**
 * Value arrays shared by the segmentation functions: validation with a fast path for plain numbers,
 * sorting, and the cumulative sums that the Lorenz curve, the Gini coefficient and the Pareto shares
 * are read from.
 *
 * Exactness: money inputs (strings, Decimals, or arrays that mix them with numbers) are summed with
 * decimal.js, exactly. Arrays of plain numbers (and typed arrays) take a fast path: a Float64Array
 * copy, the engine's numeric sort, and Kahan-compensated sums, whose error does not grow with n
 * (a few roundings of the exact sum of the doubles). Should a sum of numbers overflow, the Decimal
 * path is used.
 *
 * @internal
 * @module
 */
import { checkMoney, Money, type Decimal } from '../../_lib/money.js';
import type { MoneyInput, NumericArray } from '../../types.js';
import { checkNumberArray, type IssueList } from '../../_lib/validate.js';
import { radixOrder } from '../../_lib/radixOrder.js';

/**
 * Customer values as callers pass them: an array of amounts (numbers, decimal strings such as
 * `'12.50'`, or `Decimal`s, mixed freely), or a typed array of numbers (the fast path).
 */
export type ValuesInput = readonly MoneyInput[] | Exclude<NumericArray, readonly number[]>;

/**
 * Validated values: a Float64Array copy on the fast path; whole numbers of units of 10^-scale for
 * money strings (and numbers mixed with them) that fit (see {@link Units}); Decimals otherwise.
 */
export type ReadValues =
  | { readonly kind: 'number'; readonly data: Float64Array }
  | { readonly kind: 'units'; readonly data: Float64Array; readonly scale: number }
  | { readonly kind: 'money'; readonly data: Decimal[] };

/**
 * Values as exact whole numbers of units of 10^-scale held in doubles: every value and every sum of
 * them stays below 2^53 in magnitude, so additions and comparisons of units are exact, the same
 * results as decimal.js gives on the values themselves, at the speed of doubles.
 */
export interface Units {
  /** Each value times 10^scale, a whole number. */
  readonly data: Float64Array;
  /** The number of decimals. */
  readonly scale: number;
}

/** The largest magnitude of one value in units (the sum of magnitudes stays below 2^53). */
const MAX_UNIT = 2 ** 50;
const MAX_SUM = 2 ** 53;
/** The most decimals the units path handles. */
const MAX_SCALE = 12;

/** ASCII white space (what `trim` removes in the cases that matter; other spaces take decimal.js). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * A plain decimal string (optional ASCII white space and sign, digits with at most one point, no
 * exponent) as whole units: its digits read as an integer, exact while below 2^53 (anything above
 * MAX_UNIT is refused), and its number of decimals. `false` for anything else, which then takes
 * decimal.js (and its validation).
 */
function stringUnits(v: string, out: { units: number; scale: number }): boolean {
  let i = 0;
  let end = v.length;
  while (i < end && isSpace(v.charCodeAt(i))) i++;
  while (end > i && isSpace(v.charCodeAt(end - 1))) end--;
  let negative = false;
  const first = v.charCodeAt(i);
  if (first === 45) {
    negative = true;
    i++;
  } else if (first === 43) i++;
  let units = 0;
  let digits = 0;
  let scale = 0;
  let point = false;
  for (; i < end; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
      if (point) scale++;
      if (units > MAX_UNIT) return false;
    } else if (c === 46 && !point) point = true;
    else return false;
  }
  if (digits === 0 || scale > MAX_SCALE) return false;
  out.units = negative ? -units + 0 : units;
  out.scale = scale;
  return true;
}

/** 10^k, exact for k <= 22. */
export function powerOfTen(k: number): number {
  let p = 1;
  for (let i = 0; i < k; i++) p *= 10;
  return p;
}

/**
 * The number of decimals of the shortest decimal that reads back as `x` (what decimal.js and
 * `String(x)` use), with `x` times 10^that as a whole number, or `undefined` beyond MAX_SCALE decimals
 * or MAX_UNIT units. Exact: when N / 10^s rounds to x and |N| <= 2^50, the spacing of doubles near x is
 * below 10^-s / 4, so N / 10^s is the only decimal with s digits that reads back as x, hence the
 * shortest one.
 */
function numberUnits(x: number, out: { units: number; scale: number }): boolean {
  let p = 1;
  for (let s = 0; s <= MAX_SCALE; s++, p *= 10) {
    const units = Math.round(x * p);
    if (!(Math.abs(units) <= MAX_UNIT)) return false;
    if (units / p === x) {
      out.units = units + 0;
      out.scale = s;
      return true;
    }
  }
  return false;
}

/**
 * Units of an array of numbers and plain decimal strings (no exponent), or `undefined` when some
 * entry is of another kind, invalid, negative with `nonNegative`, or beyond the units' range: the
 * caller then takes the exact Decimal path, which also reports the issues.
 */
function arrayUnits(values: ArrayLike<unknown>, nonNegative: boolean): Units | undefined {
  const n = values.length;
  // Only numbers and strings qualify; checked before allocating, so that a sparse array with a huge
  // length (a hole is undefined) costs nothing here.
  for (let i = 0; i < n; i++) {
    const t = typeof values[i];
    if (t !== 'number' && t !== 'string') return undefined;
  }
  const raw = new Float64Array(n);
  const scales = new Uint8Array(n);
  const out = { units: 0, scale: 0 };
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || !numberUnits(v, out)) return undefined;
    } else if (typeof v === 'string') {
      if (!stringUnits(v, out)) return undefined;
    } else return undefined;
    if (nonNegative && out.units < 0) return undefined;
    raw[i] = out.units;
    scales[i] = out.scale;
    if (out.scale > scale) scale = out.scale;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const s = scales[i] as number;
    if (s !== scale) raw[i] = (raw[i] as number) * powerOfTen(scale - s);
    sum += Math.abs(raw[i] as number);
  }
  return sum < MAX_SUM ? { data: raw, scale } : undefined;
}

/**
 * The exact units of read values: the units path as is, plain numbers when every one has at most 12
 * decimals and the magnitudes add up to less than 2^53 units, `undefined` otherwise (Decimal inputs,
 * numbers with more digits) so that the caller keeps decimal.js.
 */
export function toUnits(values: ReadValues): Units | undefined {
  if (values.kind === 'units') return values;
  if (values.kind === 'money') return undefined;
  return arrayUnits(values.data, false);
}

/** A units total as money: units / 10^scale (exact in decimal.js). */
export function unitsToMoney(units: number, scale: number): Decimal {
  const m = new Money(units);
  return scale === 0 ? m : m.div(powerOfTen(scale));
}

/**
 * Indices of `units` ordered by value, descending, ties in input order: an LSD radix sort on the bits
 * of the doubles (16 bits a pass, passes whose digit is the same for every value skipped), stable by
 * construction. O(n).
 */
export function orderDescendingUnits(units: Float64Array): Uint32Array {
  const n = units.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (units[i] as number) + 0; // -0 sorts with 0
  const words = new Uint32Array(keys.buffer);
  // Map to unsigned keys whose order is the reverse of the values' order (little-endian: lo, hi).
  // Unsigned (hi, lo) keys in the reverse order of the values (little-endian words: lo, hi): the
  // usual ascending key (negative: all bits flipped; otherwise the sign bit flipped), complemented.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi >>> 31 === 0) {
      words[2 * i + 1] = (hi ^ 0x7fffffff) >>> 0;
      words[2 * i] = ~(words[2 * i] as number) >>> 0;
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return radixOrder(order, new Uint32Array(n), words);
}

/**
 * Checks `values` (recording issues under `[param, i]`) and returns a private copy, or `undefined`
 * when anything is invalid.
 */
export function readValues(values: unknown, param: string, issues: IssueList, nonNegative: boolean): ReadValues | undefined {
  if (ArrayBuffer.isView(values) || (Array.isArray(values) && values.every((v) => typeof v === 'number'))) {
    if (!checkNumberArray(values, [param], nonNegative ? { min: 0 } : {}, issues)) return undefined;
    return { kind: 'number', data: Float64Array.from(values) };
  }
  if (!Array.isArray(values)) {
    issues.add('invalid_type', [param], values === undefined ? 'is required' : 'must be an array');
    return undefined;
  }
  const units = arrayUnits(values, nonNegative);
  if (units !== undefined) return { kind: 'units', data: units.data, scale: units.scale };
  const data: Decimal[] = [];
  let ok = true;
  values.forEach((v: unknown, i) => {
    const money = checkMoney(v, [param, i], issues, nonNegative);
    if (money === undefined) ok = false;
    else data.push(money);
  });
  return ok ? { kind: 'money', data } : undefined;
}

/** Converts read values to Decimals (the slow, exact representation). */
export function toDecimals(values: ReadValues): Decimal[] {
  if (values.kind === 'units') return Array.from(values.data, (v) => unitsToMoney(v, values.scale));
  return values.kind === 'number' ? Array.from(values.data, (v) => new Money(v)) : values.data;
}

/**
 * Indices of `values` ordered by value, descending, ties in input order (the sort is stable).
 * Cost: O(n log n) Decimal comparisons.
 */
export function orderDescending(values: readonly Decimal[]): number[] {
  return values.map((_, i) => i).sort((a, b) => (values[b] as Decimal).cmp(values[a] as Decimal));
}

/**
 * The cumulative distribution of sorted (ascending) non-negative values: everything the Lorenz curve,
 * the Gini coefficient and the Pareto shares need.
 */
export interface ValueCurve {
  /** Number of values. */
  readonly n: number;
  /** The total, as money. */
  readonly total: Decimal;
  /** Whether the total is positive (otherwise no share is defined). */
  readonly positive: boolean;
  /** Share of the total held by the `i` smallest values, 0 <= i <= n. */
  share(i: number): number;
  /** The sum over sorted values of (2i - n - 1) x_i divided by n times the total (R `ineq`'s Gini). */
  gini(): number;
}

/** Builds the {@link ValueCurve} of non-negative values. Cost: O(n log n) (the sort). */
export function valueCurve(values: ReadValues): ValueCurve {
  if (values.kind === 'units') {
    // Whole units below 2^53 in total: every sum is exact; only the total is scaled back.
    return numberCurve(values.data, values.scale) as ValueCurve;
  }
  if (values.kind === 'number') {
    const curve = numberCurve(values.data);
    if (curve !== undefined) return curve;
  }
  return moneyCurve(toDecimals(values));
}

/**
 * The fast path: sorts the private copy in place and adds up with Kahan compensation (the values
 * are sorted ascending, so each addend is at most the running sum's magnitude once past the first
 * few, the case Kahan's method handles best). Returns `undefined` when a sum overflows.
 */
export function numberCurve(sorted: Float64Array, scale = 0): ValueCurve | undefined {
  sorted.sort();
  const n = sorted.length;
  const cum = new Float64Array(n + 1);
  let sum = 0;
  let comp = 0;
  let wsum = 0;
  let wcomp = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    const y = x - comp;
    const t = sum + y;
    comp = t - sum - y;
    sum = t;
    cum[i + 1] = sum;
    const w = (2 * i + 1 - n) * x - wcomp;
    const u = wsum + w;
    wcomp = u - wsum - w;
    wsum = u;
  }
  if (!Number.isFinite(sum) || !Number.isFinite(wsum)) return undefined;
  return {
    n,
    total: unitsToMoney(sum, scale),
    positive: sum > 0,
    share: (i) => (cum[i] as number) / sum,
    gini: () => wsum / (n * sum),
  };
}

/** The exact path: Decimal sums. */
export function moneyCurve(values: Decimal[]): ValueCurve {
  const sorted = orderDescending(values)
    .reverse()
    .map((i) => values[i] as Decimal);
  const n = sorted.length;
  const cum: Decimal[] = [new Money(0)];
  let weighted = new Money(0);
  sorted.forEach((x, i) => {
    cum.push((cum[i] as Decimal).plus(x));
    weighted = weighted.plus(x.times(2 * i + 1 - n));
  });
  const total = cum[n] as Decimal;
  return {
    n,
    total,
    positive: total.isPositive() && !total.isZero(),
    share: (i) => (cum[i] as Decimal).div(total).toNumber(),
    gini: () => weighted.div(total.times(n)).toNumber(),
  };
}

/** One point of a Lorenz curve. */
export interface LorenzPoint {
  /** Share of customers, the poorest first, from 0 to 1. */
  readonly customerShare: number;
  /** Share of the total value they hold, from 0 to 1. */
  readonly valueShare: number;
}

/**
 * The vertices of the Lorenz curve: all n + 1 of them, or `points` of them evenly spread over the
 * customers (always including both ends). Vertices of a convex curve keep it convex.
 */
export function lorenzPoints(curve: ValueCurve, points: number | undefined): LorenzPoint[] {
  const { n } = curve;
  const m = Math.min(points ?? n + 1, n + 1);
  const out: LorenzPoint[] = [];
  for (let j = 0; j < m; j++) {
    const i = Math.round((j * n) / (m - 1));
    out.push({ customerShare: i / n, valueShare: curve.share(i) });
  }
  return out;
}

/**
 * Share of the total held by the top `k` fraction of customers, reading the Lorenz curve with linear
 * interpolation (20% of 7 customers is the top one plus 40% of the next).
 */
export function topShare(curve: ValueCurve, k: number): number {
  const x = (1 - k) * curve.n;
  const i = Math.floor(x);
  if (i >= curve.n) return 0;
  const lo = curve.share(i);
  const below = lo + (x - i) * (curve.share(i + 1) - lo);
  return Math.min(1, Math.max(0, 1 - below));
}

/**
 * The smallest number of top customers whose value reaches `target` of the total, and the
 * interpolated share of customers at which the curve reaches it.
 */
export function customersFor(curve: ValueCurve, target: number): { customers: number; customerShare: number } {
  const { n } = curve;
  const top = (m: number): number => 1 - curve.share(n - m);
  // Binary search for the smallest m with top(m) >= target; top(n) = 1.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (top(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  if (lo === 0) return { customers: 0, customerShare: 0 };
  // top(lo - 1) < target <= top(lo): the target is reached within customer lo.
  const before = top(lo - 1);
  return { customers: lo, customerShare: (lo - 1 + (target - before) / (top(lo) - before)) / n };
}

/**
 * The sign of `units - limit` for a whole number of units and a Decimal limit in units: decided in
 * doubles when the two are more than 1e-12 apart relative to the limit (the double of the limit is
 * within 1.2e-16 of it), by decimal.js otherwise. `limitNumber` is `limit.toNumber()`.
 */
export function compareUnits(units: number, limit: Decimal, limitNumber: number): number {
  const d = units - limitNumber;
  const tolerance = Math.abs(limitNumber) * 1e-12;
  if (d > tolerance) return 1;
  if (d < -tolerance) return -1;
  return new Money(units).cmp(limit);
}
