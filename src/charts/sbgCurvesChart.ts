import { retentionCurve, survivalCurve, type ShiftedBetaGeometricParameters } from '../clv/index.js';
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
import { timeUnitSchema, unitWord, type ChartTimeUnit } from './_internal/units.js';

/** Options of {@link sbgCurvesChart}. */
export interface SbgCurvesChartOptions extends ChartOptions {
  /**
   * The last period shown.
   * @defaultValue 12
   */
  readonly periods?: number;
  /**
   * The length of one period (one billing cycle), for the axis title.
   * @defaultValue 'month'
   */
  readonly timeUnit?: ChartTimeUnit;
  /**
   * Observed survival per period (S(0) = 1 first) drawn as points beside the model, for example
   * the survivors of a cohort divided by its size.
   * @defaultValue none
   */
  readonly observedSurvival?: readonly number[];
}

const modelSchema = z.object({ parameters: z.object({ alpha: numberSchema({ greaterThan: 0 }), beta: numberSchema({ greaterThan: 0 }) }) });

/**
 * The shifted-beta-geometric model of a contractual business: the survival curve S(t) (share of a
 * cohort still subscribed after t periods) and the retention rate r(t) (share of those active at
 * t - 1 who renew at t), which rises with t as the customers most likely to leave leave first.
 *
 * Definition: S(t) from `survivalCurve` for t = 0..periods and r(t) from `retentionCurve` for
 * t = 1..periods (Fader & Hardie 2007), as two lines in percent; observed survival, when given,
 * as points.
 * Cost: O(periods).
 *
 * @param model - A fitted shifted-beta-geometric model (`fitShiftedBetaGeometric`), or `{ parameters: { alpha, beta } }`.
 * @param options - See {@link SbgCurvesChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with two lines (three with observed survival).
 * @throws {@link MetricsInputError} when alpha or beta is not positive, `periods` is not 1 to
 *   1,000, an observed share is outside [0, 1], or an option is invalid.
 * @see Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1).
 * @example
 * ```ts
 * import { sbgCurvesChart } from 'customer-metrics/charts';
 * // alpha = 1, beta = 1: S(t) = 1 / (t + 1), r(t) = t / (t + 1)
 * const spec = sbgCurvesChart({ parameters: { alpha: 1, beta: 1 } }, { periods: 2 });
 * (spec.data as { values: { period: number; value: number }[] }).values.map((v) => v.value); // => [1, 0.5, 0.333333, 0.5, 0.666667]
 * ```
 */
export function sbgCurvesChart(model: { readonly parameters: ShiftedBetaGeometricParameters }, options?: SbgCurvesChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(modelSchema, model, 'model', issues);
  const opts = parseChartOptions(
    options,
    {
      periods: numberSchema({ integer: true, min: 1, max: 1000 }).optional(),
      timeUnit: timeUnitSchema.optional(),
      observedSurvival: z.array(numberSchema({ min: 0, max: 1 })).min(1).max(1001).optional(),
    },
    issues,
  );
  const m = done(issues, parsed);
  const o = done(issues, opts);
  const { locale } = o;
  const periods = (o.periods as number | undefined) ?? 12;
  const unit = (o.timeUnit as ChartTimeUnit | undefined) ?? 'month';
  const u = unitWord(unit, locale);
  const S = survivalCurve(m, { periods });
  const r = retentionCurve(m, { periods });
  const survivalName = tr(locale, { en: 'Survival S(t)', vi: 'Tỷ lệ còn lại S(t)' });
  const retentionName = tr(locale, { en: 'Retention rate r(t)', vi: 'Tỷ lệ gia hạn r(t)' });
  const observedName = tr(locale, { en: 'Observed survival', vi: 'Tỷ lệ còn lại thực tế' });
  const values = [...S.map((v, t) => ({ period: t, series: survivalName, value: round(v) })), ...r.map((v, k) => ({ period: k + 1, series: retentionName, value: round(v) }))];
  const observed = ((o.observedSurvival as number[] | undefined) ?? []).map((v, t) => ({ period: t, series: observedName, value: round(v) }));
  const { alpha, beta } = m.parameters;
  const title = tr(locale, { en: 'Subscriber survival and retention (shifted-beta-geometric)', vi: 'Tỷ lệ còn lại và tỷ lệ gia hạn (mô hình beta-hình học dịch chuyển)' });
  const subtitle = tr(locale, {
    en: `alpha = ${formatNumber(alpha, 3, locale)}, beta = ${formatNumber(beta, 3, locale)}; after ${periods} ${u}: ${formatPercent(S[periods] ?? 0, 1, locale)} remain`,
    vi: `alpha = ${formatNumber(alpha, 3, locale)}, beta = ${formatNumber(beta, 3, locale)}; sau ${periods} ${u}: còn ${formatPercent(S[periods] ?? 0, 1, locale)}`,
  });
  const description = tr(locale, {
    en: `Line chart over ${periods} ${u}: the model's survival falls from 100% to ${formatPercent(S[periods] ?? 0, 1, locale)} while the retention rate rises from ${formatPercent(r[0] ?? 0, 1, locale)} to ${formatPercent(r[periods - 1] ?? 0, 1, locale)}.`,
    vi: `Biểu đồ đường qua ${periods} ${u}: tỷ lệ còn lại theo mô hình giảm từ 100% xuống ${formatPercent(S[periods] ?? 0, 1, locale)}, trong khi tỷ lệ gia hạn tăng từ ${formatPercent(r[0] ?? 0, 1, locale)} lên ${formatPercent(r[periods - 1] ?? 0, 1, locale)}.`,
  });
  const domain = observed.length > 0 ? [survivalName, retentionName, observedName] : [survivalName, retentionName];
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain, range: [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.black].slice(0, domain.length) } };
  const x = { field: 'period', type: 'quantitative', scale: { domain: [0, periods], nice: false }, title: tr(locale, { en: `Time (${u})`, vi: `Thời gian (${u})` }) };
  const y = { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: tr(locale, { en: 'Share (%)', vi: 'Tỷ lệ (%)' }) };
  const layer: Record<string, unknown>[] = [{ mark: { type: 'line', strokeWidth: 2, point: periods <= 60 }, encoding: { x, y, color } }];
  if (observed.length > 0) layer.push({ data: { values: observed }, mark: { type: 'point', shape: 'diamond', filled: true, size: 50 }, encoding: { x, y, color } });
  return chartSpec({ title, subtitle, description }, o, { data: { values }, layer });
}
