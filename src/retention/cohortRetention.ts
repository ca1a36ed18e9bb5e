import { MetricsInputError } from '../errors.js';
import { checkDate, periodBoundaries, periodLabel, startOfPeriod } from '../_lib/dates.js';
import { Money, type Decimal } from '../_lib/money.js';
import { IssueList, parseInput, z } from '../_lib/validate.js';
import { checkSubscriptions, customerActivity, firstAbove, firstAtLeast, type SubscriptionRecord } from './_internal/subscriptions.js';

/**
 * The most periods from the earliest cohort to `observationEnd` (the cohort table has one row and one
 * column per period: 2,000 periods are 38 years of weeks, 4 million cells).
 */
const MAX_COHORT_PERIODS = 2000;

/** A customer's activity span, for businesses without subscriptions: active from `first` to `last`. */
export interface ActivitySpan {
  /** The customer (a string or a number). */
  readonly customerId: string | number;
  /** The first activity (the acquisition). */
  readonly first: Date | number;
  /** The last activity, taken as the churn instant; absent (or `null`) while still active. */
  readonly last?: Date | number | null;
}

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions {
  /** The end of the data: only periods that ended by then get a column. */
  readonly observationEnd: Date | number;
  /** The calendar period of cohorts and columns, in UTC. @defaultValue 'month' */
  readonly period?: 'week' | 'month' | 'quarter' | 'year';
  /** First day of a week, 0 = Sunday .. 6 = Saturday. @defaultValue 1 (Monday, ISO 8601) */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** One acquisition cohort of a {@link cohortRetention} triangle. */
export interface CohortRow {
  /** The first instant of the acquisition period (UTC). */
  readonly periodStart: Date;
  /** The period's label, such as `2025-03`. */
  readonly label: string;
  /** Customers acquired in the period (their first subscription started in it). */
  readonly size: number;
  /** `retained[k]`: cohort customers still in the base at the end of the k-th period after acquisition (k = 0 is the acquisition period). */
  readonly retained: number[];
  /** `retained[k] / size`. */
  readonly retention: number[];
  /** The cohort's MRR at acquisition (each customer's subscriptions that started with them); only when every record has `mrr`. */
  readonly initialMrr: Decimal | undefined;
  /** `revenue[k]`: the cohort's MRR at the end of the k-th period; only with `mrr`. */
  readonly revenue: Decimal[] | undefined;
  /** `revenue[k] / initialMrr` (can exceed 1 with expansion); entries `undefined` when initialMrr is 0; only with `mrr`. */
  readonly revenueRetention: (number | undefined)[] | undefined;
}

/** The cohort triangle and its average curves. */
export interface CohortRetentionResult {
  /** Cohorts with at least one customer, oldest first. */
  readonly cohorts: CohortRow[];
  /** Size-weighted average customer retention per column: sum of retained / sum of sizes over the cohorts that have the column. */
  readonly averageRetention: number[];
  /** MRR-weighted average revenue retention per column (sum of revenue / sum of initial MRR); only with `mrr`. */
  readonly averageRevenueRetention: (number | undefined)[] | undefined;
}

const schema = z.strictObject({
  observationEnd: z.unknown(),
  period: z.enum(['week', 'month', 'quarter', 'year']).optional(),
  weekStartsOn: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]).optional(),
});

