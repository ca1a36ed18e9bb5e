import type { Decimal } from 'decimal.js';
import type { CalendarPeriod, DateInput } from '../../_lib/dates.js';
import { IssueList } from '../../_lib/validate.js';
import { readGroupingOptions } from './groupingOptions.js';
import { inputForm, isColumnsInput, meanMoney, MoneySum, readColumns, rowsFromRecords, StreamAccumulator, ZERO, type CustomerIdInput, type TransactionArrays } from './summarize.js';
import type { CustomerId, CustomerSummary, Transaction } from './rfmSummary.js';

/**
 * One customer of a calibration/holdout split: the calibration-period summary (the model's input)
 * and what the customer did in the holdout period (what a model's prediction is compared with).
 */
export interface CalibrationHoldoutRow<Id extends CustomerId = CustomerId> extends CustomerSummary<Id> {
  /** Number of purchase periods in the holdout period (every one counts: none is a first purchase). */
  readonly holdoutFrequency: number;
  /** Mean of the holdout purchase periods' totals; 0 when there are none. */
  readonly holdoutMonetaryValue: Decimal;
  /** Length of the holdout period in the reporting unit (the same for every customer). */
  readonly holdoutDuration: number;
}

/** Options of {@link calibrationHoldoutSplit}. */
export interface CalibrationHoldoutSplitOptions {
  /** The last day of calibration: its period is the last calibration period. */
  readonly calibrationEnd: DateInput;
  /** The end of observation (of the holdout period); must come after `calibrationEnd`. */
  readonly observationEnd: DateInput;
  /**
   * The calendar period purchases are grouped into (UTC).
   * @defaultValue `'day'`
   */
  readonly period?: CalendarPeriod;
  /**
   * The unit of recency, T and the holdout duration (convertible from `period`).
   * @defaultValue the `period`
   */
  readonly unit?: CalendarPeriod;
  /**
   * The first day of a week for `period: 'week'` (0 = Sunday .. 6 = Saturday).
   * @defaultValue `1` (Monday, ISO 8601 weeks)
   */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * Accept negative amounts (refunds).
   * @defaultValue `false`
   */
  readonly allowRefunds?: boolean;
}

/**
 * Splits a transaction log at a calibration end, for validating a model out of sample: the
 * calibration summary of each customer (exactly what {@link rfmSummary} gives with
 * `observationEnd: calibrationEnd`) plus the customer's purchases in the holdout period.
 *
 * Definition: calibration periods are those up to the calibration end's period; holdout periods
 * those after it up to the observation end's period. Only customers who bought in calibration are
 * rows (new customers of the holdout period are not: a model fitted on calibration knows nothing of
 * them). `holdoutFrequency` counts the customer's holdout purchase periods,
 * `holdoutMonetaryValue` is the mean of their totals, `holdoutDuration` is the number of periods
 * after the calibration end's period up to the observation end's, in `unit`s.
 *
 * Cost: O(n + sum p log p) time, one record per customer in memory.
 *
 * @param transactions - The log: an array or any iterable of `{ customerId, date, amount? }`. Columns ({@link TransactionArrays}) work as in {@link rfmSummary}.
 * @param options - The calibration end, the observation end, the period and unit; see
 * {@link CalibrationHoldoutSplitOptions}.
 * @returns One {@link CalibrationHoldoutRow} per calibration customer, in order of first appearance.
 * @throws {@link MetricsInputError} for invalid transactions (as {@link rfmSummary}) or options, and
 * with `invalid_order` when the observation end is not after the calibration end.
 * @see lifetimes' `calibration_and_holdout_data`; Fader, Hardie & Lee (2005) validate the BG/NBD on
 * a 39-week calibration and 39-week holdout split of CDNOW.
 * @example
 * ```ts
 * import { calibrationHoldoutSplit } from 'customer-metrics';
 * const [row] = calibrationHoldoutSplit(
 *   [
 *     { customerId: 1, date: Date.UTC(2024, 0, 1), amount: 10 },
 *     { customerId: 1, date: Date.UTC(2024, 0, 5), amount: 30 },
 *     { customerId: 1, date: Date.UTC(2024, 1, 3), amount: 12 },
 *     { customerId: 1, date: Date.UTC(2024, 1, 9), amount: 18 },
 *   ],
 *   { calibrationEnd: Date.UTC(2024, 0, 31), observationEnd: Date.UTC(2024, 2, 1) },
 * );
 * [row.frequency, row.recency, row.T, row.monetaryValue.toNumber()]; // => [1, 4, 30, 30]
 * [row.holdoutFrequency, row.holdoutMonetaryValue.toNumber(), row.holdoutDuration]; // => [2, 15, 30]
 * ```
 */
export function calibrationHoldoutSplit<Id extends CustomerId>(
  transactions: readonly Transaction<Id>[] | Iterable<Transaction<Id>> | TransactionArrays<Id>,
  options: CalibrationHoldoutSplitOptions,
): CalibrationHoldoutRow<Id>[] {
  const issues = new IssueList();
  const columns = isColumnsInput(transactions) ? readColumns(transactions, 'transactions', issues) : undefined;
  const form = inputForm(transactions);
  if (!isColumnsInput(transactions) && form !== 'array' && form !== 'iterable') {
    issues.add('invalid_type', ['transactions'], transactions === undefined ? 'is required' : 'must be an array, an iterable of transactions or an object of columns');
  }
  const grouping = readGroupingOptions(options, ['calibrationEnd', 'observationEnd'], issues);
  if (grouping !== undefined && !((grouping.dates.observationEnd as number) > (grouping.dates.calibrationEnd as number))) {
    issues.add('invalid_order', ['options', 'observationEnd'], 'must be after the calibration end');
  }
  issues.throwIfAny();
  const { spec, ratio, periods } = grouping as NonNullable<typeof grouping>;
  const calibrationPeriod = periods.calibrationEnd as number;
  const observationPeriod = periods.observationEnd as number;

  const holdout = new Map<CustomerIdInput, { periods: Set<number>; total: MoneySum }>();
  const acc = new StreamAccumulator('transactions', spec, issues, calibrationPeriod, (t) => {
    if (t.period > observationPeriod) return;
    let h = holdout.get(t.id);
    if (h === undefined) {
      h = { periods: new Set(), total: new MoneySum() };
      holdout.set(t.id, h);
    }
    h.periods.add(t.period);
    h.total.add(t.cents, t.dec);
  });
  for (const t of columns !== undefined ? columns.rows() : (transactions as Iterable<unknown>)) acc.add(t);
  acc.presence.report('transactions', issues);
  issues.throwIfAny();

  const holdoutDuration = (observationPeriod - calibrationPeriod) * ratio;
  return rowsFromRecords<Id>(acc.customers, calibrationPeriod, ratio).map((row) => {
    const h = holdout.get(row.customerId);
    // A holdout record exists only once a purchase was added to it (count >= 1), and a MoneySum's
    // cents are always a safe integer (amounts beyond it are moved to its Decimal part).
    if (h === undefined) return { ...row, holdoutFrequency: 0, holdoutMonetaryValue: ZERO, holdoutDuration };
    const count = h.periods.size;
    return { ...row, holdoutFrequency: count, holdoutMonetaryValue: meanMoney(h.total.cents, h.total.dec, count), holdoutDuration };
  });
}
