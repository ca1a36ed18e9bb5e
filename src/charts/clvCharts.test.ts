/**
 * The CLV charts: worked examples (one cell per defined matrix cell, one bar pair per bin, density
 * integrates to about 1, ...), rendering to SVG, properties, bad-input tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataOf, markItems, renderSvg, specProblems } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { frequencyRecencyMatrix, probabilityAlive, retentionCurve, survivalCurve } from '../clv/index.js';
import {
  calibrationHoldoutChart,
  clvDistributionChart,
  dropoutHeterogeneityChart,
  expectedPurchasesMatrixChart,
  holdoutTrackingChart,
  periodTransactionsChart,
  probabilityAliveHistoryChart,
  probabilityAliveMatrixChart,
  purchaseRateHeterogeneityChart,
  sbgCurvesChart,
} from './index.js';

// BG/NBD parameters of the CDNOW sample (Fader, Hardie & Lee 2005), in weeks.
const bgNbd = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
const paretoNbd = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, timeUnit: 'week' } as const;

/** Trapezoid integral of a density curve. */
function area(points: readonly { x: number; density: number }[]): number {
  let s = 0;
  for (let i = 1; i < points.length; i++) s += ((points[i]!.x - points[i - 1]!.x) * (points[i]!.density + points[i - 1]!.density)) / 2;
  return s;
}

describe('expectedPurchasesMatrixChart and probabilityAliveMatrixChart', () => {
  const m = frequencyRecencyMatrix(bgNbd, { length: 4, unit: 'week' }, { T: 20, maxFrequency: 5, recencySteps: 4 });

  it('draw one rect per defined cell and none for impossible histories', async () => {
    for (const spec of [expectedPurchasesMatrixChart(m), probabilityAliveMatrixChart(m, { locale: 'vi' })]) {
      expect(specProblems(spec)).toEqual([]);
      // frequency 0: recency 0 only; frequencies 1..5: recencies 5, 10, 15, 20
      expect(dataOf(spec).length).toBe(1 + 5 * 4);
      const { svg } = await renderSvg(spec);
      expect(markItems(svg, 'rect')).toBe(21);
    }
    const cells = dataOf<{ frequency: number; recency: number; value: number }>(probabilityAliveMatrixChart(m));
    const cell = cells.find((c) => c.frequency === 3 && c.recency === 10)!;
    expect(cell.value).toBeCloseTo(probabilityAlive(bgNbd, { frequency: 3, recency: 10, T: 20 }), 6);
  });

  it('property: any grid size gives one rect per defined cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (maxFrequency, recencySteps) => {
        const grid = frequencyRecencyMatrix(bgNbd, { length: 1, unit: 'week' }, { T: 30, maxFrequency, recencySteps });
        const defined = grid.expectedPurchases.flat().filter((v) => v !== undefined).length;
        expect(dataOf(expectedPurchasesMatrixChart(grid)).length).toBe(defined);
      }),
      { numRuns: 30, seed: 16 },
    );
  });

  it.each([
    ['not a matrix', () => expectedPurchasesMatrixChart([] as never), ['invalid_type matrix']],
    ['rows do not match', () => expectedPurchasesMatrixChart({ ...m, expectedPurchases: [] }), ['invalid_structure matrix.expectedPurchases']],
    ['P(alive) above 1', () => probabilityAliveMatrixChart({ ...m, probabilityAlive: m.probabilityAlive.map((r) => r.map((v) => (v === undefined ? v : 2))) }), ['too_big matrix.probabilityAlive.0.0']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call).slice(0, 1)).toEqual(expected);
  });
});