/**
 * The cohort retention triangle: customers grouped by the calendar period of their first
 * subscription, and the share of each cohort still a customer at the end of each later period; with
 * MRR, the same for revenue. The average curve weights cohorts by size (never the plain mean of the
 * cohorts' percentages, which lets a cohort of 3 count as much as one of 3,000).
 *
 * Definition: a customer is retained at the end of a period when they are in the base at the period's
 * end instant (see {@link churnFromSubscriptions}): several subscriptions count once, a customer who
 * came back counts again. Column k exists when the k-th period after acquisition ended by
 * `observationEnd`. Customers whose first subscription starts at or after `observationEnd` are left
 * out. Cost: O(n log n + cohorts x periods) for n records.
 *
 * @param records - Subscriptions (see {@link SubscriptionRecord}) or activity spans `{ customerId, first, last? }`
 *   (see {@link ActivitySpan}), possibly mixed.
 * @param options - `observationEnd` is required (see {@link CohortRetentionOptions}).
 * @returns The cohorts and the average curves.
 * @throws {@link MetricsInputError} for invalid records (paths `['records', i, key]`), `mrr` on some
 *   records only, an invalid `observationEnd`, and unknown options.
 * @see ChartMogul, "Cohort analysis" (help center); docs/retention.md.
 * @example
 * ```ts
 * import { cohortRetention } from 'customer-metrics/retention';
 * const result = cohortRetention(
 *   [
 *     { customerId: 'a', start: Date.UTC(2025, 0, 3), mrr: 10 },
 *     { customerId: 'b', start: Date.UTC(2025, 0, 9), end: Date.UTC(2025, 1, 20), mrr: 10 },
 *     { customerId: 'c', start: Date.UTC(2025, 1, 2), mrr: 20 },
 *     { customerId: 'c', start: Date.UTC(2025, 1, 2), end: Date.UTC(2025, 2, 5), mrr: 5 },
 *   ],
 *   { observationEnd: Date.UTC(2025, 3, 1) },
 * );
 * result.cohorts.map((c) => [c.label, c.size, c.retained]); // => [['2025-01', 2, [2, 1, 1]], ['2025-02', 1, [1, 1]]]
 * result.cohorts[1]?.revenue?.map(String); // => ['25', '20']
 * // column 1: (1 + 1) customers retained of (2 + 1)
 * result.averageRetention; // => [1, 2 / 3, 0.5]
 * ```
 */
