/**
 * NPS section (needs --responses): the score with its 95% interval, the answer distribution, the
 * monthly trend with its interval band, and the score by segment when the file has a segment column.
 */
import { npsBreakdown, npsBy, npsTrend } from 'customer-metrics/nps';
import { barChart, lineChart, PALETTE } from '../figures.js';
import { paragraph, table, type Section } from '../model.js';
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
  const categories = [
    { label: t('Detractors (0-6)', 'Phản đối (0-6)'), value: overall.detractorShare },
    { label: t('Passives (7-8)', 'Trung lập (7-8)'), value: overall.passiveShare },
    { label: t('Promoters (9-10)', 'Ủng hộ (9-10)'), value: overall.promoterShare },
  ];
  blocks.push({
    kind: 'figure',
    id: 'nps-distribution',
    title: t('Answer distribution', 'Phân bố câu trả lời'),
    description: t(
      `Bar chart of the share of detractors, passives and promoters among ${overall.n} responses.`,
      `Biểu đồ cột tỉ lệ người phản đối, trung lập và ủng hộ trong ${overall.n} câu trả lời.`,
    ),
    spec: barChart({
      title: t('Answer distribution', 'Phân bố câu trả lời'),
      description: t('Share of detractors, passives and promoters', 'Tỉ lệ phản đối, trung lập, ủng hộ'),
      rows: categories.map((c) => ({ ...c, group: c.label })),
      xTitle: t('Category', 'Nhóm'),
      yTitle: t('Share of responses (%)', 'Tỉ lệ câu trả lời (%)'),
      format: '.0%',
      colors: [PALETTE[5] as string, PALETTE[6] as string, PALETTE[2] as string],
    }),
  });

  const trend = npsTrend(responses, { period: 'month' });
  const months = trend.rows.filter((r) => r.n > 0);
  if (months.length > 1) {
    blocks.push({
      kind: 'figure',
      id: 'nps-trend',
      title: t('NPS by month', 'NPS theo tháng'),
      description: t(
        `Line chart of the monthly NPS from ${months[0]?.period} to ${months[months.length - 1]?.period} with its 95% interval as a band.`,
        `Biểu đồ đường NPS theo tháng từ ${months[0]?.period} đến ${months[months.length - 1]?.period}, dải mờ là khoảng tin cậy 95%.`,
      ),
      spec: lineChart({
        title: t('NPS by month', 'NPS theo tháng'),
        subtitle: t('Band: 95% interval (adjusted Wald)', 'Dải: khoảng tin cậy 95% (Wald hiệu chỉnh)'),
        description: t('Monthly NPS with interval band', 'NPS theo tháng với khoảng tin cậy'),
        rows: months.map((r) => ({ x: r.period, y: r.score, lower: r.interval.lower, upper: r.interval.upper })),
        xTitle: t('Month', 'Tháng'),
        yTitle: t('NPS (points, -100 to 100)', 'NPS (điểm, -100 đến 100)'),
        xType: 'ordinal',
        points: true,
      }),
    });
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
