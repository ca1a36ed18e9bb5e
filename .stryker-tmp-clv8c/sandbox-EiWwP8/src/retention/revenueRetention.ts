// @ts-nocheck
import { checkMoney, type Decimal } from '../_lib/money.js';
import { IssueList } from '../_lib/validate.js';

/** The MRR movements of one period, as {@link revenueRetention} reads them (all at least 0). */
export interface RevenueMovements {
  /** MRR at the start of the period. */
  readonly startingMrr: number | string | Decimal;
  /** MRR lost from customers who churned. */
  readonly churned: number | string | Decimal;
  /** MRR lost from downgrades of customers who stayed. */
  readonly contraction: number | string | Decimal;
  /** MRR gained from upgrades of existing customers. */
  readonly expansion: number | string | Decimal;
  /** MRR from customers who came back after churning. @defaultValue 0 */
  readonly reactivation?: number | string | Decimal;
  /** MRR from new customers (used only by the quick ratio). @defaultValue 0 */
  readonly newMrr?: number | string | Decimal;
  /** Accepted and ignored, so that the result of {@link mrrMovements} can be passed as it is. */
  readonly endingMrr?: number | string | Decimal;
}

/** Revenue retention ratios of one period (fractions: 0.9 is 90%). */
export interface RevenueRetention {
  /** (churned + contraction) / startingMrr; `undefined` when startingMrr is 0. */
  readonly grossMrrChurnRate: number | undefined;
  /** (churned + contraction - expansion - reactivation) / startingMrr; negative when expansion wins. */
  readonly netMrrChurnRate: number | undefined;
  /** Gross revenue retention, 1 - grossMrrChurnRate, in [0, 1]. */
  readonly grossRevenueRetention: number | undefined;
  /** Net revenue retention, 1 - netMrrChurnRate; above 1 when expansion outgrows losses. */
  readonly netRevenueRetention: number | undefined;
  /** (newMrr + expansion + reactivation) / (churned + contraction); `undefined` when nothing was lost. */
  readonly quickRatio: number | undefined;
}

const KEYS = ['startingMrr', 'churned', 'contraction', 'expansion', 'reactivation', 'newMrr', 'endingMrr'];

/**
 * Gross and net MRR churn, gross and net revenue retention (GRR, NRR) and the SaaS quick ratio of
 * one period, from its MRR movements. Money is added up exactly with decimal.js.
 *
 * Definition (ChartMogul): gross MRR churn = (churned + contraction) / starting MRR; net MRR churn
 * = (churned + contraction - expansion - reactivation) / starting MRR; GRR = 1 - gross; NRR = 1 - net;
 * quick ratio = (new + expansion + reactivation) / (churned + contraction). Leave `reactivation` out
 * for the stricter NRR that counts only the starting customers. Cost: O(1).
 *
 * @param movements - The period's MRR movements (see {@link RevenueMovements}); each a number, a
 *   decimal string or a Decimal, at least 0.
 * @returns The ratios; each `undefined` when its denominator is 0.
 * @throws {@link MetricsInputError} for missing, negative or non-finite amounts, unknown keys, and
 *   churned plus contraction above the starting MRR.
 * @see ChartMogul, "Net MRR churn rate" and "Gross MRR churn rate" (help center).
 * @example
 * ```ts
 * import { revenueRetention } from 'customer-metrics/retention';
 * const r = revenueRetention({ startingMrr: 100, churned: 10, contraction: 10, expansion: 10 });
 * r.grossMrrChurnRate; // => 0.2
 * r.netMrrChurnRate; // => 0.1
 * r.grossRevenueRetention; // => 0.8
 * r.netRevenueRetention; // => 0.9
 * revenueRetention({ startingMrr: '100', churned: '5', contraction: 0, expansion: 0, newMrr: '15' }).quickRatio; // => 3
 * ```
 */
export function revenueRetention(movements: RevenueMovements): RevenueRetention {
  const issues = new IssueList();
  const m: Record<string, Decimal | undefined> = {};
  if (typeof movements !== 'object' || movements === null || Array.isArray(movements)) {
    issues.add('invalid_type', ['movements'], movements === undefined ? 'is required' : 'must be an object');
  } else {
    const record = movements as unknown as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!KEYS.includes(key)) issues.add('unrecognized_key', ['movements', key], 'is not a known movement');
    }
    for (const key of KEYS) {
      const value = record[key];
      const required = key === 'startingMrr' || key === 'churned' || key === 'contraction' || key === 'expansion';
      if (value === undefined) {
        if (required) issues.add('invalid_type', ['movements', key], 'is required');
        continue;
      }
      m[key] = checkMoney(value, ['movements', key], issues, true);
    }
    const { startingMrr, churned, contraction } = m;
    if (startingMrr && churned && contraction && churned.plus(contraction).gt(startingMrr)) {
      issues.add('invalid_structure', ['movements', 'churned'], 'churned plus contraction must not exceed the starting MRR');
    }
  }
  issues.throwIfAny();
  const start = m.startingMrr as Decimal;
  const lost = (m.churned as Decimal).plus(m.contraction as Decimal);
  const regained = (m.expansion as Decimal).plus(m.reactivation ?? 0);
  const gained = regained.plus(m.newMrr ?? 0);
  const gross = start.isZero() ? undefined : lost.div(start).toNumber();
  const net = start.isZero() ? undefined : lost.minus(regained).div(start).toNumber();
  return {
    grossMrrChurnRate: gross,
    netMrrChurnRate: net,
    grossRevenueRetention: start.isZero() ? undefined : start.minus(lost).div(start).toNumber(),
    netRevenueRetention: start.isZero() ? undefined : start.minus(lost).plus(regained).div(start).toNumber(),
    quickRatio: lost.isZero() ? undefined : gained.div(lost).toNumber(),
  };
}
