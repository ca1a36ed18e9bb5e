/**
 * Minimisation of smooth functions of a few unconstrained variables, and the covariance of maximum
 * likelihood estimates. Used by the model fitters; never prints, never throws for non-convergence.
 *
 * ## API
 * - `minimize(objective, { starts, gradientTolerance?, maxIterations? })`: quasi-Newton (BFGS) from
 *   each start, Nelder-Mead when BFGS stalls; returns the best point with an
 *   {@link OptimizationReport} (converged, method, iterations, evaluations, gradient norm, reason).
 *   The objective writes its analytic gradient into `grad` and returns the value; it may return
 *   `Infinity` or `NaN` for points it cannot evaluate (the line search steps back).
 * - `hessianFromGradient(objective, x)`: the Hessian by central differences of the analytic
 *   gradient, symmetrised.
 * - `invertPositiveDefinite(matrix)`: the inverse by Cholesky, or `undefined` when the matrix is not
 *   positive definite (a flat or saddle direction: standard errors do not exist).
 * - `covarianceFromLogScale(covariance, jacobian)`: the delta method for theta_i = g_i(phi_i):
 *   Cov(theta)_ij = g_i'(phi_i) g_j'(phi_j) Cov(phi)_ij (off-diagonal terms included). For
 *   log-parameters theta = exp(phi), g' = theta.
 *
 * Models minimise the negative log-likelihood over phi = ln(theta), so every parameter stays positive
 * and the problem is better conditioned; the Hessian is taken on that scale and transformed.
 *
 * ## Method
 * BFGS with the inverse-Hessian update, the initial matrix scaled by s'y / y'y after the first step
 * (Nocedal & Wright 2006, 6.20), a backtracking Armijo line search with quadratic interpolation
 * (steps capped at 10 in every coordinate, which is a factor e^10 on the natural scale), updates
 * skipped when the curvature s'y is not positive. Converged when max|gradient| <=
 * gradientTolerance * max(1, |f|), which makes the test independent of the number of customers in
 * a total log-likelihood. When BFGS stops for another reason, Nelder-Mead (Lagarias et al. 1998
 * coefficients) continues from its best point and BFGS is tried once more from there.
 *
 * @internal
 * @module
 */
// @ts-nocheck


/** An objective: returns f(x) and writes the gradient into `grad` (length of x). */function stryNS_9fa48() {
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
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Why the optimizer stopped. */
export type StopReason = 'gradient-tolerance' | 'no-progress' | 'max-iterations' | 'line-search-failed' | 'non-finite-start';

/** How a fit's optimisation went: part of every fitted model. */
export interface OptimizationReport {
  /** Whether the gradient test was met at the returned point. */
  readonly converged: boolean;
  /** The method that produced the returned point. */
  readonly method: 'bfgs' | 'nelder-mead';
  /** Iterations over all starts and methods. */
  readonly iterations: number;
  /** Objective evaluations over all starts and methods. */
  readonly functionEvaluations: number;
  /** max |gradient| on the optimisation scale (log-parameters) at the returned point. */
  readonly gradientNorm: number;
  /** Why the run that produced the returned point stopped. */
  readonly reason: StopReason;
  /** Number of starting points tried. */
  readonly starts: number;
}

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** Starting points (at least one), each of the problem's dimension. */
  readonly starts: readonly (readonly number[])[];
  /** Relative gradient tolerance: stop when max|g| <= tol * max(1, |f|). Default 1e-9. */
  readonly gradientTolerance?: number;
  /** Iterations per BFGS run. Default 500. */
  readonly maxIterations?: number;
}

