import { IssueList } from '../../_lib/validate.js';
import { checkSpendHistories, checkSpendHistory, checkSpendModel, type SpendModelSpec } from './spendInput.js';
import { conditionalSpend } from './gammaGammaKernel.js';
import type { SpendHistory } from './fitGammaGamma.js';

/**
 * The expected mean value of a customer's future transactions under a fitted Gamma-Gamma model,
 * given the customer's repeat purchases and their mean value.
 *
 * Definition: E[M | x, zbar] = p (gamma + x zbar) / (p x + q - 1), a weighted mean of the population
 * mean p gamma / (q - 1) and the customer's own mean zbar with weight p x / (p x + q - 1) on zbar.
 * `undefined` when p x + q <= 1 (the expectation does not exist): for a customer without repeat
 * purchases this is the case q <= 1.
 *
 * Method: the closed form. Accuracy: a few ulps. Cost: O(1).
 *
 * @param spendModel - A fitted Gamma-Gamma model (only `parameters` is read), or `{ kind: 'gamma-gamma', parameters }`.
 * @param customer - `{ frequency, monetaryValue }` (monetaryValue ignored when frequency is 0).
 * @returns The expected spend per transaction, or `undefined` when it does not exist.
 * @throws {@link MetricsInputError} for invalid parameters, a non-integer frequency or a
 *   non-positive monetary value with frequency > 0.
 * @see Fader & Hardie (2013), note 025, equation 5.
 * @example
 * ```ts
 * import { expectedSpend } from 'customer-metrics';
 * const spend = { kind: 'gamma-gamma', parameters: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * expectedSpend(spend, { frequency: 0, monetaryValue: 0 }); // => ~35.22
 * expectedSpend(spend, { frequency: 2, monetaryValue: 20 }); // => ~22.74
 * ```
 */
export function expectedSpend(spendModel: SpendModelSpec, customer: SpendHistory): number | undefined {
  const issues = new IssueList();
  const par = checkSpendModel(spendModel, 'spendModel', issues);
  const c = checkSpendHistory(customer, 'customer', issues);
  issues.throwIfAny();
  const h = c as NonNullable<typeof c>;
  return conditionalSpend(par as NonNullable<typeof par>, h.x, h.m);
}

/**
 * {@link expectedSpend} for many customers at once.
 *
 * Definition and method: as {@link expectedSpend}. Where the expectation does not exist (p x + q <= 1)
 * the entry is NaN, the only case in which it is; this cannot happen when q > 1 (see the fit option
 * `requireFiniteMean`). Cost: O(n).
 *
 * @param spendModel - A fitted Gamma-Gamma model.
 * @param customers - `{ frequency, monetaryValue }` rows.
 * @returns Expected spend per customer, in input order.
 * @throws {@link MetricsInputError} as {@link expectedSpend}, with paths `['customers', i, ...]`.
 * @example
 * ```ts
 * import { expectedSpendBatch } from 'customer-metrics';
 * const spend = { kind: 'gamma-gamma', parameters: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;
 * const out = expectedSpendBatch(spend, [{ frequency: 0, monetaryValue: 0 }, { frequency: 2, monetaryValue: 20 }]);
 * out[1]; // => ~22.74
 * ```
 */
export function expectedSpendBatch(spendModel: SpendModelSpec, customers: readonly SpendHistory[]): Float64Array {
  const issues = new IssueList();
  const par = checkSpendModel(spendModel, 'spendModel', issues);
  const cols = checkSpendHistories(customers, 'customers', issues);
  issues.throwIfAny();
  const { x, m } = cols as NonNullable<typeof cols>;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = conditionalSpend(par as NonNullable<typeof par>, x[i] as number, m[i] as number) ?? Number.NaN;
  return out;
}
