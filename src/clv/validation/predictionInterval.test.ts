import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../_lib/stats.js';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { bgBbProbabilityAlive } from '../bgBb/bgBbProbabilityAlive.js';
import { discountedExpectedResidualLifetime } from '../shiftedBetaGeometric/discountedExpectedResidualLifetime.js';
import { fitBgBb } from '../bgBb/fitBgBb.js';
import { fitShiftedBetaGeometric } from '../shiftedBetaGeometric/fitShiftedBetaGeometric.js';
import { predictionInterval } from './predictionInterval.js';
import { normalSample, seededUniform } from '../shared/sampling.js';
import { simulateBgBb } from '../bgBb/simulateBgBb.js';

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

// A one-parameter model: theta = 2 with variance 0.04, so ln theta is drawn from N(ln 2, 0.04 / 2^2 = 0.01), sd 0.1.
const one = { parameters: { theta: 2 }, covariance: [[0.04]] };

/** Type-7 quantile of already sorted values, written out independently of the library. */
function type7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? Number.NaN) - sorted[lo]!);
}

describe('predictionInterval: the draws and their quantiles', () => {
  it('draws ln theta from N(ln theta_hat, Cov / theta_hat^2): sample mean and sd of ln(draws) match within Monte Carlo error', () => {
    const logs: number[] = [];
    const r = predictionInterval(one, (m) => {
      logs.push(Math.log(m.parameters.theta));
      return m.parameters.theta;
    }, { draws: 20_000, seed: 11 });
    logs.shift(); // the first call is the estimate itself
    expect(logs).toHaveLength(20_000);
    const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (logs.length - 1));
    // se(mean) = 0.1 / sqrt(20000) = 7.1e-4; se(sd) = 0.1 / sqrt(40000) = 5e-4: 4 se allowed.
    expect(Math.abs(mean - Math.log(2))).toBeLessThan(4 * 7.1e-4);
    expect(Math.abs(sd - 0.1)).toBeLessThan(4 * 5e-4);
    expect(r.estimate).toBe(2);
    // Every draw is positive (drawn on the log scale).
    expect(r.lower).toBeGreaterThan(0);
  });

  it('draws the log-parameters jointly with the covariance moved to the log scale (3 correlated parameters)', () => {
    // Sigma_phi on the log scale, and the natural-scale covariance Cov_ij = Sigma_ij * theta_i * theta_j.
    const theta = [2, 0.5, 3];
    const sigma = [
      [0.04, 0.012, -0.008],
      [0.012, 0.09, 0.027],
      [-0.008, 0.027, 0.0625],
    ];
    const model = {
      parameters: { a: 2, b: 0.5, c: 3 },
      covariance: sigma.map((row, i) => row.map((v, j) => v * theta[i]! * theta[j]!)),
    };
    const logs: number[][] = [];
    predictionInterval(model, (m) => {
      logs.push([Math.log(m.parameters.a), Math.log(m.parameters.b), Math.log(m.parameters.c)]);
      return m.parameters.a;
    }, { draws: 20_000, seed: 5 });
    logs.shift();
    const n = logs.length;
    const mean = [0, 1, 2].map((i) => logs.reduce((s, v) => s + v[i]!, 0) / n);
    [0, 1, 2].forEach((i) => expect(Math.abs(mean[i]! - Math.log(theta[i]!)), `mean ${i}`).toBeLessThan(4 * Math.sqrt(sigma[i]![i]! / n)));
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j <= i; j++) {
        const cov = logs.reduce((s, v) => s + (v[i]! - mean[i]!) * (v[j]! - mean[j]!), 0) / (n - 1);
        // se of a sample covariance: sqrt((s_ii s_jj + s_ij^2) / n).
        const se = Math.sqrt((sigma[i]![i]! * sigma[j]![j]! + sigma[i]![j]! ** 2) / n);
        expect(Math.abs(cov - sigma[i]![j]!), `cov ${i},${j}: ${cov} vs ${sigma[i]![j]!}`).toBeLessThan(4 * se);
      }
    }
  });

  it('the bounds are the type-7 quantiles of the finite draws (interpolated, per column, failed draws left out)', () => {
    const seen: number[][] = [];
    let calls = 0;
    const r = predictionInterval(one, (m) => {
      calls++;
      const v = [m.parameters.theta, 1 / m.parameters.theta];
      if (calls > 1 && calls % 5 === 0) return [v[0]!, Number.NaN]; // every 5th draw fails
      if (calls > 1) seen.push(v);
      return v;
    }, { draws: 28, level: 0.5, seed: 9 });
    // Calls 2..29 are the draws; calls 5, 10, 15, 20, 25 fail: 28 - 5 = 23 good draws.
    expect(r.failedDraws).toBe(5);
    expect(r.draws).toBe(23);
    expect(seen).toHaveLength(23);
    // With 23 draws, p = 0.25 gives h = 22 * 0.25 = 5.5 (halfway between the 6th and 7th smallest),
    // p = 0.75 gives h = 16.5.
    for (const i of [0, 1]) {
      const sorted = seen.map((v) => v[i]!).sort((a, b) => a - b);
      expect(r.lower[i]).toBe(sorted[5]! + 0.5 * (sorted[6]! - sorted[5]!));
      expect(r.upper[i]).toBe(sorted[16]! + 0.5 * (sorted[17]! - sorted[16]!));
      expect(r.lower[i]).toBe(type7(sorted, 0.25));
    }
    expect(r.estimate).toEqual([2, 0.5]);
    expect(r.level).toBe(0.5);
  });

  it('the largest level below 1 gives the smallest and largest draws as bounds', () => {
    // level = 1 - 2^-53: (1 - level) / 2 = 2^-54 (h ~ 0, the minimum) and (1 + level) / 2 rounds to 1 (the maximum).
    const seen: number[] = [];
    const r = predictionInterval(one, (m) => {
      seen.push(m.parameters.theta);
      return m.parameters.theta;
    }, { draws: 20, level: 1 - 2 ** -53, seed: 3 });
    seen.shift();
    expect(r.upper).toBe(Math.max(...seen));
    expect(r.lower).toBeCloseTo(Math.min(...seen), 14);
  });

  it('uses level 0.9, 1000 draws and seed 1 by default', () => {
    const f = (m: typeof one) => m.parameters.theta;
    const byDefault = predictionInterval(one, f);
    expect(byDefault).toEqual(predictionInterval(one, f, { level: 0.9, draws: 1000, seed: 1 }));
    expect(byDefault.draws).toBe(1000);
    expect(byDefault.level).toBe(0.9);
    expect(byDefault).not.toEqual(predictionInterval(one, f, { seed: 2 }));
  });

  it('when every draw fails, both bounds are the estimate', () => {
    let calls = 0;
    const r = predictionInterval(one, (m) => {
      if (calls++ > 0) throw new Error('no');
      return [m.parameters.theta, 7];
    }, { draws: 30 });
    expect(r).toEqual({ estimate: [2, 7], lower: [2, 7], upper: [2, 7], level: 0.9, draws: 0, failedDraws: 30 });
  });

  it('a draw returning null, a string or a non-array object counts as failed', () => {
    for (const bad of [null, 'ab', { length: 2 }, undefined]) {
      let calls = 0;
      const r = predictionInterval(one, () => (calls++ === 0 || calls % 2 === 0 ? [1, 2] : bad) as never, { draws: 20 });
      expect(r.failedDraws, String(bad)).toBe(10);
      expect(r.draws).toBe(10);
    }
  });

  it('a typed array prediction gives plain arrays', () => {
    const r = predictionInterval(one, (m) => Float64Array.of(m.parameters.theta, 1), { draws: 20 });
    expect(Array.isArray(r.estimate)).toBe(true);
    expect(r.estimate).toEqual([2, 1]);
    expect(r.lower[1]).toBe(1);
  });

  it('reads the covariance in the order of parameterNames when given, else in the order of the keys', () => {
    // alpha's variance 0.0001 (sd of ln alpha 0.01), beta's 100 (sd of ln beta 1, with beta = 10).
    const named = { parameters: { alpha: 1, beta: 10 }, parameterNames: ['beta', 'alpha'], covariance: [[100, 0], [0, 0.0001]] };
    const r = predictionInterval(named, (m) => m.parameters.alpha, { draws: 200 });
    // ln alpha within +-0.05 (5 sd); with the names ignored the sd of ln alpha would be 10.
    expect(r.lower).toBeGreaterThan(Math.exp(-0.05));
    expect(r.upper).toBeLessThan(Math.exp(0.05));
    const keyed = { parameters: { beta: 10, alpha: 1 }, covariance: [[100, 0], [0, 0.0001]] };
    const k = predictionInterval(keyed, (m) => m.parameters.alpha, { draws: 200 });
    expect(k).toEqual(r);
  });

  it('draws only the named parameters; the model\'s other fields and parameters are kept', () => {
    const model = { kind: 'x', parameters: { a: 2, fixed: 5 }, parameterNames: ['a'], covariance: [[0.01]] };
    const r = predictionInterval(model, (m) => {
      expect(m.kind).toBe('x');
      expect(m.parameterNames).toEqual(['a']);
      expect(m.parameters.fixed).toBe(5);
      return m.parameters.a + m.parameters.fixed;
    }, { draws: 20 });
    expect(r.draws).toBe(20);
    expect(r.lower).toBeLessThan(7);
    expect(r.upper).toBeGreaterThan(7);
  });

  it('a record with one model is passed on as a record; its models are drawn independently', () => {
    const r = predictionInterval({ only: one }, (m) => m.only.parameters.theta, { draws: 50, seed: 4 });
    expect(r.draws).toBe(50);
    expect(r.failedDraws).toBe(0);
    // The same draws as the model on its own (same generator, one model).
    expect(r).toEqual(predictionInterval(one, (m) => m.parameters.theta, { draws: 50, seed: 4 }));
    const pairs: number[][] = [];
    predictionInterval({ x: one, y: one }, (m) => {
      pairs.push([m.x.parameters.theta, m.y.parameters.theta]);
      return 1;
    }, { draws: 20 });
    pairs.shift();
    expect(pairs.every(([a, b]) => a !== b)).toBe(true);
  });
});

