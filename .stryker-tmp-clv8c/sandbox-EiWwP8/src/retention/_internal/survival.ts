/**
 * Survival data: the boundary check and the event table (distinct times with weighted numbers at
 * risk, events and censorings) that Kaplan-Meier, Nelson-Aalen and the log-rank test share.
 *
 * Risk sets follow R's `survival` package: a subject is at risk at time t when entry < t <= duration
 * (without `entry`, when t <= duration); at a time with both events and censorings, the censored
 * subjects are still at risk for the events (events come first).
 *
 * @internal
 * @module
 */
// @ts-nocheck

import { IssueList, checkNumberArray, type NumericArray } from '../../_lib/validate.js';

/** Durations and censoring of a set of subjects. */
export interface SurvivalData {
  /** Time from the origin (such as the first subscription) to the event or censoring, at least 0. */
  readonly durations: readonly number[] | Float64Array;
  /** Whether the event (churn) was observed (`true` or 1) or the subject is censored (`false` or 0). */
  readonly observed: readonly (boolean | number)[] | Uint8Array;
  /**
   * Delayed entry (left truncation): the time at which each subject came under observation, at least 0
   * and below its duration. A customer seen only from the start of the data enters at their age then.
   */
  readonly entry?: readonly number[] | Float64Array;
  /** Case weights, each greater than 0. */
  readonly weights?: readonly number[] | Float64Array;
}

/** Validated survival data in columns. */
export interface ParsedSurvival {
  readonly n: number;
  readonly durations: NumericArray;
  readonly observed: Uint8Array;
  readonly entry: NumericArray | undefined;
  readonly weights: NumericArray | undefined;
}

/** Checks survival data at `path`; other keys of the object are ignored (so that survivalFromSubscriptions' result fits). */
export function checkSurvival(value: unknown, path: readonly (string | number)[], issues: IssueList, allowWeights = true): ParsedSurvival | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add('invalid_type', path, value === undefined ? 'is required' : 'must be an object with durations and observed');
    return undefined;
  }
  const rec = value as Record<string, unknown>;
  const durations = rec.durations;
  let ok = checkNumberArray(durations, [...path, 'durations'], { min: 0 }, issues);
  const n = ok ? (durations as NumericArray).length : -1;
  const observed = new Uint8Array(Math.max(n, 0));
  const obs = rec.observed;
  const isArrayLike = Array.isArray(obs) || obs instanceof Uint8Array;
  if (!isArrayLike) {
    issues.add('invalid_type', [...path, 'observed'], obs === undefined ? 'is required' : 'must be an array of booleans (or 0 / 1)');
    ok = false;
  } else {
    const list = obs as ArrayLike<unknown>;
    if (n >= 0 && list.length !== n) {
      issues.add('invalid_structure', [...path, 'observed'], 'must have one entry per duration');
      ok = false;
    } else {
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (v === true || v === 1) observed[i] = 1;
        else if (!(v === false || v === 0)) {
          issues.add('invalid_type', [...path, 'observed', i], 'must be true, false, 1 or 0');
          ok = false;
        }
      }
    }
  }
  let entry: NumericArray | undefined;
  if (rec.entry !== undefined) {
    if (checkNumberArray(rec.entry, [...path, 'entry'], { min: 0 }, issues)) {
      entry = rec.entry as NumericArray;
      if (n >= 0 && entry.length !== n) {
        issues.add('invalid_structure', [...path, 'entry'], 'must have one entry per duration');
        ok = false;
      } else if (n >= 0) {
        const d = durations as NumericArray;
        for (let i = 0; i < n; i++) {
          if (!((entry[i] as number) < (d[i] as number))) {
            issues.add('invalid_order', [...path, 'entry', i], 'must be below the duration');
            ok = false;
          }
        }
      }
    } else ok = false;
  }
  let weights: NumericArray | undefined;
  if (rec.weights !== undefined) {
    if (!allowWeights) {
      issues.add('unrecognized_key', [...path, 'weights'], 'is not supported here');
      ok = false;
    } else if (checkNumberArray(rec.weights, [...path, 'weights'], { greaterThan: 0 }, issues)) {
      weights = rec.weights as NumericArray;
      if (n >= 0 && weights.length !== n) {
        issues.add('invalid_structure', [...path, 'weights'], 'must have one entry per duration');
        ok = false;
      }
    } else ok = false;
  }
  if (!ok) return undefined;
  return { n, durations: durations as NumericArray, observed, entry, weights };
}

