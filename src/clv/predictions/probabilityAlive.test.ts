import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../../errors.js';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { probabilityAlive, probabilityAliveBatch } from './probabilityAlive.js';

const bg = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const mbg = { kind: 'mbg-nbd', parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } as const;

describe('probabilityAlive', () => {
  it('matches the closed form (worked example)', () => {
    // BG/NBD: 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))
    //   = 1 / (1 + 0.793 / 3.426 * (43.274 / 34.844)^2.243) = 0.72658
    const expected = 1 / (1 + (0.793 / 3.426) * (43.274 / 34.844) ** 2.243);
    expect(probabilityAlive(bg, { frequency: 2, recency: 30.43, T: 38.86 })).toBeCloseTo(expected, 14);
    // MBG/NBD at x = 0: 1 / (1 + a / b (alpha + T) / alpha)^r) = 1 / (1 + 0.891 / 1.614 * (45.043 / 6.183)^0.525)
    const m0 = 1 / (1 + (0.891 / 1.614) * (45.043 / 6.183) ** 0.525);
    expect(probabilityAlive(mbg, { frequency: 0, recency: 0, T: 38.86 })).toBeCloseTo(m0, 14);
  });

  it('is 1 for frequency 0 under BG/NBD and 1 when the last purchase is at T with no drop-out yet', () => {
    expect(probabilityAlive(bg, { frequency: 0, recency: 0, T: 100 })).toBe(1);
    expect(probabilityAlive(mbg, { frequency: 0, recency: 0, T: 100 })).toBeLessThan(1);
  });

  it('is exactly 0, not NaN, for x = 1000, t_x = 10, T = 100', () => {
    expect(probabilityAlive(bg, { frequency: 1000, recency: 10, T: 100 })).toBe(0);
    expect(probabilityAlive(mbg, { frequency: 1000, recency: 10, T: 100 })).toBe(0);
  });

  it('lies in [0, 1] for extreme but valid parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 100000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.constantFrom('bg-nbd' as const, 'mbg-nbd' as const),
        (r, alpha, a, b, x, share, T, kind) => {
          const p = probabilityAlive({ kind, parameters: { r, alpha, a, b } }, { frequency: x, recency: x === 0 ? 0 : Math.max(share, 1e-3) * Math.max(T, 1e-6), T: x === 0 ? T : Math.max(T, 1e-6) });
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          if (kind === 'bg-nbd' && x === 0) expect(p).toBe(1);
        },
      ),
      { seed: 3, numRuns: 500 },
    );
  });

  it('decreases as the customer stays silent longer (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 1e-3, max: 30, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), fc.constantFrom(bg, mbg), (x, tx, gap, model) => {
        const p1 = probabilityAlive(model, { frequency: x, recency: tx, T: tx + gap });
        const p2 = probabilityAlive(model, { frequency: x, recency: tx, T: tx + gap + 1 });
        expect(p2).toBeLessThanOrEqual(p1);
      }),
      { seed: 4, numRuns: 200 },
    );
  });

  it('batch equals scalar', () => {
    const rows = [
      { frequency: 0, recency: 0, T: 10 },
      { frequency: 3, recency: 4, T: 10 },
    ];
    const out = probabilityAliveBatch(bg, rows);
    expect(Array.from(out)).toEqual(rows.map((row) => probabilityAlive(bg, row)));
    expect(Array.from(probabilityAliveBatch(mbg, { frequency: [0, 3], recency: [0, 4], T: [10, 10] }))).toEqual(rows.map((row) => probabilityAlive(mbg, row)));
  });

  it('batch equals scalar for Pareto/NBD, rows and columns', () => {
    const pareto = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } } as const;
    const rows = [
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 7, recency: 10, T: 20 },
    ];
    const expected = rows.map((row) => probabilityAlive(pareto, row));
    expect(Array.from(probabilityAliveBatch(pareto, rows))).toEqual(expected);
    expect(Array.from(probabilityAliveBatch(pareto, { frequency: Float64Array.of(0, 2, 7), recency: [0, 30.43, 10], T: [38.86, 38.86, 20] }))).toEqual(expected);
    expect(probabilityAliveBatch(pareto, []).length).toBe(0);
    // A long-silent frequent buyer is less likely alive than a recent one.
    expect(expected[2]).toBeLessThan(expected[1] as number);
  });

  it('batch reports a bad model and bad customers with their paths', () => {
    expect(inputIssues(() => probabilityAliveBatch({ kind: 'bg-nbd', parameters: { ...bg.parameters, r: 0 } }, { frequency: [1], recency: [2], T: [1] }))).toEqual([
      { code: 'too_small', path: ['model', 'parameters', 'r'], message: 'must be greater than 0' },
      { code: 'invalid_order', path: ['customers', 0, 'recency'], message: 'must not be greater than T' },
    ]);
  });

  it.each([
    ['a missing model', undefined, { frequency: 1, recency: 1, T: 2 }, 'invalid_type', ['model']],
    ['missing parameters', { kind: 'bg-nbd' }, { frequency: 1, recency: 1, T: 2 }, 'invalid_type', ['model', 'parameters']],
    ['an infinite parameter', { kind: 'bg-nbd', parameters: { ...bg.parameters, r: Infinity } }, { frequency: 1, recency: 1, T: 2 }, 'not_finite', ['model', 'parameters', 'r']],
    ['recency > T', bg, { frequency: 1, recency: 3, T: 2 }, 'invalid_order', ['customer', 'recency']],
    ['negative T', bg, { frequency: 0, recency: 0, T: -2 }, 'too_small', ['customer', 'T']],
  ])('rejects %s', (_, model, customer, code, path) => {
    try {
      probabilityAlive(model as never, customer as never);
      throw new Error('no error');
    } catch (error) {
      expect(isMetricsInputError(error)).toBe(true);
      expect((error as { issues: unknown[] }).issues[0]).toEqual({ code, path, message: expect.any(String) });
    }
  });
});

