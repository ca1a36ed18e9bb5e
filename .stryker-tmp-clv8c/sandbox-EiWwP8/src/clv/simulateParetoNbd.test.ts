// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/helpers/issue-paths.js';
import { simulateParetoNbd } from './simulateParetoNbd.js';

const parameters = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe('simulateParetoNbd', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = simulateParetoNbd({ parameters }, { customers: 50, T: 39, seed: 5 });
    expect(simulateParetoNbd({ parameters }, { customers: 50, T: 39, seed: 5 })).toEqual(a);
    expect(simulateParetoNbd({ parameters }, { customers: 50, T: 39, seed: 6 })).not.toEqual(a);
    expect(simulateParetoNbd({ parameters }, { customers: 50, T: 39 })).toEqual(simulateParetoNbd({ parameters }, { customers: 50, T: 39, seed: 1 }));
  });

  it('produces valid summaries: recency <= T, recency 0 exactly when frequency is 0, T within the cohort spread', () => {
    const rows = simulateParetoNbd({ kind: 'pareto-nbd', parameters } as never, { customers: 5000, T: 39, cohortSpread: 12, seed: 2 });
    for (const c of rows) {
      expect(c.T).toBeGreaterThanOrEqual(27);
      expect(c.T).toBeLessThanOrEqual(39);
      expect(c.recency).toBeLessThanOrEqual(c.T);
      expect(c.frequency === 0).toBe(c.recency === 0);
      expect(Number.isInteger(c.frequency)).toBe(true);
    }
    expect(new Set(rows.map((c) => c.T)).size).toBeGreaterThan(1000);
  });

  it('matches the model’s moments: E[X(T)] = r beta / (alpha (s - 1)) (1 - (beta / (beta + T))^(s - 1)), P(alive at T) = (beta / (beta + T))^s', () => {
    const T = 39;
    const n = 100_000;
    const rows = simulateParetoNbd({ parameters }, { customers: n, T, seed: 9 });
    const { r, alpha, s, beta } = parameters;
    const meanX = (r * beta) / (alpha * (s - 1)) * (1 - (beta / (beta + T)) ** (s - 1));
    const alive = (beta / (beta + T)) ** s;
    const simMean = rows.reduce((acc, c) => acc + c.frequency, 0) / n;
    const simAlive = rows.filter((c) => c.alive).length / n;
    // Standard errors: about sd(X) / sqrt(n) ~ 0.01 and sqrt(p(1-p)/n) ~ 0.0015; allow 4 of them.
    expect(Math.abs(simMean - meanX), `${simMean} vs ${meanX}`).toBeLessThan(0.04);
    expect(Math.abs(simAlive - alive), `${simAlive} vs ${alive}`).toBeLessThan(0.006);
    // The hidden rates have the Gamma means r / alpha and s / beta.
    const meanLambda = rows.reduce((acc, c) => acc + c.lambda, 0) / n;
    expect(meanLambda / (r / alpha)).toBeCloseTo(1, 1);
  });

  it.each([
    ['a model of another kind', () => simulateParetoNbd({ kind: 'bg-nbd', parameters } as never, { customers: 1, T: 1 }), ['model.kind']],
    ['a non-positive parameter', () => simulateParetoNbd({ parameters: { ...parameters, beta: 0 } }, { customers: 1, T: 1 }), ['model.parameters.beta']],
    ['zero customers', () => simulateParetoNbd({ parameters }, { customers: 0, T: 1 }), ['options.customers']],
    ['T = 0', () => simulateParetoNbd({ parameters }, { customers: 1, T: 0 }), ['options.T']],
    ['a spread longer than T', () => simulateParetoNbd({ parameters }, { customers: 1, T: 5, cohortSpread: 6 }), ['options.cohortSpread']],
    ['a fractional seed', () => simulateParetoNbd({ parameters }, { customers: 1, T: 5, seed: 0.5 }), ['options.seed']],
    ['an unknown option', () => simulateParetoNbd({ parameters }, { customers: 1, T: 5, days: 3 } as never), ['options.days']],
  ])('rejects %s', (_, fn, paths) => {
    expect(issuePaths(fn)).toEqual(paths);
  });
});