describe('predictionInterval: malformed models', () => {
  const cov2 = [[0.01, 0], [0, 0.01]];
  it.each([
    ['a record entry that is not a model', { a: 3 }, ['invalid_type models.a: must be a fitted model with parameters and a covariance']],
    ['a record entry that is null', { a: null }, ['invalid_type models.a: must be a fitted model with parameters and a covariance']],
    ['parameters null', { parameters: null, covariance: cov2 }, ['invalid_type models: must be a fitted model with parameters and a covariance']],
    ['parameters not an object', { parameters: 5, covariance: cov2 }, ['invalid_type models: must be a fitted model with parameters and a covariance']],
    [
      'a named parameter that is absent, zero, infinite or a string',
      { parameters: { a: 0, b: Number.POSITIVE_INFINITY, c: '1' }, parameterNames: ['a', 'b', 'c', 'd'], covariance: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]] },
      [
        'too_small models.parameters.a: must be a finite number greater than 0',
        'too_small models.parameters.b: must be a finite number greater than 0',
        'too_small models.parameters.c: must be a finite number greater than 0',
        'invalid_type models.parameters.d: must be a finite number greater than 0',
      ],
    ],
    ['a missing covariance', { parameters: { a: 1 } }, ['invalid_value models.covariance: is missing: the fit has no standard errors (its Hessian was not positive definite), so no interval can be drawn']],
    ['a covariance that is not an array', { parameters: { a: 1, b: 1 }, covariance: 'x' }, ['invalid_structure models.covariance: must be a square matrix of finite numbers, one row per parameter']],
    ['too many rows', { parameters: { a: 1, b: 1 }, covariance: [[1, 0], [0, 1], [0, 0]] }, ['invalid_structure models.covariance: must be a square matrix of finite numbers, one row per parameter']],
    ['a row that is not an array', { parameters: { a: 1, b: 1 }, covariance: [[1, 0], 'ab'] }, ['invalid_structure models.covariance: must be a square matrix of finite numbers, one row per parameter']],
    ['a short row', { parameters: { a: 1, b: 1 }, covariance: [[1, 0], [0]] }, ['invalid_structure models.covariance: must be a square matrix of finite numbers, one row per parameter']],
    ['a non-finite entry', { parameters: { a: 1, b: 1 }, covariance: [[1, 0], [0, Number.NaN]] }, ['invalid_structure models.covariance: must be a square matrix of finite numbers, one row per parameter']],
    ['a singular covariance', { parameters: { a: 1, b: 1 }, covariance: [[1, 1], [1, 1]] }, ['invalid_structure models.covariance: must be positive definite']],
    ['a zero variance', { parameters: { a: 1, b: 1 }, covariance: [[1, 0], [0, 0]] }, ['invalid_structure models.covariance: must be positive definite']],
    ['a negative first variance', { parameters: { a: 1, b: 1 }, covariance: [[-1, 0], [0, 1]] }, ['invalid_structure models.covariance: must be positive definite']],
    ['a bad parameter with a valid covariance (one issue only)', { parameters: { a: -1, b: 1 }, covariance: cov2 }, ['too_small models.parameters.a: must be a finite number greater than 0']],
    [
      'a bad parameter and a missing covariance',
      { parameters: { a: -1, b: 1 }, covariance: undefined },
      ['too_small models.parameters.a: must be a finite number greater than 0', 'invalid_value models.covariance: is missing: the fit has no standard errors (its Hessian was not positive definite), so no interval can be drawn'],
    ],
    [
      'a bad parameter and a covariance of the wrong size',
      { parameters: { a: -1, b: 1 }, covariance: [[1]] },
      ['too_small models.parameters.a: must be a finite number greater than 0', 'invalid_structure models.covariance: must be a square matrix of finite numbers, one row per parameter'],
    ],
    [
      'two bad models in a record',
      { x: { parameters: { a: 1 } }, y: { parameters: { a: 1 }, covariance: [[-1]] } },
      ['invalid_value models.x.covariance: is missing: the fit has no standard errors (its Hessian was not positive definite), so no interval can be drawn', 'invalid_structure models.y.covariance: must be positive definite'],
    ],
  ] as [string, unknown, string[]][])('rejects %s', (_, models, lines) => {
    expect(issueLines(() => predictionInterval(models as never, () => 1))).toEqual(lines);
  });

  it('a good model next to a bad one in a record: only the bad one is reported', () => {
    expect(issueLines(() => predictionInterval({ good: one, bad: { parameters: { a: 1 }, covariance: [[0]] } } as never, () => 1))).toEqual(['invalid_structure models.bad.covariance: must be positive definite']);
  });

  it('collects the problems of the models, predict and options together', () => {
    expect(issuePaths(() => predictionInterval({ parameters: { a: 1 } } as never, 5 as never, { level: 0 }))).toEqual(['models.covariance', 'predict', 'options.level']);
  });

  it('a positive definite covariance with correlation passes (Cholesky 2 x 2 by hand)', () => {
    // [[4, 2], [2, 5]]: L = [[2, 0], [1, 2]] (1 = 2 / 2, 2 = sqrt(5 - 1)); [[4, 2], [2, 1]] has 1 - 1 = 0: not positive definite.
    expect(predictionInterval({ parameters: { a: 1, b: 1 }, covariance: [[4, 2], [2, 5]] }, () => 1, { draws: 20 }).draws).toBe(20);
    expect(issueLines(() => predictionInterval({ parameters: { a: 1, b: 1 }, covariance: [[4, 2], [2, 1]] }, () => 1))).toEqual(['invalid_structure models.covariance: must be positive definite']);
  });
});

