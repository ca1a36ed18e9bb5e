/**
 * Reading result rows: numbers may come as numbers, bigints or decimal strings, depending on the
 * driver. Each reader records an issue (path `[param, row, column]`) for a value it cannot read.
 *
 * @internal
 * @module
 */
import type { Decimal } from 'decimal.js';
import { Money } from '../../_lib/money.js';
import type { IssueList } from '../../_lib/validate.js';

type Path = readonly (string | number)[];
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A whole number >= `min` (a safe integer). */
export function readInteger(value: unknown, path: Path, min: number, issues: IssueList): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'bigint') n = Number(value);
  else if (typeof value === 'string' && INTEGER.test(value)) n = Number(value);
  if (n === undefined || !Number.isSafeInteger(n)) {
    issues.add('invalid_type', path, value === undefined ? 'is required' : 'must be a whole number (a number or an integer string)');
    return undefined;
  }
  if (n < min) {
    issues.add('too_small', path, `must be at least ${min}`);
    return undefined;
  }
  return n;
}

/** A finite number >= 0. */
export function readNonNegative(value: unknown, path: Path, issues: IssueList): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && DECIMAL.test(value)) n = Number(value);
  if (n === undefined || !Number.isFinite(n)) {
    issues.add(typeof value === 'number' ? 'not_finite' : 'invalid_type', path, value === undefined ? 'is required' : 'must be a finite number');
    return undefined;
  }
  if (n < 0) {
    issues.add('too_small', path, 'must be at least 0');
    return undefined;
  }
  return n;
}

/** An exact integer total in 10^-scale (number, bigint or integer string) as a Decimal amount. */
export function readUnits(value: unknown, path: Path, scale: number, issues: IssueList): Decimal | undefined {
  let text: string | undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) text = String(value);
  else if (typeof value === 'bigint') text = value.toString();
  else if (typeof value === 'string' && INTEGER.test(value.trim())) text = value.trim();
  if (text === undefined) {
    issues.add('invalid_type', path, value === undefined ? 'is required' : 'must be a whole number of units (a safe integer or an integer string)');
    return undefined;
  }
  return new Money(text).div(new Money(10).pow(scale));
}

/** A customer id as given (string or finite number; bigints as numbers when safe, else strings). */
export function readId(value: unknown, path: Path, issues: IssueList): string | number | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  issues.add('invalid_type', path, value === null || value === undefined ? 'is required' : 'must be a string or a finite number');
  return undefined;
}

/** The rows argument: an array of objects. */
export function checkRows(rows: unknown, param: string, issues: IssueList): rows is readonly Record<string, unknown>[] {
  if (!Array.isArray(rows)) {
    issues.add('invalid_type', [param], rows === undefined ? 'is required' : 'must be an array of rows');
    return false;
  }
  let ok = true;
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null) {
      issues.add('invalid_type', [param, i], 'must be an object');
      ok = false;
    }
  });
  return ok;
}
