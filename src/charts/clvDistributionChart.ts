import {
  chartSpec,
  done,
  formatNumber,
  IssueList,
  numberSchema,
  OKABE_ITO,
  parseChartOptions,
  round,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';
import { checkNumber } from '../_lib/validate.js';

/** Options of {@link clvDistributionChart}. */
export interface ClvDistributionChartOptions extends ChartOptions {
  /**
   * The number of bins (equal width, from the smallest to the largest value).
   * @defaultValue 30
   */
  readonly bins?: number;
  /**
   * Values above this quantile of the defined values are pooled into the last bar (which keeps its
   * width; the subtitle says how many it pools), so that a few very large
   * values do not squeeze the rest into one bar. 1 pools nothing.
   * @defaultValue 1
   */
  readonly upperQuantile?: number;
  /**
   * The currency named in the axis title.
   * @defaultValue 'USD'
   */
  readonly currency?: string;
}

/**
 * The distribution of customer lifetime values as a histogram, with the mean marked: typically a
 * few customers worth much and many worth little.
 *
 * Definition: the defined values of `customerLifetimeValue` (entries `undefined`, customers the
 * spend model cannot value, are left out and counted in the description) fall into `bins` bins of
 * equal width from the smallest to the largest value, the last bin closed; a dashed rule marks the mean.
 * Cost: O(n).
 *
 * @param values - One CLV per customer (the result of `customerLifetimeValue`); `undefined` allowed.
 * @param options - See {@link ClvDistributionChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with one bar per bin.
 * @throws {@link MetricsInputError} when `values` is not an array, holds no defined value, or holds
 *   a value that is not a finite number; or an option is invalid.
 * @example
 * ```ts
 * import { clvDistributionChart } from 'customer-metrics/charts';
 * const spec = clvDistributionChart([10, 20, 20, 40, undefined], { bins: 3 });
 * // width (40 - 10) / 3 = 10: [10, 20) holds 10; [20, 30) the two 20s; [30, 40] the 40
 * (spec.data as { values: { from: number; count: number }[] }).values.map((b) => [b.from, b.count]); // => [[10, 1], [20, 2], [30, 1]]
 * ```
 */
export function clvDistributionChart(values: readonly (number | undefined)[], options?: ClvDistributionChartOptions): ChartSpec {
  const issues = new IssueList();
  const defined: number[] = [];
  let missing = 0;
  if (!Array.isArray(values)) issues.add('invalid_type', ['values'], values === undefined ? 'is required' : 'must be an array');
  else {
    values.forEach((v: unknown, i) => {
      if (v === undefined) missing++;
      else if (checkNumber(v, ['values', i], {}, issues)) defined.push(v);
    });
    if (issues.isEmpty && defined.length === 0) issues.add('too_small', ['values'], 'must hold at least one defined value');
  }
  const opts = parseChartOptions(options, { bins: numberSchema({ integer: true, min: 1, max: 1000 }).optional(), currency: z.string().min(1).max(10).optional(), upperQuantile: numberSchema({ greaterThan: 0, max: 1 }).optional() }, issues);
  const o = done(issues, opts);
  const { locale } = o;
  const binCount = (o.bins as number | undefined) ?? 30;
  const currency = (o.currency as string | undefined) ?? 'USD';
  const sorted = Float64Array.from(defined).sort();
  const lo = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const q = (o.upperQuantile as number | undefined) ?? 1;
  // The binned range ends at the upper quantile (nearest rank); larger values go to the last bar.
  const hi = q >= 1 ? max : (sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number);
  let sum = 0;
  for (const v of defined) sum += v;
  const width = hi > lo ? (hi - lo) / binCount : 1;
  const counts = new Array<number>(hi > lo ? binCount : 1).fill(0);
  let pooled = 0;
  for (const v of defined) {
    if (v > hi) pooled++;
    const k = Math.max(0, Math.min(counts.length - 1, Math.floor((v - lo) / width)));
    counts[k] = (counts[k] as number) + 1;
  }
  const bins = counts.map((count, k) => ({ from: round(lo + k * width, 6), to: round(k === counts.length - 1 && hi > lo ? hi : lo + (k + 1) * width, 6), count }));
  const mean = sum / defined.length;
  const title = tr(locale, { en: 'Distribution of customer lifetime value', vi: 'Phân bố giá trị vòng đời khách hàng' });
  const subtitle = tr(locale, {
    en: `${defined.length} customers; mean ${formatNumber(mean, 2, locale)} ${currency} (dashed)${missing > 0 ? `; ${missing} without a value left out` : ''}${pooled > 0 ? `; the last bar also holds the ${pooled} customers above ${formatNumber(hi, 2, locale)}` : ''}`,
    vi: `${defined.length} khách hàng; trung bình ${formatNumber(mean, 2, locale)} ${currency} (nét đứt)${missing > 0 ? `; bỏ qua ${missing} khách hàng không có giá trị` : ''}${pooled > 0 ? `; cột cuối gồm cả ${pooled} khách hàng trên ${formatNumber(hi, 2, locale)}` : ''}`,
  });
  const description = tr(locale, {
    en: `Histogram of the lifetime value of ${defined.length} customers from ${formatNumber(lo, 2, locale)} to ${formatNumber(max, 2, locale)} ${currency} in ${counts.length} bins; mean ${formatNumber(mean, 2, locale)}.`,
    vi: `Biểu đồ tần suất giá trị vòng đời của ${defined.length} khách hàng từ ${formatNumber(lo, 2, locale)} đến ${formatNumber(max, 2, locale)} ${currency} trong ${counts.length} khoảng; trung bình ${formatNumber(mean, 2, locale)}.`,
  });
  const x = { field: 'from', type: 'quantitative', title: tr(locale, { en: `Customer lifetime value (${currency})`, vi: `Giá trị vòng đời khách hàng (${currency})` }) };
  return chartSpec({ title, subtitle, description }, o, {
    data: { values: bins },
    layer: [
      { mark: { type: 'bar', color: OKABE_ITO.blue, binSpacing: 1 }, encoding: { x, x2: { field: 'to' }, y2: { datum: 0 }, y: { field: 'count', type: 'quantitative', title: tr(locale, { en: 'Customers (count)', vi: 'Số khách hàng' }) } } },
      { data: { values: [{ from: round(mean) }] }, mark: { type: 'rule', color: OKABE_ITO.vermillion, strokeDash: [5, 4], strokeWidth: 2 }, encoding: { x } },
    ],
  });
}
