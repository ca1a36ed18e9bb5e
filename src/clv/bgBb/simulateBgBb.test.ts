import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
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

describe('simulateBgBb: the drawn customers', () => {
  // Simulated inside each test (not when the file is collected), so that every test exercises the code it checks.
  const simulate = () => simulateBgBb(truth, { customers: 50_000, opportunities: 0, seed: 31 });

  it('draws p ~ Beta(alpha, beta) and theta ~ Beta(gamma, delta): means within 4 standard errors', () => {
    // Beta(a, b): mean a / (a + b), variance ab / ((a + b)^2 (a + b + 1)).
    const check = (values: number[], a: number, b: number) => {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const se = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)) / values.length);
      expect(Math.abs(mean - a / (a + b)), `mean ${mean}`).toBeLessThan(4 * se);
    };
    const rows = simulate();
    check(rows.map((r) => r.p), 1.204, 0.75);
    check(rows.map((r) => r.theta), 0.657, 2.783);
  });

  it('with no opportunity yet, nobody has transacted and the share alive at opportunity 1 is E[1 - theta] = delta / (gamma + delta)', () => {
    const rows = simulate();
    expect(rows).toHaveLength(50_000);
    expect(rows.every((r) => r.frequency === 0 && r.recency === 0 && r.n === 0)).toBe(true);
    const share = rows.filter((r) => r.aliveNext).length / rows.length;
    const p = 2.783 / (0.657 + 2.783);
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / rows.length));
  });

  it('a customer who never drops out (theta near 0) and always transacts (p near 1) transacts at every opportunity', () => {
    const sure = simulateBgBb({ parameters: { alpha: 1e6, beta: 1e-6, gamma: 1e-6, delta: 1e6 } }, { customers: 50, opportunities: 4, seed: 8 });
    for (const r of sure) expect([r.frequency, r.recency, r.aliveNext]).toEqual([4, 4, true]);
    // theta near 1: dead before the first opportunity.
    const gone = simulateBgBb({ parameters: { alpha: 1e6, beta: 1e-6, gamma: 1e6, delta: 1e-6 } }, { customers: 50, opportunities: 4, seed: 8 });
    for (const r of gone) expect([r.frequency, r.recency, r.aliveNext]).toEqual([0, 0, false]);
  });
});

describe('simulateBgBb: the model', () => {
  it('accepts a fitted BG/BB model and names the expected kind for another', () => {
    expect(simulateBgBb({ kind: 'bg-bb', ...truth } as never, { customers: 2, opportunities: 1 })).toHaveLength(2);
    expect(issueLines(() => simulateBgBb({ kind: 'bg-nbd', ...truth } as never, { customers: 2, opportunities: 1 }))).toEqual([
      "invalid_value model.kind: must be 'bg-bb' (a model of another kind was given)",
    ]);
  });
});
