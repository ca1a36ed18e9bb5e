/**
 * Time-invariant covariates for the transaction models (Fader & Hardie 2007, "Incorporating
 * time-invariant covariates into the Pareto/NBD and BG/NBD models", their note 019; parametrised as
 * in R CLVTools): the option and model shapes, the boundary checks of covariate values, and the
 * maximum-likelihood engine shared by BG/NBD and Pareto/NBD.
 *
 * ## Parametrisation (one line per model parameter that covariates move)
 * - purchase side, both models: alpha_i = alpha_0 exp(-gamma_purchase' z_i), so a coefficient > 0
 *   means a higher purchase rate (the mean rate r / alpha_i is multiplied by exp(gamma)).
 * - dropout side, Pareto/NBD: beta_i = beta_0 exp(-gamma_dropout' z_i), so a coefficient > 0 means a
 *   higher dropout rate (mean s / beta_i multiplied by exp(gamma)): a shorter lifetime.
 * - dropout side, BG/NBD: a_i = a_0 exp(gamma_dropout' z_i) and b_i = b_0 exp(gamma_dropout' z_i)
 *   (CLVTools' `bgnbd_staticcov`: one coefficient moves both Beta parameters; the mean dropout
 *   probability a / (a + b) stays, the spread of p around it changes).
 * Every other parameter is shared by all customers.
 *
 * ## Method
 * The customer's likelihood with covariates is the model's own likelihood with that customer's
 * alpha_i (and beta_i or a_i, b_i). Customers are grouped by their covariate values (a pattern);
 * each group's log-likelihood and its gradient with respect to the log of the four parameters come
 * from the family's existing kernel, and the chain rule through exp gives the gradient with respect
 * to the coefficients: d ln alpha_i / d gamma_k = -z_ik. The optimizer works on standardised
 * covariates (mean 0, standard deviation 1, weighted by the customers' weights), starting from the
 * no-covariate fit with all coefficients 0; the estimates and their covariance are transformed back
 * to the user's scale exactly (a linear map on the log-parameters, then the delta method for exp).
 *
 * Cost: one kernel call per covariate pattern and evaluation, so a few binary covariates cost about
 * as much as the no-covariate fit; a continuous covariate makes almost every customer a pattern of
 * their own (see docs/performance.md).
 *
 * @internal
 * @module
 */
import { MetricsFitError } from '../../errors.js';
import { hessianFromGradient, invertPositiveDefinite, minimize, type OptimizationReport } from '../../_lib/optimize.js';
import { checkNumber, type IssueList } from '../../_lib/validate.js';

/** Which numeric fields of the customer rows enter which process. */
export interface CovariateSpec {
  /** Fields that move the purchase rate (alpha). @defaultValue [] */
  readonly purchase?: readonly string[];
  /** Fields that move the dropout (beta for Pareto/NBD; a and b for BG/NBD). @defaultValue [] */
  readonly dropout?: readonly string[];
}

/** Coefficients by covariate name, for each process. */
export interface CovariateCoefficients {
  /** Purchase-side coefficients, by field name. */
  readonly purchase: Readonly<Record<string, number>>;
  /** Dropout-side coefficients, by field name. */
  readonly dropout: Readonly<Record<string, number>>;
}

/**
 * The covariate part of a fitted model (plain JSON). The model's `parameters` are then the base
 * parameters (alpha_0, ...) of a customer whose covariates are all 0.
 */
export interface CovariateEffects {
  /** The purchase-side field names, in order. */
  readonly purchase: readonly string[];
  /** The dropout-side field names, in order. */
  readonly dropout: readonly string[];
  /** The estimated coefficients gamma on the user's scale (per unit of each field). */
  readonly coefficients: CovariateCoefficients;
  /** Standard errors of the coefficients; `undefined` when the Hessian is not positive definite. */
  readonly standardErrors: CovariateCoefficients | undefined;
  /**
   * Covariance of all estimates, in the order of `covarianceNames` (the base parameters on their
   * natural scale, then `purchase:<name>`, then `dropout:<name>`); `undefined` with the standard errors.
   */
  readonly covariance: readonly (readonly number[])[] | undefined;
  /** The order of `covariance`. */
  readonly covarianceNames: readonly string[];
}

