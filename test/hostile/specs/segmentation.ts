/** Hostile-input specs of `customer-metrics/segmentation` (contract: ../spec.ts). */
import type { HostileSpecs } from '../spec.js';

const values = () => [10, '50', 4, 30, 6];

export const specs: HostileSpecs = {
  classifyAbc: {
    valid: () => [values(), { boundaryItem: 'upper' }],
    refuse: { 'money as hex': () => [['0x10', 1]] },
  },
  giniCoefficient: {
    valid: () => [values(), { corrected: true }],
    refuse: { 'money beyond range': () => [['1e400', 1]] },
  },
  lorenzCurve: {
    valid: () => [values(), { points: 3 }],
    refuse: { 'one point': () => [values(), { points: 1 }] },
  },
  paretoAnalysis: {
    valid: () => [[541, 1463, '2445', 3438, 4437]],
    refuse: { 'NaN value': () => [[NaN, 1]] },
  },
  rfmScores: {
    valid: () => [
      [
        { customerId: 'a', recency: 3, frequency: 12, monetary: '980.00' },
        { customerId: 'b', recency: 40, frequency: 2, monetary: 45.5 },
        { customerId: 'c', recency: 200, frequency: 1, monetary: '12.00' },
      ],
      { bins: 2 },
    ],
    refuse: {
      'transactions without analysisDate': () => [{ transactions: [{ customerId: 'x', date: 0, amount: 1 }] }],
    },
  },
  rfmSegments: {
    valid: () => [[{ r: 5, f: 5, m: 4 }, { r: 1, f: 1, m: 1 }], { map: [{ segment: 'Best', r: [4, 5] }, { segment: 'Rest' }], bins: 5 }],
    refuse: { 'score above bins': () => [[{ r: 9, f: 1, m: 1 }], { bins: 5 }] },
  },
  segmentSummary: {
    valid: () => [['100', 60, 30, 10], ['top', 'rest', 'rest', 'rest']],
    refuse: { 'lengths differ': () => [[1, 2], ['a']] },
  },
  valueTiers: {
    valid: () => [[120, -30, 40, '10', 300, 0, 75, 20, 5, 60]],
    refuse: { 'thresholds without a catch-all': () => [[1, 2], { by: 'thresholds', tiers: [{ name: 'vip', min: 100 }] }] },
  },
};
