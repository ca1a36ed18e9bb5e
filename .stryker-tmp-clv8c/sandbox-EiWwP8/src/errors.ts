/**
 * Errors thrown by customer-metrics.
 *
 * Every public function validates its arguments once, at the boundary. Bad input throws one
 * {@link MetricsInputError} that lists every problem found, so a caller can fix them all at once.
 * A model fit that cannot produce an estimate throws {@link MetricsFitError}.
 *
 * @module
 */
// @ts-nocheck


/**
 * The kind of problem an {@link MetricsIssue} describes.
 *
 * - `invalid_type`: the value has the wrong JavaScript type (a string where a number belongs).
 * - `not_finite`: a number is `NaN`, `Infinity` or `-Infinity`.
 * - `not_integer`: a number must be a whole number and is not.
 * - `too_small` / `too_big`: a number or a collection is outside its allowed range or size.
 * - `invalid_value`: a value is not one of the allowed choices.
 * - `invalid_date`: a date is an invalid `Date` or an epoch value out of range.
 * - `invalid_order`: values that must be ordered are not (an end before a start).
 * - `unrecognized_key`: an options object has a key the function does not know.
 * - `invalid_structure`: a combination of values is inconsistent (overlapping bands, gaps).
 * - `too_many_issues`: the last issue when more problems were found than are listed.
 */
export type MetricsIssueCode =
  | 'invalid_type'
  | 'not_finite'
  | 'not_integer'
  | 'too_small'
  | 'too_big'
  | 'invalid_value'
  | 'invalid_date'
  | 'invalid_order'
  | 'unrecognized_key'
  | 'invalid_structure'
  | 'too_many_issues';

/**
 * One problem found in the input of a public function.
 *
 * `path` starts with the name of the parameter (`['scores', 3]` is the fourth element of the
 * `scores` argument; `['options', 'level']` an option). Messages never contain the offending value,
 * because input values can be customer data.
 */
export interface MetricsIssue {
  /** What kind of problem this is. */
  readonly code: MetricsIssueCode;
  /** Where it is: the parameter name, then object keys and array indices. */
  readonly path: readonly (string | number)[];
  /** A sentence for humans, without the input value. */
  readonly message: string;
}

/**
 * The most issues a {@link MetricsInputError} lists. When more are found, the list ends with one
 * `too_many_issues` issue that gives the total, so an error over ten million bad values stays small.
 */
export const MAX_LISTED_ISSUES = 100;

const INPUT_ERROR_BRAND = Symbol.for('customer-metrics.MetricsInputError');
const FIT_ERROR_BRAND = Symbol.for('customer-metrics.MetricsFitError');

/**
 * Formats an issue path for people: `['responses', 3, 'score']` becomes `responses[3].score`.
 *
 * @param path - The `path` of a {@link MetricsIssue}.
 * @returns The path in JavaScript accessor notation.
 * @example
 * ```ts
 * import { formatIssuePath } from 'customer-metrics';
 * formatIssuePath(['responses', 3, 'score']); // => 'responses[3].score'
 * formatIssuePath(['options']); // => 'options'
 * ```
 */
export function formatIssuePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/**
 * Thrown when the arguments of a public function are invalid. `issues` lists every problem found,
 * each with a `code`, a `path` that starts with the parameter name, and a `message`.
 *
 * Use {@link isMetricsInputError} rather than `instanceof` when the error may come from another copy
 * of the library (the ESM and the CommonJS build loaded side by side).
 *
 * @example
 * ```ts
 * import { npsScore, isMetricsInputError } from 'customer-metrics';
 * let codes: string[] = [];
 * try {
 *   npsScore([9, 11, 4.5]);
 * } catch (error) {
 *   if (isMetricsInputError(error)) codes = error.issues.map((issue) => issue.code);
 * }
 * codes; // => ['too_big', 'not_integer']
 * ```
 */
export class MetricsInputError extends Error {
  /** Every problem found, in input order (at most {@link MAX_LISTED_ISSUES} plus a summary). */
  readonly issues: readonly MetricsIssue[];

  /** Builds the error from its issues; the message lists the first few. */
  constructor(issues: readonly MetricsIssue[]) {
    const listed = issues.slice(0, 5).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    super(`Invalid input: ${listed.join('; ')}${more}`);
    this.name = 'MetricsInputError';
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue, path: Object.freeze([...issue.path]) })));
    Object.defineProperty(this, INPUT_ERROR_BRAND, { value: true });
  }
}

/**
 * Thrown when a model cannot be fitted: the data carry no information about a parameter (for
 * example no repeat purchases at all), or the optimizer could not find any finite likelihood.
 * A fit that merely stops early is not an error: its result reports the convergence status.
 *
 * @example
 * ```ts
 * import { MetricsFitError, isMetricsFitError } from 'customer-metrics';
 * const error = new MetricsFitError('no-repeat-customers', 'No customer made a repeat purchase.');
 * error.reason; // => 'no-repeat-customers'
 * error.name; // => 'MetricsFitError'
 * isMetricsFitError(error); // => true
 * ```
 */
export class MetricsFitError extends Error {
  /** A short machine-readable reason, such as `'no-repeat-customers'`. */
  readonly reason: string;

  /** Builds the error from a reason code and a human-readable message. */
  constructor(reason: string, message: string) {
    super(message);
    this.name = 'MetricsFitError';
    this.reason = reason;
    Object.defineProperty(this, FIT_ERROR_BRAND, { value: true });
  }
}

/**
 * Whether `error` is a {@link MetricsInputError}, from this copy of the library or from any other
 * (the ESM and CommonJS builds each define their own class, so `instanceof` can miss).
 *
 * @param error - Anything caught.
 * @returns `true` when `error` is a MetricsInputError.
 * @example
 * ```ts
 * import { isMetricsInputError, npsCategory } from 'customer-metrics';
 * let caught: unknown;
 * try { npsCategory(-1); } catch (error) { caught = error; }
 * isMetricsInputError(caught); // => true
 * isMetricsInputError(new Error('other')); // => false
 * ```
 */
export function isMetricsInputError(error: unknown): error is MetricsInputError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[INPUT_ERROR_BRAND] === true;
}

/**
 * Whether `error` is a {@link MetricsFitError}, from this copy of the library or any other.
 *
 * @param error - Anything caught.
 * @returns `true` when `error` is a MetricsFitError.
 * @example
 * ```ts
 * import { isMetricsFitError, MetricsFitError } from 'customer-metrics';
 * isMetricsFitError(new MetricsFitError('no-data', 'Nothing to fit.')); // => true
 * isMetricsFitError(new Error('other')); // => false
 * ```
 */
export function isMetricsFitError(error: unknown): error is MetricsFitError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[FIT_ERROR_BRAND] === true;
}
