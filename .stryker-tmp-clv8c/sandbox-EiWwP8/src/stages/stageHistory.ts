// @ts-nocheck
import { checkDate } from '../_lib/dates.js';
import { checkNumber, IssueList } from '../_lib/validate.js';
import { checkLevel, checkLocale, checkOptions, LEVELS, levelKey, levelLabel } from './_internal/levels.js';
import type { NeedLevel, NeedLevelKey, NeedLevelLocale } from './needLevels.js';

const DAY_MS = 86_400_000;

/** One dated observation of a customer's need level. */
export interface NeedLevelObservation {
  /** When the level was observed (a `Date` or epoch milliseconds; UTC). */
  readonly date: Date | number;
  /** The level observed. */
  readonly level: NeedLevel;
  /**
   * Marks a move to a lower level as a deliberate regression (for example a sales rep recycling a
   * lead). Forward-only histories accept a lower level only when this is `true` (or for the loyalty
   * loop 6 to 5). Ignored on forward moves.
   */
  readonly regression?: boolean;
  /** Why, for the record; copied to the transition. */
  readonly reason?: string;
}

/** Options of {@link stageHistory}. */
export interface StageHistoryOptions {
  /**
   * Move forward only, as HubSpot's automatic lifecycle updates do: a lower level is applied only
   * when the observation is marked `regression: true`, or for the loyalty loop. `false` applies every
   * observation.
   * @defaultValue true
   */
  readonly forwardOnly?: boolean;
  /**
   * Accept a move from level 6 back to 5 without a mark: a customer weighing a repurchase is deciding
   * again (McKinsey's loyalty loop).
   * @defaultValue true
   */
  readonly loyaltyLoop?: boolean;
  /**
   * When set, a customer at level 6 with no level-6 observation for this many days drops to
   * `lapseToLevel` when the window ends; the drop is recorded as a `'lapse'` transition.
   * @defaultValue undefined (no lapse)
   */
  readonly repurchaseWindowDays?: number;
  /** The level a lapsed customer drops to, 1 to 5. @defaultValue 3 */
  readonly lapseToLevel?: NeedLevel;
  /**
   * The end of observation: the current stay lasts until then. Not before the last observation.
   * @defaultValue the date of the last observation
   */
  readonly end?: Date | number;
  /** The language of the labels. @defaultValue 'en' */
  readonly locale?: NeedLevelLocale;
}

/** Why a customer moved between levels. */
export type StageTransitionKind = 'forward' | 'regression' | 'loyalty-loop' | 'lapse';

/** One change of level. */
export interface StageTransition {
  /** When it happened. */
  readonly date: Date;
  /** The level before. */
  readonly from: NeedLevel;
  /** The level after. */
  readonly to: NeedLevel;
  /** `'forward'` (up), `'regression'` (down, marked or not forward-only), `'loyalty-loop'` (6 to 5), `'lapse'` (repurchase window ended). */
  readonly kind: StageTransitionKind;
  /** The observation's `reason`, or a note for a lapse. */
  readonly reason: string | undefined;
  /** The index of the observation that caused it; `undefined` for a lapse. */
  readonly observationIndex: number | undefined;
}

/** A customer's time at one level. */
export interface StageLevelTime {
  /** The level. */
  readonly level: NeedLevel;
  /** Its stable key. */
  readonly key: NeedLevelKey;
  /** Its label in the requested locale. */
  readonly label: string;
  /** How many separate stays; 0 when never at this level. */
  readonly visits: number;
  /** When the customer first entered the level. */
  readonly firstEntered: Date | undefined;
  /** When the latest stay began. */
  readonly entered: Date | undefined;
  /** When the latest stay ended; `undefined` when the customer is still at this level (or never was). */
  readonly exited: Date | undefined;
  /** Length of the latest stay in milliseconds (up to the end for the current level); 0 when never. */
  readonly latestMs: number;
  /** Total time at the level over all stays, in milliseconds. */
  readonly cumulativeMs: number;
}

/** A clean history of one customer's need levels. */
export interface StageHistory {
  /** The first observation's date. */
  readonly start: Date;
  /** The end of observation. */
  readonly end: Date;
  /** The level at the end. */
  readonly current: NeedLevel;
  /** Every change of level, in time order. */
  readonly transitions: readonly StageTransition[];
  /** Time per level, for levels 1 to 6 in order; the `cumulativeMs` add up to `end - start`. */
  readonly levels: readonly StageLevelTime[];
  /** Indices of observations not applied (lower levels without a recorded regression, in forward-only mode). */
  readonly ignored: readonly number[];
}

