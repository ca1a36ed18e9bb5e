/**
 * The `customer-metrics/charts` functions at the edges of their valid domain (issue 14, item 2):
 * each chart is fed the library's own results at their edges (one row, 100,000 identical rows, all
 * censored, all tied, zero totals where allowed, durations and parameters from 1e-8 to 1e8, the
 * whole Date range) and must give a valid Vega-Lite spec in plain JSON (no NaN, no Infinity, which
 * JSON would turn into null) with a title and description (test/helpers/charts.ts). Fixed seeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as charts from '../../../src/charts/index.js';
import { frequencyRecencyMatrix, holdoutValidation } from '../../../src/clv/index.js';
import { npsBreakdown, npsBy, npsTrend } from '../../../src/nps/index.js';
import { churnSeries, cohortRetention, kaplanMeier, logRankTest, mrrMovements } from '../../../src/retention/index.js';
import { classifyAbc, lorenzCurve, paretoAnalysis, segmentSummary, valueTiers } from '../../../src/segmentation/index.js';
import { funnelConversion, stageDistribution, stageTransitionMatrix } from '../../../src/stages/index.js';
import type { NeedLevel } from '../../../src/stages/index.js';
import { dataOf, specProblems } from '../../helpers/charts.js';
import { logUniform, money, param, runs } from './helpers.js';

/** The functions this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = [
  'abcClassesChart',
  'calibrationHoldoutChart',
  'churnSeriesChart',
  'clvDistributionChart',
  'cohortRetentionChart',
  'dropoutHeterogeneityChart',
  'expectedPurchasesMatrixChart',
  'holdoutTrackingChart',
  'kaplanMeierChart',
  'lorenzChart',
  'mrrMovementsChart',
  'needLevelDistributionChart',
  'needLevelFunnelChart',
  'npsDistributionChart',
  'npsSegmentsChart',
  'npsTrendChart',
  'paretoChart',
  'periodTransactionsChart',
  'probabilityAliveHistoryChart',
  'probabilityAliveMatrixChart',
  'purchaseRateHeterogeneityChart',
  'rfmSegmentsChart',
  'sbgCurvesChart',
  'stageTransitionChart',
  'survivalGroupsChart',
  'valueTiersChart',
  'whaleCurveChart',
] as const;

const expectValid = (spec: { readonly [key: string]: unknown }) => expect(specProblems(spec)).toEqual([]);
const DAY = 86_400_000;
const DATE_MAX = 8.64e15;
const level = fc.integer({ min: 1, max: 6 }) as fc.Arbitrary<NeedLevel>;
const count = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2 ** 50 }));
const duration = fc.oneof(fc.constant(0), logUniform(-8, 8), fc.constantFrom(1, 2));
const survival = fc.array(fc.record({ d: duration, e: fc.boolean() }), { minLength: 1, maxLength: 60 }).map((s) => ({ durations: s.map((x) => x.d), observed: s.map((x) => x.e) }));
const amount = fc.oneof(money, fc.constantFrom(1e-100, 1e100));
const values = fc.array(amount, { minLength: 1, maxLength: 200 });
const kind = fc.constantFrom('bg-nbd' as const, 'mbg-nbd' as const, 'pareto-nbd' as const);
const model = (k: 'bg-nbd' | 'mbg-nbd' | 'pareto-nbd', [p1, p2, p3, p4]: readonly number[]) =>
  (k === 'pareto-nbd' ? { kind: k, parameters: { r: p1, alpha: p2, s: p3, beta: p4 }, timeUnit: 'week' } : { kind: k, parameters: { r: p1, alpha: p2, a: p3, b: p4 }, timeUnit: 'week' }) as never;
const four = fc.tuple(param, param, param, param);

describe('nps charts at the edges', () => {
  it('distribution, segments and trend charts from counts up to 2^50, one response, the Date range', () => {
    fc.assert(
      fc.property(count, count, count, fc.array(fc.record({ score: fc.integer({ min: 0, max: 10 }), g: fc.constantFrom('a', 'b'), date: fc.integer({ min: -8.6e15, max: 8.6e15 }) }), { minLength: 1, maxLength: 30 }), (d, pa, p, rs) => {
        const b = npsBreakdown({ detractors: d, passives: pa, promoters: p });
        if (b !== undefined) expectValid(charts.npsDistributionChart(b, { showShares: true }));
        expectValid(charts.npsSegmentsChart(npsBy(rs, 'g'), { sort: 'score' }));
        const trend = npsTrend(rs, { period: 'year' });
        const spec = charts.npsTrendChart(trend, { showInterval: true });
        expectValid(spec);
        return true;
      }),
      runs(30),
    );
  });
});

describe('retention charts at the edges', () => {
  it('Kaplan-Meier and survival-groups charts: durations 0 and 1e-8..1e8, all censored, all tied, one subject', () => {
    fc.assert(
      fc.property(survival, survival, fc.constantFrom('week' as const, 'month' as const, 'day' as const), (a, b, unit) => {
        const ka = kaplanMeier(a);
        const kb = kaplanMeier(b);
        expectValid(charts.kaplanMeierChart(ka, { timeUnit: unit }));
        expectValid(charts.survivalGroupsChart([{ name: 'a', curve: ka }, { name: 'b', curve: kb }], logRankTest([a, b]), { timeUnit: unit }));
        return true;
      }),
      runs(40),
    );
    expectValid(charts.kaplanMeierChart(kaplanMeier({ durations: [5], observed: [false] })));
    expectValid(charts.kaplanMeierChart(kaplanMeier({ durations: new Float64Array(100_000).fill(3), observed: new Uint8Array(100_000).fill(1) })));
  });

  it('churn-series, cohort and MRR charts from subscriptions of a millisecond to decades', () => {
    const base = Date.UTC(2025, 0, 1);
    const sub = fc
      .record({ id: fc.integer({ min: 0, max: 20 }), s: fc.integer({ min: -3 * 365, max: 365 }), len: fc.oneof(fc.constant(1), logUniform(0, 11)), open: fc.boolean(), mrr: money })
      .map(({ id, s, len, open, mrr }) => ({ customerId: id, start: base + s * DAY, end: open ? null : base + s * DAY + Math.round(len), mrr }));
    fc.assert(
      fc.property(fc.array(sub, { minLength: 1, maxLength: 40 }), (ss) => {
        expectValid(charts.churnSeriesChart(churnSeries(ss, { from: base - 365 * DAY, to: base + 365 * DAY, period: 'month', trailingPeriods: 3 }), { showTrailingAverage: true }));
        expectValid(charts.cohortRetentionChart(cohortRetention(ss, { observationEnd: base + 400 * DAY, period: 'quarter' }), { timeUnit: 'quarter' }));
        expectValid(charts.mrrMovementsChart(mrrMovements(ss, { start: base, end: base + 31 * DAY }), { currency: 'EUR' }));
        return true;
      }),
      runs(30),
    );
  });
});

describe('segmentation charts at the edges', () => {
  it('Lorenz, Pareto, ABC, value-tier, whale and RFM-segment charts from 1e-100..1e100 amounts, ties, one customer', () => {
    fc.assert(
      fc.property(values, fc.boolean(), (xs, negate) => {
        const lorenz = lorenzCurve(xs);
        if (lorenz !== undefined) expectValid(charts.lorenzChart({ lorenz, gini: 0.5 }));
        const pa = paretoAnalysis(xs);
        if (pa !== undefined) expectValid(charts.paretoChart(pa));
        const abc = classifyAbc(xs);
        if (abc !== undefined) expectValid(charts.abcClassesChart(abc));
        const signed = negate ? xs.map((x, i) => (i % 2 === 0 ? -x : x)) : xs;
        const tiers = valueTiers(signed);
        if (tiers !== undefined) {
          expectValid(charts.valueTiersChart(tiers));
          if (tiers.whaleCurve !== undefined) expectValid(charts.whaleCurveChart(tiers.whaleCurve));
        }
        const rows = segmentSummary(
          signed,
          signed.map((_, i) => (i % 3 === 0 ? 'Champions' : 'Lost')),
        );
        if (rows !== undefined) expectValid(charts.rfmSegmentsChart(rows, { sort: 'customers' }));
        return true;
      }),
      runs(40),
    );
  });
});

describe('stages charts at the edges', () => {
  it('distribution, funnel and transition charts: no customers, 100,000 at one level, the Date range', () => {
    fc.assert(
      fc.property(fc.array(level, { maxLength: 300 }), fc.array(fc.array(fc.record({ date: fc.integer({ min: -8.6e15, max: 8.6e15 }), level }), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 }), (ls, hs) => {
        expectValid(charts.needLevelDistributionChart(stageDistribution(ls)));
        const sorted = hs.map((h) => [...h].sort((a, b) => a.date - b.date));
        expectValid(charts.needLevelFunnelChart(funnelConversion(sorted, { cohortBy: 'year' })));
        const before = ls.map((l, i) => ({ id: i, level: l }));
        const after = ls.map((l, i) => ({ id: i + (i % 2), level: (((l % 6) + 1) as NeedLevel) })).filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i);
        expectValid(charts.stageTransitionChart(stageTransitionMatrix(before, after)));
        return true;
      }),
      runs(40),
    );
    expectValid(charts.needLevelDistributionChart(stageDistribution(new Uint8Array(100_000).fill(6))));
    void DATE_MAX;
  });
});

describe('clv charts at the edges', () => {
  it('heterogeneity charts of models with parameters 1e-8..1e8', () => {
    fc.assert(
      fc.property(kind, four, (k, p) => {
        expectValid(charts.purchaseRateHeterogeneityChart(model(k, p)));
        expectValid(charts.dropoutHeterogeneityChart(model(k, p)));
        return true;
      }),
      runs(60),
    );
  });

  it('matrix and P(alive) history charts: T from 1e-6 to 1e6, one purchase to 1,000, grids of 1 and 50', () => {
    fc.assert(
      fc.property(kind, four, logUniform(-6, 6), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.constantFrom(1, 7, 50), (k, p, T, shares, size) => {
        const m = frequencyRecencyMatrix(model(k, p), { length: 1, unit: 'week' }, { T, maxFrequency: size, recencySteps: size });
        expectValid(charts.expectedPurchasesMatrixChart(m, { timeUnit: 'week' }));
        expectValid(charts.probabilityAliveMatrixChart(m));
        const times = [0, ...shares.map((s) => s * T)].sort((a, b) => a - b);
        expectValid(charts.probabilityAliveHistoryChart(model(k, p), { purchaseTimes: times, T }, { steps: 64 }));
        return true;
      }),
      runs(30),
    );
  });

  it('sBG curves, CLV distribution, period-transactions, holdout and tracking charts at the edges', () => {
    fc.assert(
      fc.property(
        param,
        param,
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.oneof(fc.constant(undefined), fc.constant(0), logUniform(-8, 8)), { minLength: 1, maxLength: 200 }),
        fc.array(fc.record({ actual: fc.integer({ min: 0, max: 100_000 }), expected: logUniform(-8, 5) }), { minLength: 1, maxLength: 30 }),
        (alpha, beta, periods, clvs, bins) => {
          expectValid(charts.sbgCurvesChart({ parameters: { alpha, beta } }, { periods, observedSurvival: [1, 0.5, 1e-8] }));
          if (clvs.some((v) => v !== undefined)) expectValid(charts.clvDistributionChart(clvs, { bins: 20, currency: 'VND' }));
          expectValid(charts.periodTransactionsChart(bins.map((b, i) => ({ frequency: i, ...b }))));
          const end = bins.map((_, i) => i + 1);
          const inc = bins.map((b) => b.actual);
          const exp = bins.map((b) => b.expected);
          const cum = (xs: number[]) => xs.map((_, i) => xs.slice(0, i + 1).reduce((s, x) => s + x, 0));
          const tracking = { end, actualIncremental: inc, expectedIncremental: exp, actualCumulative: cum(inc), expectedCumulative: cum(exp) };
          expectValid(charts.holdoutTrackingChart(tracking, { view: 'incremental' }));
          expectValid(charts.holdoutTrackingChart(tracking, { view: 'cumulative' }));
          return true;
        },
      ),
      runs(40),
    );
    const validation = holdoutValidation({ kind: 'bg-nbd', parameters: { r: 1e-8, alpha: 1e8, a: 1e8, b: 1e-8 }, timeUnit: 'week' }, [{ frequency: 0, recency: 0, T: 1e-6, holdoutFrequency: 100_000, holdoutDuration: 1e6 }]);
    expectValid(charts.calibrationHoldoutChart(validation, { timeUnit: 'week' }));
    expect(dataOf(charts.clvDistributionChart([5, 5, 5, 5])).length).toBeGreaterThan(0);
  });
});
