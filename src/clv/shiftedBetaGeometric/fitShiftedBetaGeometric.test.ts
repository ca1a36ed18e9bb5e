import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricsFitError } from '../../errors.js';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { sbgAggregate, sbgAggregateLogLikelihood, sbgLogLikelihoodAndGradient } from './sbgKernel.js';
import { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric.js';
import { survivalCurve } from './survivalCurve.js';
import { seededUniform, betaSample } from '../shared/sampling.js';

// Fader & Hardie (2007), "How to project customer retention", Table 1 / REFERENCES.md: % of 1,000
// customers surviving at years 0..7, as counts.
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

describe('fitShiftedBetaGeometric', () => {
  it.each([
    ['regular', regular, 0.704, 1.182],
    ['high end', highEnd, 0.668, 3.806],
  ])('"%s" cohort: alpha %s, beta %s within 2e-3 relative (Fader & Hardie 2007)', (_, counts, alpha, beta) => {
    const model = fitShiftedBetaGeometric(counts);
    expect(model.convergence.converged).toBe(true);
    expect(Math.abs(model.parameters.alpha - alpha) / alpha, `alpha ${model.parameters.alpha}`).toBeLessThan(2e-3);
    expect(Math.abs(model.parameters.beta - beta) / beta, `beta ${model.parameters.beta}`).toBeLessThan(2e-3);
    expect(model.customers).toBe(1000);
  });

  it('regular cohort: the log-likelihood is sum (lost) ln P(T = t) + survivors ln S(7), about -1680.27', () => {
    const model = fitShiftedBetaGeometric(regular);
    // Worked at the estimate with the closed forms P(T = t) = S(t-1) - S(t):
    const s = survivalCurve(model, { periods: 7 });
    let ll = 241 * Math.log(s[7] as number);
    for (let t = 1; t <= 7; t++) ll += ((regular[t - 1] as number) - (regular[t] as number)) * Math.log((s[t - 1] as number) - (s[t] as number));
    expect(model.logLikelihood).toBeCloseTo(ll, 8);
    expect(model.logLikelihood).toBeCloseTo(-1680.2652, 3);
  });

  it('is a maximum: the likelihood falls a little way off the estimate in every direction; serialisable', () => {
    const model = fitShiftedBetaGeometric(highEnd);
    for (const [da, db] of [[1.01, 1], [0.99, 1], [1, 1.01], [1, 0.99], [1.01, 1.01]] as const) {
      const ll = sbgLogLikelihoodAndGradient({ alpha: model.parameters.alpha * da, beta: model.parameters.beta * db }, [highEnd]);
      expect(ll).toBeLessThan(model.logLikelihood);
    }
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    // The covariance rows are in the order of parameterNames.
    expect(model.kind).toBe('shifted-beta-geometric');
    expect(model.parameterNames).toEqual(['alpha', 'beta']);
    expect(model.standardErrors?.alpha).toBeCloseTo(Math.sqrt(model.covariance?.[0]?.[0] as number), 14);
    expect(model.standardErrors?.beta).toBeCloseTo(Math.sqrt(model.covariance?.[1]?.[1] as number), 14);
    expect(model.standardErrors?.alpha).toBeGreaterThan(0);
  });

  it('several cohorts of different lengths are fitted together (log-likelihoods add)', () => {
    const cohorts = [regular, [800, 520, 380], [500, 330]];
    const model = fitShiftedBetaGeometric(cohorts);
    expect(model.customers).toBe(2300);
    const sum = cohorts.reduce((acc, c) => acc + sbgLogLikelihoodAndGradient(model.parameters, [c]), 0);
    expect(model.logLikelihood).toBeCloseTo(sum, 8);
    // Two copies of one cohort give that cohort's estimates.
    const twice = fitShiftedBetaGeometric([regular, regular]);
    expect(twice.parameters.alpha).toBeCloseTo(fitShiftedBetaGeometric(regular).parameters.alpha, 6);
  });

  it('an explicit start reaches the same optimum', () => {
    const model = fitShiftedBetaGeometric(regular, { initialParameters: { alpha: 5, beta: 0.2 }, tolerance: 1e-12, maxIterations: 1000 });
    expect(model.parameters.alpha).toBeCloseTo(0.70408, 4);
  });

  it('recovers alpha = 1.5, beta = 4 from 20,000 simulated customers over 12 periods within the 99% intervals', () => {
    const random = seededUniform(2024);
    const counts = new Array<number>(13).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const theta = betaSample(1.5, 4, random);
      let t = 0;
      while (t < 12 && !(random() < theta)) t++;
      for (let k = 0; k <= t; k++) counts[k] = (counts[k] as number) + 1;
    }
    const model = fitShiftedBetaGeometric(counts);
    expect(Math.abs(model.parameters.alpha - 1.5)).toBeLessThan(2.576 * (model.standardErrors?.alpha as number));
    expect(Math.abs(model.parameters.beta - 4)).toBeLessThan(2.576 * (model.standardErrors?.beta as number));
  });

  it('throws MetricsFitError when nobody churned, or everyone churned at once', () => {
    const reasons: string[] = [];
    for (const counts of [[100, 100, 100], [[50, 0], [20, 0, 0]]]) {
      try {
        fitShiftedBetaGeometric(counts);
      } catch (error) {
        if (isMetricsFitError(error)) reasons.push(error.reason);
      }
    }
    expect(reasons).toEqual(['no-churn', 'everyone-churned']);
  });

  it.each([
    ['missing', undefined, ['survivors']],
    ['an empty array', [], ['survivors']],
    ['one count', [100], ['survivors']],
    ['survivor counts that increase', [100, 80, 85, 60], ['survivors.2']],
    ['a fractional and a negative count', [100, 80.5, -1], ['survivors.1', 'survivors.2']],
    ['an empty initial cohort', [0, 0], ['survivors.0']],
    ['bad cohorts among several', [[100, 90], 'x', [100, 120]], ['survivors.1', 'survivors.2.1']],
  ])('rejects %s', (_, survivors, paths) => {
    const actual = issuePaths(() => fitShiftedBetaGeometric(survivors as never));
    expect(actual).toEqual(paths);
  });

  it('rejects bad options', () => {
    expect(issuePaths(() => fitShiftedBetaGeometric(regular, { initialParameters: { alpha: 0, beta: 1 }, maxIterations: 0, start: 1 } as never))).toEqual([
      'options.initialParameters.alpha',
      'options.maxIterations',
      'options.start',
    ]);
  });
});

