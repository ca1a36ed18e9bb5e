import type { AbcClassification } from '../segmentation/index.js';
import { done, IssueList, parseChartOptions, parseInput, z, type ChartOptions, type ChartSpec } from './_internal/common.js';
import { parseSegmentRows, segmentSharesSpec } from './_internal/segments.js';

/** Options of {@link abcClassesChart}. */
export type AbcClassesChartOptions = ChartOptions;

/**
 * The ABC classes side by side: for A, B and C, the share of the customers in the class next to the
 * share of the value they hold (A: the vital few with most of the value).
 *
 * Definition: two bars per class from `summary` of `classifyAbc`: `customerShare` and `valueShare`,
 * in percent, labelled. Colours: sky blue (customers) and blue (value), Okabe-Ito.
 * Cost: O(1).
 *
 * @param classification - The result of `classifyAbc`.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with two bars per class.
 * @throws {@link MetricsInputError} when the summary is missing or empty, a share is out of range,
 *   a total is not an amount, or an option is invalid.
 * @see Dickie (1951), "ABC inventory analysis shoots for dollars, not pennies".
 * @example
 * ```ts
 * import { classifyAbc } from 'customer-metrics/segmentation';
 * import { abcClassesChart } from 'customer-metrics/charts';
 * // 100 of 130 is in A (76.9%), 20 in B, 10 in C
 * const spec = abcClassesChart(classifyAbc([100, 20, 5, 5])!);
 * (spec.data as { values: { segment: string; measure: string; label: string }[] }).values.map((v) => v.label); // => ['25.0%', '76.9%', '25.0%', '15.4%', '50.0%', '7.7%']
 * ```
 */
export function abcClassesChart(classification: AbcClassification, options?: AbcClassesChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(z.object({ summary: z.unknown() }), classification, 'classification', issues);
  const rows = parsed === undefined ? undefined : parseSegmentRows(parsed.summary, ['classification', 'summary'], issues);
  const opts = parseChartOptions(options, {}, issues);
  const list = done(issues, rows);
  const o = done(issues, opts);
  return segmentSharesSpec(
    list,
    {
      title: { en: 'ABC classes: customers and value', vi: 'Phân loại ABC: khách hàng và giá trị' },
      subject: { en: 'ABC classes', vi: 'lớp ABC' },
      segmentTitle: { en: 'Class', vi: 'Lớp' },
    },
    o,
    options?.height,
  );
}
