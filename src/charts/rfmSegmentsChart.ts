import type { SegmentSummaryRow } from '../segmentation/index.js';
import { done, IssueList, parseChartOptions, z, type ChartOptions, type ChartSpec } from './_internal/common.js';
import { parseSegmentRows, segmentSharesSpec } from './_internal/segments.js';

/** Options of {@link rfmSegmentsChart}. */
export interface RfmSegmentsChartOptions extends ChartOptions {
  /**
   * The order of the segments from top to bottom: as given, or by number of customers (largest first).
   * @defaultValue 'customers'
   */
  readonly sort?: 'input' | 'customers';
}

/**
 * The RFM segments by size and value: for each segment, its share of the customers next to its
 * share of the value (who the champions are, and how much the "at risk" segment is worth).
 *
 * Definition: two bars per row of `segmentSummary(values, rfmSegments(scores))`: `customerShare`
 * and `valueShare`, in percent; segments sorted by customers unless `sort: 'input'`. Segment names
 * are shown as given (they are the caller's or the segment map's).
 * Cost: O(s log s) for s segments.
 *
 * @param segments - The rows of `segmentSummary` (1 to 1,000, unique names).
 * @param options - See {@link RfmSegmentsChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with two bars per segment.
 * @throws {@link MetricsInputError} when there are no rows, a name repeats, a share is out of
 *   range, a total is not an amount, or an option is invalid.
 * @see Hughes (1994), Strategic Database Marketing (RFM).
 * @example
 * ```ts
 * import { segmentSummary } from 'customer-metrics/segmentation';
 * import { rfmSegmentsChart } from 'customer-metrics/charts';
 * const rows = segmentSummary([500, 300, 40, 20, 10], ['Champions', 'Champions', 'At risk', 'Lost', 'Lost'])!;
 * // Champions: 2 of 5 customers (40%) and 800 of 870 (92.0%); sorted by customers, so Lost (2) before At risk (1)
 * const spec = rfmSegmentsChart(rows);
 * (spec.data as { values: { segment: string; label: string }[] }).values.map((v) => `${v.segment} ${v.label}`).slice(0, 2); // => ['Champions 40.0%', 'Champions 92.0%']
 * ```
 */
export function rfmSegmentsChart(segments: readonly SegmentSummaryRow[], options?: RfmSegmentsChartOptions): ChartSpec {
  const issues = new IssueList();
  const rows = parseSegmentRows(segments, ['segments'], issues);
  const opts = parseChartOptions(options, { sort: z.enum(['input', 'customers']).optional() }, issues);
  const list = done(issues, rows);
  const o = done(issues, opts);
  const ordered = o.sort === 'input' ? list : [...list].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  return segmentSharesSpec(
    ordered,
    {
      title: { en: 'RFM segments: customers and value', vi: 'Phân khúc RFM: khách hàng và giá trị' },
      subject: { en: 'RFM segments', vi: 'phân khúc RFM' },
      segmentTitle: { en: 'Segment', vi: 'Phân khúc' },
    },
    o,
    options?.height,
  );
}
