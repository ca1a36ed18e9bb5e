/**
 * The segmentation charts: worked examples, rendering to SVG, properties over random customer
 * values, and bad-input tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataOf, markItems, renderSvg, specProblems } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { classifyAbc, giniCoefficient, lorenzCurve, paretoAnalysis, segmentSummary, valueTiers } from '../segmentation/index.js';
import { abcClassesChart, lorenzChart, paretoChart, rfmSegmentsChart, valueTiersChart, whaleCurveChart } from './index.js';

const amounts = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 200 }).filter((v) => v.some((x) => x > 0));

describe('lorenzChart', () => {
  it('draws the curve through every point, the diagonal, and the Gini in the subtitle', async () => {
    const values = [10, 2, 5, 15];
    const spec = lorenzChart({ lorenz: lorenzCurve(values)!, gini: giniCoefficient(values) });
    expect(specProblems(spec)).toEqual([]);
    // sorted 2, 5, 10, 15 of 32: 0, 2/32, 7/32, 17/32, 1
    expect(dataOf<{ valueShare: number }>(spec).map((p) => p.valueShare)).toEqual([0, 0.0625, 0.21875, 0.53125, 1]);
    expect(spec.description).toContain('hold 21.9% of the value');
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'line')).toBe(2);
    expect(markItems(svg, 'area')).toBe(1);
  });

  it('accepts a paretoAnalysis result as it is', () => {
    const analysis = paretoAnalysis([1, 1, 1, 1])!;
    expect(lorenzChart(analysis, { locale: 'vi' }).title.subtitle).toBe('Hệ số Gini 0,00; đường chéo là phân bố đều tuyệt đối');
  });

  it('property: one vertex per Lorenz point, never above the diagonal', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const lorenz = lorenzCurve(values)!;
        const spec = lorenzChart({ lorenz, gini: giniCoefficient(values) });
        const rows = dataOf<{ customerShare: number; valueShare: number }>(spec);
        expect(rows.length).toBe(lorenz.length);
        for (const r of rows) expect(r.valueShare).toBeLessThanOrEqual(r.customerShare + 1e-6);
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['no curve', () => lorenzChart({} as never), ['invalid_type input.lorenz']],
    ['one point', () => lorenzChart({ lorenz: [{ customerShare: 0, valueShare: 0 }] }), ['too_small input.lorenz']],
    ['not starting at 0', () => lorenzChart({ lorenz: [{ customerShare: 0.5, valueShare: 0 }, { customerShare: 1, valueShare: 1 }] }), ['invalid_value input.lorenz.0.customerShare']],
    ['decreasing', () => lorenzChart({ lorenz: [{ customerShare: 0, valueShare: 0.5 }, { customerShare: 0.5, valueShare: 0.2 }, { customerShare: 1, valueShare: 1 }] }), ['invalid_order input.lorenz.1.valueShare']],
    ['gini above 1', () => lorenzChart({ lorenz: lorenzCurve([1, 2])!, gini: 2 }), ['too_big input.gini']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('paretoChart', () => {
  it('reads the Lorenz curve from the other end and marks the 80/20 points', async () => {
    // best two of ten (20%) hold 40 + 30 = 70 of 100; 80% needs 4 customers (40 + 30 + 5 + 5)
    const spec = paretoChart(paretoAnalysis([40, 30, 5, 5, 5, 5, 4, 3, 2, 1])!);
    expect(specProblems(spec)).toEqual([]);
    const curve = dataOf<{ customerShare: number; valueShare: number }>(spec);
    expect(curve[2]).toEqual({ customerShare: 0.2, valueShare: 0.7 });
    expect(curve[4]).toEqual({ customerShare: 0.4, valueShare: 0.8 });
    const { svg } = await renderSvg(spec);
    // two markers (top 20%, 80% target) plus the 80/20 reference cross
    expect(markItems(svg, 'symbol')).toBe(3);
    expect(markItems(svg, 'rule')).toBe(2);
  });

  it('property: the curve is the reflected Lorenz curve and rises', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const analysis = paretoAnalysis(values)!;
        const rows = dataOf<{ customerShare: number; valueShare: number }>(paretoChart(analysis, { locale: 'vi' }));
        expect(rows.length).toBe(analysis.lorenz.length);
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.valueShare).toBeGreaterThanOrEqual(rows[i - 1]!.valueShare - 1e-9);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['not an analysis', () => paretoChart(7 as never), ['invalid_type analysis']],
    ['share above 1', () => paretoChart({ ...paretoAnalysis([1, 2])!, top: [{ customerShare: 2, valueShare: 0.5 }] }), ['too_big analysis.top.0.customerShare']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('abcClassesChart, valueTiersChart, rfmSegmentsChart', () => {
  it('ABC: two bars per class with the shares of the summary', async () => {
    // 100 of 130 in A (76.9%), 20 in B (15.4%), 5 + 5 in C (7.7%)
    const spec = abcClassesChart(classifyAbc([100, 20, 5, 5])!);
    expect(specProblems(spec)).toEqual([]);
    expect(dataOf<{ segment: string; share: number }>(spec).map((v) => `${v.segment} ${v.share}`)).toEqual(['A 0.25', 'A 0.769231', 'B 0.25', 'B 0.153846', 'C 0.5', 'C 0.076923']);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(6);
  });

  it('tiers: the pyramid names are translated, other names kept', () => {
    const pyramid = valueTiersChart(valueTiers([5, 4, 3, 2, 1])!, { locale: 'vi' });
    expect([...new Set(dataOf<{ segment: string }>(pyramid).map((v) => v.segment))]).toEqual(['Bạch kim', 'Vàng', 'Sắt', 'Chì']);
    const custom = valueTiersChart(valueTiers([5, 4, 3, 2, 1], { by: 'thresholds', tiers: [{ name: 'top', min: 4 }, { name: 'rest' }] })!, { locale: 'vi' });
    expect([...new Set(dataOf<{ segment: string }>(custom).map((v) => v.segment))]).toEqual(['top', 'rest']);
  });

  it('RFM: sorted by customers unless asked otherwise; a segment without value share gets one bar', () => {
    const rows = segmentSummary([0, 0, 5], ['lost', 'lost', 'new'])!;
    expect(dataOf<{ segment: string }>(rfmSegmentsChart(rows)).map((v) => v.segment)).toEqual(['lost', 'lost', 'new', 'new']);
    const zero = segmentSummary([0, 0], ['a', 'b'])!;
    expect(dataOf(rfmSegmentsChart(zero)).length).toBe(zero.filter((r) => r.valueShare !== undefined).length + zero.length);
  });

  it('property: bars = 2 per segment, customer shares add up to 1', () => {
    fc.assert(
      fc.property(amounts, fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 200, maxLength: 200 }), (values, names) => {
        const rows = segmentSummary(values, names.slice(0, values.length))!;
        const spec = rfmSegmentsChart(rows, { sort: 'input' });
        const bars = dataOf<{ measure: string; share: number }>(spec);
        expect(bars.length).toBe(2 * rows.length);
        const customers = bars.filter((b) => b.measure === 'Customers').reduce((s, b) => s + b.share, 0);
        expect(Math.abs(customers - 1)).toBeLessThan(1e-5);
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 30, seed: 16 },
    );
  });

  it.each([
    ['ABC without summary', () => abcClassesChart({} as never), ['invalid_type classification.summary']],
    ['tiers not a result', () => valueTiersChart(null as never), ['invalid_type tiers']],
    ['RFM empty', () => rfmSegmentsChart([]), ['too_small segments']],
    ['RFM bad total', () => rfmSegmentsChart([{ name: 'a', count: 1, customerShare: 1, valueShare: 1, total: 'lots' }] as never), ['invalid_type segments.0.total']],
    ['RFM repeated name', () => rfmSegmentsChart([...segmentSummary([1], ['a'])!, ...segmentSummary([1], ['a'])!]), ['invalid_value segments.1.name']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('whaleCurveChart', () => {
  it('draws the curve, the 100% line and the peak', async () => {
    // profits 60, 50, 10, -20 of 100: cumulative 60%, 110%, 120%, 100%
    const curve = valueTiers([60, 50, 10, -20])!.whaleCurve!;
    const spec = whaleCurveChart(curve);
    expect(specProblems(spec)).toEqual([]);
    expect(dataOf<{ valueShare: number }>(spec).map((p) => p.valueShare)).toEqual(curve.points.map((p) => p.valueShare));
    expect(spec.title.subtitle).toBe('Peak 120% of the total profit at 75% of customers');
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'line')).toBe(1);
    expect(markItems(svg, 'symbol')).toBe(1);
  });

  it('property: any valuation with a positive total gives a valid spec', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 1000 }), { minLength: 1, maxLength: 100 }).filter((v) => v.reduce((s, x) => s + x, 0) > 0), (values) => {
        const spec = whaleCurveChart(valueTiers(values)!.whaleCurve!, { locale: 'vi' });
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 30, seed: 16 },
    );
  });

  it.each([
    ['no points', () => whaleCurveChart({ peakValueShare: 1, peakCustomerShare: 1 } as never), ['invalid_type curve.points']],
    ['peak share above 1', () => whaleCurveChart({ ...valueTiers([1, 2])!.whaleCurve!, peakCustomerShare: 3 }), ['too_big curve.peakCustomerShare']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});
