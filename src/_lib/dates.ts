/**
 * Dates and calendar periods, in UTC, with date-fns.
 *
 * date-fns computes in the time zone of the `Date` objects it is given. {@link UtcDate} is a `Date`
 * whose local fields are its UTC fields, and every date-fns call here passes it through the `in`
 * context option, so periods are UTC whatever the host's time zone.
 *
 * @internal
 * @module
 */
import { addDays, addMonths, addQuarters, addWeeks, addYears, startOfDay, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from 'date-fns';
import type { IssueList } from './validate.js';

/** Epoch milliseconds, the library's internal representation of an instant. */
export type EpochMs = number;

export type { CalendarPeriod, DateInput } from '../types.js';
import type { CalendarPeriod } from '../types.js';

/** The calendar periods, for validation and documentation. */
export const CALENDAR_PERIODS: readonly CalendarPeriod[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The largest magnitude of a valid `Date` value in milliseconds (ECMAScript's time value range). */
const MAX_TIME = 8.64e15;

/**
 * A `Date` whose local-time getters and setters read and write the UTC fields, so that date-fns
 * computes calendar arithmetic in UTC.
 */
export class UtcDate extends Date {
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getDay(): number { return this.getUTCDay(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
  override getMilliseconds(): number { return this.getUTCMilliseconds(); }
  override getTimezoneOffset(): number { return 0; }
  override setFullYear(year: number, month?: number, date?: number): number {
    return month === undefined ? this.setUTCFullYear(year) : date === undefined ? this.setUTCFullYear(year, month) : this.setUTCFullYear(year, month, date);
  }
  override setMonth(month: number, date?: number): number {
    return date === undefined ? this.setUTCMonth(month) : this.setUTCMonth(month, date);
  }
  override setDate(date: number): number { return this.setUTCDate(date); }
  override setHours(hours: number, min?: number, sec?: number, ms?: number): number {
    return this.setUTCHours(hours, min ?? this.getUTCMinutes(), sec ?? this.getUTCSeconds(), ms ?? this.getUTCMilliseconds());
  }
  override setMinutes(min: number, sec?: number, ms?: number): number {
    return this.setUTCMinutes(min, sec ?? this.getUTCSeconds(), ms ?? this.getUTCMilliseconds());
  }
  override setSeconds(sec: number, ms?: number): number { return this.setUTCSeconds(sec, ms ?? this.getUTCMilliseconds()); }
  override setMilliseconds(ms: number): number { return this.setUTCMilliseconds(ms); }
}

const inUtc = { in: (value: Date | number | string) => new UtcDate(value instanceof Date ? value.getTime() : value) };

/**
 * Checks a date input at `path` and returns it as epoch milliseconds, or records one issue.
 */
export function checkDate(value: unknown, path: readonly (string | number)[], issues: IssueList): EpochMs | undefined {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else {
    issues.add('invalid_type', path, 'must be a Date or epoch milliseconds');
    return undefined;
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_TIME) {
    issues.add('invalid_date', path, 'must be a valid date');
    return undefined;
  }
  return ms;
}

/** Options for week-based periods. */
export interface WeekOptions {
  /** First day of the week, 0 = Sunday .. 6 = Saturday. @defaultValue 1 (Monday, ISO 8601) */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** The UTC start of the calendar period containing `ms`. */
export function startOfPeriod(ms: EpochMs, period: CalendarPeriod, options: WeekOptions = {}): EpochMs {
  switch (period) {
    case 'day':
      return startOfDay(ms, inUtc).getTime();
    case 'week':
      return startOfWeek(ms, { ...inUtc, weekStartsOn: options.weekStartsOn ?? 1 }).getTime();
    case 'month':
      return startOfMonth(ms, inUtc).getTime();
    case 'quarter':
      return startOfQuarter(ms, inUtc).getTime();
    case 'year':
      return startOfYear(ms, inUtc).getTime();
  }
}

/** `ms` moved by `amount` calendar periods in UTC (months clamp to the month's last day). */
export function addPeriods(ms: EpochMs, period: CalendarPeriod, amount: number): EpochMs {
  switch (period) {
    case 'day':
      return addDays(ms, amount, inUtc).getTime();
    case 'week':
      return addWeeks(ms, amount, inUtc).getTime();
    case 'month':
      return addMonths(ms, amount, inUtc).getTime();
    case 'quarter':
      return addQuarters(ms, amount, inUtc).getTime();
    case 'year':
      return addYears(ms, amount, inUtc).getTime();
  }
}

/**
 * A stable label for the period starting at `start`: `2024-03-05` (day, week), `2024-03` (month),
 * `2024-Q1` (quarter), `2024` (year).
 */
export function periodLabel(start: EpochMs, period: CalendarPeriod): string {
  const d = new Date(start);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  switch (period) {
    case 'day':
    case 'week':
      return `${y}-${m}-${day}`;
    case 'month':
      return `${y}-${m}`;
    case 'quarter':
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'year':
      return y;
  }
}

/**
 * The period boundaries `first`, `first` + 1 period, ..., up to and including the first boundary
 * after `end`; `undefined` when that takes more than `limit` periods or leaves the range of `Date`
 * (callers refuse such a span up front instead of allocating tables for it).
 */
export function periodBoundaries(first: EpochMs, end: EpochMs, period: CalendarPeriod, limit: number): EpochMs[] | undefined {
  const bounds = [first];
  for (let k = 1; k <= limit; k++) {
    const t = addPeriods(first, period, k);
    if (!Number.isFinite(t)) return undefined;
    bounds.push(t);
    if (t > end) return bounds;
  }
  return undefined;
}
