/**
 * The maximum likelihood machinery shared by the BG/BB and sBG fitters: minimise the negative
 * log-likelihood over log-parameters with the project optimizer, then standard errors and the
 * covariance from the Hessian on the log scale, transformed by the delta method.
 *
 * @internal
 * @module
 */
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
import { covarianceFromLogScale, hessianFromGradient, invertPositiveDefinite, minimize, type OptimizationReport } from '../../_lib/optimize.js';

/** ln L and its gradient with respect to the log-parameters (written into `gradient`). */
export type LogLikelihoodFn = (theta: Float64Array, gradient: Float64Array) => number;

/** The result of {@link fitLogParameters}. */
export interface LogScaleFit {
  theta: number[];
  logLikelihood: number;
  standardErrors: number[] | undefined;
  covariance: number[][] | undefined;
  convergence: OptimizationReport;
}

/** Maximises `logLikelihood` over theta = exp(phi) from `starts` (natural scale). */
export function fitLogParameters(logLikelihood: LogLikelihoodFn, starts: readonly (readonly number[])[], tolerance: number, maxIterations: number): LogScaleFit {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const dim = (starts[0] as readonly number[]).length;
    const theta = new Float64Array(dim);
    const grad = new Float64Array(dim);
    const objective = (phi: Float64Array, g: Float64Array): number => {
      if (stryMutAct_9fa48("1")) {
        {}
      } else {
        stryCov_9fa48("1");
        for (let k = 0; stryMutAct_9fa48("4") ? k >= dim : stryMutAct_9fa48("3") ? k <= dim : stryMutAct_9fa48("2") ? false : (stryCov_9fa48("2", "3", "4"), k < dim); stryMutAct_9fa48("5") ? k-- : (stryCov_9fa48("5"), k++)) theta[k] = Math.exp(phi[k] as number);
        const ll = logLikelihood(theta, grad);
        for (let k = 0; stryMutAct_9fa48("8") ? k >= dim : stryMutAct_9fa48("7") ? k <= dim : stryMutAct_9fa48("6") ? false : (stryCov_9fa48("6", "7", "8"), k < dim); stryMutAct_9fa48("9") ? k-- : (stryCov_9fa48("9"), k++)) g[k] = stryMutAct_9fa48("10") ? +(grad[k] as number) : (stryCov_9fa48("10"), -(grad[k] as number));
        return Number.isFinite(ll) ? stryMutAct_9fa48("11") ? +ll : (stryCov_9fa48("11"), -ll) : Number.NaN;
      }
    };
    const result = minimize(objective, stryMutAct_9fa48("12") ? {} : (stryCov_9fa48("12"), {
      starts: starts.map(stryMutAct_9fa48("13") ? () => undefined : (stryCov_9fa48("13"), s => s.map(Math.log))),
      gradientTolerance: tolerance,
      maxIterations
    }));
    const estimate = Array.from(result.x, Math.exp);
    const inverse = invertPositiveDefinite(hessianFromGradient(objective, result.x));
    const covariance = (stryMutAct_9fa48("16") ? inverse !== undefined : stryMutAct_9fa48("15") ? false : stryMutAct_9fa48("14") ? true : (stryCov_9fa48("14", "15", "16"), inverse === undefined)) ? undefined : covarianceFromLogScale(inverse, estimate);
    const standardErrors = stryMutAct_9fa48("17") ? covariance.map((row, i) => Math.sqrt(Math.max(0, row[i] as number))) : (stryCov_9fa48("17"), covariance?.map(stryMutAct_9fa48("18") ? () => undefined : (stryCov_9fa48("18"), (row, i) => Math.sqrt(stryMutAct_9fa48("19") ? Math.min(0, row[i] as number) : (stryCov_9fa48("19"), Math.max(0, row[i] as number))))));
    return stryMutAct_9fa48("20") ? {} : (stryCov_9fa48("20"), {
      theta: estimate,
      logLikelihood: stryMutAct_9fa48("21") ? +result.value : (stryCov_9fa48("21"), -result.value),
      standardErrors,
      covariance,
      convergence: result.report
    });
  }
}