/**
 * Shared pieces of the edge-domain property tests (issue 14, item 2): the seed, log-uniform
 * generators over the valid domain, and the two acceptable outcomes of a call at the edge: a result
 * without NaN / ±Infinity / Invalid Date / non-finite Decimal, or a well-formed documented refusal.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { isMetricsFitError, isMetricsInputError } from '../../../src/errors.js';
import { badResultPath, errorShapeProblems } from '../inspect.js';

/** One seed for every edges property, so a failure reproduces. */
export const SEED = 20261207;

/** A number log-uniform over [10^lo, 10^hi]. */
export const logUniform = (lo: number, hi: number): fc.Arbitrary<number> => fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

/** A model parameter log-uniform over [1e-8, 1e8]. */
export const param = logUniform(-8, 8);

/** A probability in [0, 1] with the edges 0 and 1 and values near them drawn often. */
export const probability = fc.oneof(
  fc.constantFrom(0, 1, 1e-12, 1 - 1e-12, 0.5),
  fc.double({ min: 0, max: 1, noNaN: true }),
  logUniform(-12, 0),
  logUniform(-12, 0).map((x) => 1 - x),
);

/** A plain money amount: 0 or 1e-8..1e8 with a sign. */
export const money = fc.oneof(fc.constant(0), logUniform(-8, 8));

export const within01 = (p: number): boolean => p >= 0 && p <= 1;

/** Asserts the result holds no NaN, ±Infinity, Invalid Date or non-finite Decimal. */
export function expectClean(result: unknown, label = 'result'): void {
  expect(badResultPath(result, new Set()), label).toBeUndefined();
}

/** Asserts a thrown value is a MetricsInputError or MetricsFitError with well-formed issues. */
export function expectWellFormedRefusal(error: unknown): void {
  expect(isMetricsInputError(error) || isMetricsFitError(error), String(error)).toBe(true);
  expect(errorShapeProblems(error, undefined)).toEqual([]);
}

/**
 * Runs a call at the edge of the domain: returns `{ value }` when it gives a result (checked to be
 * clean) or `{ refused }` when it throws a well-formed documented refusal; anything else fails.
 */
export function attempt<T>(call: () => T): { value: T; refused?: undefined } | { value?: undefined; refused: Error } {
  let value: T;
  try {
    value = call();
  } catch (error) {
    expectWellFormedRefusal(error);
    return { refused: error as Error };
  }
  expectClean(value);
  return { value };
}

/** Runs `call` expecting a MetricsInputError whose issues are well formed; returns the issue codes. */
export function expectInputRefusal(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    expect(isMetricsInputError(error), String(error)).toBe(true);
    expectWellFormedRefusal(error);
    return (error as { issues: { code: string }[] }).issues.map((i) => i.code);
  }
  throw new Error('expected a MetricsInputError, got a result');
}

/** Non-decreasing within a relative tolerance. */
export function nonDecreasing(xs: readonly number[], tol = 1e-12): boolean {
  return xs.every((v, i) => i === 0 || v >= (xs[i - 1] as number) - tol * Math.max(1, Math.abs(xs[i - 1] as number)));
}

/** Non-increasing within a relative tolerance. */
export function nonIncreasing(xs: readonly number[], tol = 1e-12): boolean {
  return xs.every((v, i) => i === 0 || v <= (xs[i - 1] as number) + tol * Math.max(1, Math.abs(xs[i - 1] as number)));
}

export const runs = (numRuns: number) => ({ seed: SEED, numRuns });
