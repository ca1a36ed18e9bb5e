import { checkMoney, Money, type Decimal } from '../_lib/money.js';
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { summarize, summarizeUnits } from './_internal/summary.js';
import type { SegmentSummaryRow } from './segmentSummary.js';
import { compareUnits, orderDescending, orderDescendingUnits, powerOfTen, readValues, toDecimals, toUnits, unitsToMoney, type Units, type ValuesInput } from './_internal/values.js';

/** One tier of {@link ValueTiersOptions.tiers}, the most valuable tier first. */
export interface ValueTierSpec {
  /** The tier's name (unique, not empty). */
  name: string;
  /** With `by: 'customers'` or `'value'`: the tier's share of customers or of value, in (0, 1]; shares add up to 1. */
  share?: number;
  /** With `by: 'thresholds'`: the smallest value in the tier; omitted on the last tier, which takes the rest. */
  min?: number | string | Decimal;
}

/** Options of {@link valueTiers}. */
export interface ValueTiersOptions {
  /**
   * How customers are assigned. `'customers'`: by rank, each tier taking its share of the customers
   * (the customer pyramid). `'value'`: by cumulative share of the positive value, best customers
   * first; the customer who crosses a tier's limit stays in the higher tier. `'thresholds'`: by value,
   * each tier taking the customers worth at least its `min`.
   *
   * @defaultValue 'customers'
   */
  by?: 'customers' | 'value' | 'thresholds';
  /**
   * The tiers, the most valuable first; any number (at least one). Required with `by: 'value'` or
   * `'thresholds'`.
   *
   * @defaultValue the customer pyramid of Zeithaml, Rust & Lemon: platinum 0.2, gold 0.3, iron 0.3, lead 0.2
   */
  tiers?: readonly ValueTierSpec[];
}

/** Count and value of one tier. */
export type ValueTierSummary = SegmentSummaryRow;

/** One point of the whale curve. */
export interface WhalePoint {
  /** Share of customers, the most valuable first, from 0 to 1. */
  readonly customerShare: number;
  /** Their cumulative value as a share of the total value (above 1 when the rest destroy value). */
  readonly valueShare: number;
}

/** The whale curve: cumulative value of the customers, the most valuable first, as a share of the total. */
export interface WhaleCurve {
  /** Down-sampled to at most 101 points (every percentile of customers), from (0, 0) to (1, 1). */
  readonly points: readonly WhalePoint[];
  /** The highest cumulative share: above 1 when some customers destroy value (1.5 = 150% of the total). */
  readonly peakValueShare: number;
  /** The share of customers at which the peak is first reached. */
  readonly peakCustomerShare: number;
}

/** The result of {@link valueTiers}. */
export interface ValueTiers {
  /** The tier of each customer, in input order. */
  readonly assignments: readonly string[];
  /** The tiers in the order given, with count, shares and value. */
  readonly tiers: readonly ValueTierSummary[];
  /** The whale curve, or `undefined` when the total value is not positive. */
  readonly whaleCurve: WhaleCurve | undefined;
}

const PYRAMID: readonly ValueTierSpec[] = [
  { name: 'platinum', share: 0.2 },
  { name: 'gold', share: 0.3 },
  { name: 'iron', share: 0.3 },
  { name: 'lead', share: 0.2 },
];

const schema = optionsSchema({
  by: z.enum(['customers', 'value', 'thresholds']).optional(),
  tiers: z
    .array(z.strictObject({ name: z.string().min(1), share: numberSchema({ greaterThan: 0, max: 1 }).optional(), min: z.unknown().optional() }))
    .min(1)
    .optional(),
});