/** The checked covariate names. */
export interface CheckedSpec {
  readonly purchase: readonly string[];
  readonly dropout: readonly string[];
}

const RESERVED = new Set(['frequency', 'recency', 'T', 'weight', '__proto__', 'constructor', 'prototype']);

/** One list of covariate field names: strings, not reserved, no duplicates ([] when undefined). */
export function checkCovariateNames(value: unknown, path: readonly (string | number)[], issues: IssueList): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add('invalid_type', [...path], 'must be an array of field names');
    return undefined;
  }
  const seen = new Set<string>();
  let ok = true;
  value.forEach((name: unknown, i) => {
    if (typeof name !== 'string' || name.length === 0 || RESERVED.has(name)) {
      issues.add('invalid_value', [...path, i], 'must be the name of a numeric field other than frequency, recency, T and weight');
      ok = false;
    } else if (seen.has(name)) {
      issues.add('invalid_value', [...path, i], 'is listed twice');
      ok = false;
    } else seen.add(name);
  });
  return ok ? (value as string[]) : undefined;
}

/** Checks `options.covariates`; undefined when invalid (issues recorded). */
export function checkCovariateSpec(value: unknown, path: readonly (string | number)[], issues: IssueList): CheckedSpec | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add('invalid_type', [...path], 'must be an object { purchase?, dropout? } of field-name lists');
    return undefined;
  }
  const v = value as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(v)) {
    if (key !== 'purchase' && key !== 'dropout') {
      issues.add('unrecognized_key', [...path, key], 'is not an option (purchase, dropout)');
      ok = false;
    }
  }
  const purchase = checkCovariateNames(v['purchase'], [...path, 'purchase'], issues);
  const dropout = checkCovariateNames(v['dropout'], [...path, 'dropout'], issues);
  if (purchase === undefined || dropout === undefined || !ok) return undefined;
  return { purchase, dropout };
}

/**
 * Reads the named fields of every row into a row-major matrix (n x names.length); an issue per
 * missing or non-finite value, at [param, i, name].
 */
export function readCovariateRows(rows: unknown, names: readonly string[], param: string, issues: IssueList): Float64Array | undefined {
  if (!Array.isArray(rows)) return undefined;
  const k = names.length;
  const out = new Float64Array(rows.length * k);
  let ok = true;
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (typeof row !== 'object' || row === null) continue;
    for (let j = 0; j < k; j++) {
      const name = names[j] as string;
      const v = Object.prototype.hasOwnProperty.call(row, name) ? (row as Record<string, unknown>)[name] : undefined;
      if (typeof v === 'number' && v - v === 0) out[i * k + j] = v;
      else if (v === undefined) {
        issues.add('invalid_type', [param, i, name], 'is required: it is named in the covariates');
        ok = false;
      } else {
        checkNumber(v, [param, i, name], {}, issues);
        ok = false;
      }
    }
  }
  return ok ? out : undefined;
}

/** Reads one customer's covariate values (for the prediction functions). */
export function readCovariateValues(row: unknown, names: readonly string[], path: readonly (string | number)[], issues: IssueList): Float64Array | undefined {
  const out = new Float64Array(names.length);
  if (typeof row !== 'object' || row === null) return undefined;
  let ok = true;
  names.forEach((name, j) => {
    const v = Object.prototype.hasOwnProperty.call(row, name) ? (row as Record<string, unknown>)[name] : undefined;
    if (typeof v === 'number' && v - v === 0) out[j] = v;
    else if (v === undefined) {
      issues.add('invalid_type', [...path, name], 'is required: the model has this covariate');
      ok = false;
    } else {
      checkNumber(v, [...path, name], {}, issues);
      ok = false;
    }
  });
  return ok ? out : undefined;
}

/** Where covariates enter the four base parameters: index into the parameters and sign of gamma' z in the exponent. */
export interface CovariateLayout {
  readonly purchase: readonly { readonly index: number; readonly sign: 1 | -1 }[];
  readonly dropout: readonly { readonly index: number; readonly sign: 1 | -1 }[];
}

