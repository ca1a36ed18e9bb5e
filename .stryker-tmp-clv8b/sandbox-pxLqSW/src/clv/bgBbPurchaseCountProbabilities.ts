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
import { bgBbFrequencyProbabilities } from './_internal/bgBbKernel.js';
import { checkModelParameters } from './_internal/modelChecks.js';
import type { BgBbParameters } from './fitBgBb.js';

/** Options of {@link bgBbPurchaseCountProbabilities}. */
export interface BgBbPurchaseCountProbabilitiesOptions {
  /** The number of transaction opportunities n after the first transaction (at most 2,000). Required. */
  opportunities: number;
}
const schema = z.strictObject(stryMutAct_9fa48("234") ? {} : (stryCov_9fa48("234"), {
  opportunities: numberSchema(stryMutAct_9fa48("235") ? {} : (stryCov_9fa48("235"), {
    integer: stryMutAct_9fa48("236") ? false : (stryCov_9fa48("236"), true),
    min: 0,
    max: 2000
  }))
}));

/**
 * The distribution of the number of repeat transactions of a customer just acquired, in her first
 * n transaction opportunities, under a BG/BB model.
 *
 * Definition: P(X(n) = x) = C(n, x) B(alpha + x, beta + n - x)/B(alpha, beta) * B(gamma, delta + n)/B(gamma, delta)
 *   + sum_{i=x}^{n-1} C(i, x) B(alpha + x, beta + i - x)/B(alpha, beta) * B(gamma + 1, delta + i)/B(gamma, delta),
 * for x = 0 .. n: alive through n with x transactions, or dead after opportunity i with x
 * transactions up to then.
 *
 * Cost: O(n^2).
 *
 * ## Method
 * Log space; each probability is a log-sum-exp of positive terms.
 *
 * ## Accuracy
 * Absolute error below 1e-13 per probability for n up to 1,000 (checked against mpmath).
 *
 * @param model - A fitted model ({@link fitBgBb}) or `{ parameters: { alpha, beta, gamma, delta } }`.
 * @param options - See {@link BgBbPurchaseCountProbabilitiesOptions}.
 * @returns P(X(n) = x) at index x, x = 0 .. n; the values add up to 1.
 * @throws {@link MetricsInputError} for invalid parameters or `opportunities`.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), Marketing Science 29(6), eq. 7.
 * @example
 * ```ts
 * import { bgBbPurchaseCountProbabilities } from 'customer-metrics';
 * const model = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
 * const p = bgBbPurchaseCountProbabilities(model, { opportunities: 6 });
 * p.length; // => 7
 * p[0]; // => ~0.311
 * ```
 */
export function bgBbPurchaseCountProbabilities(model: {
  readonly parameters: BgBbParameters;
}, options: BgBbPurchaseCountProbabilitiesOptions): number[] {
  if (stryMutAct_9fa48("237")) {
    {}
  } else {
    stryCov_9fa48("237");
    const issues = new IssueList();
    const p = checkModelParameters(model, stryMutAct_9fa48("238") ? "" : (stryCov_9fa48("238"), 'model'), stryMutAct_9fa48("239") ? "" : (stryCov_9fa48("239"), 'bg-bb'), stryMutAct_9fa48("240") ? [] : (stryCov_9fa48("240"), [stryMutAct_9fa48("241") ? "" : (stryCov_9fa48("241"), 'alpha'), stryMutAct_9fa48("242") ? "" : (stryCov_9fa48("242"), 'beta'), stryMutAct_9fa48("243") ? "" : (stryCov_9fa48("243"), 'gamma'), stryMutAct_9fa48("244") ? "" : (stryCov_9fa48("244"), 'delta')]), issues);
    const opts = parseInput(schema, options, stryMutAct_9fa48("245") ? "" : (stryCov_9fa48("245"), 'options'), issues);
    issues.throwIfAny();
    return Array.from(bgBbFrequencyProbabilities(p as BgBbParameters, (opts as BgBbPurchaseCountProbabilitiesOptions).opportunities));
  }
}