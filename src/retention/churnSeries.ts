import { MetricsInputError } from '../errors.js';
import { checkDate, periodBoundaries, periodLabel, startOfPeriod } from '../_lib/dates.js';
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { denominatorSchema, joinedAndChurnedSchema, rateFromCounts, type ChurnDenominator, type JoinedAndChurned } from './_internal/rate.js';
import { checkSubscriptions, countPeriods, customerActivity, type SubscriptionRecord } from './_internal/subscriptions.js';

/** The most periods one series covers (10,000 weeks are 190 years). */
const MAX_SERIES_PERIODS = 10_000;

/** Options of {@link churnSeries}. */
export interface ChurnSeriesOptions {
  /** The first instant of the range; the series starts with the calendar period containing it. */
  readonly from: Date | number;
  /** The last instant of the range; the series ends with the calendar period containing it (not before `from`). */
  readonly to: Date | number;
  /** The calendar period, in UTC. @defaultValue 'month' */
  readonly period?: 'week' | 'month' | 'quarter' | 'year';
  /** First day of a week, 0 = Sunday .. 6 = Saturday. @defaultValue 1 (Monday, ISO 8601) */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** The denominator (see {@link ChurnRateOptions}). @defaultValue 'start' */
  readonly denominator?: ChurnDenominator;
  /** Joined-and-churned customers (see {@link ChurnRateOptions}). @defaultValue 'exclude' */
  readonly joinedAndChurned?: JoinedAndChurned;
  /**
   * The window of the trailing average, in periods, including the current one (ChartMogul's LTV uses
   * a 6-month trailing average of customer churn).
   * @defaultValue 6
   */
  readonly trailingPeriods?: number;
}

/** One period of a {@link churnSeries}. */
export interface ChurnSeriesRow {
  /** The period's first instant (UTC). */
  readonly periodStart: Date;
  /** A stable label: `2025-03` (month), `2025-Q1`, `2025`, or the week's first day `2025-03-03`. */
  readonly label: string;
  /** Customers in the base at the start. */
  readonly start: number;
  /** Customers who joined or came back (includes `reactivated`). */
  readonly new: number;
  /** Of `new`, former customers who came back. */
  readonly reactivated: number;
  /** Customers lost (includes `churnedNew`). */
  readonly churned: number;
  /** Of `churned`, those who joined within the period. */
  readonly churnedNew: number;
  /** Customers in the base at the end. */
  readonly end: number;
  /** The period's churn rate, or `undefined` when its denominator is 0. */
  readonly rate: number | undefined;
  /**
   * The mean of the rates of the last `trailingPeriods` periods (this one included), or `undefined`
   * until that many periods exist or when one of them has no rate.
   */
  readonly trailingAverage: number | undefined;
}

const schema = z.strictObject({
  from: z.unknown(),
  to: z.unknown(),
  period: z.enum(['week', 'month', 'quarter', 'year']).optional(),
  weekStartsOn: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]).optional(),
  denominator: denominatorSchema.optional(),
  joinedAndChurned: joinedAndChurnedSchema.optional(),
  trailingPeriods: numberSchema({ integer: true, min: 1 }).optional(),
});
const optionalSchema = optionsSchema(schema.shape);

/**
 * The customer churn rate of every calendar period (week, month, quarter or year, in UTC) over a
 * range, with a trailing average.
 *
 * Definition: each row counts as {@link churnFromSubscriptions} does over that period; the end of
 * one period is the start of the next, so `end` of a row equals `start` of the next. The last period
 * is counted whole even when `to` falls inside it: it is partial when the data stop at `to`.
 * Cost: O(n log n + p) for n subscriptions and p periods.
 *
 * @param subscriptions - The records (see {@link SubscriptionRecord}); `mrr` is not used.
 * @param options - `from` and `to` are required (see {@link ChurnSeriesOptions}).
 * @returns One row per period, oldest first.
 * @throws {@link MetricsInputError} for invalid records, invalid or reversed `from` / `to`, and
 *   unknown options.
 * @see ChartMogul, "Customer churn rate" and "LTV" (help center, 6-month trailing average).
 * @example
 * ```ts
 * import { churnSeries } from 'customer-metrics/retention';
 * const subs = [
 *   { customerId: 1, start: Date.UTC(2024, 11, 1) },
 *   { customerId: 2, start: Date.UTC(2024, 11, 1), end: Date.UTC(2025, 0, 15) },
 *   { customerId: 3, start: Date.UTC(2024, 11, 1), end: Date.UTC(2025, 1, 10) },
 *   { customerId: 4, start: Date.UTC(2024, 11, 1) },
 * ];
 * const rows = churnSeries(subs, { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 2, 31), trailingPeriods: 2 });
 * rows.map((r) => r.label); // => ['2025-01', '2025-02', '2025-03']
 * rows.map((r) => r.rate); // => [0.25, 1 / 3, 0]
 * rows.map((r) => r.trailingAverage); // => [undefined, (0.25 + 1 / 3) / 2, 1 / 6]
 * ```
 */
export function churnSeries(subscriptions: readonly SubscriptionRecord[], options: ChurnSeriesOptions): ChurnSeriesRow[] {
  const issues = new IssueList();
  const parsed = checkSubscriptions(subscriptions, 'subscriptions', 'ignore', issues);
  if (options === undefined) issues.add('invalid_type', ['options'], 'is required');
  const opts = parseInput(optionalSchema, options, 'options', issues);
  let from: number | undefined;
  let to: number | undefined;
  if (opts !== undefined) {
    from = checkDate(opts.from, ['options', 'from'], issues);
    to = checkDate(opts.to, ['options', 'to'], issues);
    if (from !== undefined && to !== undefined && to < from) issues.add('invalid_order', ['options', 'to'], 'must not be before from');
  }
  issues.throwIfAny();
  const o = opts as z.output<typeof schema>;
  const period = o.period ?? 'month';
  const trailing = o.trailingPeriods ?? 6;
  const first = startOfPeriod(from as number, period, { weekStartsOn: o.weekStartsOn ?? 1 });
  const bounds = periodBoundaries(first, to as number, period, MAX_SERIES_PERIODS);
  if (bounds === undefined) {
    throw new MetricsInputError([
      { code: 'too_big', path: ['options', 'to'], message: `is too far after from: at most ${MAX_SERIES_PERIODS} periods` },
    ]);
  }
  const table = countPeriods(customerActivity(parsed as NonNullable<typeof parsed>), Float64Array.from(bounds));
  const rows: ChurnSeriesRow[] = [];
  const rates: (number | undefined)[] = [];
  for (let p = 0; p < bounds.length - 1; p++) {
    const counts = {
      start: table.start[p] as number,
      new: table.new[p] as number,
      churned: table.churned[p] as number,
      churnedNew: table.churnedNew[p] as number,
    };
    const rate = rateFromCounts(counts, o.denominator ?? 'start', o.joinedAndChurned ?? 'exclude');
    rates.push(rate);
    let trailingAverage: number | undefined;
    if (rates.length >= trailing) {
      let sum = 0;
      for (let q = rates.length - trailing; q < rates.length; q++) {
        const r = rates[q];
        if (r === undefined) {
          sum = Number.NaN;
          break;
        }
        sum += r;
      }
      trailingAverage = sum === sum ? sum / trailing : undefined;
    }
    const start = bounds[p] as number;
    rows.push({
      periodStart: new Date(start),
      label: periodLabel(start, period),
      ...counts,
      reactivated: table.reactivated[p] as number,
      end: table.end[p] as number,
      rate,
      trailingAverage,
    });
  }
  return rows;
}
