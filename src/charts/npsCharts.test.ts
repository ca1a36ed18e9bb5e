/**
 * The NPS charts: worked examples (the marks match the data), properties over random surveys,
 * and a bad-input table per function. Every spec is checked against the Vega-Lite schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataOf, renderSvg, markItems, specProblems } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { npsBreakdown, npsBy, npsTrend } from '../nps/index.js';
import { npsDistributionChart, npsSegmentsChart, npsTrendChart } from './index.js';

const DAY = 86_400_000;

describe('npsDistributionChart', () => {
  it('draws one bar per category with the counts and shares of the breakdown', async () => {
    // 6 detractors, 13 passives, 32 promoters: n = 51, NPS = 100 * (32 - 6) / 51 = 50.98
    const spec = npsDistributionChart(npsBreakdown({ detractors: 6, passives: 13, promoters: 32 })!);
    expect(specProblems(spec)).toEqual([]);
    expect(dataOf<{ count: number; share: number }>(spec).map((v) => [v.count, v.share])).toEqual([
      [6, 0.117647],
      [13, 0.254902],
      [32, 0.627451],
    ]);
    expect(spec.title.subtitle).toBe('NPS 51.0 from 51 answers');
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(3);
    expect(markItems(svg, 'text')).toBe(3);
  });

  it('labels everything in Vietnamese with locale vi, decimal comma included', () => {
    const spec = npsDistributionChart({ detractors: 1, passives: 1, promoters: 1, score: 0 } as never, { locale: 'vi' });
    expect(dataOf<{ category: string; shareLabel: string }>(spec).map((v) => `${v.category} ${v.shareLabel}`)).toEqual([
      'Người phản đối (0-6) 33,3%',
      'Người trung lập (7-8) 33,3%',
      'Người ủng hộ (9-10) 33,3%',
    ]);
    expect(spec.description).toContain('câu trả lời');
  });

  it('leaves the share labels out with showShares: false', () => {
    const spec = npsDistributionChart({ detractors: 1, passives: 0, promoters: 1, score: 0 } as never, { showShares: false });
    expect((spec.layer as unknown[]).length).toBe(1);
  });

  it('property: shares add up to 1 and the spec is valid for any survey', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), fc.constantFrom('en' as const, 'vi' as const), (scores, locale) => {
        const spec = npsDistributionChart(npsBreakdown(scores)!, { locale });
        const rows = dataOf<{ count: number; share: number }>(spec);
        expect(rows.reduce((s, r) => s + r.count, 0)).toBe(scores.length);
        expect(Math.abs(rows.reduce((s, r) => s + r.share, 0) - 1)).toBeLessThan(1e-5);
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['not an object', () => npsDistributionChart(null as never), ['invalid_type breakdown']],
    ['negative count', () => npsDistributionChart({ detractors: -1, passives: 0, promoters: 1, score: 0 } as never), ['too_small breakdown.detractors']],
    ['NaN score', () => npsDistributionChart({ detractors: 1, passives: 0, promoters: 1, score: Number.NaN } as never), ['not_finite breakdown.score']],
    ['no answers', () => npsDistributionChart({ detractors: 0, passives: 0, promoters: 0, score: 0 } as never), ['too_small breakdown']],
    ['unknown option', () => npsDistributionChart({ detractors: 1, passives: 0, promoters: 0, score: -100 } as never, { colour: 'red' } as never), ['unrecognized_key options.colour']],
    ['bad locale', () => npsDistributionChart({ detractors: 1, passives: 0, promoters: 0, score: -100 } as never, { locale: 'fr' } as never), ['invalid_value options.locale']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('npsTrendChart', () => {
  const responses = [
    { score: 10, date: Date.UTC(2025, 0, 5) },
    { score: 3, date: Date.UTC(2025, 0, 9) },
    { score: 9, date: Date.UTC(2025, 1, 2) },
    { score: 9, date: Date.UTC(2025, 2, 2) },
    { score: 0, date: Date.UTC(2025, 2, 3) },
    { score: 8, date: Date.UTC(2025, 2, 4) },
  ];

  it('draws one point per period and a band from lower to upper', async () => {
    const trend = npsTrend(responses, { period: 'month' });
    const spec = npsTrendChart(trend);
    expect(specProblems(spec)).toEqual([]);
    const rows = dataOf<{ period: string; score: number; lower: number; upper: number }>(spec);
    expect(rows.map((r) => r.period)).toEqual(['2025-01', '2025-02', '2025-03']);
    // March: one promoter, one detractor, one passive: NPS 0
    expect(rows[2]?.score).toBe(0);
    rows.forEach((r, i) => {
      expect(r.lower).toBeCloseTo(trend.rows[i]!.interval.lower, 4);
      expect(r.upper).toBeCloseTo(trend.rows[i]!.interval.upper, 4);
    });
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'symbol')).toBe(3);
    expect(markItems(svg, 'area')).toBe(1);
    expect(markItems(svg, 'line')).toBe(1);
  });

  it('accepts the rows alone, and drops the band with showInterval: false', () => {
    const trend = npsTrend(responses, { period: 'month' });
    const spec = npsTrendChart(trend.rows, { showInterval: false, locale: 'vi' });
    expect((spec.layer as { mark: { type: string } }[]).map((l) => l.mark.type)).toEqual(['rule', 'line', 'point']);
    expect(spec.title.text).toBe('Chỉ số NPS theo thời gian');
  });

  it('property: one point per period, the band exactly the intervals of the trend', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ score: fc.integer({ min: 0, max: 10 }), day: fc.integer({ min: 0, max: 400 }) }), { minLength: 1, maxLength: 100 }), (list) => {
        const trend = npsTrend(
          list.map((r) => ({ score: r.score, date: Date.UTC(2025, 0, 1) + r.day * DAY })),
          { period: 'month' },
        );
        const rows = dataOf<{ score: number; lower: number; upper: number }>(npsTrendChart(trend));
        expect(rows.length).toBe(trend.rows.length);
        rows.forEach((r, i) => {
          expect(r.lower).toBeCloseTo(trend.rows[i]!.interval.lower, 4);
          expect(r.upper).toBeCloseTo(trend.rows[i]!.interval.upper, 4);
          expect(r.lower).toBeLessThanOrEqual(r.upper);
        });
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['no rows', () => npsTrendChart([] as never), ['too_small trend']],
    ['not rows', () => npsTrendChart('x' as never), ['invalid_type trend']],
    [
      'reversed interval',
      () => npsTrendChart([{ period: 'a', score: 0, n: 1, confidence: 0.95, interval: { lower: 10, upper: -10 } }] as never),
      ['invalid_order trend.0.interval'],
    ],
    [
      'mixed confidence',
      () =>
        npsTrendChart([
          { period: 'a', score: 0, n: 1, confidence: 0.95, interval: { lower: -1, upper: 1 } },
          { period: 'b', score: 0, n: 1, confidence: 0.9, interval: { lower: -1, upper: 1 } },
        ] as never),
      ['invalid_value trend.1.confidence'],
    ],
    ['score out of range', () => npsTrendChart({ rows: [{ period: 'a', score: 101, n: 1, confidence: 0.95, interval: { lower: -1, upper: 1 } }] } as never), ['too_big trend.rows.0.score']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('npsSegmentsChart', () => {
  const responses = [
    { plan: 'basic', score: 6 },
    { plan: 'basic', score: 9 },
    { plan: 'pro', score: 10 },
    { plan: 'pro', score: 9 },
    { plan: 'team', score: 2 },
  ];

  it('draws one dot and one interval per segment, sorted by score on request', async () => {
    const result = npsBy(responses, (r) => r.plan);
    const spec = npsSegmentsChart(result, { sort: 'score' });
    expect(specProblems(spec)).toEqual([]);
    expect(dataOf<{ segment: string; score: number }>(spec).map((v) => [v.segment, v.score])).toEqual([
      ['pro', 100],
      ['basic', 0],
      ['team', -100],
    ]);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'symbol')).toBe(3);
    // one interval rule per segment plus the zero line
    expect(markItems(svg, 'rule')).toBe(4);
  });

  it('property: one row per segment, in input order by default', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ g: fc.constantFrom('a', 'b', 'c', 'd'), score: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 60 }), (list) => {
        const result = npsBy(list, (r) => r.g);
        const spec = npsSegmentsChart(result, { locale: 'vi' });
        expect(dataOf<{ segment: string }>(spec).map((v) => v.segment)).toEqual(result.rows.map((r) => String(r.key)));
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 30, seed: 16 },
    );
  });

  it.each([
    ['no rows', () => npsSegmentsChart({ rows: [] } as never), ['too_small segments.rows']],
    [
      'duplicate key',
      () =>
        npsSegmentsChart([
          { key: 'a', score: 0, n: 1, confidence: 0.95, interval: { lower: -1, upper: 1 } },
          { key: 'a', score: 0, n: 1, confidence: 0.95, interval: { lower: -1, upper: 1 } },
        ] as never),
      ['invalid_value segments.1.key'],
    ],
    ['bad sort', () => npsSegmentsChart([{ key: 'a', score: 0, n: 1, confidence: 0.95, interval: { lower: -1, upper: 1 } }] as never, { sort: 'size' } as never), ['invalid_value options.sort']],
    ['tiny width', () => npsSegmentsChart([{ key: 'a', score: 0, n: 1, confidence: 0.95, interval: { lower: -1, upper: 1 } }] as never, { width: 1 }), ['too_small options.width']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});
