/**
 * Hostile-input specs of the `customer-metrics/charts` subpath: a valid call per chart function,
 * built from small results of the library itself (see test/hostile/spec.ts for the contract).
 */
import { frequencyRecencyMatrix } from '../../../src/clv/index.js';
import { npsBreakdown, npsBy, npsTrend } from '../../../src/nps/index.js';
import { kaplanMeier, logRankTest } from '../../../src/retention/index.js';
import { classifyAbc, lorenzCurve, paretoAnalysis, segmentSummary, valueTiers } from '../../../src/segmentation/index.js';
import { funnelConversion, stageDistribution, stageTransitionMatrix } from '../../../src/stages/index.js';
import type { HostileSpecs } from '../spec.js';

const DAY = 86_400_000;
const bgNbd = () => ({ kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' as const });
const survival = () => ({ durations: [1, 2, 3, 3, 5], observed: [true, false, true, true, false] });
const survival2 = () => ({ durations: [2, 4, 6, 7], observed: [true, false, true, false] });
const tracking = () => ({ end: [1, 2], actualIncremental: [5, 3], expectedIncremental: [4.5, 3.5], actualCumulative: [5, 8], expectedCumulative: [4.5, 8] });

export const specs: HostileSpecs = {
  npsDistributionChart: { valid: () => [npsBreakdown([0, 7, 9, 10]), { locale: 'vi', showShares: true }] },
  npsTrendChart: {
    valid: () => [
      npsTrend(
        [
          { score: 9, date: Date.UTC(2025, 0, 5) },
          { score: 3, date: Date.UTC(2025, 1, 9) },
        ],
        { period: 'month' },
      ),
      { showInterval: true },
    ],
  },
  npsSegmentsChart: {
    valid: () => [
      npsBy(
        [
          { g: 'a', score: 9 },
          { g: 'b', score: 2 },
        ],
        (r) => r.g,
      ),
      { sort: 'score' },
    ],
  },
  churnSeriesChart: {
    valid: () => [
      [
        { periodStart: new Date(Date.UTC(2025, 0, 1)), label: '2025-01', start: 10, new: 1, reactivated: 0, churned: 1, churnedNew: 0, end: 10, rate: 0.1, trailingAverage: undefined },
        { periodStart: new Date(Date.UTC(2025, 1, 1)), label: '2025-02', start: 10, new: 0, reactivated: 0, churned: 2, churnedNew: 0, end: 8, rate: 0.2, trailingAverage: 0.15 },
      ],
      { showTrailingAverage: true },
    ],
  },
  mrrMovementsChart: { valid: () => [{ startingMrr: '100', newMrr: '20', expansion: 5, reactivation: 0, contraction: 3, churned: '10', endingMrr: 112 }, { currency: 'EUR' }] },
  cohortRetentionChart: {
    valid: () => [
      {
        cohorts: [
          { periodStart: new Date(0), label: '2025-01', size: 4, retained: [4, 3], retention: [1, 0.75], initialMrr: undefined, revenue: undefined, revenueRetention: undefined },
          { periodStart: new Date(0), label: '2025-02', size: 2, retained: [2], retention: [1], initialMrr: undefined, revenue: undefined, revenueRetention: undefined },
        ],
        averageRetention: [1, 0.75],
        averageRevenueRetention: undefined,
      },
      { timeUnit: 'month' },
    ],
  },
  kaplanMeierChart: { valid: () => [kaplanMeier(survival()), { timeUnit: 'week' }] },
  survivalGroupsChart: {
    valid: () => [
      [
        { name: 'a', curve: kaplanMeier(survival()) },
        { name: 'b', curve: kaplanMeier(survival2()) },
      ],
      logRankTest([survival(), survival2()]),
      { timeUnit: 'month' },
    ],
  },
  lorenzChart: { valid: () => [{ lorenz: lorenzCurve([1, 2, 3, 10]), gini: 0.4 }, { locale: 'en' }] },
  paretoChart: { valid: () => [paretoAnalysis([40, 30, 5, 5, 5, 5, 4, 3, 2, 1]), {}] },
  abcClassesChart: { valid: () => [classifyAbc([100, 20, 5, 5]), {}] },
  valueTiersChart: { valid: () => [valueTiers([5, 4, 3, 2, 1]), {}] },
  rfmSegmentsChart: { valid: () => [segmentSummary([500, 300, 40], ['Champions', 'Champions', 'Lost']), { sort: 'customers' }] },
  whaleCurveChart: { valid: () => [valueTiers([60, 50, 10, -20])?.whaleCurve, {}] },
  needLevelDistributionChart: { valid: () => [stageDistribution([1, 3, 3, 6]), { locale: 'vi' }] },
  needLevelFunnelChart: {
    valid: () => [
      funnelConversion(
        [
          [
            { level: 4, date: 0 },
            { level: 5, date: DAY },
          ],
          [{ level: 4, date: 0 }],
        ],
        { fromLevel: 4 },
      ),
      {},
    ],
  },
  stageTransitionChart: {
    valid: () => [
      stageTransitionMatrix(
        [
          { id: 'a', level: 3 },
          { id: 'b', level: 5 },
        ],
        [
          { id: 'a', level: 4 },
          { id: 'b', level: 6 },
        ],
      ),
      {},
    ],
  },
  expectedPurchasesMatrixChart: { valid: () => [frequencyRecencyMatrix(bgNbd(), { length: 1, unit: 'week' }, { T: 10, maxFrequency: 3, recencySteps: 3 }), { timeUnit: 'week' }] },
  probabilityAliveMatrixChart: { valid: () => [frequencyRecencyMatrix(bgNbd(), { length: 1, unit: 'week' }, { T: 10, maxFrequency: 3, recencySteps: 3 }), {}] },
  periodTransactionsChart: {
    valid: () => [
      [
        { frequency: 0, actual: 10, expected: 9.5 },
        { frequency: 1, actual: 4, expected: 4.6 },
      ],
      {},
    ],
  },
  calibrationHoldoutChart: {
    valid: () => [
      {
        byFrequency: [
          { frequency: 0, customers: 5, actual: 0.2, expected: 0.25 },
          { frequency: 1, customers: 2, actual: 0.9, expected: 0.8 },
        ],
        expected: [0.2, 0.3],
        actual: [0, 1],
        errors: { meanAbsoluteError: 0.4, rootMeanSquaredError: 0.5, meanError: 0, correlation: undefined },
        totals: { actual: 2.8, expected: 2.85 },
        tracking: tracking(),
      },
      { timeUnit: 'week' },
    ],
  },
  holdoutTrackingChart: { valid: () => [tracking(), { view: 'incremental' }] },
  probabilityAliveHistoryChart: { valid: () => [bgNbd(), { purchaseTimes: [0, 2, 5], T: 8 }, { steps: 16 }] },
  clvDistributionChart: { valid: () => [[10, 20, undefined, 35], { bins: 4, currency: 'VND' }] },
  purchaseRateHeterogeneityChart: { valid: () => [bgNbd(), {}] },
  dropoutHeterogeneityChart: { valid: () => [bgNbd(), {}] },
  sbgCurvesChart: { valid: () => [{ parameters: { alpha: 0.704, beta: 1.182 } }, { periods: 6, observedSurvival: [1, 0.63] }] },
};