/**
 * Splits customers into value tiers: the customer pyramid (platinum, gold, iron, lead) of Zeithaml,
 * Rust & Lemon, or any number of named tiers by share of customers, by cumulative share of value, or
 * by explicit value thresholds.
 *
 * Definition: customers are ranked by value, highest first, ties in input order (stable). With
 * `by: 'customers'`, tier j takes ranks from round(c_(j-1) n) to round(c_j n) - 1, where c_j is the
 * cumulative share of the tiers up to j. With `by: 'value'`, a customer goes to the first tier j whose
 * limit c_j P (P: the total of the positive values) is above the cumulative value of the customers
 * ranked before it. With `by: 'thresholds'`, a customer goes to the first tier whose `min` it reaches.
 * Negative values (unprofitable customers) are allowed and always land in the bottom tier (with
 * thresholds, the first tier whose `min` they reach). The result reports the whale curve: the
 * cumulative value of the best customers as a share of the total, which peaks above 100% when some
 * customers destroy value.
 *
 * Cost: O(n) for numbers and decimal strings with at most 12 decimals whose magnitudes add up to
 * less than 2^53 units of the last decimal (a radix sort and exact sums in doubles; decimal.js only
 * for comparisons within 1e-12 of a limit); otherwise O(n log n) Decimal comparisons and O(n) Decimal
 * additions. Both give the same result.
 *
 * @param values - Each customer's value or profit (number, decimal string or Decimal); may be negative.
 * @param options - See {@link ValueTiersOptions}.
 * @returns The assignments, a summary per tier and the whale curve, or `undefined` when there are no customers.
 * @throws {@link MetricsInputError} when a value is not a finite amount, tier shares do not add up to 1
 *   or are missing (`invalid_structure`), thresholds are missing or not strictly decreasing
 *   (`invalid_order`), or tier names repeat.
 * @see Zeithaml, Rust & Lemon (2001), "The customer pyramid", California Management Review 43(4);
 *   Kaplan & Cooper (1998), "Cost & Effect" (the whale curve).
 * @example
 * ```ts
 * import { valueTiers } from 'customer-metrics';
 * const result = valueTiers([120, -30, 40, 10, 300, 0, 75, 20, 5, 60]);
 * // Ranked: 300 120 | 75 60 40 | 20 10 5 | 0 -30, of a total of 600.
 * result?.assignments; // => ['platinum', 'lead', 'gold', 'iron', 'platinum', 'lead', 'gold', 'iron', 'iron', 'gold']
 * result?.tiers.map((t) => t.valueShare); // => [0.7, 0.2916666666666667, 0.058333333333333334, -0.05]
 * // The best 80% of customers hold 630, 105% of the total: the last 20% destroy value.
 * result?.whaleCurve?.peakValueShare; // => 1.05
 * valueTiers([500, 120, 40], { by: 'thresholds', tiers: [{ name: 'vip', min: '100' }, { name: 'rest' }] })?.assignments; // => ['vip', 'vip', 'rest']
 * ```
 */
