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
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { checkBgBbRows } from './_internal/bgBbInput.js';
import { bgBbLogLikelihoodAndGradient, compressBgBb, type BgBbPatterns } from './_internal/bgBbKernel.js';
import { fitLogParameters } from './_internal/fitCommon.js';

/** The four BG/BB parameters (all > 0). */
export interface BgBbParameters {
  /** First shape of the beta distribution of transaction probabilities p. */
  readonly alpha: number;
  /** Second shape of the beta distribution of transaction probabilities p. */
  readonly beta: number;
  /** First shape of the beta distribution of dropout probabilities theta. */
  readonly gamma: number;
  /** Second shape of the beta distribution of dropout probabilities theta. */
  readonly delta: number;
}

/**
 * One customer (or one pattern of customers) in discrete time: `n` transaction opportunities after
 * the first transaction, `frequency` of them with a transaction, the last at opportunity `recency`.
 */
export interface BgBbCustomer {
  /** Number of opportunities with a transaction x (whole, 0 <= x <= n). */
  readonly frequency: number;
  /** The last opportunity with a transaction t_x (whole, x <= t_x <= n; 0 when x = 0). */
  readonly recency: number;
  /** Number of transaction opportunities n (whole, >= 0, at most 1 million). */
  readonly n: number;
  /** How many customers share this row (>= 0); 1 when absent. */
  readonly weight?: number;
}

/** A fitted BG/BB model: a plain, serialisable object. */
export interface BgBbModel {
  /** The model kind. */
  readonly kind: 'bg-bb';
  /** The maximum likelihood estimates. */
  readonly parameters: BgBbParameters;
  /** The parameter order used by `covariance`. */
  readonly parameterNames: readonly ['alpha', 'beta', 'gamma', 'delta'];
  /** Total log-likelihood over all customers (weights counted). */
  readonly logLikelihood: number;
  /** Standard errors from the observed information (delta method from the log scale); `undefined` when the Hessian is not positive definite. */
  readonly standardErrors: BgBbParameters | undefined;
  /** Covariance of (alpha, beta, gamma, delta); `undefined` with the standard errors. */
  readonly covariance: readonly (readonly number[])[] | undefined;
  /** Number of customers fitted (the sum of the weights). */
  readonly customers: number;
  /** How the optimisation went. */
  readonly convergence: FitConvergence;
}

