import { CALENDAR_PERIODS, checkDate, periodLabel, startOfPeriod } from '../_lib/dates.js';
import { IssueList } from '../_lib/validate.js';
import { checkChoice, checkLevel, checkLocale, checkOptions, levelKey, levelLabel } from './_internal/levels.js';
import type { NeedLevel, NeedLevelKey, NeedLevelLocale } from './needLevels.js';
import type { NeedLevelObservation } from './stageHistory.js';

/** Options of {@link funnelConversion}. */
export interface FunnelConversionOptions {
  /**
   * `'strict'`: a contact counts at a level only when it reached every level before it, in order
   * (a contact that skips a level counts only up to the level before the gap). `'any-order'`: a
   * contact counts at every level it was observed at.
   * @defaultValue 'strict'
   */
  readonly mode?: 'strict' | 'any-order';
  /** The funnel's first level. @defaultValue 1 */
  readonly fromLevel?: NeedLevel;
  /** The funnel's last level (not below `fromLevel`). @defaultValue 6 */
  readonly toLevel?: NeedLevel;
  /** Only observations on or after this date count. @defaultValue no lower bound */
  readonly start?: Date | number;
  /** Only observations before this date count (not before `start`). @defaultValue no upper bound */
  readonly end?: Date | number;
  /**
   * Also report one funnel per cohort: contacts grouped by the calendar period (UTC) of their entry
   * into the funnel (the date they reached `fromLevel` in strict mode, their first counted observation
   * in any-order mode).
   * @defaultValue undefined (no cohorts)
   */
  readonly cohortBy?: 'day' | 'week' | 'month' | 'quarter' | 'year';
  /** The language of the labels. @defaultValue 'en' */
  readonly locale?: NeedLevelLocale;
}

/** One level of a funnel. */
export interface FunnelStep {
  /** The level. */
  readonly level: NeedLevel;
  /** Its stable key. */
  readonly key: NeedLevelKey;
  /** Its label in the requested locale. */
  readonly label: string;
  /** Contacts counted at this level. */
  readonly count: number;
  /** `count` over the previous step's count (next-step conversion); `undefined` for the first step or when the previous count is 0. */
  readonly conversionFromPrevious: number | undefined;
  /** `count` over the first step's count (cumulative conversion); `undefined` when the first count is 0. */
  readonly conversionFromFirst: number | undefined;
}

/** The funnel of one entry cohort. */
export interface FunnelCohort {
  /** The period label (`2026-03` for a month). */
  readonly cohort: string;
  /** The start of the period (UTC). */
  readonly start: Date;
  /** The funnel of the contacts who entered in this period. */
  readonly steps: readonly FunnelStep[];
}

/** Counts and conversion per funnel level. */
export interface FunnelConversion {
  /** The mode used. */
  readonly mode: 'strict' | 'any-order';
  /** How many histories were given. */
  readonly contacts: number;
  /** One step per level from `fromLevel` to `toLevel`. */
  readonly steps: readonly FunnelStep[];
  /** Per entry cohort, in time order; empty unless `cohortBy` is set. */
  readonly cohorts: readonly FunnelCohort[];
}

const KEYS = ['mode', 'fromLevel', 'toLevel', 'start', 'end', 'cohortBy', 'locale'];
const MODES = ['strict', 'any-order'] as const;
const MAX_TIME = 8.64e15;
const DAY_MS = 86_400_000;

/**
 * Counts how many contacts reached each need level and the conversion between levels.
 *
 * Definition: in `'strict'` mode a contact counts at `fromLevel` when observed there, and at each
 * following level when observed there no earlier than it reached the level before; the first level it
 * does not reach in order ends its funnel, so a contact that skips a level counts only up to the level
 * before the gap, and counts never increase from one step to the next. In `'any-order'` mode a contact
 * counts at every level it was observed at. Only observations in `[start, end)` count. Next-step
 * conversion is a step's count over the previous step's; cumulative conversion is over the first
 * step's. A funnel of 100 / 60 / 30 / 12 converts 60%, 50%, 40% step by step and 60%, 30%, 12% overall.
 *
 * Cost: O(m) for m observations in total (plus O(c log c) for c cohorts); a tight validation loop,
 * no per-observation schema parsing.
 *
 * @param histories - Per contact, the dated level observations in time order (as for {@link stageHistory}).
 * @param options - Mode, levels, date window, cohorts, locale.
 * @returns The steps, and the cohorts when asked for.
 * @throws {@link MetricsInputError} for unknown levels, invalid dates, dates out of order within a
 *   history, an inverted level range or window, or invalid options.
 * @see Kotler & Keller, Marketing Management ("the marketing funnel" and conversion rates).
 * @example
 * ```ts
 * import { funnelConversion } from 'customer-metrics';
 * const day = 86_400_000;
 * const funnel = funnelConversion(
 *   [
 *     [{ date: 0, level: 1 }, { date: day, level: 2 }, { date: 2 * day, level: 3 }],
 *     [{ date: 0, level: 1 }, { date: day, level: 3 }], // skips 2: counts at level 1 only
 *     [{ date: 0, level: 1 }, { date: day, level: 2 }],
 *   ],
 *   { toLevel: 3 },
 * );
 * funnel.steps.map((s) => s.count); // => [3, 2, 1]
 * funnel.steps.map((s) => s.conversionFromPrevious); // => [undefined, 2 / 3, 0.5]
 * funnel.steps[2]?.conversionFromFirst; // => 1 / 3
 * ```
 */
