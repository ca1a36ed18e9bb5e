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
import { normalSample, seededUniform } from './_internal/sampling.js';

/**
 * What {@link predictionInterval} reads from a fitted model: its positive parameters and their
 * covariance (every fit result of this library has both).
 */
export interface FitWithCovariance {
  /** The estimates, each > 0. */
  readonly parameters: object;
  /** The order of `covariance`'s rows; the keys of `parameters` in order when absent. */
  readonly parameterNames?: readonly string[];
  /** Covariance of the estimates on their natural scale. */
  readonly covariance: readonly (readonly number[])[] | undefined;
}

/** Options of {@link predictionInterval}. */
export interface PredictionIntervalOptions {
  /**
   * The coverage of the interval, strictly between 0 and 1.
   *
   * @defaultValue 0.9
   */
  level?: number;
  /**
   * How many parameter draws (at least 20, at most 100,000). Memory is O(draws x values predicted).
   *
   * @defaultValue 1000
   */
  draws?: number;
  /**
   * The seed of the random generator: the same seed gives the same interval.
   *
   * @defaultValue 1
   */
  seed?: number;
}

/** An interval for one predicted value. */
export interface PredictionIntervalResult<T extends number | number[]> {
  /** The prediction at the fitted parameters. */
  readonly estimate: T;
  /** The (1 - level)/2 quantile of the predictions over the parameter draws. */
  readonly lower: T;
  /** The (1 + level)/2 quantile of the predictions over the parameter draws. */
  readonly upper: T;
  /** The coverage requested. */
  readonly level: number;
  /** Draws that gave a finite prediction (the quantiles are over these). */
  readonly draws: number;
  /** Draws whose prediction threw or was not a finite number (left out). */
  readonly failedDraws: number;
}
const schema = optionsSchema(stryMutAct_9fa48("128") ? {} : (stryCov_9fa48("128"), {
  level: numberSchema(stryMutAct_9fa48("129") ? {} : (stryCov_9fa48("129"), {
    greaterThan: 0,
    lessThan: 1
  })).optional(),
  draws: numberSchema(stryMutAct_9fa48("130") ? {} : (stryCov_9fa48("130"), {
    integer: stryMutAct_9fa48("131") ? false : (stryCov_9fa48("131"), true),
    min: 20,
    max: 100_000
  })).optional(),
  seed: numberSchema(stryMutAct_9fa48("132") ? {} : (stryCov_9fa48("132"), {
    integer: stryMutAct_9fa48("133") ? false : (stryCov_9fa48("133"), true),
    min: 0,
    max: 4294967295
  })).optional()
}));

/** What {@link predictionInterval} draws from: one fitted model, or a record of independently fitted models. */
export type PredictionIntervalModels = FitWithCovariance | Readonly<Record<string, FitWithCovariance>>;
type Models = PredictionIntervalModels;

/**
 * An interval for any prediction of fitted models (expected purchases, P(alive), CLV, DERL, for one
 * customer or many), reflecting the uncertainty of the estimated parameters.
 *
 * Definition: a parametric bootstrap. The log-parameters phi = ln(theta) of each model are drawn
 * from the normal distribution N(ln theta_hat, Sigma_phi), Sigma_phi,ij = Cov_ij / (theta_i theta_j)
 * (the fit's covariance moved back to the log scale, on which the likelihood is closer to
 * quadratic and every draw stays positive); `predict` is evaluated on a copy of the model with the
 * drawn parameters, and the interval is the (1 - level)/2 and (1 + level)/2 quantiles of those
 * predictions. Several independently fitted models (a transaction model and a spend model for
 * CLV) are passed as a record and drawn independently. The interval is for the *expected* value the
 * model predicts, not for the customer's actual future purchases, which vary much more.
 *
 * Cost: `draws` calls of `predict`, plus O(draws * values log draws) for the quantiles.
 *
 * ## Method
 * Cholesky factor of Sigma_phi; standard normal deviates from a seeded generator (Box-Muller on
 * mulberry32), so the same seed gives the same interval; quantiles interpolate linearly between
 * order statistics (type 7). Draws whose prediction throws or is not finite are left out and
 * counted in `failedDraws` (for example a Gamma-Gamma draw with q <= 1, where the mean spend is
 * undefined).
 *
 * ## Accuracy
 * Monte Carlo: the quantiles' standard error shrinks as 1 / sqrt(draws); with 1,000 draws the
 * endpoints of a 90% interval move by a few percent of its width between seeds. The normal
 * approximation on the log scale is asymptotic: with few customers the interval can be too narrow.
 *
 * @param models - A fitted model with a covariance, or a record of them.
 * @param predict - Computes the prediction from models of the same shape; returns a number or an
 *   array of numbers (one per customer, for instance a batch prediction).
 * @param options - See {@link PredictionIntervalOptions}.
 * @returns The estimate and the interval, of the shape `predict` returns.
 * @throws {@link MetricsInputError} when a model has no covariance (its Hessian was not positive
 *   definite), non-positive parameters, a covariance of the wrong size or not positive definite,
 *   when the prediction at the estimates is not finite, or for invalid options.
 * @see Efron, B. & Tibshirani, R. (1993), An Introduction to the Bootstrap, ch. 6 (parametric
 *   bootstrap); lifetimes and CLVTools offer bootstrap intervals of the same kind.
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric, predictionInterval, survivalCurve } from 'customer-metrics';
 * const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * // 90% interval for the share of the cohort still active after 12 years.
 * const interval = predictionInterval(model, (m) => survivalCurve(m, { periods: 12 })[12] as number, { seed: 7 });
 * interval.estimate; // => ~0.1700
 * interval.lower < interval.estimate && interval.estimate < interval.upper; // => true
 * interval.level; // => 0.9
 * ```
 */