const KEYS = ['forwardOnly', 'loyaltyLoop', 'repurchaseWindowDays', 'lapseToLevel', 'end', 'locale'];

function checkBoolean(value: unknown, path: readonly (string | number)[], fallback: boolean, issues: IssueList): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  issues.add('invalid_type', path, 'must be a boolean');
  return fallback;
}

/**
 * Turns dated need-level observations of one customer into a clean history: the transitions, and per
 * level the dates entered and exited, the latest and the cumulative time spent there.
 *
 * Definition: the observations are taken in order (dates must not decrease). An observation of a
 * higher level moves the customer forward. By default a lower level is applied only when recorded as
 * a regression (`regression: true`), or for the loyalty loop (6 back to 5); other lower observations
 * are ignored and listed, as HubSpot's automatic lifecycle updates move forward only. With
 * `repurchaseWindowDays`, a customer at level 6 with no level-6 observation for that many days drops to
 * `lapseToLevel` (default 3) when the window ends. The stays tile the span from the first observation
 * to `end`, so the cumulative times add up to it.
 *
 * Cost: O(n) for n observations.
 *
 * @param observations - The customer's observations, in time order.
 * @param options - Forward-only, loyalty loop, repurchase window, end, locale.
 * @returns The history, or `undefined` when there are no observations.
 * @throws {@link MetricsInputError} for unknown levels, invalid dates, dates out of order, an `end`
 *   before the last observation, or invalid options.
 * @see HubSpot Knowledge Base, "Use lifecycle stages" (lifecycle stages move forward only unless set back manually).
 * @see Court et al. (2009) "The consumer decision journey", McKinsey Quarterly (the loyalty loop).
 * @example
 * ```ts
 * import { stageHistory } from 'customer-metrics';
 * const day = 86_400_000;
 * const history = stageHistory([
 *   { date: 0, level: 2 },
 *   { date: 10 * day, level: 4 },
 *   { date: 20 * day, level: 3 }, // lower, not recorded as a regression: ignored
 *   { date: 30 * day, level: 6 },
 * ], { end: 200 * day, repurchaseWindowDays: 90 });
 * history?.ignored; // => [2]
 * history?.transitions.map((t) => `${t.from}>${t.to} ${t.kind}`); // => ['2>4 forward', '4>6 forward', '6>3 lapse']
 * history?.current; // => 3
 * history?.levels[5]?.cumulativeMs; // => 90 * day
 * ```
 */
export function stageHistory(observations: readonly NeedLevelObservation[], options?: StageHistoryOptions): StageHistory | undefined {
  const issues = new IssueList();
  const o = checkOptions(options, KEYS, issues);
  const forwardOnly = checkBoolean(o['forwardOnly'], ['options', 'forwardOnly'], true, issues);
  const loyaltyLoop = checkBoolean(o['loyaltyLoop'], ['options', 'loyaltyLoop'], true, issues);
  const locale = checkLocale(o['locale'], ['options', 'locale'], issues);
  let windowMs: number | undefined;
  if (o['repurchaseWindowDays'] !== undefined && checkNumber(o['repurchaseWindowDays'], ['options', 'repurchaseWindowDays'], { greaterThan: 0 }, issues)) {
    windowMs = (o['repurchaseWindowDays'] as number) * DAY_MS;
  }
  let lapseTo: NeedLevel = 3;
  if (o['lapseToLevel'] !== undefined && checkLevel(o['lapseToLevel'], ['options', 'lapseToLevel'], issues)) {
    if (o['lapseToLevel'] === 6) issues.add('invalid_value', ['options', 'lapseToLevel'], 'must be a level from 1 to 5');
    else lapseTo = o['lapseToLevel'] as NeedLevel;
  }
  const endOption = o['end'] === undefined ? undefined : checkDate(o['end'], ['options', 'end'], issues);

  const dates: number[] = [];
  const levels: NeedLevel[] = [];
  if (!Array.isArray(observations)) {
    issues.add('invalid_type', ['observations'], observations === undefined ? 'is required' : 'must be an array');
  } else {
    let previous = -Infinity;
    observations.forEach((observation: unknown, i) => {
      const at = ['observations', i];
      if (typeof observation !== 'object' || observation === null) {
        issues.add('invalid_type', at, 'must be an observation { date, level }');
        return;
      }
      const { date, level, regression, reason } = observation as Record<string, unknown>;
      const ms = checkDate(date, [...at, 'date'], issues);
      if (ms !== undefined) {
        if (ms < previous) issues.add('invalid_order', [...at, 'date'], 'must not be earlier than the previous observation');
        else previous = ms;
        dates.push(ms);
      }
      if (checkLevel(level, [...at, 'level'], issues)) levels.push(level);
      if (regression !== undefined && typeof regression !== 'boolean') issues.add('invalid_type', [...at, 'regression'], 'must be a boolean');
      if (reason !== undefined && typeof reason !== 'string') issues.add('invalid_type', [...at, 'reason'], 'must be a string');
    });
    const last = dates[dates.length - 1];
    if (endOption !== undefined && last !== undefined && endOption < last) {
      issues.add('invalid_order', ['options', 'end'], 'must not be earlier than the last observation');
    }
  }
  issues.throwIfAny();
  const n = levels.length;
  if (n === 0) return undefined;
  return buildHistory(observations, dates, levels, { forwardOnly, loyaltyLoop, windowMs, lapseTo, end: endOption ?? (dates[n - 1] as number), locale });
}

