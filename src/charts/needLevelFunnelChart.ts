import type { FunnelConversion } from '../stages/index.js';
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

/** Options of {@link needLevelFunnelChart}. */
export type NeedLevelFunnelChartOptions = ChartOptions;

const share = numberSchema({ min: 0, max: 1 }).optional();
const schema = z.object({
  contacts: numberSchema({ min: 0 }),
  steps: z
    .array(z.object({ level: numberSchema({ integer: true, min: 1, max: 6 }), count: numberSchema({ min: 0 }), conversionFromPrevious: share, conversionFromFirst: share }))
    .min(1)
    .max(6),
});

/**
 * The need-level funnel: how many contacts reached each level, as bars centred on one axis so that
 * they narrow like a funnel, with the conversion from the previous step.
 *
 * Definition: one bar per step of `funnelConversion`, its width the step's `count`, centred;
 * the label gives the count and `conversionFromPrevious` (the first step: the count alone). Level
 * labels come from `NEED_LEVELS` in the chart's locale.
 * Cost: O(1).
 *
 * @param funnel - The result of `funnelConversion`.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with one bar per step.
 * @throws {@link MetricsInputError} when there is no step, a level is not 1 to 6, levels are not
 *   consecutive and increasing, a count is negative, a conversion is outside [0, 1], or an option is invalid.
 * @example
 * ```ts
 * import { funnelConversion } from 'customer-metrics/stages';
 * import { needLevelFunnelChart } from 'customer-metrics/charts';
 * const day = 86_400_000;
 * const funnel = funnelConversion(
 *   [
 *     [{ level: 4, date: 0 }, { level: 5, date: day }, { level: 6, date: 2 * day }],
 *     [{ level: 4, date: 0 }, { level: 5, date: day }],
 *   ],
 *   { fromLevel: 4 },
 * );
 * (needLevelFunnelChart(funnel).data as { values: { label: string }[] }).values.map((v) => v.label); // => ['2', '2 (100.0%)', '1 (50.0%)']
 * ```
 */
export function needLevelFunnelChart(funnel: FunnelConversion, options?: NeedLevelFunnelChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(schema, funnel, 'funnel', issues);
  const opts = parseChartOptions(options, {}, issues);
  parsed?.steps.forEach((step, i) => {
    const prev = parsed.steps[i - 1];
    if (prev !== undefined && step.level !== prev.level + 1) issues.add('invalid_order', ['funnel', 'steps', i, 'level'], 'must follow the previous level');
  });
  const steps = done(issues, parsed).steps;
  const o = done(issues, opts);
  const { locale } = o;
  const max = Math.max(1, ...steps.map((s) => s.count));
  const values = steps.map((s, i) => ({
    level: levelLabel(s.level, locale),
    count: s.count,
    center: 0,
    left: -s.count / 2,
    right: s.count / 2,
    label: i === 0 || s.conversionFromPrevious === undefined ? `${s.count}` : `${s.count} (${formatPercent(s.conversionFromPrevious, 1, locale)})`,
  }));
  const last = steps[steps.length - 1];
  const title = tr(locale, { en: 'Need-level funnel', vi: 'Phễu cấp độ nhu cầu' });
  const subtitle = tr(locale, { en: 'Contacts reaching each level; in brackets: share of the previous level', vi: 'Số khách hàng đạt mỗi cấp độ; trong ngoặc: tỷ lệ so với cấp độ trước' });
  const overall = last?.conversionFromFirst;
  const description = tr(locale, {
    en: `Funnel of ${steps[0]?.count ?? 0} contacts from ${values[0]?.level} to ${values[values.length - 1]?.level}: ${values.map((v) => `${v.level} ${v.label}`).join('; ')}${overall === undefined ? '' : `; ${formatPercent(overall, 1, locale)} overall`}.`,
    vi: `Phễu của ${steps[0]?.count ?? 0} khách hàng từ ${values[0]?.level} đến ${values[values.length - 1]?.level}: ${values.map((v) => `${v.level} ${v.label}`).join('; ')}${overall === undefined ? '' : `; tổng cộng ${formatPercent(overall, 1, locale)}`}.`,
  });
  const y = { field: 'level', type: 'nominal', sort: null, title: null, axis: { labelLimit: 520 } };
  const x = { field: 'left', type: 'quantitative', scale: { domain: [-max / 2, max / 2] }, axis: null, title: tr(locale, { en: 'Contacts (count)', vi: 'Số khách hàng' }) };
  return chartSpec({ title, subtitle, description }, { ...o, height: options?.height ?? Math.max(80, 40 * steps.length) }, {
    data: { values },
    layer: [
      { mark: { type: 'bar', color: OKABE_ITO.bluishGreen }, encoding: { y, x, x2: { field: 'right' } } },
      { mark: { type: 'text', fontSize: 11, color: '#000000' }, encoding: { y, x: { ...x, field: 'center' }, text: { field: 'label', type: 'nominal' } } },
    ],
  });
}
