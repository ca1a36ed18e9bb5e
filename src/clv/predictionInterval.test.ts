import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../_lib/stats.js';
import { issueLines, issuePaths } from '../../test/helpers/issue-paths.js';
import { bgBbProbabilityAlive } from './bgBbProbabilityAlive.js';
import { discountedExpectedResidualLifetime } from './discountedExpectedResidualLifetime.js';
import { fitBgBb } from './fitBgBb.js';
import { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric.js';
import { predictionInterval } from './predictionInterval.js';
import { simulateBgBb } from './simulateBgBb.js';

// Fader & Hardie (2007) "regular" cohort.
const sbg = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);

describe('predictionInterval', () => {
  it('for a parameter itself reproduces the log-normal quantiles theta * exp(+-z se(ln theta)) within Monte Carlo error', () => {
    // se(ln alpha) = se(alpha) / alpha (delta method), z = normalQuantile(0.95) for a 90% interval.
    const alpha = sbg.parameters.alpha;
    const seLog = (sbg.standardErrors?.alpha as number) / alpha;
    const z = normalQuantile(0.95);
    const interval = predictionInterval(sbg, (m) => m.parameters.alpha, { draws: 20_000, seed: 3 });
    expect(interval.estimate).toBe(alpha);
    expect(interval.level).toBe(0.9);
    expect(interval.draws).toBe(20_000);
    expect(interval.failedDraws).toBe(0);
    expect(interval.lower).toBeCloseTo(alpha * Math.exp(-z * seLog), 2);
    expect(interval.upper).toBeCloseTo(alpha * Math.exp(z * seLog), 2);
  });

  it('draws the parameters jointly: the correlation of alpha and beta carries over to alpha / beta', () => {
    // With alpha and beta positively correlated (as here), the ratio varies less than if they were independent.
    const joint = predictionInterval(sbg, (m) => m.parameters.alpha / m.parameters.beta, { draws: 4000, seed: 1 });
    const independent = predictionInterval({ ...sbg, covariance: [[sbg.covariance?.[0]?.[0] as number, 0], [0, sbg.covariance?.[1]?.[1] as number]] }, (m) => m.parameters.alpha / m.parameters.beta, {
      draws: 4000,
      seed: 1,
    });
    expect(joint.upper - joint.lower).toBeLessThan(0.8 * (independent.upper - independent.lower));
  });

  it('is reproducible with a seed and changes with another seed', () => {
    const f = (m: typeof sbg) => discountedExpectedResidualLifetime(m, { renewals: 2, discountRate: 0.1 });
    const a = predictionInterval(sbg, f, { seed: 42, draws: 200 });
    expect(predictionInterval(sbg, f, { seed: 42, draws: 200 })).toEqual(a);
    expect(predictionInterval(sbg, f, { seed: 43, draws: 200 })).not.toEqual(a);
    expect(a.lower).toBeLessThan(a.estimate);
    expect(a.upper).toBeGreaterThan(a.estimate);
  });

  it('a wider level gives a wider interval; arrays give one interval per value', () => {
    const f = (m: typeof sbg) => [1, 2, 3].map((renewals) => discountedExpectedResidualLifetime(m, { renewals, discountRate: 0.1 }));
    const narrow = predictionInterval(sbg, f, { level: 0.5, draws: 300, seed: 2 });
    const wide = predictionInterval(sbg, f, { level: 0.99, draws: 300, seed: 2 });
    expect(narrow.estimate).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      expect(wide.lower[i] as number).toBeLessThan(narrow.lower[i] as number);
      expect(wide.upper[i] as number).toBeGreaterThan(narrow.upper[i] as number);
    }
  });

  it('works for a BG/BB model, and for a record of models drawn independently', () => {
    const bgbb = fitBgBb(simulateBgBb({ parameters: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } }, { customers: 5000, opportunities: 6, seed: 4 }));
    const single = predictionInterval(bgbb, (m) => bgBbProbabilityAlive(m, { frequency: 2, recency: 4, n: 6 }), { draws: 200 });
    expect(single.lower).toBeGreaterThanOrEqual(0);
    expect(single.upper).toBeLessThanOrEqual(1);
    const both = predictionInterval({ donors: bgbb, cohort: sbg }, (m) => m.donors.parameters.alpha * m.cohort.parameters.beta, { draws: 200 });
    expect(both.estimate).toBeCloseTo(bgbb.parameters.alpha * sbg.parameters.beta, 12);
    expect(both.lower).toBeLessThan(both.estimate);
  });

  it('leaves out draws whose prediction throws or is not finite, and counts them', () => {
    let calls = 0;
    const interval = predictionInterval(
      sbg,
      (m) => {
        calls++;
        if (calls === 1) return m.parameters.beta;
        if (calls % 4 === 0) throw new Error('undefined here');
        return calls % 4 === 1 ? Number.NaN : m.parameters.beta;
      },
      { draws: 100 },
    );
    expect(interval.failedDraws).toBe(50);
    expect(interval.draws).toBe(50);
  });

  it.each([
    ['no model', undefined, () => 1, undefined, ['models']],
    ['a model without covariance', { ...sbg, covariance: undefined }, () => 1, undefined, ['models.covariance']],
    ['a covariance of the wrong size', { ...sbg, covariance: [[1]] }, () => 1, undefined, ['models.covariance']],
    ['a covariance that is not positive definite', { ...sbg, covariance: [[1, 2], [2, 1]] }, () => 1, undefined, ['models.covariance']],
    ['a bad parameter in a record', { a: { ...sbg, parameters: { alpha: -1, beta: 1 } } }, () => 1, undefined, ['models.a.parameters.alpha']],
    ['no predict function', sbg, undefined, undefined, ['predict']],
    ['a non-finite prediction at the estimate', sbg, () => Number.POSITIVE_INFINITY, undefined, ['predict']],
    ['bad options', sbg, () => 1, { level: 1, draws: 10, seed: 1.5 }, ['options.level', 'options.draws', 'options.seed']],
  ] as [string, unknown, unknown, unknown, string[]][])('rejects %s', (_, models, predict, options, paths) => {
    expect(issuePaths(() => predictionInterval(models as never, predict as never, options as never))).toEqual(paths);
  });

  it('says what is wrong, with a code and a message per problem', () => {
    expect(issueLines(() => predictionInterval(undefined as never, () => 1))).toEqual(['invalid_type models: is required']);
    expect(issueLines(() => predictionInterval(3 as never, () => 1))).toEqual(['invalid_type models: must be a fitted model or a record of fitted models']);
    expect(issueLines(() => predictionInterval(sbg, undefined as never))).toEqual(['invalid_type predict: is required']);
    expect(issueLines(() => predictionInterval(sbg, 'f' as never))).toEqual(['invalid_type predict: must be a function']);
    expect(issueLines(() => predictionInterval(sbg, () => [1, Number.NaN]))).toEqual(['invalid_value predict: must return finite numbers at the fitted parameters']);
    expect(issueLines(() => predictionInterval({}, () => 1))).toEqual(['too_small models: must have at least 1 model']);
  });

  it('one interval per element, each from its own column of draws', () => {
    // The second value is 10x the first: its bounds are 10x the first's.
    const r = predictionInterval(sbg, (m) => [m.parameters.alpha, 10 * m.parameters.alpha, 5], { draws: 200, seed: 8 });
    expect(r.estimate).toEqual([sbg.parameters.alpha, 10 * sbg.parameters.alpha, 5]);
    expect(r.lower[1]).toBeCloseTo(10 * (r.lower[0] as number), 10);
    expect(r.upper[1]).toBeCloseTo(10 * (r.upper[0] as number), 10);
    expect(r.lower[2]).toBe(5);
    expect(r.upper[2]).toBe(5);
    expect(r.draws).toBe(200);
    // A draw returning the wrong number of values is left out.
    let calls = 0;
    const short = predictionInterval(sbg, () => (calls++ === 0 || calls % 2 === 0 ? [1, 2] : [1]), { draws: 40 });
    expect(short.failedDraws).toBe(20);
  });
});
