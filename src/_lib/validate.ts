/**
 * Boundary validation shared by every area.
 *
 * Structured arguments (options objects, records) are described with zod schemas and parsed with
 * {@link parseInput}, which maps zod's issues to {@link MetricsIssue}s with our own messages. We never
 * call `z.config()`: our messages come from a per-parse error map, so the host application's zod
 * configuration (locale, custom messages) neither affects us nor is affected by us.
 *
 * Large numeric arrays take {@link checkNumberArray}, a tight loop that produces exactly the issues
 * the zod schema {@link numberArraySchema} would (a property test holds the two together).
 *
 * @internal
 * @module
 */
import * as z from 'zod';
import { MAX_LISTED_ISSUES, MetricsInputError, type MetricsIssue, type MetricsIssueCode } from '../errors.js';

type Path = readonly (string | number)[];

/**
 * Collects issues for one call. Keeps the first issue per path (one problem per value is enough to
 * act on), lists at most {@link MAX_LISTED_ISSUES}, and counts the rest.
 */
export class IssueList {
  private readonly list: MetricsIssue[] = [];
  private readonly seen = new Set<string>();
  private total = 0;

  /** Records a problem at `path` unless that path already has one. */
  add(code: MetricsIssueCode, path: Path, message: string): void {
    const key = pathKey(path);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.total += 1;
    if (this.list.length < MAX_LISTED_ISSUES) this.list.push({ code, path: [...path], message });
  }

  /** Whether any issue has been recorded. */
  get isEmpty(): boolean {
    return this.total === 0;
  }

  /** The issues as the error will carry them (with the `too_many_issues` summary when capped). */
  toArray(): MetricsIssue[] {
    const out = [...this.list];
    if (this.total > this.list.length) {
      const root = this.list[0]?.path[0] ?? 'input';
      out.push({
        code: 'too_many_issues',
        path: [root],
        message: `${this.total} problems were found; only the first ${this.list.length} are listed`,
      });
    }
    return out;
  }

  /** Throws a {@link MetricsInputError} when any issue was recorded. */
  throwIfAny(): void {
    if (this.total > 0) throw new MetricsInputError(this.toArray());
  }
}

function pathKey(path: Path): string {
  let key = '';
  for (const part of path) key += typeof part === 'number' ? `[${part}]` : `.${part}`;
  return key;
}

/** Numeric constraints shared by {@link numberSchema} and {@link checkNumberArray}. */
export interface NumberSpec {
  /** The value must be a whole number. */
  readonly integer?: boolean;
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  /** Exclusive lower bound. */
  readonly greaterThan?: number;
  /** Exclusive upper bound. */
  readonly lessThan?: number;
}

/** The messages both validators use, so that their issues agree to the letter. */
export const messages = {
  notNumber: 'must be a number',
  notFinite: 'must be a finite number',
  notInteger: 'must be a whole number',
  min: (bound: number) => `must be at least ${bound}`,
  max: (bound: number) => `must be at most ${bound}`,
  greaterThan: (bound: number) => `must be greater than ${bound}`,
  lessThan: (bound: number) => `must be less than ${bound}`,
  notArray: 'must be an array',
  required: 'is required',
} as const;

/**
 * The zod schema of one number under `spec`. Its first failing check decides the issue: type,
 * finiteness, integrality, then the bounds.
 */
export function numberSchema(spec: NumberSpec = {}): z.ZodType<number> {
  let schema: z.ZodType<number> = z.number();
  if (spec.integer === true) {
    schema = schema.refine((value) => Number.isInteger(value), {
      message: messages.notInteger,
      params: { code: 'not_integer' },
      abort: true,
    });
  }
  const { min, max, greaterThan, lessThan } = spec;
  if (min !== undefined) schema = schema.refine((v) => v >= min, { message: messages.min(min), params: { code: 'too_small' }, abort: true });
  if (greaterThan !== undefined)
    schema = schema.refine((v) => v > greaterThan, { message: messages.greaterThan(greaterThan), params: { code: 'too_small' }, abort: true });
  if (max !== undefined) schema = schema.refine((v) => v <= max, { message: messages.max(max), params: { code: 'too_big' }, abort: true });
  if (lessThan !== undefined)
    schema = schema.refine((v) => v < lessThan, { message: messages.lessThan(lessThan), params: { code: 'too_big' }, abort: true });
  return schema;
}