interface Settings {
  forwardOnly: boolean;
  loyaltyLoop: boolean;
  windowMs: number | undefined;
  lapseTo: NeedLevel;
  end: number;
  locale: NeedLevelLocale;
}

function buildHistory(observations: readonly NeedLevelObservation[], dates: number[], levels: NeedLevel[], s: Settings): StageHistory {
  const visits = [0, 0, 0, 0, 0, 0];
  const firstEntered: (number | undefined)[] = [];
  const entered: (number | undefined)[] = [];
  const exited: (number | undefined)[] = [];
  const latest = [0, 0, 0, 0, 0, 0];
  const cumulative = [0, 0, 0, 0, 0, 0];
  const transitions: StageTransition[] = [];
  const ignored: number[] = [];
  const start = dates[0] as number;
  let current = levels[0] as NeedLevel;
  let since = start;
  let lastSix = start;

  const enter = (level: NeedLevel, at: number): void => {
    const k = level - 1;
    visits[k] = (visits[k] as number) + 1;
    firstEntered[k] ??= at;
    entered[k] = at;
    exited[k] = undefined;
    since = at;
    current = level;
    if (level === 6) lastSix = at;
  };
  const move = (to: NeedLevel, at: number, kind: StageTransitionKind, reason: string | undefined, index: number | undefined): void => {
    const k = current - 1;
    latest[k] = at - since;
    cumulative[k] = (cumulative[k] as number) + (at - since);
    exited[k] = at;
    transitions.push({ date: new Date(at), from: current, to, kind, reason, observationIndex: index });
    enter(to, at);
  };
  const lapseBefore = (at: number): void => {
    if (s.windowMs !== undefined && current === 6 && at > lastSix + s.windowMs) {
      move(s.lapseTo, lastSix + s.windowMs, 'lapse', 'repurchase window lapsed', undefined);
    }
  };

  enter(current, start);
  for (let i = 1; i < levels.length; i++) {
    const at = dates[i] as number;
    const level = levels[i] as NeedLevel;
    lapseBefore(at);
    const observation = observations[i] as NeedLevelObservation;
    if (level === current) {
      if (level === 6) lastSix = at;
      continue;
    }
    if (level > current) {
      move(level, at, 'forward', observation.reason, i);
    } else if (current === 6 && level === 5 && s.loyaltyLoop) {
      move(level, at, 'loyalty-loop', observation.reason, i);
    } else if (!s.forwardOnly || observation.regression === true) {
      move(level, at, 'regression', observation.reason, i);
    } else {
      ignored.push(i);
    }
  }
  lapseBefore(s.end);
  const k = current - 1;
  latest[k] = s.end - since;
  cumulative[k] = (cumulative[k] as number) + (s.end - since);

  const levelTimes = LEVELS.map((level): StageLevelTime => {
    const j = level - 1;
    const toDate = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));
    return {
      level,
      key: levelKey(level),
      label: levelLabel(level, s.locale),
      visits: visits[j] as number,
      firstEntered: toDate(firstEntered[j]),
      entered: toDate(entered[j]),
      exited: toDate(exited[j]),
      latestMs: latest[j] as number,
      cumulativeMs: cumulative[j] as number,
    };
  });
  return { start: new Date(start), end: new Date(s.end), current, transitions, levels: levelTimes, ignored };
}