export function funnelConversion(histories: readonly (readonly NeedLevelObservation[])[], options?: FunnelConversionOptions): FunnelConversion {
  const issues = new IssueList();
  const o = checkOptions(options, KEYS, issues);
  const mode = checkChoice(o['mode'], MODES, 'strict', ['options', 'mode'], issues);
  const locale = checkLocale(o['locale'], ['options', 'locale'], issues);
  const from = o['fromLevel'] === undefined ? 1 : checkLevel(o['fromLevel'], ['options', 'fromLevel'], issues) ? (o['fromLevel'] as NeedLevel) : 1;
  const to = o['toLevel'] === undefined ? 6 : checkLevel(o['toLevel'], ['options', 'toLevel'], issues) ? (o['toLevel'] as NeedLevel) : 6;
  if (to < from) issues.add('invalid_order', ['options', 'toLevel'], 'must not be below fromLevel');
  const start = o['start'] === undefined ? -Infinity : checkDate(o['start'], ['options', 'start'], issues) ?? -Infinity;
  const end = o['end'] === undefined ? Infinity : checkDate(o['end'], ['options', 'end'], issues) ?? Infinity;
  if (end < start) issues.add('invalid_order', ['options', 'end'], 'must not be before start');
  const cohortBy = o['cohortBy'] === undefined ? undefined : checkChoice(o['cohortBy'], CALENDAR_PERIODS, 'month', ['options', 'cohortBy'], issues);
  if (!Array.isArray(histories)) issues.add('invalid_type', ['histories'], histories === undefined ? 'is required' : 'must be an array');
  issues.throwIfAny();

  const strict = mode === 'strict';
  const width = to - from + 1;
  const counts = new Float64Array(width);
  const cohortCounts = new Map<number, Float64Array>();
  const periodCache = new Map<number, number>();
  const seen = new Uint8Array(width);
  const n = histories.length;
  for (let h = 0; h < n; h++) {
    const history: unknown = histories[h];
    if (!Array.isArray(history)) {
      issues.add('invalid_type', ['histories', h], 'must be an array of observations');
      continue;
    }
    // Validate the whole history, and count it in the same pass.
    let previous = -Infinity;
    let expected = from; // strict: the next level to reach
    let entry = Infinity;
    let valid = true;
    seen.fill(0);
    const m = history.length;
    for (let i = 0; i < m; i++) {
      const observation: unknown = history[i];
      if (typeof observation !== 'object' || observation === null) {
        issues.add('invalid_type', ['histories', h, i], 'must be an observation { date, level }');
        valid = false;
        continue;
      }
      const level = (observation as { level?: unknown }).level;
      const date = (observation as { date?: unknown }).date;
      const ms = typeof date === 'number' ? date : date instanceof Date ? date.getTime() : Number.NaN;
      if (!(ms - ms === 0 && ms <= MAX_TIME && ms >= -MAX_TIME)) {
        checkDate(date, ['histories', h, i, 'date'], issues);
        valid = false;
      } else if (ms < previous) {
        issues.add('invalid_order', ['histories', h, i, 'date'], 'must not be earlier than the previous observation');
        valid = false;
      } else previous = ms;
      if (!(level === 1 || level === 2 || level === 3 || level === 4 || level === 5 || level === 6)) {
        checkLevel(level, ['histories', h, i, 'level'], issues);
        valid = false;
        continue;
      }
      if (!valid || ms < start || ms >= end || level < from || level > to) continue;
      if (strict) {
        if (level === expected) {
          if (expected === from) entry = ms;
          seen[expected - from] = 1;
          expected++;
        }
      } else {
        seen[level - from] = 1;
        if (ms < entry) entry = ms;
      }
    }
    if (!valid || entry === Infinity) continue;
    for (let k = 0; k < width; k++) counts[k] = (counts[k] as number) + (seen[k] as number);
    if (cohortBy !== undefined) {
      const day = Math.floor(entry / DAY_MS);
      let key = periodCache.get(day);
      if (key === undefined) {
        key = startOfPeriod(day * DAY_MS, cohortBy);
        periodCache.set(day, key);
      }
      // An entry in the first days of the Date range belongs to a period that starts before it.
      if (!Number.isFinite(key)) {
        issues.add('invalid_date', ['histories', h], 'enters the funnel too close to the start of the Date range for its cohort period to be a Date');
        continue;
      }
      let row = cohortCounts.get(key);
      if (row === undefined) {
        row = new Float64Array(width);
        cohortCounts.set(key, row);
      }
      for (let k = 0; k < width; k++) row[k] = (row[k] as number) + (seen[k] as number);
    }
  }
  issues.throwIfAny();

  const cohorts: FunnelCohort[] = [];
  if (cohortBy !== undefined) {
    for (const key of [...cohortCounts.keys()].sort((a, b) => a - b)) {
      cohorts.push({ cohort: periodLabel(key, cohortBy), start: new Date(key), steps: toSteps(cohortCounts.get(key) as Float64Array, from, locale) });
    }
  }
  return { mode, contacts: n, steps: toSteps(counts, from, locale), cohorts };
}

function toSteps(counts: Float64Array, from: NeedLevel, locale: NeedLevelLocale): FunnelStep[] {
  const first = counts[0] as number;
  const steps: FunnelStep[] = [];
  for (let k = 0; k < counts.length; k++) {
    const level = (from + k) as NeedLevel;
    const count = counts[k] as number;
    const previous = k === 0 ? 0 : (counts[k - 1] as number);
    steps.push({
      level,
      key: levelKey(level),
      label: levelLabel(level, locale),
      count,
      conversionFromPrevious: previous > 0 ? count / previous : undefined,
      conversionFromFirst: first > 0 ? count / first : undefined,
    });
  }
  return steps;
}
