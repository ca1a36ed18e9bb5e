import type { PeriodTransactionsBin } from '../clv/index.js';
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

/** Options of {@link periodTransactionsChart}. */
export type PeriodTransactionsChartOptions = ChartOptions;

const binsSchema = z.array(z.object({ frequency: numberSchema({ integer: true, min: 0 }), actual: numberSchema({ min: 0 }), expected: numberSchema({ min: 0 }) })).min(1).max(1001);

/**
 * The in-sample check of a transaction model: how many customers made 0, 1, 2, ... repeat
 * purchases, actual next to what the model expects (lifetimes' `plot_period_transactions`).
 *
 * Definition: two bars per bin of `periodTransactionsHistogram`, `actual` (blue) and `expected`
 * (orange); the last bin pools its frequency and above and is labelled `n+`.
 * Cost: O(b) for b bins.
 *
 * @param bins - The result of `periodTransactionsHistogram`, frequencies increasing by one.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with two bars per bin.
 * @throws {@link MetricsInputError} when there is no bin, frequencies are not 0, 1, 2, ... in order,
 *   a count is negative, or an option is invalid.
 * @see Fader, Hardie & Lee (2005), figure 1 (frequency of repeat transactions, actual vs BG/NBD).
 * @example
 * ```ts
 * import { periodTransactionsChart } from 'customer-metrics/charts';
 * const spec = periodTransactionsChart([
 *   { frequency: 0, actual: 10, expected: 9.5 },
 *   { frequency: 1, actual: 4, expected: 4.6 },
 * ]);
 * (spec.data as { values: { bin: string; series: string; customers: number }[] }).values.map((v) => `${v.bin} ${v.series} ${v.customers}`); // => ['0 Actual 10', '0 Model 9.5', '1+ Actual 4', '1+ Model 4.6']
 * ```
 */
export function periodTransactionsChart(bins: readonly PeriodTransactionsBin[], options?: PeriodTransactionsChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(binsSchema, bins, 'bins', issues);
  const opts = parseChartOptions(options, {}, issues);
  parsed?.forEach((bin, i) => {
    if (bin.frequency !== i) issues.add('invalid_order', ['bins', i, 'frequency'], 'must be the bin index (0, 1, 2, ...)');
  });
  const list = done(issues, parsed);
  const o = done(issues, opts);
  const { locale } = o;
  const { actual, model, color } = actualVsModel(locale);
  const label = (i: number) => (i === list.length - 1 && list.length > 1 ? `${i}+` : String(i));
  const values = list.flatMap((bin, i) => [
    { bin: label(i), series: actual, customers: round(bin.actual, 4) },
    { bin: label(i), series: model, customers: round(bin.expected, 4) },
  ]);
  const totalActual = list.reduce((s, b) => s + b.actual, 0);
  const title = tr(locale, { en: 'Repeat purchases per customer: actual vs model', vi: 'Số lần mua lặp lại mỗi khách hàng: thực tế và mô hình' });
  const description = tr(locale, {
    en: `Grouped bar chart of ${formatNumber(totalActual, 0, locale)} customers by number of repeat purchases, actual next to the model's expectation: ${list.map((b, i) => `${label(i)}: ${formatNumber(b.actual, 0, locale)} vs ${formatNumber(b.expected, 1, locale)}`).join('; ')}.`,
    vi: `Biểu đồ cột nhóm của ${formatNumber(totalActual, 0, locale)} khách hàng theo số lần mua lặp lại, thực tế bên cạnh kỳ vọng của mô hình: ${list.map((b, i) => `${label(i)}: ${formatNumber(b.actual, 0, locale)} so với ${formatNumber(b.expected, 1, locale)}`).join('; ')}.`,
  });
  return chartSpec({ title, description }, o, {
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'bin', type: 'ordinal', sort: null, title: tr(locale, { en: 'Repeat purchases in the calibration period (count)', vi: 'Số lần mua lặp lại trong kỳ hiệu chỉnh' }), axis: { labelAngle: 0 } },
      xOffset: { field: 'series', sort: [actual, model] },
      y: { field: 'customers', type: 'quantitative', title: tr(locale, { en: 'Customers (count)', vi: 'Số khách hàng' }) },
      color,
      tooltip: [{ field: 'bin', type: 'ordinal' }, { field: 'series', type: 'nominal' }, { field: 'customers', type: 'quantitative', format: '.1f' }],
    },
  });
}
