/**
 * Validation of the options shared by `rfmSummary` and `calibrationHoldoutSplit`.
 *
 * @internal
 * @module
 */
import { CALENDAR_PERIODS, checkDate, type CalendarPeriod } from '../../_lib/dates.js';
import type { IssueList } from '../../_lib/validate.js';
import { periodCode, periodIndex, unitsPerPeriod } from './periods.js';
import type { GroupingSpec } from './summarize.js';

/** The validated grouping options, with the requested dates as period indices. */
export interface GroupingOptions {
  readonly spec: GroupingSpec;
  /** Units (the reporting unit) per period. */
  readonly ratio: number;
  /** Period index of each requested date option, by key. */
  readonly periods: Record<string, number>;
  /** Epoch ms of each requested date option, by key. */
  readonly dates: Record<string, number>;
}

const COMMON_KEYS = ['period', 'unit', 'weekStartsOn', 'allowRefunds'];

/**
 * Checks `options` (param name `options`) with the required date keys `dateKeys`; returns
 * `undefined` after recording issues when anything is wrong.
 */
export function readGroupingOptions(options: unknown, dateKeys: readonly string[], issues: IssueList): GroupingOptions | undefined {
  if (typeof options !== 'object' || options === null) {
    issues.add('invalid_type', ['options'], options === undefined ? 'is required' : 'must be an object');
    return undefined;
  }
  const o = options as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(o)) {
    if (!dateKeys.includes(key) && !COMMON_KEYS.includes(key)) {
      issues.add('unrecognized_key', ['options', key], 'is not a known option');
      ok = false;
    }
  }
  const dates: Record<string, number> = {};
  for (const key of dateKeys) {
    // A missing date gets the plainer message (the first issue per path is kept).
    if (o[key] === undefined) issues.add('invalid_type', ['options', key], 'is required');
    const ms = checkDate(o[key], ['options', key], issues);
    if (ms === undefined) ok = false;
    else dates[key] = ms;
  }
  const period = readPeriod(o.period, 'period', 'day', issues);
  const unit = readPeriod(o.unit, 'unit', period ?? 'day', issues);
  let weekStartsOn = 1;
  if (o.weekStartsOn !== undefined) {
    const w = o.weekStartsOn;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 6) {
      issues.add('invalid_value', ['options', 'weekStartsOn'], 'must be a whole number from 0 (Sunday) to 6 (Saturday)');
      ok = false;
    } else weekStartsOn = w;
  }
  let allowRefunds = false;
  if (o.allowRefunds !== undefined) {
    if (typeof o.allowRefunds !== 'boolean') {
      issues.add('invalid_type', ['options', 'allowRefunds'], 'must be a boolean');
      ok = false;
    } else allowRefunds = o.allowRefunds;
  }
  if (period === undefined || unit === undefined) return undefined;
  const ratio = unitsPerPeriod(period, unit);
  if (ratio === undefined) {
    issues.add('invalid_value', ['options', 'unit'], 'must be convertible from the period: day and week, or month, quarter and year');
    return undefined;
  }
  if (!ok) return undefined;
  const code = periodCode(period);
  const periods: Record<string, number> = {};
  for (const key of dateKeys) periods[key] = periodIndex(dates[key] as number, code, weekStartsOn);
  return { spec: { code, weekStartsOn, allowRefunds }, ratio, periods, dates };
}

function readPeriod(value: unknown, key: string, fallback: CalendarPeriod, issues: IssueList): CalendarPeriod | undefined {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (CALENDAR_PERIODS as readonly string[]).includes(value)) return value as CalendarPeriod;
  issues.add('invalid_value', ['options', key], `must be one of ${CALENDAR_PERIODS.map((p) => `"${p}"`).join(', ')}`);
  return undefined;
}