export function predictionInterval<M extends PredictionIntervalModels>(models: M, predict: (models: M) => number, options?: PredictionIntervalOptions): PredictionIntervalResult<number>;
export function predictionInterval<M extends PredictionIntervalModels>(models: M, predict: (models: M) => ArrayLike<number>, options?: PredictionIntervalOptions): PredictionIntervalResult<number[]>;
export function predictionInterval<M extends PredictionIntervalModels>(models: M, predict: (models: M) => number | ArrayLike<number>, options?: PredictionIntervalOptions): PredictionIntervalResult<number> | PredictionIntervalResult<number[]> {
  if (stryMutAct_9fa48("134")) {
    {}
  } else {
    stryCov_9fa48("134");
    const issues = new IssueList();
    const samplers = checkModels(models, issues);
    if (stryMutAct_9fa48("137") ? typeof predict === 'function' : stryMutAct_9fa48("136") ? false : stryMutAct_9fa48("135") ? true : (stryCov_9fa48("135", "136", "137"), typeof predict !== (stryMutAct_9fa48("138") ? "" : (stryCov_9fa48("138"), 'function')))) issues.add(stryMutAct_9fa48("139") ? "" : (stryCov_9fa48("139"), 'invalid_type'), stryMutAct_9fa48("140") ? [] : (stryCov_9fa48("140"), [stryMutAct_9fa48("141") ? "" : (stryCov_9fa48("141"), 'predict')]), (stryMutAct_9fa48("144") ? predict !== undefined : stryMutAct_9fa48("143") ? false : stryMutAct_9fa48("142") ? true : (stryCov_9fa48("142", "143", "144"), predict === undefined)) ? stryMutAct_9fa48("145") ? "" : (stryCov_9fa48("145"), 'is required') : stryMutAct_9fa48("146") ? "" : (stryCov_9fa48("146"), 'must be a function'));
    const opts = parseInput(schema, options, stryMutAct_9fa48("147") ? "" : (stryCov_9fa48("147"), 'options'), issues);
    issues.throwIfAny();
    const level = stryMutAct_9fa48("148") ? opts?.level && 0.9 : (stryCov_9fa48("148"), (stryMutAct_9fa48("149") ? opts.level : (stryCov_9fa48("149"), opts?.level)) ?? 0.9);
    const draws = stryMutAct_9fa48("150") ? opts?.draws && 1000 : (stryCov_9fa48("150"), (stryMutAct_9fa48("151") ? opts.draws : (stryCov_9fa48("151"), opts?.draws)) ?? 1000);
    const random = seededUniform(stryMutAct_9fa48("152") ? opts?.seed && 1 : (stryCov_9fa48("152"), (stryMutAct_9fa48("153") ? opts.seed : (stryCov_9fa48("153"), opts?.seed)) ?? 1));
    const pointValue = predict(models);
    const scalar = stryMutAct_9fa48("156") ? typeof pointValue !== 'number' : stryMutAct_9fa48("155") ? false : stryMutAct_9fa48("154") ? true : (stryCov_9fa48("154", "155", "156"), typeof pointValue === (stryMutAct_9fa48("157") ? "" : (stryCov_9fa48("157"), 'number')));
    const estimate = scalar ? stryMutAct_9fa48("158") ? [] : (stryCov_9fa48("158"), [pointValue]) : Array.from(pointValue as ArrayLike<number>);
    if (stryMutAct_9fa48("161") ? false : stryMutAct_9fa48("160") ? true : stryMutAct_9fa48("159") ? estimate.every(Number.isFinite) : (stryCov_9fa48("159", "160", "161"), !(stryMutAct_9fa48("162") ? estimate.some(Number.isFinite) : (stryCov_9fa48("162"), estimate.every(Number.isFinite))))) {
      if (stryMutAct_9fa48("163")) {
        {}
      } else {
        stryCov_9fa48("163");
        issues.add(stryMutAct_9fa48("164") ? "" : (stryCov_9fa48("164"), 'invalid_value'), stryMutAct_9fa48("165") ? [] : (stryCov_9fa48("165"), [stryMutAct_9fa48("166") ? "" : (stryCov_9fa48("166"), 'predict')]), stryMutAct_9fa48("167") ? "" : (stryCov_9fa48("167"), 'must return finite numbers at the fitted parameters'));
        issues.throwIfAny();
      }
    }
    const width = estimate.length;
    const samples = new Float64Array(stryMutAct_9fa48("168") ? draws / width : (stryCov_9fa48("168"), draws * width));
    let good = 0;
    let failed = 0;
    for (let d = 0; stryMutAct_9fa48("171") ? d >= draws : stryMutAct_9fa48("170") ? d <= draws : stryMutAct_9fa48("169") ? false : (stryCov_9fa48("169", "170", "171"), d < draws); stryMutAct_9fa48("172") ? d-- : (stryCov_9fa48("172"), d++)) {
      if (stryMutAct_9fa48("173")) {
        {}
      } else {
        stryCov_9fa48("173");
        const drawn = drawModels(models, samplers as Sampler[], random);
        let value: number | ArrayLike<number>;
        try {
          if (stryMutAct_9fa48("174")) {
            {}
          } else {
            stryCov_9fa48("174");
            value = predict(drawn as M);
          }
        } catch {
          if (stryMutAct_9fa48("175")) {
            {}
          } else {
            stryCov_9fa48("175");
            stryMutAct_9fa48("176") ? failed-- : (stryCov_9fa48("176"), failed++);
            continue;
          }
        }
        const values = (stryMutAct_9fa48("179") ? typeof value !== 'number' : stryMutAct_9fa48("178") ? false : stryMutAct_9fa48("177") ? true : (stryCov_9fa48("177", "178", "179"), typeof value === (stryMutAct_9fa48("180") ? "" : (stryCov_9fa48("180"), 'number')))) ? stryMutAct_9fa48("181") ? [] : (stryCov_9fa48("181"), [value]) : value;
        let finite = stryMutAct_9fa48("184") ? values !== null && typeof values === 'object' || values.length === width : stryMutAct_9fa48("183") ? false : stryMutAct_9fa48("182") ? true : (stryCov_9fa48("182", "183", "184"), (stryMutAct_9fa48("186") ? values !== null || typeof values === 'object' : stryMutAct_9fa48("185") ? true : (stryCov_9fa48("185", "186"), (stryMutAct_9fa48("188") ? values === null : stryMutAct_9fa48("187") ? true : (stryCov_9fa48("187", "188"), values !== null)) && (stryMutAct_9fa48("190") ? typeof values !== 'object' : stryMutAct_9fa48("189") ? true : (stryCov_9fa48("189", "190"), typeof values === (stryMutAct_9fa48("191") ? "" : (stryCov_9fa48("191"), 'object')))))) && (stryMutAct_9fa48("193") ? values.length !== width : stryMutAct_9fa48("192") ? true : (stryCov_9fa48("192", "193"), values.length === width)));
        for (let i = 0; stryMutAct_9fa48("195") ? finite || i < width : stryMutAct_9fa48("194") ? false : (stryCov_9fa48("194", "195"), finite && (stryMutAct_9fa48("198") ? i >= width : stryMutAct_9fa48("197") ? i <= width : stryMutAct_9fa48("196") ? true : (stryCov_9fa48("196", "197", "198"), i < width))); stryMutAct_9fa48("199") ? i-- : (stryCov_9fa48("199"), i++)) finite = Number.isFinite(values[i]);
        if (stryMutAct_9fa48("202") ? false : stryMutAct_9fa48("201") ? true : stryMutAct_9fa48("200") ? finite : (stryCov_9fa48("200", "201", "202"), !finite)) {
          if (stryMutAct_9fa48("203")) {
            {}
          } else {
            stryCov_9fa48("203");
            stryMutAct_9fa48("204") ? failed-- : (stryCov_9fa48("204"), failed++);
            continue;
          }
        }
        for (let i = 0; stryMutAct_9fa48("207") ? i >= width : stryMutAct_9fa48("206") ? i <= width : stryMutAct_9fa48("205") ? false : (stryCov_9fa48("205", "206", "207"), i < width); stryMutAct_9fa48("208") ? i-- : (stryCov_9fa48("208"), i++)) samples[stryMutAct_9fa48("209") ? i * draws - good : (stryCov_9fa48("209"), (stryMutAct_9fa48("210") ? i / draws : (stryCov_9fa48("210"), i * draws)) + good)] = values[i] as number;
        stryMutAct_9fa48("211") ? good-- : (stryCov_9fa48("211"), good++);
      }
    }
    const lower = stryMutAct_9fa48("212") ? new Array() : (stryCov_9fa48("212"), new Array<number>(width));
    const upper = stryMutAct_9fa48("213") ? new Array() : (stryCov_9fa48("213"), new Array<number>(width));
    for (let i = 0; stryMutAct_9fa48("216") ? i >= width : stryMutAct_9fa48("215") ? i <= width : stryMutAct_9fa48("214") ? false : (stryCov_9fa48("214", "215", "216"), i < width); stryMutAct_9fa48("217") ? i-- : (stryCov_9fa48("217"), i++)) {
      if (stryMutAct_9fa48("218")) {
        {}
      } else {
        stryCov_9fa48("218");
        const column = stryMutAct_9fa48("219") ? samples.subarray(i * draws, i * draws + good) : (stryCov_9fa48("219"), samples.subarray(stryMutAct_9fa48("220") ? i / draws : (stryCov_9fa48("220"), i * draws), stryMutAct_9fa48("221") ? i * draws - good : (stryCov_9fa48("221"), (stryMutAct_9fa48("222") ? i / draws : (stryCov_9fa48("222"), i * draws)) + good)).sort());
        lower[i] = (stryMutAct_9fa48("225") ? good !== 0 : stryMutAct_9fa48("224") ? false : stryMutAct_9fa48("223") ? true : (stryCov_9fa48("223", "224", "225"), good === 0)) ? estimate[i] as number : quantile(column, stryMutAct_9fa48("226") ? (1 - level) * 2 : (stryCov_9fa48("226"), (stryMutAct_9fa48("227") ? 1 + level : (stryCov_9fa48("227"), 1 - level)) / 2));
        upper[i] = (stryMutAct_9fa48("230") ? good !== 0 : stryMutAct_9fa48("229") ? false : stryMutAct_9fa48("228") ? true : (stryCov_9fa48("228", "229", "230"), good === 0)) ? estimate[i] as number : quantile(column, stryMutAct_9fa48("231") ? (1 + level) * 2 : (stryCov_9fa48("231"), (stryMutAct_9fa48("232") ? 1 - level : (stryCov_9fa48("232"), 1 + level)) / 2));
      }
    }
    if (stryMutAct_9fa48("234") ? false : stryMutAct_9fa48("233") ? true : (stryCov_9fa48("233", "234"), scalar)) return stryMutAct_9fa48("235") ? {} : (stryCov_9fa48("235"), {
      estimate: estimate[0] as number,
      lower: lower[0] as number,
      upper: upper[0] as number,
      level,
      draws: good,
      failedDraws: failed
    });
    return stryMutAct_9fa48("236") ? {} : (stryCov_9fa48("236"), {
      estimate,
      lower,
      upper,
      level,
      draws: good,
      failedDraws: failed
    });
  }
}
interface Sampler {
  key: string | undefined;
  model: FitWithCovariance;
  names: string[];
  mean: number[];
  cholesky: number[][];
}
function checkModels(models: unknown, issues: IssueList): Sampler[] | undefined {
  if (stryMutAct_9fa48("237")) {
    {}
  } else {
    stryCov_9fa48("237");
    if (stryMutAct_9fa48("240") ? typeof models !== 'object' && models === null : stryMutAct_9fa48("239") ? false : stryMutAct_9fa48("238") ? true : (stryCov_9fa48("238", "239", "240"), (stryMutAct_9fa48("242") ? typeof models === 'object' : stryMutAct_9fa48("241") ? false : (stryCov_9fa48("241", "242"), typeof models !== (stryMutAct_9fa48("243") ? "" : (stryCov_9fa48("243"), 'object')))) || (stryMutAct_9fa48("245") ? models !== null : stryMutAct_9fa48("244") ? false : (stryCov_9fa48("244", "245"), models === null)))) {
      if (stryMutAct_9fa48("246")) {
        {}
      } else {
        stryCov_9fa48("246");
        issues.add(stryMutAct_9fa48("247") ? "" : (stryCov_9fa48("247"), 'invalid_type'), stryMutAct_9fa48("248") ? [] : (stryCov_9fa48("248"), [stryMutAct_9fa48("249") ? "" : (stryCov_9fa48("249"), 'models')]), (stryMutAct_9fa48("252") ? models !== undefined : stryMutAct_9fa48("251") ? false : stryMutAct_9fa48("250") ? true : (stryCov_9fa48("250", "251", "252"), models === undefined)) ? stryMutAct_9fa48("253") ? "" : (stryCov_9fa48("253"), 'is required') : stryMutAct_9fa48("254") ? "" : (stryCov_9fa48("254"), 'must be a fitted model or a record of fitted models'));
        return undefined;
      }
    }
    const single = (stryMutAct_9fa48("255") ? "" : (stryCov_9fa48("255"), 'parameters')) in models;
    const entries: [string | undefined, unknown][] = single ? stryMutAct_9fa48("256") ? [] : (stryCov_9fa48("256"), [stryMutAct_9fa48("257") ? [] : (stryCov_9fa48("257"), [undefined, models])]) : Object.entries(models);
    if (stryMutAct_9fa48("260") ? entries.length !== 0 : stryMutAct_9fa48("259") ? false : stryMutAct_9fa48("258") ? true : (stryCov_9fa48("258", "259", "260"), entries.length === 0)) issues.add(stryMutAct_9fa48("261") ? "" : (stryCov_9fa48("261"), 'too_small'), stryMutAct_9fa48("262") ? [] : (stryCov_9fa48("262"), [stryMutAct_9fa48("263") ? "" : (stryCov_9fa48("263"), 'models')]), stryMutAct_9fa48("264") ? "" : (stryCov_9fa48("264"), 'must have at least 1 model'));
    const out: Sampler[] = stryMutAct_9fa48("265") ? ["Stryker was here"] : (stryCov_9fa48("265"), []);
    for (const [key, model] of entries) {
      if (stryMutAct_9fa48("266")) {
        {}
      } else {
        stryCov_9fa48("266");
        const path = (stryMutAct_9fa48("269") ? key !== undefined : stryMutAct_9fa48("268") ? false : stryMutAct_9fa48("267") ? true : (stryCov_9fa48("267", "268", "269"), key === undefined)) ? stryMutAct_9fa48("270") ? [] : (stryCov_9fa48("270"), [stryMutAct_9fa48("271") ? "" : (stryCov_9fa48("271"), 'models')]) : stryMutAct_9fa48("272") ? [] : (stryCov_9fa48("272"), [stryMutAct_9fa48("273") ? "" : (stryCov_9fa48("273"), 'models'), key]);
        const sampler = checkModel(model, path, key, issues);
        if (stryMutAct_9fa48("276") ? sampler === undefined : stryMutAct_9fa48("275") ? false : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275", "276"), sampler !== undefined)) out.push(sampler);
      }
    }
    return issues.isEmpty ? out : undefined;
  }
}
function checkModel(model: unknown, path: string[], key: string | undefined, issues: IssueList): Sampler | undefined {
  if (stryMutAct_9fa48("277")) {
    {}
  } else {
    stryCov_9fa48("277");
    if (stryMutAct_9fa48("280") ? (typeof model !== 'object' || model === null || typeof (model as {
      parameters?: unknown;
    }).parameters !== 'object') && (model as {
      parameters: unknown;
    }).parameters === null : stryMutAct_9fa48("279") ? false : stryMutAct_9fa48("278") ? true : (stryCov_9fa48("278", "279", "280"), (stryMutAct_9fa48("282") ? (typeof model !== 'object' || model === null) && typeof (model as {
      parameters?: unknown;
    }).parameters !== 'object' : stryMutAct_9fa48("281") ? false : (stryCov_9fa48("281", "282"), (stryMutAct_9fa48("284") ? typeof model !== 'object' && model === null : stryMutAct_9fa48("283") ? false : (stryCov_9fa48("283", "284"), (stryMutAct_9fa48("286") ? typeof model === 'object' : stryMutAct_9fa48("285") ? false : (stryCov_9fa48("285", "286"), typeof model !== (stryMutAct_9fa48("287") ? "" : (stryCov_9fa48("287"), 'object')))) || (stryMutAct_9fa48("289") ? model !== null : stryMutAct_9fa48("288") ? false : (stryCov_9fa48("288", "289"), model === null)))) || (stryMutAct_9fa48("291") ? typeof (model as {
      parameters?: unknown;
    }).parameters === 'object' : stryMutAct_9fa48("290") ? false : (stryCov_9fa48("290", "291"), typeof (model as {
      parameters?: unknown;
    }).parameters !== (stryMutAct_9fa48("292") ? "" : (stryCov_9fa48("292"), 'object')))))) || (stryMutAct_9fa48("294") ? (model as {
      parameters: unknown;
    }).parameters !== null : stryMutAct_9fa48("293") ? false : (stryCov_9fa48("293", "294"), (model as {
      parameters: unknown;
    }).parameters === null)))) {
      if (stryMutAct_9fa48("295")) {
        {}
      } else {
        stryCov_9fa48("295");
        issues.add(stryMutAct_9fa48("296") ? "" : (stryCov_9fa48("296"), 'invalid_type'), path, stryMutAct_9fa48("297") ? "" : (stryCov_9fa48("297"), 'must be a fitted model with parameters and a covariance'));
        return undefined;
      }
    }
    const m = model as FitWithCovariance;
    const parameters = m.parameters as Record<string, unknown>;
    const names = Array.isArray(m.parameterNames) ? stryMutAct_9fa48("298") ? [] : (stryCov_9fa48("298"), [...m.parameterNames]) : Object.keys(parameters);
    const mean: number[] = stryMutAct_9fa48("299") ? ["Stryker was here"] : (stryCov_9fa48("299"), []);
    let ok = stryMutAct_9fa48("300") ? false : (stryCov_9fa48("300"), true);
    for (const name of names) {
      if (stryMutAct_9fa48("301")) {
        {}
      } else {
        stryCov_9fa48("301");
        const v = parameters[name];
        if (stryMutAct_9fa48("304") ? typeof v === 'number' && v > 0 || Number.isFinite(v) : stryMutAct_9fa48("303") ? false : stryMutAct_9fa48("302") ? true : (stryCov_9fa48("302", "303", "304"), (stryMutAct_9fa48("306") ? typeof v === 'number' || v > 0 : stryMutAct_9fa48("305") ? true : (stryCov_9fa48("305", "306"), (stryMutAct_9fa48("308") ? typeof v !== 'number' : stryMutAct_9fa48("307") ? true : (stryCov_9fa48("307", "308"), typeof v === (stryMutAct_9fa48("309") ? "" : (stryCov_9fa48("309"), 'number')))) && (stryMutAct_9fa48("312") ? v <= 0 : stryMutAct_9fa48("311") ? v >= 0 : stryMutAct_9fa48("310") ? true : (stryCov_9fa48("310", "311", "312"), v > 0)))) && Number.isFinite(v))) mean.push(Math.log(v));else {
          if (stryMutAct_9fa48("313")) {
            {}
          } else {
            stryCov_9fa48("313");
            issues.add((stryMutAct_9fa48("316") ? v !== undefined : stryMutAct_9fa48("315") ? false : stryMutAct_9fa48("314") ? true : (stryCov_9fa48("314", "315", "316"), v === undefined)) ? stryMutAct_9fa48("317") ? "" : (stryCov_9fa48("317"), 'invalid_type') : stryMutAct_9fa48("318") ? "" : (stryCov_9fa48("318"), 'too_small'), stryMutAct_9fa48("319") ? [] : (stryCov_9fa48("319"), [...path, stryMutAct_9fa48("320") ? "" : (stryCov_9fa48("320"), 'parameters'), name]), stryMutAct_9fa48("321") ? "" : (stryCov_9fa48("321"), 'must be a finite number greater than 0'));
            ok = stryMutAct_9fa48("322") ? true : (stryCov_9fa48("322"), false);
          }
        }
      }
    }
    const cov = m.covariance;
    if (stryMutAct_9fa48("325") ? cov !== undefined : stryMutAct_9fa48("324") ? false : stryMutAct_9fa48("323") ? true : (stryCov_9fa48("323", "324", "325"), cov === undefined)) {
      if (stryMutAct_9fa48("326")) {
        {}
      } else {
        stryCov_9fa48("326");
        issues.add(stryMutAct_9fa48("327") ? "" : (stryCov_9fa48("327"), 'invalid_value'), stryMutAct_9fa48("328") ? [] : (stryCov_9fa48("328"), [...path, stryMutAct_9fa48("329") ? "" : (stryCov_9fa48("329"), 'covariance')]), stryMutAct_9fa48("330") ? "" : (stryCov_9fa48("330"), 'is missing: the fit has no standard errors (its Hessian was not positive definite), so no interval can be drawn'));
        return undefined;
      }
    }
    if (stryMutAct_9fa48("333") ? (!Array.isArray(cov) || cov.length !== names.length) && !cov.every(row => Array.isArray(row) && row.length === names.length && row.every(Number.isFinite)) : stryMutAct_9fa48("332") ? false : stryMutAct_9fa48("331") ? true : (stryCov_9fa48("331", "332", "333"), (stryMutAct_9fa48("335") ? !Array.isArray(cov) && cov.length !== names.length : stryMutAct_9fa48("334") ? false : (stryCov_9fa48("334", "335"), (stryMutAct_9fa48("336") ? Array.isArray(cov) : (stryCov_9fa48("336"), !Array.isArray(cov))) || (stryMutAct_9fa48("338") ? cov.length === names.length : stryMutAct_9fa48("337") ? false : (stryCov_9fa48("337", "338"), cov.length !== names.length)))) || (stryMutAct_9fa48("339") ? cov.every(row => Array.isArray(row) && row.length === names.length && row.every(Number.isFinite)) : (stryCov_9fa48("339"), !(stryMutAct_9fa48("340") ? cov.some(row => Array.isArray(row) && row.length === names.length && row.every(Number.isFinite)) : (stryCov_9fa48("340"), cov.every(stryMutAct_9fa48("341") ? () => undefined : (stryCov_9fa48("341"), row => stryMutAct_9fa48("344") ? Array.isArray(row) && row.length === names.length || row.every(Number.isFinite) : stryMutAct_9fa48("343") ? false : stryMutAct_9fa48("342") ? true : (stryCov_9fa48("342", "343", "344"), (stryMutAct_9fa48("346") ? Array.isArray(row) || row.length === names.length : stryMutAct_9fa48("345") ? true : (stryCov_9fa48("345", "346"), Array.isArray(row) && (stryMutAct_9fa48("348") ? row.length !== names.length : stryMutAct_9fa48("347") ? true : (stryCov_9fa48("347", "348"), row.length === names.length)))) && (stryMutAct_9fa48("349") ? row.some(Number.isFinite) : (stryCov_9fa48("349"), row.every(Number.isFinite)))))))))))) {
      if (stryMutAct_9fa48("350")) {
        {}
      } else {
        stryCov_9fa48("350");
        issues.add(stryMutAct_9fa48("351") ? "" : (stryCov_9fa48("351"), 'invalid_structure'), stryMutAct_9fa48("352") ? [] : (stryCov_9fa48("352"), [...path, stryMutAct_9fa48("353") ? "" : (stryCov_9fa48("353"), 'covariance')]), stryMutAct_9fa48("354") ? "" : (stryCov_9fa48("354"), 'must be a square matrix of finite numbers, one row per parameter'));
        return undefined;
      }
    }
    if (stryMutAct_9fa48("357") ? false : stryMutAct_9fa48("356") ? true : stryMutAct_9fa48("355") ? ok : (stryCov_9fa48("355", "356", "357"), !ok)) return undefined;
    // Back to the log scale: Sigma_phi,ij = Cov_ij / (theta_i theta_j).
    const theta = mean.map(Math.exp);
    const logCov = (cov as readonly (readonly number[])[]).map(stryMutAct_9fa48("358") ? () => undefined : (stryCov_9fa48("358"), (row, i) => row.map(stryMutAct_9fa48("359") ? () => undefined : (stryCov_9fa48("359"), (v, j) => stryMutAct_9fa48("360") ? v * ((theta[i] as number) * (theta[j] as number)) : (stryCov_9fa48("360"), v / (stryMutAct_9fa48("361") ? (theta[i] as number) / (theta[j] as number) : (stryCov_9fa48("361"), (theta[i] as number) * (theta[j] as number))))))));
    const cholesky = choleskyFactor(logCov);
    if (stryMutAct_9fa48("364") ? cholesky !== undefined : stryMutAct_9fa48("363") ? false : stryMutAct_9fa48("362") ? true : (stryCov_9fa48("362", "363", "364"), cholesky === undefined)) {
      if (stryMutAct_9fa48("365")) {
        {}
      } else {
        stryCov_9fa48("365");
        issues.add(stryMutAct_9fa48("366") ? "" : (stryCov_9fa48("366"), 'invalid_structure'), stryMutAct_9fa48("367") ? [] : (stryCov_9fa48("367"), [...path, stryMutAct_9fa48("368") ? "" : (stryCov_9fa48("368"), 'covariance')]), stryMutAct_9fa48("369") ? "" : (stryCov_9fa48("369"), 'must be positive definite'));
        return undefined;
      }
    }
    return stryMutAct_9fa48("370") ? {} : (stryCov_9fa48("370"), {
      key,
      model: m,
      names,
      mean,
      cholesky
    });
  }
}

/** Lower-triangular L with L L' = matrix, or undefined when the matrix is not positive definite. */
function choleskyFactor(matrix: number[][]): number[][] | undefined {
  if (stryMutAct_9fa48("371")) {
    {}
  } else {
    stryCov_9fa48("371");
    const n = matrix.length;
    const L = Array.from(stryMutAct_9fa48("372") ? {} : (stryCov_9fa48("372"), {
      length: n
    }), stryMutAct_9fa48("373") ? () => undefined : (stryCov_9fa48("373"), () => (stryMutAct_9fa48("374") ? new Array() : (stryCov_9fa48("374"), new Array<number>(n))).fill(0)));
    for (let i = 0; stryMutAct_9fa48("377") ? i >= n : stryMutAct_9fa48("376") ? i <= n : stryMutAct_9fa48("375") ? false : (stryCov_9fa48("375", "376", "377"), i < n); stryMutAct_9fa48("378") ? i-- : (stryCov_9fa48("378"), i++)) {
      if (stryMutAct_9fa48("379")) {
        {}
      } else {
        stryCov_9fa48("379");
        for (let j = 0; stryMutAct_9fa48("382") ? j > i : stryMutAct_9fa48("381") ? j < i : stryMutAct_9fa48("380") ? false : (stryCov_9fa48("380", "381", "382"), j <= i); stryMutAct_9fa48("383") ? j-- : (stryCov_9fa48("383"), j++)) {
          if (stryMutAct_9fa48("384")) {
            {}
          } else {
            stryCov_9fa48("384");
            let sum = (matrix[i] as number[])[j] as number;
            for (let k = 0; stryMutAct_9fa48("387") ? k >= j : stryMutAct_9fa48("386") ? k <= j : stryMutAct_9fa48("385") ? false : (stryCov_9fa48("385", "386", "387"), k < j); stryMutAct_9fa48("388") ? k-- : (stryCov_9fa48("388"), k++)) stryMutAct_9fa48("389") ? sum += ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number) : (stryCov_9fa48("389"), sum -= stryMutAct_9fa48("390") ? ((L[i] as number[])[k] as number) / ((L[j] as number[])[k] as number) : (stryCov_9fa48("390"), ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number)));
            if (stryMutAct_9fa48("393") ? i !== j : stryMutAct_9fa48("392") ? false : stryMutAct_9fa48("391") ? true : (stryCov_9fa48("391", "392", "393"), i === j)) {
              if (stryMutAct_9fa48("394")) {
                {}
              } else {
                stryCov_9fa48("394");
                if (stryMutAct_9fa48("397") ? false : stryMutAct_9fa48("396") ? true : stryMutAct_9fa48("395") ? sum > 0 : (stryCov_9fa48("395", "396", "397"), !(stryMutAct_9fa48("401") ? sum <= 0 : stryMutAct_9fa48("400") ? sum >= 0 : stryMutAct_9fa48("399") ? false : stryMutAct_9fa48("398") ? true : (stryCov_9fa48("398", "399", "400", "401"), sum > 0)))) return undefined;
                (L[i] as number[])[i] = Math.sqrt(sum);
              }
            } else {
              if (stryMutAct_9fa48("402")) {
                {}
              } else {
                stryCov_9fa48("402");
                (L[i] as number[])[j] = stryMutAct_9fa48("403") ? sum * ((L[j] as number[])[j] as number) : (stryCov_9fa48("403"), sum / ((L[j] as number[])[j] as number));
              }
            }
          }
        }
      }
    }
    return L;
  }
}
function drawModels(models: Models, samplers: Sampler[], random: () => number): Models {
  if (stryMutAct_9fa48("404")) {
    {}
  } else {
    stryCov_9fa48("404");
    const drawnFor = (s: Sampler): FitWithCovariance => {
      if (stryMutAct_9fa48("405")) {
        {}
      } else {
        stryCov_9fa48("405");
        const z = s.names.map(stryMutAct_9fa48("406") ? () => undefined : (stryCov_9fa48("406"), () => normalSample(random)));
        const parameters: Record<string, number> = stryMutAct_9fa48("407") ? {} : (stryCov_9fa48("407"), {
          ...(s.model.parameters as Record<string, number>)
        });
        s.names.forEach((name, i) => {
          if (stryMutAct_9fa48("408")) {
            {}
          } else {
            stryCov_9fa48("408");
            let phi = s.mean[i] as number;
            const row = s.cholesky[i] as number[];
            for (let k = 0; stryMutAct_9fa48("411") ? k > i : stryMutAct_9fa48("410") ? k < i : stryMutAct_9fa48("409") ? false : (stryCov_9fa48("409", "410", "411"), k <= i); stryMutAct_9fa48("412") ? k-- : (stryCov_9fa48("412"), k++)) stryMutAct_9fa48("413") ? phi -= (row[k] as number) * (z[k] as number) : (stryCov_9fa48("413"), phi += stryMutAct_9fa48("414") ? (row[k] as number) / (z[k] as number) : (stryCov_9fa48("414"), (row[k] as number) * (z[k] as number)));
            parameters[name] = Math.exp(phi);
          }
        });
        return stryMutAct_9fa48("415") ? {} : (stryCov_9fa48("415"), {
          ...s.model,
          parameters
        });
      }
    };
    const first = samplers[0] as Sampler;
    if (stryMutAct_9fa48("418") ? samplers.length === 1 || first.key === undefined : stryMutAct_9fa48("417") ? false : stryMutAct_9fa48("416") ? true : (stryCov_9fa48("416", "417", "418"), (stryMutAct_9fa48("420") ? samplers.length !== 1 : stryMutAct_9fa48("419") ? true : (stryCov_9fa48("419", "420"), samplers.length === 1)) && (stryMutAct_9fa48("422") ? first.key !== undefined : stryMutAct_9fa48("421") ? true : (stryCov_9fa48("421", "422"), first.key === undefined)))) return drawnFor(first);
    const out: Record<string, FitWithCovariance> = stryMutAct_9fa48("423") ? {} : (stryCov_9fa48("423"), {
      ...(models as Record<string, FitWithCovariance>)
    });
    for (const s of samplers) out[s.key as string] = drawnFor(s);
    return out;
  }
}

