import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../../errors.js';
import { hyp2f1 } from '../../_lib/math/hyp2f1.js';
import { expectedPurchases, expectedPurchasesBatch } from './expectedPurchases.js';
import { expectedPurchasesNewCustomer } from './expectedPurchasesNewCustomer.js';
import { numerator, numeratorByQuadrature } from '../bgNbd/bgFamilyKernel.js';

const bg = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
const mbg = { kind: 'mbg-nbd', parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week' } as const;
const weeks = (length: number) => ({ length, unit: 'week' as const });

// The textbook formula with the general 2F1 (Fader, Hardie & Lee 2005, eq. 10), for cross-checks.
function textbook(p: { r: number; alpha: number; a: number; b: number }, d: 0 | 1, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const c = a + b + x + d - 1;
  const z = t / (alpha + T + t);
  const bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x + d, c, z);
  const death = x > 0 || d === 1 ? (a / (b + x + d - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0;
  return ((c / (a - 1)) * bracket) / (1 + death);
}

describe('expectedPurchases', () => {
  it.each([
    [0, 0, 38.86, 39],
    [2, 30.43, 38.86, 39],
    [5, 20, 30, 10],
    [1, 1, 38, 100],
    [10, 37, 38, 52],
  ])('agrees with the textbook formula for x=%s, t_x=%s, T=%s, t=%s (BG/NBD and MBG/NBD)', (x, tx, T, t) => {
    const a = expectedPurchases(bg, { frequency: x, recency: tx, T }, weeks(t));
    expect(a / textbook(bg.parameters, 0, x, tx, T, t)).toBeCloseTo(1, 10);
    const b = expectedPurchases(mbg, { frequency: x, recency: tx, T }, weeks(t));
    expect(b / textbook(mbg.parameters, 1, x, tx, T, t)).toBeCloseTo(1, 10);
  });

  it('converts horizon units through the model time unit (1 year = 365.25 / 7 weeks)', () => {
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(expectedPurchases(bg, c, { length: 1, unit: 'year' })).toBeCloseTo(expectedPurchases(bg, c, weeks(365.25 / 7)), 12);
    expect(expectedPurchases(bg, c, { length: 14, unit: 'day' })).toBeCloseTo(expectedPurchases(bg, c, weeks(2)), 12);
    const daily = { ...bg, parameters: { ...bg.parameters, alpha: bg.parameters.alpha * 7 }, timeUnit: 'day' } as const;
    // The same model on daily data: alpha and times scale by 7.
    expect(expectedPurchases(daily, { frequency: 2, recency: 30.43 * 7, T: 38.86 * 7 }, { length: 3, unit: 'month' })).toBeCloseTo(
      expectedPurchases(bg, c, { length: 3, unit: 'month' }),
      10,
    );
  });

  it('is 0 for a zero horizon and handles a = 1 and a + b = 1 (no pole)', () => {
    expect(expectedPurchases(bg, { frequency: 2, recency: 30, T: 38 }, weeks(0))).toBe(0);
    const near = (a: number) => expectedPurchases({ ...bg, parameters: { ...bg.parameters, a } }, { frequency: 2, recency: 30, T: 38 }, weeks(39));
    expect(near(1)).toBeCloseTo((near(1 - 1e-7) + near(1 + 1e-7)) / 2, 6);
    const sumOne = (b: number) => expectedPurchases({ ...bg, parameters: { r: 0.3, alpha: 3, a: 0.4, b } }, { frequency: 0, recency: 0, T: 5 }, weeks(20));
    expect(Number.isFinite(sumOne(0.6))).toBe(true);
    expect(sumOne(0.6)).toBeCloseTo((sumOne(0.6 - 1e-7) + sumOne(0.6 + 1e-7)) / 2, 6);
  });

  it('is continuous from x to x + 1 for x in the hundreds (relative change tracks the step)', () => {
    for (const x of [100, 250, 499]) {
      const T = 100;
      const tx = 99;
      const e0 = expectedPurchases(bg, { frequency: x, recency: tx, T }, weeks(10));
      const e1 = expectedPurchases(bg, { frequency: x + 1, recency: tx, T }, weeks(10));
      expect(Number.isFinite(e0) && e0 > 0).toBe(true);
      // Expected purchases grow about linearly in x for an active customer: x -> x + 1 changes by ~1/x.
      expect(Math.abs(e1 / e0 - 1)).toBeLessThan(2 / x);
    }
  });

  it('stays finite and non-negative for extreme but valid parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        // T >= 1 keeps t / (alpha + T) <= 100: the series needs O(1 / (1 - z)) terms, fine per call
        // but slow for hundreds of property runs under mutation testing.
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom(bg, mbg),
        (r, alpha, a, b, x, share, T, t, model) => {
          const tx = x === 0 ? 0 : Math.max(share, 1e-3) * T;
          const m = { kind: model.kind, parameters: { r, alpha, a, b }, timeUnit: 'week' as const };
          const e = expectedPurchases(m, { frequency: x, recency: tx, T }, weeks(t));
          expect(Number.isFinite(e), `r=${r} alpha=${alpha} a=${a} b=${b} x=${x} tx=${tx} T=${T} t=${t}: ${e}`).toBe(true);
          expect(e).toBeGreaterThanOrEqual(0);
        },
      ),
      { seed: 7, numRuns: 150 },
    );
  });

  it('is non-negative and increasing in the horizon (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 60, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), fc.constantFrom(bg, mbg), (x, share, T, t, dt, model) => {
        const c = { frequency: x, recency: x === 0 ? 0 : Math.max(share, 1e-3) * T, T };
        const e1 = expectedPurchases(model, c, weeks(t));
        const e2 = expectedPurchases(model, c, weeks(t + dt));
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1);
      }),
      { seed: 8, numRuns: 200 },
    );
  });

  it('equals the new-customer expectation at x = 0, T = 0', () => {
    for (const model of [bg, mbg]) {
      expect(expectedPurchases(model, { frequency: 0, recency: 0, T: 0 }, weeks(32))).toBeCloseTo(expectedPurchasesNewCustomer(model, weeks(32)), 12);
    }
  });

  it('batch equals scalar, for rows and for columns', () => {
    const rows = [
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 7, recency: 10, T: 20 },
    ];
    const a = expectedPurchasesBatch(mbg, rows, weeks(39));
    const b = expectedPurchasesBatch(mbg, { frequency: Int32Array.of(0, 2, 7), recency: [0, 30.43, 10], T: Float64Array.of(38.86, 38.86, 20) }, weeks(39));
    expect(a).toBeInstanceOf(Float64Array);
    rows.forEach((row, i) => {
      expect(a[i]).toBe(expectedPurchases(mbg, row, weeks(39)));
      expect(b[i]).toBe(a[i]);
    });
    expect(rows[1]).toEqual({ frequency: 2, recency: 30.43, T: 38.86 });
  });

  it('batch equals scalar exactly when many customers share (frequency, T), for both models', () => {
    const rows = Array.from({ length: 600 }, (_, i) => {
      const frequency = (i * 7) % 13;
      const T = 20 + (i % 150) / 7;
      return { frequency, recency: frequency === 0 ? 0 : ((1 + ((i * 37) % 100)) / 101) * T, T };
    });
    for (const model of [bg, mbg]) {
      const out = expectedPurchasesBatch(model, rows, weeks(26));
      rows.forEach((row, i) => expect(out[i]).toBe(expectedPurchases(model, row, weeks(26))));
      expect(Array.from(expectedPurchasesBatch(model, rows, weeks(0)))).toEqual(rows.map(() => 0));
    }
  });

  it('batch equals scalar for a kernel without a batch path (Pareto/NBD)', () => {
    const pareto = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, timeUnit: 'week' } as const;
    const rows = [
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 7, recency: 10, T: 20 },
    ];
    const out = expectedPurchasesBatch(pareto, rows, { length: 3, unit: 'month' });
    expect(Array.from(out)).toEqual(rows.map((row) => expectedPurchases(pareto, row, { length: 3, unit: 'month' })));
    expect(out[1]).toBeGreaterThan(out[0] as number);
  });

  const issuesOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (isMetricsInputError(error)) return error.issues.map((i) => ({ code: i.code, path: [...i.path] }));
      throw error;
    }
    throw new Error('no error');
  };
  const ok = { frequency: 1, recency: 1, T: 2 };
  it.each([
    ['an unknown kind', { ...bg, kind: 'pareto' }, ok, weeks(1), 'invalid_value', ['model', 'kind']],
    ['a non-positive parameter', { ...bg, parameters: { ...bg.parameters, a: 0 } }, ok, weeks(1), 'too_small', ['model', 'parameters', 'a']],
    ['a missing parameter', { kind: 'bg-nbd', parameters: { r: 1, alpha: 1, a: 1 }, timeUnit: 'week' }, ok, weeks(1), 'invalid_type', ['model', 'parameters', 'b']],
    ['a model without time unit', { kind: 'bg-nbd', parameters: bg.parameters }, ok, weeks(1), 'invalid_value', ['model', 'timeUnit']],
    ['a bad time unit', { ...bg, timeUnit: 'hour' }, ok, weeks(1), 'invalid_value', ['model', 'timeUnit']],
    ['a horizon without unit', bg, ok, 39, 'invalid_type', ['horizon']],
    ['a horizon with a missing unit', bg, ok, { length: 39 }, 'invalid_type', ['horizon', 'unit']],
    ['a negative horizon', bg, ok, weeks(-1), 'too_small', ['horizon', 'length']],
    ['recency > T', bg, { frequency: 1, recency: 3, T: 2 }, weeks(1), 'invalid_order', ['customer', 'recency']],
    ['frequency 0 with recency > 0', bg, { frequency: 0, recency: 1, T: 2 }, weeks(1), 'invalid_structure', ['customer', 'recency']],
    ['a non-integer frequency', bg, { frequency: 0.5, recency: 1, T: 2 }, weeks(1), 'not_integer', ['customer', 'frequency']],
    ['a missing customer', bg, undefined, weeks(1), 'invalid_type', ['customer']],
  ])('rejects %s', (_, model, customer, horizon, code, path) => {
    expect(issuesOf(() => expectedPurchases(model as never, customer as never, horizon as never))[0]).toEqual({ code, path });
  });

  it('batch reports an invalid model with the other problems', () => {
    expect(issuesOf(() => expectedPurchasesBatch({ kind: 'x' } as never, [{ frequency: 0, recency: 1, T: 2 }], { length: 1 } as never))).toEqual([
      { code: 'invalid_value', path: ['model', 'kind'] },
      { code: 'invalid_structure', path: ['customers', 0, 'recency'] },
      { code: 'invalid_type', path: ['horizon', 'unit'] },
      { code: 'invalid_value', path: ['model', 'timeUnit'] },
    ]);
  });

  it.each([
    ['columns of different lengths', { frequency: [1, 2], recency: [0.5], T: [2, 3] }, 'invalid_structure', ['customers']],
    ['a bad column value', { frequency: [1, 2], recency: [0.5, 4], T: [2, 3] }, 'invalid_order', ['customers', 1, 'recency']],
    ['a non-numeric column', { frequency: [1], recency: ['x'], T: [2] }, 'invalid_type', ['customers', 'recency', 0]],
    ['a bad row', [{ frequency: -1, recency: 0, T: 1 }], 'too_small', ['customers', 0, 'frequency']],
    ['neither rows nor columns', 5, 'invalid_type', ['customers']],
  ])('batch rejects %s', (_, customers, code, path) => {
    expect(issuesOf(() => expectedPurchasesBatch(bg, customers as never, weeks(1)))[0]).toEqual({ code, path });
  });
});

