import { CALENDAR_PERIODS, checkDate, type CalendarPeriod, type DateInput } from '../../_lib/dates.js';
import { checkNumber, IssueList } from '../../_lib/validate.js';
import { periodCode, periodIndex, unitsPerPeriod } from '../data/periods.js';
import { checkTransactionModel } from '../predictions/transactionModels.js';
import type { TransactionModelSpec } from '../predictions/transactionModels.js';
import type { CustomerId } from '../data/rfmSummary.js';

/** What {@link holdoutValidation} reads from each row of a {@link calibrationHoldoutSplit}. */
export interface HoldoutRow {
  /** The customer (needed only for tracking). */
  readonly customerId?: CustomerId;
  /** Calibration frequency. */
  readonly frequency: number;
  /** Calibration recency. */
  readonly recency: number;
  /** Calibration T. */
  readonly T: number;
  /** Purchases (purchase periods) in the holdout period. */
  readonly holdoutFrequency: number;
  /** Length of the holdout period, in the same unit as recency and T. */
  readonly holdoutDuration: number;
}

/** What the tracking of {@link holdoutValidation} reads from a transaction (other fields are ignored). */
export interface HoldoutTransaction {
  /** Who bought. */
  readonly customerId: CustomerId;
  /** When: a `Date` or epoch milliseconds, read in UTC. */
  readonly date: DateInput;
}

/** The transaction log and calendar for the per-period tracking of {@link holdoutValidation}. */
export interface HoldoutTrackingInput {
  /** The transaction log the split was made from. */
  readonly transactions: readonly HoldoutTransaction[];
  /** The split's calibration end. */
  readonly calibrationEnd: DateInput;
  /**
   * The split's grouping period: purchases in one period count once, as in the split.
   *
   * @defaultValue `'day'`
   */
  readonly period?: CalendarPeriod;
  /**
   * The unit of recency, T and the holdout duration (the split's `unit`).
   *
   * @defaultValue the model's `timeUnit`
   */
  readonly unit?: CalendarPeriod;
  /**
   * The first day of a week for `period: 'week'` (0 = Sunday .. 6 = Saturday), as in the split.
   *
   * @defaultValue 1
   */
  readonly weekStartsOn?: number;
  /**
   * The length of one tracking period, in `unit`s.
   *
   * @defaultValue 1
   */
  readonly step?: number;
}

/** Options of {@link holdoutValidation}. */
export interface HoldoutValidationOptions {
  /**
   * Calibration frequencies from this value up are pooled into one group (the last row of
   * `byFrequency`), as in the standard plot.
   *
   * @defaultValue 7
   */
  maxFrequency?: number;
  /** The transaction log and calendar for per-period tracking; without it `tracking` is `undefined`. */
  tracking?: HoldoutTrackingInput;
}

/** One calibration-frequency group of {@link HoldoutValidation.byFrequency}. */
export interface HoldoutFrequencyGroup {
  /** The calibration frequency (the last group holds this frequency and all higher ones). */
  readonly frequency: number;
  /** Number of customers in the group. */
  readonly customers: number;
  /** Mean actual holdout purchases per customer. */
  readonly actual: number;
  /** Mean expected holdout purchases per customer. */
  readonly expected: number;
}

/** Per-customer error measures of the expected holdout purchases (expected minus actual). */
export interface HoldoutErrors {
  /** Mean of |expected - actual|. */
  readonly meanAbsoluteError: number;
  /** Square root of the mean of (expected - actual)^2. */
  readonly rootMeanSquaredError: number;
  /** Mean of expected - actual: positive when the model over-predicts. */
  readonly meanError: number;
  /** Pearson correlation of expected and actual; `undefined` when either does not vary. */
  readonly correlation: number | undefined;
}

/** Aggregate tracking of the holdout period, one entry per tracking period. */
export interface HoldoutTracking {
  /** End of each tracking period, in units after the calibration end. */
  readonly end: number[];
  /** Actual purchases of the split's customers in each tracking period. */
  readonly actualIncremental: number[];
  /** Expected purchases in each tracking period. */
  readonly expectedIncremental: number[];
  /** Actual purchases up to the end of each tracking period. */
  readonly actualCumulative: number[];
  /** Expected purchases up to the end of each tracking period. */
  readonly expectedCumulative: number[];
}

/** Total holdout purchases over the split's customers. */
export interface HoldoutTotals {
  /** Expected by the model. */
  readonly expected: number;
  /** Observed. */
  readonly actual: number;
}