/** The best point found. */
export interface MinimizeResult {
  /** The minimiser. */
  readonly x: Float64Array;
  /** f at x. */
  readonly value: number;
  /** The convergence report. */
  readonly report: OptimizationReport;
}
interface RunResult {
  x: Float64Array;
  f: number;
  gnorm: number;
  iterations: number;
  evaluations: number;
  reason: StopReason;
  converged: boolean;
}
function maxAbs(v: Float64Array): number {
  if (stryMutAct_9fa48("615")) {
    {}
  } else {
    stryCov_9fa48("615");
    let m = 0;
    for (let i = 0; stryMutAct_9fa48("618") ? i >= v.length : stryMutAct_9fa48("617") ? i <= v.length : stryMutAct_9fa48("616") ? false : (stryCov_9fa48("616", "617", "618"), i < v.length); stryMutAct_9fa48("619") ? i-- : (stryCov_9fa48("619"), i++)) {
      if (stryMutAct_9fa48("620")) {
        {}
      } else {
        stryCov_9fa48("620");
        const a = Math.abs(v[i] as number);
        if (stryMutAct_9fa48("623") ? a > m && a !== a : stryMutAct_9fa48("622") ? false : stryMutAct_9fa48("621") ? true : (stryCov_9fa48("621", "622", "623"), (stryMutAct_9fa48("626") ? a <= m : stryMutAct_9fa48("625") ? a >= m : stryMutAct_9fa48("624") ? false : (stryCov_9fa48("624", "625", "626"), a > m)) || (stryMutAct_9fa48("628") ? a === a : stryMutAct_9fa48("627") ? false : (stryCov_9fa48("627", "628"), a !== a)))) m = (stryMutAct_9fa48("631") ? a === a : stryMutAct_9fa48("630") ? false : stryMutAct_9fa48("629") ? true : (stryCov_9fa48("629", "630", "631"), a !== a)) ? Infinity : a;
      }
    }
    return m;
  }
}
function bfgs(fn: Objective, start: Float64Array, gtol: number, maxIterations: number): RunResult {
  if (stryMutAct_9fa48("632")) {
    {}
  } else {
    stryCov_9fa48("632");
    const n = start.length;
    let x = Float64Array.from(start);
    let g = new Float64Array(n);
    let f = fn(x, g);
    let evaluations = 1;
    if (stryMutAct_9fa48("635") ? !Number.isFinite(f) && !Number.isFinite(maxAbs(g)) : stryMutAct_9fa48("634") ? false : stryMutAct_9fa48("633") ? true : (stryCov_9fa48("633", "634", "635"), (stryMutAct_9fa48("636") ? Number.isFinite(f) : (stryCov_9fa48("636"), !Number.isFinite(f))) || (stryMutAct_9fa48("637") ? Number.isFinite(maxAbs(g)) : (stryCov_9fa48("637"), !Number.isFinite(maxAbs(g)))))) {
      if (stryMutAct_9fa48("638")) {
        {}
      } else {
        stryCov_9fa48("638");
        return stryMutAct_9fa48("639") ? {} : (stryCov_9fa48("639"), {
          x,
          f: Infinity,
          gnorm: Infinity,
          iterations: 0,
          evaluations,
          reason: stryMutAct_9fa48("640") ? "" : (stryCov_9fa48("640"), 'non-finite-start'),
          converged: stryMutAct_9fa48("641") ? true : (stryCov_9fa48("641"), false)
        });
      }
    }
    const H = new Float64Array(stryMutAct_9fa48("642") ? n / n : (stryCov_9fa48("642"), n * n));
    for (let i = 0; stryMutAct_9fa48("645") ? i >= n : stryMutAct_9fa48("644") ? i <= n : stryMutAct_9fa48("643") ? false : (stryCov_9fa48("643", "644", "645"), i < n); stryMutAct_9fa48("646") ? i-- : (stryCov_9fa48("646"), i++)) H[stryMutAct_9fa48("647") ? i * n - i : (stryCov_9fa48("647"), (stryMutAct_9fa48("648") ? i / n : (stryCov_9fa48("648"), i * n)) + i)] = 1;
    const d = new Float64Array(n);
    const xNew = new Float64Array(n);
    let gNew = new Float64Array(n);
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    const Hy = new Float64Array(n);
    let firstStep = stryMutAct_9fa48("649") ? false : (stryCov_9fa48("649"), true);
    let stalls = 0;
    for (let iter = 0; stryMutAct_9fa48("652") ? iter >= maxIterations : stryMutAct_9fa48("651") ? iter <= maxIterations : stryMutAct_9fa48("650") ? false : (stryCov_9fa48("650", "651", "652"), iter < maxIterations); stryMutAct_9fa48("653") ? iter-- : (stryCov_9fa48("653"), iter++)) {
      if (stryMutAct_9fa48("654")) {
        {}
      } else {
        stryCov_9fa48("654");
        const gnorm = maxAbs(g);
        if (stryMutAct_9fa48("658") ? gnorm > gtol * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("657") ? gnorm < gtol * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("656") ? false : stryMutAct_9fa48("655") ? true : (stryCov_9fa48("655", "656", "657", "658"), gnorm <= (stryMutAct_9fa48("659") ? gtol / Math.max(1, Math.abs(f)) : (stryCov_9fa48("659"), gtol * (stryMutAct_9fa48("660") ? Math.min(1, Math.abs(f)) : (stryCov_9fa48("660"), Math.max(1, Math.abs(f)))))))) {
          if (stryMutAct_9fa48("661")) {
            {}
          } else {
            stryCov_9fa48("661");
            return stryMutAct_9fa48("662") ? {} : (stryCov_9fa48("662"), {
              x,
              f,
              gnorm,
              iterations: iter,
              evaluations,
              reason: stryMutAct_9fa48("663") ? "" : (stryCov_9fa48("663"), 'gradient-tolerance'),
              converged: stryMutAct_9fa48("664") ? false : (stryCov_9fa48("664"), true)
            });
          }
        }
        // Direction d = -H g; fall back to steepest descent when it is not a descent direction.
        let slope = 0;
        for (let i = 0; stryMutAct_9fa48("667") ? i >= n : stryMutAct_9fa48("666") ? i <= n : stryMutAct_9fa48("665") ? false : (stryCov_9fa48("665", "666", "667"), i < n); stryMutAct_9fa48("668") ? i-- : (stryCov_9fa48("668"), i++)) {
          if (stryMutAct_9fa48("669")) {
            {}
          } else {
            stryCov_9fa48("669");
            let sum = 0;
            for (let j = 0; stryMutAct_9fa48("672") ? j >= n : stryMutAct_9fa48("671") ? j <= n : stryMutAct_9fa48("670") ? false : (stryCov_9fa48("670", "671", "672"), j < n); stryMutAct_9fa48("673") ? j-- : (stryCov_9fa48("673"), j++)) stryMutAct_9fa48("674") ? sum += (H[i * n + j] as number) * (g[j] as number) : (stryCov_9fa48("674"), sum -= stryMutAct_9fa48("675") ? (H[i * n + j] as number) / (g[j] as number) : (stryCov_9fa48("675"), (H[i * n + j] as number) * (g[j] as number)));
            d[i] = sum;
            stryMutAct_9fa48("676") ? slope -= sum * (g[i] as number) : (stryCov_9fa48("676"), slope += stryMutAct_9fa48("677") ? sum / (g[i] as number) : (stryCov_9fa48("677"), sum * (g[i] as number)));
          }
        }
        if (stryMutAct_9fa48("680") ? false : stryMutAct_9fa48("679") ? true : stryMutAct_9fa48("678") ? slope < 0 : (stryCov_9fa48("678", "679", "680"), !(stryMutAct_9fa48("684") ? slope >= 0 : stryMutAct_9fa48("683") ? slope <= 0 : stryMutAct_9fa48("682") ? false : stryMutAct_9fa48("681") ? true : (stryCov_9fa48("681", "682", "683", "684"), slope < 0)))) {
          if (stryMutAct_9fa48("685")) {
            {}
          } else {
            stryCov_9fa48("685");
            H.fill(0);
            for (let i = 0; stryMutAct_9fa48("688") ? i >= n : stryMutAct_9fa48("687") ? i <= n : stryMutAct_9fa48("686") ? false : (stryCov_9fa48("686", "687", "688"), i < n); stryMutAct_9fa48("689") ? i-- : (stryCov_9fa48("689"), i++)) {
              if (stryMutAct_9fa48("690")) {
                {}
              } else {
                stryCov_9fa48("690");
                H[stryMutAct_9fa48("691") ? i * n - i : (stryCov_9fa48("691"), (stryMutAct_9fa48("692") ? i / n : (stryCov_9fa48("692"), i * n)) + i)] = 1;
                d[i] = stryMutAct_9fa48("693") ? +(g[i] as number) : (stryCov_9fa48("693"), -(g[i] as number));
              }
            }
            slope = stryMutAct_9fa48("694") ? +(g as Float64Array).reduce((acc, v) => acc + v * v, 0) : (stryCov_9fa48("694"), -(g as Float64Array).reduce(stryMutAct_9fa48("695") ? () => undefined : (stryCov_9fa48("695"), (acc, v) => stryMutAct_9fa48("696") ? acc - v * v : (stryCov_9fa48("696"), acc + (stryMutAct_9fa48("697") ? v / v : (stryCov_9fa48("697"), v * v)))), 0));
          }
        }
        // Step length: cap each coordinate's move at 10; the first step is scaled to a unit move.
        let step = 1;
        const dmax = maxAbs(d);
        if (stryMutAct_9fa48("701") ? dmax * step <= 10 : stryMutAct_9fa48("700") ? dmax * step >= 10 : stryMutAct_9fa48("699") ? false : stryMutAct_9fa48("698") ? true : (stryCov_9fa48("698", "699", "700", "701"), (stryMutAct_9fa48("702") ? dmax / step : (stryCov_9fa48("702"), dmax * step)) > 10)) step = stryMutAct_9fa48("703") ? 10 * dmax : (stryCov_9fa48("703"), 10 / dmax);
        if (stryMutAct_9fa48("705") ? false : stryMutAct_9fa48("704") ? true : (stryCov_9fa48("704", "705"), firstStep)) step = stryMutAct_9fa48("706") ? Math.max(step, 1 / Math.max(dmax, 1e-12)) : (stryCov_9fa48("706"), Math.min(step, stryMutAct_9fa48("707") ? 1 * Math.max(dmax, 1e-12) : (stryCov_9fa48("707"), 1 / (stryMutAct_9fa48("708") ? Math.min(dmax, 1e-12) : (stryCov_9fa48("708"), Math.max(dmax, 1e-12))))));
        let fNew = Infinity;
        let accepted = stryMutAct_9fa48("709") ? true : (stryCov_9fa48("709"), false);
        for (let tries = 0; stryMutAct_9fa48("712") ? tries >= 60 : stryMutAct_9fa48("711") ? tries <= 60 : stryMutAct_9fa48("710") ? false : (stryCov_9fa48("710", "711", "712"), tries < 60); stryMutAct_9fa48("713") ? tries-- : (stryCov_9fa48("713"), tries++)) {
          if (stryMutAct_9fa48("714")) {
            {}
          } else {
            stryCov_9fa48("714");
            for (let i = 0; stryMutAct_9fa48("717") ? i >= n : stryMutAct_9fa48("716") ? i <= n : stryMutAct_9fa48("715") ? false : (stryCov_9fa48("715", "716", "717"), i < n); stryMutAct_9fa48("718") ? i-- : (stryCov_9fa48("718"), i++)) xNew[i] = stryMutAct_9fa48("719") ? (x[i] as number) - step * (d[i] as number) : (stryCov_9fa48("719"), (x[i] as number) + (stryMutAct_9fa48("720") ? step / (d[i] as number) : (stryCov_9fa48("720"), step * (d[i] as number))));
            fNew = fn(xNew, gNew);
            stryMutAct_9fa48("721") ? evaluations-- : (stryCov_9fa48("721"), evaluations++);
            if (stryMutAct_9fa48("724") ? Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope || Number.isFinite(maxAbs(gNew)) : stryMutAct_9fa48("723") ? false : stryMutAct_9fa48("722") ? true : (stryCov_9fa48("722", "723", "724"), (stryMutAct_9fa48("726") ? Number.isFinite(fNew) || fNew <= f + 1e-4 * step * slope : stryMutAct_9fa48("725") ? true : (stryCov_9fa48("725", "726"), Number.isFinite(fNew) && (stryMutAct_9fa48("729") ? fNew > f + 1e-4 * step * slope : stryMutAct_9fa48("728") ? fNew < f + 1e-4 * step * slope : stryMutAct_9fa48("727") ? true : (stryCov_9fa48("727", "728", "729"), fNew <= (stryMutAct_9fa48("730") ? f - 1e-4 * step * slope : (stryCov_9fa48("730"), f + (stryMutAct_9fa48("731") ? 1e-4 * step / slope : (stryCov_9fa48("731"), (stryMutAct_9fa48("732") ? 1e-4 / step : (stryCov_9fa48("732"), 1e-4 * step)) * slope)))))))) && Number.isFinite(maxAbs(gNew)))) {
              if (stryMutAct_9fa48("733")) {
                {}
              } else {
                stryCov_9fa48("733");
                accepted = stryMutAct_9fa48("734") ? false : (stryCov_9fa48("734"), true);
                break;
              }
            }
            // Quadratic interpolation of f along d, safeguarded to [0.1, 0.5] of the current step.
            let next = stryMutAct_9fa48("735") ? 0.5 / step : (stryCov_9fa48("735"), 0.5 * step);
            if (stryMutAct_9fa48("737") ? false : stryMutAct_9fa48("736") ? true : (stryCov_9fa48("736", "737"), Number.isFinite(fNew))) {
              if (stryMutAct_9fa48("738")) {
                {}
              } else {
                stryCov_9fa48("738");
                const denom = stryMutAct_9fa48("739") ? 2 / (fNew - f - slope * step) : (stryCov_9fa48("739"), 2 * (stryMutAct_9fa48("740") ? fNew - f + slope * step : (stryCov_9fa48("740"), (stryMutAct_9fa48("741") ? fNew + f : (stryCov_9fa48("741"), fNew - f)) - (stryMutAct_9fa48("742") ? slope / step : (stryCov_9fa48("742"), slope * step)))));
                if (stryMutAct_9fa48("746") ? denom <= 0 : stryMutAct_9fa48("745") ? denom >= 0 : stryMutAct_9fa48("744") ? false : stryMutAct_9fa48("743") ? true : (stryCov_9fa48("743", "744", "745", "746"), denom > 0)) next = stryMutAct_9fa48("747") ? Math.max(0.5 * step, Math.max(0.1 * step, -slope * step * step / denom)) : (stryCov_9fa48("747"), Math.min(stryMutAct_9fa48("748") ? 0.5 / step : (stryCov_9fa48("748"), 0.5 * step), stryMutAct_9fa48("749") ? Math.min(0.1 * step, -slope * step * step / denom) : (stryCov_9fa48("749"), Math.max(stryMutAct_9fa48("750") ? 0.1 / step : (stryCov_9fa48("750"), 0.1 * step), stryMutAct_9fa48("751") ? -slope * step * step * denom : (stryCov_9fa48("751"), (stryMutAct_9fa48("752") ? -slope * step / step : (stryCov_9fa48("752"), (stryMutAct_9fa48("753") ? -slope / step : (stryCov_9fa48("753"), (stryMutAct_9fa48("754") ? +slope : (stryCov_9fa48("754"), -slope)) * step)) * step)) / denom)))));
              }
            } else {
              if (stryMutAct_9fa48("755")) {
                {}
              } else {
                stryCov_9fa48("755");
                next = stryMutAct_9fa48("756") ? 0.1 / step : (stryCov_9fa48("756"), 0.1 * step);
              }
            }
            step = next;
          }
        }
        if (stryMutAct_9fa48("759") ? false : stryMutAct_9fa48("758") ? true : stryMutAct_9fa48("757") ? accepted : (stryCov_9fa48("757", "758", "759"), !accepted)) {
          if (stryMutAct_9fa48("760")) {
            {}
          } else {
            stryCov_9fa48("760");
            const converged = stryMutAct_9fa48("764") ? gnorm > 1e3 * gtol * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("763") ? gnorm < 1e3 * gtol * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("762") ? false : stryMutAct_9fa48("761") ? true : (stryCov_9fa48("761", "762", "763", "764"), gnorm <= (stryMutAct_9fa48("765") ? 1e3 * gtol / Math.max(1, Math.abs(f)) : (stryCov_9fa48("765"), (stryMutAct_9fa48("766") ? 1e3 / gtol : (stryCov_9fa48("766"), 1e3 * gtol)) * (stryMutAct_9fa48("767") ? Math.min(1, Math.abs(f)) : (stryCov_9fa48("767"), Math.max(1, Math.abs(f)))))));
            return stryMutAct_9fa48("768") ? {} : (stryCov_9fa48("768"), {
              x,
              f,
              gnorm,
              iterations: iter,
              evaluations,
              reason: converged ? stryMutAct_9fa48("769") ? "" : (stryCov_9fa48("769"), 'no-progress') : stryMutAct_9fa48("770") ? "" : (stryCov_9fa48("770"), 'line-search-failed'),
              converged
            });
          }
        }
        let sy = 0;
        let yy = 0;
        for (let i = 0; stryMutAct_9fa48("773") ? i >= n : stryMutAct_9fa48("772") ? i <= n : stryMutAct_9fa48("771") ? false : (stryCov_9fa48("771", "772", "773"), i < n); stryMutAct_9fa48("774") ? i-- : (stryCov_9fa48("774"), i++)) {
          if (stryMutAct_9fa48("775")) {
            {}
          } else {
            stryCov_9fa48("775");
            s[i] = stryMutAct_9fa48("776") ? (xNew[i] as number) + (x[i] as number) : (stryCov_9fa48("776"), (xNew[i] as number) - (x[i] as number));
            y[i] = stryMutAct_9fa48("777") ? (gNew[i] as number) + (g[i] as number) : (stryCov_9fa48("777"), (gNew[i] as number) - (g[i] as number));
            stryMutAct_9fa48("778") ? sy -= (s[i] as number) * (y[i] as number) : (stryCov_9fa48("778"), sy += stryMutAct_9fa48("779") ? (s[i] as number) / (y[i] as number) : (stryCov_9fa48("779"), (s[i] as number) * (y[i] as number)));
            stryMutAct_9fa48("780") ? yy -= (y[i] as number) * (y[i] as number) : (stryCov_9fa48("780"), yy += stryMutAct_9fa48("781") ? (y[i] as number) / (y[i] as number) : (stryCov_9fa48("781"), (y[i] as number) * (y[i] as number)));
          }
        }
        const change = stryMutAct_9fa48("782") ? f + fNew : (stryCov_9fa48("782"), f - fNew);
        x = Float64Array.from(xNew);
        const swap = g;
        g = gNew;
        gNew = swap;
        f = fNew;
        if (stryMutAct_9fa48("786") ? sy <= 1e-12 * Math.sqrt(yy) * Math.sqrt(s.reduce((acc, v) => acc + v * v, 0)) : stryMutAct_9fa48("785") ? sy >= 1e-12 * Math.sqrt(yy) * Math.sqrt(s.reduce((acc, v) => acc + v * v, 0)) : stryMutAct_9fa48("784") ? false : stryMutAct_9fa48("783") ? true : (stryCov_9fa48("783", "784", "785", "786"), sy > (stryMutAct_9fa48("787") ? 1e-12 * Math.sqrt(yy) / Math.sqrt(s.reduce((acc, v) => acc + v * v, 0)) : (stryCov_9fa48("787"), (stryMutAct_9fa48("788") ? 1e-12 / Math.sqrt(yy) : (stryCov_9fa48("788"), 1e-12 * Math.sqrt(yy))) * Math.sqrt(s.reduce(stryMutAct_9fa48("789") ? () => undefined : (stryCov_9fa48("789"), (acc, v) => stryMutAct_9fa48("790") ? acc - v * v : (stryCov_9fa48("790"), acc + (stryMutAct_9fa48("791") ? v / v : (stryCov_9fa48("791"), v * v)))), 0)))))) {
          if (stryMutAct_9fa48("792")) {
            {}
          } else {
            stryCov_9fa48("792");
            if (stryMutAct_9fa48("794") ? false : stryMutAct_9fa48("793") ? true : (stryCov_9fa48("793", "794"), firstStep)) {
              if (stryMutAct_9fa48("795")) {
                {}
              } else {
                stryCov_9fa48("795");
                const scale = stryMutAct_9fa48("796") ? sy * yy : (stryCov_9fa48("796"), sy / yy);
                for (let i = 0; stryMutAct_9fa48("799") ? i >= n * n : stryMutAct_9fa48("798") ? i <= n * n : stryMutAct_9fa48("797") ? false : (stryCov_9fa48("797", "798", "799"), i < (stryMutAct_9fa48("800") ? n / n : (stryCov_9fa48("800"), n * n))); stryMutAct_9fa48("801") ? i-- : (stryCov_9fa48("801"), i++)) H[i] = stryMutAct_9fa48("802") ? (H[i] as number) / scale : (stryCov_9fa48("802"), (H[i] as number) * scale);
                firstStep = stryMutAct_9fa48("803") ? true : (stryCov_9fa48("803"), false);
              }
            }
            // H <- (I - rho s y') H (I - rho y s') + rho s s'
            const rho = stryMutAct_9fa48("804") ? 1 * sy : (stryCov_9fa48("804"), 1 / sy);
            let yHy = 0;
            for (let i = 0; stryMutAct_9fa48("807") ? i >= n : stryMutAct_9fa48("806") ? i <= n : stryMutAct_9fa48("805") ? false : (stryCov_9fa48("805", "806", "807"), i < n); stryMutAct_9fa48("808") ? i-- : (stryCov_9fa48("808"), i++)) {
              if (stryMutAct_9fa48("809")) {
                {}
              } else {
                stryCov_9fa48("809");
                let sum = 0;
                for (let j = 0; stryMutAct_9fa48("812") ? j >= n : stryMutAct_9fa48("811") ? j <= n : stryMutAct_9fa48("810") ? false : (stryCov_9fa48("810", "811", "812"), j < n); stryMutAct_9fa48("813") ? j-- : (stryCov_9fa48("813"), j++)) stryMutAct_9fa48("814") ? sum -= (H[i * n + j] as number) * (y[j] as number) : (stryCov_9fa48("814"), sum += stryMutAct_9fa48("815") ? (H[i * n + j] as number) / (y[j] as number) : (stryCov_9fa48("815"), (H[i * n + j] as number) * (y[j] as number)));
                Hy[i] = sum;
                stryMutAct_9fa48("816") ? yHy -= (y[i] as number) * sum : (stryCov_9fa48("816"), yHy += stryMutAct_9fa48("817") ? (y[i] as number) / sum : (stryCov_9fa48("817"), (y[i] as number) * sum));
              }
            }
            for (let i = 0; stryMutAct_9fa48("820") ? i >= n : stryMutAct_9fa48("819") ? i <= n : stryMutAct_9fa48("818") ? false : (stryCov_9fa48("818", "819", "820"), i < n); stryMutAct_9fa48("821") ? i-- : (stryCov_9fa48("821"), i++)) {
              if (stryMutAct_9fa48("822")) {
                {}
              } else {
                stryCov_9fa48("822");
                for (let j = 0; stryMutAct_9fa48("825") ? j >= n : stryMutAct_9fa48("824") ? j <= n : stryMutAct_9fa48("823") ? false : (stryCov_9fa48("823", "824", "825"), j < n); stryMutAct_9fa48("826") ? j-- : (stryCov_9fa48("826"), j++)) {
                  if (stryMutAct_9fa48("827")) {
                    {}
                  } else {
                    stryCov_9fa48("827");
                    H[stryMutAct_9fa48("828") ? i * n - j : (stryCov_9fa48("828"), (stryMutAct_9fa48("829") ? i / n : (stryCov_9fa48("829"), i * n)) + j)] = stryMutAct_9fa48("830") ? (H[i * n + j] as number) - rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) - (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number) : (stryCov_9fa48("830"), (stryMutAct_9fa48("831") ? (H[i * n + j] as number) + rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) : (stryCov_9fa48("831"), (H[i * n + j] as number) - (stryMutAct_9fa48("832") ? rho / ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) : (stryCov_9fa48("832"), rho * (stryMutAct_9fa48("833") ? (Hy[i] as number) * (s[j] as number) - (s[i] as number) * (Hy[j] as number) : (stryCov_9fa48("833"), (stryMutAct_9fa48("834") ? (Hy[i] as number) / (s[j] as number) : (stryCov_9fa48("834"), (Hy[i] as number) * (s[j] as number))) + (stryMutAct_9fa48("835") ? (s[i] as number) / (Hy[j] as number) : (stryCov_9fa48("835"), (s[i] as number) * (Hy[j] as number))))))))) + (stryMutAct_9fa48("836") ? (rho * rho * yHy + rho) * (s[i] as number) / (s[j] as number) : (stryCov_9fa48("836"), (stryMutAct_9fa48("837") ? (rho * rho * yHy + rho) / (s[i] as number) : (stryCov_9fa48("837"), (stryMutAct_9fa48("838") ? rho * rho * yHy - rho : (stryCov_9fa48("838"), (stryMutAct_9fa48("839") ? rho * rho / yHy : (stryCov_9fa48("839"), (stryMutAct_9fa48("840") ? rho / rho : (stryCov_9fa48("840"), rho * rho)) * yHy)) + rho)) * (s[i] as number))) * (s[j] as number))));
                  }
                }
              }
            }
          }
        }
        // Stop when the function no longer moves at double precision for several iterations.
        stalls = (stryMutAct_9fa48("844") ? change > 1e-15 * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("843") ? change < 1e-15 * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("842") ? false : stryMutAct_9fa48("841") ? true : (stryCov_9fa48("841", "842", "843", "844"), change <= (stryMutAct_9fa48("845") ? 1e-15 / Math.max(1, Math.abs(f)) : (stryCov_9fa48("845"), 1e-15 * (stryMutAct_9fa48("846") ? Math.min(1, Math.abs(f)) : (stryCov_9fa48("846"), Math.max(1, Math.abs(f)))))))) ? stryMutAct_9fa48("847") ? stalls - 1 : (stryCov_9fa48("847"), stalls + 1) : 0;
        if (stryMutAct_9fa48("851") ? stalls < 5 : stryMutAct_9fa48("850") ? stalls > 5 : stryMutAct_9fa48("849") ? false : stryMutAct_9fa48("848") ? true : (stryCov_9fa48("848", "849", "850", "851"), stalls >= 5)) {
          if (stryMutAct_9fa48("852")) {
            {}
          } else {
            stryCov_9fa48("852");
            const gn = maxAbs(g);
            const converged = stryMutAct_9fa48("856") ? gn > 1e3 * gtol * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("855") ? gn < 1e3 * gtol * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("854") ? false : stryMutAct_9fa48("853") ? true : (stryCov_9fa48("853", "854", "855", "856"), gn <= (stryMutAct_9fa48("857") ? 1e3 * gtol / Math.max(1, Math.abs(f)) : (stryCov_9fa48("857"), (stryMutAct_9fa48("858") ? 1e3 / gtol : (stryCov_9fa48("858"), 1e3 * gtol)) * (stryMutAct_9fa48("859") ? Math.min(1, Math.abs(f)) : (stryCov_9fa48("859"), Math.max(1, Math.abs(f)))))));
            return stryMutAct_9fa48("860") ? {} : (stryCov_9fa48("860"), {
              x,
              f,
              gnorm: gn,
              iterations: stryMutAct_9fa48("861") ? iter - 1 : (stryCov_9fa48("861"), iter + 1),
              evaluations,
              reason: stryMutAct_9fa48("862") ? "" : (stryCov_9fa48("862"), 'no-progress'),
              converged
            });
          }
        }
      }
    }
    const gn = maxAbs(g);
    return stryMutAct_9fa48("863") ? {} : (stryCov_9fa48("863"), {
      x,
      f,
      gnorm: gn,
      iterations: maxIterations,
      evaluations,
      reason: stryMutAct_9fa48("864") ? "" : (stryCov_9fa48("864"), 'max-iterations'),
      converged: stryMutAct_9fa48("868") ? gn > gtol * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("867") ? gn < gtol * Math.max(1, Math.abs(f)) : stryMutAct_9fa48("866") ? false : stryMutAct_9fa48("865") ? true : (stryCov_9fa48("865", "866", "867", "868"), gn <= (stryMutAct_9fa48("869") ? gtol / Math.max(1, Math.abs(f)) : (stryCov_9fa48("869"), gtol * (stryMutAct_9fa48("870") ? Math.min(1, Math.abs(f)) : (stryCov_9fa48("870"), Math.max(1, Math.abs(f)))))))
    });
  }
}
function nelderMead(fn: Objective, start: Float64Array, maxIterations: number): RunResult {
  if (stryMutAct_9fa48("871")) {
    {}
  } else {
    stryCov_9fa48("871");
    const n = start.length;
    const grad = new Float64Array(n);
    const value = (p: Float64Array): number => {
      if (stryMutAct_9fa48("872")) {
        {}
      } else {
        stryCov_9fa48("872");
        const v = fn(p, grad);
        return Number.isFinite(v) ? v : Infinity;
      }
    };
    let evaluations = 0;
    const simplex: Float64Array[] = stryMutAct_9fa48("873") ? [] : (stryCov_9fa48("873"), [Float64Array.from(start)]);
    for (let i = 0; stryMutAct_9fa48("876") ? i >= n : stryMutAct_9fa48("875") ? i <= n : stryMutAct_9fa48("874") ? false : (stryCov_9fa48("874", "875", "876"), i < n); stryMutAct_9fa48("877") ? i-- : (stryCov_9fa48("877"), i++)) {
      if (stryMutAct_9fa48("878")) {
        {}
      } else {
        stryCov_9fa48("878");
        const p = Float64Array.from(start);
        p[i] = stryMutAct_9fa48("879") ? (p[i] as number) - 0.5 : (stryCov_9fa48("879"), (p[i] as number) + 0.5);
        simplex.push(p);
      }
    }
    let values = simplex.map(p => {
      if (stryMutAct_9fa48("880")) {
        {}
      } else {
        stryCov_9fa48("880");
        stryMutAct_9fa48("881") ? evaluations-- : (stryCov_9fa48("881"), evaluations++);
        return value(p);
      }
    });
    // Lagarias et al. (1998) standard coefficients.
    const alpha = 1;
    const gamma = 2;
    const rhoC = 0.5;
    const sigma = 0.5;
    let iter = 0;
    for (; stryMutAct_9fa48("884") ? iter >= maxIterations : stryMutAct_9fa48("883") ? iter <= maxIterations : stryMutAct_9fa48("882") ? false : (stryCov_9fa48("882", "883", "884"), iter < maxIterations); stryMutAct_9fa48("885") ? iter-- : (stryCov_9fa48("885"), iter++)) {
      if (stryMutAct_9fa48("886")) {
        {}
      } else {
        stryCov_9fa48("886");
        const order = stryMutAct_9fa48("887") ? values.map((v, i) => [v, i] as const) : (stryCov_9fa48("887"), values.map(stryMutAct_9fa48("888") ? () => undefined : (stryCov_9fa48("888"), (v, i) => [v, i] as const)).sort(stryMutAct_9fa48("889") ? () => undefined : (stryCov_9fa48("889"), (p, q) => stryMutAct_9fa48("890") ? p[0] + q[0] : (stryCov_9fa48("890"), p[0] - q[0]))));
        const sorted = order.map(stryMutAct_9fa48("891") ? () => undefined : (stryCov_9fa48("891"), ([, i]) => simplex[i] as Float64Array));
        values = order.map(stryMutAct_9fa48("892") ? () => undefined : (stryCov_9fa48("892"), ([v]) => v));
        simplex.splice(0, simplex.length, ...sorted);
        const best = values[0] as number;
        const worst = values[n] as number;
        if (stryMutAct_9fa48("896") ? Math.abs(worst - best) > 1e-13 * Math.max(1, Math.abs(best)) : stryMutAct_9fa48("895") ? Math.abs(worst - best) < 1e-13 * Math.max(1, Math.abs(best)) : stryMutAct_9fa48("894") ? false : stryMutAct_9fa48("893") ? true : (stryCov_9fa48("893", "894", "895", "896"), Math.abs(stryMutAct_9fa48("897") ? worst + best : (stryCov_9fa48("897"), worst - best)) <= (stryMutAct_9fa48("898") ? 1e-13 / Math.max(1, Math.abs(best)) : (stryCov_9fa48("898"), 1e-13 * (stryMutAct_9fa48("899") ? Math.min(1, Math.abs(best)) : (stryCov_9fa48("899"), Math.max(1, Math.abs(best)))))))) break;
        const centroid = new Float64Array(n);
        for (let k = 0; stryMutAct_9fa48("902") ? k >= n : stryMutAct_9fa48("901") ? k <= n : stryMutAct_9fa48("900") ? false : (stryCov_9fa48("900", "901", "902"), k < n); stryMutAct_9fa48("903") ? k-- : (stryCov_9fa48("903"), k++)) for (let i = 0; stryMutAct_9fa48("906") ? i >= n : stryMutAct_9fa48("905") ? i <= n : stryMutAct_9fa48("904") ? false : (stryCov_9fa48("904", "905", "906"), i < n); stryMutAct_9fa48("907") ? i-- : (stryCov_9fa48("907"), i++)) centroid[i] = stryMutAct_9fa48("908") ? (centroid[i] as number) - ((simplex[k] as Float64Array)[i] as number) / n : (stryCov_9fa48("908"), (centroid[i] as number) + (stryMutAct_9fa48("909") ? ((simplex[k] as Float64Array)[i] as number) * n : (stryCov_9fa48("909"), ((simplex[k] as Float64Array)[i] as number) / n)));
        const along = (t: number): Float64Array => {
          if (stryMutAct_9fa48("910")) {
            {}
          } else {
            stryCov_9fa48("910");
            const p = new Float64Array(n);
            for (let i = 0; stryMutAct_9fa48("913") ? i >= n : stryMutAct_9fa48("912") ? i <= n : stryMutAct_9fa48("911") ? false : (stryCov_9fa48("911", "912", "913"), i < n); stryMutAct_9fa48("914") ? i-- : (stryCov_9fa48("914"), i++)) p[i] = stryMutAct_9fa48("915") ? (centroid[i] as number) - t * ((centroid[i] as number) - ((simplex[n] as Float64Array)[i] as number)) : (stryCov_9fa48("915"), (centroid[i] as number) + (stryMutAct_9fa48("916") ? t / ((centroid[i] as number) - ((simplex[n] as Float64Array)[i] as number)) : (stryCov_9fa48("916"), t * (stryMutAct_9fa48("917") ? (centroid[i] as number) + ((simplex[n] as Float64Array)[i] as number) : (stryCov_9fa48("917"), (centroid[i] as number) - ((simplex[n] as Float64Array)[i] as number))))));
            return p;
          }
        };
        const xr = along(alpha);
        const fr = value(xr);
        stryMutAct_9fa48("918") ? evaluations-- : (stryCov_9fa48("918"), evaluations++);
        if (stryMutAct_9fa48("922") ? fr >= best : stryMutAct_9fa48("921") ? fr <= best : stryMutAct_9fa48("920") ? false : stryMutAct_9fa48("919") ? true : (stryCov_9fa48("919", "920", "921", "922"), fr < best)) {
          if (stryMutAct_9fa48("923")) {
            {}
          } else {
            stryCov_9fa48("923");
            const xe = along(gamma);
            const fe = value(xe);
            stryMutAct_9fa48("924") ? evaluations-- : (stryCov_9fa48("924"), evaluations++);
            if (stryMutAct_9fa48("928") ? fe >= fr : stryMutAct_9fa48("927") ? fe <= fr : stryMutAct_9fa48("926") ? false : stryMutAct_9fa48("925") ? true : (stryCov_9fa48("925", "926", "927", "928"), fe < fr)) {
              if (stryMutAct_9fa48("929")) {
                {}
              } else {
                stryCov_9fa48("929");
                simplex[n] = xe;
                values[n] = fe;
              }
            } else {
              if (stryMutAct_9fa48("930")) {
                {}
              } else {
                stryCov_9fa48("930");
                simplex[n] = xr;
                values[n] = fr;
              }
            }
            continue;
          }
        }
        if (stryMutAct_9fa48("934") ? fr >= (values[n - 1] as number) : stryMutAct_9fa48("933") ? fr <= (values[n - 1] as number) : stryMutAct_9fa48("932") ? false : stryMutAct_9fa48("931") ? true : (stryCov_9fa48("931", "932", "933", "934"), fr < (values[n - 1] as number))) {
          if (stryMutAct_9fa48("935")) {
            {}
          } else {
            stryCov_9fa48("935");
            simplex[n] = xr;
            values[n] = fr;
            continue;
          }
        }
        const outside = stryMutAct_9fa48("939") ? fr >= worst : stryMutAct_9fa48("938") ? fr <= worst : stryMutAct_9fa48("937") ? false : stryMutAct_9fa48("936") ? true : (stryCov_9fa48("936", "937", "938", "939"), fr < worst);
        const xc = along(outside ? rhoC : stryMutAct_9fa48("940") ? +rhoC : (stryCov_9fa48("940"), -rhoC));
        const fc = value(xc);
        stryMutAct_9fa48("941") ? evaluations-- : (stryCov_9fa48("941"), evaluations++);
        if (stryMutAct_9fa48("945") ? fc >= (outside ? fr : worst) : stryMutAct_9fa48("944") ? fc <= (outside ? fr : worst) : stryMutAct_9fa48("943") ? false : stryMutAct_9fa48("942") ? true : (stryCov_9fa48("942", "943", "944", "945"), fc < (outside ? fr : worst))) {
          if (stryMutAct_9fa48("946")) {
            {}
          } else {
            stryCov_9fa48("946");
            simplex[n] = xc;
            values[n] = fc;
            continue;
          }
        }
        for (let k = 1; stryMutAct_9fa48("949") ? k > n : stryMutAct_9fa48("948") ? k < n : stryMutAct_9fa48("947") ? false : (stryCov_9fa48("947", "948", "949"), k <= n); stryMutAct_9fa48("950") ? k-- : (stryCov_9fa48("950"), k++)) {
          if (stryMutAct_9fa48("951")) {
            {}
          } else {
            stryCov_9fa48("951");
            const p = simplex[k] as Float64Array;
            for (let i = 0; stryMutAct_9fa48("954") ? i >= n : stryMutAct_9fa48("953") ? i <= n : stryMutAct_9fa48("952") ? false : (stryCov_9fa48("952", "953", "954"), i < n); stryMutAct_9fa48("955") ? i-- : (stryCov_9fa48("955"), i++)) p[i] = stryMutAct_9fa48("956") ? ((simplex[0] as Float64Array)[i] as number) - sigma * ((p[i] as number) - ((simplex[0] as Float64Array)[i] as number)) : (stryCov_9fa48("956"), ((simplex[0] as Float64Array)[i] as number) + (stryMutAct_9fa48("957") ? sigma / ((p[i] as number) - ((simplex[0] as Float64Array)[i] as number)) : (stryCov_9fa48("957"), sigma * (stryMutAct_9fa48("958") ? (p[i] as number) + ((simplex[0] as Float64Array)[i] as number) : (stryCov_9fa48("958"), (p[i] as number) - ((simplex[0] as Float64Array)[i] as number))))));
            values[k] = value(p);
            stryMutAct_9fa48("959") ? evaluations-- : (stryCov_9fa48("959"), evaluations++);
          }
        }
      }
    }
    let bestIndex = 0;
    for (let k = 1; stryMutAct_9fa48("962") ? k > n : stryMutAct_9fa48("961") ? k < n : stryMutAct_9fa48("960") ? false : (stryCov_9fa48("960", "961", "962"), k <= n); stryMutAct_9fa48("963") ? k-- : (stryCov_9fa48("963"), k++)) if (stryMutAct_9fa48("967") ? values[k] as number >= (values[bestIndex] as number) : stryMutAct_9fa48("966") ? values[k] as number <= (values[bestIndex] as number) : stryMutAct_9fa48("965") ? false : stryMutAct_9fa48("964") ? true : (stryCov_9fa48("964", "965", "966", "967"), values[k] as number < (values[bestIndex] as number))) bestIndex = k;
    const x = simplex[bestIndex] as Float64Array;
    const f = fn(x, grad);
    stryMutAct_9fa48("968") ? evaluations-- : (stryCov_9fa48("968"), evaluations++);
    return stryMutAct_9fa48("969") ? {} : (stryCov_9fa48("969"), {
      x,
      f,
      gnorm: maxAbs(grad),
      iterations: iter,
      evaluations,
      reason: (stryMutAct_9fa48("973") ? iter < maxIterations : stryMutAct_9fa48("972") ? iter > maxIterations : stryMutAct_9fa48("971") ? false : stryMutAct_9fa48("970") ? true : (stryCov_9fa48("970", "971", "972", "973"), iter >= maxIterations)) ? stryMutAct_9fa48("974") ? "" : (stryCov_9fa48("974"), 'max-iterations') : stryMutAct_9fa48("975") ? "" : (stryCov_9fa48("975"), 'no-progress'),
      converged: stryMutAct_9fa48("976") ? true : (stryCov_9fa48("976"), false)
    });
  }
}

