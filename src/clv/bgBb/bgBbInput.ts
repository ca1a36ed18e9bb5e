/**
 * Boundary checks of BG/BB customer rows `{ frequency, recency, n, weight? }`: a tight loop rather
 * than zod per row, because pattern tables are small but individual rows can number millions.
 *
 * @internal
 * @module
 */
import { checkNumber, type IssueList } from '../../_lib/validate.js';

/** Checked rows as columns. */
export interface BgBbColumns {
  x: Float64Array;
  tx: Float64Array;
  n: Float64Array;
  w: Float64Array;
}

const WHOLE = { integer: true, min: 0 } as const;

/**
 * Checks one row at `path`; records issues and returns whether it is valid. Rules: whole numbers
 * >= 0; frequency <= n and recency <= n; frequency 0 requires recency 0; otherwise
 * recency >= frequency (x transactions need at least x opportunities up to the last one).
 */
export function checkBgBbRow(row: unknown, path: readonly (string | number)[], issues: IssueList, allowWeight: boolean): boolean {
  if (typeof row !== 'object' || row === null) {
    issues.add('invalid_type', path, row === undefined ? 'is required' : 'must be an object with frequency, recency and n');
    return false;
  }
  const r = row as { frequency?: unknown; recency?: unknown; n?: unknown; weight?: unknown };
  const okX = checkNumber(r.frequency, [...path, 'frequency'], WHOLE, issues);
  const okT = checkNumber(r.recency, [...path, 'recency'], WHOLE, issues);
  const okN = checkNumber(r.n, [...path, 'n'], { integer: true, min: 0, max: 1_000_000 }, issues);
  let ok = okX && okT && okN;
  if (allowWeight && r.weight !== undefined && !checkNumber(r.weight, [...path, 'weight'], { min: 0 }, issues)) ok = false;
  if (!ok) return false;
  const x = r.frequency as number;
  const tx = r.recency as number;
  const n = r.n as number;
  if (x > n) {
    issues.add('too_big', [...path, 'frequency'], 'must be at most n, the number of transaction opportunities');
    ok = false;
  }
  if (tx > n) {
    issues.add('too_big', [...path, 'recency'], 'must be at most n, the number of transaction opportunities');
    ok = false;
  }
  if (!ok) return false;
  if (x === 0 && tx !== 0) {
    issues.add('invalid_structure', [...path, 'recency'], 'must be 0 when frequency is 0');
    ok = false;
  } else if (x > 0 && tx < x) {
    issues.add('invalid_structure', [...path, 'recency'], 'must be at least frequency (the last transaction opportunity)');
    ok = false;
  }
  return ok;
}

/** Checks an array of rows under `param`; returns columns when all rows are valid. */
export function checkBgBbRows(rows: unknown, param: string, issues: IssueList, minLength: number): BgBbColumns | undefined {
  if (!Array.isArray(rows)) {
    issues.add('invalid_type', [param], rows === undefined ? 'is required' : 'must be an array');
    return undefined;
  }
  if (rows.length < minLength) {
    issues.add('too_small', [param], `must have at least ${minLength} item${minLength === 1 ? '' : 's'}`);
    return undefined;
  }
  const size = rows.length;
  const cols: BgBbColumns = { x: new Float64Array(size), tx: new Float64Array(size), n: new Float64Array(size), w: new Float64Array(size) };
  let ok = true;
  for (let i = 0; i < size; i++) {
    const row = rows[i] as { frequency: number; recency: number; n: number; weight?: number };
    // Fast path for the common valid row; anything else is examined field by field.
    if (typeof row === 'object' && row !== null) {
      const { frequency: x, recency: tx, n, weight } = row;
      if (
        Number.isInteger(x) &&
        Number.isInteger(tx) &&
        Number.isInteger(n) &&
        x >= 0 &&
        n <= 1_000_000 &&
        tx <= n &&
        (x === 0 ? tx === 0 : tx >= x) &&
        (weight === undefined || (typeof weight === 'number' && weight >= 0 && weight < Infinity))
      ) {
        cols.x[i] = x;
        cols.tx[i] = tx;
        cols.n[i] = n;
        cols.w[i] = weight ?? 1;
        continue;
      }
    }
    if (!checkBgBbRow(row, [param, i], issues, true)) {
      ok = false;
      continue;
    }
    cols.x[i] = row.frequency;
    cols.tx[i] = row.recency;
    cols.n[i] = row.n;
    cols.w[i] = row.weight ?? 1;
  }
  return ok ? cols : undefined;
}