describe('probabilityAliveBatch equals probabilityAlive bit for bit (the batch kernels cache ln a - ln(b + x + d - 1) per frequency)', () => {
  const history = fc
    .record({ x: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 4090, max: 5000 })), T: fc.double({ min: 1e-3, max: 500, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : T * Math.max(share, 1e-3), T }));
  const params = fc.record({ r: fc.double({ min: 0.01, max: 50, noNaN: true }), alpha: fc.double({ min: 0.01, max: 100, noNaN: true }), a: fc.double({ min: 0.01, max: 20, noNaN: true }), b: fc.double({ min: 0.01, max: 20, noNaN: true }) });
  it.each(['bg-nbd', 'mbg-nbd'] as const)('%s, random histories (frequencies below and above the 4,096-entry cache)', (kind) => {
    fc.assert(
      fc.property(params, fc.array(history, { minLength: 1, maxLength: 40 }), (parameters, rows) => {
        const model = { kind, parameters };
        const batch = probabilityAliveBatch(model, rows);
        rows.forEach((row, i) => expect(Object.is(batch[i], probabilityAlive(model, row)), `row ${i}`).toBe(true));
        const columns = { frequency: Float64Array.from(rows, (r) => r.frequency), recency: Float64Array.from(rows, (r) => r.recency), T: Float64Array.from(rows, (r) => r.T) };
        expect(Array.from(probabilityAliveBatch(model, columns))).toEqual(Array.from(batch));
      }),
      { numRuns: 100, seed: 17 },
    );
  });

  it('worked example: x = 2, t_x = 30.43, T = 38.86 with the CDNOW BG/NBD parameters', () => {
    // P(alive) = 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x))
    //          = 1 / (1 + 0.793 / 3.426 * (43.274 / 34.844)^2.243) = 1 / (1 + 0.231465 * 1.62577) = 0.726580
    const [p] = probabilityAliveBatch({ kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } }, [{ frequency: 2, recency: 30.43, T: 38.86 }]);
    const expected = 1 / (1 + (0.793 / 3.426) * Math.pow(43.274 / 34.844, 2.243));
    expect(Math.abs((p as number) - expected)).toBeLessThan(1e-14);
    expect(p).toBeCloseTo(0.72658, 5);
  });
});

describe('probabilityAlive with a tiny b (found by the edges suite, issue 14)', () => {
  it('keeps its relative accuracy at b = 1e-8: 1 / (1 + a / (b + x - 1) ...) with x = 1 is b / (1 + b) exactly here', () => {
    // x = 1, recency = T: the ratio ((alpha + T) / (alpha + t_x))^(r + x) is 1, so P = 1 / (1 + 1 / b) = b / (1 + b).
    const m = { kind: 'bg-nbd', parameters: { r: 1, alpha: 1, a: 1, b: 1e-8 }, timeUnit: 'week' } as const;
    const p = probabilityAlive(m, { frequency: 1, recency: 1, T: 1 });
    expect(Math.abs(p / (1e-8 / (1 + 1e-8)) - 1)).toBeLessThan(1e-14);
  });
});
