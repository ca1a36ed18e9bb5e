import type { ParetoAnalysis } from '../segmentation/index.js';
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
import { parseShareCurve } from './_internal/curve.js';

/** Options of {@link paretoChart}. */
export type ParetoChartOptions = ChartOptions;

const share = numberSchema({ min: 0, max: 1 });
const analysisSchema = z.object({
  lorenz: z.unknown(),
  top: z.array(z.object({ customerShare: share, valueShare: share })).max(100),
  targets: z.array(z.object({ valueShare: share, customerShare: share })).max(100),
});

/**
 * The Pareto curve: the cumulative share of value held by the best customers, with the 80/20
 * markers: how much the top 20% hold, and how few customers hold 80% of the value.
 *
 * Definition: the curve is the Lorenz curve of `paretoAnalysis` read from the other end, (1 - c,
 * 1 - v) for each Lorenz point (c, v): customers sorted from the most valuable. Each entry of `top`
 * (by default the top 20%) gets a dashed guide from the x axis and a labelled point, each entry of
 * `targets` (by default 80% of value) a dashed guide from the y axis and a labelled point; a grey
 * cross marks the textbook 80/20 point for comparison.
 * Cost: O(p) for p Lorenz points.
 *
 * @param analysis - The result of `paretoAnalysis`.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON).
 * @throws {@link MetricsInputError} when the curve is invalid (see {@link lorenzChart}), a share in
 *   `top` or `targets` is outside [0, 1], or an option is invalid.
 * @see Juran (1951), Quality Control Handbook ("vital few, trivial many").
 * @example
 * ```ts
 * import { paretoAnalysis } from 'customer-metrics/segmentation';
 * import { paretoChart } from 'customer-metrics/charts';
 * // Ten customers; the best two (20%) hold 70 of 100.
 * const spec = paretoChart(paretoAnalysis([40, 30, 5, 5, 5, 5, 4, 3, 2, 1])!);
 * spec.title.subtitle; // => ['Top 20% of customers hold 70.0% of the value', '80% of the value comes from 40.0% of customers']
 * ```
 */
export function paretoChart(analysis: ParetoAnalysis, options?: ParetoChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(analysisSchema, analysis, 'analysis', issues);
  const curve = parsed === undefined ? undefined : parseShareCurve(parsed.lorenz, ['analysis', 'lorenz'], issues, true);
  const opts = parseChartOptions(options, {}, issues);
  const lorenz = done(issues, curve);
  const o = done(issues, opts);
  const a = parsed as z.output<typeof analysisSchema>;
  const { locale } = o;
  const values = [...lorenz].reverse().map((p) => ({ customerShare: round(1 - p.customerShare), valueShare: round(1 - p.valueShare) }));
  const topText = (t: { customerShare: number; valueShare: number }) =>
    tr(locale, {
      en: `Top ${formatPercent(t.customerShare, 0, locale)} of customers hold ${formatPercent(t.valueShare, 1, locale)} of the value`,
      vi: `${formatPercent(t.customerShare, 0, locale)} khách hàng hàng đầu nắm giữ ${formatPercent(t.valueShare, 1, locale)} giá trị`,
    });
  const targetText = (t: { customerShare: number; valueShare: number }) =>
    tr(locale, {
      en: `${formatPercent(t.valueShare, 0, locale)} of the value comes from ${formatPercent(t.customerShare, 1, locale)} of customers`,
      vi: `${formatPercent(t.valueShare, 0, locale)} giá trị đến từ ${formatPercent(t.customerShare, 1, locale)} khách hàng`,
    });
  const facts = [...a.top.map(topText), ...a.targets.map(targetText)];
  const markers = [
    ...a.top.map((t) => ({ customerShare: round(t.customerShare), valueShare: round(t.valueShare), x0: round(t.customerShare), y0: 0, label: `${formatPercent(t.customerShare, 0, locale)} → ${formatPercent(t.valueShare, 0, locale)}` })),
    ...a.targets.map((t) => ({ customerShare: round(t.customerShare), valueShare: round(t.valueShare), x0: 0, y0: round(t.valueShare), label: `${formatPercent(t.customerShare, 0, locale)} → ${formatPercent(t.valueShare, 0, locale)}` })),
  ];
  const title = tr(locale, { en: 'Pareto curve: value held by the best customers', vi: 'Đường Pareto: giá trị do khách hàng tốt nhất nắm giữ' });
  // One line per fact, so that the subtitle never widens the chart.
  const subtitle = facts.length > 0 ? facts : undefined;
  const description = tr(locale, {
    en: `Pareto curve of cumulative value against customers sorted from the most valuable. ${facts.join('. ')}${facts.length > 0 ? '.' : ''}`,
    vi: `Đường Pareto của giá trị cộng dồn theo khách hàng xếp từ giá trị cao nhất. ${facts.join('. ')}${facts.length > 0 ? '.' : ''}`,
  });
  const x = { field: 'customerShare', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 }, title: tr(locale, { en: 'Customers, most valuable first (cumulative %)', vi: 'Khách hàng, giá trị cao nhất trước (% cộng dồn)' }) };
  const y = { field: 'valueShare', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: tr(locale, { en: 'Value held (cumulative %)', vi: 'Giá trị nắm giữ (% cộng dồn)' }) };
  const layer: Record<string, unknown>[] = [
    { mark: { type: 'line', strokeWidth: 2, color: OKABE_ITO.blue }, encoding: { x, y } },
    { data: { values: [{ customerShare: 0.2, valueShare: 0.8 }] }, mark: { type: 'point', shape: 'cross', size: 80, color: '#777777', filled: true }, encoding: { x, y } },
    { data: { values: [{ customerShare: 0.2, valueShare: 0.8, label: '80/20' }] }, mark: { type: 'text', align: 'right', dx: -6, dy: -8, color: '#555555', fontSize: 10 }, encoding: { x, y, text: { field: 'label', type: 'nominal' } } },
  ];
  if (markers.length > 0) {
    layer.push(
      { data: { values: markers }, mark: { type: 'rule', strokeDash: [4, 3], color: OKABE_ITO.vermillion }, encoding: { x: { ...x, field: 'x0' }, y: { ...y, field: 'y0' }, x2: { field: 'customerShare' }, y2: { field: 'valueShare' } } },
      { data: { values: markers }, mark: { type: 'point', filled: true, size: 60, color: OKABE_ITO.vermillion }, encoding: { x, y } },
      { data: { values: markers }, mark: { type: 'text', align: 'left', dx: 7, dy: 10, fontSize: 11, color: OKABE_ITO.vermillion }, encoding: { x, y, text: { field: 'label', type: 'nominal' } } },
    );
  }
  return chartSpec({ title, subtitle, description }, { ...o, height: options?.height ?? o.width * 0.7 }, { data: { values }, layer });
}
