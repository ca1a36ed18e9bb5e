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
import { MetricsFitError } from '../errors.js';
import type { FitConvergence } from './_internal/transactionModels.js';
import { checkNumber, IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { fitLogParameters } from './_internal/fitCommon.js';
import { sbgLogLikelihoodAndGradient } from './_internal/sbgKernel.js';

/** The two parameters of the shifted-beta-geometric model (both > 0). */
export interface ShiftedBetaGeometricParameters {
  /** First shape of the beta distribution of churn probabilities across customers. */
  readonly alpha: number;
  /** Second shape of the beta distribution of churn probabilities across customers. */
  readonly beta: number;
}

/** A fitted shifted-beta-geometric model: a plain, serialisable object. */
export interface ShiftedBetaGeometricModel {
  /** The model kind. */
  readonly kind: 'shifted-beta-geometric';
  /** The maximum likelihood estimates. */
  readonly parameters: ShiftedBetaGeometricParameters;
  /** The parameter order used by `covariance`. */
  readonly parameterNames: readonly ['alpha', 'beta'];
  /** Total log-likelihood over all cohorts' customers. */
  readonly logLikelihood: number;
  /** Standard errors from the observed information (delta method from the log scale); `undefined` when the Hessian is not positive definite. */
  readonly standardErrors: ShiftedBetaGeometricParameters | undefined;
  /** Covariance of (alpha, beta); `undefined` with the standard errors. */
  readonly covariance: readonly (readonly number[])[] | undefined;
  /** Number of customers fitted: the sum of the cohorts' initial sizes. */
  readonly customers: number;
  /** How the optimisation went. */
  readonly convergence: FitConvergence;
}

/** Options of {@link fitShiftedBetaGeometric}. */
export interface FitShiftedBetaGeometricOptions {
  /**
   * Where the optimizer starts.
   *
   * @defaultValue alpha = 1, beta = 1 (a uniform churn probability), plus a start matched to the
   *   first period's churn; the better fit wins
   */
  initialParameters?: ShiftedBetaGeometricParameters;
  /**
   * Convergence: the fit stops when every component of the gradient with respect to the
   * log-parameters is at most `tolerance * max(1, |log-likelihood|)`.
   *
   * @defaultValue 1e-10
   */
  tolerance?: number;
  /**
   * The most quasi-Newton iterations per start.
   *
   * @defaultValue 500
   */
  maxIterations?: number;
}
const paramsSchema = z.strictObject(stryMutAct_9fa48("677") ? {} : (stryCov_9fa48("677"), {
  alpha: numberSchema(stryMutAct_9fa48("678") ? {} : (stryCov_9fa48("678"), {
    greaterThan: 0
  })),
  beta: numberSchema(stryMutAct_9fa48("679") ? {} : (stryCov_9fa48("679"), {
    greaterThan: 0
  }))
}));
const schema = optionsSchema(stryMutAct_9fa48("680") ? {} : (stryCov_9fa48("680"), {
  initialParameters: paramsSchema.optional(),
  tolerance: numberSchema(stryMutAct_9fa48("681") ? {} : (stryCov_9fa48("681"), {
    greaterThan: 0,
    lessThan: 1
  })).optional(),
  maxIterations: numberSchema(stryMutAct_9fa48("682") ? {} : (stryCov_9fa48("682"), {
    integer: stryMutAct_9fa48("683") ? false : (stryCov_9fa48("683"), true),
    min: 1,
    max: 100_000
  })).optional()
}));

/**
 * Fits the shifted-beta-geometric (sBG) model of contract renewals to the number of customers of
 * one or several cohorts still active after each period.
 *
 * Definition: each customer churns at the end of each period with her own probability theta, and
 * theta ~ Beta(alpha, beta) across customers. Survivor counts `[n0, n1, ..., nk]` (n0 customers
 * acquired, n_t still active after t renewal decisions) give the log-likelihood
 * sum_t (n_{t-1} - n_t) ln P(T = t) + n_k ln S(k), with P(T = t) = B(alpha + 1, beta + t - 1)/B(alpha, beta)
 * and S(t) = B(alpha, beta + t)/B(alpha, beta). Cohorts observed for different numbers of periods
 * (acquired in different years) are fitted together by adding their log-likelihoods.
 *
 * Cost: O(total periods) per likelihood evaluation; a fit takes a few dozen evaluations.
 *
 * ## Method
 * Maximum likelihood over (ln alpha, ln beta) with BFGS and the analytic gradient (Nelder-Mead
 * fallback), two deterministic starts; standard errors from the Hessian of the log-likelihood on
 * the log scale, transformed with the delta method.
 *
 * ## Accuracy
 * Converges to a relative gradient of 1e-10; reproduces Fader & Hardie's (2007) estimates to
 * their published 3 decimals.
 *
 * @param survivors - One cohort as `[n0, n1, ..., nk]` (whole numbers, n0 > 0, never increasing,
 *   at least two counts), or an array of such cohorts.
 * @param options - See {@link FitShiftedBetaGeometricOptions}.
 * @returns The fitted model.
 * @throws {@link MetricsInputError} for counts that are negative, fractional, increasing, or too
 *   few, and for invalid options.
 * @throws {@link MetricsFitError} with reason `'no-churn'` when no customer of any cohort churned,
 *   or `'everyone-churned'` when all churned at the first renewal (no finite estimate exists).
 * @see Fader, P. S. & Hardie, B. G. S. (2007), "How to project customer retention", Journal of
 *   Interactive Marketing 21(1), 76-90.
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from 'customer-metrics';
 * // Fader & Hardie (2007), "regular" customers: 1,000 acquired, survivors after years 1..7.
 * const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * model.parameters.alpha; // => ~0.704
 * model.parameters.beta; // => ~1.182
 * ```
 */
export function fitShiftedBetaGeometric(survivors: readonly number[] | readonly (readonly number[])[], options?: FitShiftedBetaGeometricOptions): ShiftedBetaGeometricModel {
  if (stryMutAct_9fa48("684")) {
    {}
  } else {
    stryCov_9fa48("684");
    const issues = new IssueList();
    const cohorts = checkCohorts(survivors, issues);
    const opts = parseInput(schema, options, stryMutAct_9fa48("685") ? "" : (stryCov_9fa48("685"), 'options'), issues);
    issues.throwIfAny();
    const data = cohorts as number[][];
    let customers = 0;
    let churned = 0;
    let firstLost = 0;
    let firstAtRisk = 0;
    let allFirst = stryMutAct_9fa48("686") ? false : (stryCov_9fa48("686"), true);
    for (const c of data) {
      if (stryMutAct_9fa48("687")) {
        {}
      } else {
        stryCov_9fa48("687");
        const first = c[0] as number;
        stryMutAct_9fa48("688") ? customers -= first : (stryCov_9fa48("688"), customers += first);
        stryMutAct_9fa48("689") ? churned -= first - (c[c.length - 1] as number) : (stryCov_9fa48("689"), churned += stryMutAct_9fa48("690") ? first + (c[c.length - 1] as number) : (stryCov_9fa48("690"), first - (c[c.length - 1] as number)));
        stryMutAct_9fa48("691") ? firstLost -= first - (c[1] as number) : (stryCov_9fa48("691"), firstLost += stryMutAct_9fa48("692") ? first + (c[1] as number) : (stryCov_9fa48("692"), first - (c[1] as number)));
        stryMutAct_9fa48("693") ? firstAtRisk -= first : (stryCov_9fa48("693"), firstAtRisk += first);
        if (stryMutAct_9fa48("696") ? c[1] as number === 0 : stryMutAct_9fa48("695") ? false : stryMutAct_9fa48("694") ? true : (stryCov_9fa48("694", "695", "696"), c[1] as number !== 0)) allFirst = stryMutAct_9fa48("697") ? true : (stryCov_9fa48("697"), false);
      }
    }
    if (stryMutAct_9fa48("700") ? churned !== 0 : stryMutAct_9fa48("699") ? false : stryMutAct_9fa48("698") ? true : (stryCov_9fa48("698", "699", "700"), churned === 0)) throw new MetricsFitError(stryMutAct_9fa48("701") ? "" : (stryCov_9fa48("701"), 'no-churn'), stryMutAct_9fa48("702") ? "" : (stryCov_9fa48("702"), 'No customer churned in any cohort: the sBG churn distribution cannot be estimated.'));
    if (stryMutAct_9fa48("704") ? false : stryMutAct_9fa48("703") ? true : (stryCov_9fa48("703", "704"), allFirst)) throw new MetricsFitError(stryMutAct_9fa48("705") ? "" : (stryCov_9fa48("705"), 'everyone-churned'), stryMutAct_9fa48("706") ? "" : (stryCov_9fa48("706"), 'Every customer churned at the first renewal: the sBG likelihood has no finite maximum.'));
    // A second start with the mean churn probability alpha/(alpha+beta) matched to the first period.
    const share = stryMutAct_9fa48("707") ? Math.max(0.99, Math.max(0.01, firstLost / firstAtRisk)) : (stryCov_9fa48("707"), Math.min(0.99, stryMutAct_9fa48("708") ? Math.min(0.01, firstLost / firstAtRisk) : (stryCov_9fa48("708"), Math.max(0.01, stryMutAct_9fa48("709") ? firstLost * firstAtRisk : (stryCov_9fa48("709"), firstLost / firstAtRisk)))));
    const starts = (stryMutAct_9fa48("712") ? opts?.initialParameters === undefined : stryMutAct_9fa48("711") ? false : stryMutAct_9fa48("710") ? true : (stryCov_9fa48("710", "711", "712"), (stryMutAct_9fa48("713") ? opts.initialParameters : (stryCov_9fa48("713"), opts?.initialParameters)) !== undefined)) ? stryMutAct_9fa48("714") ? [] : (stryCov_9fa48("714"), [stryMutAct_9fa48("715") ? [] : (stryCov_9fa48("715"), [opts.initialParameters.alpha, opts.initialParameters.beta])]) : stryMutAct_9fa48("716") ? [] : (stryCov_9fa48("716"), [stryMutAct_9fa48("717") ? [] : (stryCov_9fa48("717"), [1, 1]), stryMutAct_9fa48("718") ? [] : (stryCov_9fa48("718"), [share, stryMutAct_9fa48("719") ? 1 + share : (stryCov_9fa48("719"), 1 - share)])]);
    const fit = fitLogParameters(stryMutAct_9fa48("720") ? () => undefined : (stryCov_9fa48("720"), (theta, gradient) => sbgLogLikelihoodAndGradient(stryMutAct_9fa48("721") ? {} : (stryCov_9fa48("721"), {
      alpha: theta[0] as number,
      beta: theta[1] as number
    }), data, gradient)), starts, stryMutAct_9fa48("722") ? opts?.tolerance && 1e-10 : (stryCov_9fa48("722"), (stryMutAct_9fa48("723") ? opts.tolerance : (stryCov_9fa48("723"), opts?.tolerance)) ?? 1e-10), stryMutAct_9fa48("724") ? opts?.maxIterations && 500 : (stryCov_9fa48("724"), (stryMutAct_9fa48("725") ? opts.maxIterations : (stryCov_9fa48("725"), opts?.maxIterations)) ?? 500));
    const [alpha, beta] = fit.theta as [number, number];
    const se = fit.standardErrors;
    return stryMutAct_9fa48("726") ? {} : (stryCov_9fa48("726"), {
      kind: stryMutAct_9fa48("727") ? "" : (stryCov_9fa48("727"), 'shifted-beta-geometric'),
      parameters: stryMutAct_9fa48("728") ? {} : (stryCov_9fa48("728"), {
        alpha,
        beta
      }),
      parameterNames: stryMutAct_9fa48("729") ? [] : (stryCov_9fa48("729"), [stryMutAct_9fa48("730") ? "" : (stryCov_9fa48("730"), 'alpha'), stryMutAct_9fa48("731") ? "" : (stryCov_9fa48("731"), 'beta')]),
      logLikelihood: fit.logLikelihood,
      standardErrors: (stryMutAct_9fa48("734") ? se !== undefined : stryMutAct_9fa48("733") ? false : stryMutAct_9fa48("732") ? true : (stryCov_9fa48("732", "733", "734"), se === undefined)) ? undefined : stryMutAct_9fa48("735") ? {} : (stryCov_9fa48("735"), {
        alpha: se[0] as number,
        beta: se[1] as number
      }),
      covariance: fit.covariance,
      customers,
      convergence: fit.convergence
    });
  }
}
function checkCohorts(survivors: unknown, issues: IssueList): number[][] | undefined {
  if (stryMutAct_9fa48("736")) {
    {}
  } else {
    stryCov_9fa48("736");
    if (stryMutAct_9fa48("739") ? false : stryMutAct_9fa48("738") ? true : stryMutAct_9fa48("737") ? Array.isArray(survivors) : (stryCov_9fa48("737", "738", "739"), !Array.isArray(survivors))) {
      if (stryMutAct_9fa48("740")) {
        {}
      } else {
        stryCov_9fa48("740");
        issues.add(stryMutAct_9fa48("741") ? "" : (stryCov_9fa48("741"), 'invalid_type'), stryMutAct_9fa48("742") ? [] : (stryCov_9fa48("742"), [stryMutAct_9fa48("743") ? "" : (stryCov_9fa48("743"), 'survivors')]), (stryMutAct_9fa48("746") ? survivors !== undefined : stryMutAct_9fa48("745") ? false : stryMutAct_9fa48("744") ? true : (stryCov_9fa48("744", "745", "746"), survivors === undefined)) ? stryMutAct_9fa48("747") ? "" : (stryCov_9fa48("747"), 'is required') : stryMutAct_9fa48("748") ? "" : (stryCov_9fa48("748"), 'must be an array of counts or an array of cohorts'));
        return undefined;
      }
    }
    if (stryMutAct_9fa48("751") ? survivors.length !== 0 : stryMutAct_9fa48("750") ? false : stryMutAct_9fa48("749") ? true : (stryCov_9fa48("749", "750", "751"), survivors.length === 0)) {
      if (stryMutAct_9fa48("752")) {
        {}
      } else {
        stryCov_9fa48("752");
        issues.add(stryMutAct_9fa48("753") ? "" : (stryCov_9fa48("753"), 'too_small'), stryMutAct_9fa48("754") ? [] : (stryCov_9fa48("754"), [stryMutAct_9fa48("755") ? "" : (stryCov_9fa48("755"), 'survivors')]), stryMutAct_9fa48("756") ? "" : (stryCov_9fa48("756"), 'must have at least 1 item'));
        return undefined;
      }
    }
    const nested = Array.isArray(survivors[0]);
    const cohorts: unknown[] = nested ? survivors : stryMutAct_9fa48("757") ? [] : (stryCov_9fa48("757"), [survivors]);
    const out: number[][] = stryMutAct_9fa48("758") ? ["Stryker was here"] : (stryCov_9fa48("758"), []);
    let ok = stryMutAct_9fa48("759") ? false : (stryCov_9fa48("759"), true);
    cohorts.forEach((cohort, c) => {
      if (stryMutAct_9fa48("760")) {
        {}
      } else {
        stryCov_9fa48("760");
        const path = nested ? stryMutAct_9fa48("761") ? [] : (stryCov_9fa48("761"), [stryMutAct_9fa48("762") ? "" : (stryCov_9fa48("762"), 'survivors'), c]) : stryMutAct_9fa48("763") ? [] : (stryCov_9fa48("763"), [stryMutAct_9fa48("764") ? "" : (stryCov_9fa48("764"), 'survivors')]);
        if (stryMutAct_9fa48("767") ? false : stryMutAct_9fa48("766") ? true : stryMutAct_9fa48("765") ? Array.isArray(cohort) : (stryCov_9fa48("765", "766", "767"), !Array.isArray(cohort))) {
          if (stryMutAct_9fa48("768")) {
            {}
          } else {
            stryCov_9fa48("768");
            issues.add(stryMutAct_9fa48("769") ? "" : (stryCov_9fa48("769"), 'invalid_type'), path, stryMutAct_9fa48("770") ? "" : (stryCov_9fa48("770"), 'must be an array of counts'));
            ok = stryMutAct_9fa48("771") ? true : (stryCov_9fa48("771"), false);
            return;
          }
        }
        if (stryMutAct_9fa48("775") ? cohort.length >= 2 : stryMutAct_9fa48("774") ? cohort.length <= 2 : stryMutAct_9fa48("773") ? false : stryMutAct_9fa48("772") ? true : (stryCov_9fa48("772", "773", "774", "775"), cohort.length < 2)) {
          if (stryMutAct_9fa48("776")) {
            {}
          } else {
            stryCov_9fa48("776");
            issues.add(stryMutAct_9fa48("777") ? "" : (stryCov_9fa48("777"), 'too_small'), path, stryMutAct_9fa48("778") ? "" : (stryCov_9fa48("778"), 'must have at least 2 items (the cohort size and the survivors of one period)'));
            ok = stryMutAct_9fa48("779") ? true : (stryCov_9fa48("779"), false);
            return;
          }
        }
        let valid = stryMutAct_9fa48("780") ? false : (stryCov_9fa48("780"), true);
        cohort.forEach((v: unknown, t: number) => {
          if (stryMutAct_9fa48("781")) {
            {}
          } else {
            stryCov_9fa48("781");
            if (stryMutAct_9fa48("784") ? false : stryMutAct_9fa48("783") ? true : stryMutAct_9fa48("782") ? checkNumber(v, [...path, t], {
              integer: true,
              min: t === 0 ? 1 : 0
            }, issues) : (stryCov_9fa48("782", "783", "784"), !checkNumber(v, stryMutAct_9fa48("785") ? [] : (stryCov_9fa48("785"), [...path, t]), stryMutAct_9fa48("786") ? {} : (stryCov_9fa48("786"), {
              integer: stryMutAct_9fa48("787") ? false : (stryCov_9fa48("787"), true),
              min: (stryMutAct_9fa48("790") ? t !== 0 : stryMutAct_9fa48("789") ? false : stryMutAct_9fa48("788") ? true : (stryCov_9fa48("788", "789", "790"), t === 0)) ? 1 : 0
            }), issues))) valid = stryMutAct_9fa48("791") ? true : (stryCov_9fa48("791"), false);
          }
        });
        if (stryMutAct_9fa48("793") ? false : stryMutAct_9fa48("792") ? true : (stryCov_9fa48("792", "793"), valid)) {
          if (stryMutAct_9fa48("794")) {
            {}
          } else {
            stryCov_9fa48("794");
            for (let t = 1; stryMutAct_9fa48("797") ? t >= cohort.length : stryMutAct_9fa48("796") ? t <= cohort.length : stryMutAct_9fa48("795") ? false : (stryCov_9fa48("795", "796", "797"), t < cohort.length); stryMutAct_9fa48("798") ? t-- : (stryCov_9fa48("798"), t++)) {
              if (stryMutAct_9fa48("799")) {
                {}
              } else {
                stryCov_9fa48("799");
                if (stryMutAct_9fa48("803") ? cohort[t] as number <= (cohort[t - 1] as number) : stryMutAct_9fa48("802") ? cohort[t] as number >= (cohort[t - 1] as number) : stryMutAct_9fa48("801") ? false : stryMutAct_9fa48("800") ? true : (stryCov_9fa48("800", "801", "802", "803"), cohort[t] as number > (cohort[t - 1] as number))) {
                  if (stryMutAct_9fa48("804")) {
                    {}
                  } else {
                    stryCov_9fa48("804");
                    issues.add(stryMutAct_9fa48("805") ? "" : (stryCov_9fa48("805"), 'invalid_order'), stryMutAct_9fa48("806") ? [] : (stryCov_9fa48("806"), [...path, t]), stryMutAct_9fa48("807") ? "" : (stryCov_9fa48("807"), 'must not exceed the previous count (survivors never increase)'));
                    valid = stryMutAct_9fa48("808") ? true : (stryCov_9fa48("808"), false);
                  }
                }
              }
            }
          }
        }
        if (stryMutAct_9fa48("810") ? false : stryMutAct_9fa48("809") ? true : (stryCov_9fa48("809", "810"), valid)) out.push(cohort as number[]);else ok = stryMutAct_9fa48("811") ? true : (stryCov_9fa48("811"), false);
      }
    });
    return ok ? out : undefined;
  }
}