import type { NpsByResult, NpsGroupRow } from '../nps/index.js';
import {
  chartSpec,
  done,
  formatNumber,
  formatPercent,
  IssueList,
  OKABE_ITO,
  parseChartOptions,
  round,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';
import { npsRowShape, parseRows } from './_internal/nps.js';

/** Options of {@link npsSegmentsChart}. */
export interface NpsSegmentsChartOptions extends ChartOptions {
  /**
   * The order of the segments from top to bottom: as given, or by score (highest first).
   * @defaultValue 'input'
   */
  readonly sort?: 'input' | 'score';
}

const rowSchema = z.object({ ...npsRowShape, key: z.union([z.string().max(200), z.number().finite()]) });

/**
 * The Net Promoter Score of each segment as a dot, with its confidence interval as a horizontal
 * line: segments whose lines do not overlap differ clearly.
 *
 * Definition: one dot per row of `npsBy` at its score, one rule from `interval.lower` to
 * `interval.upper`; the x axis is fixed to -100..100 NPS points, with a dashed line at 0.
 * Cost: O(g log g) for g segments (sorting).
 *
 * @param segments - The result of `npsBy`, or its `rows` (1 to 10,000).
 * @param options - See {@link NpsSegmentsChartOptions}.
 * @returns A Vega-Lite spec (plain JSON): one interval rule and one dot per segment.
 * @throws {@link MetricsInputError} when there are no rows, a key is duplicated, a score or bound is
 *   outside -100..100, the confidence levels differ, or an option is invalid.
 * @example
 * ```ts
 * import { npsBy } from 'customer-metrics/nps';
 * import { npsSegmentsChart } from 'customer-metrics/charts';
 * const byPlan = npsBy(
 *   [
 *     { plan: 'basic', score: 6 },
 *     { plan: 'basic', score: 9 },
 *     { plan: 'pro', score: 10 },
 *     { plan: 'pro', score: 9 },
 *   ],
 *   (r) => r.plan,
 * );
 * const spec = npsSegmentsChart(byPlan, { sort: 'score' });
 * (spec.data as { values: { segment: string; score: number }[] }).values.map((v) => [v.segment, v.score]); // => [['pro', 100], ['basic', 0]]
 * ```
 */
export function npsSegmentsChart(segments: NpsByResult | readonly NpsGroupRow[], options?: NpsSegmentsChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseRows(segments, 'segments', rowSchema, issues);
  const opts = parseChartOptions(options, { sort: z.enum(['input', 'score']).optional() }, issues);
  const rows = parsed?.rows;
  const base = parsed?.base ?? [];
  const seen = new Set<string>();
  rows?.forEach((row, i) => {
    if (row.interval.lower > row.interval.upper) issues.add('invalid_order', [...base, i, 'interval'], 'must have lower <= upper');
    if (row.confidence !== rows[0]?.confidence) issues.add('invalid_value', [...base, i, 'confidence'], 'must be the same in every row');
    const key = String(row.key);
    if (seen.has(key)) issues.add('invalid_value', [...base, i, 'key'], 'must be unique');
    seen.add(key);
  });
  const list = done(issues, rows);
  const o = done(issues, opts);
  const { locale } = o;
  const ordered = o.sort === 'score' ? [...list].sort((a, b) => b.score - a.score) : list;
  const values = ordered.map((row) => ({
    segment: String(row.key),
    score: round(row.score, 4),
    lower: round(row.interval.lower, 4),
    upper: round(row.interval.upper, 4),
    n: row.n,
  }));
  const level = formatPercent(list[0]?.confidence ?? 0.95, 0, locale);
  const title = tr(locale, { en: 'Net Promoter Score by segment', vi: 'Chỉ số NPS theo phân khúc' });
  const subtitle = tr(locale, { en: `Dots: score; lines: ${level} confidence interval`, vi: `Chấm: điểm NPS; đoạn thẳng: khoảng tin cậy ${level}` });
  const describe = values.map((v) => `${v.segment} ${formatNumber(v.score, 1, locale)}`).join(', ');
  const description = tr(locale, {
    en: `Dot chart of the Net Promoter Score of ${values.length} segments with ${level} confidence intervals: ${describe}.`,
    vi: `Biểu đồ chấm chỉ số NPS của ${values.length} phân khúc kèm khoảng tin cậy ${level}: ${describe}.`,
  });
  const y = { field: 'segment', type: 'nominal', sort: null, title: tr(locale, { en: 'Segment', vi: 'Phân khúc' }) };
  const x = { type: 'quantitative', scale: { domain: [-100, 100] }, title: tr(locale, { en: 'NPS (points, -100 to 100)', vi: 'NPS (điểm, -100 đến 100)' }) };
  const layer = [
    { mark: { type: 'rule', color: '#777777', strokeDash: [4, 4] }, data: { values: [{ zero: 0 }] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    { mark: { type: 'rule', color: OKABE_ITO.blue, strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' } } },
    {
      mark: { type: 'point', filled: true, color: OKABE_ITO.blue, size: 70 },
      encoding: {
        y,
        x: { ...x, field: 'score' },
        tooltip: [
          { field: 'segment', type: 'nominal', title: tr(locale, { en: 'Segment', vi: 'Phân khúc' }) },
          { field: 'score', type: 'quantitative', title: 'NPS', format: '.1f' },
          { field: 'n', type: 'quantitative', title: tr(locale, { en: 'Answers', vi: 'Số câu trả lời' }) },
        ],
      },
    },
  ];
  // Without an explicit height, 28 pixels per segment.
  const height = options?.height ?? Math.max(80, 28 * values.length);
  return chartSpec({ title, subtitle, description }, { ...o, height }, { data: { values }, layer });
}
