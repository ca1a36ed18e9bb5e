// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { IssueList, numberSchema, parseInput, z } from '../_lib/validate.js';
import { checkModelParameters } from './_internal/modelChecks.js';
import { sbgDerl } from './_internal/sbgKernel.js';
import type { ShiftedBetaGeometricParameters } from './fitShiftedBetaGeometric.js';

/** Options of {@link discountedExpectedResidualLifetime}. */
export interface DiscountedExpectedResidualLifetimeOptions {
  /**
   * How many times the customer has renewed so far (0 for a customer in her first period).
   *
   * @defaultValue 0
   */
  renewals?: number;
  /**
   * The discount rate per period (0.1 = 10% per period), at least 1e-6. Required: there is no
   * neutral default for money over time.
   */
  discountRate: number;
}
const schema = z.strictObject(stryMutAct_9fa48("595") ? {} : (stryCov_9fa48("595"), {
  renewals: numberSchema(stryMutAct_9fa48("596") ? {} : (stryCov_9fa48("596"), {
    integer: stryMutAct_9fa48("597") ? false : (stryCov_9fa48("597"), true),
    min: 0,
    max: 1e9
  })).optional(),
  discountRate: numberSchema(stryMutAct_9fa48("598") ? {} : (stryCov_9fa48("598"), {
    min: 1e-6,
    max: 1e6
  }))
}));

/**
 * Discounted expected residual lifetime (DERL) of a subscriber under a shifted-beta-geometric model:
 * the expected present value of her future payments, in units of one period's payment.
 *
 * Definition: for a customer who has made n - 1 renewals, evaluated just before her n-th renewal
 * decision, DERL = sum_{t >= n} [S(t) / S(n - 1)] / (1 + d)^(t - n)
 * = (beta + n - 1)/(alpha + beta + n - 1) * 2F1(1, beta + n; alpha + beta + n; 1/(1 + d)).
 * Multiply by the margin per period for the residual value. The first payment counted is the next
 * renewal (not discounted); a new customer's expected lifetime value including the first payment
 * is 1 + DERL with `renewals: 0`.
 *
 * Cost: O(ln(1e16) / d) terms at worst (about 3,700 for d = 1%), independent of `renewals`.
 *
 * ## Method
 * The series is summed term by term with the ratio z (beta + n + k)/(alpha + beta + n + k),
 * z = 1/(1 + d); since the ratio rises towards z, the tail after a term is bounded by term * z/(1 - z),
 * and the sum stops when that bound falls below 1e-16 of the sum. All terms are positive, so there is
 * no cancellation.
 *
 * ## Accuracy
 * Relative error below 1e-12 (checked against mpmath's 2F1 in the tests).
 *
 * @param model - A fitted model ({@link fitShiftedBetaGeometric}) or `{ parameters: { alpha, beta } }`.
 * @param options - See {@link DiscountedExpectedResidualLifetimeOptions}.
 * @returns DERL in payments (at least 0, finite).
 * @throws {@link MetricsInputError} when the parameters are not positive finite numbers, `renewals`
 *   is not a whole number >= 0, or `discountRate` is missing or below 1e-6.
 * @see Fader, P. S. & Hardie, B. G. S. (2010), "Customer-base valuation in a contractual setting: the
 *   perils of ignoring heterogeneity", Marketing Science 29(1), eq. 6.
 * @example
 * ```ts
 * import { discountedExpectedResidualLifetime } from 'customer-metrics';
 * // alpha = beta = 1, d = 10%, in the first period: sum_{t>=1} (1/(t+1)) / 1.1^(t-1).
 * discountedExpectedResidualLifetime({ parameters: { alpha: 1, beta: 1 } }, { discountRate: 0.1 }); // => ~1.8015
 * // The "high end" cohort of Fader & Hardie (2007), after 4 renewals, 10% per year:
 * discountedExpectedResidualLifetime({ parameters: { alpha: 0.668, beta: 3.806 } }, { renewals: 4, discountRate: 0.1 }); // => ~6.897
 * ```
 */
export function discountedExpectedResidualLifetime(model: {
  readonly parameters: ShiftedBetaGeometricParameters;
}, options: DiscountedExpectedResidualLifetimeOptions): number {
  if (stryMutAct_9fa48("599")) {
    {}
  } else {
    stryCov_9fa48("599");
    const issues = new IssueList();
    const params = checkModelParameters(model, stryMutAct_9fa48("600") ? "" : (stryCov_9fa48("600"), 'model'), stryMutAct_9fa48("601") ? "" : (stryCov_9fa48("601"), 'shifted-beta-geometric'), stryMutAct_9fa48("602") ? [] : (stryCov_9fa48("602"), [stryMutAct_9fa48("603") ? "" : (stryCov_9fa48("603"), 'alpha'), stryMutAct_9fa48("604") ? "" : (stryCov_9fa48("604"), 'beta')]), issues);
    const opts = parseInput(schema, options, stryMutAct_9fa48("605") ? "" : (stryCov_9fa48("605"), 'options'), issues);
    issues.throwIfAny();
    const {
      renewals = 0,
      discountRate
    } = opts as DiscountedExpectedResidualLifetimeOptions;
    return sbgDerl(params as ShiftedBetaGeometricParameters, renewals, discountRate);
  }
}