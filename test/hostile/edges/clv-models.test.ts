/**
 * The valid domain at its edges (issue 14, item 2), clv models first: parameters log-uniform over
 * 1e-8..1e8, frequencies up to 1e5, T from 1e-6 to 1e6, one customer and identical customers. Each
 * property states an invariant of the model; a failure prints the input (fast-check, fixed seeds).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgBbExpectedPurchases,
  bgBbExpectedPurchasesNewCustomer,
  bgBbProbabilityAlive,
  bgBbPurchaseCountProbabilities,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  probabilityAlive,
  retentionCurve,
  survivalCurve,
} from '../../../src/clv/index.js';

/** The functions this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = [
  'bgBbExpectedPurchases',
  'bgBbExpectedPurchasesNewCustomer',
  'bgBbProbabilityAlive',
  'bgBbPurchaseCountProbabilities',
  'expectedPurchases',
  'expectedPurchasesNewCustomer',
  'probabilityAlive',
  'retentionCurve',
  'survivalCurve',
] as const;

const SEED = 20261207;
/** A parameter log-uniform over [1e-8, 1e8]. */
const param = fc.double({ min: -8, max: 8, noNaN: true }).map((e) => 10 ** e);
const within01 = (p: number): boolean => p >= 0 && p <= 1;

describe('BG/BB at the edges of its domain', () => {
  const bgbb = fc.record({ alpha: param, beta: param, gamma: param, delta: param });
  const history = fc
    .record({ n: fc.integer({ min: 0, max: 200 }), a: fc.nat(), b: fc.nat() })
    .map(({ n, a, b }) => {
      const tx = n === 0 ? 0 : a % (n + 1);
      const x = tx === 0 ? 0 : 1 + (b % tx);
      return { frequency: x, recency: tx, n };
    });

  it('P(alive) lies in [0, 1]', () => {
    fc.assert(fc.property(bgbb, history, (parameters, c) => within01(bgBbProbabilityAlive({ parameters }, c))), { seed: SEED, numRuns: 300 });
  });

  it('expected purchases are finite, within the opportunities, and grow with them', () => {
    fc.assert(
      fc.property(bgbb, history, fc.integer({ min: 1, max: 5000 }), (parameters, c, k) => {
        const e1 = bgBbExpectedPurchases({ parameters }, c, { opportunities: k });
        const e2 = bgBbExpectedPurchases({ parameters }, c, { opportunities: k + 1 });
        const fresh = bgBbExpectedPurchasesNewCustomer({ parameters }, { opportunities: k });
        return e1 >= 0 && e1 <= k && e2 >= e1 * (1 - 1e-12) && e2 <= k + 1 && fresh >= 0 && fresh <= k;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('purchase-count probabilities lie in [0, 1]', () => {
    fc.assert(
      fc.property(bgbb, fc.integer({ min: 0, max: 60 }), (parameters, n) => bgBbPurchaseCountProbabilities({ parameters }, { opportunities: n }).every(within01)),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('BG/NBD, MBG/NBD and Pareto/NBD at the edges of their domain', () => {
  const kind = fc.constantFrom('bg-nbd', 'mbg-nbd', 'pareto-nbd');
  const four = fc.tuple(param, param, param, param);
  const history = fc
    .record({ T: fc.double({ min: -6, max: 6, noNaN: true }).map((e) => 10 ** e), share: fc.double({ min: 1e-6, max: 1, noNaN: true }), x: fc.integer({ min: 0, max: 100_000 }) })
    // repeat purchases come after the first: recency > 0 when frequency > 0 (refused otherwise)
    .map(({ T, share, x }) => ({ frequency: x, recency: x === 0 ? 0 : T * share, T }));
  const model = (k: string, [p1, p2, p3, p4]: [number, number, number, number]) =>
    (k === 'pareto-nbd' ? { kind: k, parameters: { r: p1, alpha: p2, s: p3, beta: p4 }, timeUnit: 'week' } : { kind: k, parameters: { r: p1, alpha: p2, a: p3, b: p4 }, timeUnit: 'week' }) as never;

  it('P(alive) lies in [0, 1]', () => {
    fc.assert(fc.property(kind, four, history, (k, p, c) => within01(probabilityAlive(model(k, p), c))), { seed: SEED, numRuns: 400 });
  });

  it('expected purchases are finite, non-negative and grow with the horizon', () => {
    fc.assert(
      fc.property(kind, four, history, fc.double({ min: -3, max: 3, noNaN: true }), (k, p, c, e) => {
        const t = 10 ** e;
        const m = model(k, p);
        const e1 = expectedPurchases(m, c, { length: t, unit: 'week' });
        const e2 = expectedPurchases(m, c, { length: 2 * t, unit: 'week' });
        const fresh = expectedPurchasesNewCustomer(m, { length: t, unit: 'week' });
        return Number.isFinite(e1) && e1 >= 0 && e2 >= e1 * (1 - 1e-9) && Number.isFinite(fresh) && fresh >= 0;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('identical customers get identical answers (one customer is no special case)', () => {
    const c = { frequency: 3, recency: 20, T: 30 };
    const m = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
    expect(expectedPurchases(m, c, { length: 10, unit: 'week' })).toBe(expectedPurchases(m, { ...c }, { length: 10, unit: 'week' }));
  });
});

describe('shifted-beta-geometric curves at the edges of their domain', () => {
  it('survival is non-increasing within [0, 1], retention within [0, 1]', () => {
    fc.assert(
      fc.property(param, param, fc.integer({ min: 1, max: 500 }), (alpha, beta, periods) => {
        const s = survivalCurve({ parameters: { alpha, beta } }, { periods });
        const r = retentionCurve({ parameters: { alpha, beta } }, { periods });
        return s.every(within01) && s.every((v, i) => i === 0 || v <= (s[i - 1] as number)) && r.every(within01);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
