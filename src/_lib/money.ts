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
import { Decimal } from 'decimal.js';
import type { IssueList } from './validate.js';

/** Our private decimal constructor: 40 significant digits, banker's rounding. */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});

export type { MoneyInput } from '../types.js';
import type { MoneyInput } from '../types.js';

const DECIMAL_STRING = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * Money amounts are 0 or between 1e-100 and 1e100 in magnitude (decimal exponents -100..100): far
 * beyond any currency, and small enough that sums of millions of amounts, their ratios and their
 * conversion to plain numbers stay finite.
 */
export const MONEY_EXPONENT_LIMIT = 100;

/**
 * Whether a plain number is an amount that {@link checkMoney} accepts as it stands (finite; 0 or
 * 1e-100..1e100 in magnitude). Fast paths test this and send anything else through checkMoney,
 * which names the problem.
 */
export function isPlainMoneyNumber(value: number): boolean {
  const magnitude = Math.abs(value);
  return magnitude <= 1e100 && (magnitude === 0 || magnitude >= 1e-100);
}

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
  // The range keeps every sum, ratio and conversion to a plain number finite (see docs/robustness.md).
  if (money.e > MONEY_EXPONENT_LIMIT) {
    issues.add('too_big', path, 'must be at most 1e100 in magnitude');
    return undefined;
  }
  if (!money.isZero() && money.e < -MONEY_EXPONENT_LIMIT) {
    issues.add('too_small', path, 'must be 0 or at least 1e-100 in magnitude');
    return undefined;
  }
  if (nonNegative && money.isNegative()) {
    issues.add('too_small', path, 'must be at least 0');
    return undefined;
  }
  return money;
}

export { Decimal };