/** The result of {@link holdoutValidation}. */
export interface HoldoutValidation {
  /** Expected vs actual mean holdout purchases by calibration frequency: the standard diagnostic plot as data. */
  readonly byFrequency: HoldoutFrequencyGroup[];
  /** Expected holdout purchases per customer, in split order. */
  readonly expected: number[];
  /** Actual holdout purchases per customer, in split order. */
  readonly actual: number[];
  /** Per-customer error measures. */
  readonly errors: HoldoutErrors;
  /** Total expected and actual holdout purchases. */
  readonly totals: HoldoutTotals;
  /** Per-period tracking, when `options.tracking` was given. */
  readonly tracking: HoldoutTracking | undefined;
}

const TRACKING_KEYS = new Set(['transactions', 'calibrationEnd', 'period', 'unit', 'weekStartsOn', 'step']);

/**
 * Checks a fitted transaction model against a holdout period: what it expected each customer to
 * buy after the calibration end, next to what the customer bought.
 *
 * Definition: for each row of a {@link calibrationHoldoutSplit}, expected = E[X(T, T + d) | x, t_x, T]
 * (the model's `expectedPurchases` over the holdout duration d, in the split's unit, which must be
 * the unit the model was fitted in), actual = the row's holdout frequency. Reported: mean expected
 * and actual by calibration frequency (Fader, Hardie & Lee's conditional-expectations plot), error
 * measures over customers, totals, and, given the transaction log, expected and actual purchases per
 * tracking period of the holdout (incremental and cumulative; the tracking plot). Expected tracking
 * values are sum_i [E_i(T_i + end_k) - E_i(T_i + end_{k-1})].
 *
 * Cost: O(n) model evaluations, plus O(n * tracking periods + transactions) with tracking.
 *
 * @param model - A fitted transaction model (`kind`, `parameters`, and `timeUnit` for tracking),
 *   fitted on the split's calibration columns.
 * @param split - The rows of {@link calibrationHoldoutSplit} (or any rows with the same fields).
 * @param options - See {@link HoldoutValidationOptions}.
 * @returns The comparison; every list is a plain array ready to plot.
 * @throws {@link MetricsInputError} for an invalid model, inconsistent rows (recency > T,
 *   negative holdout values), or invalid options (tracking without a unit, unknown keys).
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "Counting your customers the easy way",
 *   Marketing Science 24(2), Figures 2-4; lifetimes' `plot_calibration_purchases_vs_holdout_purchases`.
 * @example
 * ```ts
 * import { holdoutValidation } from 'customer-metrics';
 * const model = { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' as const };
 * const result = holdoutValidation(model, [
 *   { frequency: 0, recency: 0, T: 38, holdoutFrequency: 0, holdoutDuration: 39 },
 *   { frequency: 2, recency: 30.43, T: 38.86, holdoutFrequency: 1, holdoutDuration: 39 },
 * ]);
 * result.actual; // => [0, 1]
 * result.expected[1]; // => ~1.226
 * result.byFrequency.length; // => 8
 * ```
 */
export function holdoutValidation(model: TransactionModelSpec, split: readonly HoldoutRow[], options?: HoldoutValidationOptions): HoldoutValidation {
  const issues = new IssueList();
  const m = checkTransactionModel(model, 'model', issues);
  const rows = checkRows(split, issues);
  let maxFrequency = 7;
  let tracking: HoldoutTrackingInput | undefined;
  if (options !== undefined) {
    if (typeof options !== 'object' || options === null) issues.add('invalid_type', ['options'], 'must be an object');
    else {
      for (const key of Object.keys(options)) if (key !== 'maxFrequency' && key !== 'tracking') issues.add('unrecognized_key', ['options', key], 'is not a known option');
      if (options.maxFrequency !== undefined && checkNumber(options.maxFrequency, ['options', 'maxFrequency'], { integer: true, min: 1, max: 1000 }, issues)) {
        maxFrequency = options.maxFrequency;
      }
      tracking = options.tracking;
    }
  }
  const calendar = tracking === undefined ? undefined : checkTracking(tracking, m?.timeUnit, issues);
  issues.throwIfAny();
  const { kernel, parameters } = m as NonNullable<typeof m>;
  const data = rows as Row[];
  const n = data.length;
  const expected = new Array<number>(n);
  const actual = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = data[i] as Row;
    expected[i] = kernel.expectedPurchases(parameters, r.frequency, r.recency, r.T, r.holdoutDuration);
    actual[i] = r.holdoutFrequency;
  }

  const groups = Array.from({ length: maxFrequency + 1 }, () => ({ customers: 0, actual: 0, expected: 0 }));
  for (let i = 0; i < n; i++) {
    const g = groups[Math.min((data[i] as Row).frequency, maxFrequency)] as { customers: number; actual: number; expected: number };
    g.customers++;
    g.actual += actual[i] as number;
    g.expected += expected[i] as number;
  }
  const byFrequency = groups.map((g, frequency) => ({
    frequency,
    customers: g.customers,
    actual: g.customers === 0 ? 0 : g.actual / g.customers,
    expected: g.customers === 0 ? 0 : g.expected / g.customers,
  }));

  return {
    byFrequency,
    expected,
    actual,
    errors: errorMeasures(expected, actual),
    totals: { expected: sum(expected), actual: sum(actual) },
    tracking: calendar === undefined ? undefined : track(kernel, parameters, data, calendar),
  };
}