describe('expectedPurchases (BG/NBD): a large r (issue 14)', () => {
  const model = (r: number) => ({ kind: 'bg-nbd', parameters: { r, alpha: 1, a: 1, b: 1 }, timeUnit: 'year' }) as const;
  const customer = { frequency: 0, recency: 0, T: 1 };

  it('gives a finite expectation that grows with the horizon, where the series used to overflow (1.19e74, then 0)', () => {
    // r = 2059.27: the hypergeometric series alternates with terms up to e^(|c - r| z) = e^229 and
    // keeps no digit. Worked check: lambda | data ~ Gamma(2059.27, 2) (mean 1030 a year), drop-out
    // q ~ Beta(1, 1) after each purchase, so E = E_q[(1 - (1 + q t / 2)^-2059.27) / q] with t = 1/4:
    // for q >> 1/515 the bracket is 1, so E ~ ln(515 / 2.0) + gamma = 6.13 (Euler's gamma 0.5772).
    const quarter = expectedPurchases(model(2059.27), customer, { length: 1, unit: 'quarter' });
    const year = expectedPurchases(model(2059.27), customer, { length: 1, unit: 'year' });
    expect(quarter).toBeCloseTo(6.1276, 3);
    expect(year).toBeGreaterThan(quarter);
    expect(year).toBeCloseTo(Math.log(2059.27 / 2) + 0.5772156649 + 1 / (2 * (2059.27 / 2)), 2);
  });

  it('the quadrature fallback agrees with the series where the series is exact (to 1e-12)', () => {
    for (const [r, a, b, d, x, t] of [
      [0.243, 0.793, 2.426, 0, 2, 39],
      [5, 0.5, 3, 1, 1, 5],
      [20, 2.5, 40, 0, 7, 100],
      [1, 3, 0.5, 1, 0, 0.1],
    ] as const) {
      const p = { r, alpha: 4.4, a, b };
      expect(numeratorByQuadrature(p, d, x, 10, t)).toBeCloseTo(numerator(p, d, x, 10, t), 12);
    }
  });
});