/** Minimises `fn` from each start (BFGS, Nelder-Mead fallback) and returns the best point found. */
export function minimize(fn: Objective, options: MinimizeOptions): MinimizeResult {
  if (stryMutAct_9fa48("977")) {
    {}
  } else {
    stryCov_9fa48("977");
    const gtol = stryMutAct_9fa48("978") ? options.gradientTolerance && 1e-9 : (stryCov_9fa48("978"), options.gradientTolerance ?? 1e-9);
    const maxIterations = stryMutAct_9fa48("979") ? options.maxIterations && 500 : (stryCov_9fa48("979"), options.maxIterations ?? 500);
    let best: (RunResult & {
      method: 'bfgs' | 'nelder-mead';
    }) | undefined;
    let iterations = 0;
    let evaluations = 0;
    const better = (r: RunResult, method: 'bfgs' | 'nelder-mead') => {
      if (stryMutAct_9fa48("980")) {
        {}
      } else {
        stryCov_9fa48("980");
        stryMutAct_9fa48("981") ? iterations -= r.iterations : (stryCov_9fa48("981"), iterations += r.iterations);
        stryMutAct_9fa48("982") ? evaluations -= r.evaluations : (stryCov_9fa48("982"), evaluations += r.evaluations);
        if (stryMutAct_9fa48("985") ? best === undefined && Number.isFinite(r.f) && (!Number.isFinite(best.f) || r.f < best.f) : stryMutAct_9fa48("984") ? false : stryMutAct_9fa48("983") ? true : (stryCov_9fa48("983", "984", "985"), (stryMutAct_9fa48("987") ? best !== undefined : stryMutAct_9fa48("986") ? false : (stryCov_9fa48("986", "987"), best === undefined)) || (stryMutAct_9fa48("989") ? Number.isFinite(r.f) || !Number.isFinite(best.f) || r.f < best.f : stryMutAct_9fa48("988") ? false : (stryCov_9fa48("988", "989"), Number.isFinite(r.f) && (stryMutAct_9fa48("991") ? !Number.isFinite(best.f) && r.f < best.f : stryMutAct_9fa48("990") ? true : (stryCov_9fa48("990", "991"), (stryMutAct_9fa48("992") ? Number.isFinite(best.f) : (stryCov_9fa48("992"), !Number.isFinite(best.f))) || (stryMutAct_9fa48("995") ? r.f >= best.f : stryMutAct_9fa48("994") ? r.f <= best.f : stryMutAct_9fa48("993") ? false : (stryCov_9fa48("993", "994", "995"), r.f < best.f)))))))) best = stryMutAct_9fa48("996") ? {} : (stryCov_9fa48("996"), {
          ...r,
          method
        });
      }
    };
    for (const start of options.starts) {
      if (stryMutAct_9fa48("997")) {
        {}
      } else {
        stryCov_9fa48("997");
        const x0 = Float64Array.from(start);
        const run = bfgs(fn, x0, gtol, maxIterations);
        better(run, stryMutAct_9fa48("998") ? "" : (stryCov_9fa48("998"), 'bfgs'));
        if (stryMutAct_9fa48("1001") ? false : stryMutAct_9fa48("1000") ? true : stryMutAct_9fa48("999") ? run.converged : (stryCov_9fa48("999", "1000", "1001"), !run.converged)) {
          if (stryMutAct_9fa48("1002")) {
            {}
          } else {
            stryCov_9fa48("1002");
            const from = Number.isFinite(run.f) ? run.x : x0;
            const nm = nelderMead(fn, from, stryMutAct_9fa48("1003") ? 10 / maxIterations : (stryCov_9fa48("1003"), 10 * maxIterations));
            better(nm, stryMutAct_9fa48("1004") ? "" : (stryCov_9fa48("1004"), 'nelder-mead'));
            if (stryMutAct_9fa48("1006") ? false : stryMutAct_9fa48("1005") ? true : (stryCov_9fa48("1005", "1006"), Number.isFinite(nm.f))) better(bfgs(fn, nm.x, gtol, maxIterations), stryMutAct_9fa48("1007") ? "" : (stryCov_9fa48("1007"), 'bfgs'));
          }
        }
      }
    }
    const b = best as RunResult & {
      method: 'bfgs' | 'nelder-mead';
    };
    return stryMutAct_9fa48("1008") ? {} : (stryCov_9fa48("1008"), {
      x: b.x,
      value: b.f,
      report: stryMutAct_9fa48("1009") ? {} : (stryCov_9fa48("1009"), {
        converged: b.converged,
        method: b.method,
        iterations,
        functionEvaluations: evaluations,
        gradientNorm: b.gnorm,
        reason: b.reason,
        starts: options.starts.length
      })
    });
  }
}

