/** Hostile-input specs of `customer-metrics/stages` (contract: ../spec.ts). */
import type { HostileSpecs } from '../spec.js';

const day = 86_400_000;
const stay = (i: number) => [0, 0, 0, 0, 0, 0].map((_, j) => (i === j ? 1 : 0));

export const specs: HostileSpecs = {
  DEFAULT_NEED_LEVEL_RULES: { kind: 'constant' },
  NEED_LEVELS: { kind: 'constant' },
  NEED_SIGNALS: { kind: 'constant' },
  assignNeedLevel: {
    valid: () => [{ brandComparisons: 2, solutionSearches: 1, purchases: 0 }, { mode: 'highest-level', locale: 'vi' }],
    refuse: { 'negative signal': () => [{ purchases: -1 }] },
  },
  assignNeedLevels: {
    valid: () => [
      [
        { customerId: 'a', problemContentViews: 3 },
        { customerId: 'b', cartAdds: 1 },
      ],
      { mode: 'first-match' },
    ],
    refuse: { 'negative signal': () => [[{ customerId: 'a', purchases: -1 }]] },
  },
  funnelConversion: {
    valid: () => [
      [
        [
          { date: 0, level: 1 },
          { date: day, level: 2 },
          { date: 2 * day, level: 3 },
        ],
        [
          { date: 0, level: 1 },
          { date: day, level: 3 },
        ],
      ],
      { toLevel: 3, fromLevel: 1, mode: 'strict', cohortBy: 'month', locale: 'en' },
    ],
    refuse: { 'level 7': () => [[[{ date: 0, level: 7 }]]] },
  },
  projectStageDistribution: {
    valid: () => [[0, 0, 0, 0, 100, 0], [stay(0), stay(1), stay(2), stay(3), [0, 0, 0, 0, 0.5, 0.5], stay(5)], 2],
    refuse: { 'row not summing to 1': () => [[1, 0, 0, 0, 0, 0], [[0.5, 0, 0, 0, 0, 0], stay(1), stay(2), stay(3), stay(4), stay(5)], 1] },
  },
  stageDistribution: {
    valid: () => [[1, 3, 3, 6], { locale: 'vi' }],
    refuse: { 'level 0': () => [[0]] },
  },
  stageHistory: {
    valid: () => [
      [
        { date: 0, level: 2 },
        { date: 10 * day, level: 4 },
        { date: 20 * day, level: 3, regression: true, reason: 'moved' },
      ],
      { end: 200 * day, repurchaseWindowDays: 90, locale: 'en' },
    ],
    refuse: { 'dates out of order': () => [[{ date: 10, level: 2 }, { date: 0, level: 3 }]] },
  },
  stageTransitionMatrix: {
    valid: () => [
      [
        { id: 'a', level: 4 },
        { id: 'b', level: 5 },
      ],
      [
        { id: 'a', level: 5 },
        { id: 'c', level: 1 },
      ],
      { locale: 'en' },
    ],
    refuse: { 'duplicate id': () => [[{ id: 'a', level: 1 }, { id: 'a', level: 2 }], []] },
  },
};
