import { probabilityAliveBatch, type TransactionModelSpec } from '../clv/index.js';
import {
  chartSpec,
  done,
  formatNumber,
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
import { checkModel, modelName } from './_internal/model.js';
import { unitWord, type ChartTimeUnit } from './_internal/units.js';

/** One customer's purchases for {@link probabilityAliveHistoryChart}. */
export interface PurchaseTimeline {
  /**
   * The times of the customer's purchases in the model's time unit, measured from the first
   * purchase (so the first is 0), in order; purchases at the same time count once.
   */
  readonly purchaseTimes: readonly number[];
  /** The customer's age at the end of the chart (time from the first purchase), at least the last purchase time. */
  readonly T: number;
}

/** Options of {@link probabilityAliveHistoryChart}. */
export interface ProbabilityAliveHistoryChartOptions extends ChartOptions {
  /**
   * The number of evaluation points between 0 and T (each purchase time is added).
   * @defaultValue 200
   */
  readonly steps?: number;
}

const timelineSchema = z.object({
  purchaseTimes: z.array(numberSchema({ min: 0 })).min(1).max(10_000),
  T: numberSchema({ greaterThan: 0 }),
});

/**
 * One customer's P(alive) over their history: the probability that the customer is still active,
 * evaluated as if the observation ended at each moment (lifetimes' `plot_history_alive`). It drops
 * while the customer does not buy and jumps back at each purchase.
 *
 * Definition: at time t, the history is x(t) = purchases in (0, t] (repeat purchases), recency =
 * the last purchase time up to t, age T = t; the curve is P(alive | x(t), recency, t) from
 * `probabilityAliveBatch`, at `steps` evenly spaced times and at every purchase time; vertical
 * rules mark the purchases.
 * Cost: O(steps + purchases) model evaluations.
 *
 * @param model - A fitted transaction model (`kind`, `parameters`, `timeUnit`).
 * @param timeline - The customer's purchase times from the first purchase, and the age T.
 * @param options - See {@link ProbabilityAliveHistoryChartOptions}.
 * @returns A Vega-Lite spec (plain JSON): the curve and one rule per purchase.
 * @throws {@link MetricsInputError} for an invalid model, purchase times that are negative, not in
 *   order, not starting at 0 or after T, T not positive, or an invalid option.
 * @see Fader, Hardie & Lee (2005); lifetimes `plot_history_alive`.
 * @example
 * ```ts
 * import { probabilityAliveHistoryChart } from 'customer-metrics/charts';
 * const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
 * const spec = probabilityAliveHistoryChart(model, { purchaseTimes: [0, 4, 9], T: 30 }, { steps: 30 });
 * const curve = (spec.data as { values: { t: number; probabilityAlive: number }[] }).values;
 * // At a purchase (recency = T) BG/NBD gives 1 / (1 + a / (b + x - 1)): x = 1 at week 4, x = 2 at week 9
 * const at = (t: number) => curve.find((p) => p.t === t)?.probabilityAlive;
 * at(4); // => ~0.7537
 * at(9); // => ~0.8120
 * at(0); // => 1
 * ```
 */
export function probabilityAliveHistoryChart(model: TransactionModelSpec, timeline: PurchaseTimeline, options?: ProbabilityAliveHistoryChartOptions): ChartSpec {
  const issues = new IssueList();
  const m = checkModel(model, 'model', issues);
  const tl = parseInput(timelineSchema, timeline, 'timeline', issues);
  const opts = parseChartOptions(options, { steps: numberSchema({ integer: true, min: 2, max: 10_000 }).optional() }, issues);
  if (tl !== undefined) {
    if (tl.purchaseTimes[0] !== 0) issues.add('invalid_value', ['timeline', 'purchaseTimes', 0], 'must be 0 (times are measured from the first purchase)');
    tl.purchaseTimes.forEach((p, i) => {
      if (i > 0 && p < (tl.purchaseTimes[i - 1] as number)) issues.add('invalid_order', ['timeline', 'purchaseTimes', i], 'must not be before the previous purchase');
      if (p > tl.T) issues.add('too_big', ['timeline', 'purchaseTimes', i], 'must be at most T');
    });
  }
  const fitted = done(issues, m);
  const { purchaseTimes, T } = done(issues, tl);
  const o = done(issues, opts);
  const { locale } = o;
  const steps = (o.steps as number | undefined) ?? 200;
  const purchases = [...new Set(purchaseTimes)];
  const times = [...new Set([...Array.from({ length: steps }, (_, k) => (T * (k + 1)) / steps), ...purchases.filter((p) => p > 0)])].sort((a, b) => a - b);
  const frequency = new Float64Array(times.length);
  const recency = new Float64Array(times.length);
  const age = new Float64Array(times.length);
  let next = 1;
  times.forEach((t, i) => {
    while (next < purchases.length && (purchases[next] as number) <= t) next++;
    frequency[i] = next - 1;
    recency[i] = purchases[next - 1] as number;
    age[i] = t;
  });
  const p = probabilityAliveBatch(fitted, { frequency, recency, T: age });
  // A model with extreme parameters can give no finite value at some times: those points are left
  // out (and counted in the description) rather than passed on as NaN.
  const values = [{ t: 0, probabilityAlive: 1 }];
  let skipped = 0;
  times.forEach((t, i) => {
    const v = p[i] as number;
    if (Number.isFinite(v)) values.push({ t: round(t), probabilityAlive: round(Math.min(1, Math.max(0, v))) });
    else skipped++;
  });
  const unit = (fitted.timeUnit as ChartTimeUnit | undefined) ?? undefined;
  const u = unit === undefined ? tr(locale, { en: "the model's time units", vi: 'đơn vị thời gian của mô hình' }) : unitWord(unit, locale);
  const last = values[values.length - 1]?.probabilityAlive ?? 1;
  const title = tr(locale, { en: "One customer's probability of being active over time", vi: 'Xác suất còn hoạt động của một khách hàng theo thời gian' });
  const subtitle = tr(locale, {
    en: `${modelName(fitted.kind, locale)}; ${purchases.length} purchases (vertical lines); now ${formatNumber(100 * last, 1, locale)}%`,
    vi: `${modelName(fitted.kind, locale)}; ${purchases.length} lần mua (đường dọc); hiện tại ${formatNumber(100 * last, 1, locale)}%`,
  });
  const description = tr(locale, {
    en: `Line chart of the probability that one customer is still active, from the first purchase to ${formatNumber(T, 1, locale)} ${u}; it falls between purchases and recovers at each of the ${purchases.length} purchases, ending at ${formatNumber(100 * last, 1, locale)}%.${skipped > 0 ? ` ${skipped} times where the model gives no finite value are left out.` : ''}`,
    vi: `Biểu đồ đường xác suất một khách hàng còn hoạt động, từ lần mua đầu tiên đến ${formatNumber(T, 1, locale)} ${u}; giảm giữa các lần mua và tăng lại ở mỗi lần trong ${purchases.length} lần mua, kết thúc ở ${formatNumber(100 * last, 1, locale)}%.${skipped > 0 ? ` Bỏ qua ${skipped} thời điểm mô hình không cho giá trị hữu hạn.` : ''}`,
  });
  const x = { field: 't', type: 'quantitative', scale: { domain: [0, round(T)], nice: false }, title: tr(locale, { en: `Time since the first purchase (${u})`, vi: `Thời gian kể từ lần mua đầu (${u})` }) };
  return chartSpec({ title, subtitle, description }, o, {
    data: { values },
    layer: [
      { data: { values: purchases.map((t) => ({ t: round(t) })) }, mark: { type: 'rule', color: OKABE_ITO.orange, strokeDash: [3, 3] }, encoding: { x } },
      { mark: { type: 'line', color: OKABE_ITO.blue, strokeWidth: 2 }, encoding: { x, y: { field: 'probabilityAlive', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: tr(locale, { en: 'P(alive) (%)', vi: 'P(còn hoạt động) (%)' }) } } },
    ],
  });
}
