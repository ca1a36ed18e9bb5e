/**
 * Boundary checks shared by the transaction-model fitters and the generic prediction functions:
 * purchase histories (rows or columns) and horizons. (Fitted models are checked against the registry
 * in `predictions/transactionModels.ts`.) Each adds issues to an
 * {@link IssueList} and returns the checked value (or undefined).
 *
 * @internal
 * @module
 */
import { checkNumber, checkNumberArray, type IssueList, type NumericArray } from '../../_lib/validate.js';
import { DAYS_PER_UNIT, type Horizon, type TimeUnit } from './transactionModel.js';

/** Histories as columns: x, tx, T and weights. */
export interface HistoryColumns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly w: Float64Array;
}

const TIME_UNITS = Object.keys(DAYS_PER_UNIT) as TimeUnit[];

/**
 * The domain of histories and horizons: at most 1e9 repeat purchases per customer, and recency, T
 * and horizons of at most 1e9 time units (2.7 million years in days). Beyond it the kernels'
 * ln Gamma and power terms overflow (a frequency of 1e308 gave NaN); see docs/robustness.md.
 */
export const MAX_FREQUENCY = 1e9;
export const MAX_TIME_SPAN = 1e9;
/**
 * The largest weight of a history row: a weight counts customers, and 1e15 is beyond any customer
 * base; larger weights (1e300 from a unit mix-up) made a fit's likelihood so lopsided that the
 * optimizer ran to its iteration cap (issue 14: 6 s for five rows).
 */
export const MAX_WEIGHT = 1e15;
const WEIGHT_SPEC = { min: 0, max: MAX_WEIGHT } as const;
const FREQUENCY_SPEC = { integer: true, min: 0, max: MAX_FREQUENCY } as const;
const SPAN_SPEC = { min: 0, max: MAX_TIME_SPAN } as const;

// One history's consistency: recency <= T; frequency 0 => recency 0; frequency > 0 => recency > 0.
/**
 * Whether one history is valid as it stands (numbers given): finite, whole frequency >= 0,
 * 0 <= recency <= T, recency 0 when frequency is 0 and above 0 when it is not. The fast paths test
 * this first and send anything else through the detailed checks, which name the problem; the two
 * must agree.
 */
export function isPlainValidHistory(x: number, tx: number, T: number): boolean {
  // Every comparison is false for NaN; the bounds 0 <= x <= 1e9 and 0 <= tx <= T <= 1e9 exclude
  // ±Infinity, and below 2^31 (x | 0) === x holds exactly for whole numbers (-0 included). With
  // tx >= 0, "tx > 0 exactly when x > 0" is one comparison of booleans (no branch to mispredict).
  return x >= 0 && x <= MAX_FREQUENCY && (x | 0) === x && tx >= 0 && tx <= T && T <= MAX_TIME_SPAN && x > 0 === tx > 0;
}

function checkConsistency(x: number, tx: number, T: number, path: readonly (string | number)[], issues: IssueList): boolean {
  if (tx > T) {
    issues.add('invalid_order', [...path, 'recency'], 'must not be greater than T');
    return false;
  }
  if (x === 0 && tx !== 0) {
    issues.add('invalid_structure', [...path, 'recency'], 'must be 0 when frequency is 0');
    return false;
  }
  // Repeat purchases come after the first one: recency > 0 (and so T > 0). Such impossible rows sent
  // the Pareto/NBD fit to parameters like alpha = 5.7e-73 for 45 s.
  if (x > 0 && tx === 0) {
    issues.add('invalid_structure', [...path, 'recency'], 'must be greater than 0 when frequency is above 0 (repeat purchases come after the first)');
    return false;
  }
  return true;
}

