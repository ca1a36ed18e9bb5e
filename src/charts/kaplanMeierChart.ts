import type { KaplanMeierResult } from '../retention/index.js';
import {
  chartSpec,
  done,
  formatNumber,
  formatPercent,
  IssueList,
  OKABE_ITO,
  parseChartOptions,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';
import { atRiskAt, censorPoints, parseCurve, roundTimes, stepPoints } from './_internal/survival.js';
import { timeUnitSchema, unitWord, type ChartTimeUnit } from './_internal/units.js';

/** Options of {@link kaplanMeierChart}. */
export interface KaplanMeierChartOptions extends ChartOptions {
  /**
   * The unit of the curve's times, for the axis title (`survivalFromSubscriptions` measures in months by default).
   * @defaultValue 'month'
   */
  readonly timeUnit?: ChartTimeUnit;
  /**
   * Draw the pointwise confidence interval as a shaded step band.
   * @defaultValue true
   */
  readonly showInterval?: boolean;
  /**
   * Show the table of numbers at risk under the curve.
   * @defaultValue true
   */
  readonly showAtRisk?: boolean;
}

const optionShape = { timeUnit: timeUnitSchema.optional(), showInterval: z.boolean().optional(), showAtRisk: z.boolean().optional() };

/**
 * The Kaplan-Meier survival curve as steps, with its confidence band, a tick at every censoring
 * time, and the numbers at risk at round times under the plot (the layout of R `survminer`).
 *
 * Definition: the curve starts at (0, 1) and drops at each event time to the survival of
 * `kaplanMeier` (one step per distinct event time); the band steps between `lower` and `upper`
 * and stops where they are undefined (after the survival reaches 0); a vertical tick marks each
 * time with censorings, at the survival just after it; the number at risk at time t counts the
 * subjects still followed at t. Survival is shown in percent.
 * Cost: O(m) for m distinct times.
 *
 * @param curve - The result of `kaplanMeier`.
 * @param options - See {@link KaplanMeierChartOptions}.
 * @returns A Vega-Lite spec (plain JSON): the plot above the at-risk row (`vconcat`), or the plot
 *   alone with `showAtRisk: false`.
 * @throws {@link MetricsInputError} when the columns differ in length, times are not increasing,
 *   the survival rises or leaves [0, 1], or an option is invalid.
 * @see Kaplan & Meier (1958), "Nonparametric estimation from incomplete observations", JASA 53.
 * @example
 * ```ts
 * import { kaplanMeier } from 'customer-metrics/retention';
 * import { kaplanMeierChart } from 'customer-metrics/charts';
 * // Durations 1, 2 (censored), 3, 3: at 1 one of 4 churns (S = 3/4), at 3 both of 2 churn (S = 0).
 * const km = kaplanMeier({ durations: [1, 2, 3, 3], observed: [true, false, true, true] });
 * const spec = kaplanMeierChart(km, { showAtRisk: false });
 * (spec.data as { values: { time: number; survival: number }[] }).values.map((p) => [p.time, p.survival]); // => [[0, 1], [1, 0.75], [2, 0.75], [3, 0]]
 * spec.title.subtitle; // => '4 subjects, 3 events, 1 censored; median 3 months'
 * ```
 */
export function kaplanMeierChart(curve: KaplanMeierResult, options?: KaplanMeierChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseCurve(curve, ['curve'], issues);
  const opts = parseChartOptions(options, optionShape, issues);
  const km = done(issues, parsed);
  const o = done(issues, opts);
  const { locale } = o;
  const unit = (o.timeUnit as ChartTimeUnit | undefined) ?? 'month';
  const steps = stepPoints(km);
  const censors = censorPoints(km);
  const subjects = km.atRisk[0] ?? 0;
  const events = km.events.reduce((s, e) => s + e, 0);
  const censored = km.censored.reduce((s, c) => s + c, 0);
  const medianIndex = km.survival.findIndex((s) => s <= 0.5);
  const median = medianIndex < 0 ? undefined : km.time[medianIndex];
  const level = formatPercent(km.confidenceLevel, 0, locale);
  const u = unitWord(unit, locale);
  const num = (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : 1, locale);
  const medianText =
    median === undefined
      ? tr(locale, { en: 'median not reached', vi: 'chưa đạt trung vị' })
      : tr(locale, { en: `median ${num(median)} ${u}`, vi: `trung vị ${num(median)} ${u}` });
  const title = tr(locale, { en: 'Customer survival (Kaplan-Meier)', vi: 'Tỷ lệ khách hàng còn lại (Kaplan-Meier)' });
  const subtitle = tr(locale, {
    en: `${num(subjects)} subjects, ${num(events)} events, ${num(censored)} censored; ${medianText}`,
    vi: `${num(subjects)} đối tượng, ${num(events)} lần rời bỏ, ${num(censored)} bị kiểm duyệt; ${medianText}`,
  });
  const last = steps[steps.length - 1];
  const description = tr(locale, {
    en: `Step chart of the share of customers still active over time, from 100% at 0 to ${formatPercent(last?.survival ?? 1, 1, locale)} at ${num(last?.time ?? 0)} ${u}, with a ${level} confidence band and ticks at censoring times; ${medianText}.`,
    vi: `Biểu đồ bậc thang tỷ lệ khách hàng còn hoạt động theo thời gian, từ 100% tại 0 đến ${formatPercent(last?.survival ?? 1, 1, locale)} tại ${num(last?.time ?? 0)} ${u}, kèm dải tin cậy ${level} và vạch tại các thời điểm bị kiểm duyệt; ${medianText}.`,
  });
  const maxTime = last?.time ?? 0;
  const xScale = { domain: [0, maxTime > 0 ? maxTime : 1], nice: false };
  const x = { field: 'time', type: 'quantitative', scale: xScale, title: tr(locale, { en: `Time (${u})`, vi: `Thời gian (${u})` }) };
  const y = { type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: tr(locale, { en: 'Survival (% still active)', vi: 'Tỷ lệ còn lại (% còn hoạt động)' }) };
  const layer: Record<string, unknown>[] = [];
  if (o.showInterval !== false) {
    layer.push({
      transform: [{ filter: 'datum.lower != null && datum.upper != null' }],
      mark: { type: 'area', interpolate: 'step-after', opacity: 0.2, color: OKABE_ITO.blue },
      encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
    });
  }
  layer.push({ mark: { type: 'line', interpolate: 'step-after', color: OKABE_ITO.blue, strokeWidth: 2 }, encoding: { x, y: { ...y, field: 'survival' } } });
  if (censors.length > 0) {
    layer.push({
      data: { values: censors },
      mark: { type: 'point', shape: 'M0,-1V1', size: 40, strokeWidth: 1.2, color: OKABE_ITO.black },
      encoding: { x, y: { ...y, field: 'survival' } },
    });
  }
  const plot = { width: o.width, height: o.height, data: { values: steps }, layer };
  if (o.showAtRisk === false) return chartSpec({ title, subtitle, description }, o, { data: { values: steps }, layer });
  const atRisk = roundTimes(maxTime, Math.max(3, Math.round(o.width / 48))).map((t) => ({ time: t, atRisk: atRiskAt(km, t), label: num(atRiskAt(km, t)) }));
  const table = {
    width: o.width,
    height: 24,
    data: { values: atRisk },
    mark: { type: 'text', fontSize: 11 },
    encoding: {
      x: { ...x, axis: null },
      text: { field: 'label', type: 'nominal' },
    },
    title: { text: tr(locale, { en: 'Number at risk', vi: 'Số khách hàng còn theo dõi' }), fontSize: 11, anchor: 'start', orient: 'top' },
  };
  return chartSpec({ title, subtitle, description }, o, { vconcat: [plot, table], spacing: 6 }, false);
}
