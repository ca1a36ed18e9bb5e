import { IssueList } from '../../_lib/validate.js';
import type { SummaryPattern } from '../data/compressSummaries.js';
import { checkHistories, checkHistory, type PurchaseHistoryColumns } from '../shared/historyInput.js';
import { checkTransactionModel } from './transactionModels.js';
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
 * @param customer - The history `{ frequency, recency, T }` in the model's time unit.
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
  const m = checkTransactionModel(model, 'model', issues);
  const c = checkHistory(customer, 'customer', issues);
  issues.throwIfAny();
  const h = c as NonNullable<typeof c>;
  const checked = m as NonNullable<typeof m>;
  return checked.kernel.probabilityAlive(checked.parameters, h.x, h.tx, h.T);
}

/**
 * {@link probabilityAlive} for many customers at once.
 *
 * Definition, method and accuracy: as {@link probabilityAlive}, per customer. Cost: O(n).
 *
 * @param model - A fitted transaction model.
 * @param customers - Histories as an array of `{ frequency, recency, T }` or as columns of numeric arrays.
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
export function probabilityAliveBatch(model: TransactionModelSpec, customers: readonly SummaryPattern[] | PurchaseHistoryColumns): Float64Array {
  const issues = new IssueList();
  const m = checkTransactionModel(model, 'model', issues);
  const cols = checkHistories(customers, 'customers', issues);
  issues.throwIfAny();
  const { x, tx, T } = cols as NonNullable<typeof cols>;
  const { kernel, parameters } = m as NonNullable<typeof m>;
  const out = new Float64Array(x.length);
  if (kernel.probabilityAliveBatch !== undefined) kernel.probabilityAliveBatch(parameters, x, tx, T, out);
  else for (let i = 0; i < x.length; i++) out[i] = kernel.probabilityAlive(parameters, x[i] as number, tx[i] as number, T[i] as number);
  return out;
}
