/** Hostile-input specs of `customer-metrics/retention` (contract: ../spec.ts). */
import { kaplanMeier } from '../../../src/retention/index.js';
import type { HostileSpecs } from '../spec.js';

const day = 86_400_000;
const jan = () => ({ start: Date.UTC(2025, 0, 1), end: new Date(Date.UTC(2025, 1, 1)) });
const subs = () => [
  { customerId: 'a', start: Date.UTC(2024, 5, 1), end: null, mrr: 50 },
  { customerId: 'b', start: new Date(Date.UTC(2024, 6, 1)), end: Date.UTC(2025, 0, 20), mrr: '30' },
  { customerId: 3, start: Date.UTC(2025, 0, 5), end: Date.UTC(2025, 0, 9), mrr: 5 },
];
const aml = () => ({
  durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161],
  observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0],
});
const curve = () => kaplanMeier(aml());

export const specs: HostileSpecs = {
  churnFromSubscriptions: {
    valid: () => [subs(), jan(), { denominator: 'average', joinedAndChurned: 'include', method: 'daily-compounded' }],
    refuse: { 'period ends before it starts': () => [subs(), { start: Date.UTC(2025, 1, 1), end: Date.UTC(2025, 0, 1) }] },
  },
  churnRate: {
    valid: () => [{ start: 100, new: 5, churned: 11, churnedNew: 1 }, { denominator: 'start-plus-new', joinedAndChurned: 'include' }],
    refuse: { 'more churned than customers': () => [{ start: 1, churned: 5 }] },
  },
  churnSeries: {
    valid: () => [subs(), { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 2, 31), period: 'month', trailingPeriods: 2, denominator: 'start', joinedAndChurned: 'exclude' }],
    refuse: { 'from after to': () => [subs(), { from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 0, 1) }] },
  },
  cohortRetention: {
    valid: () => [subs(), { observationEnd: Date.UTC(2025, 3, 1), period: 'month' }],
    refuse: {
      'far-future observationEnd': () => [subs(), { observationEnd: 8.64e15, period: 'week' }],
    },
  },
  convertChurnRate: {
    valid: () => [0.02, { fromPeriods: 1, toPeriods: 12 }],
    refuse: { 'rate above 1': () => [1.5, { fromPeriods: 1, toPeriods: 12 }] },
  },
  expectedLifetime: {
    valid: () => [0.05],
    refuse: { 'rate above 1': () => [2] },
  },
  kaplanMeier: {
    valid: () => [{ ...aml(), weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }, { confidenceLevel: 0.95, confidenceInterval: 'log-log' }],
    refuse: { 'durations and observed of different lengths': () => [{ durations: [1, 2], observed: [1] }] },
  },
  logRankTest: {
    valid: () => [
      [
        { durations: [9, 13, 13, 18, 23], observed: [1, 1, 0, 1, 1] },
        { durations: [5, 5, 8, 8, 12], observed: [1, 1, 1, 1, 0] },
      ],
    ],
    refuse: { 'a group without durations': () => [[{ observed: [1] }, { durations: [1], observed: [1] }]] },
  },
  medianLifetime: {
    valid: () => [curve()],
    refuse: { 'not a curve': () => [{ time: [1], survival: [2] }] },
  },
  mrrMovements: {
    valid: () => [subs(), jan()],
    refuse: { 'mrr as hex': () => [[{ customerId: 'a', start: 0, mrr: '0x10' }], jan()] },
  },
  nelsonAalen: {
    valid: () => [aml()],
    refuse: { 'negative duration': () => [{ durations: [-1], observed: [1] }] },
  },
  restrictedMeanLifetime: {
    valid: () => [curve(), 30],
    refuse: { 'negative horizon': () => [curve(), -1] },
  },
  retentionRate: {
    valid: () => [{ start: 100, new: 5, churned: 11, churnedNew: 1 }, { denominator: 'start', joinedAndChurned: 'exclude' }],
    refuse: { 'negative count': () => [{ start: -1, churned: 0 }] },
  },
  revenueRetention: {
    valid: () => [{ startingMrr: '100', churned: 10, contraction: 10, expansion: 10, reactivation: 1, newMrr: '15', endingMrr: 106 }],
    refuse: { 'money beyond range': () => [{ startingMrr: '1e400', churned: 0, contraction: 0, expansion: 0 }] },
  },
  survivalFromSubscriptions: {
    valid: () => [
      [
        { customerId: 'a', start: 0, end: 10 * day },
        { customerId: 'b', start: 0, end: 5 * day },
        { customerId: 'c', start: 2 * day },
      ],
      { observationEnd: 30 * day, unit: 'day', observationStart: 0 },
    ],
    refuse: { 'end before start': () => [[{ customerId: 'a', start: 10 * day, end: 0 }], { observationEnd: 30 * day }] },
  },
  survivalProbability: {
    valid: () => [curve(), 20],
    refuse: { 'NaN time': () => [curve(), NaN] },
  },
};