/** Distinct times (events or censorings) with weighted counts. */
export interface EventTable {
  time: number[];
  atRisk: number[];
  events: number[];
  censored: number[];
}

/**
 * The event table of validated data. Without entry and weights it sorts the event and the censoring
 * times as two Float64Arrays (native sort) and merges them; otherwise it sorts an index.
 * O(n log n).
 */
export function eventTable(d: ParsedSurvival): EventTable {
  if (d.entry === undefined && d.weights === undefined) return fastTable(d);
  return weightedTable(d);
}

function fastTable(d: ParsedSurvival): EventTable {
  const { n, durations, observed } = d;
  let nEvents = 0;
  for (let i = 0; i < n; i++) nEvents += observed[i] as number;
  const ev = new Float64Array(nEvents);
  const ce = new Float64Array(n - nEvents);
  let ie = 0;
  let ic = 0;
  for (let i = 0; i < n; i++) {
    if (observed[i] === 1) ev[ie++] = durations[i] as number;
    else ce[ic++] = durations[i] as number;
  }
  ev.sort();
  ce.sort();
  // Preallocated and truncated at the end: much faster than growing four arrays by push.
  const time = new Array<number>(n);
  const atRisk = new Array<number>(n);
  const events = new Array<number>(n);
  const censored = new Array<number>(n);
  const nCensored = ce.length;
  let i = 0;
  let j = 0;
  let m = 0;
  let remaining = n;
  while (i < nEvents || j < nCensored) {
    const a = i < nEvents ? (ev[i] as number) : Infinity;
    const b = j < nCensored ? (ce[j] as number) : Infinity;
    const t = a < b ? a : b;
    let de = 0;
    while (i < nEvents && ev[i] === t) {
      de++;
      i++;
    }
    let dc = 0;
    while (j < nCensored && ce[j] === t) {
      dc++;
      j++;
    }
    time[m] = t;
    atRisk[m] = remaining;
    events[m] = de;
    censored[m] = dc;
    m++;
    remaining -= de + dc;
  }
  time.length = m;
  atRisk.length = m;
  events.length = m;
  censored.length = m;
  return { time, atRisk, events, censored };
}

function weightedTable(d: ParsedSurvival): EventTable {
  const { n, durations, observed, entry, weights } = d;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => (durations[a] as number) - (durations[b] as number));
  let total = 0;
  for (let i = 0; i < n; i++) total += weights === undefined ? 1 : (weights[i] as number);
  // Entries sorted, to subtract those not yet entered: at risk at t = W(duration >= t) - W(entry >= t).
  let entryIdx: Uint32Array | undefined;
  let entryAhead = 0;
  if (entry !== undefined) {
    entryIdx = new Uint32Array(n);
    for (let i = 0; i < n; i++) entryIdx[i] = i;
    entryIdx.sort((a, b) => (entry[a] as number) - (entry[b] as number));
    entryAhead = total;
  }
  const out: EventTable = { time: [], atRisk: [], events: [], censored: [] };
  let remaining = total;
  let k = 0;
  let e = 0;
  while (k < n) {
    const t = durations[idx[k] as number] as number;
    if (entry !== undefined && entryIdx !== undefined) {
      while (e < n && (entry[entryIdx[e] as number] as number) < t) {
        entryAhead -= weights === undefined ? 1 : (weights[entryIdx[e] as number] as number);
        e++;
      }
    }
    let de = 0;
    let dc = 0;
    while (k < n && durations[idx[k] as number] === t) {
      const i = idx[k] as number;
      const w = weights === undefined ? 1 : (weights[i] as number);
      if (observed[i] === 1) de += w;
      else dc += w;
      k++;
    }
    out.time.push(t);
    out.atRisk.push(remaining - entryAhead);
    out.events.push(de);
    out.censored.push(dc);
    remaining -= de + dc;
  }
  return out;
}
