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
const schema = optionsSchema(stryMutAct_9fa48("933") ? {} : (stryCov_9fa48("933"), {
  level: numberSchema(stryMutAct_9fa48("934") ? {} : (stryCov_9fa48("934"), {
    greaterThan: 0,
    lessThan: 1
  })).optional(),
  draws: numberSchema(stryMutAct_9fa48("935") ? {} : (stryCov_9fa48("935"), {
    integer: stryMutAct_9fa48("936") ? false : (stryCov_9fa48("936"), true),
    min: 20,
    max: 100_000
  })).optional(),
  seed: numberSchema(stryMutAct_9fa48("937") ? {} : (stryCov_9fa48("937"), {
    integer: stryMutAct_9fa48("938") ? false : (stryCov_9fa48("938"), true),
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
  if (stryMutAct_9fa48("939")) {
    {}
  } else {
    stryCov_9fa48("939");
    const issues = new IssueList();
    const samplers = checkModels(models, issues);
    if (stryMutAct_9fa48("942") ? typeof predict === 'function' : stryMutAct_9fa48("941") ? false : stryMutAct_9fa48("940") ? true : (stryCov_9fa48("940", "941", "942"), typeof predict !== (stryMutAct_9fa48("943") ? "" : (stryCov_9fa48("943"), 'function')))) issues.add(stryMutAct_9fa48("944") ? "" : (stryCov_9fa48("944"), 'invalid_type'), stryMutAct_9fa48("945") ? [] : (stryCov_9fa48("945"), [stryMutAct_9fa48("946") ? "" : (stryCov_9fa48("946"), 'predict')]), (stryMutAct_9fa48("949") ? predict !== undefined : stryMutAct_9fa48("948") ? false : stryMutAct_9fa48("947") ? true : (stryCov_9fa48("947", "948", "949"), predict === undefined)) ? stryMutAct_9fa48("950") ? "" : (stryCov_9fa48("950"), 'is required') : stryMutAct_9fa48("951") ? "" : (stryCov_9fa48("951"), 'must be a function'));
    const opts = parseInput(schema, options, stryMutAct_9fa48("952") ? "" : (stryCov_9fa48("952"), 'options'), issues);
    issues.throwIfAny();
    const level = stryMutAct_9fa48("953") ? opts?.level && 0.9 : (stryCov_9fa48("953"), (stryMutAct_9fa48("954") ? opts.level : (stryCov_9fa48("954"), opts?.level)) ?? 0.9);
    const draws = stryMutAct_9fa48("955") ? opts?.draws && 1000 : (stryCov_9fa48("955"), (stryMutAct_9fa48("956") ? opts.draws : (stryCov_9fa48("956"), opts?.draws)) ?? 1000);
    const random = seededUniform(stryMutAct_9fa48("957") ? opts?.seed && 1 : (stryCov_9fa48("957"), (stryMutAct_9fa48("958") ? opts.seed : (stryCov_9fa48("958"), opts?.seed)) ?? 1));
    const pointValue = predict(models);
    const scalar = stryMutAct_9fa48("961") ? typeof pointValue !== 'number' : stryMutAct_9fa48("960") ? false : stryMutAct_9fa48("959") ? true : (stryCov_9fa48("959", "960", "961"), typeof pointValue === (stryMutAct_9fa48("962") ? "" : (stryCov_9fa48("962"), 'number')));
    const estimate = scalar ? stryMutAct_9fa48("963") ? [] : (stryCov_9fa48("963"), [pointValue]) : Array.from(pointValue as ArrayLike<number>);
    if (stryMutAct_9fa48("966") ? false : stryMutAct_9fa48("965") ? true : stryMutAct_9fa48("964") ? estimate.every(Number.isFinite) : (stryCov_9fa48("964", "965", "966"), !(stryMutAct_9fa48("967") ? estimate.some(Number.isFinite) : (stryCov_9fa48("967"), estimate.every(Number.isFinite))))) {
      if (stryMutAct_9fa48("968")) {
        {}
      } else {
        stryCov_9fa48("968");
        issues.add(stryMutAct_9fa48("969") ? "" : (stryCov_9fa48("969"), 'invalid_value'), stryMutAct_9fa48("970") ? [] : (stryCov_9fa48("970"), [stryMutAct_9fa48("971") ? "" : (stryCov_9fa48("971"), 'predict')]), stryMutAct_9fa48("972") ? "" : (stryCov_9fa48("972"), 'must return finite numbers at the fitted parameters'));
        issues.throwIfAny();
      }
    }
    const width = estimate.length;
    const samples = new Float64Array(stryMutAct_9fa48("973") ? draws / width : (stryCov_9fa48("973"), draws * width));
    let good = 0;
    let failed = 0;
    for (let d = 0; stryMutAct_9fa48("976") ? d >= draws : stryMutAct_9fa48("975") ? d <= draws : stryMutAct_9fa48("974") ? false : (stryCov_9fa48("974", "975", "976"), d < draws); stryMutAct_9fa48("977") ? d-- : (stryCov_9fa48("977"), d++)) {
      if (stryMutAct_9fa48("978")) {
        {}
      } else {
        stryCov_9fa48("978");
        const drawn = drawModels(models, samplers as Sampler[], random);
        let value: number | ArrayLike<number>;
        try {
          if (stryMutAct_9fa48("979")) {
            {}
          } else {
            stryCov_9fa48("979");
            value = predict(drawn as M);
          }
        } catch {
          if (stryMutAct_9fa48("980")) {
            {}
          } else {
            stryCov_9fa48("980");
            stryMutAct_9fa48("981") ? failed-- : (stryCov_9fa48("981"), failed++);
            continue;
          }
        }
        const values = (stryMutAct_9fa48("984") ? typeof value !== 'number' : stryMutAct_9fa48("983") ? false : stryMutAct_9fa48("982") ? true : (stryCov_9fa48("982", "983", "984"), typeof value === (stryMutAct_9fa48("985") ? "" : (stryCov_9fa48("985"), 'number')))) ? stryMutAct_9fa48("986") ? [] : (stryCov_9fa48("986"), [value]) : value;
        let finite = stryMutAct_9fa48("989") ? values !== null && typeof values === 'object' || values.length === width : stryMutAct_9fa48("988") ? false : stryMutAct_9fa48("987") ? true : (stryCov_9fa48("987", "988", "989"), (stryMutAct_9fa48("991") ? values !== null || typeof values === 'object' : stryMutAct_9fa48("990") ? true : (stryCov_9fa48("990", "991"), (stryMutAct_9fa48("993") ? values === null : stryMutAct_9fa48("992") ? true : (stryCov_9fa48("992", "993"), values !== null)) && (stryMutAct_9fa48("995") ? typeof values !== 'object' : stryMutAct_9fa48("994") ? true : (stryCov_9fa48("994", "995"), typeof values === (stryMutAct_9fa48("996") ? "" : (stryCov_9fa48("996"), 'object')))))) && (stryMutAct_9fa48("998") ? values.length !== width : stryMutAct_9fa48("997") ? true : (stryCov_9fa48("997", "998"), values.length === width)));
        for (let i = 0; stryMutAct_9fa48("1000") ? finite || i < width : stryMutAct_9fa48("999") ? false : (stryCov_9fa48("999", "1000"), finite && (stryMutAct_9fa48("1003") ? i >= width : stryMutAct_9fa48("1002") ? i <= width : stryMutAct_9fa48("1001") ? true : (stryCov_9fa48("1001", "1002", "1003"), i < width))); stryMutAct_9fa48("1004") ? i-- : (stryCov_9fa48("1004"), i++)) finite = Number.isFinite(values[i]);
        if (stryMutAct_9fa48("1007") ? false : stryMutAct_9fa48("1006") ? true : stryMutAct_9fa48("1005") ? finite : (stryCov_9fa48("1005", "1006", "1007"), !finite)) {
          if (stryMutAct_9fa48("1008")) {
            {}
          } else {
            stryCov_9fa48("1008");
            stryMutAct_9fa48("1009") ? failed-- : (stryCov_9fa48("1009"), failed++);
            continue;
          }
        }
        for (let i = 0; stryMutAct_9fa48("1012") ? i >= width : stryMutAct_9fa48("1011") ? i <= width : stryMutAct_9fa48("1010") ? false : (stryCov_9fa48("1010", "1011", "1012"), i < width); stryMutAct_9fa48("1013") ? i-- : (stryCov_9fa48("1013"), i++)) samples[stryMutAct_9fa48("1014") ? i * draws - good : (stryCov_9fa48("1014"), (stryMutAct_9fa48("1015") ? i / draws : (stryCov_9fa48("1015"), i * draws)) + good)] = values[i] as number;
        stryMutAct_9fa48("1016") ? good-- : (stryCov_9fa48("1016"), good++);
      }
    }
    const lower = stryMutAct_9fa48("1017") ? new Array() : (stryCov_9fa48("1017"), new Array<number>(width));
    const upper = stryMutAct_9fa48("1018") ? new Array() : (stryCov_9fa48("1018"), new Array<number>(width));
    for (let i = 0; stryMutAct_9fa48("1021") ? i >= width : stryMutAct_9fa48("1020") ? i <= width : stryMutAct_9fa48("1019") ? false : (stryCov_9fa48("1019", "1020", "1021"), i < width); stryMutAct_9fa48("1022") ? i-- : (stryCov_9fa48("1022"), i++)) {
      if (stryMutAct_9fa48("1023")) {
        {}
      } else {
        stryCov_9fa48("1023");
        const column = stryMutAct_9fa48("1024") ? samples.subarray(i * draws, i * draws + good) : (stryCov_9fa48("1024"), samples.subarray(stryMutAct_9fa48("1025") ? i / draws : (stryCov_9fa48("1025"), i * draws), stryMutAct_9fa48("1026") ? i * draws - good : (stryCov_9fa48("1026"), (stryMutAct_9fa48("1027") ? i / draws : (stryCov_9fa48("1027"), i * draws)) + good)).sort());
        lower[i] = (stryMutAct_9fa48("1030") ? good !== 0 : stryMutAct_9fa48("1029") ? false : stryMutAct_9fa48("1028") ? true : (stryCov_9fa48("1028", "1029", "1030"), good === 0)) ? estimate[i] as number : quantile(column, stryMutAct_9fa48("1031") ? (1 - level) * 2 : (stryCov_9fa48("1031"), (stryMutAct_9fa48("1032") ? 1 + level : (stryCov_9fa48("1032"), 1 - level)) / 2));
        upper[i] = (stryMutAct_9fa48("1035") ? good !== 0 : stryMutAct_9fa48("1034") ? false : stryMutAct_9fa48("1033") ? true : (stryCov_9fa48("1033", "1034", "1035"), good === 0)) ? estimate[i] as number : quantile(column, stryMutAct_9fa48("1036") ? (1 + level) * 2 : (stryCov_9fa48("1036"), (stryMutAct_9fa48("1037") ? 1 - level : (stryCov_9fa48("1037"), 1 + level)) / 2));
      }
    }
    if (stryMutAct_9fa48("1039") ? false : stryMutAct_9fa48("1038") ? true : (stryCov_9fa48("1038", "1039"), scalar)) return stryMutAct_9fa48("1040") ? {} : (stryCov_9fa48("1040"), {
      estimate: estimate[0] as number,
      lower: lower[0] as number,
      upper: upper[0] as number,
      level,
      draws: good,
      failedDraws: failed
    });
    return stryMutAct_9fa48("1041") ? {} : (stryCov_9fa48("1041"), {
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
  if (stryMutAct_9fa48("1042")) {
    {}
  } else {
    stryCov_9fa48("1042");
    if (stryMutAct_9fa48("1045") ? typeof models !== 'object' && models === null : stryMutAct_9fa48("1044") ? false : stryMutAct_9fa48("1043") ? true : (stryCov_9fa48("1043", "1044", "1045"), (stryMutAct_9fa48("1047") ? typeof models === 'object' : stryMutAct_9fa48("1046") ? false : (stryCov_9fa48("1046", "1047"), typeof models !== (stryMutAct_9fa48("1048") ? "" : (stryCov_9fa48("1048"), 'object')))) || (stryMutAct_9fa48("1050") ? models !== null : stryMutAct_9fa48("1049") ? false : (stryCov_9fa48("1049", "1050"), models === null)))) {
      if (stryMutAct_9fa48("1051")) {
        {}
      } else {
        stryCov_9fa48("1051");
        issues.add(stryMutAct_9fa48("1052") ? "" : (stryCov_9fa48("1052"), 'invalid_type'), stryMutAct_9fa48("1053") ? [] : (stryCov_9fa48("1053"), [stryMutAct_9fa48("1054") ? "" : (stryCov_9fa48("1054"), 'models')]), (stryMutAct_9fa48("1057") ? models !== undefined : stryMutAct_9fa48("1056") ? false : stryMutAct_9fa48("1055") ? true : (stryCov_9fa48("1055", "1056", "1057"), models === undefined)) ? stryMutAct_9fa48("1058") ? "" : (stryCov_9fa48("1058"), 'is required') : stryMutAct_9fa48("1059") ? "" : (stryCov_9fa48("1059"), 'must be a fitted model or a record of fitted models'));
        return undefined;
      }
    }
    const single = (stryMutAct_9fa48("1060") ? "" : (stryCov_9fa48("1060"), 'parameters')) in models;
    const entries: [string | undefined, unknown][] = single ? stryMutAct_9fa48("1061") ? [] : (stryCov_9fa48("1061"), [stryMutAct_9fa48("1062") ? [] : (stryCov_9fa48("1062"), [undefined, models])]) : Object.entries(models);
    if (stryMutAct_9fa48("1065") ? entries.length !== 0 : stryMutAct_9fa48("1064") ? false : stryMutAct_9fa48("1063") ? true : (stryCov_9fa48("1063", "1064", "1065"), entries.length === 0)) issues.add(stryMutAct_9fa48("1066") ? "" : (stryCov_9fa48("1066"), 'too_small'), stryMutAct_9fa48("1067") ? [] : (stryCov_9fa48("1067"), [stryMutAct_9fa48("1068") ? "" : (stryCov_9fa48("1068"), 'models')]), stryMutAct_9fa48("1069") ? "" : (stryCov_9fa48("1069"), 'must have at least 1 model'));
    const out: Sampler[] = stryMutAct_9fa48("1070") ? ["Stryker was here"] : (stryCov_9fa48("1070"), []);
    for (const [key, model] of entries) {
      if (stryMutAct_9fa48("1071")) {
        {}
      } else {
        stryCov_9fa48("1071");
        const path = (stryMutAct_9fa48("1074") ? key !== undefined : stryMutAct_9fa48("1073") ? false : stryMutAct_9fa48("1072") ? true : (stryCov_9fa48("1072", "1073", "1074"), key === undefined)) ? stryMutAct_9fa48("1075") ? [] : (stryCov_9fa48("1075"), [stryMutAct_9fa48("1076") ? "" : (stryCov_9fa48("1076"), 'models')]) : stryMutAct_9fa48("1077") ? [] : (stryCov_9fa48("1077"), [stryMutAct_9fa48("1078") ? "" : (stryCov_9fa48("1078"), 'models'), key]);
        const sampler = checkModel(model, path, key, issues);
        if (stryMutAct_9fa48("1081") ? sampler === undefined : stryMutAct_9fa48("1080") ? false : stryMutAct_9fa48("1079") ? true : (stryCov_9fa48("1079", "1080", "1081"), sampler !== undefined)) out.push(sampler);
      }
    }
    return issues.isEmpty ? out : undefined;
  }
}
function checkModel(model: unknown, path: string[], key: string | undefined, issues: IssueList): Sampler | undefined {
  if (stryMutAct_9fa48("1082")) {
    {}
  } else {
    stryCov_9fa48("1082");
    if (stryMutAct_9fa48("1085") ? (typeof model !== 'object' || model === null || typeof (model as {
      parameters?: unknown;
    }).parameters !== 'object') && (model as {
      parameters: unknown;
    }).parameters === null : stryMutAct_9fa48("1084") ? false : stryMutAct_9fa48("1083") ? true : (stryCov_9fa48("1083", "1084", "1085"), (stryMutAct_9fa48("1087") ? (typeof model !== 'object' || model === null) && typeof (model as {
      parameters?: unknown;
    }).parameters !== 'object' : stryMutAct_9fa48("1086") ? false : (stryCov_9fa48("1086", "1087"), (stryMutAct_9fa48("1089") ? typeof model !== 'object' && model === null : stryMutAct_9fa48("1088") ? false : (stryCov_9fa48("1088", "1089"), (stryMutAct_9fa48("1091") ? typeof model === 'object' : stryMutAct_9fa48("1090") ? false : (stryCov_9fa48("1090", "1091"), typeof model !== (stryMutAct_9fa48("1092") ? "" : (stryCov_9fa48("1092"), 'object')))) || (stryMutAct_9fa48("1094") ? model !== null : stryMutAct_9fa48("1093") ? false : (stryCov_9fa48("1093", "1094"), model === null)))) || (stryMutAct_9fa48("1096") ? typeof (model as {
      parameters?: unknown;
    }).parameters === 'object' : stryMutAct_9fa48("1095") ? false : (stryCov_9fa48("1095", "1096"), typeof (model as {
      parameters?: unknown;
    }).parameters !== (stryMutAct_9fa48("1097") ? "" : (stryCov_9fa48("1097"), 'object')))))) || (stryMutAct_9fa48("1099") ? (model as {
      parameters: unknown;
    }).parameters !== null : stryMutAct_9fa48("1098") ? false : (stryCov_9fa48("1098", "1099"), (model as {
      parameters: unknown;
    }).parameters === null)))) {
      if (stryMutAct_9fa48("1100")) {
        {}
      } else {
        stryCov_9fa48("1100");
        issues.add(stryMutAct_9fa48("1101") ? "" : (stryCov_9fa48("1101"), 'invalid_type'), path, stryMutAct_9fa48("1102") ? "" : (stryCov_9fa48("1102"), 'must be a fitted model with parameters and a covariance'));
        return undefined;
      }
    }
    const m = model as FitWithCovariance;
    const parameters = m.parameters as Record<string, unknown>;
    const names = Array.isArray(m.parameterNames) ? stryMutAct_9fa48("1103") ? [] : (stryCov_9fa48("1103"), [...m.parameterNames]) : Object.keys(parameters);
    const mean: number[] = stryMutAct_9fa48("1104") ? ["Stryker was here"] : (stryCov_9fa48("1104"), []);
    let ok = stryMutAct_9fa48("1105") ? false : (stryCov_9fa48("1105"), true);
    for (const name of names) {
      if (stryMutAct_9fa48("1106")) {
        {}
      } else {
        stryCov_9fa48("1106");
        const v = parameters[name];
        if (stryMutAct_9fa48("1109") ? typeof v === 'number' && v > 0 || Number.isFinite(v) : stryMutAct_9fa48("1108") ? false : stryMutAct_9fa48("1107") ? true : (stryCov_9fa48("1107", "1108", "1109"), (stryMutAct_9fa48("1111") ? typeof v === 'number' || v > 0 : stryMutAct_9fa48("1110") ? true : (stryCov_9fa48("1110", "1111"), (stryMutAct_9fa48("1113") ? typeof v !== 'number' : stryMutAct_9fa48("1112") ? true : (stryCov_9fa48("1112", "1113"), typeof v === (stryMutAct_9fa48("1114") ? "" : (stryCov_9fa48("1114"), 'number')))) && (stryMutAct_9fa48("1117") ? v <= 0 : stryMutAct_9fa48("1116") ? v >= 0 : stryMutAct_9fa48("1115") ? true : (stryCov_9fa48("1115", "1116", "1117"), v > 0)))) && Number.isFinite(v))) mean.push(Math.log(v));else {
          if (stryMutAct_9fa48("1118")) {
            {}
          } else {
            stryCov_9fa48("1118");
            issues.add((stryMutAct_9fa48("1121") ? v !== undefined : stryMutAct_9fa48("1120") ? false : stryMutAct_9fa48("1119") ? true : (stryCov_9fa48("1119", "1120", "1121"), v === undefined)) ? stryMutAct_9fa48("1122") ? "" : (stryCov_9fa48("1122"), 'invalid_type') : stryMutAct_9fa48("1123") ? "" : (stryCov_9fa48("1123"), 'too_small'), stryMutAct_9fa48("1124") ? [] : (stryCov_9fa48("1124"), [...path, stryMutAct_9fa48("1125") ? "" : (stryCov_9fa48("1125"), 'parameters'), name]), stryMutAct_9fa48("1126") ? "" : (stryCov_9fa48("1126"), 'must be a finite number greater than 0'));
            ok = stryMutAct_9fa48("1127") ? true : (stryCov_9fa48("1127"), false);
          }
        }
      }
    }
    const cov = m.covariance;
    if (stryMutAct_9fa48("1130") ? cov !== undefined : stryMutAct_9fa48("1129") ? false : stryMutAct_9fa48("1128") ? true : (stryCov_9fa48("1128", "1129", "1130"), cov === undefined)) {
      if (stryMutAct_9fa48("1131")) {
        {}
      } else {
        stryCov_9fa48("1131");
        issues.add(stryMutAct_9fa48("1132") ? "" : (stryCov_9fa48("1132"), 'invalid_value'), stryMutAct_9fa48("1133") ? [] : (stryCov_9fa48("1133"), [...path, stryMutAct_9fa48("1134") ? "" : (stryCov_9fa48("1134"), 'covariance')]), stryMutAct_9fa48("1135") ? "" : (stryCov_9fa48("1135"), 'is missing: the fit has no standard errors (its Hessian was not positive definite), so no interval can be drawn'));
        return undefined;
      }
    }
    if (stryMutAct_9fa48("1138") ? (!Array.isArray(cov) || cov.length !== names.length) && !cov.every(row => Array.isArray(row) && row.length === names.length && row.every(Number.isFinite)) : stryMutAct_9fa48("1137") ? false : stryMutAct_9fa48("1136") ? true : (stryCov_9fa48("1136", "1137", "1138"), (stryMutAct_9fa48("1140") ? !Array.isArray(cov) && cov.length !== names.length : stryMutAct_9fa48("1139") ? false : (stryCov_9fa48("1139", "1140"), (stryMutAct_9fa48("1141") ? Array.isArray(cov) : (stryCov_9fa48("1141"), !Array.isArray(cov))) || (stryMutAct_9fa48("1143") ? cov.length === names.length : stryMutAct_9fa48("1142") ? false : (stryCov_9fa48("1142", "1143"), cov.length !== names.length)))) || (stryMutAct_9fa48("1144") ? cov.every(row => Array.isArray(row) && row.length === names.length && row.every(Number.isFinite)) : (stryCov_9fa48("1144"), !(stryMutAct_9fa48("1145") ? cov.some(row => Array.isArray(row) && row.length === names.length && row.every(Number.isFinite)) : (stryCov_9fa48("1145"), cov.every(stryMutAct_9fa48("1146") ? () => undefined : (stryCov_9fa48("1146"), row => stryMutAct_9fa48("1149") ? Array.isArray(row) && row.length === names.length || row.every(Number.isFinite) : stryMutAct_9fa48("1148") ? false : stryMutAct_9fa48("1147") ? true : (stryCov_9fa48("1147", "1148", "1149"), (stryMutAct_9fa48("1151") ? Array.isArray(row) || row.length === names.length : stryMutAct_9fa48("1150") ? true : (stryCov_9fa48("1150", "1151"), Array.isArray(row) && (stryMutAct_9fa48("1153") ? row.length !== names.length : stryMutAct_9fa48("1152") ? true : (stryCov_9fa48("1152", "1153"), row.length === names.length)))) && (stryMutAct_9fa48("1154") ? row.some(Number.isFinite) : (stryCov_9fa48("1154"), row.every(Number.isFinite)))))))))))) {
      if (stryMutAct_9fa48("1155")) {
        {}
      } else {
        stryCov_9fa48("1155");
        issues.add(stryMutAct_9fa48("1156") ? "" : (stryCov_9fa48("1156"), 'invalid_structure'), stryMutAct_9fa48("1157") ? [] : (stryCov_9fa48("1157"), [...path, stryMutAct_9fa48("1158") ? "" : (stryCov_9fa48("1158"), 'covariance')]), stryMutAct_9fa48("1159") ? "" : (stryCov_9fa48("1159"), 'must be a square matrix of finite numbers, one row per parameter'));
        return undefined;
      }
    }
    if (stryMutAct_9fa48("1162") ? false : stryMutAct_9fa48("1161") ? true : stryMutAct_9fa48("1160") ? ok : (stryCov_9fa48("1160", "1161", "1162"), !ok)) return undefined;
    // Back to the log scale: Sigma_phi,ij = Cov_ij / (theta_i theta_j).
    const theta = mean.map(Math.exp);
    const logCov = (cov as readonly (readonly number[])[]).map(stryMutAct_9fa48("1163") ? () => undefined : (stryCov_9fa48("1163"), (row, i) => row.map(stryMutAct_9fa48("1164") ? () => undefined : (stryCov_9fa48("1164"), (v, j) => stryMutAct_9fa48("1165") ? v * ((theta[i] as number) * (theta[j] as number)) : (stryCov_9fa48("1165"), v / (stryMutAct_9fa48("1166") ? (theta[i] as number) / (theta[j] as number) : (stryCov_9fa48("1166"), (theta[i] as number) * (theta[j] as number))))))));
    const cholesky = choleskyFactor(logCov);
    if (stryMutAct_9fa48("1169") ? cholesky !== undefined : stryMutAct_9fa48("1168") ? false : stryMutAct_9fa48("1167") ? true : (stryCov_9fa48("1167", "1168", "1169"), cholesky === undefined)) {
      if (stryMutAct_9fa48("1170")) {
        {}
      } else {
        stryCov_9fa48("1170");
        issues.add(stryMutAct_9fa48("1171") ? "" : (stryCov_9fa48("1171"), 'invalid_structure'), stryMutAct_9fa48("1172") ? [] : (stryCov_9fa48("1172"), [...path, stryMutAct_9fa48("1173") ? "" : (stryCov_9fa48("1173"), 'covariance')]), stryMutAct_9fa48("1174") ? "" : (stryCov_9fa48("1174"), 'must be positive definite'));
        return undefined;
      }
    }
    return stryMutAct_9fa48("1175") ? {} : (stryCov_9fa48("1175"), {
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
  if (stryMutAct_9fa48("1176")) {
    {}
  } else {
    stryCov_9fa48("1176");
    const n = matrix.length;
    const L = Array.from(stryMutAct_9fa48("1177") ? {} : (stryCov_9fa48("1177"), {
      length: n
    }), stryMutAct_9fa48("1178") ? () => undefined : (stryCov_9fa48("1178"), () => (stryMutAct_9fa48("1179") ? new Array() : (stryCov_9fa48("1179"), new Array<number>(n))).fill(0)));
    for (let i = 0; stryMutAct_9fa48("1182") ? i >= n : stryMutAct_9fa48("1181") ? i <= n : stryMutAct_9fa48("1180") ? false : (stryCov_9fa48("1180", "1181", "1182"), i < n); stryMutAct_9fa48("1183") ? i-- : (stryCov_9fa48("1183"), i++)) {
      if (stryMutAct_9fa48("1184")) {
        {}
      } else {
        stryCov_9fa48("1184");
        for (let j = 0; stryMutAct_9fa48("1187") ? j > i : stryMutAct_9fa48("1186") ? j < i : stryMutAct_9fa48("1185") ? false : (stryCov_9fa48("1185", "1186", "1187"), j <= i); stryMutAct_9fa48("1188") ? j-- : (stryCov_9fa48("1188"), j++)) {
          if (stryMutAct_9fa48("1189")) {
            {}
          } else {
            stryCov_9fa48("1189");
            let sum = (matrix[i] as number[])[j] as number;
            for (let k = 0; stryMutAct_9fa48("1192") ? k >= j : stryMutAct_9fa48("1191") ? k <= j : stryMutAct_9fa48("1190") ? false : (stryCov_9fa48("1190", "1191", "1192"), k < j); stryMutAct_9fa48("1193") ? k-- : (stryCov_9fa48("1193"), k++)) stryMutAct_9fa48("1194") ? sum += ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number) : (stryCov_9fa48("1194"), sum -= stryMutAct_9fa48("1195") ? ((L[i] as number[])[k] as number) / ((L[j] as number[])[k] as number) : (stryCov_9fa48("1195"), ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number)));
            if (stryMutAct_9fa48("1198") ? i !== j : stryMutAct_9fa48("1197") ? false : stryMutAct_9fa48("1196") ? true : (stryCov_9fa48("1196", "1197", "1198"), i === j)) {
              if (stryMutAct_9fa48("1199")) {
                {}
              } else {
                stryCov_9fa48("1199");
                if (stryMutAct_9fa48("1202") ? false : stryMutAct_9fa48("1201") ? true : stryMutAct_9fa48("1200") ? sum > 0 : (stryCov_9fa48("1200", "1201", "1202"), !(stryMutAct_9fa48("1206") ? sum <= 0 : stryMutAct_9fa48("1205") ? sum >= 0 : stryMutAct_9fa48("1204") ? false : stryMutAct_9fa48("1203") ? true : (stryCov_9fa48("1203", "1204", "1205", "1206"), sum > 0)))) return undefined;
                (L[i] as number[])[i] = Math.sqrt(sum);
              }
            } else {
              if (stryMutAct_9fa48("1207")) {
                {}
              } else {
                stryCov_9fa48("1207");
                (L[i] as number[])[j] = stryMutAct_9fa48("1208") ? sum * ((L[j] as number[])[j] as number) : (stryCov_9fa48("1208"), sum / ((L[j] as number[])[j] as number));
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
  if (stryMutAct_9fa48("1209")) {
    {}
  } else {
    stryCov_9fa48("1209");
    const drawnFor = (s: Sampler): FitWithCovariance => {
      if (stryMutAct_9fa48("1210")) {
        {}
      } else {
        stryCov_9fa48("1210");
        const z = s.names.map(stryMutAct_9fa48("1211") ? () => undefined : (stryCov_9fa48("1211"), () => normalSample(random)));
        const parameters: Record<string, number> = stryMutAct_9fa48("1212") ? {} : (stryCov_9fa48("1212"), {
          ...(s.model.parameters as Record<string, number>)
        });
        s.names.forEach((name, i) => {
          if (stryMutAct_9fa48("1213")) {
            {}
          } else {
            stryCov_9fa48("1213");
            let phi = s.mean[i] as number;
            const row = s.cholesky[i] as number[];
            for (let k = 0; stryMutAct_9fa48("1216") ? k > i : stryMutAct_9fa48("1215") ? k < i : stryMutAct_9fa48("1214") ? false : (stryCov_9fa48("1214", "1215", "1216"), k <= i); stryMutAct_9fa48("1217") ? k-- : (stryCov_9fa48("1217"), k++)) stryMutAct_9fa48("1218") ? phi -= (row[k] as number) * (z[k] as number) : (stryCov_9fa48("1218"), phi += stryMutAct_9fa48("1219") ? (row[k] as number) / (z[k] as number) : (stryCov_9fa48("1219"), (row[k] as number) * (z[k] as number)));
            parameters[name] = Math.exp(phi);
          }
        });
        return stryMutAct_9fa48("1220") ? {} : (stryCov_9fa48("1220"), {
          ...s.model,
          parameters
        });
      }
    };
    const first = samplers[0] as Sampler;
    if (stryMutAct_9fa48("1223") ? samplers.length === 1 || first.key === undefined : stryMutAct_9fa48("1222") ? false : stryMutAct_9fa48("1221") ? true : (stryCov_9fa48("1221", "1222", "1223"), (stryMutAct_9fa48("1225") ? samplers.length !== 1 : stryMutAct_9fa48("1224") ? true : (stryCov_9fa48("1224", "1225"), samplers.length === 1)) && (stryMutAct_9fa48("1227") ? first.key !== undefined : stryMutAct_9fa48("1226") ? true : (stryCov_9fa48("1226", "1227"), first.key === undefined)))) return drawnFor(first);
    const out: Record<string, FitWithCovariance> = stryMutAct_9fa48("1228") ? {} : (stryCov_9fa48("1228"), {
      ...(models as Record<string, FitWithCovariance>)
    });
    for (const s of samplers) out[s.key as string] = drawnFor(s);
    return out;
  }
}

/** Type-7 quantile of sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  if (stryMutAct_9fa48("1229")) {
    {}
  } else {
    stryCov_9fa48("1229");
    const h = stryMutAct_9fa48("1230") ? (sorted.length - 1) / p : (stryCov_9fa48("1230"), (stryMutAct_9fa48("1231") ? sorted.length + 1 : (stryCov_9fa48("1231"), sorted.length - 1)) * p);
    const lo = Math.floor(h);
    const hi = stryMutAct_9fa48("1232") ? Math.max(lo + 1, sorted.length - 1) : (stryCov_9fa48("1232"), Math.min(stryMutAct_9fa48("1233") ? lo - 1 : (stryCov_9fa48("1233"), lo + 1), stryMutAct_9fa48("1234") ? sorted.length + 1 : (stryCov_9fa48("1234"), sorted.length - 1)));
    return stryMutAct_9fa48("1235") ? (sorted[lo] as number) - (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number)) : (stryCov_9fa48("1235"), (sorted[lo] as number) + (stryMutAct_9fa48("1236") ? (h - lo) / ((sorted[hi] as number) - (sorted[lo] as number)) : (stryCov_9fa48("1236"), (stryMutAct_9fa48("1237") ? h + lo : (stryCov_9fa48("1237"), h - lo)) * (stryMutAct_9fa48("1238") ? (sorted[hi] as number) + (sorted[lo] as number) : (stryCov_9fa48("1238"), (sorted[hi] as number) - (sorted[lo] as number))))));
  }
}