interface Row extends HoldoutRow {
  readonly customerId?: CustomerId;
}

function checkRows(split: unknown, issues: IssueList): Row[] | undefined {
  if (!Array.isArray(split)) {
    issues.add('invalid_type', ['split'], split === undefined ? 'is required' : 'must be an array of calibration/holdout rows');
    return undefined;
  }
  if (split.length === 0) {
    issues.add('too_small', ['split'], 'must have at least 1 item');
    return undefined;
  }
  let ok = true;
  split.forEach((row: unknown, i) => {
    const path = ['split', i];
    if (typeof row !== 'object' || row === null) {
      issues.add('invalid_type', path, 'must be a calibration/holdout row');
      ok = false;
      return;
    }
    const r = row as Record<string, unknown>;
    const fields = [
      checkNumber(r.frequency, [...path, 'frequency'], { integer: true, min: 0 }, issues),
      checkNumber(r.recency, [...path, 'recency'], { min: 0 }, issues),
      checkNumber(r.T, [...path, 'T'], { min: 0 }, issues),
      checkNumber(r.holdoutFrequency, [...path, 'holdoutFrequency'], { integer: true, min: 0 }, issues),
      checkNumber(r.holdoutDuration, [...path, 'holdoutDuration'], { min: 0 }, issues),
    ];
    if (!fields.every(Boolean)) {
      ok = false;
      return;
    }
    if ((r.recency as number) > (r.T as number)) {
      issues.add('invalid_order', [...path, 'recency'], 'must not be greater than T');
      ok = false;
    } else if (r.frequency === 0 && r.recency !== 0) {
      issues.add('invalid_structure', [...path, 'recency'], 'must be 0 when frequency is 0');
      ok = false;
    }
  });
  return ok ? (split as Row[]) : undefined;
}

interface Calendar {
  transactions: readonly HoldoutTransaction[];
  calibrationEnd: number;
  period: CalendarPeriod;
  weekStartsOn: number;
  unitsPerPeriod: number;
  step: number;
  dates: number[];
}