export function valueTiers(values: ValuesInput, options?: ValueTiersOptions): ValueTiers | undefined {
  const issues = new IssueList();
  const read = readValues(values, 'values', issues, false);
  const opts = parseInput(schema, options, 'options', issues);
  const by = opts?.by ?? 'customers';
  const specs = (opts?.tiers as readonly ValueTierSpec[] | undefined) ?? (by === 'customers' ? PYRAMID : []);
  const mins = opts === undefined ? [] : checkTiers(by, specs, options?.tiers === undefined, issues);
  issues.throwIfAny();
  const names = specs.map((t) => t.name);
  const last = names.length - 1;
  const cumShares: number[] = [];
  specs.reduce((sum, t) => {
    cumShares.push(sum + (t.share ?? 0));
    return sum + (t.share ?? 0);
  }, 0);
  const units = toUnits(read as NonNullable<typeof read>);
  if (units !== undefined) return units.data.length === 0 ? undefined : tiersOfUnits(units, by, names, cumShares, mins);
  const decimals = toDecimals(read as NonNullable<typeof read>);
  const n = decimals.length;
  if (n === 0) return undefined;
  const order = orderDescending(decimals);
  const tierIndex = new Array<number>(n);
  if (by === 'thresholds') {
    decimals.forEach((v, i) => {
      const k = mins.findIndex((min) => v.gte(min));
      tierIndex[i] = k === -1 ? last : k;
    });
  } else {
    if (by === 'customers') {
      const bounds = cumShares.map((c, j) => (j === last ? n : Math.round(c * n)));
      order.forEach((i, rank) => {
        tierIndex[i] = bounds.findIndex((bound) => rank < bound);
      });
    } else {
      const positive = decimals.reduce((sum, v) => (v.isPositive() ? sum.plus(v) : sum), new Money(0));
      const limits = cumShares.map((c) => positive.times(c));
      let cum: Decimal = new Money(0);
      for (const i of order) {
        const k = limits.findIndex((limit, j) => j < last && cum.lt(limit));
        tierIndex[i] = k === -1 ? last : k;
        cum = cum.plus(decimals[i] as Decimal);
      }
    }
    decimals.forEach((v, i) => {
      if (v.isNegative() && !v.isZero()) tierIndex[i] = last;
    });
  }
  const assignments = tierIndex.map((k) => names[k] as string);
  return { assignments, tiers: summarize(decimals, assignments, names), whaleCurve: whaleCurve(decimals, order) };
}

/** Validates the tier specs for `by`; returns the thresholds (Decimals) with `by: 'thresholds'`. */
function checkTiers(by: string, specs: readonly ValueTierSpec[], missing: boolean, issues: IssueList): Decimal[] {
  if (missing && by !== 'customers') {
    issues.add('invalid_structure', ['options', 'tiers'], 'is required with this way of assigning tiers');
    return [];
  }
  const seen = new Set<string>();
  specs.forEach((t, j) => {
    if (seen.has(t.name)) issues.add('invalid_structure', ['options', 'tiers', j, 'name'], 'must be unique');
    seen.add(t.name);
  });
  const mins: Decimal[] = [];
  if (by === 'thresholds') {
    specs.forEach((t, j) => {
      const path = ['options', 'tiers', j, 'min'];
      if (j === specs.length - 1) {
        if (t.min !== undefined) issues.add('invalid_structure', path, 'must be omitted on the last tier, which takes every remaining customer');
        return;
      }
      if (t.min === undefined) {
        issues.add('invalid_structure', path, 'is required on every tier but the last');
        return;
      }
      const min = checkMoney(t.min, path, issues);
      if (min === undefined) return;
      const previous = mins[mins.length - 1];
      if (previous !== undefined && !min.lt(previous)) issues.add('invalid_order', path, 'must be below the minimum of the tier above');
      mins.push(min);
    });
    return mins;
  }
  let sum = 0;
  specs.forEach((t, j) => {
    if (t.share === undefined) issues.add('invalid_structure', ['options', 'tiers', j, 'share'], 'is required with this way of assigning tiers');
    sum += t.share ?? 0;
  });
  if (Math.abs(sum - 1) > 1e-9) issues.add('invalid_structure', ['options', 'tiers'], 'tier shares must add up to 1');
  return mins;
}

function whaleCurve(values: readonly Decimal[], order: readonly number[]): WhaleCurve | undefined {
  const total = values.reduce((sum, v) => sum.plus(v), new Money(0));
  if (!total.isPositive() || total.isZero()) return undefined;
  const n = values.length;
  const m = Math.min(n + 1, 101);
  const wanted = new Set<number>();
  for (let j = 0; j < m; j++) wanted.add(m === n + 1 ? j : Math.round((j * n) / (m - 1)));
  const points: WhalePoint[] = [{ customerShare: 0, valueShare: 0 }];
  let cum: Decimal = new Money(0);
  let peak: Decimal = new Money(0);
  let peakAt = 0;
  order.forEach((i, rank) => {
    cum = cum.plus(values[i] as Decimal);
    if (cum.gt(peak)) {
      peak = cum;
      peakAt = rank + 1;
    }
    if (wanted.has(rank + 1)) points.push({ customerShare: (rank + 1) / n, valueShare: cum.div(total).toNumber() });
  });
  return { points, peakValueShare: peak.div(total).toNumber(), peakCustomerShare: peakAt / n };
}

