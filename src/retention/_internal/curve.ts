/**
 * Checks the survival-curve argument of survivalProbability, medianLifetime and
 * restrictedMeanLifetime.
 *
 * @internal
 * @module
 */
import { IssueList, checkNumberArray } from '../../_lib/validate.js';

/** The parts of a Kaplan-Meier result these functions read. */
export interface CurveColumns {
  readonly time: readonly number[];
  readonly survival: readonly number[];
  readonly lower: readonly (number | undefined)[];
  readonly upper: readonly (number | undefined)[];
}

/** Checks `value` at `param`: ascending times and survival values in [0, 1] of the same length. */
export function checkCurve(value: unknown, param: string, issues: IssueList): CurveColumns | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add('invalid_type', [param], value === undefined ? 'is required' : 'must be a result of kaplanMeier');
    return undefined;
  }
  const rec = value as Record<string, unknown>;
  let ok = checkNumberArray(rec.time, [param, 'time'], {}, issues);
  ok = checkNumberArray(rec.survival, [param, 'survival'], { min: 0, max: 1 }, issues) && ok;
  for (const key of ['lower', 'upper']) {
    const bounds = rec[key];
    if (!Array.isArray(bounds)) {
      issues.add('invalid_type', [param, key], 'must be an array');
      ok = false;
      continue;
    }
    // A bound is a probability or undefined (no bound at that time).
    for (let i = 0; i < bounds.length; i++) {
      const b: unknown = bounds[i];
      if (b === undefined) continue;
      if (typeof b !== 'number') issues.add('invalid_type', [param, key, i], 'must be a number or undefined');
      else if (!(b >= 0 && b <= 1)) issues.add(Number.isNaN(b) ? 'not_finite' : 'too_big', [param, key, i], 'must be from 0 to 1');
      else continue;
      ok = false;
    }
  }
  if (!ok) return undefined;
  const c = rec as unknown as CurveColumns;
  const n = c.time.length;
  for (const key of ['survival', 'lower', 'upper'] as const) {
    if (c[key].length !== n) {
      issues.add('invalid_structure', [param, key], 'must have one entry per time');
      ok = false;
    }
  }
  for (let i = 1; i < n && ok; i++) {
    if (!((c.time[i] as number) > (c.time[i - 1] as number))) {
      issues.add('invalid_order', [param, 'time', i], 'must be ascending');
      ok = false;
    }
  }
  return ok ? c : undefined;
}