/** The four individual parameters of a customer with covariate values z1 (purchase) and z2 (dropout). */
export function individualParameters(base: readonly number[], layout: CovariateLayout, g1: ArrayLike<number>, z1: ArrayLike<number>, g2: ArrayLike<number>, z2: ArrayLike<number>): number[] {
  let eta1 = 0;
  for (let k = 0; k < z1.length; k++) eta1 += (g1[k] as number) * (z1[k] as number);
  let eta2 = 0;
  for (let k = 0; k < z2.length; k++) eta2 += (g2[k] as number) * (z2[k] as number);
  const out = [...base];
  for (const { index, sign } of layout.purchase) out[index] = (out[index] as number) * Math.exp(sign * eta1);
  for (const { index, sign } of layout.dropout) out[index] = (out[index] as number) * Math.exp(sign * eta2);
  return out;
}

/** Customers grouped by their covariate values: the group of each row and each group's values. */
export interface CovariateGroups {
  /** Per row: its group. */
  readonly groupOf: Int32Array;
  /** Number of groups. */
  readonly count: number;
  /** Per group: the row indices, concatenated; group g is rows[start[g] .. start[g + 1]). */
  readonly rows: Int32Array;
  readonly start: Int32Array;
}

const hashBits = new Float64Array(1);
const hashWords = new Uint32Array(hashBits.buffer);

/**
 * Groups rows with identical (purchase, dropout) covariate values: an open-addressing hash over the
 * values' bits (no string keys), O(n (k1 + k2)) expected time. Groups are numbered in order of
 * their first row.
 */
export function groupByCovariates(n: number, z1: Float64Array, k1: number, z2: Float64Array, k2: number): CovariateGroups {
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const firstRow: number[] = [];
  const groupOf = new Int32Array(n);
  const counts: number[] = [];
  const same = (i: number, j: number): boolean => {
    for (let c = 0; c < k1; c++) if (z1[i * k1 + c] !== z1[j * k1 + c]) return false;
    for (let c = 0; c < k2; c++) if (z2[i * k2 + c] !== z2[j * k2 + c]) return false;
    return true;
  };
  const mix = (h: number, v: number): number => {
    hashBits[0] = v === 0 ? 0 : v;
    h = Math.imul(h ^ (hashWords[0] as number), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13) ^ (hashWords[1] as number), 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    for (let c = 0; c < k1; c++) h = mix(h, z1[i * k1 + c] as number);
    for (let c = 0; c < k2; c++) h = mix(h, z2[i * k2 + c] as number);
    let slot = h & mask;
    let g = -1;
    for (;;) {
      const at = slots[slot] as number;
      if (at === -1) break;
      if (same(firstRow[at] as number, i)) {
        g = at;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (g === -1) {
      g = counts.length;
      slots[slot] = g;
      firstRow.push(i);
      counts.push(0);
    }
    groupOf[i] = g;
    counts[g] = (counts[g] as number) + 1;
  }
  return groupsFrom(groupOf, counts.length, () => true);
}

// The row lists of each group, keeping only the rows for which `keep(i)` holds.
function groupsFrom(groupOf: Int32Array, count: number, keep: (i: number) => boolean): CovariateGroups {
  const n = groupOf.length;
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (keep(i)) start[(groupOf[i] as number) + 1] = (start[(groupOf[i] as number) + 1] as number) + 1;
  for (let g = 0; g < count; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const fill = start.slice(0, count);
  const rows = new Int32Array(start[count] as number);
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    const g = groupOf[i] as number;
    rows[fill[g] as number] = i;
    fill[g] = (fill[g] as number) + 1;
  }
  return { groupOf, count, rows, start };
}

/** A family's per-group likelihood: total log-likelihood of group g at the four parameters, gradient w.r.t. their logs. */
export type GroupLogLikelihood = (g: number, theta: Float64Array, gradLog: Float64Array | undefined) => number;

/** What {@link fitCovariateEngine} needs from a family fitter. */
export interface CovariateEngineInput {
  readonly spec: CheckedSpec;
  readonly layout: CovariateLayout;
  readonly baseNames: readonly string[];
  /** The no-covariate fit's parameters (the start). */
  readonly start: readonly number[];
  readonly z1: Float64Array;
  readonly z2: Float64Array;
  readonly w: Float64Array;
  /**
   * Builds the per-group likelihood for the given row lists (all rows, or the subsample of the
   * warm start: the same groups with fewer rows each).
   */
  readonly buildGroups: (groups: CovariateGroups) => GroupLogLikelihood;
  readonly gradientTolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
}

/** The engine's result: base parameters, log-likelihood, covariate effects, convergence. */
export interface CovariateEngineResult {
  readonly parameters: number[];
  readonly logLikelihood: number;
  readonly baseStandardErrors: number[] | undefined;
  readonly baseCovariance: number[][] | undefined;
  readonly effects: CovariateEffects;
  readonly convergence: OptimizationReport;
}

// Weighted mean and standard deviation of each column of a row-major matrix.
function columnMoments(z: Float64Array, k: number, w: Float64Array): { mean: number[]; sd: number[] } {
  const n = w.length;
  const mean: number[] = [];
  const sd: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i] as number;
  for (let j = 0; j < k; j++) {
    // A running weighted mean: no overflow for values near the largest double.
    let m = 0;
    let seen = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i] as number;
      if (wi === 0) continue;
      seen += wi;
      m += (wi / seen) * ((z[i * k + j] as number) - m);
    }
    let v = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i] as number;
      if (wi > 0) v += wi * ((z[i * k + j] as number) - m) ** 2;
    }
    mean.push(m);
    sd.push(Math.sqrt(v / total));
  }
  return { mean, sd };
}

