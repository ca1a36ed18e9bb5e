/**
 * The registry of transaction models behind the generic prediction functions `expectedPurchases`,
 * `probabilityAlive`, `purchaseCountProbability`, `expectedPurchasesNewCustomer`,
 * `customerLifetimeValue` and their batch forms: the union of fitted model types, kind -> kernel, and
 * the boundary check of a model argument. The contract each model implements is
 * `shared/transactionModel.ts`.
 *
 * @internal
 * @module
 */
import { checkNumber, type IssueList } from '../../_lib/validate.js';
import { bgNbdKernel, mbgNbdKernel } from '../bgNbd/bgFamilyKernel.js';
import type { BgNbdModel } from '../bgNbd/fitBgNbd.js';
import type { MbgNbdModel } from '../bgNbd/fitMbgNbd.js';
import type { ParetoNbdModel } from '../paretoNbd/fitParetoNbd.js';
import { paretoNbdKernel } from '../paretoNbd/paretoNbdKernel.js';
import { DAYS_PER_UNIT, type TimeUnit, type TransactionKernel } from '../shared/transactionModel.js';

const TIME_UNITS = Object.keys(DAYS_PER_UNIT) as TimeUnit[];

/**
 * Any fitted transaction model the generic prediction functions accept. Only `kind`, `parameters` and
 * `timeUnit` are read, so a model typed in from published parameters works too.
 */
export type TransactionModel = BgNbdModel | MbgNbdModel | ParetoNbdModel;

/**
 * What the prediction functions read from a transaction model: `kind`, `parameters` and (for horizons)
 * `timeUnit`. Every fitted model qualifies; so does an object typed in from published parameters,
 * such as `{ kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' }`.
 */
export type TransactionModelSpec = TransactionModel extends infer M
  ? M extends TransactionModel
    ? {
        /** Which model: 'bg-nbd', 'mbg-nbd', ... */
        readonly kind: M['kind'];
        /** The model's parameters (all > 0). */
        readonly parameters: M['parameters'];
        /** The unit of the data's recency and T; needed whenever a horizon is given. */
        readonly timeUnit?: TimeUnit | undefined;
      }
    : never
  : never;

type KernelRegistry = { readonly [K in TransactionModel['kind']]: TransactionKernel<Extract<TransactionModel, { kind: K }>['parameters']> };

/** kind -> kernel. Add one line per model. */
export const transactionKernels: KernelRegistry = {
  'bg-nbd': bgNbdKernel,
  'mbg-nbd': mbgNbdKernel,
  'pareto-nbd': paretoNbdKernel,
};

/** A checked model: its kernel, parameters and time unit. */
export interface CheckedModel {
  readonly kind: TransactionModel['kind'];
  readonly kernel: TransactionKernel<Record<string, number>>;
  readonly parameters: Record<string, number>;
  readonly timeUnit: TimeUnit | undefined;
}

// A transaction model: registered kind, positive finite parameters, a valid timeUnit when present.
export function checkTransactionModel(value: unknown, path: string | readonly (string | number)[], issues: IssueList): CheckedModel | undefined {
  const param = typeof path === 'string' ? [path] : [...path];
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', param, value === undefined ? 'is required' : 'must be a fitted transaction model');
    return undefined;
  }
  const m = value as { kind?: unknown; parameters?: unknown; timeUnit?: unknown };
  const kinds = Object.keys(transactionKernels);
  if (typeof m.kind !== 'string' || !kinds.includes(m.kind)) {
    issues.add('invalid_value', [...param, 'kind'], `must be one of ${kinds.map((k) => JSON.stringify(k)).join(', ')}`);
    return undefined;
  }
  const kind = m.kind as TransactionModel['kind'];
  const kernel = transactionKernels[kind] as unknown as TransactionKernel<Record<string, number>>;
  if (typeof m.parameters !== 'object' || m.parameters === null) {
    issues.add('invalid_type', [...param, 'parameters'], m.parameters === undefined ? 'is required' : 'must be an object of parameters');
    return undefined;
  }
  const parameters: Record<string, number> = {};
  let ok = true;
  for (const name of kernel.parameterNames) {
    const v = (m.parameters as Record<string, unknown>)[name];
    if (checkNumber(v, [...param, 'parameters', name], { greaterThan: 0 }, issues)) parameters[name] = v;
    else ok = false;
  }
  let timeUnit: TimeUnit | undefined;
  if (m.timeUnit !== undefined) {
    if (typeof m.timeUnit === 'string' && (TIME_UNITS as string[]).includes(m.timeUnit)) timeUnit = m.timeUnit as TimeUnit;
    else {
      issues.add('invalid_value', [...param, 'timeUnit'], `must be one of ${TIME_UNITS.map((k) => JSON.stringify(k)).join(', ')}`);
      ok = false;
    }
  }
  return ok ? { kind, kernel, parameters, timeUnit } : undefined;
}
