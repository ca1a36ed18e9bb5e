import { isAbortSignal, throwIfAborted, type AbortSignal } from '../../_lib/abort.js';
import type { Decimal } from 'decimal.js';
import type { CalendarPeriod, DateInput } from '../../_lib/dates.js';
import type { MoneyInput } from '../../_lib/money.js';
import { IssueList } from '../../_lib/validate.js';
import { readGroupingOptions } from './groupingOptions.js';
import { inputForm, isColumnsInput, readColumns, rowsFromRecords, StreamAccumulator, summarizeArray, type ColumnCursor, type TransactionArrays } from './summarize.js';

/** A customer identifier: a string or a finite number, compared with `===` semantics (as `Map` keys). */
export type CustomerId = string | number;

/** One purchase in a transaction log. */
export interface Transaction<Id extends CustomerId = CustomerId> {
  /** Who bought. */
  readonly customerId: Id;
  /** When: a `Date` or epoch milliseconds, read in UTC. */
  readonly date: DateInput;
  /**
   * What it was worth: a number, a decimal string or a `Decimal`. Give it for every transaction or
   * for none (then every `monetaryValue` is 0).
   */
  readonly amount?: MoneyInput;
}

/**
 * One customer's summary in the vocabulary of the buy-till-you-die models (and of Python's
 * lifetimes): the input of `fitBgNbd`, `fitParetoNbd` and the other fitters.
 */
export interface CustomerSummary<Id extends CustomerId = CustomerId> {
  /** The customer. */
  readonly customerId: Id;
  /** Number of purchase periods after the first one (repeat purchases, counted once per period). */
  readonly frequency: number;
  /** Time from the first to the last purchase period, in the reporting unit; 0 when frequency is 0. */
  readonly recency: number;
  /** Time from the first purchase period to the observation end's period, in the reporting unit. */
  readonly T: number;
  /** Mean of the repeat periods' totals (the first period excluded); 0 when frequency is 0. */
  readonly monetaryValue: Decimal;
}

/** Options of {@link rfmSummary}. */
export interface RfmSummaryOptions {
  /**
   * The end of observation. Its period is the last one observed: purchases in later periods are
   * ignored, customers whose first purchase comes later are left out, and T runs to its period.
   */
  readonly observationEnd: DateInput;
  /**
   * The calendar period purchases are grouped into (UTC): several purchases in one period count as
   * one purchase, their amounts added up.
   * @defaultValue `'day'`
   */
  readonly period?: CalendarPeriod;
  /**
   * The unit of `recency` and `T`. It must be convertible from `period`: `'day'` and `'week'` among
   * themselves, `'month'`, `'quarter'` and `'year'` among themselves.
   * @defaultValue the `period`
   */
  readonly unit?: CalendarPeriod;
  /**
   * The first day of a week for `period: 'week'` (0 = Sunday .. 6 = Saturday).
   * @defaultValue `1` (Monday, ISO 8601 weeks)
   */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * Accept negative amounts (refunds, returns). They are added to their period's total like any
   * other amount, so a period's total, and a mean, can be negative.
   * @defaultValue `false` (a negative amount is an input error)
   */
  readonly allowRefunds?: boolean;
  /**
   * Cancels the summary: checked before it, every 4,096 records of an iterable, and after every
   * record of an async iterable; when aborted it throws (the async form rejects with)
   * `signal.reason` (a `DOMException` named `'AbortError'` after `controller.abort()`). The array and
   * iterable forms are synchronous and see an abort by a timer or an event only at their start; the
   * async form sees it at the next record.
   * @defaultValue undefined (not cancellable)
   */
  readonly signal?: AbortSignal;
}

