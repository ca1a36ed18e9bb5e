/**
 * Counting kernels for the `nps` area.
 *
 * @internal
 * @module
 */
import { checkNumberArray, type IssueList, type NumericArray } from '../../_lib/validate.js';
import type { BandTable } from './bands.js';

/** The rule every score must meet. */
export const SCORE_SPEC = { integer: true, min: 0, max: 10 } as const;

/** A histogram of the scores 0..10 and the number of invalid entries. */
export interface Tally {
  /** `hist[s]` = number of answers equal to `s`. */
  hist: Float64Array;
  /** Entries that are not whole numbers from 0 to 10. */
  invalid: number;
}

/** Whether `value` is an array or a numeric typed array (what {@link tallyScores} accepts). */
export function isScoreArray(value: unknown): value is NumericArray {
  if (Array.isArray(value)) return true;
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return false;
  return !(value instanceof BigInt64Array || value instanceof BigUint64Array);
}

/** Counts an array of scores into a histogram in one pass (invalid entries counted apart). O(n). */
export function tallyScores(scores: NumericArray): Tally {
  const hist = new Float64Array(11);
  let invalid = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const v: unknown = scores[i];
    // A whole number from 0 to 10; strings, null, booleans, NaN and holes all fail one of these.
    // typeof first: comparing an object would run its valueOf (the caller's code, or a TypeError for
    // a null-prototype object), and a BigInt or a Symbol would throw.
    if (typeof v === 'number' && v >= 0 && v <= 10 && (v | 0) === v) hist[v] = (hist[v] as number) + 1;
    else invalid++;
  }
  return { hist, invalid };
}

/** `[detractors, passives, promoters]` of a histogram under the bands of `table`. */
export function applyBands(hist: Float64Array, table: BandTable): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (let s = 0; s <= 10; s++) counts[table[s] as 0 | 1 | 2] += hist[s] as number;
  return counts;
}

/**
 * Tallies `value` at `path` when it is a valid score array, recording every issue otherwise (unless
 * `skip`, in which case invalid entries are only counted). Returns `undefined` when issues were
 * recorded.
 */
export function checkAndTally(value: unknown, path: readonly (string | number)[], skip: boolean, issues: IssueList): Tally | undefined {
  if (!isScoreArray(value)) {
    checkNumberArray(value, path, SCORE_SPEC, issues);
    return undefined;
  }
  const tally = tallyScores(value);
  if (tally.invalid > 0 && !skip) {
    checkNumberArray(value, path, SCORE_SPEC, issues);
    return undefined;
  }
  return tally;
}
