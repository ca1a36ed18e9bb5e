import type { ChurnSeriesRow } from '../retention/index.js';
import {
  chartSpec,
  done,
  formatPercent,
  IssueList,
  numberSchema,
  OKABE_ITO,
  parseChartOptions,
  parseInput,
  round,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';

/** Options of {@link churnSeriesChart}. */
export interface ChurnSeriesChartOptions extends ChartOptions {
  /**
   * Draw the trailing average as a second, dashed line.
   * @defaultValue true
   */
  readonly showTrailingAverage?: boolean;
}

const rate = numberSchema({ min: 0 }).optional();
const rowsSchema = z.array(z.object({ label: z.string().min(1).max(100), rate, trailingAverage: rate, start: numberSchema({ min: 0 }), churned: numberSchema({ min: 0 }) })).min(1).max(10_000);

/**
 * Customer churn per calendar period as a line, with its trailing average dashed.
 *
 * Definition: one point per row of `churnSeries` at its `rate`, in percent; periods without a
 * rate (an empty base) leave a gap in the description and no point; the second line is
 * `trailingAverage`. Colours: blue (rate) and orange (average), Okabe-Ito.
 * Cost: O(p) for p periods.
 *
 * @param series - The rows of `churnSeries` (1 to 10,000), oldest first.
 * @param options - See {@link ChurnSeriesChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with one or two lines.
 * @throws {@link MetricsInputError} when there are no rows, a rate is negative, a label is empty or
 *   repeated, or an option is invalid.
 * @see ChartMogul, "Customer churn rate" (6-month trailing average).
 * @example
 * ```ts
 * import { churnSeriesChart } from 'customer-metrics/charts';
 * const rows = [
 *   { label: '2025-01', rate: 0.05, trailingAverage: undefined, start: 100, churned: 5 },
 *   { label: '2025-02', rate: 0.03, trailingAverage: 0.04, start: 98, churned: 3 },
 * ];
 * const spec = churnSeriesChart(rows as never);
 * (spec.data as { values: { series: string; rate: number }[] }).values.map((v) => [v.series, v.rate]); // => [['Churn rate', 0.05], ['Churn rate', 0.03], ['Trailing average', 0.04]]
 * ```
 */
export function churnSeriesChart(series: readonly ChurnSeriesRow[], options?: ChurnSeriesChartOptions): ChartSpec {
  const issues = new IssueList();
  const rows = parseInput(rowsSchema, series, 'series', issues);
  const opts = parseChartOptions(options, { showTrailingAverage: z.boolean().optional() }, issues);
  const seen = new Set<string>();
  rows?.forEach((row, i) => {
    if (seen.has(row.label)) issues.add('invalid_value', ['series', i, 'label'], 'must be unique');
    seen.add(row.label);
  });
  const list = done(issues, rows);
  const o = done(issues, opts);
  const { locale } = o;
  const rateName = tr(locale, { en: 'Churn rate', vi: 'Tỷ lệ rời bỏ' });
  const averageName = tr(locale, { en: 'Trailing average', vi: 'Trung bình trượt' });
  const values: { period: string; series: string; rate: number }[] = [];
  for (const row of list) if (row.rate !== undefined) values.push({ period: row.label, series: rateName, rate: round(row.rate) });
  if (o.showTrailingAverage !== false) {
    for (const row of list) if (row.trailingAverage !== undefined) values.push({ period: row.label, series: averageName, rate: round(row.trailingAverage) });
  }
  const rated = list.filter((r) => r.rate !== undefined);
  const lastRated = rated[rated.length - 1];
  const title = tr(locale, { en: 'Customer churn per period', vi: 'Tỷ lệ khách hàng rời bỏ theo kỳ' });
  const description = tr(locale, {
    en: `Line chart of the customer churn rate in ${list.length} periods from ${list[0]?.label} to ${list[list.length - 1]?.label}${lastRated === undefined ? '' : `; ${formatPercent(lastRated.rate ?? 0, 1, locale)} in ${lastRated.label}`}.`,
    vi: `Biểu đồ đường tỷ lệ khách hàng rời bỏ qua ${list.length} kỳ từ ${list[0]?.label} đến ${list[list.length - 1]?.label}${lastRated === undefined ? '' : `; ${formatPercent(lastRated.rate ?? 0, 1, locale)} trong kỳ ${lastRated.label}`}.`,
  });
  const x = { field: 'period', type: 'ordinal', sort: list.map((r) => r.label), title: tr(locale, { en: 'Period', vi: 'Kỳ' }), axis: { labelAngle: -45 } };
  const y = { field: 'rate', type: 'quantitative', axis: { format: '.1%' }, scale: { zero: true }, title: tr(locale, { en: 'Customers lost in the period (%)', vi: 'Khách hàng rời bỏ trong kỳ (%)' }) };
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: [rateName, averageName], range: [OKABE_ITO.blue, OKABE_ITO.orange] } };
  const strokeDash = { field: 'series', type: 'nominal', title: null, scale: { domain: [rateName, averageName], range: [[1, 0], [6, 4]] } };
  return chartSpec({ title, description }, o, {
    data: { values },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color, strokeDash } },
      { mark: { type: 'point', filled: true, size: 36 }, encoding: { x, y, color, tooltip: [{ field: 'period', type: 'ordinal' }, { field: 'rate', type: 'quantitative', format: '.2%' }] } },
    ],
  });
}