function checkTracking(value: unknown, modelUnit: CalendarPeriod | undefined, issues: IssueList): Calendar | undefined {
  const path = ['options', 'tracking'];
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', path, 'must be an object with transactions and calibrationEnd');
    return undefined;
  }
  const t = value as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(t)) {
    if (!TRACKING_KEYS.has(key)) {
      issues.add('unrecognized_key', [...path, key], 'is not a known option');
      ok = false;
    }
  }
  const calibrationEnd = checkDate(t.calibrationEnd, [...path, 'calibrationEnd'], issues);
  const period = (t.period ?? 'day') as CalendarPeriod;
  if (!CALENDAR_PERIODS.includes(period)) {
    issues.add('invalid_value', [...path, 'period'], `must be one of ${CALENDAR_PERIODS.map((p) => JSON.stringify(p)).join(', ')}`);
    ok = false;
  }
  const unit = (t.unit ?? modelUnit) as CalendarPeriod | undefined;
  if (unit === undefined) {
    issues.add('invalid_type', [...path, 'unit'], 'is required when the model has no timeUnit');
    ok = false;
  } else if (!CALENDAR_PERIODS.includes(unit)) {
    issues.add('invalid_value', [...path, 'unit'], `must be one of ${CALENDAR_PERIODS.map((p) => JSON.stringify(p)).join(', ')}`);
    ok = false;
  }
  const weekStartsOn = t.weekStartsOn ?? 1;
  if (!checkNumber(weekStartsOn, [...path, 'weekStartsOn'], { integer: true, min: 0, max: 6 }, issues)) ok = false;
  const step = t.step ?? 1;
  if (!checkNumber(step, [...path, 'step'], { greaterThan: 0 }, issues)) ok = false;
  let ratio: number | undefined;
  if (ok && unit !== undefined) {
    ratio = unitsPerPeriod(period, unit);
    if (ratio === undefined) {
      issues.add('invalid_value', [...path, 'unit'], 'must be convertible from the period (days and weeks, or months, quarters and years)');
      ok = false;
    }
  }
  const dates: number[] = [];
  if (!Array.isArray(t.transactions)) {
    issues.add('invalid_type', [...path, 'transactions'], t.transactions === undefined ? 'is required' : 'must be an array');
    ok = false;
  } else {
    t.transactions.forEach((tr: unknown, i) => {
      if (typeof tr !== 'object' || tr === null) {
        issues.add('invalid_type', [...path, 'transactions', i], 'must be a transaction');
        ok = false;
        return;
      }
      const ms = checkDate((tr as { date?: unknown }).date, [...path, 'transactions', i, 'date'], issues);
      if (ms === undefined) ok = false;
      else dates.push(ms);
    });
  }
  if (!ok || calibrationEnd === undefined) return undefined;
  return {
    transactions: t.transactions as Calendar['transactions'],
    calibrationEnd,
    period,
    weekStartsOn: weekStartsOn as number,
    unitsPerPeriod: ratio as number,
    step: step as number,
    dates,
  };
}

function track(
  kernel: NonNullable<ReturnType<typeof checkTransactionModel>>['kernel'],
  parameters: Record<string, number>,
  rows: Row[],
  calendar: Calendar,
): HoldoutTracking {
  const duration = Math.max(...rows.map((r) => r.holdoutDuration));
  const periods = Math.max(1, Math.ceil(duration / calendar.step - 1e-9));
  const end = Array.from({ length: periods }, (_, k) => Math.min((k + 1) * calendar.step, duration));
  // Expected: cumulative E over the split's customers at each end.
  const expectedCumulative = end.map((e) => {
    let total = 0;
    for (const r of rows) total += kernel.expectedPurchases(parameters, r.frequency, r.recency, r.T, Math.min(e, r.holdoutDuration));
    return total;
  });
  // Actual: the split's customers' holdout purchase periods (each counted once), by tracking period.
  const code = periodCode(calendar.period);
  const endIndex = periodIndex(calendar.calibrationEnd, code, calendar.weekStartsOn);
  const customers = new Set(rows.map((r) => r.customerId));
  const seen = new Set<string>();
  const actualIncremental = new Array<number>(periods).fill(0);
  calendar.transactions.forEach((tr, i) => {
    if (!customers.has(tr.customerId)) return;
    const index = periodIndex(calendar.dates[i] as number, code, calendar.weekStartsOn);
    const elapsed = (index - endIndex) * calendar.unitsPerPeriod;
    if (elapsed <= 0 || elapsed > duration + 1e-9) return;
    const key = `${typeof tr.customerId}:${String(tr.customerId)}:${index}`;
    if (seen.has(key)) return;
    seen.add(key);
    const k = Math.min(periods - 1, Math.max(0, Math.ceil(elapsed / calendar.step - 1e-9) - 1));
    actualIncremental[k] = (actualIncremental[k] as number) + 1;
  });
  const actualCumulative: number[] = [];
  let running = 0;
  for (const v of actualIncremental) actualCumulative.push((running += v));
  const expectedIncremental = expectedCumulative.map((v, k) => v - (k === 0 ? 0 : (expectedCumulative[k - 1] as number)));
  return { end, actualIncremental, expectedIncremental, actualCumulative, expectedCumulative };
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function errorMeasures(expected: readonly number[], actual: readonly number[]): HoldoutErrors {
  const n = expected.length;
  let abs = 0;
  let sq = 0;
  let diff = 0;
  for (let i = 0; i < n; i++) {
    const d = (expected[i] as number) - (actual[i] as number);
    abs += Math.abs(d);
    sq += d * d;
    diff += d;
  }
  const me = sum(expected) / n;
  const ma = sum(actual) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = (expected[i] as number) - me;
    const b = (actual[i] as number) - ma;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  const correlation = sxx > 0 && syy > 0 ? Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : undefined;
  return { meanAbsoluteError: abs / n, rootMeanSquaredError: Math.sqrt(sq / n), meanError: diff / n, correlation };
}
