import type { Decimal } from 'decimal.js';
import type { DateInput } from '../../_lib/dates.js';
import { checkDate } from '../../_lib/dates.js';
import { Money, type MoneyInput } from '../../_lib/money.js';
import { checkNumber, IssueList, optionsSchema, parseInput, z } from '../../_lib/validate.js';
import { inputForm, MoneySum, readTransaction, type CustomerIdInput, type ReadTransaction } from './summarize.js';
import type { CustomerId } from './rfmSummary.js';

/** One purchase as {@link historicClv} reads it: the amount is required. */
export interface ValuedTransaction<Id extends CustomerId = CustomerId> {
  /** Who bought. */
  readonly customerId: Id;
  /** When (a `Date` or epoch milliseconds, UTC). */
  readonly date: DateInput;
  /** Revenue of the purchase: a number, a decimal string or a `Decimal`. */
  readonly amount: MoneyInput;
}

/** Options of {@link historicClv}. */
export interface HistoricClvOptions {
  /**
   * Count purchases up to this instant (inclusive); later ones are ignored.
   * @defaultValue `undefined` (every purchase counts)
   */
  readonly asOf?: DateInput;
  /**
   * Gross margin as a fraction in [0, 1] applied to revenue: 1 gives realised revenue, 0.3 the
   * realised margin at a 30% gross margin.
   * @defaultValue `1`
   */
  readonly grossMargin?: number;
  /**
   * Accept negative amounts (refunds), which reduce the customer's value.
   * @defaultValue `false`
   */
  readonly allowRefunds?: boolean;
}

/** One customer's realised value. */
export interface HistoricClvRow<Id extends CustomerId = CustomerId> {
  /** The customer. */
  readonly customerId: Id;
  /** Number of purchases counted. */
  readonly purchases: number;
  /** Sum of the amounts. */
  readonly revenue: Decimal;
  /** Realised value: revenue x gross margin. */
  readonly value: Decimal;
}

const optionsShape = optionsSchema({
  asOf: z.unknown().optional(),
  grossMargin: z.unknown().optional(),
  allowRefunds: z.boolean().optional(),
});

/**
 * Historic (realised) customer value: what each customer has brought in so far, as revenue or as
 * margin. No prediction: the backward-looking figure that value tiers and whale curves start from.
 *
 * Definition: per customer, the sum of the purchase amounts up to `asOf` (revenue) and that sum
 * times `grossMargin` (value). Sums are exact (decimal.js semantics). Rows come in the order in
 * which customers first appear.
 *
 * Cost: O(n) time, one record per customer in memory.
 *
 * @param transactions - An array or iterable of `{ customerId, date, amount }`.
 * @param options - Cut-off date, gross margin, refunds; see {@link HistoricClvOptions}.
 * @returns One {@link HistoricClvRow} per customer with a purchase up to `asOf`.
 * @throws {@link MetricsInputError} for an invalid id, date or amount (missing, not finite, negative
 * without `allowRefunds`), or invalid options.
 * @see Kumar (2008), "Managing Customers for Profit": past customer value; Gupta et al. (2006),
 * "Modeling customer lifetime value", Journal of Service Research 9(2).
 * @example
 * ```ts
 * import { historicClv } from 'customer-metrics';
 * const rows = historicClv(
 *   [
 *     { customerId: 'a', date: Date.UTC(2024, 0, 1), amount: '19.99' },
 *     { customerId: 'b', date: Date.UTC(2024, 0, 2), amount: 5 },
 *     { customerId: 'a', date: Date.UTC(2024, 1, 1), amount: 0.01 },
 *   ],
 *   { grossMargin: 0.3 },
 * );
 * rows.map((row) => [row.customerId, row.purchases, row.revenue.toString(), row.value.toString()]); // => [['a', 2, '20', '6'], ['b', 1, '5', '1.5']]
 * ```
 */
export function historicClv<Id extends CustomerId>(
  transactions: readonly ValuedTransaction<Id>[] | Iterable<ValuedTransaction<Id>>,
  options: HistoricClvOptions = {},
): HistoricClvRow<Id>[] {
  const issues = new IssueList();
  const form = inputForm(transactions);
  if (form !== 'array' && form !== 'iterable') {
    issues.add('invalid_type', ['transactions'], transactions === undefined ? 'is required' : 'must be an array or an iterable of transactions');
  }
  const o = parseInput(optionsShape, options, 'options', issues);
  let asOf = Number.POSITIVE_INFINITY;
  if (o?.asOf !== undefined) asOf = checkDate(o.asOf, ['options', 'asOf'], issues) ?? asOf;
  if (o?.grossMargin !== undefined) checkNumber(o.grossMargin, ['options', 'grossMargin'], { min: 0, max: 1 }, issues);
  issues.throwIfAny();
  const margin = (o?.grossMargin as number | undefined) ?? 1;
  const spec = { code: 0 as const, weekStartsOn: 1, allowRefunds: o?.allowRefunds ?? false };
  const sums = new Map<CustomerIdInput, { purchases: number; total: MoneySum }>();
  const r: ReadTransaction = { id: '', period: 0, cents: 0, dec: undefined, hasAmount: false };
  let index = 0;
  for (const t of transactions as Iterable<unknown>) {
    const at = index++;
    if (!readTransaction(t, at, 'transactions', spec, issues, r)) continue;
    if (!r.hasAmount) {
      issues.add('invalid_type', ['transactions', at, 'amount'], 'is required');
      continue;
    }
    const date = (t as { date: DateInput }).date;
    const ms = typeof date === 'number' ? date : date.getTime();
    if (ms > asOf) continue;
    let s = sums.get(r.id);
    if (s === undefined) {
      s = { purchases: 0, total: new MoneySum() };
      sums.set(r.id, s);
    }
    s.purchases++;
    s.total.add(r.cents, r.dec);
  }
  issues.throwIfAny();
  const rows: HistoricClvRow<Id>[] = [];
  for (const [id, s] of sums) {
    const revenue = s.total.value();
    rows.push({ customerId: id as Id, purchases: s.purchases, revenue, value: margin === 1 ? revenue : revenue.times(new Money(margin)) });
  }
  return rows;
}
