/**
 * The seeded generator behind simulateBgNbd (d = 0) and simulateMbgNbd (d = 1).
 *
 * @internal
 * @module
 */
import { signalSchema, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import { IssueList, optionsSchema, parseInput, z } from '../../_lib/validate.js';
import { checkNumber } from '../../_lib/validate.js';
import type { BgNbdParameters } from './bgFamilyKernel.js';
import { checkModelParameter, checkModelParameters } from '../shared/modelChecks.js';
import { betaSample, logGammaSample, seededUniform } from '../shared/sampling.js';
import { checkSimulationCovariates, type SimulationCovariates } from '../shared/covariates.js';

/** One simulated customer. */
export interface SimulatedCustomer {
  /** Repeat purchases in (0, T]: every purchase counts, none is merged into a period. */
  readonly frequency: number;
  /** Time of the last repeat purchase (0 without any). */
  readonly recency: number;
  /** Length of observation since the first purchase. */
  readonly T: number;
  /** Whether the customer is still alive at T (known only in a simulation). */
  readonly alive: boolean;
  /** The repeat purchase times, when `purchaseTimes: true` was asked for. */
  readonly purchaseTimes?: readonly number[];
  /** The customer's covariate values, when the `covariates` option was given. */
  readonly covariates?: Readonly<Record<string, number>>;
}

/** Options of the BG/NBD-family simulators. */
export interface SimulateBgFamilyOptions {
  readonly customers: number;
  readonly T: number | readonly number[];
  readonly seed?: number;
  readonly purchaseTimes?: boolean;
  readonly covariates?: SimulationCovariates;
  readonly signal?: AbortSignal;
}

const positiveTime = z.number().refine((v) => Number.isFinite(v) && v > 0, { message: 'must be a finite number greater than 0', params: { code: 'too_small' } });
const schema = optionsSchema({
  customers: z.number().int().min(1).max(100_000_000),
  T: z.union([positiveTime, z.array(positiveTime).min(1)]),
  seed: z.number().int().optional(),
  purchaseTimes: z.boolean().optional(),
  covariates: z.unknown().optional(),
  signal: signalSchema,
}).unwrap();

// Whether the first argument is a model ({ parameters, kind? }) rather than bare parameters.
function isModelForm(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const inner = (value as { parameters?: unknown }).parameters;
  return typeof inner === 'object' && inner !== null;
}

// Simulates d = 0 (BG/NBD) or d = 1 (MBG/NBD) customers. The first argument is a fitted model,
// `{ parameters }`, or (the original form) the parameters themselves.
export function simulateBgFamily(d: 0 | 1, model: unknown, options: unknown): SimulatedCustomer[] {
  const issues = new IssueList();
  const names = ['r', 'alpha', 'a', 'b'] as const;
  let parameters: BgNbdParameters | undefined;
  if (isModelForm(model)) parameters = checkModelParameters(model, 'model', d === 0 ? 'bg-nbd' : 'mbg-nbd', names, issues);
  else if (typeof model !== 'object' || model === null) issues.add('invalid_type', ['parameters'], model === undefined ? 'is required' : 'must be a fitted model, { parameters }, or an object { r, alpha, a, b }');
  else {
    let ok = true;
    for (const name of names) ok = checkModelParameter((model as Record<string, unknown>)[name], ['parameters', name], issues) && ok;
    if (ok) parameters = model as BgNbdParameters;
  }
  const opts = parseInput(schema, options, 'options', issues);
  const cov = checkSimulationCovariates(opts?.covariates, ['options', 'covariates'], issues);
  issues.throwIfAny();
  const { r, alpha, a, b } = parameters as BgNbdParameters;
  const o = opts as NonNullable<typeof opts>;
  throwIfAborted(o.signal);
  const random = seededUniform(o.seed ?? 1);
  const ages = typeof o.T === 'number' ? [o.T] : o.T;
  const out: SimulatedCustomer[] = new Array(o.customers);
  for (let i = 0; i < o.customers; i++) {
    if ((i & 1023) === 1023) throwIfAborted(o.signal);
    const T = ages[i % ages.length] as number;
    // With covariates (CLVTools' BG/NBD): alpha_i = alpha exp(-gamma1'z), a_i = a exp(gamma2'z), b_i = b exp(gamma2'z).
    const k = cov === undefined ? 0 : i % cov.values.length;
    const e2 = cov === undefined ? 1 : Math.exp(cov.dropoutEta[k] as number);
    const lambda = Math.exp(logGammaSample(r, random)) / (cov === undefined ? alpha : alpha * Math.exp(-(cov.purchaseEta[k] as number)));
    const p = betaSample(a * e2, b * e2, random);
    let alive = !(d === 1 && random() < p);
    let t = 0;
    let x = 0;
    let last = 0;
    const times: number[] | undefined = o.purchaseTimes === true ? [] : undefined;
    while (alive) {
      t += -Math.log(1 - random()) / lambda;
      if (!(t <= T)) break;
      x += 1;
      last = t;
      times?.push(t);
      if (random() < p) alive = false;
    }
    const row: SimulatedCustomer = times === undefined ? { frequency: x, recency: last, T, alive } : { frequency: x, recency: last, T, alive, purchaseTimes: times };
    out[i] = cov === undefined ? row : { ...row, covariates: cov.values[k] as Readonly<Record<string, number>> };
  }
  return out;
}