describe('fitShiftedBetaGeometric: starts, defaults and messages', () => {
  it('uses tolerance 1e-10 and at most 500 iterations by default', () => {
    expect(fitShiftedBetaGeometric(regular)).toEqual(fitShiftedBetaGeometric(regular, { tolerance: 1e-10, maxIterations: 500 }));
    expect(fitShiftedBetaGeometric(regular, { tolerance: 1e-3 }).convergence.iterations).toBeLessThan(fitShiftedBetaGeometric(regular).convergence.iterations);
  });

  it.each([
    // regular: 1000 - 631 = 369 of 1000 lost in the first period.
    ['one cohort', [regular], 369 / 1000],
    // 369 + 280 + 170 = 819 of 1000 + 800 + 500 = 2300 lost in the first period.
    ['three cohorts', [regular, [800, 520, 380], [500, 330]], 819 / 2300],
    // 1 of 1000: 0.001 < 0.01, clamped to 0.01.
    ['a first-period churn below 0.01 (clamped)', [[1000, 999, 990]], 0.01],
    // 999 of 1000: 0.999 > 0.99, clamped to 0.99.
    ['a first-period churn above 0.99 (clamped)', [[1000, 1, 0]], 0.99],
  ])('tries two starts, (1, 1) and (share, 1 - share) with the first-period churn share of %s, and keeps the better', (_, cohorts, share) => {
    const both = fitShiftedBetaGeometric(cohorts);
    const ones = fitShiftedBetaGeometric(cohorts, { initialParameters: { alpha: 1, beta: 1 } });
    const matched = fitShiftedBetaGeometric(cohorts, { initialParameters: { alpha: share, beta: 1 - share } });
    expect(both.convergence.starts).toBe(2);
    expect(ones.convergence.starts).toBe(1);
    expect(both.convergence.iterations).toBe(ones.convergence.iterations + matched.convergence.iterations);
    expect(both.convergence.functionEvaluations).toBe(ones.convergence.functionEvaluations + matched.convergence.functionEvaluations);
    expect(both.logLikelihood).toBe(Math.max(ones.logLikelihood, matched.logLikelihood));
    expect(both.customers).toBe(cohorts.reduce((s, c) => s + (c[0] as number), 0));
  });

  it('stops after maxIterations', () => {
    const capped = fitShiftedBetaGeometric(regular, { maxIterations: 1, initialParameters: { alpha: 20, beta: 0.05 } });
    expect(capped.convergence.converged).toBe(false);
  });

  it('fits when only one cohort churned, or when only some cohorts lost everyone at the first renewal', () => {
    expect(fitShiftedBetaGeometric([[100, 100], [100, 90]]).customers).toBe(200);
    expect(fitShiftedBetaGeometric([[50, 0], [20, 5, 0]]).customers).toBe(70);
    // Equal consecutive counts are allowed; a count of 0 after the first is allowed.
    expect(fitShiftedBetaGeometric([100, 100, 90, 0]).customers).toBe(100);
  });

  it('says why it cannot fit', () => {
    const messages: string[] = [];
    for (const counts of [[[100, 100], [50, 50, 50]], [[50, 0], [20, 0, 0]]]) {
      try {
        fitShiftedBetaGeometric(counts);
      } catch (error) {
        if (isMetricsFitError(error)) messages.push(`${error.reason}: ${error.message}`);
      }
    }
    expect(messages).toEqual([
      'no-churn: No customer churned in any cohort: the sBG churn distribution cannot be estimated.',
      'everyone-churned: Every customer churned at the first renewal: the sBG likelihood has no finite maximum.',
    ]);
  });

  it.each([
    ['missing', undefined, ['invalid_type survivors: is required']],
    ['not an array', 'x', ['invalid_type survivors: must be an array of counts or an array of cohorts']],
    ['an empty array', [], ['too_small survivors: must have at least 1 item']],
    ['one count', [100], ['too_small survivors: must have at least 2 items (the cohort size and the survivors of one period)']],
    ['a cohort with one count among several', [[100, 90], [100]], ['too_small survivors.1: must have at least 2 items (the cohort size and the survivors of one period)']],
    ['a cohort that is not an array', [[100, 90], 5], ['invalid_type survivors.1: must be an array of counts']],
    ['an increase', [100, 80, 85, 60], ['invalid_order survivors.2: must not exceed the previous count (survivors never increase)']],
    ['an increase in a second cohort', [[100, 80], [100, 80, 90]], ['invalid_order survivors.1.2: must not exceed the previous count (survivors never increase)']],
    ['a cohort size of 0', [0, 0], ['too_small survivors.0: must be at least 1']],
    // The order is checked only when every count is valid: 50 > -1 is not reported.
    ['a negative count before a larger one', [100, -1, 50], ['too_small survivors.1: must be at least 0']],
  ])('rejects %s', (_, survivors, lines) => {
    expect(issueLines(() => fitShiftedBetaGeometric(survivors as never))).toEqual(lines);
  });
});

