/**
 * The NPS charts' spec content (npsDistributionChart, npsTrendChart, npsSegmentsChart): colours of
 * the answer categories, the bars and their share labels, the fixed -100..100 score axis, the zero
 * line, the confidence band or whiskers, the tooltips, the subtitles and descriptions with the
 * figures worked out, the sort and height of the segment chart, and fractional (weighted) counts.
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { npsDistributionChart, npsSegmentsChart, npsTrendChart } from './index.js';

type Layer = { mark: Record<string, unknown>; data?: { values: unknown[] }; encoding: Record<string, Record<string, unknown> & { title?: string; field?: string; scale?: Record<string, unknown> }> & { tooltip?: Record<string, unknown>[] } };

describe('npsDistributionChart', () => {
  // 5 detractors, 3 passives, 12 promoters: 20 answers, NPS = (12 - 5) / 20 = 35
  const breakdown = { detractors: 5, passives: 3, promoters: 12, score: 35 } as never;

  it('three bars: red detractors, grey passives, green promoters; counts, shares and labels', () => {
    const spec = npsDistributionChart(breakdown);
    expect(dataOf(spec)).toEqual([
      { category: 'Detractors (0-6)', count: 5, share: 0.25, shareLabel: '25.0%' },
      { category: 'Passives (7-8)', count: 3, share: 0.15, shareLabel: '15.0%' },
      { category: 'Promoters (9-10)', count: 12, share: 0.6, shareLabel: '60.0%' },
    ]);
    const [bars, labels] = spec.layer as Layer[];
    expect(bars!.mark).toEqual({ type: 'bar' });
    expect(bars!.encoding.color).toEqual({ field: 'category', type: 'nominal', legend: null, scale: { domain: ['Detractors (0-6)', 'Passives (7-8)', 'Promoters (9-10)'], range: ['#D55E00', '#999999', '#009E73'] } });
    expect(bars!.encoding.x).toEqual({ field: 'category', type: 'nominal', sort: null, title: 'Answer (0-10 scale)', axis: { labelAngle: 0 } });
    expect(bars!.encoding.y).toEqual({ field: 'count', type: 'quantitative', title: 'Answers (count)' });
    expect(labels!.mark).toEqual({ type: 'text', dy: -6, baseline: 'bottom', fontSize: 12 });
    expect(labels!.encoding.text).toEqual({ field: 'shareLabel', type: 'nominal' });
    expect(labels!.encoding.y).toEqual({ field: 'count', type: 'quantitative' });
    expect(spec.title.text).toBe('Net Promoter Score: answers');
    expect(spec.title.subtitle).toBe('NPS 35.0 from 20 answers');
    expect(spec.description).toBe('Bar chart of 20 survey answers: Detractors (0-6) 25.0%, Passives (7-8) 15.0%, Promoters (9-10) 60.0%. The Net Promoter Score is 35.0.');
    expect((npsDistributionChart(breakdown, { showShares: true }).layer as unknown[]).length).toBe(2);
  });

  it('weighted answers: a fractional total keeps one decimal', () => {
    const spec = npsDistributionChart({ detractors: 1.5, passives: 0, promoters: 2.25, score: 20 } as never);
    expect(spec.title.subtitle).toBe('NPS 20.0 from 3.8 answers');
    expect(dataOf<{ count: number; share: number }>(spec).map((v) => [v.count, v.share])).toEqual([
      [1.5, 0.4],
      [0, 0],
      [2.25, 0.6],
    ]);
  });

  it('in Vietnamese', () => {
    const spec = npsDistributionChart(breakdown, { locale: 'vi' });
    expect(spec.title.text).toBe('Chỉ số NPS: câu trả lời');
    expect(spec.title.subtitle).toBe('NPS 35,0 từ 20 câu trả lời');
    expect(spec.description).toBe('Biểu đồ cột của 20 câu trả lời khảo sát: Người phản đối (0-6) 25,0%, Người trung lập (7-8) 15,0%, Người ủng hộ (9-10) 60,0%. Chỉ số NPS là 35,0.');
    const [bars] = spec.layer as Layer[];
    expect(bars!.encoding.x!.title).toBe('Câu trả lời (thang 0-10)');
    expect(bars!.encoding.y!.title).toBe('Số câu trả lời');
  });

  it('no answers at all: refused at the breakdown', () => {
    expect(issueSummaries(() => npsDistributionChart({ detractors: 0, passives: 0, promoters: 0, score: 0 } as never))).toEqual(['too_small breakdown']);
    expect(issueSummaries(() => npsDistributionChart({ detractors: 0, passives: 1, promoters: 0, score: 0 } as never))).toBe('did not throw');
  });
});

describe('npsTrendChart', () => {
  const row = (period: string, score: number, lower: number, upper: number, n: number) => ({ period, score, n, confidence: 0.9, interval: { lower, upper } });
  const rows = [row('2024-01', 10.123456, -5.55555, 25.4, 40), row('2024-02', 20, 5, 35, 50), row('2024-03', -12.34, -30, 5, 30)] as never;

  it('a band, a zero line, the score line and points, on a fixed -100..100 axis', () => {
    const spec = npsTrendChart(rows);
    expect(dataOf(spec)).toEqual([
      { period: '2024-01', score: 10.1235, lower: -5.5556, upper: 25.4, n: 40 },
      { period: '2024-02', score: 20, lower: 5, upper: 35, n: 50 },
      { period: '2024-03', score: -12.34, lower: -30, upper: 5, n: 30 },
    ]);
    const [band, zero, line, points] = spec.layer as Layer[];
    expect(band!.mark).toEqual({ type: 'area', opacity: 0.25, color: '#0072B2' });
    expect(band!.encoding.y).toEqual({ type: 'quantitative', scale: { domain: [-100, 100] }, title: 'NPS (points, -100 to 100)', field: 'lower' });
    expect(band!.encoding.y2).toEqual({ field: 'upper' });
    expect(band!.encoding.x).toEqual({ field: 'period', type: 'ordinal', sort: null, title: 'Period', axis: { labelAngle: -45 } });
    expect(zero!.mark).toEqual({ type: 'rule', color: '#777777', strokeDash: [4, 4] });
    expect(zero!.data).toEqual({ values: [{ zero: 0 }] });
    expect(zero!.encoding.y).toEqual({ field: 'zero', type: 'quantitative' });
    expect(line!.mark).toEqual({ type: 'line', color: '#0072B2', strokeWidth: 2 });
    expect(line!.encoding.y!.field).toBe('score');
    expect(points!.mark).toEqual({ type: 'point', filled: true, color: '#0072B2', size: 40 });
    expect(points!.encoding.tooltip).toEqual([
      { field: 'period', type: 'ordinal', title: 'Period' },
      { field: 'score', type: 'quantitative', title: 'NPS', format: '.1f' },
      { field: 'n', type: 'quantitative', title: 'Answers' },
    ]);
    expect(spec.title.text).toBe('Net Promoter Score over time');
    expect(spec.title.subtitle).toBe('Shaded: 90% confidence interval');
    expect(spec.description).toBe('Line chart of the Net Promoter Score in 3 periods, from 10.1 in 2024-01 to -12.3 in 2024-03, with a 90% confidence band.');
  });

  it('without the band: no area, no subtitle', () => {
    const spec = npsTrendChart(rows, { showInterval: false });
    expect((spec.layer as Layer[]).map((l) => l.mark.type)).toEqual(['rule', 'line', 'point']);
    expect(spec.title.subtitle).toBeUndefined();
    expect((npsTrendChart(rows, { showInterval: true }).layer as unknown[]).length).toBe(4);
  });

  it('in Vietnamese', () => {
    const spec = npsTrendChart({ rows } as never, { locale: 'vi' });
    expect(spec.title.text).toBe('Chỉ số NPS theo thời gian');
    expect(spec.title.subtitle).toBe('Vùng tô: khoảng tin cậy 90%');
    expect(spec.description).toBe('Biểu đồ đường của chỉ số NPS qua 3 kỳ, từ 10,1 (2024-01) đến -12,3 (2024-03), kèm dải tin cậy 90%.');
    const [band, , , points] = spec.layer as Layer[];
    expect(band!.encoding.x!.title).toBe('Kỳ');
    expect(band!.encoding.y!.title).toBe('NPS (điểm, -100 đến 100)');
    expect(points!.encoding.tooltip!.map((t) => t.title)).toEqual(['Kỳ', 'NPS', 'Số câu trả lời']);
  });
});

describe('npsSegmentsChart', () => {
  const seg = (key: string | number, score: number, lower: number, upper: number, n: number) => ({ key, score, n, confidence: 0.95, interval: { lower, upper } });
  const rows = [seg('basic', -10, -30, 10.123456, 20), seg(7, 40.55556, 20, 60, 35), seg('pro', 15, 0, 30, 12)] as never;

  it('whiskers from lower to upper, a dot at the score, a zero line; order as given', () => {
    const spec = npsSegmentsChart(rows);
    expect(dataOf(spec)).toEqual([
      { segment: 'basic', score: -10, lower: -30, upper: 10.1235, n: 20 },
      { segment: '7', score: 40.5556, lower: 20, upper: 60, n: 35 },
      { segment: 'pro', score: 15, lower: 0, upper: 30, n: 12 },
    ]);
    const [zero, whiskers, dots] = spec.layer as Layer[];
    expect(zero!.mark).toEqual({ type: 'rule', color: '#777777', strokeDash: [4, 4] });
    expect(zero!.data).toEqual({ values: [{ zero: 0 }] });
    expect(zero!.encoding.x).toEqual({ field: 'zero', type: 'quantitative' });
    expect(whiskers!.mark).toEqual({ type: 'rule', color: '#0072B2', strokeWidth: 2 });
    expect(whiskers!.encoding.x).toEqual({ type: 'quantitative', scale: { domain: [-100, 100] }, title: 'NPS (points, -100 to 100)', field: 'lower' });
    expect(whiskers!.encoding.x2).toEqual({ field: 'upper' });
    expect(whiskers!.encoding.y).toEqual({ field: 'segment', type: 'nominal', sort: null, title: 'Segment' });
    expect(dots!.mark).toEqual({ type: 'point', filled: true, color: '#0072B2', size: 70 });
    expect(dots!.encoding.x!.field).toBe('score');
    expect(dots!.encoding.tooltip).toEqual([
      { field: 'segment', type: 'nominal', title: 'Segment' },
      { field: 'score', type: 'quantitative', title: 'NPS', format: '.1f' },
      { field: 'n', type: 'quantitative', title: 'Answers' },
    ]);
    expect(spec.title.text).toBe('Net Promoter Score by segment');
    expect(spec.title.subtitle).toBe('Dots: score; lines: 95% confidence interval');
    expect(spec.description).toBe('Dot chart of the Net Promoter Score of 3 segments with 95% confidence intervals: basic -10.0, 7 40.6, pro 15.0.');
  });

  it('sorted by score on request; 28 px a segment, at least 80, unless a height is given', () => {
    expect(dataOf<{ segment: string }>(npsSegmentsChart(rows, { sort: 'score' })).map((r) => r.segment)).toEqual(['7', 'pro', 'basic']);
    expect(dataOf<{ segment: string }>(npsSegmentsChart(rows, { sort: 'input' })).map((r) => r.segment)).toEqual(['basic', '7', 'pro']);
    expect(npsSegmentsChart(rows).height).toBe(84);
    expect(npsSegmentsChart([(rows as unknown[])[0]] as never).height).toBe(80);
    expect(npsSegmentsChart(rows, { height: 200 }).height).toBe(200);
    expect(issueSummaries(() => npsSegmentsChart(rows, { sort: 'name' } as never))).toEqual(['invalid_value options.sort']);
    // keys compare as text: 7 and '7' are the same segment
    expect(issueSummaries(() => npsSegmentsChart([seg(7, 1, 0, 2, 1), seg('7', 1, 0, 2, 1)] as never))).toEqual(['invalid_value segments.1.key']);
  });

  it('in Vietnamese', () => {
    const spec = npsSegmentsChart(rows, { locale: 'vi' });
    expect(spec.title.text).toBe('Chỉ số NPS theo phân khúc');
    expect(spec.title.subtitle).toBe('Chấm: điểm NPS; đoạn thẳng: khoảng tin cậy 95%');
    expect(spec.description).toBe('Biểu đồ chấm chỉ số NPS của 3 phân khúc kèm khoảng tin cậy 95%: basic -10,0, 7 40,6, pro 15,0.');
    const [, whiskers, dots] = spec.layer as Layer[];
    expect(whiskers!.encoding.y!.title).toBe('Phân khúc');
    expect(whiskers!.encoding.x!.title).toBe('NPS (điểm, -100 đến 100)');
    expect(dots!.encoding.tooltip!.map((t) => t.title)).toEqual(['Phân khúc', 'NPS', 'Số câu trả lời']);
  });
});
