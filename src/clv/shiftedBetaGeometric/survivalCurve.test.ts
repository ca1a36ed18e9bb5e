import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../../test/helpers/issue-paths.js';
import { logBeta } from '../../_lib/math/special.js';
import { survivalCurve } from './survivalCurve.js';

const model = (alpha: number, beta: number) => ({ parameters: { alpha, beta } });

describe('survivalCurve', () => {
  it('alpha = beta = 1: S(t) = B(1, 1 + t) / B(1, 1) = 1 / (t + 1)', () => {
    const s = survivalCurve(model(1, 1), { periods: 4 });
    expect(s).toHaveLength(5);
    [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5].forEach((v, t) => expect(s[t]).toBeCloseTo(v, 15));
  });

  it('has 12 periods by default and starts at 1', () => {
    const s = survivalCurve(model(0.704, 1.182));
    expect(s).toHaveLength(13);
    expect(s[0]).toBe(1);
  });

  it('agrees with the closed form B(alpha, beta + t) / B(alpha, beta) (Fader & Hardie 2007, eq. 3)', () => {
    const s = survivalCurve(model(0.668, 3.806), { periods: 50 });
    for (let t = 0; t <= 50; t++) {
      const closed = Math.exp(logBeta(0.668, 3.806 + t) - logBeta(0.668, 3.806));
      expect(Math.abs((s[t] as number) - closed) / closed, `t=${t}`).toBeLessThan(1e-12);
    }
  });

  it('reproduces the "high end" projection: S(1) = beta / (alpha + beta) = 3.806 / 4.474', () => {
    expect(survivalCurve(model(0.668, 3.806), { periods: 1 })[1]).toBeCloseTo(3.806 / 4.474, 14);
  });

  it('is in (0, 1] and non-increasing for any parameters (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.integer({ min: 0, max: 200 }), (a, b, periods) => {
        const s = survivalCurve(model(a, b), { periods });
        expect(s).toHaveLength(periods + 1);
        for (let t = 1; t <= periods; t++) {
          expect(s[t] as number).toBeLessThanOrEqual(s[t - 1] as number);
          expect(s[t] as number).toBeGreaterThan(0);
        }
      }),
      { seed: 20261123, numRuns: 100 },
    );
  });

  it('accepts a fitted model object with kind shifted-beta-geometric', () => {
    expect(survivalCurve({ kind: 'shifted-beta-geometric', parameters: { alpha: 1, beta: 1 } } as never, { periods: 1 })).toEqual([1, 0.5]);
  });

  const bad: [string, unknown, unknown, string[]][] = [
    ['missing model', undefined, undefined, ['model']],
    ['model without parameters', {}, undefined, ['model.parameters']],
    ['alpha 0', { parameters: { alpha: 0, beta: 1 } }, undefined, ['model.parameters.alpha']],
    ['negative beta and NaN alpha', { parameters: { alpha: Number.NaN, beta: -1 } }, undefined, ['model.parameters.alpha', 'model.parameters.beta']],
    ['another model kind', { kind: 'bg-nbd', parameters: { alpha: 1, beta: 1 } }, undefined, ['model.kind']],
    ['fractional periods', model(1, 1), { periods: 1.5 }, ['options.periods']],
    ['negative periods', model(1, 1), { periods: -1 }, ['options.periods']],
    ['unknown option', model(1, 1), { period: 3 }, ['options.period']],
  ];
  it.each(bad)('rejects %s', (_, m, options, paths) => {
    expect(issuePaths(() => survivalCurve(m as never, options as never))).toEqual(paths);
  });
});

describe('survivalCurve with a tiny beta (found by the edges suite, issue 14)', () => {
  it('S(1) = beta / (alpha + beta) to 1e-13 at beta = 1e-8 (beta + t - 1 summed whole numbers first)', () => {
    const s = survivalCurve(model(1, 1e-8), { periods: 1 })[1] as number;
    expect(Math.abs(s / (1e-8 / (1 + 1e-8)) - 1)).toBeLessThan(1e-13);
  });
});
