/**
 * The density chart shared by the two heterogeneity charts.
 *
 * @internal
 * @module
 */
import { chartSpec, formatNumber, OKABE_ITO, round, tr, type ChartSpec, type ResolvedChartOptions, type Text } from './common.js';
import type { DensityCurve } from './density.js';

/** A density as an area with its mean marked. */
export function densitySpec(curve: DensityCurve, frame: { title: Text; subtitle: string; xTitle: string; what: Text }, o: ResolvedChartOptions): ChartSpec {
  const { locale } = o;
  const mean = curve.mean;
  const description = tr(locale, {
    en: `Density curve of ${frame.what.en} across customers; mean ${formatNumber(mean, 4, locale)} (dashed line). ${frame.subtitle}.`,
    vi: `Đường mật độ của ${frame.what.vi} giữa các khách hàng; trung bình ${formatNumber(mean, 4, locale)} (đường nét đứt). ${frame.subtitle}.`,
  });
  const x = { field: 'x', type: 'quantitative', title: frame.xTitle };
  return chartSpec({ title: tr(locale, frame.title), subtitle: frame.subtitle, description }, o, {
    data: { values: curve.points },
    layer: [
      { mark: { type: 'area', color: OKABE_ITO.skyBlue, opacity: 0.5, line: { color: OKABE_ITO.blue } }, encoding: { x, y: { field: 'density', type: 'quantitative', title: tr(locale, { en: 'Density (share of customers per unit)', vi: 'Mật độ (tỷ lệ khách hàng trên một đơn vị)' }) } } },
      { data: { values: [{ x: round(mean, 8) }] }, mark: { type: 'rule', color: OKABE_ITO.vermillion, strokeDash: [5, 4], strokeWidth: 2 }, encoding: { x } },
    ],
  });
}
