/**
 * Time units in both locales, for axis titles.
 *
 * @internal
 * @module
 */
import { tr, z, type ChartLocale } from './common.js';

/** A time unit that an axis title can name. */
export type ChartTimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The zod schema of {@link ChartTimeUnit}. */
export const timeUnitSchema = z.enum(['day', 'week', 'month', 'quarter', 'year']);

const PLURAL = {
  day: { en: 'days', vi: 'ngày' },
  week: { en: 'weeks', vi: 'tuần' },
  month: { en: 'months', vi: 'tháng' },
  quarter: { en: 'quarters', vi: 'quý' },
  year: { en: 'years', vi: 'năm' },
} as const;

/** The unit's plural (`months`, `tháng`). */
export function unitWord(unit: ChartTimeUnit, locale: ChartLocale): string {
  return tr(locale, PLURAL[unit]);
}
