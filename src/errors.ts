/**
 * Errors thrown by customer-metrics.
 *
 * Every public function validates its arguments once, at the boundary. Bad input throws one
 * {@link MetricsInputError} that lists every problem found, so a caller can fix them all at once.
 * A model fit that cannot produce an estimate throws {@link MetricsFitError}.
 *
 * @module
 */

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

/** The longest caller-chosen key or text an error message quotes before shortening it with `…`. */
const MAX_QUOTED_LENGTH = 40;

const SIMPLE_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * Shortens caller-chosen text for an error message: at most 40 characters,
 * then `…`, so that a key or value taken from a payload cannot flood a log.
 */
function shorten(text: string): string {
  if (text.length <= MAX_QUOTED_LENGTH) return text;
  let cut = text.slice(0, MAX_QUOTED_LENGTH);
  // Do not split a surrogate pair.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const CODES: ReadonlySet<string> = new Set<MetricsIssueCode>([
  'invalid_type',
  'not_finite',
  'not_integer',
  'too_small',
  'too_big',
  'invalid_value',
  'invalid_date',
  'invalid_order',
  'unrecognized_key',
  'invalid_structure',
  'too_many_issues',
]);

type Problem = MetricsIssue;

/** Problems with a path given to the public helpers (each element a key or a whole index >= 0). */
function pathProblems(path: unknown, at: readonly (string | number)[]): Problem[] {
  if (!Array.isArray(path)) return [{ code: 'invalid_type', path: at, message: 'must be an array of keys and indices' }];
  const problems: Problem[] = [];
  for (let i = 0; i < path.length && problems.length < MAX_LISTED_ISSUES; i++) {
    const part: unknown = path[i];
    if (typeof part === 'string') continue;
    if (typeof part === 'number' && Number.isSafeInteger(part) && part >= 0) continue;
    problems.push({ code: 'invalid_type', path: [...at, i], message: 'must be a key (a string) or an index (a whole number, at least 0)' });
  }
  return problems;
}

/**
 * Formats an issue path for people: `['responses', 3, 'score']` becomes `responses[3].score`.
 * Keys that are not plain identifiers are quoted (`options["my key"]`), and keys longer than
 * 40 characters are shortened with `…`: the keys can come from a payload.
 *
 * @param path - The `path` of a {@link MetricsIssue}.
 * @returns The path in JavaScript accessor notation.
 * @throws {@link MetricsInputError} when `path` is not an array of strings and whole numbers >= 0.
 * @example
 * ```ts
 * import { formatIssuePath } from 'customer-metrics';
 * formatIssuePath(['responses', 3, 'score']); // => 'responses[3].score'
 * formatIssuePath(['options']); // => 'options'
 * formatIssuePath(['options', 'my key']); // => 'options["my key"]'
 * // 'options.' + the first 40 characters + '…'
 * formatIssuePath(['options', 'x'.repeat(50)]).length; // => 49
 * ```
 */
export function formatIssuePath(path: readonly (string | number)[]): string {
  const problems = pathProblems(path, ['path']);
  if (problems.length > 0) throw new MetricsInputError(problems);
  return formatPath(path);
}

function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (SIMPLE_KEY.test(part)) out += out === '' ? shorten(part) : `.${shorten(part)}`;
    else out += `[${JSON.stringify(shorten(part))}]`;
  }
  return out;
}

/** Problems with the issues given to the MetricsInputError constructor ([] when well formed). */
function issuesProblems(issues: unknown): Problem[] {
  if (!Array.isArray(issues)) return [{ code: 'invalid_type', path: ['issues'], message: 'must be an array of issues' }];
  if (issues.length === 0) return [{ code: 'too_small', path: ['issues'], message: 'must have at least 1 item' }];
  const problems: Problem[] = [];
  for (let i = 0; i < issues.length && problems.length < MAX_LISTED_ISSUES; i++) {
    const issue: unknown = issues[i];
    if (typeof issue !== 'object' || issue === null || Array.isArray(issue)) {
      problems.push({ code: 'invalid_type', path: ['issues', i], message: 'must be an issue object { code, path, message }' });
      continue;
    }
    const { code, path, message } = issue as Record<string, unknown>;
    if (typeof code !== 'string' || !CODES.has(code)) problems.push({ code: 'invalid_value', path: ['issues', i, 'code'], message: 'must be a known issue code' });
    const pathIssues = pathProblems(path, ['issues', i, 'path']);
    if (pathIssues.length > 0) problems.push(...pathIssues);
    else if ((path as unknown[]).length === 0 || typeof (path as unknown[])[0] !== 'string')
      problems.push({ code: 'invalid_structure', path: ['issues', i, 'path'], message: 'must start with the name of a parameter' });
    if (typeof message !== 'string' || message.length === 0)
      problems.push({ code: 'invalid_type', path: ['issues', i, 'message'], message: 'must be a non-empty string' });
    else if (message.length > MAX_MESSAGE_LENGTH)
      problems.push({ code: 'too_big', path: ['issues', i, 'message'], message: `must have at most ${MAX_MESSAGE_LENGTH} characters` });
  }
  return problems;
}

/** The longest issue message (one sentence) the MetricsInputError constructor accepts. */
const MAX_MESSAGE_LENGTH = 300;

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

  /**
   * Builds the error from its issues; the message lists the first few.
   *
   * @throws {@link MetricsInputError} (about `issues`) when `issues` is not a non-empty array of
   * `{ code, path, message }` with a known code, a path that starts with a parameter name, and a
   * message of at most 300 characters.
   */
  constructor(issues: readonly MetricsIssue[]) {
    const problems = issuesProblems(issues);
    if (problems.length > 0) throw new MetricsInputError(problems);
    const listed = issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    super(`Invalid input: ${listed.join('; ')}${more}`);
    this.name = 'MetricsInputError';
    this.issues = Object.freeze(
      issues.map((issue) => Object.freeze({ code: issue.code, path: Object.freeze([...issue.path]), message: issue.message })),
    );
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

  /**
   * Builds the error from a reason code and a human-readable message.
   *
   * @throws {@link MetricsInputError} when `reason` is not a string of 1 to 100 characters or
   * `message` not a string of at most 1,000 characters.
   */
  constructor(reason: string, message: string) {
    const problems: Problem[] = [];
    if (typeof reason !== 'string' || reason.length === 0 || reason.length > 100)
      problems.push({ code: 'invalid_type', path: ['reason'], message: 'must be a string of 1 to 100 characters' });
    if (typeof message !== 'string' || message.length > 1000)
      problems.push({ code: 'invalid_type', path: ['message'], message: 'must be a string of at most 1000 characters' });
    if (problems.length > 0) throw new MetricsInputError(problems);
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
