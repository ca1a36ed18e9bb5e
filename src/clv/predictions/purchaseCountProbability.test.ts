import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../../errors.js';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { expectedPurchasesNewCustomer } from './expectedPurchasesNewCustomer.js';
import { purchaseCountProbability } from './purchaseCountProbability.js';

const bg = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
const mbg = { kind: 'mbg-nbd', parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week' } as const;
const weeks = (length: number) => ({ length, unit: 'week' as const });

describe('purchaseCountProbability', () => {
  it('P(X(t) = 0) under BG/NBD is B(a, b)/B(a, b) (alpha / (alpha + t))^r (worked example)', () => {
    // n = 0: only the alive term, (4.414 / 43.414)^0.243 = 0.57379
    expect(purchaseCountProbability(bg, 0, weeks(39))).toBeCloseTo((4.414 / 43.414) ** 0.243, 14);
  });

  it.each([bg, mbg])('sums to 1 over n and its mean is the expected purchases (%s)', (model) => {
    for (const t of [1, 39, 100]) {
      let sum = 0;
      let mean = 0;
      for (let n = 0; n < 1000; n++) {
        const p = purchaseCountProbability(model, n, weeks(t));
        sum += p;
        mean += n * p;
      }
      expect(sum).toBeCloseTo(1, 11);
      expect(mean).toBeCloseTo(expectedPurchasesNewCustomer(model, weeks(t)), 8);
    }
  });

  it('is 1 for n = 0 and 0 for n > 0 at a zero horizon', () => {
    expect(purchaseCountProbability(bg, 0, weeks(0))).toBe(1);
    expect(purchaseCountProbability(mbg, 0, weeks(0))).toBeCloseTo(1, 15);
    expect(purchaseCountProbability(bg, 3, weeks(0))).toBe(0);
  });

  it('stays in [0, 1] for extreme parameters and counts (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 0, max: 2000 }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.constantFrom('bg-nbd' as const, 'mbg-nbd' as const),
        (r, alpha, a, b, n, t, kind) => {
          const p = purchaseCountProbability({ kind, parameters: { r, alpha, a, b }, timeUnit: 'week' }, n, weeks(t));
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  it('reports an invalid model together with the other problems', () => {
    expect(inputIssues(() => purchaseCountProbability({ kind: 'x' } as never, -1, { length: 1 } as never))).toEqual([
      { code: 'invalid_value', path: ['model', 'kind'], message: 'must be one of "bg-nbd", "mbg-nbd", "pareto-nbd"' },
      { code: 'too_small', path: ['n'], message: 'must be at least 0' },
      { code: 'invalid_type', path: ['horizon', 'unit'], message: 'is required' },
      { code: 'invalid_value', path: ['model', 'timeUnit'], message: 'is required to convert a horizon: fit with options.timeUnit or set it on the model' },
    ]);
  });

  it('converts the horizon into the model time unit', () => {
    // 2 weeks of a weekly model = 14 days.
    expect(purchaseCountProbability(bg, 1, { length: 14, unit: 'day' })).toBe(purchaseCountProbability(bg, 1, weeks(2)));
  });

  it.each([
    ['a negative n', -1, weeks(1), 'too_small', ['n']],
    ['a fractional n', 1.5, weeks(1), 'not_integer', ['n']],
    ['a bare-number horizon', 1, 5, 'invalid_type', ['horizon']],
    ['an unknown unit', 1, { length: 1, unit: 'fortnight' }, 'invalid_value', ['horizon', 'unit']],
  ])('rejects %s', (_, n, horizon, code, path) => {
    try {
      purchaseCountProbability(bg, n as never, horizon as never);
      throw new Error('no error');
    } catch (error) {
      expect(isMetricsInputError(error)).toBe(true);
      expect((error as { issues: unknown[] }).issues[0]).toEqual({ code, path, message: expect.any(String) });
    }
  });
});

describe('purchaseCountProbability: counts beyond the domain (issue 14)', () => {
  it('refuses a count above 1e9 (1e308 gave NaN)', () => {
    const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
    expect(() => purchaseCountProbability(model, 1e308, { length: 39, unit: 'week' })).toThrow(/n: must be at most 1000000000/);
    expect(purchaseCountProbability(model, 1e9, { length: 39, unit: 'week' })).toBe(0);
  });
});

describe('purchaseCountProbability with a tiny b (found by the edges suite, issue 14)', () => {
  it('adds up to 1 within 1e-12 at b = 1e-8 and 1e-10: b + n - 1 no longer rounds b to (b + 1) - 1', () => {
    // a = 1, b -> 0: p ~ Beta(1, b) is near 1, so a buyer drops out at once: P(0) = P(1) = 1/2 at r = alpha = t = 1.
    // (b + 1) - 1 = 1.0000000050e-8 for b = 1e-8 made B(2, b) / B(1, b) = 1 / (1 + b) off by 5e-9: the sum was 1 + 3e-9.
    for (const b of [1e-8, 1e-10]) {
      const m = { kind: 'bg-nbd', parameters: { r: 1, alpha: 1, a: 1, b }, timeUnit: 'week' } as const;
      const ps = Array.from({ length: 200 }, (_, n) => purchaseCountProbability(m, n, weeks(1)));
      expect(Math.abs(ps.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-12);
      // P(1) = B(1, b + 1) / B(1, b) NB(1) + B(2, b) / B(1, b) P(NB >= 1) = b / (1 + b) / 4 + 1 / (1 + b) / 2
      expect(Math.abs((ps[1] as number) - (b / (1 + b) / 4 + 1 / (1 + b) / 2))).toBeLessThan(1e-14);
    }
  });
});

describe('purchaseCountProbability for Pareto/NBD with a large r (found by the edges suite, issue 14)', () => {
  it('sums to 1 within 1e-12 at r = alpha = beta = 1e8, s = 1e-8 (no difference of huge logs in the alive term)', () => {
    // lambda ~ Gamma(1e8, 1e8) is 1 to 1e-4 and mu ~ Gamma(1e-8, 1e8) almost 0: N(t) is nearly Poisson(t).
    // ln Gamma(r + n) - ln Gamma(r) and r (ln alpha - ln(alpha + t)) each lost 1e-16 x 1e9: the sum was 1 + 2.7e-7.
    const m = { kind: 'pareto-nbd', parameters: { r: 1e8, alpha: 1e8, s: 1e-8, beta: 1e8 }, timeUnit: 'week' } as const;
    for (const t of [1e-3, 1]) {
      const ps = Array.from({ length: 60 }, (_, n) => purchaseCountProbability(m, n, weeks(t)));
      expect(Math.abs(ps.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-12);
      expect(ps[1]).toBeCloseTo(t * Math.exp(-t), 6);
    }
  });
});

describe('purchaseCountProbability for Pareto/NBD with the death integrand peaking far below alpha (found by the edges suite, issue 14)', () => {
  it('r = s = 1e8, alpha = beta = 1e-8: P(N = n) halves with each n (not 0 for n >= 1), 30 values in well under 2 s (was 7 s)', () => {
    // lambda and mu are both about 1e16 and nearly fixed: each purchase comes before death with
    // probability lambda / (lambda + mu) = 1/2, so P(N = n) = 2^-(n + 1). The integrand of the death
    // term peaks at tau ~ 1e-16, below the old floor ln min(alpha, beta, t) - 1 = -19.4: P(1) was 0.
    const m = { kind: 'pareto-nbd', parameters: { r: 1e8, alpha: 1e-8, s: 1e8, beta: 1e-8 }, timeUnit: 'week' } as const;
    const started = performance.now();
    const ps = Array.from({ length: 30 }, (_, n) => purchaseCountProbability(m, n, weeks(1)));
    expect(performance.now() - started).toBeLessThan(2000);
    for (let n = 0; n < 10; n++) expect(ps[n]).toBeCloseTo(2 ** -(n + 1), 6);
  });
});
