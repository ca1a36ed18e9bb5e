import { checkNumber, IssueList } from '../../_lib/validate.js';
import { bgNbdKernel } from '../bgNbd/bgFamilyKernel.js';
import type { SummaryPattern } from '../data/compressSummaries.js';
import { paretoNbdPurchaseCountProbability } from '../paretoNbd/paretoNbdKernel.js';
import { checkHistory, checkHorizon } from '../shared/historyInput.js';
import type { Horizon } from '../shared/transactionModel.js';
import { checkTransactionModel, type CheckedModel, type TransactionModelSpec } from './transactionModels.js';
import { customerParameters } from './covariateParameters.js';

/**
 * P(X(T, T + t) = n | x, t_x, T): the alive customer's count distribution, which is the new-customer
 * distribution of the same model family with the posterior parameters (see the doc comment below).
 */
function aliveCountProbability(m: CheckedModel, p: Record<string, number>, x: number, T: number, n: number, t: number): number {
  const r = p['r'] as number;
  const alpha = p['alpha'] as number;
  if (m.kind === 'pareto-nbd') return paretoNbdPurchaseCountProbability(r + x, alpha + T, p['s'] as number, (p['beta'] as number) + T, n, t);
  // BG/NBD: survived x dropout chances; MBG/NBD: x + 1 (one at the first purchase). Future chances
  // come only with future purchases, which is BG/NBD's new-customer structure in both cases.
  const chances = m.kind === 'bg-nbd' ? x : x + 1;
  return bgNbdKernel.purchaseCountProbability({ r: r + x, alpha: alpha + T, a: p['a'] as number, b: (p['b'] as number) + chances }, n, t);
}

/**
 * The probability that a customer with a given purchase history makes exactly `n` purchases in the
 * next `horizon`, under a fitted transaction model (Pareto/NBD, BG/NBD or MBG/NBD).
 *
 * Definition: P(X(T, T + t) = n | frequency x, recency t_x, T), where t is the horizon in the
 * model's time unit. A customer who has dropped out makes none; one who is alive at T has a purchase
 * rate lambda ~ Gamma(r + x, alpha + T) (the posterior given x purchases in (0, T]) and, by the
 * memorylessness of the Poisson process and of the dropout, starts afresh at T. Hence
 * P = (1 - P(alive)) [n = 0] + P(alive) P_new(n, t; posterior parameters), with P_new the
 * new-customer distribution of {@link purchaseCountProbability} and posterior parameters
 * - Pareto/NBD: (r + x, alpha + T, s, beta + T) (Fader & Hardie's note 028, "Deriving the
 *   conditional PMF of the Pareto/NBD model", derives P(X(T, T + t) = x* | x, t_x, T) by integration);
 * - BG/NBD: (r + x, alpha + T, a, b + x) in BG/NBD's own new-customer form (Fader, Hardie & Lee 2005,
 *   eq. 8): the dropout probability p ~ Beta(a, b + x) after x survived repeat purchases;
 * - MBG/NBD: BG/NBD's new-customer form with (r + x, alpha + T, a, b + x + 1): p ~ Beta(a, b + x + 1)
 *   after the x + 1 dropout chances of MBG/NBD, and the next chance comes with the next purchase.
 * Its mean over n is {@link expectedPurchases} (tested), and at a zero horizon it is 1 for n = 0.
 *
 * Method: P(alive) as in {@link probabilityAlive}; the new-customer probability as in
 * {@link purchaseCountProbability} (for Pareto/NBD: the alive term in closed form plus the death
 * integral, by series for n = 0 and Gauss-Legendre quadrature in ln τ otherwise).
 *
 * Accuracy: absolute error below 1e-12; the probabilities over n sum to 1 within 1e-10 (tested);
 * agrees with a weighted Monte Carlo over the individual-level likelihood (10^6 draws) within 3
 * standard errors.
 *
 * Cost: O(1) for BG/NBD; for Pareto/NBD and n >= 1 a quadrature of O(sqrt(n + r + x)) panels.
 *
 * @param model - A fitted transaction model with `timeUnit` (only `kind`, `parameters`, `timeUnit` are read).
 * @param customer - The history `{ frequency, recency, T }` in the model's time unit (and, for a
 *   model fitted with covariates, the customer's covariate fields).
 * @param n - The number of purchases in the horizon, a whole number >= 0.
 * @param horizon - `{ length, unit }`.
 * @returns A probability in [0, 1].
 * @throws {@link MetricsInputError} for an invalid model, history, n or horizon.
 * @see Fader & Hardie, "Deriving the conditional PMF of the Pareto/NBD model", http://brucehardie.com/notes/028/
 * @see Fader & Hardie (2020), "Deriving an expression for P(X(t) = x) under the Pareto/NBD model", http://brucehardie.com/notes/012/
 * @see Fader, Hardie & Lee (2005), Marketing Science 24(2), equations 8 and 10.
 * @example
 * ```ts
 * import { conditionalPurchaseCountProbability } from 'customer-metrics';
 * const model = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, timeUnit: 'week' } as const;
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * conditionalPurchaseCountProbability(model, customer, 0, { length: 39, unit: 'week' }); // => ~0.4081
 * conditionalPurchaseCountProbability(model, customer, 0, { length: 0, unit: 'week' }); // => 1
 * ```
 */
export function conditionalPurchaseCountProbability(model: TransactionModelSpec, customer: SummaryPattern, n: number, horizon: Horizon): number {
  const issues = new IssueList();
  const m = checkTransactionModel(model, 'model', issues, true);
  const c = checkHistory(customer, 'customer', issues);
  const parameters = customerParameters(m, customer, ['customer'], issues);
  checkNumber(n, ['n'], { integer: true, min: 0, max: 1e9 }, issues);
  const t = checkHorizon(horizon, 'horizon', m?.timeUnit, 'model', issues);
  issues.throwIfAny();
  const checked = m as CheckedModel;
  const h = c as NonNullable<typeof c>;
  const tt = t as number;
  if (tt === 0) return n === 0 ? 1 : 0;
  const p = parameters as Record<string, number>;
  const pAlive = checked.kernel.probabilityAlive(p, h.x, h.tx, h.T);
  const alive = pAlive === 0 ? 0 : pAlive * aliveCountProbability(checked, p, h.x, h.T, n, tt);
  const value = (n === 0 ? 1 - pAlive : 0) + alive;
  return value > 1 ? 1 : value < 0 ? 0 : value;
}