describe('sBG aggregated cohorts', () => {
  it('give the sum of the cohorts log-likelihoods and gradients (property, seed 1406)', () => {
    const cohort = fc
      .tuple(fc.integer({ min: 1, max: 1000 }), fc.array(fc.double({ min: 0, max: 0.6, noNaN: true }), { minLength: 1, maxLength: 9 }))
      .map(([n, drops]) => {
        const c = [n];
        for (const d of drops) c.push(Math.floor((c[c.length - 1] as number) * (1 - d)));
        return c;
      });
    fc.assert(
      fc.property(fc.array(cohort, { minLength: 1, maxLength: 30 }), fc.double({ min: 0.01, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), (cohorts, alpha, beta) => {
        const g1 = new Float64Array(2);
        const g2 = new Float64Array(2);
        const direct = sbgLogLikelihoodAndGradient({ alpha, beta }, cohorts, g1);
        const grouped = sbgAggregateLogLikelihood({ alpha, beta }, sbgAggregate(cohorts), g2);
        const close = (u: number, v: number) => Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u));
        expect(close(direct, grouped), `${direct} vs ${grouped}`).toBe(true);
        expect(close(g1[0] as number, g2[0] as number) && close(g1[1] as number, g2[1] as number)).toBe(true);
      }),
      { seed: 1406, numRuns: 200 },
    );
  });
});

describe('fitShiftedBetaGeometric: estimates inside the parameter domain (found by the edges suite, issue 14)', () => {
  it('1,000 churns in 1,500 customer-periods: alpha and beta scaled down together to 1e10, keeping the churn rate 2/3', () => {
    // 500 churn at the first renewal, 500 at the second: a homogeneous churn p = 1000 / 1500 fits best, the
    // limit alpha, beta -> infinity with alpha / (alpha + beta) = 2/3. Before: alpha = 2.5e11, beta = 1.3e11.
    const m = fitShiftedBetaGeometric(Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? [1, 1, 0] : [1, 0])));
    expect(m.parameters.alpha).toBeLessThanOrEqual(1e10);
    expect(m.parameters.beta).toBeLessThanOrEqual(1e10);
    expect(m.parameters.alpha / (m.parameters.alpha + m.parameters.beta)).toBeCloseTo(2 / 3, 6);
  });
});
