import type { Decimal } from 'decimal.js';
import type { CustomerSummary } from '../clv/index.js';
import { IssueList } from '../_lib/validate.js';
import { ZERO_MONEY, checkScaleOptions } from './_internal/readOptions.js';
import { checkRows, readId, readInteger, readNonNegative, readUnits } from './_internal/rowValues.js';

/** Options of {@link readSummaryRows}, {@link readSpendPatterns}. */
export interface ReadMoneyOptions {
  /**
   * The `amountScale` the SQL was built with (the decimals of `repeat_total_units`).
   * @defaultValue `2`
   */
  readonly amountScale?: number;
}

/**
 * Turns the rows of {@link rfmSummarySql} (from any engine and driver) into `rfmSummary`'s
 * `CustomerSummary` objects, with the exact mean repeat value: `repeat_total_units / 10^amountScale
 * / frequency` in decimal.js (40 significant digits, as `rfmSummary`), not the engine's double.
 *
 * Cost: O(n).
 *
 * @param rows - Rows with `customer_id`, `frequency`, `recency`, `T` and `repeat_total_units`.
 * @param options - The amount scale; see {@link ReadMoneyOptions}.
 * @returns One summary per row, in row order.
 * @throws {@link MetricsInputError} for a row without those columns or with values that are not
 *   numbers of the right kind (path `['rows', i, column]`).
 * @example
 * ```ts
 * import { readSummaryRows } from 'customer-metrics/sql';
 * const [a] = readSummaryRows([{ customer_id: 'a', frequency: '3', recency: 5, T: 9, repeat_total_units: '1000' }]);
 * // 10.00 over 3 repeat periods: the exact mean, not a double.
 * [a?.frequency, a?.monetaryValue.toString()]; // => [3, '3.333333333333333333333333333333333333333']
 * ```
 */
export function readSummaryRows(rows: readonly Readonly<Record<string, unknown>>[], options?: ReadMoneyOptions): CustomerSummary[] {
  const issues = new IssueList();
  const scale = checkScaleOptions(options, issues);
  if (!checkRows(rows, 'rows', issues) || scale === undefined) {
    issues.throwIfAny();
    return [];
  }
  const out: CustomerSummary[] = [];
  rows.forEach((row, i) => {
    const id = readId(row.customer_id, ['rows', i, 'customer_id'], issues);
    const frequency = readInteger(row.frequency, ['rows', i, 'frequency'], 0, issues);
    const recency = readNonNegative(row.recency, ['rows', i, 'recency'], issues);
    const T = readNonNegative(row.T, ['rows', i, 'T'], issues);
    const total = readUnits(row.repeat_total_units, ['rows', i, 'repeat_total_units'], scale, issues);
    if (id === undefined || frequency === undefined || recency === undefined || T === undefined || total === undefined) return;
    const monetaryValue: Decimal = frequency === 0 ? ZERO_MONEY : total.div(frequency);
    out.push({ customerId: id, frequency, recency, T, monetaryValue });
  });
  issues.throwIfAny();
  return out;
}

