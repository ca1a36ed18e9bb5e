import { IssueList } from '../../_lib/validate.js';
import { checkHorizon } from '../shared/historyInput.js';
import { checkTransactionModel } from './transactionModels.js';
import type { Horizon } from '../shared/transactionModel.js';
import type { TransactionModelSpec } from './transactionModels.js';

/**
 * The expected number of repeat purchases of a new customer (one who has just made a first
 * purchase) within `horizon`, under a fitted transaction model (any kind).
 *
 * Definition: E[X(t)]. BG/NBD (Fader, Hardie & Lee 2005, eq. 9):
 * (a + b - 1) / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b; a + b - 1; t / (alpha + t))];
 * MBG/NBD: b / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b + 1; a + b; t / (alpha + t))].
 *
 * Method: the conditional expectation's series (see {@link expectedPurchases}) at x = 0, t_x = T = 0,
 * valid at a = 1 and a + b = 1 too.
 *
 * Accuracy: relative error below 1e-12; on CDNOW with the published parameters 0.0532, 0.1506,
 * 1.0437 (1.0452 with rounded parameters) and 1.8605 for 1, 3, 32 and 78 weeks.
 *
 * Cost: O(terms) as {@link expectedPurchases}.
 *
 * @param model - A fitted transaction model with `timeUnit`.
 * @param horizon - `{ length, unit }`.
 * @returns The expected number of repeat purchases, >= 0.
 * @throws {@link MetricsInputError} for an invalid model or horizon.
 * @see Fader, Hardie & Lee (2005), Marketing Science 24(2), equation 9; Hardie's BG/NBD spreadsheet.
 * @example
 * ```ts
 * import { expectedPurchasesNewCustomer } from 'customer-metrics';
 * const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
 * expectedPurchasesNewCustomer(model, { length: 78, unit: 'week' }); // => ~1.8605
 * ```
 */
export function expectedPurchasesNewCustomer(model: TransactionModelSpec, horizon: Horizon): number {
  const issues = new IssueList();
  const m = checkTransactionModel(model, 'model', issues);
  const t = checkHorizon(horizon, 'horizon', m?.timeUnit, 'model', issues);
  issues.throwIfAny();
  const checked = m as NonNullable<typeof m>;
  return checked.kernel.expectedPurchasesNewCustomer(checked.parameters, t as number);
}
