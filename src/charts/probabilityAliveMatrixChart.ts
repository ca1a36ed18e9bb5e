import type { FrequencyRecencyMatrix } from '../clv/index.js';
import { tr, type ChartOptions, type ChartSpec } from './_internal/common.js';
import { matrixChart } from './_internal/matrix.js';
import type { ChartTimeUnit } from './_internal/units.js';

/** Options of {@link probabilityAliveMatrixChart}. */
export interface ProbabilityAliveMatrixChartOptions extends ChartOptions {
  /**
   * The model's time unit (the unit of recency and T), for the axis title.
   * @defaultValue 'week'
   */
  readonly timeUnit?: ChartTimeUnit;
}

/**
 * The P(alive) matrix: for every history (repeat purchases, age at the last purchase) of customers
 * of the same age T, the probability that the customer is still active, as a heat map (lifetimes'
 * `plot_probability_alive_matrix`).
 *
 * Definition: one cell per defined cell of `frequencyRecencyMatrix(...).probabilityAlive`;
 * impossible histories stay blank. Colour: viridis on the fixed range 0 to 1. Frequent buyers
 * who have not bought for a long time (top left) are the likeliest to have left.
 * Cost: O(cells).
 *
 * @param matrix - The result of `frequencyRecencyMatrix`.
 * @param options - See {@link ProbabilityAliveMatrixChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with one rect per defined cell.
 * @throws {@link MetricsInputError} when the labels are missing, a grid's shape does not match
 *   its labels, a probability is outside [0, 1], or an option is invalid.
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2).
 * @example
 * ```ts
 * import { frequencyRecencyMatrix } from 'customer-metrics/clv';
 * import { probabilityAliveMatrixChart } from 'customer-metrics/charts';
 * const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
 * const m = frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, { T: 10, maxFrequency: 2, recencySteps: 1 });
 * // BG/NBD: no repeat purchase: alive for sure; x repeat purchases, the last at T: 1 / (1 + a / (b + x - 1))
 * // x = 1: 1 / (1 + 0.793 / 2.426) = 0.75365; x = 2: 1 / (1 + 0.793 / 3.426) = 0.812041
 * (probabilityAliveMatrixChart(m).data as { values: { value: number }[] }).values.map((v) => v.value); // => [1, 0.75365, 0.812041]
 * ```
 */
export function probabilityAliveMatrixChart(matrix: FrequencyRecencyMatrix, options?: ProbabilityAliveMatrixChartOptions): ChartSpec {
  return matrixChart(matrix, options, 'probabilityAlive', {
    title: { en: 'Probability that a customer is still active', vi: 'Xác suất khách hàng còn hoạt động' },
    legend: { en: 'P(alive)', vi: 'P(còn hoạt động)' },
    describe: (locale) =>
      tr(locale, {
        en: 'Heat map of the probability that a customer is still active, by number of repeat purchases (rows) and age at the last purchase (columns); low for frequent buyers who stopped buying long ago.',
        vi: 'Bản đồ nhiệt xác suất khách hàng còn hoạt động, theo số lần mua lặp lại (hàng) và thời điểm mua gần nhất (cột); thấp ở khách từng mua thường xuyên nhưng đã lâu không mua.',
      }),
  });
}