describe('expectedPurchases (Pareto/NBD): beta far below alpha (issue 14)', () => {
  it('keeps 1 - z = (beta + t_x) / (alpha + t_x) when z rounds to 1 (was NaN)', () => {
    // r = 1, alpha = 1e8, s = 1e-6, beta = 1e-9, x = 0, T = 1. Alive term (alpha + T)^-r (beta + T)^-s
    // = 1e-8; dead term s * int_0^1 (alpha + t)^-1 (beta + t)^-(1 + s) dt = 1e-6 * 1e-8 * ((1e-9)^-s - 1) / s
    // = 1e-14 * 20.72 = 2.07e-13: P(alive) = 1 / (1 + 2.07e-5) = 0.9999793. E over 10 weeks:
    // (r / (alpha + T)) (beta + T) h(s - 1, ln(1 + 10 / (beta + T))) P(alive) = 1e-8 * 10 * P(alive).
    const model = { kind: 'pareto-nbd', parameters: { r: 1, alpha: 1e8, s: 1e-6, beta: 1e-9 }, timeUnit: 'week' } as const;
    const customer = { frequency: 0, recency: 0, T: 1 };
    const deadOverAlive = (1e-6 * 1e-8 * (Math.expm1(-1e-6 * Math.log(1e-9)) / 1e-6)) / (1e-8 + 1e-17);
    expect(expectedPurchases(model, customer, { length: 10, unit: 'week' })).toBeCloseTo((1e-7 * (1 - 1e-15)) / (1 + deadOverAlive), 12);
  });
});