/** {@link valueTiers} on exact units: the same result with sums in doubles (see {@link Units}). */
function tiersOfUnits(values: Units, by: string, names: readonly string[], cumShares: readonly number[], mins: readonly Decimal[]): ValueTiers {
  const { data, scale } = values;
  const n = data.length;
  const last = names.length - 1;
  const order = orderDescendingUnits(data);
  const tierIndex = new Uint32Array(n);
  if (by === 'thresholds') {
    const limits = mins.map((min) => min.times(powerOfTen(scale)));
    const limitNumbers = limits.map((limit) => limit.toNumber());
    for (let i = 0; i < n; i++) {
      let k = last;
      for (let j = 0; j < limits.length; j++) {
        if (compareUnits(data[i] as number, limits[j] as Decimal, limitNumbers[j] as number) >= 0) {
          k = j;
          break;
        }
      }
      tierIndex[i] = k;
    }
  } else {
    if (by === 'customers') {
      const bounds = cumShares.map((c, j) => (j === last ? n : Math.round(c * n)));
      let k = 0;
      for (let rank = 0; rank < n; rank++) {
        while (k < last && rank >= (bounds[k] as number)) k++;
        tierIndex[order[rank] as number] = k;
      }
    } else {
      let positive = 0;
      for (let i = 0; i < n; i++) if ((data[i] as number) > 0) positive += data[i] as number;
      const limits = cumShares.map((c) => new Money(positive).times(c));
      const limitNumbers = limits.map((limit) => limit.toNumber());
      // The first tier whose limit is above the cumulative value before the customer. The cumulative
      // value rises over the positive values (ranked first) and then falls, so the tier is searched
      // from the previous one while it rises and from the top once it falls.
      let cum = 0;
      let k = 0;
      for (let rank = 0; rank < n; rank++) {
        const i = order[rank] as number;
        const v = data[i] as number;
        if (v < 0) {
          tierIndex[i] = last;
          continue;
        }
        while (k < last && compareUnits(cum, limits[k] as Decimal, limitNumbers[k] as number) >= 0) k++;
        tierIndex[i] = k;
        cum += v;
      }
    }
    for (let i = 0; i < n; i++) if ((data[i] as number) < 0) tierIndex[i] = last;
  }
  const assignments = new Array<string>(n);
  for (let i = 0; i < n; i++) assignments[i] = names[tierIndex[i] as number] as string;
  return { assignments, tiers: summarizeUnits(values, tierIndex, names), whaleCurve: whaleCurveOfUnits(values, order) };
}

function whaleCurveOfUnits(values: Units, order: Uint32Array): WhaleCurve | undefined {
  const { data, scale } = values;
  const n = data.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += data[i] as number;
  if (!(total > 0)) return undefined;
  const totalMoney = unitsToMoney(total, scale);
  const share = (units: number): number => unitsToMoney(units, scale).div(totalMoney).toNumber();
  const m = Math.min(n + 1, 101);
  const wanted = new Set<number>();
  for (let j = 0; j < m; j++) wanted.add(m === n + 1 ? j : Math.round((j * n) / (m - 1)));
  const points: WhalePoint[] = [{ customerShare: 0, valueShare: 0 }];
  let cum = 0;
  let peak = 0;
  let peakAt = 0;
  for (let rank = 0; rank < n; rank++) {
    cum += data[order[rank] as number] as number;
    if (cum > peak) {
      peak = cum;
      peakAt = rank + 1;
    }
    if (wanted.has(rank + 1)) points.push({ customerShare: (rank + 1) / n, valueShare: share(cum) });
  }
  return { points, peakValueShare: share(peak), peakCustomerShare: peakAt / n };
}
