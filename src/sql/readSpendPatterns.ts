import type { Decimal } from 'decimal.js';
import { IssueList } from '../_lib/validate.js';
import { checkScaleOptions } from './_internal/readOptions.js';
import { checkRows, readInteger, readUnits } from './_internal/rowValues.js';
import type { ReadMoneyOptions } from './readSummaryRows.js';

/** One spend pattern: repeat customers with the same frequency and the same repeat total. */
export interface SpendPattern {
  /** Number of repeat purchase periods (> 0). */
  readonly frequency: number;
  /** The exact mean repeat value (repeat total / frequency). */
  readonly monetaryValue: Decimal;
  /** Number of customers with this pattern. */
  readonly weight: number;
}

/**
 * Turns the rows of {@link spendPatternsSql} into `fitGammaGamma`'s weighted
 * `{ frequency, monetaryValue, weight }` rows, with the exact mean (decimal.js) from
 * `repeat_total_units`.
 *
 * Cost: O(n).
 *
 * @param rows - Rows with `frequency`, `repeat_total_units` and `weight`.
 * @param options - The amount scale; see {@link ReadMoneyOptions}.
 * @returns One pattern per row, in row order.
 * @throws {@link MetricsInputError} for missing columns or values of the wrong kind, or a frequency
 *   below 1 (path `['rows', i, column]`).
 * @example
 * ```ts
 * import { readSpendPatterns } from 'customer-metrics/sql';
 * const [p] = readSpendPatterns([{ frequency: 2, repeat_total_units: '2501', weight: '7' }]);
 * [p?.frequency, p?.monetaryValue.toString(), p?.weight]; // => [2, '12.505', 7]
 * ```
 */
export function readSpendPatterns(rows: readonly Readonly<Record<string, unknown>>[], options?: ReadMoneyOptions): SpendPattern[] {
  const issues = new IssueList();
  const scale = checkScaleOptions(options, issues);
  if (!checkRows(rows, 'rows', issues) || scale === undefined) {
    issues.throwIfAny();
    return [];
  }
  const out: SpendPattern[] = [];
  rows.forEach((row, i) => {
    const frequency = readInteger(row.frequency, ['rows', i, 'frequency'], 1, issues);
    const total = readUnits(row.repeat_total_units, ['rows', i, 'repeat_total_units'], scale, issues);
    const weight = readInteger(row.weight, ['rows', i, 'weight'], 1, issues);
    if (frequency === undefined || total === undefined || weight === undefined) return;
    out.push({ frequency, monetaryValue: total.div(frequency), weight });
  });
  issues.throwIfAny();
  return out;
}
