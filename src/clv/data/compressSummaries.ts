import { IssueList } from '../../_lib/validate.js';

/** A summary row as {@link compressSummaries} reads it (other fields, such as `customerId`, are ignored). */
export interface SummaryPattern {
  /** Number of repeat purchase periods, a whole number >= 0. */
  readonly frequency: number;
  /** Time from the first to the last purchase, 0 <= recency <= T. */
  readonly recency: number;
  /** Time from the first purchase to the observation end. */
  readonly T: number;
  /** How many customers the row stands for. @defaultValue 1 */
  readonly weight?: number;
}

/**
 * One distinct (frequency, recency, T) pattern and how many customers share it: the weighted
 * input every buy-till-you-die fitter accepts.
 */
export interface CompressedSummary {
  /** Number of repeat purchase periods. */
  readonly frequency: number;
  /** Time from the first to the last purchase. */
  readonly recency: number;
  /** Time from the first purchase to the observation end. */
  readonly T: number;
  /** The number of customers (the sum of the merged rows' weights). */
  readonly weight: number;
}

/**
 * Merges summary rows with identical frequency, recency and T into one row with a `weight`, so that
 * fitting a model to a million customers costs what their distinct patterns cost (the likelihood of
 * a pattern is computed once and multiplied by its weight).
 *
 * Definition: rows are equal when their three numbers are equal (`===`, so 0 and -0 are equal);
 * the weight of a merged row is the sum of the weights of its rows (1 for rows without one).
 * Patterns come in the order of their first row. Expanding each pattern `weight` times gives back
 * the multiset of (frequency, recency, T) rows when the weights are whole numbers.
 *
 * Cost: O(n) expected time (a hash map), O(distinct patterns) memory.
 *
 * @param rows - Summary rows, such as those of `rfmSummary` or `calibrationHoldoutSplit`.
 * @returns The distinct patterns with their weights.
 * @throws {@link MetricsInputError} when `rows` is not an array, a frequency is not a whole number
 * >= 0, a recency or T is not finite, recency is negative or greater than T, or a weight is negative
 * or not finite.
 * @see Fader & Hardie, "Implementing the BG/NBD model in Excel" (2005): the likelihood is a sum over
 * customers, so identical customers can be counted once.
 * @example
 * ```ts
 * import { compressSummaries } from 'customer-metrics';
 * const rows = [
 *   { frequency: 0, recency: 0, T: 10 },
 *   { frequency: 2, recency: 4, T: 10 },
 *   { frequency: 0, recency: 0, T: 10 },
 * ];
 * compressSummaries(rows); // => [{ frequency: 0, recency: 0, T: 10, weight: 2 }, { frequency: 2, recency: 4, T: 10, weight: 1 }]
 * ```
 */
export function compressSummaries(rows: readonly SummaryPattern[]): CompressedSummary[] {
  const issues = new IssueList();
  if (!Array.isArray(rows)) {
    issues.add('invalid_type', ['rows'], rows === undefined ? 'is required' : 'must be an array');
    issues.throwIfAny();
  }
  const n = rows.length;
  for (let i = 0; i < n; i++) checkRow(rows[i], i, issues);
  issues.throwIfAny();

  const index = new Map<string, number>();
  const frequency: number[] = [];
  const recency: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i] as SummaryPattern;
    const w = row.weight ?? 1;
    const key = `${row.frequency} ${row.recency} ${row.T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, frequency.length);
      frequency.push(row.frequency);
      recency.push(row.recency);
      T.push(row.T);
      weight.push(w);
    } else weight[at] = (weight[at] as number) + w;
  }
  const out: CompressedSummary[] = new Array(frequency.length);
  for (let j = 0; j < frequency.length; j++) {
    out[j] = { frequency: frequency[j] as number, recency: recency[j] as number, T: T[j] as number, weight: weight[j] as number };
  }
  return out;
}

function checkRow(row: unknown, i: number, issues: IssueList): void {
  if (typeof row !== 'object' || row === null) {
    issues.add('invalid_type', ['rows', i], 'must be an object with frequency, recency and T');
    return;
  }
  const r = row as Record<string, unknown>;
  const f = r.frequency;
  if (typeof f !== 'number') issues.add('invalid_type', ['rows', i, 'frequency'], f === undefined ? 'is required' : 'must be a number');
  else if (!Number.isFinite(f)) issues.add('not_finite', ['rows', i, 'frequency'], 'must be a finite number');
  else if (!Number.isInteger(f)) issues.add('not_integer', ['rows', i, 'frequency'], 'must be a whole number');
  else if (f < 0) issues.add('too_small', ['rows', i, 'frequency'], 'must be at least 0');
  const okR = checkTime(r.recency, ['rows', i, 'recency'], issues);
  const okT = checkTime(r.T, ['rows', i, 'T'], issues);
  if (okR && okT && (r.recency as number) > (r.T as number)) issues.add('invalid_order', ['rows', i, 'recency'], 'must be at most T');
  const w = r.weight;
  if (w !== undefined) {
    if (typeof w !== 'number') issues.add('invalid_type', ['rows', i, 'weight'], 'must be a number');
    else if (!Number.isFinite(w)) issues.add('not_finite', ['rows', i, 'weight'], 'must be a finite number');
    else if (w < 0) issues.add('too_small', ['rows', i, 'weight'], 'must be at least 0');
  }
}

function checkTime(value: unknown, path: (string | number)[], issues: IssueList): boolean {
  if (typeof value !== 'number') {
    issues.add('invalid_type', path, value === undefined ? 'is required' : 'must be a number');
    return false;
  }
  if (!Number.isFinite(value)) {
    issues.add('not_finite', path, 'must be a finite number');
    return false;
  }
  if (value < 0) {
    issues.add('too_small', path, 'must be at least 0');
    return false;
  }
  return true;
}