describe('periodTransactionsChart', () => {
  it('draws two bars per bin and labels the pooled last bin n+', async () => {
    const spec = periodTransactionsChart([
      { frequency: 0, actual: 10, expected: 9.5 },
      { frequency: 1, actual: 4, expected: 4.6 },
      { frequency: 2, actual: 1, expected: 0.9 },
    ]);
    expect(specProblems(spec)).toEqual([]);
    expect([...new Set(dataOf<{ bin: string }>(spec).map((v) => v.bin))]).toEqual(['0', '1', '2+']);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(6);
  });

  it.each([
    ['empty', () => periodTransactionsChart([]), ['too_small bins']],
    ['frequencies out of order', () => periodTransactionsChart([{ frequency: 1, actual: 1, expected: 1 }]), ['invalid_order bins.0.frequency']],
    ['negative count', () => periodTransactionsChart([{ frequency: 0, actual: -1, expected: 1 }]), ['too_small bins.0.actual']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('calibrationHoldoutChart and holdoutTrackingChart', () => {
  const validation = {
    byFrequency: [
      { frequency: 0, customers: 50, actual: 0.2, expected: 0.25 },
      { frequency: 1, customers: 20, actual: 0.9, expected: 0.8 },
      { frequency: 2, customers: 5, actual: 1.6, expected: 1.5 },
    ],
    totals: { actual: 36, expected: 35.5 },
  };
  const tracking = { end: [1, 2, 3], actualIncremental: [5, 3, 4], expectedIncremental: [4.5, 3.5, 4], actualCumulative: [5, 8, 12], expectedCumulative: [4.5, 8, 12] };

  it('calibration vs holdout: two lines with a point per group', async () => {
    const spec = calibrationHoldoutChart(validation as never, { locale: 'vi' });
    expect(specProblems(spec)).toEqual([]);
    expect([...new Set(dataOf<{ frequency: string }>(spec).map((v) => v.frequency))]).toEqual(['0', '1', '2+']);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'line')).toBe(2);
    expect(markItems(svg, 'symbol')).toBe(6);
  });

  it('tracking: cumulative by default, incremental on request', async () => {
    const cumulative = holdoutTrackingChart(tracking);
    expect(specProblems(cumulative)).toEqual([]);
    expect(dataOf<{ purchases: number }>(cumulative).map((v) => v.purchases)).toEqual([5, 8, 12, 4.5, 8, 12]);
    expect(dataOf<{ purchases: number }>(holdoutTrackingChart(tracking, { view: 'incremental' })).map((v) => v.purchases)).toEqual([5, 3, 4, 4.5, 3.5, 4]);
    const { svg } = await renderSvg(cumulative);
    expect(markItems(svg, 'line')).toBe(2);
  });

  it('property: tracking points = 2 per period', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.double({ min: 0, max: 50, noNaN: true })), { minLength: 1, maxLength: 40 }), (rows) => {
        const t = {
          end: rows.map((_, i) => i + 1),
          actualIncremental: rows.map((r) => r[0]),
          expectedIncremental: rows.map((r) => r[1]),
          actualCumulative: rows.map((r) => r[0]),
          expectedCumulative: rows.map((r) => r[1]),
        };
        const spec = holdoutTrackingChart(t, { locale: 'vi', view: 'incremental' });
        expect(dataOf(spec).length).toBe(2 * rows.length);
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 30, seed: 16 },
    );
  });

  it.each([
    ['no groups', () => calibrationHoldoutChart({ byFrequency: [], totals: { actual: 0, expected: 0 } } as never), ['too_small validation.byFrequency']],
    ['frequencies not increasing', () => calibrationHoldoutChart({ ...validation, byFrequency: [validation.byFrequency[1], validation.byFrequency[0]] } as never), ['invalid_order validation.byFrequency.1.frequency']],
    ['tracking columns of different length', () => holdoutTrackingChart({ ...tracking, actualCumulative: [1] }), ['invalid_structure tracking.actualCumulative']],
    ['tracking ends not increasing', () => holdoutTrackingChart({ ...tracking, end: [1, 1, 2] }), ['invalid_order tracking.end.1']],
    ['unknown view', () => holdoutTrackingChart(tracking, { view: 'both' } as never), ['invalid_value options.view']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('probabilityAliveHistoryChart', () => {
  it('evaluates P(alive) at the grid and at every purchase, and marks the purchases', async () => {
    const spec = probabilityAliveHistoryChart(bgNbd, { purchaseTimes: [0, 4, 9], T: 20 }, { steps: 20 });
    expect(specProblems(spec)).toEqual([]);
    const curve = dataOf<{ t: number; probabilityAlive: number }>(spec);
    // 0 plus 20 grid times (1..20); 4 and 9 are grid times already
    expect(curve.length).toBe(21);
    // at t = 12: two repeat purchases, the last at 9, age 12
    expect(curve.find((p) => p.t === 12)?.probabilityAlive).toBeCloseTo(probabilityAlive(bgNbd, { frequency: 2, recency: 9, T: 12 }), 6);
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rule')).toBe(3);
    expect(markItems(svg, 'line')).toBe(1);
  });

  it('works for Pareto/NBD, in Vietnamese', () => {
    const spec = probabilityAliveHistoryChart(paretoNbd, { purchaseTimes: [0, 2.5], T: 10 }, { locale: 'vi', steps: 10 });
    expect(dataOf(spec).length).toBe(12);
    expect(spec.title.subtitle).toMatch(/^Pareto\/NBD; 2 lần mua/);
  });

  it('property: P(alive) stays in [0, 1] for any history', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 20 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (later, extra) => {
        const times = [0, ...later].sort((a, b) => a - b);
        const T = (times[times.length - 1] ?? 0) + extra;
        const curve = dataOf<{ probabilityAlive: number }>(probabilityAliveHistoryChart(bgNbd, { purchaseTimes: times, T }, { steps: 20 }));
        for (const p of curve) expect(p.probabilityAlive >= 0 && p.probabilityAlive <= 1).toBe(true);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['bad model', () => probabilityAliveHistoryChart({ kind: 'bg-nbd', parameters: { r: -1, alpha: 1, a: 1, b: 1 } } as never, { purchaseTimes: [0], T: 1 }), ['too_small model.parameters.r']],
    ['first purchase not at 0', () => probabilityAliveHistoryChart(bgNbd, { purchaseTimes: [1], T: 2 }), ['invalid_value timeline.purchaseTimes.0']],
    ['purchases out of order', () => probabilityAliveHistoryChart(bgNbd, { purchaseTimes: [0, 3, 2], T: 5 }), ['invalid_order timeline.purchaseTimes.2']],
    ['purchase after T', () => probabilityAliveHistoryChart(bgNbd, { purchaseTimes: [0, 6], T: 5 }), ['too_big timeline.purchaseTimes.1']],
    ['T zero', () => probabilityAliveHistoryChart(bgNbd, { purchaseTimes: [0], T: 0 }), ['too_small timeline.T']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('clvDistributionChart', () => {
  it('bins the defined values and counts the undefined ones apart', async () => {
    const spec = clvDistributionChart([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, undefined], { bins: 5 });
    expect(specProblems(spec)).toEqual([]);
    // width 2: [0,2) [2,4) [4,6) [6,8) [8,10]
    expect(dataOf<{ count: number }>(spec).map((b) => b.count)).toEqual([2, 2, 2, 2, 3]);
    expect(spec.title.subtitle).toBe('11 customers; mean 5.00 USD (dashed); 1 without a value left out');
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'rect')).toBe(5);
  });

  it('pools the values above upperQuantile into the last bar', () => {
    // 11 values; the 0.9 quantile (nearest rank 10) is 10; bins of width 3 from 1: [1,4) [4,7) [7,10] + the 100
    const spec = clvDistributionChart([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100], { bins: 3, upperQuantile: 0.9 });
    expect(dataOf<{ from: number; to: number; count: number }>(spec).map((b) => [b.from, b.to, b.count])).toEqual([
      [1, 4, 3],
      [4, 7, 3],
      [7, 10, 5],
    ]);
    expect(spec.title.subtitle).toBe('11 customers; mean 14.09 USD (dashed); the last bar also holds the 1 customers above 10.00');
  });

  it('one bin when every value is the same', () => {
    expect(dataOf<{ count: number }>(clvDistributionChart([3, 3, 3])).map((b) => b.count)).toEqual([3]);
  });

  it('property: the bins hold every defined value', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }), { maxLength: 300 }).filter((v) => v.some((x) => x !== undefined)), fc.integer({ min: 1, max: 50 }), (values, bins) => {
        const spec = clvDistributionChart(values, { bins, locale: 'vi' });
        expect(dataOf<{ count: number }>(spec).reduce((s, b) => s + b.count, 0)).toBe(values.filter((v) => v !== undefined).length);
        expect(specProblems(spec)).toEqual([]);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['not an array', () => clvDistributionChart('1,2' as never), ['invalid_type values']],
    ['no defined value', () => clvDistributionChart([undefined]), ['too_small values']],
    ['NaN', () => clvDistributionChart([1, Number.NaN]), ['not_finite values.1']],
    ['zero bins', () => clvDistributionChart([1], { bins: 0 }), ['too_small options.bins']],
    ['quantile zero', () => clvDistributionChart([1], { upperQuantile: 0 }), ['too_small options.upperQuantile']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});

describe('purchaseRateHeterogeneityChart and dropoutHeterogeneityChart', () => {
  it('draw densities that integrate to about the covered probability', async () => {
    // Gamma up to its 99th percentile: about 0.99 (less near 0 where r < 1 makes the density steep)
    const rate = dataOf<{ x: number; density: number }>(purchaseRateHeterogeneityChart({ ...bgNbd, parameters: { ...bgNbd.parameters, r: 2.5 } }));
    expect(area(rate)).toBeCloseTo(0.99, 2);
    // Beta(2, 3) on (0.005, 0.995): about 1
    const drop = dataOf<{ x: number; density: number }>(dropoutHeterogeneityChart({ ...bgNbd, parameters: { ...bgNbd.parameters, a: 2, b: 3 } }));
    expect(area(drop)).toBeCloseTo(1, 2);
    const spec = dropoutHeterogeneityChart(paretoNbd, { locale: 'vi' });
    expect(specProblems(spec)).toEqual([]);
    expect(spec.title.subtitle).toBe('Pareto/NBD: Gamma(s = 0,606, beta = 11,670); tốc độ rời bỏ trung bình 0,0519 mỗi tuần');
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'area')).toBe(1);
    expect(markItems(svg, 'rule')).toBe(1);
  });

  it('property: finite densities for any valid parameters', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (r, alpha, a, b) => {
        const model = { kind: 'bg-nbd', parameters: { r, alpha, a, b } } as const;
        for (const spec of [purchaseRateHeterogeneityChart(model), dropoutHeterogeneityChart(model)]) {
          expect(specProblems(spec)).toEqual([]);
          expect(dataOf(spec).length).toBeGreaterThan(100);
        }
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['no model', () => purchaseRateHeterogeneityChart(undefined as never), 'model'],
    ['unknown kind', () => dropoutHeterogeneityChart({ kind: 'nbd', parameters: {} } as never), 'model.kind'],
  ])('bad input: %s', (_, call, path) => {
    const summary = issueSummaries(call);
    expect(Array.isArray(summary) && summary[0]?.endsWith(` ${path}`)).toBe(true);
  });
});

describe('sbgCurvesChart', () => {
  it('draws S(0..n) and r(1..n) from the model', async () => {
    const model = { parameters: { alpha: 0.704, beta: 1.182 } };
    const spec = sbgCurvesChart(model, { periods: 7, observedSurvival: [1, 0.631, 0.468] });
    expect(specProblems(spec)).toEqual([]);
    const rows = dataOf<{ period: number; series: string; value: number }>(spec);
    expect(rows.filter((r) => r.series.startsWith('Survival')).map((r) => r.value)).toEqual(survivalCurve(model, { periods: 7 }).map((v) => Number(v.toFixed(6))));
    expect(rows.filter((r) => r.series.startsWith('Retention')).map((r) => r.value)).toEqual(retentionCurve(model, { periods: 7 }).map((v) => Number(v.toFixed(6))));
    const { svg } = await renderSvg(spec);
    expect(markItems(svg, 'line')).toBe(2);
    expect(markItems(svg, 'symbol')).toBe(8 + 7 + 3);
  });

  it('property: survival falls and retention rises', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), fc.integer({ min: 1, max: 48 }), (alpha, beta, periods) => {
        const rows = dataOf<{ series: string; value: number }>(sbgCurvesChart({ parameters: { alpha, beta } }, { periods, locale: 'vi' }));
        const s = rows.filter((r) => r.series.startsWith('Tỷ lệ còn')).map((r) => r.value);
        const r = rows.filter((x) => x.series.startsWith('Tỷ lệ gia')).map((x) => x.value);
        expect(s.length).toBe(periods + 1);
        for (let i = 1; i < s.length; i++) expect(s[i]!).toBeLessThanOrEqual(s[i - 1]! + 1e-9);
        for (let i = 1; i < r.length; i++) expect(r[i]!).toBeGreaterThanOrEqual(r[i - 1]! - 1e-6);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it.each([
    ['alpha zero', () => sbgCurvesChart({ parameters: { alpha: 0, beta: 1 } }), ['too_small model.parameters.alpha']],
    ['periods zero', () => sbgCurvesChart({ parameters: { alpha: 1, beta: 1 } }, { periods: 0 }), ['too_small options.periods']],
    ['observed above 1', () => sbgCurvesChart({ parameters: { alpha: 1, beta: 1 } }, { observedSurvival: [1, 2] }), ['too_big options.observedSurvival.1']],
  ])('bad input: %s', (_, call, expected) => {
    expect(issueSummaries(call)).toEqual(expected);
  });
});
