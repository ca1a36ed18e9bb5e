/**
 * Integer period indices for the transaction hot path of `rfmSummary` and
 * `calibrationHoldoutSplit`.
 *
 * A period index is an integer that grows by one from each calendar period to the next (UTC): days
 * since 1970-01-01, weeks since the week containing it, months since year 0, and so on. The
 * difference of two indices is the number of whole periods between them. Computed with integer
 * arithmetic instead of date-fns because it runs once per transaction (ten million times in the
 * benchmark); a property test holds it equal to `startOfPeriod` of src/_lib/dates.ts.
 *
 * @internal
 * @module
 */
import type { CalendarPeriod } from '../../_lib/dates.js';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 UTC of the instant `ms`. */
export function dayIndex(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * Months since January of year 0 (proleptic Gregorian, UTC) of day `days` since 1970-01-01, by
 * Howard Hinnant's `civil_from_days` algorithm.
 */
export function monthIndexOfDay(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9; // 1..12
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** Numeric codes of the periods, for a switch in the hot loop. */
export const PeriodCode = { Day: 0, Week: 1, Month: 2, Quarter: 3, Year: 4 } as const;
/** A numeric period code. */
export type PeriodCode = (typeof PeriodCode)[keyof typeof PeriodCode];

/** The code of `period`. */
export function periodCode(period: CalendarPeriod): PeriodCode {
  switch (period) {
    case 'day':
      return PeriodCode.Day;
    case 'week':
      return PeriodCode.Week;
    case 'month':
      return PeriodCode.Month;
    case 'quarter':
      return PeriodCode.Quarter;
    case 'year':
      return PeriodCode.Year;
  }
}

/**
 * The index of the period containing `ms`. `weekStartsOn` (0 = Sunday .. 6 = Saturday) matters for
 * weeks only: 1970-01-01 was a Thursday (weekday 4), so the week containing day `d` has index
 * `floor((d + 4 - weekStartsOn) / 7)`.
 */
export function periodIndex(ms: number, code: PeriodCode, weekStartsOn: number): number {
  const days = Math.floor(ms / DAY_MS);
  switch (code) {
    case 0:
      return days;
    case 1:
      return Math.floor((days + 4 - weekStartsOn) / 7);
    case 2:
      return monthIndexOfDay(days);
    case 3:
      return Math.floor(monthIndexOfDay(days) / 3);
    default:
      return Math.floor(monthIndexOfDay(days) / 12);
  }
}

/** Length of each period in its family's base unit: days for day and week, months for the rest. */
const LENGTH: Record<CalendarPeriod, number> = { day: 1, week: 7, month: 1, quarter: 3, year: 12 };
const FAMILY: Record<CalendarPeriod, 'days' | 'months'> = { day: 'days', week: 'days', month: 'months', quarter: 'months', year: 'months' };

/**
 * How many `unit`s one `period` lasts (7 for weeks in days, 1/7 for days in weeks), or `undefined`
 * when the two have no fixed ratio (days and months).
 */
export function unitsPerPeriod(period: CalendarPeriod, unit: CalendarPeriod): number | undefined {
  if (FAMILY[period] !== FAMILY[unit]) return undefined;
  return LENGTH[period] / LENGTH[unit];
}
