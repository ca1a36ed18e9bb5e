import type { CompressedSummary } from '../clv/index.js';
import { IssueList } from '../_lib/validate.js';
import { checkRows, readInteger, readNonNegative } from './_internal/rowValues.js';

/**
 * Turns the rows of {@link summaryPatternsSql} into the weighted `{ frequency, recency, T, weight }`
 * rows that `fitBgNbd`, `fitMbgNbd` and `fitParetoNbd` accept (the shape of `compressSummaries`).
 *
 * Cost: O(n).
 *
 * @param rows - Rows with `frequency`, `recency`, `T` and `weight`.
 * @returns One pattern per row, in row order.
 * @throws {@link MetricsInputError} for missing columns, values of the wrong kind, recency > T, or a
 *   non-zero recency with frequency 0 (path `['rows', i, column]`).
 * @example
 * ```ts
 * import { readSummaryPatterns } from 'customer-metrics/sql';
 * import { fitBgNbd } from 'customer-metrics/clv';
 * const patterns = readSummaryPatterns([
 *   { frequency: '0', recency: 0, T: 10, weight: '60' },
 *   { frequency: '1', recency: 4, T: 10, weight: '25' },
 *   { frequency: '3', recency: 9, T: 10, weight: '15' },
 * ]);
 * patterns[1]; // => { frequency: 1, recency: 4, T: 10, weight: 25 }
 * fitBgNbd(patterns, { timeUnit: 'week' }).customers; // => 100
 * ```
 */
export function readSummaryPatterns(rows: readonly Readonly<Record<string, unknown>>[]): CompressedSummary[] {
  const issues = new IssueList();
  if (!checkRows(rows, 'rows', issues)) {
    issues.throwIfAny();
    return [];
  }
  const out: CompressedSummary[] = [];
  rows.forEach((row, i) => {
    const frequency = readInteger(row.frequency, ['rows', i, 'frequency'], 0, issues);
    const recency = readNonNegative(row.recency, ['rows', i, 'recency'], issues);
    const T = readNonNegative(row.T, ['rows', i, 'T'], issues);
    const weight = readInteger(row.weight, ['rows', i, 'weight'], 1, issues);
    if (frequency === undefined || recency === undefined || T === undefined || weight === undefined) return;
    if (recency > T) issues.add('invalid_order', ['rows', i, 'recency'], 'must be at most T');
    else if (frequency === 0 && recency !== 0) issues.add('invalid_structure', ['rows', i, 'recency'], 'must be 0 when frequency is 0');
    else out.push({ frequency, recency, T, weight });
  });
  issues.throwIfAny();
  return out;
}
