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

/**
 * Customer values as callers pass them: an array of amounts (numbers, decimal strings such as
 * `'12.50'`, or `Decimal`s, mixed freely), or a typed array of numbers (the fast path).
 */
export type ValuesInput = readonly MoneyInput[] | Exclude<NumericArray, readonly number[]>;

/** Validated values: a Float64Array copy on the fast path, Decimals otherwise. */
export type ReadValues = { readonly kind: 'number'; readonly data: Float64Array } | { readonly kind: 'money'; readonly data: Decimal[] };

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
export function numberCurve(sorted: Float64Array): ValueCurve | undefined {
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
    total: new Money(sum),
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
