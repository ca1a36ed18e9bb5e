// @ts-nocheck
import type { Decimal } from 'decimal.js';
import { checkMoney, Money, type MoneyInput } from '../_lib/money.js';
import { IssueList } from '../_lib/validate.js';

/** One customer's revenue and costs over a period, as {@link customerProfitability} reads them. */
export interface CustomerCosts<Id extends string | number = string | number> {
  /** The customer. */
  readonly customerId: Id;
  /** Revenue from the customer, >= 0. */
  readonly revenue: MoneyInput;
  /**
   * Cost of the goods or services sold to the customer, >= 0.
   * @defaultValue `0`
   */
  readonly costOfGoods?: MoneyInput;
  /**
   * Cost to serve the customer (support, delivery, account management, returns handling), >= 0.
   * @defaultValue `0`
   */
  readonly costToServe?: MoneyInput;
}

/** One customer's profit. */
export interface CustomerProfit<Id extends string | number = string | number> {
  /** The customer. */
  readonly customerId: Id;
  /** Revenue. */
  readonly revenue: Decimal;
  /** Cost of goods. */
  readonly costOfGoods: Decimal;
  /** Cost to serve. */
  readonly costToServe: Decimal;
  /** Revenue minus cost of goods minus cost to serve (negative for unprofitable customers). */
  readonly profit: Decimal;
  /** Profit / revenue; `undefined` when revenue is 0. */
  readonly profitMargin: number | undefined;
}

/** Totals over all customers. */
export interface ProfitabilityTotals {
  /** Sum of revenue. */
  readonly revenue: Decimal;
  /** Sum of cost of goods. */
  readonly costOfGoods: Decimal;
  /** Sum of cost to serve. */
  readonly costToServe: Decimal;
  /** Sum of profit. */
  readonly profit: Decimal;
  /** Number of customers with a negative profit. */
  readonly unprofitableCustomers: number;
}

/** The result of {@link customerProfitability}. */
export interface CustomerProfitabilityResult<Id extends string | number = string | number> {
  /** One row per input customer, in input order. */
  readonly customers: CustomerProfit<Id>[];
  /** The totals. */
  readonly totals: ProfitabilityTotals;
}

/**
 * Customer profitability: revenue minus cost of goods minus cost to serve, per customer, with
 * totals: the input for value tiers, the customer pyramid and the whale curve.
 *
 * Definition: `profit = revenue - costOfGoods - costToServe` for each customer (exact decimal
 * arithmetic); `profitMargin = profit / revenue`. Totals add up every column and count the
 * unprofitable customers. Activity-based costing of the cost to serve is up to the caller: pass
 * each customer's allocated cost.
 *
 * Cost: O(n).
 *
 * @param customers - One `{ customerId, revenue, costOfGoods?, costToServe? }` per customer.
 * @returns Per-customer profit and the totals.
 * @throws {@link MetricsInputError} when `customers` is not an array, an id is missing, or an
 * amount is negative or not finite.
 * @see Kaplan & Narayanan (2001), "Measuring and managing customer profitability", Journal of Cost
 * Management; Zeithaml, Rust & Lemon (2001), "The customer pyramid", California Management Review 43(4).
 * @example
 * ```ts
 * import { customerProfitability } from 'customer-metrics';
 * const result = customerProfitability([
 *   { customerId: 'a', revenue: 1000, costOfGoods: 600, costToServe: 150 },
 *   { customerId: 'b', revenue: '200', costOfGoods: '120', costToServe: '130' },
 * ]);
 * result.customers.map((c) => c.profit.toNumber()); // => [250, -50]
 * result.customers[0]?.profitMargin; // => 0.25
 * [result.totals.profit.toNumber(), result.totals.unprofitableCustomers]; // => [200, 1]
 * ```
 */
export function customerProfitability<Id extends string | number>(customers: readonly CustomerCosts<Id>[]): CustomerProfitabilityResult<Id> {
  const issues = new IssueList();
  if (!Array.isArray(customers)) {
    issues.add('invalid_type', ['customers'], customers === undefined ? 'is required' : 'must be an array');
    issues.throwIfAny();
  }
  const zero = new Money(0);
  const rows: CustomerProfit<Id>[] = [];
  let revenue = zero;
  let costOfGoods = zero;
  let costToServe = zero;
  let unprofitable = 0;
  customers.forEach((c, i) => {
    if (typeof c !== 'object' || c === null) {
      issues.add('invalid_type', ['customers', i], 'must be an object with customerId and revenue');
      return;
    }
    const id: unknown = c.customerId;
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      issues.add('invalid_type', ['customers', i, 'customerId'], id === undefined ? 'is required' : 'must be a string or a finite number');
    }
    const r = checkMoney(c.revenue, ['customers', i, 'revenue'], issues, true);
    const g = c.costOfGoods === undefined ? zero : checkMoney(c.costOfGoods, ['customers', i, 'costOfGoods'], issues, true);
    const s = c.costToServe === undefined ? zero : checkMoney(c.costToServe, ['customers', i, 'costToServe'], issues, true);
    if (r === undefined || g === undefined || s === undefined || !issues.isEmpty) return;
    const profit = r.minus(g).minus(s);
    if (profit.isNegative() && !profit.isZero()) unprofitable++;
    revenue = revenue.plus(r);
    costOfGoods = costOfGoods.plus(g);
    costToServe = costToServe.plus(s);
    rows.push({ customerId: c.customerId, revenue: r, costOfGoods: g, costToServe: s, profit, profitMargin: r.isZero() ? undefined : profit.div(r).toNumber() });
  });
  issues.throwIfAny();
  return {
    customers: rows,
    totals: { revenue, costOfGoods, costToServe, profit: revenue.minus(costOfGoods).minus(costToServe), unprofitableCustomers: unprofitable },
  };
}
