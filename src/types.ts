/**
 * Input types shared by every area.
 *
 * @module types
 */
import type { Decimal } from 'decimal.js';

/**
 * An amount of money as the library accepts it: a finite number, a decimal string such as
 * `"12.50"`, or a `Decimal` from any copy of decimal.js. Sums and divisions of money are computed
 * with decimal.js, never with binary floating point.
 */
export type MoneyInput = number | string | Decimal;

/** An instant as the library accepts it: a valid `Date` or epoch milliseconds (UTC). */
export type DateInput = Date | number;

/**
 * A calendar period for grouping, computed in UTC: `'day'`, `'week'` (ISO weeks start on Monday
 * unless an option says otherwise), `'month'`, `'quarter'` or `'year'`.
 */
export type CalendarPeriod = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * A numeric column as the library accepts it: a plain array of numbers or a typed array. Typed
 * arrays are the fast path for millions of values (no per-element type checks).
 */
export type NumericArray =
  | readonly number[]
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | Uint8ClampedArray;
