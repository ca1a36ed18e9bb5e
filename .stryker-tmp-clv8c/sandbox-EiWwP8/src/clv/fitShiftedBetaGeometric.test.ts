// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { isMetricsFitError } from '../errors.js';
import { issuePaths } from '../../test/helpers/issue-paths.js';
import { sbgLogLikelihoodAndGradient } from './_internal/sbgKernel.js';
import { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric.js';
import { survivalCurve } from './survivalCurve.js';
import { seededUniform, betaSample } from './_internal/sampling.js';

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
    expect(model.standardErrors?.alpha).toBeCloseTo(Math.sqrt(model.covariance?.[0]?.[0] as number), 14);
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
