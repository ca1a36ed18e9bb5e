import type { StageDistribution } from '../stages/index.js';
import {
  chartSpec,
  done,
  formatPercent,
  IssueList,
  numberSchema,
  OKABE_ITO,
  parseChartOptions,
  parseInput,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';
import { levelLabel } from './_internal/levels.js';

/** Options of {@link needLevelDistributionChart}. */
export type NeedLevelDistributionChartOptions = ChartOptions;

const schema = z.object({
  levels: z
    .array(z.object({ level: numberSchema({ integer: true, min: 1, max: 6 }), count: numberSchema({ min: 0 }) }))
    .min(1)
    .max(6),
});

/**
 * How many customers are at each of the six need levels, as horizontal bars from level 1 (no
 * problem) to level 6 (deciding whether to buy again), labelled with count and share.
 *
 * Definition: one bar per level of `stageDistribution` (levels missing from the input count 0),
 * with the level's label from `NEED_LEVELS` in the chart's locale (the Vietnamese wording is the
 * source articles'), whatever locale the distribution was computed in.
 * Cost: O(1).
 *
 * @param distribution - The result of `stageDistribution`.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with six bars.
 * @throws {@link MetricsInputError} when a level is not 1 to 6 or repeats, a count is negative, or an option is invalid.
 * @example
 * ```ts
 * import { stageDistribution } from 'customer-metrics/stages';
 * import { needLevelDistributionChart } from 'customer-metrics/charts';
 * const spec = needLevelDistributionChart(stageDistribution([1, 3, 3, 6]), { locale: 'vi' });
 * (spec.data as { values: { level: string; count: number }[] }).values[2]; // => { level: '3. Có nhu cầu, đang tìm kiếm giải pháp', count: 2, label: '2 (50,0%)' }
 * ```
 */
export function needLevelDistributionChart(distribution: StageDistribution, options?: NeedLevelDistributionChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(schema, distribution, 'distribution', issues);
  const opts = parseChartOptions(options, {}, issues);
  const counts = [0, 0, 0, 0, 0, 0];
  const seen = new Set<number>();
  parsed?.levels.forEach((row, i) => {
    if (seen.has(row.level)) issues.add('invalid_value', ['distribution', 'levels', i, 'level'], 'must be unique');
    seen.add(row.level);
    counts[row.level - 1] = row.count;
  });
  done(issues, parsed);
  const o = done(issues, opts);
  const { locale } = o;
  const total = counts.reduce((s, c) => s + c, 0);
  const values = counts.map((count, k) => ({
    level: levelLabel(k + 1, locale),
    count,
    label: `${count} (${total > 0 ? formatPercent(count / total, 1, locale) : '-'})`,
  }));
  const title = tr(locale, { en: 'Customers by need level', vi: 'Khách hàng theo cấp độ nhu cầu' });
  const description = tr(locale, {
    en: `Bar chart of ${total} contacts over the six need levels: ${values.map((v) => `${v.level}: ${v.label}`).join('; ')}.`,
    vi: `Biểu đồ cột của ${total} khách hàng theo sáu cấp độ nhu cầu: ${values.map((v) => `${v.level}: ${v.label}`).join('; ')}.`,
  });
  // The labels name the levels ("3. Has a need, ..."), so the axis needs no title (and a title
  // beside long labels risks overlapping them).
  const y = { field: 'level', type: 'nominal', sort: null, title: null, axis: { labelLimit: 520 } };
  const max = Math.max(1, ...counts);
  const x = { field: 'count', type: 'quantitative', scale: { domain: [0, Math.ceil(max * 1.25)], nice: false }, title: tr(locale, { en: 'Contacts (count)', vi: 'Số khách hàng' }) };
  // Long level labels take room on the left: a narrower plot by default.
  return chartSpec({ title, description }, { ...o, width: options?.width ?? 360, height: options?.height ?? 6 * 32 }, {
    data: { values },
    layer: [
      { mark: { type: 'bar', color: OKABE_ITO.blue }, encoding: { y, x } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { y, x, text: { field: 'label', type: 'nominal' } } },
    ],
  });
}
