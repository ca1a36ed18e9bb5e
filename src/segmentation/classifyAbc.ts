import { Money, type Decimal } from '../_lib/money.js';
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { summarize, summarizeUnits } from './_internal/summary.js';
import type { SegmentSummaryRow } from './segmentSummary.js';
import { compareUnits, orderDescending, orderDescendingUnits, readValues, toDecimals, toUnits, type Units, type ValuesInput } from './_internal/values.js';

/** An ABC class: A the vital few, C the many with little value. */
export type AbcClass = 'A' | 'B' | 'C';

/** Count and value of one ABC class. */
export type AbcClassSummary = SegmentSummaryRow<AbcClass>;

/** Options of {@link classifyAbc}. */
export interface ClassifyAbcOptions {
  /**
   * Cumulative share of value that closes class A (a fraction in (0, 1]).
   *
   * @defaultValue 0.8
   */
  a?: number;
  /**
   * Cumulative share of value that closes class B (a fraction in [a, 1]).
   *
   * @defaultValue 0.95
   */
  b?: number;
  /**
   * Where the item whose value crosses a boundary goes. `'lower'`: an item belongs to a class when the
   * cumulative share *including* it is within the class limit, so the crossing item falls into the
   * lower class (R `inventorize`); `'upper'`: an item belongs to the class whose limit had not yet been
   * reached *before* it, so the crossing item stays in the upper class (and class A is never empty).
   *
   * @defaultValue 'lower'
   */
  boundaryItem?: 'lower' | 'upper';
}

/** The result of {@link classifyAbc}. */
export interface AbcClassification {
  /** The class of each item, in input order. */
  readonly classes: readonly AbcClass[];
  /** The classes A, B and C with their counts and value shares. */
  readonly summary: readonly AbcClassSummary[];
}

const schema = optionsSchema({
  a: numberSchema({ greaterThan: 0, max: 1 }).optional(),
  b: numberSchema({ greaterThan: 0, max: 1 }).optional(),
  boundaryItem: z.enum(['lower', 'upper']).optional(),
});

const CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];

/**
 * ABC classification by cumulative share of value: sort the items by value, highest first; class A
 * holds the items up to 80% of the cumulative value, B up to 95%, C the rest.
 *
 * Definition: with items sorted by value descending and ties kept in input order (a stable sort, so
 * the result never depends on the sort algorithm), let before_i and after_i be the cumulative value
 * share of the items ranked above item i, without and with it. With `boundaryItem: 'lower'` item i is
 * A when after_i <= a, B when after_i <= b, else C; with `'upper'` it is A when before_i < a, B when
 * before_i < b, else C. Shares are compared exactly (decimal.js). Classes are monotone in value: an
 * item never gets a lower class than an item of smaller value.
 *
 * Cost: O(n) for numbers and decimal strings with at most 12 decimals whose magnitudes add up to
 * less than 2^53 units of the last decimal (a radix sort and exact sums in doubles; decimal.js only
 * for the few shares within 1e-12 of a limit); otherwise O(n log n) Decimal comparisons and O(n)
 * Decimal additions. Both give the same classes.
 *
 * @param values - Each item's value (number, decimal string or Decimal); non-negative.
 * @param options - See {@link ClassifyAbcOptions}.
 * @returns The classes and a summary, or `undefined` when there are no items or their total is zero.
 * @throws {@link MetricsInputError} when a value is not a finite non-negative amount, an option is
 *   invalid, or `b` is below `a` (`invalid_order`).
 * @see R packages `inventorize` (function `ABC`) and `matman`; Dickie (1951), "ABC inventory analysis shoots for dollars".
 * @example
 * ```ts
 * import { classifyAbc } from 'customer-metrics';
 * // Sorted: 50, 30, 10, 6, 4 of 100; cumulative 50%, 80%, 90%, 96%, 100%.
 * classifyAbc([10, 50, 4, 30, 6])?.classes; // => ['B', 'A', 'C', 'A', 'C']
 * // The fourth-ranked item (6) takes the cumulative share from 90% to 96%, across 95%:
 * classifyAbc([10, 50, 4, 30, 6], { boundaryItem: 'upper' })?.classes; // => ['B', 'A', 'C', 'A', 'B']
 * classifyAbc([10, 50, 4, 30, 6])?.summary[0]?.valueShare; // => 0.8
 * ```
 */
export function classifyAbc(values: ValuesInput, options?: ClassifyAbcOptions): AbcClassification | undefined {
  const issues = new IssueList();
  const read = readValues(values, 'values', issues, true);
  const opts = parseInput(schema, options, 'options', issues);
  const a = opts?.a ?? 0.8;
  const b = opts?.b ?? 0.95;
  if (opts !== undefined && b < a) issues.add('invalid_order', ['options', 'b'], 'must be at least the limit of class A');
  issues.throwIfAny();
  const upper = opts?.boundaryItem === 'upper';
  const units = toUnits(read as NonNullable<typeof read>);
  if (units !== undefined) return classifyUnits(units, [a, b], upper);
  const decimals = toDecimals(read as NonNullable<typeof read>);
  const total = decimals.reduce((sum, v) => sum.plus(v), new Money(0));
  if (total.isZero()) return undefined;
  const limits = [total.times(a), total.times(b)];
  const classes: AbcClass[] = new Array<AbcClass>(decimals.length);
  let cum: Decimal = new Money(0);
  for (const i of orderDescending(decimals)) {
    const before = cum;
    cum = cum.plus(decimals[i] as Decimal);
    const k = limits.findIndex((limit) => (upper ? before.lt(limit) : cum.lte(limit)));
    classes[i] = CLASSES[k === -1 ? 2 : k] as AbcClass;
  }
  return { classes, summary: summarize(decimals, classes, CLASSES) };
}

/** {@link classifyAbc} on exact units: the same classes with sums in doubles (see {@link Units}). */
function classifyUnits(values: Units, shares: readonly number[], upper: boolean): AbcClassification | undefined {
  const { data } = values;
  const n = data.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += data[i] as number;
  if (total === 0) return undefined;
  const limits = shares.map((share) => new Money(total).times(share));
  const limitNumbers = limits.map((limit) => limit.toNumber());
  const classOf = new Uint8Array(n);
  const order = orderDescendingUnits(data);
  // The cumulative value never decreases (values are non-negative), so neither does the class: once
  // past a limit, later items are past it too, and each item costs one comparison.
  let cum = 0;
  let k = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r] as number;
    const before = cum;
    cum += data[i] as number;
    const key = upper ? before : cum;
    while (k < limits.length) {
      const c = compareUnits(key, limits[k] as Decimal, limitNumbers[k] as number);
      if (upper ? c < 0 : c <= 0) break;
      k++;
    }
    classOf[i] = k;
  }
  const classes = new Array<AbcClass>(n);
  for (let i = 0; i < n; i++) classes[i] = CLASSES[classOf[i] as number] as AbcClass;
  return { classes, summary: summarizeUnits(values, classOf, CLASSES) };
}