/** Options of {@link fitBgBb}. */
export interface FitBgBbOptions {
  /**
   * Where the optimizer starts.
   *
   * @defaultValue two deterministic starts, all parameters 1 and (alpha, beta) matched to the mean
   *   transaction rate with gamma = 1, delta = 3; the better fit wins
   */
  initialParameters?: BgBbParameters;
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
const positive = numberSchema(stryMutAct_9fa48("606") ? {} : (stryCov_9fa48("606"), {
  greaterThan: 0
}));
const schema = optionsSchema(stryMutAct_9fa48("607") ? {} : (stryCov_9fa48("607"), {
  initialParameters: z.strictObject(stryMutAct_9fa48("608") ? {} : (stryCov_9fa48("608"), {
    alpha: positive,
    beta: positive,
    gamma: positive,
    delta: positive
  })).optional(),
  tolerance: numberSchema(stryMutAct_9fa48("609") ? {} : (stryCov_9fa48("609"), {
    greaterThan: 0,
    lessThan: 1
  })).optional(),
  maxIterations: numberSchema(stryMutAct_9fa48("610") ? {} : (stryCov_9fa48("610"), {
    integer: stryMutAct_9fa48("611") ? false : (stryCov_9fa48("611"), true),
    min: 1,
    max: 100_000
  })).optional()
}));

/**
 * Fits the beta-geometric/beta-binomial (BG/BB) model to customers with discrete transaction
 * opportunities (annual donations, yearly events, weekly sessions counted once per week).
 *
 * Definition: while alive, a customer transacts at each opportunity with probability p; before
 * each opportunity she drops out for good with probability theta; p ~ Beta(alpha, beta) and
 * theta ~ Beta(gamma, delta) across customers. A customer's likelihood is
 * B(alpha + x, beta + n - x)/B(alpha, beta) * B(gamma, delta + n)/B(gamma, delta)
 *   + sum_{i=0}^{n-t_x-1} B(alpha + x, beta + t_x - x + i)/B(alpha, beta) * B(gamma + 1, delta + t_x + i)/B(gamma, delta).
 * Rows may be individual customers or patterns with a `weight` (the count of customers sharing
 * them): both give the same fit, and identical rows are merged before fitting.
 *
 * Cost: O(rows) to merge; each likelihood evaluation is O(sum over distinct patterns of
 * (n - recency + 1)); a fit takes a few dozen evaluations.
 *
 * ## Method
 * Maximum likelihood over the log-parameters with BFGS and the analytic gradient (sums of digamma
 * differences weighted by each term's share of the likelihood), Nelder-Mead fallback, two
 * deterministic starts; everything in log space (log-sum-exp of the positive terms). Standard
 * errors from the Hessian on the log scale, transformed with the delta method.
 *
 * ## Accuracy
 * Converges to a relative gradient of 1e-10; reproduces Fader, Hardie & Shang's (2010) estimates
 * on their donation data to their published 3 decimals and the log-likelihood to 0.01.
 *
 * @param customers - Rows `{ frequency, recency, n, weight? }` (see {@link BgBbCustomer}).
 * @param options - See {@link FitBgBbOptions}.
 * @returns The fitted model.
 * @throws {@link MetricsInputError} for an empty or invalid row list (frequencies or recencies
 *   above n, recency below frequency, recency without frequency, fractional or negative values)
 *   or invalid options.
 * @throws {@link MetricsFitError} with reason `'no-repeat-customers'` when no customer has a
 *   transaction, or `'no-opportunities'` when every customer has n = 0.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), "Customer-base analysis in a discrete-time
 *   noncontractual setting", Marketing Science 29(6), 1086-1108.
 * @example
 * ```ts
 * import { fitBgBb } from 'customer-metrics';
 * const model = fitBgBb([
 *   { frequency: 0, recency: 0, n: 4, weight: 40 },
 *   { frequency: 1, recency: 1, n: 4, weight: 10 },
 *   { frequency: 2, recency: 4, n: 4, weight: 12 },
 *   { frequency: 3, recency: 3, n: 4, weight: 5 },
 *   { frequency: 4, recency: 4, n: 4, weight: 18 },
 * ]);
 * model.kind; // => 'bg-bb'
 * model.customers; // => 85
 * ```
 */
export function fitBgBb(customers: readonly BgBbCustomer[], options?: FitBgBbOptions): BgBbModel {
  if (stryMutAct_9fa48("612")) {
    {}
  } else {
    stryCov_9fa48("612");
    const issues = new IssueList();
    const cols = checkBgBbRows(customers, stryMutAct_9fa48("613") ? "" : (stryCov_9fa48("613"), 'customers'), issues, 1);
    const opts = parseInput(schema, options, stryMutAct_9fa48("614") ? "" : (stryCov_9fa48("614"), 'options'), issues);
    issues.throwIfAny();
    const {
      x,
      tx,
      n,
      w
    } = cols as NonNullable<typeof cols>;
    const data = compressBgBb(x, tx, n, w);
    return fitPatterns(data, stryMutAct_9fa48("615") ? opts.initialParameters : (stryCov_9fa48("615"), opts?.initialParameters), stryMutAct_9fa48("616") ? opts?.tolerance && 1e-10 : (stryCov_9fa48("616"), (stryMutAct_9fa48("617") ? opts.tolerance : (stryCov_9fa48("617"), opts?.tolerance)) ?? 1e-10), stryMutAct_9fa48("618") ? opts?.maxIterations && 500 : (stryCov_9fa48("618"), (stryMutAct_9fa48("619") ? opts.maxIterations : (stryCov_9fa48("619"), opts?.maxIterations)) ?? 500));
  }
}

/** The fit on merged patterns. */
function fitPatterns(data: BgBbPatterns, initial: BgBbParameters | undefined, tolerance: number, maxIterations: number): BgBbModel {
  if (stryMutAct_9fa48("620")) {
    {}
  } else {
    stryCov_9fa48("620");
    let total = 0;
    let transactions = 0;
    let opportunities = 0;
    for (let i = 0; stryMutAct_9fa48("623") ? i >= data.x.length : stryMutAct_9fa48("622") ? i <= data.x.length : stryMutAct_9fa48("621") ? false : (stryCov_9fa48("621", "622", "623"), i < data.x.length); stryMutAct_9fa48("624") ? i-- : (stryCov_9fa48("624"), i++)) {
      if (stryMutAct_9fa48("625")) {
        {}
      } else {
        stryCov_9fa48("625");
        const weight = data.w[i] as number;
        stryMutAct_9fa48("626") ? total -= weight : (stryCov_9fa48("626"), total += weight);
        stryMutAct_9fa48("627") ? transactions -= weight * (data.x[i] as number) : (stryCov_9fa48("627"), transactions += stryMutAct_9fa48("628") ? weight / (data.x[i] as number) : (stryCov_9fa48("628"), weight * (data.x[i] as number)));
        stryMutAct_9fa48("629") ? opportunities -= weight * (data.n[i] as number) : (stryCov_9fa48("629"), opportunities += stryMutAct_9fa48("630") ? weight / (data.n[i] as number) : (stryCov_9fa48("630"), weight * (data.n[i] as number)));
      }
    }
    if (stryMutAct_9fa48("633") ? false : stryMutAct_9fa48("632") ? true : stryMutAct_9fa48("631") ? opportunities > 0 : (stryCov_9fa48("631", "632", "633"), !(stryMutAct_9fa48("637") ? opportunities <= 0 : stryMutAct_9fa48("636") ? opportunities >= 0 : stryMutAct_9fa48("635") ? false : stryMutAct_9fa48("634") ? true : (stryCov_9fa48("634", "635", "636", "637"), opportunities > 0)))) throw new MetricsFitError(stryMutAct_9fa48("638") ? "" : (stryCov_9fa48("638"), 'no-opportunities'), stryMutAct_9fa48("639") ? "" : (stryCov_9fa48("639"), 'No customer had a transaction opportunity (every n is 0): nothing can be estimated.'));
    if (stryMutAct_9fa48("642") ? false : stryMutAct_9fa48("641") ? true : stryMutAct_9fa48("640") ? transactions > 0 : (stryCov_9fa48("640", "641", "642"), !(stryMutAct_9fa48("646") ? transactions <= 0 : stryMutAct_9fa48("645") ? transactions >= 0 : stryMutAct_9fa48("644") ? false : stryMutAct_9fa48("643") ? true : (stryCov_9fa48("643", "644", "645", "646"), transactions > 0)))) throw new MetricsFitError(stryMutAct_9fa48("647") ? "" : (stryCov_9fa48("647"), 'no-repeat-customers'), stryMutAct_9fa48("648") ? "" : (stryCov_9fa48("648"), 'No customer made a transaction: the BG/BB transaction probabilities cannot be estimated.'));
    const rate = stryMutAct_9fa48("649") ? Math.max(0.95, Math.max(0.05, transactions / opportunities)) : (stryCov_9fa48("649"), Math.min(0.95, stryMutAct_9fa48("650") ? Math.min(0.05, transactions / opportunities) : (stryCov_9fa48("650"), Math.max(0.05, stryMutAct_9fa48("651") ? transactions * opportunities : (stryCov_9fa48("651"), transactions / opportunities)))));
    const starts = (stryMutAct_9fa48("654") ? initial === undefined : stryMutAct_9fa48("653") ? false : stryMutAct_9fa48("652") ? true : (stryCov_9fa48("652", "653", "654"), initial !== undefined)) ? stryMutAct_9fa48("655") ? [] : (stryCov_9fa48("655"), [stryMutAct_9fa48("656") ? [] : (stryCov_9fa48("656"), [initial.alpha, initial.beta, initial.gamma, initial.delta])]) : stryMutAct_9fa48("657") ? [] : (stryCov_9fa48("657"), [stryMutAct_9fa48("658") ? [] : (stryCov_9fa48("658"), [1, 1, 1, 1]), stryMutAct_9fa48("659") ? [] : (stryCov_9fa48("659"), [stryMutAct_9fa48("660") ? 2 / rate : (stryCov_9fa48("660"), 2 * rate), stryMutAct_9fa48("661") ? 2 / (1 - rate) : (stryCov_9fa48("661"), 2 * (stryMutAct_9fa48("662") ? 1 + rate : (stryCov_9fa48("662"), 1 - rate))), 1, 3])]);
    const fit = fitLogParameters(stryMutAct_9fa48("663") ? () => undefined : (stryCov_9fa48("663"), (theta, gradient) => bgBbLogLikelihoodAndGradient(stryMutAct_9fa48("664") ? {} : (stryCov_9fa48("664"), {
      alpha: theta[0] as number,
      beta: theta[1] as number,
      gamma: theta[2] as number,
      delta: theta[3] as number
    }), data, gradient)), starts, tolerance, maxIterations);
    const [alpha, beta, gamma, delta] = fit.theta as [number, number, number, number];
    const se = fit.standardErrors;
    return stryMutAct_9fa48("665") ? {} : (stryCov_9fa48("665"), {
      kind: stryMutAct_9fa48("666") ? "" : (stryCov_9fa48("666"), 'bg-bb'),
      parameters: stryMutAct_9fa48("667") ? {} : (stryCov_9fa48("667"), {
        alpha,
        beta,
        gamma,
        delta
      }),
      parameterNames: stryMutAct_9fa48("668") ? [] : (stryCov_9fa48("668"), [stryMutAct_9fa48("669") ? "" : (stryCov_9fa48("669"), 'alpha'), stryMutAct_9fa48("670") ? "" : (stryCov_9fa48("670"), 'beta'), stryMutAct_9fa48("671") ? "" : (stryCov_9fa48("671"), 'gamma'), stryMutAct_9fa48("672") ? "" : (stryCov_9fa48("672"), 'delta')]),
      logLikelihood: fit.logLikelihood,
      standardErrors: (stryMutAct_9fa48("675") ? se !== undefined : stryMutAct_9fa48("674") ? false : stryMutAct_9fa48("673") ? true : (stryCov_9fa48("673", "674", "675"), se === undefined)) ? undefined : stryMutAct_9fa48("676") ? {} : (stryCov_9fa48("676"), {
        alpha: se[0] as number,
        beta: se[1] as number,
        gamma: se[2] as number,
        delta: se[3] as number
      }),
      covariance: fit.covariance,
      customers: total,
      convergence: fit.convergence
    });
  }
}