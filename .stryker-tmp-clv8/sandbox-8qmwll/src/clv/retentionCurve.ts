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
import type { ShiftedBetaGeometricParameters } from './fitShiftedBetaGeometric.js';

/** Options of {@link retentionCurve}. */
export interface RetentionCurveOptions {
  /**
   * The number of periods: the result holds r(1) .. r(periods).
   *
   * @defaultValue 12
   */
  periods?: number;
}
const schema = optionsSchema(stryMutAct_9fa48("812") ? {} : (stryCov_9fa48("812"), {
  periods: numberSchema(stryMutAct_9fa48("813") ? {} : (stryCov_9fa48("813"), {
    integer: stryMutAct_9fa48("814") ? false : (stryCov_9fa48("814"), true),
    min: 0,
    max: 1_000_000
  })).optional()
}));

/**
 * The period-by-period retention rate of a cohort under a shifted-beta-geometric model.
 *
 * Definition: r(t) = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1), the share of the
 * customers active in period t who renew at its end. It rises with t even though no individual's
 * churn probability changes: the customers most likely to churn leave first (the "ruse of
 * heterogeneity").
 *
 * Cost: O(periods).
 *
 * ## Method
 * The closed form above, term by term.
 *
 * ## Accuracy
 * Correctly rounded up to a few units in the last place.
 *
 * @param model - A fitted model ({@link fitShiftedBetaGeometric}) or `{ parameters: { alpha, beta } }`.
 * @param options - See {@link RetentionCurveOptions}.
 * @returns r(1) .. r(periods); index i holds r(i + 1).
 * @throws {@link MetricsInputError} when the parameters are not positive finite numbers or the
 *   options are invalid.
 * @see Fader, P. S. & Hardie, B. G. S. (2007), "How to project customer retention", Journal of
 *   Interactive Marketing 21(1), eq. 4.
 * @example
 * ```ts
 * import { retentionCurve } from 'customer-metrics';
 * // alpha = 1, beta = 1: r(t) = t / (t + 1).
 * retentionCurve({ parameters: { alpha: 1, beta: 1 } }, { periods: 3 }); // => [0.5, 0.6666666666666666, 0.75]
 * const regular = retentionCurve({ parameters: { alpha: 0.704, beta: 1.182 } }, { periods: 2 });
 * regular[0]; // => ~0.627
 * ```
 */
export function retentionCurve(model: {
  readonly parameters: ShiftedBetaGeometricParameters;
}, options?: RetentionCurveOptions): number[] {
  if (stryMutAct_9fa48("815")) {
    {}
  } else {
    stryCov_9fa48("815");
    const issues = new IssueList();
    const params = checkModelParameters(model, stryMutAct_9fa48("816") ? "" : (stryCov_9fa48("816"), 'model'), stryMutAct_9fa48("817") ? "" : (stryCov_9fa48("817"), 'shifted-beta-geometric'), stryMutAct_9fa48("818") ? [] : (stryCov_9fa48("818"), [stryMutAct_9fa48("819") ? "" : (stryCov_9fa48("819"), 'alpha'), stryMutAct_9fa48("820") ? "" : (stryCov_9fa48("820"), 'beta')]), issues);
    const opts = parseInput(schema, options, stryMutAct_9fa48("821") ? "" : (stryCov_9fa48("821"), 'options'), issues);
    issues.throwIfAny();
    const {
      alpha,
      beta
    } = params as ShiftedBetaGeometricParameters;
    const periods = stryMutAct_9fa48("822") ? opts?.periods && 12 : (stryCov_9fa48("822"), (stryMutAct_9fa48("823") ? opts.periods : (stryCov_9fa48("823"), opts?.periods)) ?? 12);
    const out: number[] = stryMutAct_9fa48("824") ? ["Stryker was here"] : (stryCov_9fa48("824"), []);
    for (let t = 1; stryMutAct_9fa48("827") ? t > periods : stryMutAct_9fa48("826") ? t < periods : stryMutAct_9fa48("825") ? false : (stryCov_9fa48("825", "826", "827"), t <= periods); stryMutAct_9fa48("828") ? t-- : (stryCov_9fa48("828"), t++)) out.push(stryMutAct_9fa48("829") ? (beta + t - 1) * (alpha + beta + t - 1) : (stryCov_9fa48("829"), (stryMutAct_9fa48("830") ? beta + t + 1 : (stryCov_9fa48("830"), (stryMutAct_9fa48("831") ? beta - t : (stryCov_9fa48("831"), beta + t)) - 1)) / (stryMutAct_9fa48("832") ? alpha + beta + t + 1 : (stryCov_9fa48("832"), (stryMutAct_9fa48("833") ? alpha + beta - t : (stryCov_9fa48("833"), (stryMutAct_9fa48("834") ? alpha - beta : (stryCov_9fa48("834"), alpha + beta)) + t)) - 1))));
    return out;
  }
}