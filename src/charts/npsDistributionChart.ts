import type { NpsBreakdown } from '../nps/index.js';
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

/** Options of {@link npsDistributionChart}. */
export interface NpsDistributionChartOptions extends ChartOptions {
  /**
   * Show each bar's share of the answers as a label above it.
   * @defaultValue true
   */
  readonly showShares?: boolean;
}

const breakdownSchema = z.object({
  detractors: numberSchema({ min: 0 }),
  passives: numberSchema({ min: 0 }),
  promoters: numberSchema({ min: 0 }),
  score: numberSchema({ min: -100, max: 100 }),
});

const CATEGORIES = [
  { key: 'detractors', color: OKABE_ITO.vermillion, label: { en: 'Detractors (0-6)', vi: 'Người phản đối (0-6)' } },
  { key: 'passives', color: '#999999', label: { en: 'Passives (7-8)', vi: 'Người trung lập (7-8)' } },
  { key: 'promoters', color: OKABE_ITO.bluishGreen, label: { en: 'Promoters (9-10)', vi: 'Người ủng hộ (9-10)' } },
] as const;

/**
 * The answer distribution of an NPS survey: one bar each for detractors, passives and promoters,
 * with the score in the subtitle.
 *
 * Definition: bar heights are the counts of the breakdown; shares are count / (detractors +
 * passives + promoters). Colours: vermillion, grey and bluish green (Okabe-Ito, safe for colour-blind
 * readers). The band labels name the standard bands (0-6, 7-8, 9-10).
 * Cost: O(1).
 *
 * @param breakdown - The result of `npsBreakdown` (or any object with the three counts and `score`).
 * @param options - See {@link NpsDistributionChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with three bars.
 * @throws {@link MetricsInputError} when a count is negative or not finite, no answer is counted,
 *   the score is outside -100..100, or an option is invalid.
 * @see Reichheld (2003), "The One Number You Need to Grow", Harvard Business Review.
 * @example
 * ```ts
 * import { npsBreakdown } from 'customer-metrics/nps';
 * import { npsDistributionChart } from 'customer-metrics/charts';
 * const spec = npsDistributionChart(npsBreakdown({ detractors: 6, passives: 13, promoters: 32 })!);
 * spec.title; // => { text: 'Net Promoter Score: answers', subtitle: 'NPS 51.0 from 51 answers' }
 * // 32 promoters of 51 answers: 62.7%
 * (spec.data as { values: { count: number; shareLabel: string }[] }).values.map((v) => v.shareLabel); // => ['11.8%', '25.5%', '62.7%']
 * npsDistributionChart(npsBreakdown({ detractors: 1, passives: 0, promoters: 1 })!, { locale: 'vi' }).title.text; // => 'Chỉ số NPS: câu trả lời'
 * ```
 */
export function npsDistributionChart(breakdown: NpsBreakdown, options?: NpsDistributionChartOptions): ChartSpec {
  const issues = new IssueList();
  const b = parseInput(breakdownSchema, breakdown, 'breakdown', issues);
  const opts = parseChartOptions(options, { showShares: z.boolean().optional() }, issues);
  if (b !== undefined && b.detractors + b.passives + b.promoters <= 0) issues.add('too_small', ['breakdown'], 'must count at least one answer');
  const { detractors, passives, promoters, score } = done(issues, b);
  const o = done(issues, opts);
  const { locale } = o;
  const n = detractors + passives + promoters;
  const values = CATEGORIES.map((c) => {
    const count = c.key === 'detractors' ? detractors : c.key === 'passives' ? passives : promoters;
    return { category: tr(locale, c.label), count: round(count), share: round(count / n), shareLabel: formatPercent(count / n, 1, locale) };
  });
  const title = tr(locale, { en: 'Net Promoter Score: answers', vi: 'Chỉ số NPS: câu trả lời' });
  const nText = formatNumber(n, Number.isInteger(n) ? 0 : 1, locale);
  const subtitle = tr(locale, {
    en: `NPS ${formatNumber(score, 1, locale)} from ${nText} answers`,
    vi: `NPS ${formatNumber(score, 1, locale)} từ ${nText} câu trả lời`,
  });
  const description = tr(locale, {
    en: `Bar chart of ${nText} survey answers: ${values.map((v) => `${v.category} ${v.shareLabel}`).join(', ')}. The Net Promoter Score is ${formatNumber(score, 1, locale)}.`,
    vi: `Biểu đồ cột của ${nText} câu trả lời khảo sát: ${values.map((v) => `${v.category} ${v.shareLabel}`).join(', ')}. Chỉ số NPS là ${formatNumber(score, 1, locale)}.`,
  });
  const x = {
    field: 'category',
    type: 'nominal',
    sort: null,
    title: tr(locale, { en: 'Answer (0-10 scale)', vi: 'Câu trả lời (thang 0-10)' }),
    axis: { labelAngle: 0 },
  };
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        x,
        y: { field: 'count', type: 'quantitative', title: tr(locale, { en: 'Answers (count)', vi: 'Số câu trả lời' }) },
        color: {
          field: 'category',
          type: 'nominal',
          legend: null,
          scale: { domain: values.map((v) => v.category), range: CATEGORIES.map((c) => c.color) },
        },
      },
    },
  ];
  if (o.showShares !== false) {
    layer.push({
      mark: { type: 'text', dy: -6, baseline: 'bottom', fontSize: 12 },
      encoding: { x, y: { field: 'count', type: 'quantitative' }, text: { field: 'shareLabel', type: 'nominal' } },
    });
  }
  return chartSpec({ title, subtitle, description }, o, { data: { values }, layer });
}
