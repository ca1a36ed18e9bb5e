import type { FrequencyRecencyMatrix } from '../clv/index.js';
import { formatNumber, tr, type ChartOptions, type ChartSpec } from './_internal/common.js';
import { matrixChart } from './_internal/matrix.js';
import type { ChartTimeUnit } from './_internal/units.js';

/** Options of {@link expectedPurchasesMatrixChart}. */
export interface ExpectedPurchasesMatrixChartOptions extends ChartOptions {
  /**
   * The model's time unit (the unit of recency and T), for the axis title.
   * @defaultValue 'week'
   */
  readonly timeUnit?: ChartTimeUnit;
}

/**
 * The frequency/recency matrix of expected purchases: for every history (repeat purchases, age at
 * the last purchase) of customers of the same age T, the purchases the model expects over the
 * horizon, as a heat map (lifetimes' `plot_frequency_recency_matrix`).
 *
 * Definition: one cell per defined cell of `frequencyRecencyMatrix(...).expectedPurchases`
 * (frequency upwards, recency to the right); impossible histories stay blank. Colour: viridis
 * from 0 to the largest value. The best customers sit top right (many purchases, recent).
 * Cost: O(cells).
 *
 * @param matrix - The result of `frequencyRecencyMatrix`.
 * @param options - See {@link ExpectedPurchasesMatrixChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with one rect per defined cell.
 * @throws {@link MetricsInputError} when the labels are missing, a grid's shape does not match
 *   its labels, a value is negative or not finite, or an option is invalid.
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2).
 * @example
 * ```ts
 * import { frequencyRecencyMatrix } from 'customer-metrics/clv';
 * import { expectedPurchasesMatrixChart } from 'customer-metrics/charts';
 * const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
 * const m = frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, { T: 10, maxFrequency: 3, recencySteps: 2 });
 * // frequency 0 only at recency 0; frequencies 1-3 at recency 5 and 10: 1 + 3 * 2 cells
 * (expectedPurchasesMatrixChart(m).data as { values: unknown[] }).values.length; // => 7
 * ```
 */
export function expectedPurchasesMatrixChart(matrix: FrequencyRecencyMatrix, options?: ExpectedPurchasesMatrixChartOptions): ChartSpec {
  return matrixChart(matrix, options, 'expectedPurchases', {
    title: { en: 'Expected purchases by frequency and recency', vi: 'Số lần mua kỳ vọng theo tần suất và thời điểm mua gần nhất' },
    legend: { en: 'Expected purchases', vi: 'Số lần mua kỳ vọng' },
    describe: (locale, max) =>
      tr(locale, {
        en: `Heat map of the purchases the model expects from customers of the same age, by number of repeat purchases (rows) and age at the last purchase (columns); up to ${formatNumber(max, 2, locale)}, highest for frequent recent buyers.`,
        vi: `Bản đồ nhiệt số lần mua mà mô hình kỳ vọng ở khách hàng cùng tuổi, theo số lần mua lặp lại (hàng) và thời điểm mua gần nhất (cột); tối đa ${formatNumber(max, 2, locale)}, cao nhất ở khách mua thường xuyên và gần đây.`,
      }),
  });
}
