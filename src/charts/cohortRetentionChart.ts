import type { CohortRetentionResult } from '../retention/index.js';
import {
  chartSpec,
  done,
  formatPercent,
  HEATMAP_SCHEME,
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
import { timeUnitSchema, unitWord, type ChartTimeUnit } from './_internal/units.js';

/** Options of {@link cohortRetentionChart}. */
export interface CohortRetentionChartOptions extends ChartOptions {
  /**
   * What the cells show: the share of the cohort's customers still subscribed (`'customers'`), or
   * the cohort's MRR as a share of its initial MRR (`'revenue'`, needs subscriptions with MRR).
   * @defaultValue 'customers'
   */
  readonly measure?: 'customers' | 'revenue';
  /**
   * The calendar period of the cohorts (the `period` given to `cohortRetention`), for the axis title.
   * @defaultValue 'month'
   */
  readonly timeUnit?: ChartTimeUnit;
  /**
   * Write each cell's percentage in it.
   * @defaultValue true
   */
  readonly showValues?: boolean;
}

const share = numberSchema({ min: 0 });
const cohortSchema = z.object({
  label: z.string().min(1).max(100),
  size: numberSchema({ min: 0 }),
  retention: z.array(share).max(10_000),
  revenueRetention: z.array(share.optional()).max(10_000).optional(),
});
const resultSchema = z.object({ cohorts: z.array(cohortSchema).min(1).max(10_000) });
const optionShape = { measure: z.enum(['customers', 'revenue']).optional(), timeUnit: timeUnitSchema.optional(), showValues: z.boolean().optional() };

/**
 * The cohort retention table as a heat map: one row per acquisition cohort, one column per
 * period since acquisition, each cell coloured by the share retained.
 *
 * Definition: cell (cohort, k) is `retention[k]` (or `revenueRetention[k]`) of that cohort of
 * `cohortRetention`: one cell per cohort and observed period, nothing for periods not yet
 * observed (the triangle stays blank). Colour: viridis from 0% to the largest share (100% for
 * customers; net revenue retention can exceed 100%), readable in grey scale and by colour-blind readers.
 * Cost: O(cells).
 *
 * @param result - The result of `cohortRetention`.
 * @param options - See {@link CohortRetentionChartOptions}.
 * @returns A Vega-Lite spec (plain JSON): a rect per cell and, by default, its percentage.
 * @throws {@link MetricsInputError} when there is no cohort, a share is negative or not finite, a
 *   label repeats, `measure: 'revenue'` is asked of a result without MRR, or an option is invalid.
 * @see Croll & Yoskovitz (2013), Lean Analytics, "cohort analysis".
 * @example
 * ```ts
 * import { cohortRetentionChart } from 'customer-metrics/charts';
 * const result = {
 *   cohorts: [
 *     { label: '2025-01', size: 10, retention: [1, 0.8, 0.5], revenueRetention: undefined },
 *     { label: '2025-02', size: 4, retention: [1, 0.75], revenueRetention: undefined },
 *   ],
 * };
 * const spec = cohortRetentionChart(result as never);
 * // one cell per cohort and observed period: 3 + 2
 * (spec.data as { values: unknown[] }).values.length; // => 5
 * (spec.data as { values: { label: string }[] }).values[1]?.label; // => '80%'
 * ```
 */
export function cohortRetentionChart(result: CohortRetentionResult, options?: CohortRetentionChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(resultSchema, result, 'result', issues);
  const opts = parseChartOptions(options, optionShape, issues);
  const measure = (opts?.measure as 'customers' | 'revenue' | undefined) ?? 'customers';
  const seen = new Set<string>();
  parsed?.cohorts.forEach((c, i) => {
    if (seen.has(c.label)) issues.add('invalid_value', ['result', 'cohorts', i, 'label'], 'must be unique');
    seen.add(c.label);
    if (measure === 'revenue' && c.revenueRetention === undefined) issues.add('invalid_value', ['result', 'cohorts', i, 'revenueRetention'], 'is required with measure "revenue" (give subscriptions with MRR)');
  });
  const cohorts = done(issues, parsed).cohorts;
  const o = done(issues, opts);
  const { locale } = o;
  const unit = (o.timeUnit as ChartTimeUnit | undefined) ?? 'month';
  const values: { cohort: string; period: number; share: number; label: string }[] = [];
  for (const c of cohorts) {
    const shares = measure === 'revenue' ? (c.revenueRetention ?? []) : c.retention;
    shares.forEach((s, k) => {
      if (s !== undefined) values.push({ cohort: c.label, period: k, share: round(s), label: formatPercent(s, 0, locale) });
    });
  }
  const maxShare = Math.max(1, ...values.map((v) => v.share));
  const u = unitWord(unit, locale);
  const what = measure === 'revenue' ? tr(locale, { en: 'MRR kept (%)', vi: 'MRR giữ lại (%)' }) : tr(locale, { en: 'Retained (%)', vi: 'Giữ lại (%)' });
  const title = measure === 'revenue' ? tr(locale, { en: 'Revenue retention by cohort', vi: 'Tỷ lệ giữ chân doanh thu theo nhóm' }) : tr(locale, { en: 'Customer retention by cohort', vi: 'Tỷ lệ giữ chân khách hàng theo nhóm' });
  const description = tr(locale, {
    en: `Heat map of ${cohorts.length} acquisition cohorts (rows) by ${u} since acquisition (columns); each of the ${values.length} cells is the share retained, darker for less.`,
    vi: `Bản đồ nhiệt của ${cohorts.length} nhóm khách hàng theo kỳ gia nhập (hàng) và số ${u} kể từ khi gia nhập (cột); mỗi ô trong ${values.length} ô là tỷ lệ giữ lại, màu tối hơn khi thấp hơn.`,
  });
  const x = { field: 'period', type: 'ordinal', title: tr(locale, { en: `Time since acquisition (${u})`, vi: `Thời gian kể từ khi gia nhập (${u})` }), axis: { labelAngle: 0 } };
  const y = { field: 'cohort', type: 'ordinal', sort: cohorts.map((c) => c.label), title: tr(locale, { en: 'Cohort (acquired in)', vi: 'Nhóm (gia nhập trong kỳ)' }) };
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: 'rect' },
      encoding: {
        x,
        y,
        color: { field: 'share', type: 'quantitative', title: what, scale: { scheme: HEATMAP_SCHEME, domain: [0, maxShare] }, legend: { format: '.0%', orient: 'right' } },
        tooltip: [{ field: 'cohort', type: 'ordinal' }, { field: 'period', type: 'ordinal' }, { field: 'label', type: 'nominal', title: what }],
      },
    },
  ];
  if (o.showValues !== false) {
    layer.push({
      mark: { type: 'text', fontSize: 10 },
      encoding: {
        x,
        y,
        text: { field: 'label', type: 'nominal' },
        color: { condition: { test: `datum.share < ${round(maxShare / 2)}`, value: '#ffffff' }, value: '#000000' },
      },
    });
  }
  const periods = Math.max(1, ...cohorts.map((c) => c.retention.length));
  const width = options?.width ?? Math.max(120, 36 * periods);
  const height = options?.height ?? Math.max(60, 22 * cohorts.length);
  return chartSpec({ title, description }, { ...o, width, height }, { data: { values }, layer });
}