/**
 * Quasi-Newton steps on all customers from the subsample's optimum with its scaled inverse Hessian
 * M (BFGS updates). Stops when the gradient test of `minimize` holds, or when the Newton decrement
 * g' M g falls below 1e-10: g' M g is the squared distance to the optimum in units of the standard
 * errors (M approximates the inverse information), so the estimates are then within 1e-5 standard
 * errors of it, a precision that the gradient test on a total log-likelihood of a million customers
 * cannot always certify in double precision. At most 20 steps.
 */
function polish(
  fn: (x: Float64Array, g: Float64Array) => number,
  start: Float64Array,
  inverse: readonly (readonly number[])[],
  tolerance: number,
): { x: Float64Array; value: number; steps: number; evaluations: number; converged: boolean; gradientNorm: number; reason: 'gradient-tolerance' | 'no-progress' } {
  const n = start.length;
  const M = inverse.map((row) => Float64Array.from(row));
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = fn(x, g);
  let evaluations = 1;
  let steps = 0;
  const d = new Float64Array(n);
  const norm = (v: Float64Array) => v.reduce((acc, e) => Math.max(acc, Math.abs(e)), 0);
  for (; steps < 20 && Number.isFinite(f); steps++) {
    if (norm(g) <= tolerance * Math.max(1, Math.abs(f))) return { x, value: f, steps, evaluations, converged: true, gradientNorm: norm(g), reason: 'gradient-tolerance' };
    let decrement = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= ((M[i] as Float64Array)[j] as number) * (g[j] as number);
      d[i] = sum;
      decrement -= sum * (g[i] as number);
    }
    if (decrement >= 0 && decrement < 1e-10) return { x, value: f, steps, evaluations, converged: true, gradientNorm: norm(g), reason: 'no-progress' };
    let scale = 1;
    let accepted = false;
    const trial = new Float64Array(n);
    const gTrial = new Float64Array(n);
    let fTrial = Infinity;
    for (let halving = 0; halving < 8 && !accepted; halving++, scale /= 2) {
      for (let i = 0; i < n; i++) trial[i] = (x[i] as number) + scale * (d[i] as number);
      fTrial = fn(trial, gTrial);
      evaluations++;
      accepted = Number.isFinite(fTrial) && fTrial <= f + 4e-16 * Math.abs(f);
    }
    if (!accepted) break;
    // BFGS update of M with s = trial - x, y = gTrial - g.
    const sv = trial.map((v, i) => v - (x[i] as number));
    const yv = gTrial.map((v, i) => v - (g[i] as number));
    const sy = sv.reduce((acc, v, i) => acc + v * (yv[i] as number), 0);
    if (sy > 0) {
      const My = M.map((row) => row.reduce((acc, v, j) => acc + v * (yv[j] as number), 0));
      const yMy = yv.reduce((acc, v, i) => acc + v * (My[i] as number), 0);
      for (let i = 0; i < n; i++) {
        const row = M[i] as Float64Array;
        for (let j = 0; j < n; j++) {
          row[j] = (row[j] as number) + ((sy + yMy) * (sv[i] as number) * (sv[j] as number)) / (sy * sy) - ((My[i] as number) * (sv[j] as number) + (sv[i] as number) * (My[j] as number)) / sy;
        }
      }
    }
    x = trial;
    g = gTrial;
    f = fTrial;
  }
  return { x, value: f, steps, evaluations, converged: false, gradientNorm: norm(g), reason: 'no-progress' };
}

