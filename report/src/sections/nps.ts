/**
 * NPS section (needs --responses): the score with its 95% interval, the answer distribution, the
 * monthly trend with its interval band, and the score by segment when the file has a segment column.
 */
import { npsBreakdown, npsBy, npsTrend } from 'customer-metrics/nps';
import { npsDistributionChart, npsSegmentsChart, npsTrendChart } from 'customer-metrics/charts';
import { chartFigure, paragraph, table, type Section, type VegaLiteSpec } from '../model.js';
import type { ResponseRow } from '../inputs.js';
import type { SectionContext } from './context.js';

export function npsSection(ctx: SectionContext, responses: readonly ResponseRow[]): Section {
  const { f, t } = ctx;
  const title = t('Net Promoter Score', 'Chỉ số NPS (Net Promoter Score)');
  const scores = Int32Array.from(responses, (r) => r.score);
  const overall = npsBreakdown(scores);
  const blocks: Section['blocks'] = [];
  if (overall === undefined) return { id: 'nps', title, blocks: [paragraph(t('No survey responses.', 'Không có câu trả lời khảo sát.'))], data: {} };
  blocks.push(
    paragraph(
      t(
        `${f.num(overall.n)} responses. NPS ${f.num(overall.score, 1)} (95% interval ${f.num(overall.interval.lower, 1)} to ${f.num(overall.interval.upper, 1)}): ` +
          `${f.pct(overall.promoterShare)} promoters (9-10), ${f.pct(overall.passiveShare)} passives (7-8), ${f.pct(overall.detractorShare)} detractors (0-6).`,
        `${f.num(overall.n)} câu trả lời. NPS ${f.num(overall.score, 1)} (khoảng tin cậy 95%: ${f.num(overall.interval.lower, 1)} đến ${f.num(overall.interval.upper, 1)}): ` +
          `${f.pct(overall.promoterShare)} người ủng hộ (9-10), ${f.pct(overall.passiveShare)} người trung lập (7-8), ${f.pct(overall.detractorShare)} người phản đối (0-6).`,
      ),
    ),
  );
  const size = (o: { width?: number }) => ({ locale: ctx.locale, ...o });
  blocks.push(chartFigure('nps-distribution', (o) => npsDistributionChart(overall, size(o)) as unknown as VegaLiteSpec));

  const trend = npsTrend(responses, { period: 'month' });
  const months = trend.rows.filter((r) => r.n > 0);
  if (months.length > 1) {
    blocks.push(chartFigure('nps-trend', (o) => npsTrendChart(months, size(o)) as unknown as VegaLiteSpec));
    blocks.push(
      table(
        t('NPS by month', 'NPS theo tháng'),
        [t('month', 'tháng'), t('responses', 'câu trả lời'), 'NPS', t('95% interval', 'khoảng tin cậy 95%')],
        months.map((r) => [r.period, f.num(r.n), f.num(r.score, 1), `${f.num(r.interval.lower, 1)} – ${f.num(r.interval.upper, 1)}`]),
      ),
    );
  }

  let bySegment: { key: string | number; n: number; score: number; lower: number; upper: number }[] = [];
  if (ctx.inputs.responseSegments) {
    const groups = npsBy(responses as (ResponseRow & { segment: string })[], 'segment');
    bySegment = groups.rows.map((r) => ({ key: r.key, n: r.n, score: r.score, lower: r.interval.lower, upper: r.interval.upper }));
    if (groups.rows.length > 0) blocks.push(chartFigure('nps-segments', (o) => npsSegmentsChart(groups, size(o)) as unknown as VegaLiteSpec));
    blocks.push(
      table(
        t('NPS by segment', 'NPS theo phân khúc'),
        [t('segment', 'phân khúc'), t('responses', 'câu trả lời'), 'NPS', t('95% interval', 'khoảng tin cậy 95%')],
        bySegment.map((r) => [String(r.key), f.num(r.n), f.num(r.score, 1), `${f.num(r.lower, 1)} – ${f.num(r.upper, 1)}`]),
      ),
    );
  } else {
    blocks.push(paragraph(t('Add a "segment" column to the responses file to compare segments.', 'Thêm cột "segment" vào tệp khảo sát để so sánh các phân khúc.')));
  }
  return {
    id: 'nps',
    title,
    blocks,
    data: {
      responses: overall.n,
      score: overall.score,
      interval: overall.interval,
      shares: { detractors: overall.detractorShare, passives: overall.passiveShare, promoters: overall.promoterShare },
      byMonth: months.map((r) => ({ period: r.period, n: r.n, score: r.score, interval: r.interval })),
      bySegment,
    },
  };
}
