import { addPeriods, CALENDAR_PERIODS, type CalendarPeriod, checkDate, periodLabel, startOfPeriod } from '../_lib/dates.js';
import { IssueList, parseInput, z } from '../_lib/validate.js';
import { checkBands } from './_internal/bands.js';
import { breakdownFromCounts } from './_internal/breakdown.js';
import { groupResponses } from './_internal/group.js';
import { bandsSchema, confidenceSchema, DEFAULT_CONFIDENCE, invalidSchema, methodSchema } from './_internal/options.js';
import { applyBands } from './_internal/tally.js';
import type { NpsBandPreset, NpsBands, NpsBreakdown, NpsIntervalMethod, NpsInvalidPolicy } from './types.js';

/** One dated survey response. */
export interface NpsDatedResponse {
  /** The answer, a whole number from 0 to 10. */
  readonly score: number;
  /** When it was given: a `Date` or epoch milliseconds (periods are UTC). */
  readonly date: Date | number;
}

/** Options of {@link npsTrend}. */
export interface NpsTrendOptions {
  /**
   * The calendar period of each row, in UTC: `'day'`, `'week'`, `'month'`, `'quarter'` or `'year'`.
   * @defaultValue none: required
   */
  readonly period: 'day' | 'week' | 'month' | 'quarter' | 'year';
  /**
   * First day of a week (0 = Sunday .. 6 = Saturday), for `period: 'week'`.
   * @defaultValue 1 (Monday, ISO 8601)
   */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * The bands: a preset name or custom ranges that partition 0..10 (see {@link NpsBands}).
   * `'lenient'` (0-5 / 6-7 / 8-10) is not comparable with standard NPS.
   * @defaultValue 'standard' (0-6 detractor, 7-8 passive, 9-10 promoter)
   */
  readonly bands?: NpsBandPreset | NpsBands;
  /**
   * Confidence level of each row's interval, strictly between 0 and 1.
   * @defaultValue 0.95
   */
  readonly confidence?: number;
  /**
   * How each row's interval is computed (see {@link NpsIntervalMethod}).
   * @defaultValue 'adjusted-wald'
   */
  readonly method?: NpsIntervalMethod;
  /**
   * `'throw'` rejects any response with an invalid score or date; `'skip'` leaves such responses
   * out and reports how many (`skipped` of the result, and of each row for invalid scores).
   * @defaultValue 'throw'
   */
  readonly invalid?: NpsInvalidPolicy;
}

/** One period's breakdown. `skipped` counts the period's responses with an invalid score. */
export interface NpsTrendRow extends NpsBreakdown {
  /** The period's label: `2026-03-02` (day; week: its first day), `2026-03` (month), `2026-Q1`, `2026`. */
  readonly period: string;
  /** The period's first instant (UTC). */
  readonly start: Date;
  /** The next period's first instant (UTC): the period is `[start, end)`. */
  readonly end: Date;
}

/** The result of {@link npsTrend}. */
export interface NpsTrendResult {
  /** One row per period with at least one valid response, oldest first; empty periods are left out. */
  readonly rows: readonly NpsTrendRow[];
  /** Responses skipped in all (invalid score or date); 0 unless `invalid: 'skip'`. */
  readonly skipped: number;
}

const schema = z.strictObject({
  period: z.enum(CALENDAR_PERIODS as [CalendarPeriod, ...CalendarPeriod[]]),
  weekStartsOn: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]).optional(),
  bands: bandsSchema,
  confidence: confidenceSchema,
  method: methodSchema,
  invalid: invalidSchema,
});

/**
 * The NPS per calendar period (day, week, month, quarter or year, in UTC), each with its interval:
 * is the score moving, and by more than its noise?
 *
 * Rows are in time order (oldest first); periods without valid responses are left out, so check
 * `start` before treating two adjacent rows as consecutive periods. To test the change between two
 * rows, pass them to {@link compareNps}. Cost: O(n + g log g) for n responses in g periods.
 *
 * @param responses - Survey responses, each with a `score` (whole number 0-10) and a `date`.
 * @param options - The period and more; see {@link NpsTrendOptions}.
 * @returns The rows and the number of skipped responses.
 * @throws {@link MetricsInputError} listing every invalid response (paths `['responses', i, 'score']`,
 *   `['responses', i, 'date']`) and invalid options (`['options', ...]`).
 * @see Rocks, B. (2016) "Interval Estimation for the 'Net Promoter Score'", The American
 *   Statistician 70(4).
 * @example
 * ```ts
 * import { npsTrend } from 'customer-metrics/nps';
 * const responses = [
 *   { score: 9, date: new Date('2026-01-05T10:00:00Z') },
 *   { score: 4, date: new Date('2026-01-20T10:00:00Z') },
 *   { score: 10, date: Date.UTC(2026, 2, 1) },
 * ];
 * const { rows } = npsTrend(responses, { period: 'month' });
 * rows.map((row) => [row.period, row.score]); // => [['2026-01', 0], ['2026-03', 100]]
 * rows[0]?.end.toISOString(); // => '2026-02-01T00:00:00.000Z'
 * ```
 */
export function npsTrend(responses: readonly NpsDatedResponse[], options: NpsTrendOptions): NpsTrendResult {
  const issues = new IssueList();
  const period: CalendarPeriod = CALENDAR_PERIODS.includes(options?.period) ? options.period : 'month';
  // Invalid options are reported below and the call then throws; until then group with the default
  // (date-fns would coerce an invalid weekStartsOn, and a Symbol or a BigInt makes that throw).
  const weekStartsOn: unknown = options?.weekStartsOn;
  const weekOptions = { weekStartsOn: typeof weekStartsOn === 'number' && Number.isInteger(weekStartsOn) && weekStartsOn >= 0 && weekStartsOn <= 6 ? (weekStartsOn as 0) : undefined };
  const grouped = groupResponses<number>(responses, options?.invalid === 'skip', issues, (record, i, report) => {
    const path = ['responses', i, 'date'];
    const ms = checkDate(record['date'], path, report ?? new IssueList());
    if (ms === undefined) return undefined;
    const start = startOfPeriod(ms, period, weekOptions);
    // Within a period of the ends of the Date range, the period's start or end is not a Date.
    if (!Number.isFinite(start) || !Number.isFinite(addPeriods(start, period, 1))) {
      report?.add('invalid_date', path, 'is too close to the limits of the Date range for its period to be a Date');
      return undefined;
    }
    return start;
  });
  const opts = parseInput(schema, options, 'options', issues);
  const table = checkBands(opts?.bands, ['options', 'bands'], issues);
  issues.throwIfAny();
  const { groups, skipped } = grouped as NonNullable<typeof grouped>;
  const o = opts as NpsTrendOptions;
  const confidence = o.confidence ?? DEFAULT_CONFIDENCE;
  const method = o.method ?? 'adjusted-wald';
  const rows: NpsTrendRow[] = [];
  for (const start of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(start) as NonNullable<ReturnType<typeof groups.get>>;
    const [d, pa, p] = applyBands(group.hist, table);
    const breakdown = breakdownFromCounts(d, pa, p, group.skipped, confidence, method);
    if (breakdown === undefined) continue;
    rows.push({ period: periodLabel(start, period), start: new Date(start), end: new Date(addPeriods(start, period, 1)), ...breakdown });
  }
  return { rows, skipped };
}