/** Above this many rows, the engine starts from a fit to a subsample. */
export const WARM_START_ROWS = 60_000;

/**
 * The parts of a fitted covariate model that the fitters fill the same way: the base parameters and
 * their standard errors by name (in `names` order), the covariance, convergence, coefficients.
 */
export function namedCovariateFit<N extends string>(
  names: readonly N[],
  fit: CovariateEngineResult,
): {
  parameters: Record<N, number>;
  parameterNames: N[];
  logLikelihood: number;
  standardErrors: Record<N, number> | undefined;
  covariance: CovariateEngineResult['baseCovariance'];
  convergence: CovariateEngineResult['convergence'];
  covariates: CovariateEngineResult['effects'];
} {
  const byName = (values: ArrayLike<number>): Record<N, number> => Object.fromEntries(names.map((name, i) => [name, values[i] as number])) as Record<N, number>;
  const se = fit.baseStandardErrors;
  return {
    parameters: byName(fit.parameters),
    parameterNames: [...names],
    logLikelihood: fit.logLikelihood,
    standardErrors: se === undefined ? undefined : byName(se),
    covariance: fit.baseCovariance,
    convergence: fit.convergence,
    covariates: fit.effects,
  };
}

/** Fits base parameters and coefficients; throws MetricsFitError when a covariate is not identifiable. */
export function fitCovariateEngine(input: CovariateEngineInput): CovariateEngineResult {
  const { spec, layout, baseNames, z1, z2, w } = input;
  const k1 = spec.purchase.length;
  const k2 = spec.dropout.length;
  const p = baseNames.length;
  const dim = p + k1 + k2;
  let customers = 0;
  for (let i = 0; i < w.length; i++) customers += w[i] as number;
  if (customers < dim + 1) {
    throw new MetricsFitError('too-few-customers', `${k1 + k2} covariates and ${p} base parameters need more than ${dim} customers (weights counted); there are ${customers}.`);
  }
  const m1 = columnMoments(z1, k1, w);
  const m2 = columnMoments(z2, k2, w);
  const tiny = (m: { mean: number[]; sd: number[] }, j: number) => !((m.sd[j] as number) > 1e-12 * Math.max(1, Math.abs(m.mean[j] as number)));
  for (let j = 0; j < k1; j++) if (tiny(m1, j)) throw new MetricsFitError('covariate-not-identifiable', `The purchase covariate "${spec.purchase[j]}" has the same value for every customer, so its effect cannot be told apart from alpha.`);
  for (let j = 0; j < k2; j++) if (tiny(m2, j)) throw new MetricsFitError('covariate-not-identifiable', `The dropout covariate "${spec.dropout[j]}" has the same value for every customer, so its effect cannot be told apart from the base dropout parameters.`);
  const groups = groupByCovariates(w.length, z1, k1, z2, k2);
  // Standardised values per group.
  const G = groups.count;
  const s1 = new Float64Array(G * k1);
  const s2 = new Float64Array(G * k2);
  for (let g = 0; g < G; g++) {
    const i = groups.rows[groups.start[g] as number] as number;
    for (let j = 0; j < k1; j++) s1[g * k1 + j] = ((z1[i * k1 + j] as number) - (m1.mean[j] as number)) / (m1.sd[j] as number);
    for (let j = 0; j < k2; j++) s2[g * k2 + j] = ((z2[i * k2 + j] as number) - (m2.mean[j] as number)) / (m2.sd[j] as number);
  }
  const theta = new Float64Array(p);
  const gLog = new Float64Array(p);
  const makeObjective = (groupLogLikelihood: GroupLogLikelihood) => (phi: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let total = 0;
    for (let g = 0; g < G; g++) {
      let eta1 = 0;
      for (let j = 0; j < k1; j++) eta1 += (phi[p + j] as number) * (s1[g * k1 + j] as number);
      let eta2 = 0;
      for (let j = 0; j < k2; j++) eta2 += (phi[p + k1 + j] as number) * (s2[g * k2 + j] as number);
      for (let q = 0; q < p; q++) theta[q] = phi[q] as number;
      for (const { index, sign } of layout.purchase) theta[index] = (theta[index] as number) + sign * eta1;
      for (const { index, sign } of layout.dropout) theta[index] = (theta[index] as number) + sign * eta2;
      for (let q = 0; q < p; q++) theta[q] = Math.exp(theta[q] as number);
      const ll = groupLogLikelihood(g, theta, gLog);
      total += ll;
      for (let q = 0; q < p; q++) grad[q] = (grad[q] as number) - (gLog[q] as number);
      let d1 = 0;
      for (const { index, sign } of layout.purchase) d1 += sign * (gLog[index] as number);
      let d2 = 0;
      for (const { index, sign } of layout.dropout) d2 += sign * (gLog[index] as number);
      for (let j = 0; j < k1; j++) grad[p + j] = (grad[p + j] as number) - d1 * (s1[g * k1 + j] as number);
      for (let j = 0; j < k2; j++) grad[p + k1 + j] = (grad[p + k1 + j] as number) - d2 * (s2[g * k2 + j] as number);
    }
    return Number.isFinite(total) ? -total : Infinity;
  };
  const objective = makeObjective(input.buildGroups(groups));
  const settings = {
    gradientTolerance: input.gradientTolerance ?? 1e-9,
    ...(input.maxIterations !== undefined ? { maxIterations: input.maxIterations } : {}),
  };
  let start = [...input.start.map(Math.log), ...new Array(k1 + k2).fill(0)];
  let warm = { iterations: 0, evaluations: 0 };
  let done: { x: Float64Array; value: number; gradientNorm: number; reason: 'gradient-tolerance' | 'no-progress' } | undefined;
  if (w.length > WARM_START_ROWS) {
    // Many customers: fit every k-th customer first (same groups and standardisation), then
    // quasi-Newton steps from that fit's Hessian, scaled by the ratio of the weights, on all
    // customers until the Newton decrement certifies the optimum (see polish); BFGS on all
    // customers takes over only when that fails.
    const step = Math.ceil(w.length / (WARM_START_ROWS / 2));
    // Every k-th customer within each covariate group (not every k-th row overall, which can alias
    // with a periodic order of the rows and leave a covariate constant in the subsample).
    const position = new Int32Array(G);
    const keep = new Uint8Array(w.length);
    let subTotal = 0;
    for (let i = 0; i < w.length; i++) {
      const g = groups.groupOf[i] as number;
      if ((position[g] as number) % step === 0) {
        keep[i] = 1;
        subTotal += w[i] as number;
      }
      position[g] = (position[g] as number) + 1;
    }
    const subGroups = groupsFrom(groups.groupOf, G, (i) => keep[i] === 1);
    const subObjective = makeObjective(input.buildGroups(subGroups));
    const first = minimize(subObjective, { starts: [start], ...settings });
    warm = { iterations: first.report.iterations, evaluations: first.report.functionEvaluations };
    if (Number.isFinite(first.value)) {
      start = Array.from(first.x);
      // The subsample's inverse Hessian scaled to all customers; when it is not positive definite,
      // the Hessian of all customers at the same point (2 x dim more evaluations).
      const subInverse = invertPositiveDefinite(hessianFromGradient(subObjective, first.x));
      const fullInverse = subInverse === undefined ? invertPositiveDefinite(hessianFromGradient(objective, first.x)) : undefined;
      if (subInverse !== undefined || fullInverse !== undefined) {
        const scaled = subInverse !== undefined ? subInverse.map((row) => row.map((v) => (v * subTotal) / customers)) : (fullInverse as number[][]);
        const polished = polish(objective, first.x, scaled, settings.gradientTolerance);
        warm = { iterations: warm.iterations + polished.steps, evaluations: warm.evaluations + 2 * dim + polished.evaluations };
        if (polished.converged) done = { x: polished.x, value: polished.value, gradientNorm: polished.gradientNorm, reason: polished.reason };
        else if (Number.isFinite(polished.value)) start = Array.from(polished.x);
      }
    }
  }
  const final: { x: Float64Array; value: number; report: OptimizationReport } =
    done !== undefined
      ? { x: done.x, value: done.value, report: { converged: true, method: 'bfgs', iterations: 0, functionEvaluations: 0, gradientNorm: done.gradientNorm, reason: done.reason, starts: 1 } }
      : minimize(objective, { starts: [start], ...settings });
  const result = { ...final, report: { ...final.report, iterations: final.report.iterations + warm.iterations, functionEvaluations: final.report.functionEvaluations + warm.evaluations } };
  if (!Number.isFinite(result.value)) throw new MetricsFitError('no-finite-likelihood', 'The log-likelihood is not finite at any point the optimizer tried.');
  const phi = result.x;
  // Back to the user's scale: gamma_j = gamma~_j / sd_j; ln theta_0 shifts by -sign * sum gamma~_j mean_j / sd_j.
  const J: number[][] = Array.from({ length: dim }, (_, i) => Array.from({ length: dim }, (_, j) => (i === j ? 1 : 0)));
  for (let j = 0; j < k1; j++) {
    (J[p + j] as number[])[p + j] = 1 / (m1.sd[j] as number);
    for (const { index, sign } of layout.purchase) (J[index] as number[])[p + j] = (-sign * (m1.mean[j] as number)) / (m1.sd[j] as number);
  }
  for (let j = 0; j < k2; j++) {
    (J[p + k1 + j] as number[])[p + k1 + j] = 1 / (m2.sd[j] as number);
    for (const { index, sign } of layout.dropout) (J[index] as number[])[p + k1 + j] = (-sign * (m2.mean[j] as number)) / (m2.sd[j] as number);
  }
  const user = J.map((row) => row.reduce((acc, v, j) => acc + v * (phi[j] as number), 0));
  const parameters = user.slice(0, p).map(Math.exp);
  const gammas = user.slice(p);
  const inverse = invertPositiveDefinite(hessianFromGradient(objective, phi));
  let covariance: number[][] | undefined;
  if (inverse !== undefined) {
    // J C J', then the delta method for the base parameters (theta = exp(phi)).
    const JC = J.map((row) => inverse.map((_, j) => row.reduce((acc, v, k) => acc + v * ((inverse[k] as number[])[j] as number), 0)));
    const scale = (i: number) => (i < p ? (parameters[i] as number) : 1);
    covariance = JC.map((row, i) => J.map((rowJ, j) => scale(i) * scale(j) * rowJ.reduce((acc, v, k) => acc + v * (row[k] as number), 0)));
  }
  const se = covariance?.map((row, i) => Math.sqrt(Math.max(0, row[i] as number)));
  const byName = (names: readonly string[], values: readonly number[]) => Object.fromEntries(names.map((name, j) => [name, values[j] as number]));
  const effects: CovariateEffects = {
    purchase: [...spec.purchase],
    dropout: [...spec.dropout],
    coefficients: { purchase: byName(spec.purchase, gammas.slice(0, k1)), dropout: byName(spec.dropout, gammas.slice(k1)) },
    standardErrors: se === undefined ? undefined : { purchase: byName(spec.purchase, se.slice(p, p + k1)), dropout: byName(spec.dropout, se.slice(p + k1)) },
    covariance,
    covarianceNames: [...baseNames, ...spec.purchase.map((n) => `purchase:${n}`), ...spec.dropout.map((n) => `dropout:${n}`)],
  };
  return {
    parameters,
    logLikelihood: -result.value,
    baseStandardErrors: se?.slice(0, p),
    baseCovariance: covariance?.slice(0, p).map((row) => row.slice(0, p)),
    effects,
    convergence: result.report,
  };
}

