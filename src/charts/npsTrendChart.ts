import type { NpsTrendResult, NpsTrendRow } from '../nps/index.js';
import {
  chartSpec,
  done,
  formatNumber,
  formatPercent,
  IssueList,
  OKABE_ITO,
  parseChartOptions,
  round,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';
import { npsRowShape, parseRows } from './_internal/nps.js';

/** Options of {@link npsTrendChart}. */
export interface NpsTrendChartOptions extends ChartOptions {
  /**
   * Draw the confidence interval of each period's score as a shaded band.
   * @defaultValue true
   */
  readonly showInterval?: boolean;
}

const rowSchema = z.object({ ...npsRowShape, period: z.string().min(1).max(100) });

/**
 * The Net Promoter Score per calendar period as a line, with the confidence interval of each
 * period's score as a band around it.
 *
 * Definition: one point per row of `npsTrend`, in row order, at the period's label; the band runs
 * from `interval.lower` to `interval.upper` (the method and level of `npsTrend`, given in the
 * subtitle). The y axis is fixed to -100..100 NPS points so that trends of different surveys compare.
 * Cost: O(p) for p periods.
 *
 * @param trend - The result of `npsTrend`, or its `rows` (1 to 10,000).
 * @param options - See {@link NpsTrendChartOptions}.
 * @returns A Vega-Lite spec (plain JSON): a band, a line and one point per period.
 * @throws {@link MetricsInputError} when there are no rows, a score or bound is outside -100..100,
 *   a period label is empty, the confidence levels differ, or an option is invalid.
 * @see Rocks (2016), "Confidence intervals for the Net Promoter Score", for the interval.
 * @example
 * ```ts
 * import { npsTrend } from 'customer-metrics/nps';
 * import { npsTrendChart } from 'customer-metrics/charts';
 * const trend = npsTrend(
 *   [
 *     { score: 10, date: Date.UTC(2025, 0, 5) },
 *     { score: 3, date: Date.UTC(2025, 0, 9) },
 *     { score: 9, date: Date.UTC(2025, 1, 2) },
 *   ],
 *   { period: 'month' },
 * );
 * const spec = npsTrendChart(trend);
 * (spec.data as { values: { period: string; score: number }[] }).values.map((v) => [v.period, v.score]); // => [['2025-01', 0], ['2025-02', 100]]
 * spec.title.subtitle; // => 'Shaded: 95% confidence interval'
 * ```
 */
export function npsTrendChart(trend: NpsTrendResult | readonly NpsTrendRow[], options?: NpsTrendChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseRows(trend, 'trend', rowSchema, issues);
  const opts = parseChartOptions(options, { showInterval: z.boolean().optional() }, issues);
  const rows = parsed?.rows;
  const base = parsed?.base ?? [];
  rows?.forEach((row, i) => {
    if (row.interval.lower > row.interval.upper) issues.add('invalid_order', [...base, i, 'interval'], 'must have lower <= upper');
    if (row.confidence !== rows[0]?.confidence) issues.add('invalid_value', [...base, i, 'confidence'], 'must be the same in every row');
  });
  const list = done(issues, rows);
  const o = done(issues, opts);
  const { locale } = o;
  const values = list.map((row) => ({
    period: row.period,
    score: round(row.score, 4),
    lower: round(row.interval.lower, 4),
    upper: round(row.interval.upper, 4),
    n: row.n,
  }));
  const level = formatPercent(list[0]?.confidence ?? 0.95, 0, locale);
  const first = values[0];
  const last = values[values.length - 1];
  const title = tr(locale, { en: 'Net Promoter Score over time', vi: 'Chỉ số NPS theo thời gian' });
  const subtitle = o.showInterval === false ? undefined : tr(locale, { en: `Shaded: ${level} confidence interval`, vi: `Vùng tô: khoảng tin cậy ${level}` });
  const description = tr(locale, {
    en: `Line chart of the Net Promoter Score in ${values.length} periods, from ${formatNumber(first?.score ?? 0, 1, locale)} in ${first?.period} to ${formatNumber(last?.score ?? 0, 1, locale)} in ${last?.period}, with a ${level} confidence band.`,
    vi: `Biểu đồ đường của chỉ số NPS qua ${values.length} kỳ, từ ${formatNumber(first?.score ?? 0, 1, locale)} (${first?.period}) đến ${formatNumber(last?.score ?? 0, 1, locale)} (${last?.period}), kèm dải tin cậy ${level}.`,
  });
  const x = { field: 'period', type: 'ordinal', sort: null, title: tr(locale, { en: 'Period', vi: 'Kỳ' }), axis: { labelAngle: -45 } };
  const y = { type: 'quantitative', scale: { domain: [-100, 100] }, title: tr(locale, { en: 'NPS (points, -100 to 100)', vi: 'NPS (điểm, -100 đến 100)' }) };
  const tooltip = [
    { field: 'period', type: 'ordinal', title: tr(locale, { en: 'Period', vi: 'Kỳ' }) },
    { field: 'score', type: 'quantitative', title: 'NPS', format: '.1f' },
    { field: 'n', type: 'quantitative', title: tr(locale, { en: 'Answers', vi: 'Số câu trả lời' }) },
  ];
  const layer: Record<string, unknown>[] = [];
  if (o.showInterval !== false) {
    layer.push({
      mark: { type: 'area', opacity: 0.25, color: OKABE_ITO.blue },
      encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
    });
  }
  layer.push(
    { mark: { type: 'rule', color: '#777777', strokeDash: [4, 4] }, data: { values: [{ zero: 0 }] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
    { mark: { type: 'line', color: OKABE_ITO.blue, strokeWidth: 2 }, encoding: { x, y: { ...y, field: 'score' } } },
    { mark: { type: 'point', filled: true, color: OKABE_ITO.blue, size: 40 }, encoding: { x, y: { ...y, field: 'score' }, tooltip } },
  );
  return chartSpec({ title, subtitle, description }, o, { data: { values }, layer });
}
