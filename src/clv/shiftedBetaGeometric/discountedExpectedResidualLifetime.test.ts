import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { discountedExpectedResidualLifetime as derl } from './discountedExpectedResidualLifetime.js';
import { survivalCurve } from './survivalCurve.js';

const model = (alpha: number, beta: number) => ({ parameters: { alpha, beta } });

// Reference values: (beta + n - 1)/(alpha + beta + n - 1) * 2F1(1, beta + n; alpha + beta + n; 1/(1 + d))
// with n = renewals + 1, evaluated with mpmath 1.3.0 (mp.dps = 30, mpmath.hyp2f1), Fader & Hardie (2010) eq. 6;
// generator: test/fixtures/bgbb-reference.py.
const mpmath: [number, number, number, number, number][] = [
  // alpha, beta, renewals, d, DERL
  [1, 1, 0, 0.1, 1.80145328008602811194],
  [0.668, 3.806, 4, 0.1, 6.89705739774609236969],
  [0.704, 1.182, 0, 0.1, 2.96466214613203013107],
  [0.704, 1.182, 7, 0.01, 26.6787813677528442492],
  [3, 5, 0, 1e-4, 2.49850710335276370941],
];

describe('discountedExpectedResidualLifetime', () => {
  it.each(mpmath)('alpha %s, beta %s, %s renewals, d %s: %s (mpmath 2F1) to 1e-12 relative', (a, b, renewals, d, expected) => {
    const actual = derl(model(a, b), { renewals, discountRate: d });
    expect(Math.abs(actual - expected) / expected, `actual ${actual} expected ${expected}`).toBeLessThan(1e-12);
  });

  it('equals the discounted sum of the survival curve: sum_t S(t) / 1.1^(t-1) for a new customer', () => {
    // renewals 0: sum_{t>=1} S(t)/S(0) * 1.1^-(t-1); S from survivalCurve, 400 terms are plenty at 10%.
    const s = survivalCurve(model(0.704, 1.182), { periods: 400 });
    let sum = 0;
    for (let t = 1; t <= 400; t++) sum += (s[t] as number) / 1.1 ** (t - 1);
    expect(derl(model(0.704, 1.182), { discountRate: 0.1 })).toBeCloseTo(sum, 10);
  });

  it('tends to the homogeneous geometric value (1 - theta)/(1 - (1 - theta)/(1 + d)) when alpha, beta grow with theta fixed', () => {
    // theta = 0.2, d = 0.1: 0.8 / (1 - 0.8/1.1) = 2.9333...
    const value = derl(model(0.2e7, 0.8e7), { renewals: 3, discountRate: 0.1 });
    expect(value).toBeCloseTo(0.8 / (1 - 0.8 / 1.1), 5);
  });

  it('rises with renewals (survivors are the loyal ones) and falls with the discount rate (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (a, b, renewals, d) => {
          const base = derl(model(a, b), { renewals, discountRate: d });
          expect(Number.isFinite(base)).toBe(true);
          expect(base).toBeGreaterThan(0);
          expect(derl(model(a, b), { renewals: renewals + 1, discountRate: d })).toBeGreaterThan(base);
          expect(derl(model(a, b), { renewals, discountRate: d * 1.5 })).toBeLessThan(base);
          // Never more than an immortal customer's 1 + 1/d discounted payments.
          expect(base).toBeLessThan((1 + d) / d);
        },
      ),
      { seed: 11, numRuns: 100 },
    );
  });

  it.each([
    ['missing options', model(1, 1), undefined, ['options']],
    ['missing discount rate', model(1, 1), { renewals: 2 }, ['options.discountRate']],
    ['zero discount rate', model(1, 1), { discountRate: 0 }, ['options.discountRate']],
    ['negative renewals', model(1, 1), { renewals: -1, discountRate: 0.1 }, ['options.renewals']],
    ['fractional renewals', model(1, 1), { renewals: 1.5, discountRate: 0.1 }, ['options.renewals']],
    ['bad alpha and unknown option', { parameters: { alpha: -1, beta: 1 } }, { discountRate: 0.1, rate: 1 }, ['model.parameters.alpha', 'options.rate']],
  ])('rejects %s', (_, m, options, paths) => {
    expect(issuePaths(() => derl(m as never, options as never))).toEqual(paths);
  });
});

describe('discountedExpectedResidualLifetime: model kinds', () => {
  it('accepts a fitted sBG model and names the expected kind for another', () => {
    const fitted = { kind: 'shifted-beta-geometric', parameters: { alpha: 1, beta: 1 } } as never;
    expect(derl(fitted, { discountRate: 0.1 })).toBe(derl(model(1, 1), { discountRate: 0.1 }));
    expect(issueLines(() => derl({ kind: 'bg-bb', parameters: { alpha: 1, beta: 1 } } as never, { discountRate: 0.1 }))).toEqual([
      "invalid_value model.kind: must be 'shifted-beta-geometric' (a model of another kind was given)",
    ]);
  });

  it('renewals default to 0 (a new customer)', () => {
    expect(derl(model(0.704, 1.182), { discountRate: 0.1 })).toBe(derl(model(0.704, 1.182), { renewals: 0, discountRate: 0.1 }));
  });
});
