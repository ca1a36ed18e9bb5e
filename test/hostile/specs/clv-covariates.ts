/**
 * Hostile-input specs for the exports added by the covariates work (issue 18), spread into the clv
 * subpath's specs (test/hostile/specs/clv.ts).
 */
import type { HostileSpecs } from '../spec.js';

// Fresh objects on every call: the suite replaces fields inside the arguments it is given.
const paretoModel = () => ({ kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, timeUnit: 'week' });
const covariateModel = () => ({
  ...paretoModel(),
  covariates: { purchase: ['referral'], dropout: ['referral'], coefficients: { purchase: { referral: 0.5 }, dropout: { referral: -0.3 } } },
});

export const specs: HostileSpecs = {
  conditionalPurchaseCountProbability: {
    valid: () => [paretoModel(), { frequency: 2, recency: 30.43, T: 38.86 }, 1, { length: 39, unit: 'week' }],
    refuse: {
      'a covariate model and a customer without the covariate': () => [covariateModel(), { frequency: 2, recency: 30.43, T: 38.86 }, 1, { length: 39, unit: 'week' }],
      'a fractional n': () => [paretoModel(), { frequency: 2, recency: 30.43, T: 38.86 }, 1.5, { length: 39, unit: 'week' }],
    },
  },
  addCategoryIndicators: {
    valid: () => [[{ channel: 'search' }, { channel: 'referral' }, { channel: 'ads' }], 'channel', { reference: 'search' }],
    refuse: {
      'a single level': () => [[{ channel: 'a' }, { channel: 'a' }], 'channel'],
      'a reference that is not a level': () => [[{ channel: 'a' }, { channel: 'b' }], 'channel', { reference: 'c' }],
    },
  },
};
