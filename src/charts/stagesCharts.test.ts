/**
 * The need-level charts: worked examples, rendering to SVG, properties, bad-input tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataOf, markItems, renderSvg, specProblems } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { funnelConversion, NEED_LEVELS, stageDistribution, stageTransitionMatrix, type NeedLevel } from '../stages/index.js';
import { needLevelDistributionChart, needLevelFunnelChart, stageTransitionChart } from './index.js';

const DAY = 86_400_000;
const level = fc.integer({ min: 1, max: 6 }) as fc.Arbitrary<NeedLevel>;

describe('needLevelDistributionChart', () => {
  it('draws six bars with the stages area labels in the chart locale', async () => {
    const distribution = stageDistribution([1, 3, 3, 6], { locale: 'en' });
    const spec = needLevelDistributionChart(distribution, { locale: 'vi' });
    expect(specProblems(spec)).toEqual([]);
    const rows = dataOf<{ level: string; count: number }>(spec);
    expect(rows.map((r) => r.level)).toEqual(NEED_LEVELS.map((l) => `${l.level}. ${l.label.vi}`));
    expect(rows.map((r) => r.count)).toEqual([1, 0, 2, 0, 0, 1]);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(6);
    expect(svg).toContain('Khách hàng theo cấp độ nhu cầu');
  });

  it('property: counts match the distribution whatever its locale', () => {
    fc.assert(
      fc.property(fc.array(level, { maxLength: 100 }), fc.constantFrom('en' as const, 'vi' as const), (levels, locale) => {
        const distribution = stageDistribution(levels, { locale });
        const spec = needLevelDistributionChart(distribution, { locale: locale === 'en' ? 'vi' : 'en' });
        expect(dataOf<{ count: number }>(spec).map((r) => r.count)).toEqual(distribution.levels.map((l) => l.count));
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['level 7', () => needLevelDistributionChart({ total: 1, levels: [{ level: 7, count: 1 }] } as never), ['too_big distribution.levels.0.level']],
    ['repeated level', () => needLevelDistributionChart({ total: 2, levels: [{ level: 1, count: 1 }, { level: 1, count: 1 }] } as never), ['invalid_value distribution.levels.1.level']],
    ['negative count', () => needLevelDistributionChart({ total: 0, levels: [{ level: 1, count: -1 }] } as never), ['too_small distribution.levels.0.count']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('needLevelFunnelChart', () => {
  const histories = [
    [{ level: 4 as NeedLevel, date: 0 }, { level: 5 as NeedLevel, date: DAY }, { level: 6 as NeedLevel, date: 2 * DAY }],
    [{ level: 4 as NeedLevel, date: 0 }, { level: 5 as NeedLevel, date: DAY }],
    [{ level: 4 as NeedLevel, date: 0 }],
  ];

  it('draws one centred bar per step, widths the counts', async () => {
    const spec = needLevelFunnelChart(funnelConversion(histories, { fromLevel: 4 }));
    expect(specProblems(spec)).toEqual([]);
    // 3 reach 4, 2 of them 5 (66.7%), 1 of those 6 (50%)
    expect(dataOf<{ left: number; right: number; label: string }>(spec).map((v) => [v.left, v.right, v.label])).toEqual([
      [-1.5, 1.5, '3'],
      [-1, 1, '2 (66.7%)'],
      [-0.5, 0.5, '1 (50.0%)'],
    ]);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(3);
  });

  it('property: one bar per step, never wider than the first', () => {
    fc.assert(
      fc.property(fc.array(fc.array(level, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 }), (lists) => {
        const funnel = funnelConversion(lists.map((l) => l.map((lv, i) => ({ level: lv, date: i * DAY }))));
        const rows = dataOf<{ count: number }>(needLevelFunnelChart(funnel, { locale: 'vi' }));
        expect(rows.length).toBe(funnel.steps.length);
        for (const r of rows) expect(r.count).toBeLessThanOrEqual(rows[0]!.count);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['no steps', () => needLevelFunnelChart({ contacts: 0, steps: [] } as never), ['too_small funnel.steps']],
    ['skipped level', () => needLevelFunnelChart({ contacts: 1, steps: [{ level: 1, count: 1 }, { level: 3, count: 1 }] } as never), ['invalid_order funnel.steps.1.level']],
    ['conversion above 1', () => needLevelFunnelChart({ contacts: 1, steps: [{ level: 1, count: 1, conversionFromPrevious: 2 }] } as never), ['too_big funnel.steps.0.conversionFromPrevious']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('stageTransitionChart', () => {
  it('draws one cell per non-empty transition with its share of the row', async () => {
    const m = stageTransitionMatrix(
      [{ id: 'a', level: 3 }, { id: 'b', level: 3 }, { id: 'c', level: 5 }, { id: 'd', level: 5 }],
      [{ id: 'a', level: 4 }, { id: 'b', level: 3 }, { id: 'c', level: 6 }, { id: 'd', level: 6 }],
    );
    const spec = stageTransitionChart(m);
    expect(specProblems(spec)).toEqual([]);
    expect(dataOf<{ to: number; count: number; label: string }>(spec).map((c) => `${c.to} ${c.label}`)).toEqual(['3 50% (1)', '4 50% (1)', '6 100% (2)']);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(3);
  });

  it('property: cells = non-zero counts, shares of each row add up to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(level, level), { minLength: 1, maxLength: 60 }), (pairs) => {
        const m = stageTransitionMatrix(
          pairs.map(([b], i) => ({ id: i, level: b })),
          pairs.map(([, a], i) => ({ id: i, level: a })),
        );
        const cells = dataOf<{ from: string; share: number }>(stageTransitionChart(m));
        expect(cells.length).toBe(m.counts.flat().filter((c) => c > 0).length);
        const byRow = new Map<string, number>();
        for (const c of cells) byRow.set(c.from, (byRow.get(c.from) ?? 0) + c.share);
        for (const total of byRow.values()) expect(Math.abs(total - 1)).toBeLessThan(1e-5);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['not 6 x 6', () => stageTransitionChart({ counts: [[1]] } as never), ['too_small matrix.counts.0', 'too_small matrix.counts']],
    ['negative count', () => stageTransitionChart({ counts: Array.from({ length: 6 }, (_, i) => [i === 0 ? -1 : 0, 0, 0, 0, 0, 0]) } as never), ['too_small matrix.counts.0.0']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});