/** The zod schema of an array of numbers under `spec`; {@link checkNumberArray} is its fast twin. */
export function numberArraySchema(spec: NumberSpec = {}): z.ZodType<number[]> {
  return z.array(numberSchema(spec));
}

export type { NumericArray } from '../types.js';
import type { NumericArray } from '../types.js';

/** Whether `value` is an array or a typed array of numbers (not a DataView, not a BigInt array): a column. */
export function isArrayOrTypedArray(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || isTypedNumberArray(value);
}

function isTypedNumberArray(value: unknown): value is Exclude<NumericArray, readonly number[]> {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && !isBigIntArray(value);
}

function isBigIntArray(value: ArrayBufferView): boolean {
  return (
    (typeof BigInt64Array !== 'undefined' && value instanceof BigInt64Array) ||
    (typeof BigUint64Array !== 'undefined' && value instanceof BigUint64Array)
  );
}

function numberIssue(value: unknown, spec: NumberSpec): [MetricsIssueCode, string] | undefined {
  if (typeof value !== 'number') return ['invalid_type', value === undefined ? messages.required : messages.notNumber];
  if (value !== value || value === Infinity || value === -Infinity) return ['not_finite', messages.notFinite];
  if (spec.integer === true && !Number.isInteger(value)) return ['not_integer', messages.notInteger];
  if (spec.min !== undefined && !(value >= spec.min)) return ['too_small', messages.min(spec.min)];
  if (spec.greaterThan !== undefined && !(value > spec.greaterThan)) return ['too_small', messages.greaterThan(spec.greaterThan)];
  if (spec.max !== undefined && !(value <= spec.max)) return ['too_big', messages.max(spec.max)];
  if (spec.lessThan !== undefined && !(value < spec.lessThan)) return ['too_big', messages.lessThan(spec.lessThan)];
  return undefined;
}

/**
 * Checks one number against `spec`, recording at most one issue at `path`.
 *
 * @returns whether the value is valid.
 */
export function checkNumber(value: unknown, path: Path, spec: NumberSpec, issues: IssueList): value is number {
  const problem = numberIssue(value, spec);
  if (problem === undefined) return true;
  issues.add(problem[0], path, problem[1]);
  return false;
}

/**
 * Checks a numeric array (a plain array or a typed array) in one tight loop. Produces the same issues,
 * in the same order, as parsing with {@link numberArraySchema} and {@link parseInput}; typed arrays
 * skip the checks their element type already guarantees.
 *
 * Cost: O(n), one comparison or two per element for valid input.
 *
 * @returns whether the whole array is valid.
 */
export function checkNumberArray(values: unknown, path: Path, spec: NumberSpec, issues: IssueList): values is NumericArray {
  if (isTypedNumberArray(values)) return checkTypedArray(values, path, spec, issues);
  if (!Array.isArray(values)) {
    issues.add('invalid_type', path, values === undefined ? messages.required : messages.notArray);
    return false;
  }
  const { integer = false, min = -Infinity, max = Infinity, greaterThan = -Infinity, lessThan = Infinity } = spec;
  let ok = true;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v: unknown = values[i];
    // Fast test for the common case; anything that fails it is examined by numberIssue.
    if (
      typeof v === 'number' &&
      v >= min &&
      v <= max &&
      v > greaterThan &&
      v < lessThan &&
      v - v === 0 &&
      (!integer || Math.floor(v) === v)
    ) {
      continue;
    }
    const problem = numberIssue(v, spec);
    if (problem !== undefined) {
      ok = false;
      issues.add(problem[0], [...path, i], problem[1]);
    }
  }
  return ok;
}

