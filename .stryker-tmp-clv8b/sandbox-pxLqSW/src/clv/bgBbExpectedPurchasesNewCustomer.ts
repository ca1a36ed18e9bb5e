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
import { bgBbExpectedNew } from './_internal/bgBbKernel.js';
import { checkModelParameters } from './_internal/modelChecks.js';
import type { BgBbParameters } from './fitBgBb.js';

/** Options of {@link bgBbExpectedPurchasesNewCustomer}. */
export interface BgBbExpectedPurchasesNewCustomerOptions {
  /** The number of transaction opportunities n after the first transaction. Required. */
  opportunities: number;
}
const schema = z.strictObject(stryMutAct_9fa48("153") ? {} : (stryCov_9fa48("153"), {
  opportunities: numberSchema(stryMutAct_9fa48("154") ? {} : (stryCov_9fa48("154"), {
    integer: stryMutAct_9fa48("155") ? false : (stryCov_9fa48("155"), true),
    min: 0,
    max: 10_000_000
  }))
}));

/**
 * The expected number of repeat transactions of a customer just acquired, in her first n
 * transaction opportunities, under a BG/BB model.
 *
 * Definition: E[X(n)] = alpha/(alpha + beta) * sum_{t=1}^{n} B(gamma, delta + t)/B(gamma, delta),
 * the sum over opportunities of P(transact) * P(alive). The distribution of X(n) is
 * {@link bgBbPurchaseCountProbabilities}.
 *
 * Cost: O(min(n, 1000)).
 *
 * ## Method
 * Log space; the survival sum is added term by term up to 1,000 opportunities (or gamma near 1)
 * and taken in its telescoped closed form beyond.
 *
 * ## Accuracy
 * Relative error about 1e-13 up to 1,000 opportunities, below 1e-6 up to the limit of 10 million.
 *
 * @param model - A fitted model ({@link fitBgBb}) or `{ parameters: { alpha, beta, gamma, delta } }`.
 * @param options - See {@link BgBbExpectedPurchasesNewCustomerOptions}.
 * @returns E[X(n)], between 0 and n.
 * @throws {@link MetricsInputError} for invalid parameters or `opportunities`.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), Marketing Science 29(6), eq. 8.
 * @example
 * ```ts
 * import { bgBbExpectedPurchasesNewCustomer } from 'customer-metrics';
 * const model = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
 * bgBbExpectedPurchasesNewCustomer(model, { opportunities: 6 }); // => ~2.22
 * ```
 */
export function bgBbExpectedPurchasesNewCustomer(model: {
  readonly parameters: BgBbParameters;
}, options: BgBbExpectedPurchasesNewCustomerOptions): number {
  if (stryMutAct_9fa48("156")) {
    {}
  } else {
    stryCov_9fa48("156");
    const issues = new IssueList();
    const p = checkModelParameters(model, stryMutAct_9fa48("157") ? "" : (stryCov_9fa48("157"), 'model'), stryMutAct_9fa48("158") ? "" : (stryCov_9fa48("158"), 'bg-bb'), stryMutAct_9fa48("159") ? [] : (stryCov_9fa48("159"), [stryMutAct_9fa48("160") ? "" : (stryCov_9fa48("160"), 'alpha'), stryMutAct_9fa48("161") ? "" : (stryCov_9fa48("161"), 'beta'), stryMutAct_9fa48("162") ? "" : (stryCov_9fa48("162"), 'gamma'), stryMutAct_9fa48("163") ? "" : (stryCov_9fa48("163"), 'delta')]), issues);
    const opts = parseInput(schema, options, stryMutAct_9fa48("164") ? "" : (stryCov_9fa48("164"), 'options'), issues);
    issues.throwIfAny();
    const n = (opts as BgBbExpectedPurchasesNewCustomerOptions).opportunities;
    return bgBbExpectedNew(p as BgBbParameters, n);
  }
}