// Rows { frequency, recency, T, weight? } to columns; records an issue per bad field.
export function checkHistoryRows(rows: unknown, param: string, issues: IssueList, options: { weights: boolean; minRows: number }): HistoryColumns | undefined {
  if (!Array.isArray(rows)) {
    issues.add('invalid_type', [param], rows === undefined ? 'is required' : 'must be an array');
    return undefined;
  }
  const n = rows.length;
  if (n < options.minRows) {
    issues.add('too_small', [param], `must have at least ${options.minRows} item${options.minRows === 1 ? '' : 's'}`);
    return undefined;
  }
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  let ok = true;
  for (let i = 0; i < n; i++) {
    const row: unknown = rows[i];
    if (typeof row !== 'object' || row === null) {
      issues.add('invalid_type', [param, i], 'must be an object with frequency, recency and T');
      ok = false;
      continue;
    }
    const r = row as { frequency?: unknown; recency?: unknown; T?: unknown; weight?: unknown };
    const f = r.frequency;
    const rec = r.recency;
    const age = r.T;
    // Fast path for a valid row.
    if (
      typeof f === 'number' &&
      typeof rec === 'number' &&
      typeof age === 'number' &&
      f >= 0 &&
      f <= MAX_FREQUENCY &&
      age <= MAX_TIME_SPAN &&
      Math.floor(f) === f &&
      f - f === 0 &&
      rec >= 0 &&
      rec - rec === 0 &&
      age - age === 0 &&
      rec <= age &&
      (f > 0 ? rec > 0 : rec === 0) &&
      (r.weight === undefined || (options.weights && typeof r.weight === 'number' && r.weight >= 0 && r.weight <= MAX_WEIGHT))
    ) {
      x[i] = f;
      tx[i] = rec;
      T[i] = age;
      w[i] = r.weight === undefined ? 1 : (r.weight as number);
      continue;
    }
    const a = checkNumber(f, [param, i, 'frequency'], FREQUENCY_SPEC, issues);
    const b = checkNumber(rec, [param, i, 'recency'], SPAN_SPEC, issues);
    const c = checkNumber(age, [param, i, 'T'], SPAN_SPEC, issues);
    let d = true;
    if (r.weight !== undefined) {
      if (options.weights) d = checkNumber(r.weight, [param, i, 'weight'], WEIGHT_SPEC, issues);
      else {
        issues.add('unrecognized_key', [param, i, 'weight'], 'is not accepted here');
        d = false;
      }
    }
    if (a && b && c) d = checkConsistency(f as number, rec as number, age as number, [param, i], issues) && d;
    ok = ok && a && b && c && d;
  }
  return ok ? { x, tx, T, w } : undefined;
}

/** Columns of histories for the batch functions: `{ frequency, recency, T }` numeric arrays. */
export interface PurchaseHistoryColumns {
  /** Repeat purchases per customer (whole numbers >= 0). */
  readonly frequency: NumericArray;
  /** Time from first to last purchase per customer (0 when frequency is 0). */
  readonly recency: NumericArray;
  /** Time from first purchase to the end of observation per customer. */
  readonly T: NumericArray;
}

// Float64Array columns of the same length that are valid throughout, checked in one fused pass (the
// common case of the batch functions over a million customers); undefined sends any other input,
// or any invalid value, through the detailed checks, which name every problem.
function validFloat64Columns(frequency: unknown, recency: unknown, T: unknown): HistoryColumns | undefined {
  if (!(frequency instanceof Float64Array && recency instanceof Float64Array && T instanceof Float64Array)) return undefined;
  const n = frequency.length;
  if (recency.length !== n || T.length !== n) return undefined;
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    const tx = recency[i] as number;
    const t = T[i] as number;
    if (!isPlainValidHistory(x, tx, t)) return undefined;
  }
  return { x: frequency, tx: recency, T, w: new Float64Array(0) };
}

