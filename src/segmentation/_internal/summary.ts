/**
 * Per-group totals shared by {@link classifyAbc}, {@link valueTiers} and {@link segmentSummary}.
 *
 * @internal
 * @module
 */
import { Money, type Decimal } from '../../_lib/money.js';
import { unitsToMoney, type Units } from './values.js';

/** Count and value of one segment (or class, or tier). */
export interface SegmentSummaryRow<Name extends string = string> {
  /** The segment's name. */
  readonly name: Name;
  /** Number of customers in it. */
  readonly count: number;
  /** Its share of all customers. */
  readonly customerShare: number;
  /** The sum of its customers' values. */
  readonly total: Decimal;
  /**
   * Its share of the total value of all customers, or `undefined` when that total is zero. With
   * negative values (unprofitable customers) a share can exceed 1 or be negative.
   */
  readonly valueShare: number | undefined;
  /** The mean value of its customers, or `undefined` for an empty group. */
  readonly averageValue: Decimal | undefined;
}

/**
 * Sums `values` by group. `groupOf[i]` names the group of value i; `names` lists the groups in the
 * order of the result (every name in groupOf must be in it). Cost: O(n) Decimal additions.
 */
export function summarize<Name extends string>(values: readonly Decimal[], groupOf: readonly Name[], names: readonly Name[]): SegmentSummaryRow<Name>[] {
  const totals = new Map<Name, { count: number; total: Decimal }>(names.map((name) => [name, { count: 0, total: new Money(0) }]));
  let grand = new Money(0);
  values.forEach((v, i) => {
    const slot = totals.get(groupOf[i] as Name) as { count: number; total: Decimal };
    slot.count += 1;
    slot.total = slot.total.plus(v);
    grand = grand.plus(v);
  });
  const n = values.length;
  return names.map((name) => {
    const { count, total } = totals.get(name) as { count: number; total: Decimal };
    return {
      name,
      count,
      customerShare: count / n,
      total,
      valueShare: grand.isZero() ? undefined : total.div(grand).toNumber(),
      averageValue: count === 0 ? undefined : total.div(count),
    };
  });
}

/**
 * {@link summarize} on exact units: `groupOf[i]` is the index of value i's group in `names`. Sums of
 * units are exact (see {@link Units}), so the totals, shares and averages are the Decimals that
 * {@link summarize} computes, at O(n) double additions.
 */
export function summarizeUnits<Name extends string>(values: Units, groupOf: ArrayLike<number>, names: readonly Name[]): SegmentSummaryRow<Name>[] {
  const counts = new Float64Array(names.length);
  const sums = new Float64Array(names.length);
  let grand = 0;
  const { data, scale } = values;
  for (let i = 0; i < data.length; i++) {
    const g = groupOf[i] as number;
    const v = data[i] as number;
    counts[g] = (counts[g] as number) + 1;
    sums[g] = (sums[g] as number) + v;
    grand += v;
  }
  const grandMoney = unitsToMoney(grand, scale);
  const n = data.length;
  return names.map((name, g) => {
    const count = counts[g] as number;
    const total = unitsToMoney(sums[g] as number, scale);
    return {
      name,
      count,
      customerShare: count / n,
      total,
      valueShare: grand === 0 ? undefined : total.div(grandMoney).toNumber(),
      averageValue: count === 0 ? undefined : total.div(count),
    };
  });
}
