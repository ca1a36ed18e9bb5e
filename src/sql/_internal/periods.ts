/**
 * Calendar periods as integer indices, in JavaScript and in SQL, by the same arithmetic: a day is
 * `floor(epoch / 86400 s)` (UTC), a week `floor((day + 4 - weekStartsOn) / 7)` (1970-01-01 was a
 * Thursday), a month `year * 12 + month - 1` of the UTC date, a quarter `floor(month / 3)` and a
 * year `floor(month / 12)`. These are the period rules of `rfmSummary`; the difference of two
 * indices is the number of whole periods between them.
 *
 * @internal
 * @module
 */
import type { CalendarPeriod } from '../../types.js';
import { type SqlDialect, floorDiv, monthIndexOfDay, numberLiteral } from './dialect.js';

const DAY_MS = 86_400_000;

/** The index of the period containing the instant `ms` (epoch milliseconds). */
export function periodIndexOf(ms: number, period: CalendarPeriod, weekStartsOn: number): number {
  const day = Math.floor(ms / DAY_MS);
  if (period === 'day') return day;
  if (period === 'week') return Math.floor((day + 4 - weekStartsOn) / 7);
  const d = new Date(ms);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  if (period === 'month') return month;
  return Math.floor(month / (period === 'quarter' ? 3 : 12));
}

/** SQL for the period index of the day index expression `day`. */
export function periodIndexSql(day: string, period: CalendarPeriod, weekStartsOn: number, dialect: SqlDialect): string {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return floorDiv(`${day} + ${numberLiteral(4 - weekStartsOn)}`, 7, dialect);
    case 'month':
      return monthIndexOfDay(day, dialect);
    case 'quarter':
      return floorDiv(monthIndexOfDay(day, dialect), 3, dialect);
    case 'year':
      return floorDiv(monthIndexOfDay(day, dialect), 12, dialect);
  }
}

const LENGTH: Record<CalendarPeriod, number> = { day: 1, week: 7, month: 1, quarter: 3, year: 12 };
const FAMILY: Record<CalendarPeriod, 'days' | 'months'> = { day: 'days', week: 'days', month: 'months', quarter: 'months', year: 'months' };

/**
 * How many `unit`s one `period` lasts (as rfmSummary computes it: the ratio of the two lengths), or
 * `undefined` when days and months would be mixed.
 */
export function unitsPerPeriod(period: CalendarPeriod, unit: CalendarPeriod): number | undefined {
  if (FAMILY[period] !== FAMILY[unit]) return undefined;
  return LENGTH[period] / LENGTH[unit];
}