describe('predictionInterval: exact draws', () => {
  it('the k-th draw is theta_hat * exp(L z_k), z from the documented generator (Box-Muller on mulberry32 with the seed)', () => {
    // One parameter: L = sqrt(0.04 / 2^2) = 0.1.
    const random = seededUniform(6);
    const seen: number[] = [];
    predictionInterval(one, (m) => {
      seen.push(m.parameters.theta);
      return m.parameters.theta;
    }, { draws: 20, seed: 6 });
    for (let k = 1; k <= 3; k++) expect(seen[k]).toBeCloseTo(2 * Math.exp(0.1 * normalSample(random)), 12);
  });

  it('two correlated parameters: phi = ln theta_hat + L z with the Cholesky factor L worked by hand', () => {
    // Sigma_phi = [[0.04, 0.012], [0.012, 0.09]]: L11 = 0.2, L21 = 0.012 / 0.2 = 0.06, L22 = sqrt(0.09 - 0.06^2) = sqrt(0.0864).
    // theta_hat = (2, 0.5): Cov = [[0.04 * 4, 0.012 * 1], [0.012 * 1, 0.09 * 0.25]].
    const model = { parameters: { a: 2, b: 0.5 }, covariance: [[0.16, 0.012], [0.012, 0.0225]] };
    const random = seededUniform(9);
    const seen: number[][] = [];
    predictionInterval(model, (m) => {
      seen.push([m.parameters.a, m.parameters.b]);
      return 1;
    }, { draws: 20, seed: 9 });
    for (let k = 1; k <= 3; k++) {
      const z1 = normalSample(random);
      const z2 = normalSample(random);
      expect(seen[k]?.[0]).toBeCloseTo(2 * Math.exp(0.2 * z1), 12);
      expect(seen[k]?.[1]).toBeCloseTo(0.5 * Math.exp(0.06 * z1 + Math.sqrt(0.0864) * z2), 12);
    }
  });

  it('a draw with more values than the estimate counts as failed; the result has one bound per value', () => {
    let calls = 0;
    const r = predictionInterval(one, () => (calls++ === 0 || calls % 2 === 0 ? [1, 2] : [1, 2, 3]), { draws: 20 });
    expect(r.failedDraws).toBe(10);
    expect(r.lower).toHaveLength(2);
    expect(r.upper).toHaveLength(2);
  });

  it('rejects null models', () => {
    expect(issueLines(() => predictionInterval(null as never, () => 1))).toEqual(['invalid_type models: must be a fitted model or a record of fitted models']);
  });
});