/** The Hessian of `fn` at `x` by central differences of its analytic gradient (symmetrised). */
export function hessianFromGradient(fn: Objective, x: ArrayLike<number>): number[][] {
  if (stryMutAct_9fa48("1010")) {
    {}
  } else {
    stryCov_9fa48("1010");
    const n = x.length;
    const H: number[][] = Array.from(stryMutAct_9fa48("1011") ? {} : (stryCov_9fa48("1011"), {
      length: n
    }), stryMutAct_9fa48("1012") ? () => undefined : (stryCov_9fa48("1012"), () => (stryMutAct_9fa48("1013") ? new Array() : (stryCov_9fa48("1013"), new Array<number>(n))).fill(0)));
    const xp = Float64Array.from(x);
    const gp = new Float64Array(n);
    const gm = new Float64Array(n);
    for (let j = 0; stryMutAct_9fa48("1016") ? j >= n : stryMutAct_9fa48("1015") ? j <= n : stryMutAct_9fa48("1014") ? false : (stryCov_9fa48("1014", "1015", "1016"), j < n); stryMutAct_9fa48("1017") ? j-- : (stryCov_9fa48("1017"), j++)) {
      if (stryMutAct_9fa48("1018")) {
        {}
      } else {
        stryCov_9fa48("1018");
        const h = stryMutAct_9fa48("1019") ? 1e-5 / Math.max(1, Math.abs(x[j] as number)) : (stryCov_9fa48("1019"), 1e-5 * (stryMutAct_9fa48("1020") ? Math.min(1, Math.abs(x[j] as number)) : (stryCov_9fa48("1020"), Math.max(1, Math.abs(x[j] as number)))));
        xp[j] = stryMutAct_9fa48("1021") ? (x[j] as number) - h : (stryCov_9fa48("1021"), (x[j] as number) + h);
        fn(xp, gp);
        xp[j] = stryMutAct_9fa48("1022") ? (x[j] as number) + h : (stryCov_9fa48("1022"), (x[j] as number) - h);
        fn(xp, gm);
        xp[j] = x[j] as number;
        for (let i = 0; stryMutAct_9fa48("1025") ? i >= n : stryMutAct_9fa48("1024") ? i <= n : stryMutAct_9fa48("1023") ? false : (stryCov_9fa48("1023", "1024", "1025"), i < n); stryMutAct_9fa48("1026") ? i-- : (stryCov_9fa48("1026"), i++)) (H[i] as number[])[j] = stryMutAct_9fa48("1027") ? ((gp[i] as number) - (gm[i] as number)) * (2 * h) : (stryCov_9fa48("1027"), (stryMutAct_9fa48("1028") ? (gp[i] as number) + (gm[i] as number) : (stryCov_9fa48("1028"), (gp[i] as number) - (gm[i] as number))) / (stryMutAct_9fa48("1029") ? 2 / h : (stryCov_9fa48("1029"), 2 * h)));
      }
    }
    for (let i = 0; stryMutAct_9fa48("1032") ? i >= n : stryMutAct_9fa48("1031") ? i <= n : stryMutAct_9fa48("1030") ? false : (stryCov_9fa48("1030", "1031", "1032"), i < n); stryMutAct_9fa48("1033") ? i-- : (stryCov_9fa48("1033"), i++)) {
      if (stryMutAct_9fa48("1034")) {
        {}
      } else {
        stryCov_9fa48("1034");
        for (let j = 0; stryMutAct_9fa48("1037") ? j >= i : stryMutAct_9fa48("1036") ? j <= i : stryMutAct_9fa48("1035") ? false : (stryCov_9fa48("1035", "1036", "1037"), j < i); stryMutAct_9fa48("1038") ? j-- : (stryCov_9fa48("1038"), j++)) {
          if (stryMutAct_9fa48("1039")) {
            {}
          } else {
            stryCov_9fa48("1039");
            const avg = stryMutAct_9fa48("1040") ? 0.5 / (((H[i] as number[])[j] as number) + ((H[j] as number[])[i] as number)) : (stryCov_9fa48("1040"), 0.5 * (stryMutAct_9fa48("1041") ? ((H[i] as number[])[j] as number) - ((H[j] as number[])[i] as number) : (stryCov_9fa48("1041"), ((H[i] as number[])[j] as number) + ((H[j] as number[])[i] as number))));
            (H[i] as number[])[j] = avg;
            (H[j] as number[])[i] = avg;
          }
        }
      }
    }
    return H;
  }
}