function checkTypedArray(values: Exclude<NumericArray, readonly number[]>, path: Path, spec: NumberSpec, issues: IssueList): boolean {
  const isFloat = values instanceof Float64Array || values instanceof Float32Array;
  const { min = -Infinity, max = Infinity, greaterThan = -Infinity, lessThan = Infinity } = spec;
  // An integer typed array whose element range lies within the bounds needs no check at all.
  if (!isFloat) {
    const [lo, hi] = typedRange(values);
    if (lo >= min && hi <= max && lo > greaterThan && hi < lessThan) return true;
  }
  const integer = spec.integer === true && isFloat;
  let ok = true;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v >= min && v <= max && v > greaterThan && v < lessThan && v - v === 0 && (!integer || Math.floor(v) === v)) continue;
    const problem = numberIssue(v, spec);
    if (problem !== undefined) {
      ok = false;
      issues.add(problem[0], [...path, i], problem[1]);
    }
  }
  return ok;
}

function typedRange(values: ArrayBufferView): [number, number] {
  if (values instanceof Uint8Array || values instanceof Uint8ClampedArray) return [0, 255];
  if (values instanceof Int8Array) return [-128, 127];
  if (values instanceof Uint16Array) return [0, 65535];
  if (values instanceof Int16Array) return [-32768, 32767];
  if (values instanceof Uint32Array) return [0, 4294967295];
  return [-2147483648, 2147483647];
}

/**
 * Parses `value` with `schema`. On failure records every zod issue, mapped to our codes and messages,
 * under `[param, ...path]`, and returns `undefined`.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, param: string | Path, issues: IssueList): z.output<S> | undefined {
  const result = schema.safeParse(value, { error: errorMap, reportInput: true });
  if (result.success) return result.data;
  const prefix = typeof param === 'string' ? [param] : param;
  for (const issue of result.error.issues) {
    for (const mapped of mapZodIssue(issue)) issues.add(mapped.code, [...prefix, ...mapped.path], mapped.message);
  }
  return undefined;
}

type ZodIssue = z.core.$ZodIssue;

function mapZodIssue(issue: ZodIssue): { code: MetricsIssueCode; path: (string | number)[]; message: string }[] {
  const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
  switch (issue.code) {
    case 'invalid_type': {
      // The input is reported to us (reportInput) only to tell NaN and the infinities apart; it is
      // never copied into our issues.
      const notFinite = issue.expected === 'number' && typeof issue.input === 'number';
      return [{ code: notFinite ? 'not_finite' : 'invalid_type', path, message: issue.message }];
    }
    case 'too_small':
      return [{ code: 'too_small', path, message: issue.message }];
    case 'too_big':
      return [{ code: 'too_big', path, message: issue.message }];
    case 'invalid_value':
      return [{ code: 'invalid_value', path, message: issue.message }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ code: 'unrecognized_key' as const, path: [...path, key], message: 'is not a known option' }));
    case 'custom': {
      const code = (issue.params as { code?: MetricsIssueCode } | undefined)?.code ?? 'invalid_value';
      return [{ code, path, message: issue.message }];
    }
    case 'invalid_union':
      return [{ code: 'invalid_type', path, message: issue.message }];
    default:
      return [{ code: 'invalid_value', path, message: issue.message }];
  }
}

const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/**
 * Our messages for zod's built-in issues. Never includes the input value; used per parse so that the
 * host's `z.config()` does not change what our errors say.
 */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return messages.required;
      if (issue.expected === 'number' && typeof issue.input === 'number') return messages.notFinite;
      if (issue.expected === 'number') return messages.notNumber;
      if (issue.expected === 'array') return messages.notArray;
      return `must be ${article(String(issue.expected))}`;
    }
    case 'too_small': {
      const bound = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${bound} item${bound === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.inclusive === false ? messages.greaterThan(bound) : messages.min(bound);
    }
    case 'too_big': {
      const bound = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${bound} item${bound === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `must have at most ${bound} characters`;
      return issue.inclusive === false ? messages.lessThan(bound) : messages.max(bound);
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any accepted form';
    case 'unrecognized_keys':
      return 'is not a known option';
    default:
      return undefined;
  }
};

/** A strict options object: unknown keys are reported, so a misspelt option never passes silently. */
export function optionsSchema<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape).optional();
}

export { z };
