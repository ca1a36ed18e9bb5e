import type { WhaleCurve } from '../segmentation/index.js';
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

/** Options of {@link whaleCurveChart}. */
export type WhaleCurveChartOptions = ChartOptions;

/**
 * The whale curve: cumulative value (profit) of the customers, the most valuable first, as a share
 * of the total; above 100% when the customers at the end destroy value.
 *
 * Definition: the points of `valueTiers(...).whaleCurve`, joined by straight lines, a dashed line
 * at 100% of the total, and the peak marked and labelled (`peakValueShare` at `peakCustomerShare`).
 * Cost: O(p) for p points.
 *
 * @param curve - The `whaleCurve` of a `valueTiers` result.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON).
 * @throws {@link MetricsInputError} when the curve has fewer than 2 points or does not run from
 *   customer share 0 to 1 in order, the peak is out of range, or an option is invalid.
 * @see Kaplan & Narayanan (2001), "Measuring and managing customer profitability", J. of Cost Management.
 * @example
 * ```ts
 * import { valueTiers } from 'customer-metrics/segmentation';
 * import { whaleCurveChart } from 'customer-metrics/charts';
 * // Profits 60, 50, 10, -20: the first three hold 120 of 100.
 * const spec = whaleCurveChart(valueTiers([60, 50, 10, -20])!.whaleCurve!);
 * spec.title.subtitle; // => 'Peak 120% of the total profit at 75% of customers'
 * ```
 */
export function whaleCurveChart(curve: WhaleCurve, options?: WhaleCurveChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(
    z.object({ points: z.unknown(), peakValueShare: numberSchema(), peakCustomerShare: numberSchema({ min: 0, max: 1 }) }),
    curve,
    'curve',
    issues,
  );
  const points = parsed === undefined ? undefined : parseShareCurve(parsed.points, ['curve', 'points'], issues, false);
  const opts = parseChartOptions(options, {}, issues);
  const list = done(issues, points);
  const o = done(issues, opts);
  const c = parsed as NonNullable<typeof parsed>;
  const { locale } = o;
  const values = list.map((p) => ({ customerShare: round(p.customerShare), valueShare: round(p.valueShare) }));
  const peak = { customerShare: round(c.peakCustomerShare), valueShare: round(c.peakValueShare) };
  const peakText = tr(locale, {
    en: `Peak ${formatPercent(c.peakValueShare, 0, locale)} of the total profit at ${formatPercent(c.peakCustomerShare, 0, locale)} of customers`,
    vi: `Đỉnh ${formatPercent(c.peakValueShare, 0, locale)} tổng lợi nhuận tại ${formatPercent(c.peakCustomerShare, 0, locale)} khách hàng`,
  });
  const title = tr(locale, { en: 'Whale curve of customer profit', vi: 'Đường cong cá voi của lợi nhuận khách hàng' });
  const description = tr(locale, {
    en: `Whale curve: cumulative profit of customers sorted from the most profitable, as a share of the total. ${peakText}; the remaining customers bring it down to 100%.`,
    vi: `Đường cong cá voi: lợi nhuận cộng dồn của khách hàng xếp từ lợi nhuận cao nhất, tính theo tỷ lệ trên tổng. ${peakText}; số khách hàng còn lại kéo xuống còn 100%.`,
  });
  const lo = Math.min(0, ...values.map((v) => v.valueShare));
  const hi = Math.max(1, ...values.map((v) => v.valueShare));
  const x = { field: 'customerShare', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 }, title: tr(locale, { en: 'Customers, most profitable first (cumulative %)', vi: 'Khách hàng, lợi nhuận cao nhất trước (% cộng dồn)' }) };
  const y = { field: 'valueShare', type: 'quantitative', scale: { domain: [round(lo), round(hi * 1.08)], nice: false }, axis: { format: '.0%' }, title: tr(locale, { en: 'Cumulative profit (% of the total)', vi: 'Lợi nhuận cộng dồn (% trên tổng)' }) };
  return chartSpec({ title, subtitle: peakText, description }, o, {
    data: { values },
    layer: [
      { data: { values: [{ valueShare: 1 }] }, mark: { type: 'rule', strokeDash: [5, 4], color: '#777777' }, encoding: { y } },
      { mark: { type: 'line', strokeWidth: 2, color: OKABE_ITO.blue }, encoding: { x, y } },
      { data: { values: [peak] }, mark: { type: 'point', filled: true, size: 70, color: OKABE_ITO.vermillion }, encoding: { x, y } },
    ],
  });
}