/** The `covariates` option of the simulators: each customer's covariate values and the true coefficients. */
export interface SimulationCovariates {
  /**
   * Covariate values by field name; customer i gets `values[i mod values.length]` (so a list of two
   * rows alternates two groups). Every name in `purchase` and `dropout` must be in every row.
   */
  readonly values: readonly Readonly<Record<string, number>>[];
  /** True purchase-side coefficients by field name. @defaultValue {} */
  readonly purchase?: Readonly<Record<string, number>>;
  /** True dropout-side coefficients by field name. @defaultValue {} */
  readonly dropout?: Readonly<Record<string, number>>;
}

/** Checked simulation covariates: gamma' z per values row for each side. */
export interface CheckedSimulationCovariates {
  readonly values: readonly Readonly<Record<string, number>>[];
  readonly purchaseEta: Float64Array;
  readonly dropoutEta: Float64Array;
}

function checkCoefficientRecord(value: unknown, path: readonly (string | number)[], issues: IssueList): [string, number][] | undefined {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add('invalid_type', [...path], 'must be an object of coefficients by field name');
    return undefined;
  }
  let ok = true;
  const out: [string, number][] = [];
  for (const [name, v] of Object.entries(value)) {
    if (RESERVED.has(name)) {
      issues.add('invalid_value', [...path, name], 'must be the name of a covariate field other than frequency, recency, T and weight');
      ok = false;
    } else if (checkNumber(v, [...path, name], {}, issues)) out.push([name, v]);
    else ok = false;
  }
  return ok ? out : undefined;
}

