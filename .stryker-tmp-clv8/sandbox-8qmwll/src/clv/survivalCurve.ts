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
import { IssueList, numberSchema, optionsSchema, parseInput } from '../_lib/validate.js';
import { checkModelParameters } from './_internal/modelChecks.js';
import { sbgSurvival } from './_internal/sbgKernel.js';
import type { ShiftedBetaGeometricParameters } from './fitShiftedBetaGeometric.js';

/** Options of {@link survivalCurve}. */
export interface SurvivalCurveOptions {
  /**
   * The last period of the curve: the result holds S(0) .. S(periods).
   *
   * @defaultValue 12
   */
  periods?: number;
}
const schema = optionsSchema(stryMutAct_9fa48("835") ? {} : (stryCov_9fa48("835"), {
  periods: numberSchema(stryMutAct_9fa48("836") ? {} : (stryCov_9fa48("836"), {
    integer: stryMutAct_9fa48("837") ? false : (stryCov_9fa48("837"), true),
    min: 0,
    max: 1_000_000
  })).optional()
}));

/**
 * The share of a cohort still active after each period under a shifted-beta-geometric model.
 *
 * Definition: S(t) = P(T > t) = B(alpha, beta + t) / B(alpha, beta), the probability that a customer
 * acquired at the start of period 1 has renewed t times, computed with the recursion
 * S(t) = S(t - 1) (beta + t - 1) / (alpha + beta + t - 1), S(0) = 1. Under the model the curve is
 * non-increasing and flattens out, because the customers who remain are the loyal ones.
 *
 * Cost: O(periods).
 *
 * ## Method
 * The product recursion above; no special functions.
 *
 * ## Accuracy
 * Relative error below 1e-13 for up to 10,000 periods (one rounding per factor).
 *
 * @param model - A fitted model ({@link fitShiftedBetaGeometric}) or `{ parameters: { alpha, beta } }`.
 * @param options - See {@link SurvivalCurveOptions}.
 * @returns S(0) .. S(periods); index t holds S(t).
 * @throws {@link MetricsInputError} when the parameters are not positive finite numbers or the
 *   options are invalid.
 * @see Fader, P. S. & Hardie, B. G. S. (2007), "How to project customer retention", Journal of
 *   Interactive Marketing 21(1), eq. 3.
 * @example
 * ```ts
 * import { survivalCurve } from 'customer-metrics';
 * // alpha = 1, beta = 1: S(t) = 1 / (t + 1).
 * survivalCurve({ parameters: { alpha: 1, beta: 1 } }, { periods: 3 }); // => [1, 0.5, 0.3333333333333333, 0.25]
 * const high = survivalCurve({ parameters: { alpha: 0.668, beta: 3.806 } }, { periods: 7 });
 * high[7]; // => ~0.489
 * ```
 */
export function survivalCurve(model: {
  readonly parameters: ShiftedBetaGeometricParameters;
}, options?: SurvivalCurveOptions): number[] {
  if (stryMutAct_9fa48("838")) {
    {}
  } else {
    stryCov_9fa48("838");
    const issues = new IssueList();
    const params = checkModelParameters(model, stryMutAct_9fa48("839") ? "" : (stryCov_9fa48("839"), 'model'), stryMutAct_9fa48("840") ? "" : (stryCov_9fa48("840"), 'shifted-beta-geometric'), stryMutAct_9fa48("841") ? [] : (stryCov_9fa48("841"), [stryMutAct_9fa48("842") ? "" : (stryCov_9fa48("842"), 'alpha'), stryMutAct_9fa48("843") ? "" : (stryCov_9fa48("843"), 'beta')]), issues);
    const opts = parseInput(schema, options, stryMutAct_9fa48("844") ? "" : (stryCov_9fa48("844"), 'options'), issues);
    issues.throwIfAny();
    return Array.from(sbgSurvival(params as ShiftedBetaGeometricParameters, stryMutAct_9fa48("845") ? opts?.periods && 12 : (stryCov_9fa48("845"), (stryMutAct_9fa48("846") ? opts.periods : (stryCov_9fa48("846"), opts?.periods)) ?? 12)));
  }
}