/** The inverse of a symmetric positive definite matrix (Cholesky), or undefined when it is not. */
export function invertPositiveDefinite(matrix: readonly (readonly number[])[]): number[][] | undefined {
  if (stryMutAct_9fa48("1042")) {
    {}
  } else {
    stryCov_9fa48("1042");
    const n = matrix.length;
    const L: number[][] = Array.from(stryMutAct_9fa48("1043") ? {} : (stryCov_9fa48("1043"), {
      length: n
    }), stryMutAct_9fa48("1044") ? () => undefined : (stryCov_9fa48("1044"), () => (stryMutAct_9fa48("1045") ? new Array() : (stryCov_9fa48("1045"), new Array<number>(n))).fill(0)));
    for (let i = 0; stryMutAct_9fa48("1048") ? i >= n : stryMutAct_9fa48("1047") ? i <= n : stryMutAct_9fa48("1046") ? false : (stryCov_9fa48("1046", "1047", "1048"), i < n); stryMutAct_9fa48("1049") ? i-- : (stryCov_9fa48("1049"), i++)) {
      if (stryMutAct_9fa48("1050")) {
        {}
      } else {
        stryCov_9fa48("1050");
        for (let j = 0; stryMutAct_9fa48("1053") ? j > i : stryMutAct_9fa48("1052") ? j < i : stryMutAct_9fa48("1051") ? false : (stryCov_9fa48("1051", "1052", "1053"), j <= i); stryMutAct_9fa48("1054") ? j-- : (stryCov_9fa48("1054"), j++)) {
          if (stryMutAct_9fa48("1055")) {
            {}
          } else {
            stryCov_9fa48("1055");
            let sum = (matrix[i] as readonly number[])[j] as number;
            for (let k = 0; stryMutAct_9fa48("1058") ? k >= j : stryMutAct_9fa48("1057") ? k <= j : stryMutAct_9fa48("1056") ? false : (stryCov_9fa48("1056", "1057", "1058"), k < j); stryMutAct_9fa48("1059") ? k-- : (stryCov_9fa48("1059"), k++)) stryMutAct_9fa48("1060") ? sum += ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number) : (stryCov_9fa48("1060"), sum -= stryMutAct_9fa48("1061") ? ((L[i] as number[])[k] as number) / ((L[j] as number[])[k] as number) : (stryCov_9fa48("1061"), ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number)));
            if (stryMutAct_9fa48("1064") ? i !== j : stryMutAct_9fa48("1063") ? false : stryMutAct_9fa48("1062") ? true : (stryCov_9fa48("1062", "1063", "1064"), i === j)) {
              if (stryMutAct_9fa48("1065")) {
                {}
              } else {
                stryCov_9fa48("1065");
                if (stryMutAct_9fa48("1068") ? !(sum > 0) && !Number.isFinite(sum) : stryMutAct_9fa48("1067") ? false : stryMutAct_9fa48("1066") ? true : (stryCov_9fa48("1066", "1067", "1068"), (stryMutAct_9fa48("1069") ? sum > 0 : (stryCov_9fa48("1069"), !(stryMutAct_9fa48("1073") ? sum <= 0 : stryMutAct_9fa48("1072") ? sum >= 0 : stryMutAct_9fa48("1071") ? false : stryMutAct_9fa48("1070") ? true : (stryCov_9fa48("1070", "1071", "1072", "1073"), sum > 0)))) || (stryMutAct_9fa48("1074") ? Number.isFinite(sum) : (stryCov_9fa48("1074"), !Number.isFinite(sum))))) return undefined;
                (L[i] as number[])[i] = Math.sqrt(sum);
              }
            } else {
              if (stryMutAct_9fa48("1075")) {
                {}
              } else {
                stryCov_9fa48("1075");
                (L[i] as number[])[j] = stryMutAct_9fa48("1076") ? sum * ((L[j] as number[])[j] as number) : (stryCov_9fa48("1076"), sum / ((L[j] as number[])[j] as number));
              }
            }
          }
        }
      }
    }
    // inverse = L^-T L^-1; solve column by column.
    const inv: number[][] = Array.from(stryMutAct_9fa48("1077") ? {} : (stryCov_9fa48("1077"), {
      length: n
    }), stryMutAct_9fa48("1078") ? () => undefined : (stryCov_9fa48("1078"), () => (stryMutAct_9fa48("1079") ? new Array() : (stryCov_9fa48("1079"), new Array<number>(n))).fill(0)));
    for (let col = 0; stryMutAct_9fa48("1082") ? col >= n : stryMutAct_9fa48("1081") ? col <= n : stryMutAct_9fa48("1080") ? false : (stryCov_9fa48("1080", "1081", "1082"), col < n); stryMutAct_9fa48("1083") ? col-- : (stryCov_9fa48("1083"), col++)) {
      if (stryMutAct_9fa48("1084")) {
        {}
      } else {
        stryCov_9fa48("1084");
        const y = (stryMutAct_9fa48("1085") ? new Array() : (stryCov_9fa48("1085"), new Array<number>(n))).fill(0);
        for (let i = 0; stryMutAct_9fa48("1088") ? i >= n : stryMutAct_9fa48("1087") ? i <= n : stryMutAct_9fa48("1086") ? false : (stryCov_9fa48("1086", "1087", "1088"), i < n); stryMutAct_9fa48("1089") ? i-- : (stryCov_9fa48("1089"), i++)) {
          if (stryMutAct_9fa48("1090")) {
            {}
          } else {
            stryCov_9fa48("1090");
            let sum = (stryMutAct_9fa48("1093") ? i !== col : stryMutAct_9fa48("1092") ? false : stryMutAct_9fa48("1091") ? true : (stryCov_9fa48("1091", "1092", "1093"), i === col)) ? 1 : 0;
            for (let k = 0; stryMutAct_9fa48("1096") ? k >= i : stryMutAct_9fa48("1095") ? k <= i : stryMutAct_9fa48("1094") ? false : (stryCov_9fa48("1094", "1095", "1096"), k < i); stryMutAct_9fa48("1097") ? k-- : (stryCov_9fa48("1097"), k++)) stryMutAct_9fa48("1098") ? sum += ((L[i] as number[])[k] as number) * (y[k] as number) : (stryCov_9fa48("1098"), sum -= stryMutAct_9fa48("1099") ? ((L[i] as number[])[k] as number) / (y[k] as number) : (stryCov_9fa48("1099"), ((L[i] as number[])[k] as number) * (y[k] as number)));
            y[i] = stryMutAct_9fa48("1100") ? sum * ((L[i] as number[])[i] as number) : (stryCov_9fa48("1100"), sum / ((L[i] as number[])[i] as number));
          }
        }
        for (let i = stryMutAct_9fa48("1101") ? n + 1 : (stryCov_9fa48("1101"), n - 1); stryMutAct_9fa48("1104") ? i < 0 : stryMutAct_9fa48("1103") ? i > 0 : stryMutAct_9fa48("1102") ? false : (stryCov_9fa48("1102", "1103", "1104"), i >= 0); stryMutAct_9fa48("1105") ? i++ : (stryCov_9fa48("1105"), i--)) {
          if (stryMutAct_9fa48("1106")) {
            {}
          } else {
            stryCov_9fa48("1106");
            let sum = y[i] as number;
            for (let k = stryMutAct_9fa48("1107") ? i - 1 : (stryCov_9fa48("1107"), i + 1); stryMutAct_9fa48("1110") ? k >= n : stryMutAct_9fa48("1109") ? k <= n : stryMutAct_9fa48("1108") ? false : (stryCov_9fa48("1108", "1109", "1110"), k < n); stryMutAct_9fa48("1111") ? k-- : (stryCov_9fa48("1111"), k++)) stryMutAct_9fa48("1112") ? sum += ((L[k] as number[])[i] as number) * ((inv[k] as number[])[col] as number) : (stryCov_9fa48("1112"), sum -= stryMutAct_9fa48("1113") ? ((L[k] as number[])[i] as number) / ((inv[k] as number[])[col] as number) : (stryCov_9fa48("1113"), ((L[k] as number[])[i] as number) * ((inv[k] as number[])[col] as number)));
            (inv[i] as number[])[col] = stryMutAct_9fa48("1114") ? sum * ((L[i] as number[])[i] as number) : (stryCov_9fa48("1114"), sum / ((L[i] as number[])[i] as number));
          }
        }
      }
    }
    return inv;
  }
}

/**
 * Delta method for theta_i = g_i(phi_i): Cov(theta)_ij = J_i J_j Cov(phi)_ij with J_i = g_i'(phi_i)
 * (theta_i itself for theta = exp(phi); theta_i - 1 for theta = 1 + exp(phi)).
 */
export function covarianceFromLogScale(covariance: readonly (readonly number[])[], jacobian: readonly number[]): number[][] {
  if (stryMutAct_9fa48("1115")) {
    {}
  } else {
    stryCov_9fa48("1115");
    return covariance.map(stryMutAct_9fa48("1116") ? () => undefined : (stryCov_9fa48("1116"), (row, i) => row.map(stryMutAct_9fa48("1117") ? () => undefined : (stryCov_9fa48("1117"), (v, j) => stryMutAct_9fa48("1118") ? (jacobian[i] as number) * (jacobian[j] as number) / v : (stryCov_9fa48("1118"), (stryMutAct_9fa48("1119") ? (jacobian[i] as number) / (jacobian[j] as number) : (stryCov_9fa48("1119"), (jacobian[i] as number) * (jacobian[j] as number))) * v)))));
  }
}