/** Checks the simulators' `covariates` option (undefined stays undefined). */
export function checkSimulationCovariates(value: unknown, path: readonly (string | number)[], issues: IssueList): CheckedSimulationCovariates | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', [...path], 'must be an object { values, purchase?, dropout? }');
    return undefined;
  }
  const v = value as { values?: unknown; purchase?: unknown; dropout?: unknown };
  for (const key of Object.keys(v)) if (key !== 'values' && key !== 'purchase' && key !== 'dropout') issues.add('unrecognized_key', [...path, key], 'is not an option (values, purchase, dropout)');
  const purchase = checkCoefficientRecord(v.purchase, [...path, 'purchase'], issues);
  const dropout = checkCoefficientRecord(v.dropout, [...path, 'dropout'], issues);
  if (!Array.isArray(v.values) || v.values.length === 0) {
    issues.add(v.values === undefined ? 'invalid_type' : 'too_small', [...path, 'values'], 'must be a non-empty array of covariate rows');
    return undefined;
  }
  if (purchase === undefined || dropout === undefined) return undefined;
  const rows = v.values as unknown[];
  const purchaseEta = new Float64Array(rows.length);
  const dropoutEta = new Float64Array(rows.length);
  let ok = true;
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) {
      issues.add('invalid_type', [...path, 'values', i], 'must be an object of covariate values');
      ok = false;
      return;
    }
    const names = [...purchase.map(([n]) => n), ...dropout.map(([n]) => n)];
    const z = readCovariateValues(row, names, [...path, 'values', i], issues);
    if (z === undefined) {
      ok = false;
      return;
    }
    let e1 = 0;
    purchase.forEach(([, g], j) => (e1 += g * (z[j] as number)));
    let e2 = 0;
    dropout.forEach(([, g], j) => (e2 += g * (z[purchase.length + j] as number)));
    purchaseEta[i] = e1;
    dropoutEta[i] = e2;
  });
  return ok ? { values: rows as Readonly<Record<string, number>>[], purchaseEta, dropoutEta } : undefined;
}
