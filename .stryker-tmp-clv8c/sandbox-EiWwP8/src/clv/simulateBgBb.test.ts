// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/helpers/issue-paths.js';
import { bgBbProbabilityAlive } from './bgBbProbabilityAlive.js';
import { bgBbPurchaseCountProbabilities } from './bgBbPurchaseCountProbabilities.js';
import { simulateBgBb } from './simulateBgBb.js';

const truth = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };

describe('simulateBgBb', () => {
  it('is reproducible: the same seed gives the same customers, another seed others', () => {
    const a = simulateBgBb(truth, { customers: 200, opportunities: 6, seed: 5 });
    expect(simulateBgBb(truth, { customers: 200, opportunities: 6, seed: 5 })).toEqual(a);
    expect(simulateBgBb(truth, { customers: 200, opportunities: 6, seed: 6 })).not.toEqual(a);
    expect(simulateBgBb(truth, { customers: 3, opportunities: 6 })).toEqual(simulateBgBb(truth, { customers: 3, opportunities: 6, seed: 1 }));
  });

  it('rows are consistent summaries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        for (const row of simulateBgBb(truth, { customers: 20, opportunities: n, seed })) {
          expect(row.n).toBe(n);
          expect(row.frequency).toBeLessThanOrEqual(row.recency);
          expect(row.recency).toBeLessThanOrEqual(n);
          if (row.frequency === 0) expect(row.recency).toBe(0);
          expect(row.p).toBeGreaterThanOrEqual(0);
          expect(row.p).toBeLessThanOrEqual(1);
          expect(row.theta).toBeGreaterThanOrEqual(0);
          expect(row.theta).toBeLessThanOrEqual(1);
        }
      }),
      { seed: 1, numRuns: 50 },
    );
  });

  it('the frequency histogram of 100,000 customers matches P(X(6) = x) within 4 standard errors', () => {
    const rows = simulateBgBb(truth, { customers: 100_000, opportunities: 6, seed: 123 });
    const counts = new Array<number>(7).fill(0);
    for (const row of rows) counts[row.frequency] = (counts[row.frequency] as number) + 1;
    const p = bgBbPurchaseCountProbabilities(truth, { opportunities: 6 });
    p.forEach((px, x) => {
      const se = Math.sqrt((100_000 * px * (1 - px)) as number);
      expect(Math.abs((counts[x] as number) - 100_000 * px), `x=${x}`).toBeLessThan(4 * se);
    });
  });

  it('the share alive at opportunity n + 1 among customers with one history matches P(alive)', () => {
    const rows = simulateBgBb(truth, { customers: 100_000, opportunities: 6, seed: 9 });
    const group = rows.filter((r) => r.frequency === 2 && r.recency === 4);
    const share = group.filter((r) => r.aliveNext).length / group.length;
    const p = bgBbProbabilityAlive(truth, { frequency: 2, recency: 4, n: 6 });
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / group.length));
  });

  it('extreme parameters give valid rows, never NaN', () => {
    const rows = simulateBgBb({ parameters: { alpha: 0.001, beta: 1000, gamma: 0.001, delta: 0.001 } }, { customers: 500, opportunities: 5, seed: 2 });
    for (const row of rows) {
      expect(Number.isNaN(row.p) || Number.isNaN(row.theta)).toBe(false);
    }
  });

  it.each([
    ['missing options', undefined, ['options']],
    ['zero customers', { customers: 0, opportunities: 3 }, ['options.customers']],
    ['fractional opportunities and a bad seed', { customers: 5, opportunities: 1.5, seed: -1 }, ['options.opportunities', 'options.seed']],
    ['an unknown option', { customers: 5, opportunities: 1, n: 3 }, ['options.n']],
  ])('rejects %s', (_, options, paths) => {
    expect(issuePaths(() => simulateBgBb(truth, options as never))).toEqual(paths);
  });

  it('rejects invalid parameters', () => {
    expect(issuePaths(() => simulateBgBb({ parameters: { alpha: 1, beta: 1, gamma: -1, delta: 1 } }, { customers: 1, opportunities: 1 }))).toEqual([
      'model.parameters.gamma',
    ]);
  });
});
