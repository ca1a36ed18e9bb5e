import { abortReason, signalSchema, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import { IssueList, numberSchema, optionsSchema, parseInput } from '../../_lib/validate.js';
import { normalSample, seededUniform } from '../shared/sampling.js';

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
  /**
   * A model fitted with covariates: its coefficients are drawn together with the base parameters,
   * from the covariance of all estimates (`covariates.covariance`, in `covariates.covarianceNames` order).
   */
  readonly covariates?: CovariateDraws | undefined;
}

/** The part of a covariate model's `covariates` that {@link predictionInterval} reads. */
export interface CovariateDraws {
  /** Coefficients by process and name. */
  readonly coefficients: {
    /** Purchase-process coefficients by covariate name. */
    readonly purchase: Readonly<Record<string, number>>;
    /** Dropout-process coefficients by covariate name. */
    readonly dropout: Readonly<Record<string, number>>;
  };
  /** Covariance of all estimates: base parameters (natural scale), then `purchase:<name>`, then `dropout:<name>`. */
  readonly covariance: readonly (readonly number[])[] | undefined;
  /** The order of `covariance`. */
  readonly covarianceNames: readonly string[];
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
  /**
   * Cancels the interval: checked before the point prediction and before every draw; when aborted it
   * throws `signal.reason` (a `DOMException` named `'AbortError'` after `controller.abort()`), also
   * when `predict` itself aborts the signal. Synchronous: an abort by a timer or an event is seen only
   * at the start.
   *
   * @defaultValue undefined (not cancellable)
   */
  signal?: AbortSignal;
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

const schema = optionsSchema({
  level: numberSchema({ greaterThan: 0, lessThan: 1 }).optional(),
  draws: numberSchema({ integer: true, min: 20, max: 100_000 }).optional(),
  seed: numberSchema({ integer: true, min: 0, max: 4294967295 }).optional(),
  signal: signalSchema,
});

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
 * CLV) are passed as a record and drawn independently. A model fitted with covariates has its
 * coefficients gamma drawn jointly with its base parameters from the covariance of all its
 * estimates (the base parameters on the log scale as above, the coefficients, which can be
 * negative, on their own scale), so the interval of a customer's prediction reflects the
 * uncertainty of the covariate effects too. The interval is for the *expected* value the
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
 *   definite; for a covariate model, no `covariates.covariance`), non-positive parameters, a
 *   covariance of the wrong size or not positive definite, covariance names that do not match the
 *   model's parameters and coefficients,
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
export function predictionInterval<M extends PredictionIntervalModels>(
  models: M,
  predict: (models: M) => ArrayLike<number>,
  options?: PredictionIntervalOptions,
): PredictionIntervalResult<number[]>;
export function predictionInterval<M extends PredictionIntervalModels>(
  models: M,
  predict: (models: M) => number | ArrayLike<number>,
  options?: PredictionIntervalOptions,
): PredictionIntervalResult<number> | PredictionIntervalResult<number[]> {
  const issues = new IssueList();
  const samplers = checkModels(models, issues);
  if (typeof predict !== 'function') issues.add('invalid_type', ['predict'], predict === undefined ? 'is required' : 'must be a function');
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const level = opts?.level ?? 0.9;
  const draws = opts?.draws ?? 1000;
  const random = seededUniform(opts?.seed ?? 1);
  const signal = opts?.signal;
  throwIfAborted(signal);

  const pointValue = predict(models);
  const scalar = typeof pointValue === 'number';
  const estimate = scalar ? [pointValue] : Array.from(pointValue as ArrayLike<number>);
  if (!estimate.every(Number.isFinite)) {
    issues.add('invalid_value', ['predict'], 'must return finite numbers at the fitted parameters');
    issues.throwIfAny();
  }
  const width = estimate.length;
  const samples = new Float64Array(draws * width);
  let good = 0;
  let failed = 0;
  for (let d = 0; d < draws; d++) {
    throwIfAborted(signal);
    const drawn = drawModels(models, samplers as Sampler[], random);
    let value: number | ArrayLike<number>;
    try {
      value = predict(drawn as M);
    } catch {
      // an abort inside predict is the caller's stop, not a failed draw
      if (signal?.aborted === true) throw abortReason(signal);
      failed++;
      continue;
    }
    const values = typeof value === 'number' ? [value] : value;
    let finite = values !== null && typeof values === 'object' && values.length === width;
    for (let i = 0; finite && i < width; i++) finite = Number.isFinite(values[i]);
    if (!finite) {
      failed++;
      continue;
    }
    for (let i = 0; i < width; i++) samples[i * draws + good] = values[i] as number;
    good++;
  }
  const lower = new Array<number>(width);
  const upper = new Array<number>(width);
  for (let i = 0; i < width; i++) {
    const column = samples.subarray(i * draws, i * draws + good).sort();
    lower[i] = good === 0 ? (estimate[i] as number) : quantile(column, (1 - level) / 2);
    upper[i] = good === 0 ? (estimate[i] as number) : quantile(column, (1 + level) / 2);
  }
  if (scalar) return { estimate: estimate[0] as number, lower: lower[0] as number, upper: upper[0] as number, level, draws: good, failedDraws: failed };
  return { estimate, lower, upper, level, draws: good, failedDraws: failed };
}