/** Type-7 quantile of sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  if (stryMutAct_9fa48("424")) {
    {}
  } else {
    stryCov_9fa48("424");
    const h = stryMutAct_9fa48("425") ? (sorted.length - 1) / p : (stryCov_9fa48("425"), (stryMutAct_9fa48("426") ? sorted.length + 1 : (stryCov_9fa48("426"), sorted.length - 1)) * p);
    const lo = Math.floor(h);
    const hi = stryMutAct_9fa48("427") ? Math.max(lo + 1, sorted.length - 1) : (stryCov_9fa48("427"), Math.min(stryMutAct_9fa48("428") ? lo - 1 : (stryCov_9fa48("428"), lo + 1), stryMutAct_9fa48("429") ? sorted.length + 1 : (stryCov_9fa48("429"), sorted.length - 1)));
    return stryMutAct_9fa48("430") ? (sorted[lo] as number) - (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number)) : (stryCov_9fa48("430"), (sorted[lo] as number) + (stryMutAct_9fa48("431") ? (h - lo) / ((sorted[hi] as number) - (sorted[lo] as number)) : (stryCov_9fa48("431"), (stryMutAct_9fa48("432") ? h + lo : (stryCov_9fa48("432"), h - lo)) * (stryMutAct_9fa48("433") ? (sorted[hi] as number) + (sorted[lo] as number) : (stryCov_9fa48("433"), (sorted[hi] as number) - (sorted[lo] as number))))));
  }
}