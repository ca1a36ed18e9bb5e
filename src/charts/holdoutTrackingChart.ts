import type { HoldoutTracking } from '../clv/index.js';
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

/** Options of {@link holdoutTrackingChart}. */
export interface HoldoutTrackingChartOptions extends ChartOptions {
  /**
   * Cumulative purchases up to each period's end, or the purchases within each period.
   * @defaultValue 'cumulative'
   */
  readonly view?: 'cumulative' | 'incremental';
  /**
   * The unit of the tracking periods' ends (the `unit` of the tracking input).
   * @defaultValue 'week'
   */
  readonly timeUnit?: ChartTimeUnit;
}

const column = z.array(numberSchema({ min: 0 })).min(1).max(100_000);
const schema = z.object({ end: column, actualIncremental: column, expectedIncremental: column, actualCumulative: column, expectedCumulative: column });

/**
 * Tracking of a transaction model over the holdout period: total purchases of the calibration
 * customers per period (or cumulated), actual against expected (the tracking plots of Fader,
 * Hardie & Lee 2005, and lifetimes' `plot_cumulative_transactions` / `plot_incremental_transactions`).
 *
 * Definition: two lines over `end` (units after the calibration end) of the `tracking` of
 * `holdoutValidation`: `actualCumulative` and `expectedCumulative`, or the `...Incremental` pair.
 * Cost: O(p) for p periods.
 *
 * @param tracking - The `tracking` of a `holdoutValidation` result.
 * @param options - See {@link HoldoutTrackingChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with two lines.
 * @throws {@link MetricsInputError} when the columns differ in length, ends do not increase, a
 *   count is negative, or an option is invalid.
 * @see Fader, Hardie & Lee (2005), figure 2 (weekly cumulative repeat transactions).
 * @example
 * ```ts
 * import { holdoutTrackingChart } from 'customer-metrics/charts';
 * const tracking = {
 *   end: [1, 2],
 *   actualIncremental: [5, 3],
 *   expectedIncremental: [4.5, 3.5],
 *   actualCumulative: [5, 8],
 *   expectedCumulative: [4.5, 8],
 * };
 * const spec = holdoutTrackingChart(tracking, { view: 'incremental' });
 * (spec.data as { values: { end: number; purchases: number }[] }).values.map((v) => v.purchases); // => [5, 3, 4.5, 3.5]
 * ```
 */
export function holdoutTrackingChart(tracking: HoldoutTracking, options?: HoldoutTrackingChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(schema, tracking, 'tracking', issues);
  const opts = parseChartOptions(options, { view: z.enum(['cumulative', 'incremental']).optional(), timeUnit: timeUnitSchema.optional() }, issues);
  if (parsed !== undefined) {
    for (const key of ['actualIncremental', 'expectedIncremental', 'actualCumulative', 'expectedCumulative'] as const) {
      if (parsed[key].length !== parsed.end.length) issues.add('invalid_structure', ['tracking', key], 'must have one entry per period end');
    }
    parsed.end.forEach((e, i) => {
      if (i > 0 && !(e > (parsed.end[i - 1] as number))) issues.add('invalid_order', ['tracking', 'end', i], 'must be greater than the previous end');
    });
  }
  const t = done(issues, parsed);
  const o = done(issues, opts);
  const { locale } = o;
  const cumulative = o.view !== 'incremental';
  const unit = (o.timeUnit as ChartTimeUnit | undefined) ?? 'week';
  const u = unitWord(unit, locale);
  const { actual, model, color } = actualVsModel(locale);
  const a = cumulative ? t.actualCumulative : t.actualIncremental;
  const e = cumulative ? t.expectedCumulative : t.expectedIncremental;
  const values = [...t.end.map((end, i) => ({ end: round(end), series: actual, purchases: round(a[i] as number) })), ...t.end.map((end, i) => ({ end: round(end), series: model, purchases: round(e[i] as number) }))];
  const title = cumulative
    ? tr(locale, { en: 'Cumulative purchases in the holdout: actual vs model', vi: 'Số lần mua cộng dồn trong kỳ kiểm tra: thực tế và mô hình' })
    : tr(locale, { en: 'Purchases per period in the holdout: actual vs model', vi: 'Số lần mua mỗi kỳ trong kỳ kiểm tra: thực tế và mô hình' });
  const lastA = t.actualCumulative[t.actualCumulative.length - 1] ?? 0;
  const lastE = t.expectedCumulative[t.expectedCumulative.length - 1] ?? 0;
  const description = tr(locale, {
    en: `Line chart of ${cumulative ? 'cumulative purchases' : 'purchases per period'} over ${t.end.length} periods after the calibration end (${u}), actual and expected; in total ${formatNumber(lastA, 0, locale)} actual and ${formatNumber(lastE, 1, locale)} expected.`,
    vi: `Biểu đồ đường ${cumulative ? 'số lần mua cộng dồn' : 'số lần mua mỗi kỳ'} qua ${t.end.length} kỳ sau khi kết thúc kỳ hiệu chỉnh (${u}), thực tế và kỳ vọng; tổng cộng ${formatNumber(lastA, 0, locale)} thực tế và ${formatNumber(lastE, 1, locale)} kỳ vọng.`,
  });
  const x = { field: 'end', type: 'quantitative', title: tr(locale, { en: `Time after the calibration end (${u})`, vi: `Thời gian sau khi kết thúc kỳ hiệu chỉnh (${u})` }) };
  const y = { field: 'purchases', type: 'quantitative', title: cumulative ? tr(locale, { en: 'Purchases, cumulative (count)', vi: 'Số lần mua cộng dồn' }) : tr(locale, { en: 'Purchases in the period (count)', vi: 'Số lần mua trong kỳ' }) };
  return chartSpec({ title, description }, o, {
    data: { values },
    mark: { type: 'line', strokeWidth: 2, point: t.end.length <= 60 },
    encoding: { x, y, color, strokeDash: { field: 'series', type: 'nominal', title: null, scale: { domain: [actual, model], range: [[1, 0], [6, 4]] } } },
  });
}
