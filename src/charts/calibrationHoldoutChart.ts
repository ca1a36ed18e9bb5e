import type { HoldoutValidation } from '../clv/index.js';
import {
  chartSpec,
  done,
  formatNumber,
  IssueList,
  numberSchema,
  parseChartOptions,
  parseInput,
  round,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';
import { actualVsModel } from './_internal/compare.js';
import { timeUnitSchema, unitWord, type ChartTimeUnit } from './_internal/units.js';

/** Options of {@link calibrationHoldoutChart}. */
export interface CalibrationHoldoutChartOptions extends ChartOptions {
  /**
   * The unit of the holdout period, for the description.
   * @defaultValue 'week'
   */
  readonly timeUnit?: ChartTimeUnit;
}

const schema = z.object({
  byFrequency: z
    .array(z.object({ frequency: numberSchema({ integer: true, min: 0 }), customers: numberSchema({ min: 0 }), actual: numberSchema({ min: 0 }), expected: numberSchema({ min: 0 }) }))
    .min(1)
    .max(1001),
  totals: z.object({ actual: numberSchema({ min: 0 }), expected: numberSchema({ min: 0 }) }),
});

/**
 * The out-of-sample check of a transaction model: mean purchases in the holdout period by number of
 * repeat purchases in the calibration period, actual against the model's conditional expectation
 * (lifetimes' `plot_calibration_purchases_vs_holdout_purchases`).
 *
 * Definition: two lines over `byFrequency` of `holdoutValidation`, `actual` (blue) and `expected`
 * (orange), mean per customer; the last group pools its frequency and above (`n+`). The subtitle
 * gives the total purchases, actual and expected.
 * Cost: O(g) for g groups.
 *
 * @param validation - The result of `holdoutValidation`.
 * @param options - See {@link CalibrationHoldoutChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with two lines and their points.
 * @throws {@link MetricsInputError} when there is no group, frequencies do not increase, a mean
 *   is negative, or an option is invalid.
 * @see Fader, Hardie & Lee (2005), figure 3 (conditional expectations, holdout period).
 * @example
 * ```ts
 * import { calibrationHoldoutChart } from 'customer-metrics/charts';
 * const spec = calibrationHoldoutChart({
 *   byFrequency: [
 *     { frequency: 0, customers: 50, actual: 0.2, expected: 0.25 },
 *     { frequency: 1, customers: 20, actual: 0.9, expected: 0.8 },
 *   ],
 *   totals: { actual: 28, expected: 28.5 },
 * } as never);
 * spec.title.subtitle; // => 'Holdout purchases in total: actual 28, model 28.5'
 * ```
 */
export function calibrationHoldoutChart(validation: HoldoutValidation, options?: CalibrationHoldoutChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(schema, validation, 'validation', issues);
  const opts = parseChartOptions(options, { timeUnit: timeUnitSchema.optional() }, issues);
  parsed?.byFrequency.forEach((g, i) => {
    const prev = parsed.byFrequency[i - 1];
    if (prev !== undefined && g.frequency <= prev.frequency) issues.add('invalid_order', ['validation', 'byFrequency', i, 'frequency'], 'must be greater than the previous frequency');
  });
  const v = done(issues, parsed);
  const o = done(issues, opts);
  const { locale } = o;
  const unit = (o.timeUnit as ChartTimeUnit | undefined) ?? 'week';
  const { actual, model, color } = actualVsModel(locale);
  const groups = v.byFrequency;
  const label = (i: number) => `${groups[i]?.frequency}${i === groups.length - 1 && groups.length > 1 ? '+' : ''}`;
  const order = groups.map((_, i) => label(i));
  const values = groups.flatMap((g, i) => [
    { frequency: label(i), series: actual, purchases: round(g.actual), customers: g.customers },
    { frequency: label(i), series: model, purchases: round(g.expected), customers: g.customers },
  ]);
  const title = tr(locale, { en: 'Holdout purchases by calibration frequency', vi: 'Số lần mua trong kỳ kiểm tra theo tần suất kỳ hiệu chỉnh' });
  const subtitle = tr(locale, {
    en: `Holdout purchases in total: actual ${formatNumber(v.totals.actual, Number.isInteger(v.totals.actual) ? 0 : 1, locale)}, model ${formatNumber(v.totals.expected, 1, locale)}`,
    vi: `Tổng số lần mua trong kỳ kiểm tra: thực tế ${formatNumber(v.totals.actual, Number.isInteger(v.totals.actual) ? 0 : 1, locale)}, mô hình ${formatNumber(v.totals.expected, 1, locale)}`,
  });
  const u = unitWord(unit, locale);
  const description = tr(locale, {
    en: `Line chart of the mean purchases per customer in the holdout period (${u}), actual and expected by the model, for customers grouped by their repeat purchases in the calibration period. ${subtitle}.`,
    vi: `Biểu đồ đường số lần mua trung bình mỗi khách hàng trong kỳ kiểm tra (${u}), thực tế và kỳ vọng của mô hình, theo nhóm số lần mua lặp lại trong kỳ hiệu chỉnh. ${subtitle}.`,
  });
  const x = { field: 'frequency', type: 'ordinal', sort: order, title: tr(locale, { en: 'Repeat purchases in the calibration period (count)', vi: 'Số lần mua lặp lại trong kỳ hiệu chỉnh' }), axis: { labelAngle: 0 } };
  const y = { field: 'purchases', type: 'quantitative', title: tr(locale, { en: 'Mean purchases per customer in the holdout', vi: 'Số lần mua trung bình mỗi khách trong kỳ kiểm tra' }) };
  return chartSpec({ title, subtitle, description }, o, {
    data: { values },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color, strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: [actual, model], range: [[1, 0], [6, 4]] } } } },
      { mark: { type: 'point', filled: true, size: 40 }, encoding: { x, y, color, tooltip: [{ field: 'frequency', type: 'ordinal' }, { field: 'series', type: 'nominal' }, { field: 'purchases', type: 'quantitative', format: '.2f' }, { field: 'customers', type: 'quantitative' }] } },
    ],
  });
}
