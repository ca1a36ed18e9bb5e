import type { KaplanMeierResult, LogRankResult } from '../retention/index.js';
import {
  CATEGORY_COLORS,
  chartSpec,
  done,
  formatNumber,
  IssueList,
  numberSchema,
  parseChartOptions,
  parseInput,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';
import { atRiskAt, censorPoints, parseCurve, roundTimes, stepPoints, type Curve } from './_internal/survival.js';
import { timeUnitSchema, unitWord, type ChartTimeUnit } from './_internal/units.js';

/** One group of {@link survivalGroupsChart}: a name and its Kaplan-Meier curve. */
export interface SurvivalGroup {
  /** The group's name, shown in the legend (unique, not empty). */
  readonly name: string;
  /** The group's curve, from `kaplanMeier`. */
  readonly curve: KaplanMeierResult;
}

/** Options of {@link survivalGroupsChart}. */
export interface SurvivalGroupsChartOptions extends ChartOptions {
  /**
   * The unit of the curves' times, for the axis title.
   * @defaultValue 'month'
   */
  readonly timeUnit?: ChartTimeUnit;
  /**
   * Show the numbers at risk per group under the plot.
   * @defaultValue true
   */
  readonly showAtRisk?: boolean;
}

const optionShape = { timeUnit: timeUnitSchema.optional(), showAtRisk: z.boolean().optional() };
const logRankSchema = z.object({ chiSquare: numberSchema({ min: 0 }), degreesOfFreedom: numberSchema({ integer: true, min: 1 }), pValue: numberSchema({ min: 0, max: 1 }) }).optional();

/** Formats a p-value the way journals do: three decimals, or `< 0.001`. */
function formatP(p: number, locale: 'en' | 'vi'): string {
  return p < 0.001 ? `< ${formatNumber(0.001, 3, locale)}` : `= ${formatNumber(p, 3, locale)}`;
}

/**
 * Kaplan-Meier curves of several groups (plans, channels, cohorts) in one plot, one colour each,
 * with the log-rank test's p-value in the subtitle and the numbers at risk per group below.
 *
 * Definition: each curve is drawn as in {@link kaplanMeierChart} (steps from (0, 1), ticks at
 * censoring times), without bands so that the curves stay readable; the subtitle gives
 * chi-square, degrees of freedom and p of `logRankTest` over the same groups (p < 0.001 is written so).
 * Colours follow Okabe-Ito, so at most 8 groups.
 * Cost: O(total number of times).
 *
 * @param groups - 1 to 8 groups, each with a name and a `kaplanMeier` curve.
 * @param logRank - The result of `logRankTest` over the same groups, or `undefined` (no test shown).
 * @param options - See {@link SurvivalGroupsChartOptions}.
 * @returns A Vega-Lite spec (plain JSON).
 * @throws {@link MetricsInputError} when there are no groups or more than 8, a name is empty or
 *   repeated, a curve is invalid (see {@link kaplanMeierChart}), the test's figures are out of
 *   range, or an option is invalid.
 * @see Mantel (1966); Peto & Peto (1972) for the log-rank test.
 * @example
 * ```ts
 * import { kaplanMeier, logRankTest } from 'customer-metrics/retention';
 * import { survivalGroupsChart } from 'customer-metrics/charts';
 * const monthly = { durations: [1, 2, 2, 3], observed: [true, true, true, false] };
 * const yearly = { durations: [4, 6, 8, 9], observed: [true, false, false, false] };
 * const test = logRankTest([monthly, yearly]);
 * const spec = survivalGroupsChart(
 *   [
 *     { name: 'monthly', curve: kaplanMeier(monthly) },
 *     { name: 'yearly', curve: kaplanMeier(yearly) },
 *   ],
 *   test,
 *   { showAtRisk: false },
 * );
 * (spec.title.subtitle as string).startsWith('Log-rank test: χ² = '); // => true
 * ```
 */
export function survivalGroupsChart(groups: readonly SurvivalGroup[], logRank: LogRankResult | undefined, options?: SurvivalGroupsChartOptions): ChartSpec {
  const issues = new IssueList();
  const curves: { name: string; curve: Curve }[] = [];
  if (!Array.isArray(groups)) issues.add('invalid_type', ['groups'], groups === undefined ? 'is required' : 'must be an array');
  else if (groups.length === 0) issues.add('too_small', ['groups'], 'must have at least 1 item');
  else if (groups.length > CATEGORY_COLORS.length) issues.add('too_big', ['groups'], `must have at most ${CATEGORY_COLORS.length} items`);
  else {
    const names = new Set<string>();
    groups.forEach((group: unknown, i) => {
      const g = parseInput(z.object({ name: z.string().min(1).max(100), curve: z.unknown() }), group, ['groups', i], issues);
      if (g === undefined) return;
      if (names.has(g.name)) issues.add('invalid_value', ['groups', i, 'name'], 'must be unique');
      names.add(g.name);
      const curve = parseCurve(g.curve, ['groups', i, 'curve'], issues);
      if (curve !== undefined) curves.push({ name: g.name, curve });
    });
  }
  const test = parseInput(logRankSchema, logRank, 'logRank', issues);
  const opts = parseChartOptions(options, optionShape, issues);
  const o = done(issues, opts);
  const { locale } = o;
  const unit = (o.timeUnit as ChartTimeUnit | undefined) ?? 'month';
  const u = unitWord(unit, locale);
  const groupTitle = tr(locale, { en: 'Group', vi: 'Nhóm' });
  const steps = curves.flatMap(({ name, curve }) => stepPoints(curve).map((p) => ({ group: name, time: p.time, survival: p.survival })));
  const censors = curves.flatMap(({ name, curve }) => censorPoints(curve).map((p) => ({ group: name, ...p })));
  const maxTime = Math.max(0, ...steps.map((p) => p.time));
  const title = tr(locale, { en: 'Customer survival by group (Kaplan-Meier)', vi: 'Tỷ lệ khách hàng còn lại theo nhóm (Kaplan-Meier)' });
  const subtitle =
    test === undefined
      ? undefined
      : tr(locale, {
          en: `Log-rank test: χ² = ${formatNumber(test.chiSquare, 2, locale)}, df = ${test.degreesOfFreedom}, p ${formatP(test.pValue, locale)}`,
          vi: `Kiểm định log-rank: χ² = ${formatNumber(test.chiSquare, 2, locale)}, bậc tự do = ${test.degreesOfFreedom}, p ${formatP(test.pValue, locale)}`,
        });
  const ends = curves.map(({ name, curve }) => `${name} ${formatNumber(100 * (curve.survival[curve.survival.length - 1] ?? 1), 1, locale)}%`).join(', ');
  const description = tr(locale, {
    en: `Step chart of the share of customers still active over time in ${curves.length} groups; at the last time: ${ends}.${subtitle === undefined ? '' : ` ${subtitle}.`}`,
    vi: `Biểu đồ bậc thang tỷ lệ khách hàng còn hoạt động theo thời gian của ${curves.length} nhóm; tại thời điểm cuối: ${ends}.${subtitle === undefined ? '' : ` ${subtitle}.`}`,
  });
  const names = curves.map((c) => c.name);
  const color = { field: 'group', type: 'nominal', title: groupTitle, scale: { domain: names, range: CATEGORY_COLORS.slice(0, names.length) } };
  const x = { field: 'time', type: 'quantitative', scale: { domain: [0, maxTime > 0 ? maxTime : 1], nice: false }, title: tr(locale, { en: `Time (${u})`, vi: `Thời gian (${u})` }) };
  const y = { field: 'survival', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: tr(locale, { en: 'Survival (% still active)', vi: 'Tỷ lệ còn lại (% còn hoạt động)' }) };
  const layer: Record<string, unknown>[] = [{ mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 }, encoding: { x, y, color } }];
  if (censors.length > 0) {
    layer.push({ data: { values: censors }, mark: { type: 'point', shape: 'M0,-1V1', size: 40, strokeWidth: 1.2 }, encoding: { x, y, color } });
  }
  if (o.showAtRisk === false) return chartSpec({ title, subtitle, description }, o, { data: { values: steps }, layer });
  const atRisk = curves.flatMap(({ name, curve }) =>
    roundTimes(maxTime, Math.max(3, Math.round(o.width / 48))).map((t) => ({ group: name, time: t, label: formatNumber(atRiskAt(curve, t), Number.isInteger(atRiskAt(curve, t)) ? 0 : 1, locale) })),
  );
  const plot = { width: o.width, height: o.height, data: { values: steps }, layer };
  const table = {
    width: o.width,
    height: 18 * curves.length,
    data: { values: atRisk },
    mark: { type: 'text', fontSize: 11 },
    encoding: {
      x: { ...x, axis: null },
      y: { field: 'group', type: 'nominal', sort: names, title: null, axis: { domain: false, ticks: false, labelPadding: 22 } },
      text: { field: 'label', type: 'nominal' },
      color,
    },
    title: { text: tr(locale, { en: 'Number at risk', vi: 'Số khách hàng còn theo dõi' }), fontSize: 11, anchor: 'start', orient: 'top' },
  };
  return chartSpec({ title, subtitle, description }, o, { vconcat: [plot, table], spacing: 6 }, false);
}
