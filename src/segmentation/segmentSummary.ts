import { IssueList } from '../_lib/validate.js';
import type { Decimal } from '../_lib/money.js';
import { type SegmentSummaryRow, summarize } from './_internal/summary.js';
import { readValues, toDecimals, type ValuesInput } from './_internal/values.js';

export type { SegmentSummaryRow };

/**
 * Per segment: the number of customers, their share of customers, their total and share of value,
 * and their average value, so that the 80/20 statement ("20% of customers, the Champions, bring 61%
 * of revenue") can be printed for any segmentation: ABC classes, value tiers, RFM segments, your own.
 *
 * Definition: value shares are of the total over all customers (with negative values a share can
 * exceed 1 or be negative; it is `undefined` when the total is zero). Rows are ordered by total value,
 * highest first, ties in order of first appearance. Sums are exact (decimal.js).
 *
 * Cost: O(n) Decimal additions plus O(s log s) for s segments.
 *
 * @param values - Each customer's value (number, decimal string or Decimal); may be negative.
 * @param segments - Each customer's segment name, aligned with `values` (same length).
 * @returns One row per segment, or `undefined` when there are no customers.
 * @throws {@link MetricsInputError} when a value is not a finite amount, a segment is not a string,
 *   or the two arrays differ in length (`invalid_structure`).
 * @see Zeithaml, Rust & Lemon (2001), "The customer pyramid", California Management Review 43(4).
 * @example
 * ```ts
 * import { segmentSummary } from 'customer-metrics';
 * const rows = segmentSummary(['100', '60', '30', '10'], ['top', 'rest', 'rest', 'rest']);
 * rows?.map((r) => [r.name, r.count, r.customerShare, r.valueShare]); // => [['top', 1, 0.25, 0.5], ['rest', 3, 0.75, 0.5]]
 * rows?.[1]?.averageValue?.toString(); // => '33.33333333333333333333333333333333333333'
 * ```
 */
export function segmentSummary(values: ValuesInput, segments: readonly string[]): SegmentSummaryRow[] | undefined {
  const issues = new IssueList();
  const read = readValues(values, 'values', issues, false);
  if (!Array.isArray(segments)) issues.add('invalid_type', ['segments'], segments === undefined ? 'is required' : 'must be an array');
  else {
    segments.forEach((s: unknown, i) => {
      if (typeof s !== 'string') issues.add('invalid_type', ['segments', i], 'must be a string');
    });
    if (read !== undefined && segments.length !== read.data.length) issues.add('invalid_structure', ['segments'], 'must have one entry per value');
  }
  issues.throwIfAny();
  const decimals = toDecimals(read as NonNullable<typeof read>);
  if (decimals.length === 0) return undefined;
  const names = [...new Set(segments)];
  const rows = summarize(decimals, segments, names);
  return rows.map((row, j) => ({ row, j })).sort((x, y) => y.row.total.cmp(x.row.total) || x.j - y.j).map(({ row }) => row);
}
