import { IssueList } from '../../_lib/validate.js';
import type { SummaryPattern } from '../data/compressSummaries.js';
import { checkHistories, checkHistory, type PurchaseHistoryColumns } from '../shared/historyInput.js';
import { checkTransactionModel } from './transactionModels.js';
import { batchParameters, customerParameters } from './covariateParameters.js';
import type { TransactionModelSpec } from './transactionModels.js';

/**
 * The probability that a customer is still alive (has not dropped out) at the end of observation,
 * given the purchase history, under a fitted transaction model (any kind).
 *
 * Definition: P(alive at T | frequency x, recency t_x, T). BG/NBD: 1 for x = 0, otherwise
 * 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)); MBG/NBD: the same with b + x in
 * place of b + x - 1 and no exception for x = 0.
 *
 * Method: 1 / (1 + e^u) computed as exp(-log1pExp(u)) with u in log space, so a frequent buyer who
 * has been silent for long gets exactly 0 instead of NaN from Infinity / Infinity.
 *
 * Accuracy: relative error of a few ulps.
 *
 * Cost: O(1).
 *
 * @param model - A fitted transaction model (only `kind` and `parameters` are read).
 * @param customer - The history `{ frequency, recency, T }` in the model's time unit (and, for a
 *   model fitted with covariates, the customer's covariate fields).
 * @returns A probability in [0, 1].
 * @throws {@link MetricsInputError} for an unknown model kind, non-positive parameters or an invalid
 *   history.
 * @see Fader, Hardie & Lee (2005), "Computing P(alive) using the BG/NBD model" (Hardie's note 021).
 * @example
 * ```ts
 * import { probabilityAlive } from 'customer-metrics';
 * const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * probabilityAlive(model, { frequency: 0, recency: 0, T: 38.86 }); // => 1
 * probabilityAlive(model, { frequency: 2, recency: 30.43, T: 38.86 }); // => ~0.7266
 * probabilityAlive(model, { frequency: 1000, recency: 10, T: 100 }); // => 0
 * ```
 */
export function probabilityAlive(model: TransactionModelSpec, customer: SummaryPattern): number {
  const issues = new IssueList();
  const m = checkTransactionModel(model, 'model', issues, true);
  const c = checkHistory(customer, 'customer', issues);
  const parameters = customerParameters(m, customer, ['customer'], issues);
  issues.throwIfAny();
  const h = c as NonNullable<typeof c>;
  const checked = m as NonNullable<typeof m>;
  return checked.kernel.probabilityAlive(parameters as Record<string, number>, h.x, h.tx, h.T);
}

/**
 * {@link probabilityAlive} for many customers at once.
 *
 * Definition, method and accuracy: as {@link probabilityAlive}, per customer. Cost: O(n).
 *
 * @param model - A fitted transaction model.
 * @param customers - Histories as an array of `{ frequency, recency, T }` or as columns of numeric
 *   arrays (with a model fitted with covariates: the covariate fields, or one column per covariate).
 * @returns P(alive) per customer, in input order.
 * @throws {@link MetricsInputError} as {@link probabilityAlive}, with paths into `customers`.
 * @example
 * ```ts
 * import { probabilityAliveBatch } from 'customer-metrics';
 * const model = { kind: 'mbg-nbd', parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } } as const;
 * const p = probabilityAliveBatch(model, [{ frequency: 0, recency: 0, T: 38.86 }]);
 * p[0]; // => ~0.390
 * ```
 */
export function probabilityAliveBatch(
  model: TransactionModelSpec,
  customers: readonly SummaryPattern[] | PurchaseHistoryColumns,
): Float64Array {
  const issues = new IssueList();
  const m = checkTransactionModel(model, 'model', issues, true);
  // Float64Array columns and a model without covariates: checked and computed in one loop; any entry
  // that is not plainly valid sends the call through the detailed checks below.
  const checked = m?.kernel.probabilityAliveBatchChecked;
  if (issues.isEmpty && m !== undefined && m.covariates === undefined && checked !== undefined) {
    const c = customers as { frequency?: unknown; recency?: unknown; T?: unknown };
    if (c.frequency instanceof Float64Array && c.recency instanceof Float64Array && c.T instanceof Float64Array) {
      const out = new Float64Array(c.frequency.length);
      if (checked(m.parameters, c.frequency, c.recency, c.T, out)) return out;
    }
  }
  const cols = checkHistories(customers, 'customers', issues);
  const params = cols === undefined ? undefined : batchParameters(m, customers, cols.x.length, 'customers', issues);
  issues.throwIfAny();
  const { x, tx, T } = cols as NonNullable<typeof cols>;
  const { kernel, parameters, covariates } = m as NonNullable<typeof m>;
  const at = params as NonNullable<typeof params>;
  const out = new Float64Array(x.length);
  if (covariates !== undefined) for (let i = 0; i < x.length; i++) out[i] = kernel.probabilityAlive(at(i), x[i] as number, tx[i] as number, T[i] as number);
  else if (kernel.probabilityAliveBatch !== undefined) kernel.probabilityAliveBatch(parameters, x, tx, T, out);
  else for (let i = 0; i < x.length; i++) out[i] = kernel.probabilityAlive(parameters, x[i] as number, tx[i] as number, T[i] as number);
  return out;
}
