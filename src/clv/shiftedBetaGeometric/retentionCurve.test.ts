import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { retentionCurve } from './retentionCurve.js';
import { survivalCurve } from './survivalCurve.js';

const model = (alpha: number, beta: number) => ({ parameters: { alpha, beta } });

describe('retentionCurve', () => {
  it('alpha = 2, beta = 3: r(t) = (3 + t - 1) / (5 + t - 1) = 3/5, 4/6, 5/7', () => {
    const r = retentionCurve(model(2, 3), { periods: 3 });
    expect(r).toHaveLength(3);
    [3 / 5, 4 / 6, 5 / 7].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 15));
  });

  it('has 12 periods by default; 0 periods give an empty curve', () => {
    expect(retentionCurve(model(1, 1))).toHaveLength(12);
    expect(retentionCurve(model(1, 1), { periods: 0 })).toEqual([]);
  });

  it('is S(t) / S(t - 1) of the survival curve', () => {
    const s = survivalCurve(model(0.704, 1.182), { periods: 20 });
    const r = retentionCurve(model(0.704, 1.182), { periods: 20 });
    for (let t = 1; t <= 20; t++) expect(r[t - 1]).toBeCloseTo((s[t] as number) / (s[t - 1] as number), 14);
  });

  it('"regular" cohort (Fader & Hardie 2007, alpha 0.704, beta 1.182): r(1) = 0.627 rising to r(7) = 0.860', () => {
    const r = retentionCurve(model(0.704, 1.182), { periods: 7 });
    expect(r[0]).toBeCloseTo(1.182 / 1.886, 12);
    expect(r[6]).toBeCloseTo(7.182 / 7.886, 12);
  });

  it('increases in t and stays in (0, 1) (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (a, b) => {
        const r = retentionCurve(model(a, b), { periods: 30 });
        for (let t = 0; t < 30; t++) {
          expect(r[t] as number).toBeGreaterThan(0);
          expect(r[t] as number).toBeLessThan(1);
          if (t > 0) expect(r[t] as number).toBeGreaterThan(r[t - 1] as number);
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it.each([
    ['missing parameters', { parameters: null }, undefined, ['model.parameters']],
    ['Infinity beta', { parameters: { alpha: 1, beta: Infinity } }, undefined, ['model.parameters.beta']],
    ['string alpha', { parameters: { alpha: '1', beta: 1 } }, undefined, ['model.parameters.alpha']],
    ['a BG/BB model', { kind: 'bg-bb', parameters: { alpha: 1, beta: 1 } }, undefined, ['model.kind']],
    ['periods too large', model(1, 1), { periods: 2e6 }, ['options.periods']],
    ['options not an object', model(1, 1), 5, ['options']],
  ])('rejects %s', (_, m, options, paths) => {
    expect(issuePaths(() => retentionCurve(m as never, options as never))).toEqual(paths);
  });
});

describe('retentionCurve: model kinds', () => {
  it('accepts a fitted sBG model and names the expected kind for another', () => {
    // alpha = beta = 1: r(1) = 1 / 2, r(2) = 2 / 3.
    expect(retentionCurve({ kind: 'shifted-beta-geometric', parameters: { alpha: 1, beta: 1 } } as never, { periods: 2 })).toEqual([1 / 2, 2 / 3]);
    expect(issueLines(() => retentionCurve({ kind: 'bg-bb', parameters: { alpha: 1, beta: 1 } } as never))).toEqual([
      "invalid_value model.kind: must be 'shifted-beta-geometric' (a model of another kind was given)",
    ]);
  });
});

describe('retentionCurve with a tiny beta (found by the edges suite, issue 14)', () => {
  it('r(1) = beta / (alpha + beta) to a few ulps at beta = 1e-8 and alpha + beta = 2e-8', () => {
    const r1 = retentionCurve({ parameters: { alpha: 1, beta: 1e-8 } }, { periods: 1 })[0] as number;
    expect(Math.abs(r1 / (1e-8 / (1 + 1e-8)) - 1)).toBeLessThan(1e-15);
    const r2 = retentionCurve({ parameters: { alpha: 1e-8, beta: 1e-8 } }, { periods: 1 })[0] as number;
    expect(Math.abs(r2 - 0.5)).toBeLessThan(1e-15);
  });
});