interface Sampler {
  key: string | undefined;
  model: FitWithCovariance;
  /** What each coordinate of the draw is: a base parameter (drawn on the log scale) or a coefficient. */
  names: { kind: 'parameter' | 'purchase' | 'dropout'; name: string }[];
  mean: number[];
  cholesky: number[][];
}

function checkModels(models: unknown, issues: IssueList): Sampler[] | undefined {
  if (typeof models !== 'object' || models === null) {
    issues.add('invalid_type', ['models'], models === undefined ? 'is required' : 'must be a fitted model or a record of fitted models');
    return undefined;
  }
  const single = 'parameters' in models;
  const entries: [string | undefined, unknown][] = single ? [[undefined, models]] : Object.entries(models);
  if (entries.length === 0) issues.add('too_small', ['models'], 'must have at least 1 model');
  const out: Sampler[] = [];
  for (const [key, model] of entries) {
    const path = key === undefined ? ['models'] : ['models', key];
    const sampler = checkModel(model, path, key, issues);
    if (sampler !== undefined) out.push(sampler);
  }
  return issues.isEmpty ? out : undefined;
}

function checkModel(model: unknown, path: string[], key: string | undefined, issues: IssueList): Sampler | undefined {
  if (typeof model !== 'object' || model === null || typeof (model as { parameters?: unknown }).parameters !== 'object' || (model as { parameters: unknown }).parameters === null) {
    issues.add('invalid_type', path, 'must be a fitted model with parameters and a covariance');
    return undefined;
  }
  const m = model as FitWithCovariance;
  const parameters = m.parameters as Record<string, unknown>;
  const names = Array.isArray(m.parameterNames) ? [...m.parameterNames] : Object.keys(parameters);
  const mean: number[] = [];
  let ok = true;
  for (const name of names) {
    const v = parameters[name];
    if (typeof v === 'number' && v > 0 && Number.isFinite(v)) mean.push(Math.log(v));
    else {
      issues.add(v === undefined ? 'invalid_type' : 'too_small', [...path, 'parameters', name], 'must be a finite number greater than 0');
      ok = false;
    }
  }
  const covariates = (m as { covariates?: unknown }).covariates;
  if (covariates !== undefined) {
    if (!ok) return undefined;
    return checkCovariateModel(m, covariates, parameters, path, key, issues);
  }
  const cov = m.covariance;
  if (cov === undefined) {
    issues.add('invalid_value', [...path, 'covariance'], 'is missing: the fit has no standard errors (its Hessian was not positive definite), so no interval can be drawn');
    return undefined;
  }
  if (!Array.isArray(cov) || cov.length !== names.length || !cov.every((row) => Array.isArray(row) && row.length === names.length && row.every(Number.isFinite))) {
    issues.add('invalid_structure', [...path, 'covariance'], 'must be a square matrix of finite numbers, one row per parameter');
    return undefined;
  }
  if (!ok) return undefined;
  // Back to the log scale: Sigma_phi,ij = Cov_ij / (theta_i theta_j).
  const theta = mean.map(Math.exp);
  const logCov = (cov as readonly (readonly number[])[]).map((row, i) => row.map((v, j) => v / ((theta[i] as number) * (theta[j] as number))));
  const cholesky = choleskyFactor(logCov);
  if (cholesky === undefined) {
    issues.add('invalid_structure', [...path, 'covariance'], 'must be positive definite');
    return undefined;
  }
  return { key, model: m, names: names.map((name) => ({ kind: 'parameter' as const, name })), mean, cholesky };
}

