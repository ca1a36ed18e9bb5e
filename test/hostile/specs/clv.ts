/** Hostile-input specs of `customer-metrics/clv` (contract: ../spec.ts). */
import { fitShiftedBetaGeometric, survivalCurve } from '../../../src/clv/index.js';
import type { HostileSpecs } from '../spec.js';
import { specs as covariateSpecs } from './clv-covariates.js';

const bgbb = () => ({ parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } });
const bgnbd = () => ({ kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' });
const pareto = () => ({ kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, timeUnit: 'week' });
const gg = () => ({ kind: 'gamma-gamma', parameters: { p: 6.25, q: 3.74, gamma: 15.44 } });
const sbg = () => ({ parameters: { alpha: 0.704, beta: 1.182 } });
const week = (length: number) => ({ length, unit: 'week' });
const summaries = () => [
  { frequency: 0, recency: 0, T: 30, weight: 6 },
  { frequency: 1, recency: 10, T: 30, weight: 2 },
  { frequency: 1, recency: 2, T: 25 },
  { frequency: 3, recency: 25, T: 30 },
  { frequency: 8, recency: 28, T: 30 },
  { frequency: 2, recency: 5, T: 30, weight: 2 },
  { frequency: 4, recency: 8, T: 20 },
];
const bgbbRows = () => [
  { frequency: 0, recency: 0, n: 4, weight: 40 },
  { frequency: 1, recency: 1, n: 4, weight: 10 },
  { frequency: 2, recency: 4, n: 4, weight: 12 },
  { frequency: 3, recency: 3, n: 4, weight: 5 },
  { frequency: 4, recency: 4, n: 4, weight: 18 },
];
const transactions = () => [
  { customerId: 'a', date: Date.UTC(2024, 0, 1), amount: 10 },
  { customerId: 'a', date: new Date(Date.UTC(2024, 0, 8)), amount: '20.50' },
  { customerId: 2, date: Date.UTC(2024, 1, 3), amount: 12 },
  { customerId: 2, date: Date.UTC(2024, 1, 9), amount: 18 },
];
const fitOptions = () => ({ timeUnit: 'week', tolerance: 1e-8, maxIterations: 200, starts: 1 });
const cdnowCustomer = () => ({ frequency: 2, recency: 30.43, T: 38.86 });
// fitGammaGamma: 12 repeat customers, 1 to 4 repeat purchases.
const spendRows = () => Array.from({ length: 12 }, (_, i) => ({ frequency: 1 + (i % 4), monetaryValue: 5 + ((i * 37) % 50) }));

export const specs: HostileSpecs = {
  ...covariateSpecs,
  bgBbExpectedPurchases: {
    valid: () => [bgbb(), { frequency: 3, recency: 5, n: 6 }, { opportunities: 5 }],
    refuse: { 'frequency above n': () => [bgbb(), { frequency: 7, recency: 6, n: 6 }, { opportunities: 5 }] },
  },
  bgBbExpectedPurchasesNewCustomer: {
    valid: () => [bgbb(), { opportunities: 6 }],
    refuse: { 'fractional opportunities': () => [bgbb(), { opportunities: 1.5 }] },
  },
  bgBbFrequencyFit: {
    valid: () => [bgbb(), [{ frequency: 0, recency: 0, n: 6, weight: 3464 }, { frequency: 6, recency: 6, n: 6, weight: 1203 }]],
    refuse: { 'recency above n': () => [bgbb(), [{ frequency: 1, recency: 7, n: 6 }]] },
  },
  bgBbProbabilityAlive: {
    valid: () => [bgbb(), { frequency: 2, recency: 4, n: 6 }],
    refuse: { 'zero alpha': () => [{ parameters: { alpha: 0, beta: 1, gamma: 1, delta: 1 } }, { frequency: 2, recency: 4, n: 6 }] },
  },
  bgBbPurchaseCountProbabilities: {
    valid: () => [bgbb(), { opportunities: 6 }],
    refuse: { 'negative opportunities': () => [bgbb(), { opportunities: -1 }] },
  },
  calibrationHoldoutSplit: {
    valid: () => [transactions(), { calibrationEnd: Date.UTC(2024, 0, 31), observationEnd: new Date(Date.UTC(2024, 2, 1)), period: 'day', unit: 'day' }],
    refuse: { 'calibration end after observation end': () => [transactions(), { calibrationEnd: Date.UTC(2024, 3, 1), observationEnd: Date.UTC(2024, 2, 1) }] },
  },
  clvFromRetention: {
    valid: () => [{ marginPerPeriod: '100', retentionRatePerPeriod: 0.8, discountRatePerPeriod: 0.1, horizonPeriods: 2 }],
    refuse: { 'retention of 1 without a horizon': () => [{ marginPerPeriod: 100, retentionRatePerPeriod: 1, discountRatePerPeriod: 0 }] },
  },
  compareModels: {
    valid: () => [
      {
        three: { kind: 'a', parameters: { x: 1, y: 1, z: 1 }, logLikelihood: -100, customers: 50 },
        four: { kind: 'b', parameters: { x: 1, y: 1, z: 1, w: 1 }, logLikelihood: -98, customers: 50 },
      },
    ],
    refuse: { 'positive infinite likelihood': () => [{ a: { kind: 'a', parameters: { x: 1 }, logLikelihood: Infinity, customers: 5 } }] },
  },
  compressSummaries: {
    valid: () => [summaries()],
    refuse: { 'recency above T': () => [[{ frequency: 1, recency: 11, T: 10 }]] },
  },
  customerLifetimeValue: {
    valid: () => [
      {
        transactionModel: bgnbd(),
        spendModel: gg(),
        customers: [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: '22.35' }],
        horizon: { length: 12, unit: 'month' },
        discountRate: 0.01,
        discountPeriod: 'month',
        discounting: 'discrete',
      },
    ],
    refuse: { 'negative discount rate': () => [{ transactionModel: bgnbd(), spendModel: gg(), customers: [], horizon: week(1), discountRate: -1 }] },
  },
  discountedExpectedResidualLifetime: {
    valid: () => [sbg(), { renewals: 4, discountRate: 0.1 }],
    refuse: { 'fractional renewals': () => [sbg(), { renewals: 0.5, discountRate: 0.1 }] },
  },
  discountedExpectedTransactions: {
    valid: () => [pareto(), cdnowCustomer(), { continuousDiscountRate: Math.log(1.15), unit: 'year' }],
    refuse: { 'BG/NBD model (not Pareto/NBD)': () => [bgnbd(), cdnowCustomer(), { continuousDiscountRate: 0.1, unit: 'year' }] },
  },
  expectedPurchases: {
    valid: () => [bgnbd(), cdnowCustomer(), week(39)],
    refuse: { 'recency above T': () => [bgnbd(), { frequency: 1, recency: 40, T: 39 }, week(1)] },
  },
  expectedPurchasesBatch: {
    valid: () => [pareto(), { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] }, week(39)],
    refuse: { 'columns of different lengths': () => [bgnbd(), { frequency: [2, 0], recency: [30.43], T: [38.86, 38.86] }, week(39)] },
  },
  expectedPurchasesNewCustomer: {
    valid: () => [bgnbd(), week(78)],
    refuse: { 'unknown unit': () => [bgnbd(), { length: 1, unit: 'fortnight' }] },
  },
  expectedSpend: {
    valid: () => [gg(), { frequency: 2, monetaryValue: '20' }],
    refuse: { 'negative spend': () => [gg(), { frequency: 2, monetaryValue: -20 }] },
  },
  expectedSpendBatch: {
    valid: () => [gg(), [{ frequency: 0, monetaryValue: 0 }, { frequency: 2, monetaryValue: 20 }]],
    refuse: { 'money as hex': () => [gg(), [{ frequency: 2, monetaryValue: '0x10' }]] },
  },
  fitBgBb: {
    valid: () => [bgbbRows(), { tolerance: 1e-8, maxIterations: 200 }],
    refuse: { 'frequency above n': () => [[{ frequency: 5, recency: 4, n: 4 }]] },
  },
  fitBgNbd: {
    valid: () => [summaries(), fitOptions()],
    refuse: { 'repeat purchases at zero recency': () => [[{ frequency: 0, recency: 0, T: 1 }, { frequency: 5, recency: 0, T: 1 }]] },
  },
  fitGammaGamma: {
    valid: () => [spendRows()],
    refuse: { 'money as hex': () => [[{ frequency: 1, monetaryValue: '0x10' }]] },
  },
  fitMbgNbd: {
    valid: () => [summaries(), fitOptions()],
    refuse: { 'negative T': () => [[{ frequency: 0, recency: 0, T: -1 }]] },
  },
  fitParetoNbd: {
    valid: () => [
      [
        { frequency: 0, recency: 0, T: 38, weight: 50 },
        { frequency: 1, recency: 10, T: 38, weight: 20 },
        { frequency: 3, recency: 30, T: 38, weight: 15 },
        { frequency: 6, recency: 36, T: 38, weight: 10 },
        { frequency: 2, recency: 5, T: 38, weight: 5 },
      ],
      { timeUnit: 'week' },
    ],
    deadlineMs: 8000,
    refuse: { 'fractional frequency': () => [[{ frequency: 0.5, recency: 1, T: 2 }]] },
  },
  fitShiftedBetaGeometric: {
    valid: () => [[1000, 631, 468, 382, 326, 289, 262, 241]],
    refuse: { 'survivors increasing': () => [[100, 120]] },
  },
  frequencyRecencyMatrix: {
    valid: () => [bgnbd(), week(1), { T: 40, maxFrequency: 2, recencySteps: 4 }],
    refuse: { 'negative T': () => [bgnbd(), week(1), { T: -1, maxFrequency: 2, recencySteps: 4 }] },
  },
  historicClv: {
    valid: () => [transactions(), { grossMargin: 0.3, asOf: Date.UTC(2024, 5, 1) }],
    refuse: { 'margin above 1': () => [transactions(), { grossMargin: 2 }] },
  },
  holdoutValidation: {
    valid: () => [
      bgnbd(),
      [
        { frequency: 0, recency: 0, T: 38, holdoutFrequency: 0, holdoutDuration: 39 },
        { frequency: 2, recency: 30.43, T: 38.86, holdoutFrequency: 1, holdoutDuration: 39 },
      ],
    ],
    refuse: { 'negative holdout frequency': () => [bgnbd(), [{ frequency: 0, recency: 0, T: 1, holdoutFrequency: -1, holdoutDuration: 1 }]] },
  },
  ltvFromChurn: {
    valid: () => [{ arpaPerPeriod: '100', grossMargin: 0.8, churnRatePerPeriod: 0.05 }],
    refuse: { 'zero churn': () => [{ arpaPerPeriod: 100, churnRatePerPeriod: 0 }] },
  },
  periodTransactionsHistogram: {
    valid: () => [bgnbd(), [{ frequency: 0, recency: 0, T: 39, weight: 3 }, { frequency: 2, recency: 30, T: 39 }], { maxFrequency: 2 }],
    refuse: { 'negative maxFrequency': () => [bgnbd(), [{ frequency: 0, recency: 0, T: 39 }], { maxFrequency: -1 }] },
  },
  predictionInterval: {
    valid: () => {
      const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
      return [model, (m: typeof model) => survivalCurve(m, { periods: 12 })[12] as number, { seed: 7, draws: 100, level: 0.9 }];
    },
    keep: { '0': 'a fitted model with its covariance; its fields are covered by the fitters and predictors' },
    refuse: { 'level of 1': () => [fitShiftedBetaGeometric([100, 50, 25]), () => 1, { level: 1 }] },
  },
  probabilityAlive: {
    valid: () => [bgnbd(), cdnowCustomer()],
    refuse: { 'unknown model kind': () => [{ kind: 'bg/nbd', parameters: { r: 1, alpha: 1, a: 1, b: 1 } }, cdnowCustomer()] },
  },
  probabilityAliveBatch: {
    valid: () => [pareto(), [cdnowCustomer(), { frequency: 0, recency: 0, T: 38.86 }]],
    refuse: { 'negative recency': () => [pareto(), [{ frequency: 0, recency: -1, T: 1 }]] },
  },
  purchaseCountProbability: {
    valid: () => [bgnbd(), 0, week(39)],
    refuse: { 'fractional count': () => [bgnbd(), 0.5, week(39)] },
  },
  retentionCurve: {
    valid: () => [sbg(), { periods: 3 }],
    refuse: { 'fractional periods': () => [sbg(), { periods: 1.5 }] },
  },
  rfmSummary: {
    valid: () => [transactions(), { observationEnd: Date.UTC(2024, 2, 1), period: 'day', unit: 'week', allowRefunds: false }],
    refuse: { 'invalid observation end': () => [transactions(), { observationEnd: new Date(NaN) }] },
  },
  simulateBgBb: {
    valid: () => [bgbb(), { customers: 3, opportunities: 6, seed: 42 }],
    refuse: { 'fractional customers': () => [bgbb(), { customers: 1.5, opportunities: 6, seed: 1 }] },
  },
  simulateBgNbd: {
    valid: () => [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 3, T: 39, seed: 1 }],
    refuse: { 'negative T': () => [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 3, T: -1, seed: 1 }] },
  },
  simulateMbgNbd: {
    valid: () => [{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 3, T: 39, seed: 1 }],
    refuse: { 'zero r': () => [{ r: 0, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 3, T: 39, seed: 1 }] },
  },
  simulateParetoNbd: {
    valid: () => [{ parameters: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 } }, { customers: 3, T: 39, seed: 7 }],
    refuse: { 'NaN seed': () => [{ parameters: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 } }, { customers: 3, T: 39, seed: NaN }] },
  },
  survivalCurve: {
    valid: () => [sbg(), { periods: 3 }],
    refuse: { 'negative periods': () => [sbg(), { periods: -1 }] },
  },
};
