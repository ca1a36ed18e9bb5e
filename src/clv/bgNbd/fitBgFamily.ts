/**
 * The fitting procedure shared by fitBgNbd (d = 0) and fitMbgNbd (d = 1): validation, starting
 * values, the penalised negative log-likelihood on log-parameters, BFGS, standard errors.
 *
 * @internal
 * @module
 */
import { clampLogToDomain } from '../shared/modelChecks.js';
import { finiteFit } from '../../_lib/finiteFit.js';
import { MetricsFitError } from '../../errors.js';
import { covarianceFromLogScale, DEFAULT_GRADIENT_TOLERANCE, hessianFromGradient, invertPositiveDefinite, maxAbs, minimize, rememberLast, type MinimizeOptions, type RememberingObjective, type MinimizeResult, type Objective } from '../../_lib/optimize.js';
import { quasiNewtonFrom } from '../../_lib/newton.js';
import { warmStartSample } from '../shared/warmStartSample.js';
import { signalSchema, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import { IssueList, optionsSchema, parseInput, z } from '../../_lib/validate.js';
import { type BgNbdParameters, type LikelihoodData, likelihoodData, logLikelihoodAndGradient } from './bgFamilyKernel.js';
import { checkHistoryRows } from '../shared/historyInput.js';
import { DAYS_PER_UNIT, type FittedTransactionModel, type TimeUnit } from '../shared/transactionModel.js';

/** Options shared by the BG/NBD-family fitters. */
export interface BgFamilyFitOptions {
  readonly timeUnit?: TimeUnit;
  readonly initialParameters?: Partial<BgNbdParameters>;
  readonly penalty?: number;
  readonly tolerance?: number;
  readonly maxIterations?: number;
  readonly starts?: number;
  readonly signal?: AbortSignal;
}

// z.number() already rejects NaN and +-Infinity (reported as not_finite), so only the sign is checked here.
const positive = z.number().refine((v) => v > 0, { message: 'must be a finite number greater than 0', params: { code: 'too_small' } });

const schema = optionsSchema({
  timeUnit: z.enum(Object.keys(DAYS_PER_UNIT) as [TimeUnit, ...TimeUnit[]]).optional(),
  initialParameters: z.strictObject({ r: positive.optional(), alpha: positive.optional(), a: positive.optional(), b: positive.optional() }).optional(),
  penalty: z.number().min(0).optional(),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().min(1).max(100_000).optional(),
  starts: z.number().int().min(1).max(50).optional(),
  signal: signalSchema,
});

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

// The penalised negative log-likelihood on log-parameters, with its gradient (remembering its last
// evaluation: the final BFGS of the big-data path starts where the polish stopped).
function makeObjective(data: LikelihoodData, d: number, penalty: number, signal: AbortSignal | undefined): RememberingObjective {
  return rememberLast((phi, grad) => {
    const r = Math.exp(phi[0] as number);
    const alpha = Math.exp(phi[1] as number);
    const a = Math.exp(phi[2] as number);
    const b = Math.exp(phi[3] as number);
    const ll = logLikelihoodAndGradient(data, d, r, alpha, a, b, grad);
    let value = -ll;
    for (let k = 0; k < 4; k++) grad[k] = -(grad[k] as number);
    if (penalty > 0) {
      const theta = [r, alpha, a, b];
      for (let k = 0; k < 4; k++) {
        const t = theta[k] as number;
        value += penalty * t * t;
        grad[k] = (grad[k] as number) + 2 * penalty * t * t;
      }
    }
    return { value: Number.isFinite(value) ? value : Infinity, logLikelihood: ll };
  }, signal);
}

const SUBSAMPLE_ABOVE = 60_000;
// A cap on the quasi-Newton steps of the big-data path after the subsample fit.
const POLISH_STEPS = 12;

// With many distinct patterns, first fit a weighted subsample of about 30,000 (warmStartSample:
// heavy patterns whole, every k-th of the others with k times its weight; the penalty scaled to
// its share of the weight). The Hessian of that fit, scaled up by the ratio of the weights,
// approximates the Hessian of all patterns, so quasi-Newton steps from it take the full data to the
// optimum in a few evaluations; BFGS on all patterns then confirms convergence (normally in its
// first evaluation) or takes over. The report adds up all three stages.
function minimizeLarge(
  data: LikelihoodData,
  d: number,
  penalty: number,
  objective: Objective,
  starts: number[][],
  settings: Omit<MinimizeOptions, 'starts'>,
  signal: AbortSignal | undefined,
): MinimizeResult {
  const n = data.pW.length;
  if (n <= SUBSAMPLE_ABOVE) return minimize(objective, { starts, ...settings });
  const sample = warmStartSample(data.pW, 30_000);
  const m = sample.index.length;
  const pW = new Float64Array(m);
  const pX = new Int32Array(m);
  const pTx = new Int32Array(m);
  const pT = new Int32Array(m);
  const wx = new Float64Array(data.xs.length);
  // The subsample's own recency values: an evaluation computes ln(alpha + t_x) once per entry of
  // txv, and the full data's (one per repeat customer with continuous recency: 400,000 on a million
  // customers) made each subsample evaluation cost nearly as much as a full one.
  const txv = new Float64Array(m + 1);
  const txAt = new Map<number, number>();
  let nTx = 0;
  let subTotal = 0;
  for (let j = 0; j < m; j++) {
    const i = sample.index[j] as number;
    const w = sample.weight[j] as number;
    const s = data.pX[i] as number;
    const t = data.pTx[i] as number;
    let at = txAt.get(t);
    if (at === undefined) {
      at = nTx++;
      txAt.set(t, at);
      txv[at] = data.txv[t] as number;
    }
    pW[j] = w;
    pX[j] = s;
    pTx[j] = at;
    pT[j] = data.pT[i] as number;
    wx[s] = (wx[s] as number) + w;
    subTotal += w;
  }
  const subTxv = txv.slice(0, nTx);
  const sub: LikelihoodData = { ...data, wx, pX, pTx, pT, pW, txv: subTxv, scratch: { ...data.scratch, LX: new Float64Array(nTx), IX: new Float64Array(nTx) } };
  let total = 0;
  for (let i = 0; i < n; i++) total += data.pW[i] as number;
  const subObjective = makeObjective(sub, d, (penalty * subTotal) / total, signal);
  const first = minimize(subObjective, { starts, ...settings });
  let from: number[][] = starts;
  let polish = { steps: 0, evaluations: 0 };
  if (Number.isFinite(first.value)) {
    from = [Array.from(first.x)];
    const subInverse = invertPositiveDefinite(hessianFromGradient(subObjective, first.x));
    if (subInverse !== undefined) {
      const inverse = subInverse.map((row) => row.map((v) => (v * subTotal) / total));
      const polished = quasiNewtonFrom(objective, first.x, inverse, settings.gradientTolerance ?? DEFAULT_GRADIENT_TOLERANCE, POLISH_STEPS);
      if (Number.isFinite(polished.value)) from = [Array.from(polished.x)];
      polish = { steps: polished.steps, evaluations: polished.evaluations + 2 * first.x.length };
    }
  }
  const final = minimize(objective, { starts: from, ...settings });
  return {
    ...final,
    report: {
      ...final.report,
      iterations: first.report.iterations + polish.steps + final.report.iterations,
      functionEvaluations: first.report.functionEvaluations + polish.evaluations + final.report.functionEvaluations,
      starts: starts.length,
    },
  };
}

// Fits the BG/NBD (d = 0) or MBG/NBD (d = 1) model.
export function fitBgFamily<K extends 'bg-nbd' | 'mbg-nbd'>(kind: K, d: 0 | 1, customers: unknown, options: unknown): FittedTransactionModel<K, BgNbdParameters> {
  const issues = new IssueList();
  const cols = checkHistoryRows(customers, 'customers', issues, { weights: true, minRows: 1 });
  const opts = parseInput(schema, options, 'options', issues) ?? {};
  issues.throwIfAny();
  throwIfAborted(opts.signal);
  const { x, tx, T, w } = cols as NonNullable<typeof cols>;
  let total = 0;
  let repeat = 0;
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i] as number;
    total += wi;
    sumX += wi * (x[i] as number);
    sumT += wi * (T[i] as number);
    if ((x[i] as number) > 0 && wi > 0) repeat += wi;
  }
  if (!(total > 0)) throw new MetricsFitError('no-customers', 'The customers carry no weight: nothing to fit.');
  if (repeat === 0) throw new MetricsFitError('no-repeat-customers', 'No customer has a repeat purchase: the purchase rate and drop-out cannot be estimated.');
  // No 'no-observation-time' check: a repeat customer has recency > 0 (checked at the boundary), so T > 0.
  const data = likelihoodData(x, tx, T, w);
  const penalty = opts.penalty ?? 0;
  const objective = makeObjective(data, d, penalty, opts.signal);
  // Starting values: unit shapes, alpha from the mean purchase rate r / alpha = mean(x) / mean(T).
  const meanRate = Math.max(sumX, 0.1 * total) / sumT;
  const init = opts.initialParameters ?? {};
  const base = [init.r ?? 1, init.alpha ?? 1 / meanRate, init.a ?? 1, init.b ?? 1].map(Math.log);
  const nStarts = opts.starts ?? 1;
  const starts: number[][] = [base];
  for (let k = 1; k < nStarts; k++) {
    // A deterministic spread around the base point: each coordinate moved by +-ln 3 in turn.
    const s = [...base];
    const coord = (k - 1) % 4;
    const sign = Math.floor((k - 1) / 4) % 2 === 0 ? 1 : -1;
    s[coord] = (s[coord] as number) + sign * Math.log(3) * (1 + Math.floor((k - 1) / 8));
    starts.push(s);
  }
  const settings = {
    ...(opts.tolerance !== undefined ? { gradientTolerance: opts.tolerance } : {}),
    ...(opts.maxIterations !== undefined ? { maxIterations: opts.maxIterations } : {}),
  };
  const result = minimizeLarge(data, d, penalty, objective, starts, settings, opts.signal);
  if (!Number.isFinite(result.value)) throw new MetricsFitError('no-finite-likelihood', 'The log-likelihood is not finite at any point the optimizer tried.');
  let phi = clampLogToDomain(result.x);
  let report = result.report;
  const g = new Float64Array(4);
  const large = data.pW.length > SUBSAMPLE_ABOVE;
  const f = large ? objective(phi, g) : Number.NaN; // where the fit stopped: remembered, no pass
  const inverse = invertPositiveDefinite(hessianFromGradient(objective, phi));
  if (large && inverse !== undefined && report.converged) {
    // The big-data path stops as soon as the gradient test holds, about 1e-7 (relative) from the
    // optimum in the flattest direction. One Newton step with the Hessian just computed for the
    // covariance lands within about 1e-10 of it, for one more pass; kept when the objective does
    // not rise beyond rounding and the gradient test still holds there.
    const next = phi.map((v, i) => v - (inverse[i] as number[]).reduce((acc, h, j) => acc + h * (g[j] as number), 0));
    const gNext = new Float64Array(4);
    const fNext = objective(next, gNext);
    const tolerance = settings.gradientTolerance ?? DEFAULT_GRADIENT_TOLERANCE;
    if (fNext <= f + 1e-12 * Math.abs(f) && maxAbs(gNext) <= tolerance * Math.max(1, Math.abs(fNext))) {
      phi = clampLogToDomain(next);
      // The gradient test holds at the new point, whatever stopped BFGS before it.
      report = { ...report, converged: true, reason: 'gradient-tolerance', iterations: report.iterations + 1, gradientNorm: maxAbs(gNext) };
    }
    report = { ...report, functionEvaluations: report.functionEvaluations + 1 };
  }
  const theta = Array.from(phi, Math.exp);
  const parameters: BgNbdParameters = { r: theta[0] as number, alpha: theta[1] as number, a: theta[2] as number, b: theta[3] as number };
  const logLikelihood = objective.logLikelihoodAt(theta) ?? logLikelihoodAndGradient(data, d, parameters.r, parameters.alpha, parameters.a, parameters.b, undefined);
  const covariance = inverse === undefined ? undefined : covarianceFromLogScale(inverse, theta);
  const se = covariance?.map((row, i) => Math.sqrt(row[i] as number));
  return finiteFit({
    kind,
    parameters,
    parameterNames: [...NAMES],
    logLikelihood,
    standardErrors: se === undefined ? undefined : { r: se[0] as number, alpha: se[1] as number, a: se[2] as number, b: se[3] as number },
    covariance,
    customers: total,
    convergence: report,
    timeUnit: opts.timeUnit,
    penalty,
  });
}
