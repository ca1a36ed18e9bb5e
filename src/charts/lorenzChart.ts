import type { LorenzPoint } from '../segmentation/index.js';
import {
  chartSpec,
  done,
  formatNumber,
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

/** The input of {@link lorenzChart}: a `paretoAnalysis` result, or a curve with its Gini coefficient. */
export interface LorenzChartInput {
  /** The Lorenz curve (from `lorenzCurve`, or `lorenz` of `paretoAnalysis`). */
  readonly lorenz: readonly LorenzPoint[];
  /** The Gini coefficient shown in the subtitle (from `giniCoefficient`), or `undefined` to leave it out. */
  readonly gini?: number | undefined;
}

/** Options of {@link lorenzChart}. */
export type LorenzChartOptions = ChartOptions;

/**
 * The Lorenz curve of customer value with the line of equality and the Gini coefficient: the
 * further the curve sags below the diagonal, the more the value is concentrated.
 *
 * Definition: the points of the curve (customers sorted from the least to the most valuable, share
 * of customers against cumulative share of value) joined by straight lines, the diagonal from (0, 0)
 * to (1, 1) dashed, and the area between them shaded: the Gini coefficient is twice that area,
 * given in the subtitle.
 * Cost: O(p) for p points (down-sample large curves with `lorenzCurve`'s `points` option).
 *
 * @param input - `{ lorenz, gini }`: a `paretoAnalysis` result fits as it is.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON): an area, the curve and the diagonal.
 * @throws {@link MetricsInputError} when the curve has fewer than 2 points, does not run from
 *   customer share 0 to 1, decreases or leaves [0, 1], the Gini is outside [0, 1], or an option is invalid.
 * @see Lorenz (1905); Gini (1912); R package `ineq`, functions `Lc` and `Gini`.
 * @example
 * ```ts
 * import { lorenzCurve, giniCoefficient } from 'customer-metrics/segmentation';
 * import { lorenzChart } from 'customer-metrics/charts';
 * const values = [10, 2, 5, 15];
 * // sorted 2, 5, 10, 15: G = 2 (1*2 + 2*5 + 3*10 + 4*15) / (4 * 32) - 5/4 = 0.34375
 * const spec = lorenzChart({ lorenz: lorenzCurve(values)!, gini: giniCoefficient(values) });
 * spec.title.subtitle; // => 'Gini coefficient 0.34; the diagonal is perfect equality'
 * ```
 */
export function lorenzChart(input: LorenzChartInput, options?: LorenzChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(z.object({ lorenz: z.unknown(), gini: numberSchema({ min: 0, max: 1 }).optional() }), input, 'input', issues);
  const curve = parsed === undefined ? undefined : parseShareCurve(parsed.lorenz, ['input', 'lorenz'], issues, true);
  const opts = parseChartOptions(options, {}, issues);
  const points = done(issues, curve);
  const o = done(issues, opts);
  const { locale } = o;
  const gini = parsed?.gini;
  const values = points.map((p) => ({ customerShare: round(p.customerShare), valueShare: round(p.valueShare), equality: round(p.customerShare) }));
  // The bottom half of the customers' share of value, read off the curve (linear between points).
  const half = shareAt(points, 0.5);
  const title = tr(locale, { en: 'Lorenz curve of customer value', vi: 'Đường cong Lorenz của giá trị khách hàng' });
  const subtitle =
    gini === undefined
      ? tr(locale, { en: 'The diagonal is perfect equality', vi: 'Đường chéo là phân bố đều tuyệt đối' })
      : tr(locale, { en: `Gini coefficient ${formatNumber(gini, 2, locale)}; the diagonal is perfect equality`, vi: `Hệ số Gini ${formatNumber(gini, 2, locale)}; đường chéo là phân bố đều tuyệt đối` });
  const description = tr(locale, {
    en: `Lorenz curve: the least valuable half of the customers hold ${formatPercent(half, 1, locale)} of the value${gini === undefined ? '' : `; Gini coefficient ${formatNumber(gini, 2, locale)}`}.`,
    vi: `Đường cong Lorenz: một nửa số khách hàng có giá trị thấp nhất nắm giữ ${formatPercent(half, 1, locale)} tổng giá trị${gini === undefined ? '' : `; hệ số Gini ${formatNumber(gini, 2, locale)}`}.`,
  });
  const x = { field: 'customerShare', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 }, title: tr(locale, { en: 'Customers, least valuable first (cumulative %)', vi: 'Khách hàng, giá trị thấp nhất trước (% cộng dồn)' }) };
  const y = { type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: tr(locale, { en: 'Value held (cumulative %)', vi: 'Giá trị nắm giữ (% cộng dồn)' }) };
  const lorenzName = tr(locale, { en: 'Lorenz curve', vi: 'Đường Lorenz' });
  const equalityName = tr(locale, { en: 'Line of equality', vi: 'Đường phân bố đều' });
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: [lorenzName, equalityName], range: [OKABE_ITO.blue, '#777777'] } };
  const lines = [
    ...values.map((v) => ({ customerShare: v.customerShare, share: v.equality, series: equalityName })),
    ...values.map((v) => ({ customerShare: v.customerShare, share: v.valueShare, series: lorenzName })),
  ];
  return chartSpec({ title, subtitle, description }, { ...o, height: options?.height ?? o.width * 0.7 }, {
    data: { values },
    layer: [
      { mark: { type: 'area', color: OKABE_ITO.skyBlue, opacity: 0.3 }, encoding: { x, y: { ...y, field: 'valueShare' }, y2: { field: 'equality' } } },
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x, y: { ...y, field: 'share' }, color, strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: [lorenzName, equalityName], range: [[1, 0], [5, 4]] } } },
      },
    ],
  });
}

function shareAt(points: readonly { customerShare: number; valueShare: number }[], c: number): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { customerShare: number; valueShare: number };
    const b = points[i] as { customerShare: number; valueShare: number };
    if (b.customerShare >= c) {
      const span = b.customerShare - a.customerShare;
      return span === 0 ? b.valueShare : a.valueShare + ((c - a.customerShare) / span) * (b.valueShare - a.valueShare);
    }
  }
  return 1;
}