export function cohortRetention(records: readonly (SubscriptionRecord | ActivitySpan)[], options: CohortRetentionOptions): CohortRetentionResult {
  const issues = new IssueList();
  const parsed = checkSubscriptions(records, 'records', 'optional', issues, true);
  if (options === undefined) issues.add('invalid_type', ['options'], 'is required');
  const opts = parseInput(schema.optional(), options, 'options', issues);
  const observationEnd = opts === undefined ? undefined : checkDate(opts.observationEnd, ['options', 'observationEnd'], issues);
  issues.throwIfAny();
  const p = parsed as NonNullable<typeof parsed>;
  const o = opts as z.output<typeof schema>;
  const obsEnd = observationEnd as number;
  const period = o.period ?? 'month';
  const a = customerActivity(p);
  const { intervalOffset, intervalStart, intervalEnd } = a;
  let minFirst = Infinity;
  for (let c = 0; c < a.customerCount; c++) {
    const first = intervalStart[intervalOffset[c] as number] as number;
    if (first < minFirst) minFirst = first;
  }
  if (!(minFirst < obsEnd)) return { cohorts: [], averageRetention: [], averageRevenueRetention: p.mrr === undefined ? undefined : [] };
  const first0 = startOfPeriod(minFirst, period, { weekStartsOn: o.weekStartsOn ?? 1 });
  const bounds = periodBoundaries(first0, obsEnd, period, MAX_COHORT_PERIODS);
  if (bounds === undefined) {
    throw new MetricsInputError([
      {
        code: 'too_big',
        path: ['options', 'observationEnd'],
        message: `is too far after the earliest start: at most ${MAX_COHORT_PERIODS} periods are tabulated`,
      },
    ]);
  }
  const T = Float64Array.from(bounds);
  const nB = T.length;
  const nCohorts = nB - 1;
  const lastColumnBoundary = firstAbove(T, obsEnd) - 1;
  const stride = nB + 1;
  const size = new Float64Array(nCohorts);
  const diff = new Float64Array(nCohorts * stride);
  const cohortOf = new Int32Array(a.customerCount).fill(-1);
  for (let c = 0; c < a.customerCount; c++) {
    const lo = intervalOffset[c] as number;
    const first = intervalStart[lo] as number;
    if (first >= obsEnd) continue;
    const cohort = firstAbove(T, first) - 1;
    cohortOf[c] = cohort;
    size[cohort] = (size[cohort] as number) + 1;
    const row = cohort * stride;
    for (let k = lo; k < (intervalOffset[c + 1] as number); k++) {
      const bLo = firstAbove(T, intervalStart[k] as number);
      const bHi = firstAtLeast(T, intervalEnd[k] as number);
      if (bHi > bLo) {
        diff[row + bLo] = (diff[row + bLo] as number) + 1;
        diff[row + bHi] = (diff[row + bHi] as number) - 1;
      }
    }
  }
  let revenueDiff: (Decimal | undefined)[] | undefined;
  let initial: Decimal[] | undefined;
  if (p.mrr !== undefined) {
    const mrr = p.mrr;
    revenueDiff = new Array<Decimal | undefined>(nCohorts * stride);
    initial = Array.from({ length: nCohorts }, () => new Money(0));
    const add = (index: number, amount: Decimal): void => {
      const current = (revenueDiff as (Decimal | undefined)[])[index];
      (revenueDiff as (Decimal | undefined)[])[index] = current === undefined ? amount : current.plus(amount);
    };
    for (let c = 0; c < a.customerCount; c++) {
      const cohort = cohortOf[c] as number;
      if (cohort < 0) continue;
      const first = intervalStart[intervalOffset[c] as number] as number;
      const row = cohort * stride;
      for (let j = a.subOffset[c] as number; j < (a.subOffset[c + 1] as number); j++) {
        const i = a.order[j] as number;
        const s = p.start[i] as number;
        const e = p.end[i] as number;
        const amount = mrr[i] as Decimal;
        if (amount.isZero()) continue;
        if (s === first && e > s) initial[cohort] = (initial[cohort] as Decimal).plus(amount);
        // MRR counts at boundaries t with s < t <= e while the customer stays in the base at t.
        const bLo = firstAbove(T, s);
        const bHi = e < (a.mergedEnd[i] as number) ? firstAbove(T, e) : firstAtLeast(T, e);
        if (bHi > bLo) {
          add(row + bLo, amount);
          add(row + bHi, amount.negated());
        }
      }
    }
  }
  const cohorts: CohortRow[] = [];
  const sumRetained: number[] = [];
  const sumSize: number[] = [];
  const sumRevenue: Decimal[] = [];
  const sumInitial: Decimal[] = [];
  for (let cohort = 0; cohort < nCohorts; cohort++) {
    const n = size[cohort] as number;
    if (n === 0) continue;
    const row = cohort * stride;
    const retained: number[] = [];
    const revenue: Decimal[] | undefined = revenueDiff === undefined ? undefined : [];
    let run = 0;
    let money: Decimal = new Money(0);
    for (let b = 0; b <= lastColumnBoundary; b++) {
      run += diff[row + b] as number;
      if (revenueDiff !== undefined) {
        const d = revenueDiff[row + b];
        if (d !== undefined) money = money.plus(d);
      }
      if (b <= cohort) continue;
      const k = b - cohort - 1;
      retained.push(run);
      sumRetained[k] = (sumRetained[k] ?? 0) + run;
      sumSize[k] = (sumSize[k] ?? 0) + n;
      if (revenue !== undefined && initial !== undefined) {
        revenue.push(money);
        sumRevenue[k] = (sumRevenue[k] ?? new Money(0)).plus(money);
        sumInitial[k] = (sumInitial[k] ?? new Money(0)).plus(initial[cohort] as Decimal);
      }
    }
    const start = T[cohort] as number;
    const init = initial?.[cohort];
    cohorts.push({
      periodStart: new Date(start),
      label: periodLabel(start, period),
      size: n,
      retained,
      retention: retained.map((r) => r / n),
      initialMrr: init,
      revenue,
      revenueRetention: revenue === undefined || init === undefined ? undefined : revenue.map((r) => (init.isZero() ? undefined : r.div(init).toNumber())),
    });
  }
  return {
    cohorts,
    averageRetention: sumRetained.map((r, k) => r / (sumSize[k] as number)),
    averageRevenueRetention:
      revenueDiff === undefined ? undefined : sumRevenue.map((r, k) => ((sumInitial[k] as Decimal).isZero() ? undefined : r.div(sumInitial[k] as Decimal).toNumber())),
  };
}