// Batch input: an array of rows, or columns. Returns Float64Array columns (weights unused).
export function checkHistories(value: unknown, param: string, issues: IssueList): HistoryColumns | undefined {
  if (Array.isArray(value)) return checkHistoryRows(value, param, issues, { weights: true, minRows: 0 });
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', [param], value === undefined ? 'is required' : 'must be an array of histories or an object of columns');
    return undefined;
  }
  const cols = value as { frequency?: unknown; recency?: unknown; T?: unknown };
  const fast = validFloat64Columns(cols.frequency, cols.recency, cols.T);
  if (fast !== undefined) return fast;
  const a = checkNumberArray(cols.frequency, [param, 'frequency'], FREQUENCY_SPEC, issues);
  const b = checkNumberArray(cols.recency, [param, 'recency'], SPAN_SPEC, issues);
  const c = checkNumberArray(cols.T, [param, 'T'], SPAN_SPEC, issues);
  if (!(a && b && c)) return undefined;
  const f = cols.frequency as NumericArray;
  const r = cols.recency as NumericArray;
  const t = cols.T as NumericArray;
  if (f.length !== r.length || f.length !== t.length) {
    issues.add('invalid_structure', [param], 'frequency, recency and T must have the same length');
    return undefined;
  }
  const n = f.length;
  // Float64Array columns are used as they are (never written to); other arrays are copied once.
  const x = f instanceof Float64Array ? f : Float64Array.from(f);
  const tx = r instanceof Float64Array ? r : Float64Array.from(r);
  const T = t instanceof Float64Array ? t : Float64Array.from(t);
  let ok = true;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const ti = tx[i] as number;
    if (ti <= (T[i] as number) && (xi > 0 ? ti > 0 : ti === 0)) continue;
    ok = checkConsistency(xi, ti, T[i] as number, [param, i], issues) && ok;
  }
  return ok ? { x, tx, T, w: new Float64Array(0) } : undefined;
}

// One history for the scalar prediction functions.
export function checkHistory(value: unknown, path: string | readonly (string | number)[], issues: IssueList): { x: number; tx: number; T: number } | undefined {
  const at = typeof path === 'string' ? [path] : [...path];
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', at, value === undefined ? 'is required' : 'must be an object with frequency, recency and T');
    return undefined;
  }
  const r = value as { frequency?: unknown; recency?: unknown; T?: unknown };
  const a = checkNumber(r.frequency, [...at, 'frequency'], FREQUENCY_SPEC, issues);
  const b = checkNumber(r.recency, [...at, 'recency'], SPAN_SPEC, issues);
  const c = checkNumber(r.T, [...at, 'T'], SPAN_SPEC, issues);
  if (!(a && b && c)) return undefined;
  const x = r.frequency as number;
  const tx = r.recency as number;
  const T = r.T as number;
  return checkConsistency(x, tx, T, at, issues) ? { x, tx, T } : undefined;
}

// A horizon { length, unit } converted to `dataUnit`; issues when either unit is missing.
export function checkHorizon(value: unknown, param: string, dataUnit: TimeUnit | undefined, modelParam: string, issues: IssueList): number | undefined {
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', [param], value === undefined ? 'is required' : 'must be an object { length, unit } (a bare number has no unit)');
    return undefined;
  }
  const h = value as { length?: unknown; unit?: unknown };
  const okLength = checkNumber(h.length, [param, 'length'], { min: 0 }, issues);
  let unit: TimeUnit | undefined;
  if (typeof h.unit === 'string' && (TIME_UNITS as string[]).includes(h.unit)) unit = h.unit as TimeUnit;
  else issues.add(h.unit === undefined ? 'invalid_type' : 'invalid_value', [param, 'unit'], h.unit === undefined ? 'is required' : `must be one of ${TIME_UNITS.map((k) => JSON.stringify(k)).join(', ')}`);
  if (dataUnit === undefined) {
    issues.add('invalid_value', [modelParam, 'timeUnit'], 'is required to convert a horizon: fit with options.timeUnit or set it on the model');
    return undefined;
  }
  if (!okLength || unit === undefined) return undefined;
  const length = ((h.length as number) * DAYS_PER_UNIT[unit]) / DAYS_PER_UNIT[dataUnit];
  if (length > MAX_TIME_SPAN) {
    issues.add('too_big', [param, 'length'], 'must be at most 1e9 time units of the data');
    return undefined;
  }
  return length;
}

export type { Horizon };
