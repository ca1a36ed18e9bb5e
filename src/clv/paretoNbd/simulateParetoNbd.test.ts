import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../../test/helpers/issue-paths.js';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { logGammaSample, seededUniform } from '../shared/sampling.js';
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
    const meanMu = rows.reduce((acc, c) => acc + c.mu, 0) / n;
    expect(meanMu / (s / beta)).toBeCloseTo(1, 1);
    // Given mu, a customer is alive at T with probability e^(-mu T): the mean of e^(-mu T) over the
    // customers estimates the share alive (the two differ by sampling noise only, sd about 0.0015).
    const meanSurvival = rows.reduce((acc, c) => acc + Math.exp(-c.mu * T), 0) / n;
    expect(Math.abs(meanSurvival - simAlive)).toBeLessThan(0.006);
  });

  it('draws in the documented order from one mulberry32 stream: T (with a cohort spread), lambda, mu, the lifetime, then the purchase gaps', () => {
    // The method step by step for the first customers of seed 3: T = 39 - 12 u; lambda = G_r / alpha and
    // mu = G_s / beta (G a Gamma(shape, 1) deviate); lifetime = -ln(u) / mu; purchase gaps -ln(u) / lambda
    // until the next purchase would fall after min(lifetime, T).
    const random = seededUniform(3);
    const open = () => {
      let u = random();
      while (u === 0) u = random();
      return u;
    };
    const expected = Array.from({ length: 40 }, () => {
      const T = 39 - 12 * random();
      const lambda = Math.exp(logGammaSample(parameters.r, random)) / parameters.alpha;
      const mu = Math.exp(logGammaSample(parameters.s, random)) / parameters.beta;
      const lifetime = -Math.log(open()) / mu;
      const times: number[] = [];
      for (let t = -Math.log(open()) / lambda; t <= Math.min(lifetime, T); t += -Math.log(open()) / lambda) times.push(t);
      return { frequency: times.length, recency: times.at(-1) ?? 0, T, alive: lifetime > T, lambda, mu };
    });
    expect(simulateParetoNbd({ parameters }, { customers: 40, T: 39, cohortSpread: 12, seed: 3 })).toEqual(expected);
    // Without a spread no uniform is spent on T: the stream starts with lambda.
    const plain = seededUniform(3);
    const first = simulateParetoNbd({ parameters }, { customers: 1, T: 39, cohortSpread: 0, seed: 3 })[0];
    expect(first?.T).toBe(39);
    expect(first?.lambda).toBe(Math.exp(logGammaSample(parameters.r, plain)) / parameters.alpha);
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

  it('says why a spread is too long (code too_big)', () => {
    expect(inputIssues(() => simulateParetoNbd({ parameters }, { customers: 1, T: 5, cohortSpread: 6 }))).toEqual([
      { code: 'too_big', path: ['options', 'cohortSpread'], message: 'must be at most T' },
    ]);
    // A spread equal to T is allowed.
    expect(simulateParetoNbd({ parameters }, { customers: 2, T: 5, cohortSpread: 5 })).toHaveLength(2);
  });
});
