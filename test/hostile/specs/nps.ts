/** Hostile-input specs of `customer-metrics/nps` (contract: ../spec.ts). */
import type { HostileSpecs } from '../spec.js';

const counts = () => ({ detractors: 20, passives: 30, promoters: 50 });

export const specs: HostileSpecs = {
  compareNps: {
    valid: () => [counts(), [0, 7, 7, 9, 9, 9], { confidence: 0.95, bands: 'standard', invalid: 'throw' }],
    refuse: {
      'confidence of 1': () => [counts(), counts(), { confidence: 1 }],
    },
  },
  npsBreakdown: {
    valid: () => [[0, 7, 7, 9, 9, 9], { method: 'wald', confidence: 0.9, bands: { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] }, invalid: 'skip' }],
    refuse: { 'negative count': () => [{ detractors: -1, passives: 0, promoters: 1 }] },
  },
  npsBy: {
    valid: () => [
      [
        { score: 10, plan: 'pro' },
        { score: 3, plan: 'basic' },
      ],
      'plan',
      { method: 'wald', confidence: 0.95, invalid: 'throw' },
    ],
    refuse: { 'key not a field': () => [[{ score: 10 }], 42n] },
  },
  npsCategory: {
    valid: () => [8, { bands: 'lenient' }],
    refuse: { 'score 11': () => [11] },
  },
  npsSampleSize: {
    valid: () => [{ marginOfError: 5, confidence: 0.95, expected: { promoterShare: 0.5, detractorShare: 0.2 } }],
    refuse: { 'both aims': () => [{ marginOfError: 5, difference: 10 }] },
  },
  npsScore: {
    valid: () => [[0, 7, 7, 9, 9, 9], { bands: 'standard' }],
    refuse: {
      'null-prototype object among scores': () => [[Object.create(null), 7, 9]],
      'typed array of BigInts': () => [BigInt64Array.of(1n, 2n)],
    },
  },
  npsTrend: {
    valid: () => [
      [
        { score: 9, date: new Date('2026-01-05T10:00:00Z') },
        { score: 4, date: Date.UTC(2026, 0, 20) },
      ],
      { period: 'week', weekStartsOn: 1, method: 'wald', confidence: 0.9, invalid: 'throw' },
    ],
    refuse: { 'unknown period': () => [[{ score: 9, date: 0 }], { period: 'fortnight' }] },
  },
};