/**
 * Summarises a transaction log into one row per customer: frequency, recency, T and mean repeat
 * value, the input of every buy-till-you-die model.
 *
 * Definition (the semantics of Python lifetimes' `summary_data_from_transaction_data`): each
 * purchase is mapped to its calendar `period` (UTC) and a customer's purchases in one period are
 * added up into one period total. The first purchase period is the customer's birth: `frequency` is
 * the number of later purchase periods, `recency` the time from the first to the last purchase
 * period and `T` the time from the first purchase period to the observation end's period, both in
 * `unit`s; `monetaryValue` is the mean of the repeat periods' totals (0 when there are none).
 * Customers whose first purchase falls after the observation end are left out; purchases after it
 * are ignored. Input order does not matter. Rows come in the order in which customers first
 * appear in the input; amounts are added exactly (decimal.js semantics).
 *
 * Four input forms:
 * - an array: fastest (typed-array grouping, no per-transaction objects); returns the rows;
 * - columns ({@link TransactionArrays}: `{ customerId, date, amount? }` of arrays or typed arrays,
 *   entry i of each being transaction i): the array form's speed without an object per transaction
 *   (10^7 transactions as three typed arrays instead of 10^7 records); issues name entry i as
 *   `transactions.i.field`, as for row i;
 * - a synchronous iterable (a generator, a `Set`, ...): returns the rows;
 * - an async iterable (a Node stream of parsed records, an async generator): returns a `Promise`
 *   of the rows.
 *
 * The iterable forms never hold the transactions: memory is one record per customer (its distinct
 * purchase periods and two running totals). An object that is both iterable and async iterable is
 * read synchronously. Invalid transactions are collected while reading and reported together at the
 * end (the async form rejects).
 *
 * Cost: O(n + sum over customers of p log p) time for n transactions and p distinct periods per
 * customer; O(n) extra memory for the array form, O(customers x periods) for the iterable forms.
 *
 * @param transactions - The log: `{ customerId, date, amount? }` records, in any order, or the same as columns ({@link TransactionArrays}).
 * @param options - The observation end, the period, the reporting unit; see {@link RfmSummaryOptions}.
 * @returns One {@link CustomerSummary} per customer (a `Promise` of them for an async iterable).
 * @throws {@link MetricsInputError} for invalid transactions (bad id, invalid date, a negative
 * amount without `allowRefunds`, a non-finite amount, amounts given for some transactions only) or
 * options (a unit not convertible from the period).
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2):
 * the (x, t_x, T) summary; lifetimes' `summary_data_from_transaction_data` documentation.
 * @example
 * ```ts
 * import { rfmSummary } from 'customer-metrics';
 * const rows = rfmSummary(
 *   [
 *     { customerId: 'a', date: Date.UTC(2024, 0, 1), amount: 10 },
 *     { customerId: 'a', date: Date.UTC(2024, 0, 8), amount: '20.50' },
 *     { customerId: 'a', date: Date.UTC(2024, 0, 8), amount: 4.5 },
 *     { customerId: 'b', date: Date.UTC(2024, 0, 20), amount: 7 },
 *   ],
 *   { observationEnd: Date.UTC(2024, 0, 31) },
 * );
 * // a: first purchase on Jan 1; Jan 8 is one repeat period worth 20.50 + 4.50 = 25.
 * rows.map((row) => [row.customerId, row.frequency, row.recency, row.T, row.monetaryValue.toString()]); // => [['a', 1, 7, 30, '25'], ['b', 0, 0, 11, '0']]
 * // The same log as columns (typed arrays work too):
 * const byColumns = rfmSummary(
 *   { customerId: ['a', 'a', 'a', 'b'], date: Float64Array.of(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 8), Date.UTC(2024, 0, 20)), amount: [10, '20.50', 4.5, 7] },
 *   { observationEnd: Date.UTC(2024, 0, 31) },
 * );
 * byColumns.map((row) => row.monetaryValue.toString()); // => ['25', '0']
 * ```
 */
export function rfmSummary<Id extends CustomerId>(
  transactions: readonly Transaction<Id>[] | Iterable<Transaction<Id>> | TransactionArrays<Id>,
  options: RfmSummaryOptions,
): CustomerSummary<Id>[];
export function rfmSummary<Id extends CustomerId>(transactions: AsyncIterable<Transaction<Id>>, options: RfmSummaryOptions): Promise<CustomerSummary<Id>[]>;
export function rfmSummary<Id extends CustomerId>(
  transactions: Iterable<Transaction<Id>> | AsyncIterable<Transaction<Id>> | TransactionArrays<Id>,
  options: RfmSummaryOptions,
): CustomerSummary<Id>[] | Promise<CustomerSummary<Id>[]> {
  const issues = new IssueList();
  const columns = isColumnsInput(transactions) ? readColumns(transactions, 'transactions', issues) : undefined;
  const form = columns !== undefined ? 'columns' : isColumnsInput(transactions) ? 'bad-columns' : inputForm(transactions);
  if (form === undefined) issues.add('invalid_type', ['transactions'], transactions === undefined ? 'is required' : 'must be an array, an (async) iterable of transactions or an object of columns');
  // `signal` is rfmSummary's own option; the rest is the grouping shared with the other summaries.
  let signal: AbortSignal | undefined;
  let grouping: ReturnType<typeof readGroupingOptions>;
  if (typeof options === 'object' && options !== null && 'signal' in options) {
    const { signal: given, ...rest } = options;
    if (given !== undefined && !isAbortSignal(given)) issues.add('invalid_type', ['options', 'signal'], 'must be an AbortSignal');
    else signal = given;
    grouping = readGroupingOptions(rest, ['observationEnd'], issues);
  } else grouping = readGroupingOptions(options, ['observationEnd'], issues);
  if (form === undefined || form === 'bad-columns' || grouping === undefined) {
    issues.throwIfAny();
    throw new Error('unreachable');
  }
  throwIfAborted(signal);
  const { spec, ratio } = grouping;
  const endPeriod = grouping.periods.observationEnd as number;
  if (form === 'array') return summarizeArray<Id>(transactions as readonly unknown[], 'transactions', spec, issues, endPeriod, ratio);
  if (form === 'columns') return summarizeArray<Id>(columns as ColumnCursor, 'transactions', spec, issues, endPeriod, ratio);
  const acc = new StreamAccumulator('transactions', spec, issues, endPeriod);
  const finish = (): CustomerSummary<Id>[] => {
    acc.presence.report('transactions', issues);
    issues.throwIfAny();
    return rowsFromRecords<Id>(acc.customers, endPeriod, ratio);
  };
  if (form !== 'async') {
    let count = 0;
    for (const t of transactions as Iterable<unknown>) {
      if ((++count & 4095) === 0) throwIfAborted(signal);
      acc.add(t);
    }
    return finish();
  }
  return (async () => {
    for await (const t of transactions as AsyncIterable<unknown>) {
      throwIfAborted(signal);
      acc.add(t);
    }
    return finish();
  })();
}