// A model with covariates: the joint draw of (ln theta, gamma) from `covariates.covariance`.
function checkCovariateModel(m: FitWithCovariance, value: unknown, parameters: Record<string, unknown>, path: string[], key: string | undefined, issues: IssueList): Sampler | undefined {
  const cpath = [...path, 'covariates'];
  const c = value as Partial<CovariateDraws> | null;
  if (typeof c !== 'object' || c === null || typeof c.coefficients !== 'object' || c.coefficients === null || !Array.isArray(c.covarianceNames)) {
    issues.add('invalid_type', cpath, 'must be the covariates of a fitted model (coefficients, covariance, covarianceNames)');
    return undefined;
  }
  const cov = c.covariance;
  if (cov === undefined) {
    issues.add('invalid_value', [...cpath, 'covariance'], 'is missing: the fit has no standard errors (its Hessian was not positive definite), so no interval can be drawn');
    return undefined;
  }
  const n = c.covarianceNames.length;
  if (!Array.isArray(cov) || cov.length !== n || !cov.every((row) => Array.isArray(row) && row.length === n && row.every(Number.isFinite))) {
    issues.add('invalid_structure', [...cpath, 'covariance'], 'must be a square matrix of finite numbers, one row per name in covarianceNames');
    return undefined;
  }
  const names: Sampler['names'] = [];
  const mean: number[] = [];
  const scale: number[] = [];
  let ok = true;
  c.covarianceNames.forEach((full: unknown, i) => {
    const text = typeof full === 'string' ? full : '';
    const side = text.startsWith('purchase:') ? 'purchase' : text.startsWith('dropout:') ? 'dropout' : 'parameter';
    const name = side === 'parameter' ? text : text.slice(side.length + 1);
    const v = side === 'parameter' ? parameters[name] : (c.coefficients as Record<string, Record<string, unknown> | undefined>)[side]?.[name];
    if (side === 'parameter' ? !(typeof v === 'number' && v > 0 && Number.isFinite(v)) : !(typeof v === 'number' && Number.isFinite(v))) {
      issues.add('invalid_structure', [...cpath, 'covarianceNames', i], side === 'parameter' ? 'must name a parameter of the model (finite and > 0)' : 'must name a finite coefficient of the model');
      ok = false;
      return;
    }
    names.push({ kind: side, name });
    // Base parameters on the log scale (Cov / theta), coefficients on their own (Cov / 1).
    mean.push(side === 'parameter' ? Math.log(v as number) : (v as number));
    scale.push(side === 'parameter' ? (v as number) : 1);
  });
  const count = Object.keys(parameters).length;
  if (ok && new Set(names.filter((x) => x.kind === 'parameter').map((x) => x.name)).size !== count) {
    issues.add('invalid_structure', [...cpath, 'covarianceNames'], 'must name every parameter of the model');
    ok = false;
  }
  if (!ok) return undefined;
  const jointCov = (cov as readonly (readonly number[])[]).map((row, i) => row.map((v, j) => v / ((scale[i] as number) * (scale[j] as number))));
  const cholesky = choleskyFactor(jointCov);
  if (cholesky === undefined) {
    issues.add('invalid_structure', [...cpath, 'covariance'], 'must be positive definite');
    return undefined;
  }
  return { key, model: m, names, mean, cholesky };
}

/** Lower-triangular L with L L' = matrix, or undefined when the matrix is not positive definite. */
function choleskyFactor(matrix: number[][]): number[][] | undefined {
  const n = matrix.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (matrix[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number);
      if (i === j) {
        if (!(sum > 0)) return undefined;
        (L[i] as number[])[i] = Math.sqrt(sum);
      } else {
        (L[i] as number[])[j] = sum / ((L[j] as number[])[j] as number);
      }
    }
  }
  return L;
}

function drawModels(models: Models, samplers: Sampler[], random: () => number): Models {
  const drawnFor = (s: Sampler): FitWithCovariance => {
    const z = s.names.map(() => normalSample(random));
    const parameters: Record<string, number> = { ...(s.model.parameters as Record<string, number>) };
    const cov = s.model.covariates;
    const purchase: Record<string, number> = cov === undefined ? {} : { ...cov.coefficients.purchase };
    const dropout: Record<string, number> = cov === undefined ? {} : { ...cov.coefficients.dropout };
    s.names.forEach(({ kind, name }, i) => {
      let phi = s.mean[i] as number;
      const row = s.cholesky[i] as number[];
      for (let k = 0; k <= i; k++) phi += (row[k] as number) * (z[k] as number);
      if (kind === 'parameter') parameters[name] = Math.exp(phi);
      else if (kind === 'purchase') purchase[name] = phi;
      else dropout[name] = phi;
    });
    if (cov === undefined) return { ...s.model, parameters };
    return { ...s.model, parameters, covariates: { ...cov, coefficients: { purchase, dropout } } };
  };
  const first = samplers[0] as Sampler;
  if (samplers.length === 1 && first.key === undefined) return drawnFor(first);
  const out: Record<string, FitWithCovariance> = { ...(models as Record<string, FitWithCovariance>) };
  for (const s of samplers) out[s.key as string] = drawnFor(s);
  return out;
}

/** Type-7 quantile of sorted values. */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}
