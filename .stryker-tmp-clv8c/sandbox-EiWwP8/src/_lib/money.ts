/**
 * Money arithmetic on a private decimal.js constructor.
 *
 * `Money` is a `Decimal.clone()` with its own settings, so the host application's global decimal.js
 * configuration never changes our sums, and ours never changes theirs. Inputs may be numbers,
 * decimal strings, or `Decimal` instances from any copy of decimal.js.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import { Decimal } from 'decimal.js';
import type { IssueList } from './validate.js';

/** Our private decimal constructor: 40 significant digits, banker's rounding. */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});

/** An amount of money as callers may pass it. */
export type MoneyInput = number | string | Decimal;

const DECIMAL_STRING = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Converts a validated money input to a `Money` value. */
export function toMoney(value: MoneyInput): Decimal {
  return new Money(value as Decimal.Value);
}

/**
 * Checks one money input at `path`: a finite number, a decimal string, or a finite Decimal; with
 * `nonNegative`, also at least zero. Records one issue and returns `undefined` when invalid.
 */
export function checkMoney(value: unknown, path: readonly (string | number)[], issues: IssueList, nonNegative = false): Decimal | undefined {
  let money: Decimal | undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      issues.add('not_finite', path, 'must be a finite amount');
      return undefined;
    }
    money = new Money(value);
  } else if (typeof value === 'string') {
    if (!DECIMAL_STRING.test(value)) {
      issues.add('invalid_type', path, 'must be a decimal number string such as "12.50"');
      return undefined;
    }
    money = new Money(value.trim());
  } else if (Decimal.isDecimal(value)) {
    if (!(value as Decimal).isFinite()) {
      issues.add('not_finite', path, 'must be a finite amount');
      return undefined;
    }
    money = new Money(value as Decimal);
  } else {
    issues.add('invalid_type', path, 'must be a number, a decimal string or a Decimal');
    return undefined;
  }
  if (nonNegative && money.isNegative()) {
    issues.add('too_small', path, 'must be at least 0');
    return undefined;
  }
  return money;
}

export { Decimal };
