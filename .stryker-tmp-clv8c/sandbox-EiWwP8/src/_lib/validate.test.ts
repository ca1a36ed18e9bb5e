// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { isMetricsInputError, MAX_LISTED_ISSUES, type MetricsIssue } from '../errors.js';
import { checkNumberArray, IssueList, numberArraySchema, type NumberSpec, optionsSchema, parseInput } from './validate.js';

function viaZod(values: unknown, spec: NumberSpec): MetricsIssue[] {
  const issues = new IssueList();
  parseInput(numberArraySchema(spec), values, 'scores', issues);
  return issues.toArray();
}

function viaLoop(values: unknown, spec: NumberSpec): MetricsIssue[] {
  const issues = new IssueList();
  checkNumberArray(values, ['scores'], spec, issues);
  return issues.toArray();
}

const anyValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 13 }) },
  { weight: 2, arbitrary: fc.double({ min: -20, max: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e300, -1e300) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('7', null, undefined, true, {}, [], 10n) },
);

const specArb: fc.Arbitrary<NumberSpec> = fc.record(
  {
    integer: fc.boolean(),
    min: fc.integer({ min: -2, max: 2 }),
    max: fc.integer({ min: 5, max: 12 }),
    greaterThan: fc.constantFrom(-5, 0),
    lessThan: fc.constantFrom(11, 100),
  },
  { requiredKeys: [] },
);

describe('checkNumberArray agrees with the zod schema', () => {
  it('gives the same issues (code, path, message, order) for any array and spec', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 40 }), specArb, (values, spec) => {
        expect(viaLoop(values, spec)).toEqual(viaZod(values, spec));
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });

  it('agrees on non-arrays', () => {
    for (const value of ['x', 3, null, undefined, { length: 1 }]) expect(viaLoop(value, {})).toEqual(viaZod(value, {}));
  });

  it('treats typed arrays like the equivalent plain arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), specArb, (values, spec) => {
        expect(viaLoop(Uint8Array.from(values), spec)).toEqual(viaZod(values, spec));
        expect(viaLoop(Float64Array.from(values), spec)).toEqual(viaZod(values, spec));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('checks floats in a Float64Array for integrality and finiteness', () => {
    const issues = viaLoop(Float64Array.from([1, 2.5, Number.NaN, 4]), { integer: true, min: 0, max: 10 });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['not_integer', ['scores', 1]],
      ['not_finite', ['scores', 2]],
    ]);
  });

  it('reports the worked example: 11 too big, 4.5 not an integer, NaN not finite, "7" not a number', () => {
    const issues = viaLoop([9, 11, 4.5, Number.NaN, '7'], { integer: true, min: 0, max: 10 });
    expect(issues).toEqual([
      { code: 'too_big', path: ['scores', 1], message: 'must be at most 10' },
      { code: 'not_integer', path: ['scores', 2], message: 'must be a whole number' },
      { code: 'not_finite', path: ['scores', 3], message: 'must be a finite number' },
      { code: 'invalid_type', path: ['scores', 4], message: 'must be a number' },
    ]);
  });
});

describe('IssueList', () => {
  it('caps the listed issues and appends a summary with the total', () => {
    const values = Array.from({ length: 250 }, () => -1);
    const issues = viaLoop(values, { min: 0 });
    expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(issues.at(-1)).toEqual({
      code: 'too_many_issues',
      path: ['scores'],
      message: `250 problems were found; only the first ${MAX_LISTED_ISSUES} are listed`,
    });
  });

  it('keeps only the first issue per path', () => {
    const list = new IssueList();
    list.add('too_big', ['a', 1], 'first');
    list.add('not_integer', ['a', 1], 'second');
    list.add('too_big', ['a', 2], 'third');
    expect(list.toArray().map((i) => i.message)).toEqual(['first', 'third']);
  });

  it('throws a MetricsInputError carrying the issues, and nothing when empty', () => {
    const list = new IssueList();
    expect(list.isEmpty).toBe(true);
    expect(() => list.throwIfAny()).not.toThrow();
    list.add('invalid_type', ['x'], 'must be a number');
    expect(list.isEmpty).toBe(false);
    try {
      list.throwIfAny();
      expect.unreachable();
    } catch (error) {
      expect(isMetricsInputError(error)).toBe(true);
      if (isMetricsInputError(error)) expect(error.issues).toEqual([{ code: 'invalid_type', path: ['x'], message: 'must be a number' }]);
    }
  });
});

describe('parseInput', () => {
  const schema = optionsSchema({ level: z.number().min(0).max(1), method: z.enum(['wald', 'adjusted-wald']).optional() });

  it('maps unknown keys, enum values and bounds to our codes, with the parameter prefix', () => {
    const issues = new IssueList();
    parseInput(schema, { level: 2, method: 'exact', levle: 0.9 }, 'options', issues);
    expect(issues.toArray()).toEqual([
      { code: 'too_big', path: ['options', 'level'], message: 'must be at most 1' },
      { code: 'invalid_value', path: ['options', 'method'], message: 'must be one of "wald", "adjusted-wald"' },
      { code: 'unrecognized_key', path: ['options', 'levle'], message: 'is not a known option' },
    ]);
  });

  it('never echoes the input value in messages', () => {
    const issues = new IssueList();
    parseInput(z.object({ email: z.number(), id: z.enum(['a']) }), { email: 'secret@example.com', id: 'cust-4711' }, 'customer', issues);
    for (const issue of issues.toArray()) {
      expect(issue.message).not.toContain('secret');
      expect(issue.message).not.toContain('4711');
    }
  });

  it('ignores the host application’s zod configuration', () => {
    const issues = new IssueList();
    z.config({ customError: () => 'host message' });
    try {
      parseInput(z.object({ n: z.number() }), { n: 'x' }, 'input', issues);
    } finally {
      z.config({ customError: undefined });
    }
    expect(issues.toArray()).toEqual([{ code: 'invalid_type', path: ['input', 'n'], message: 'must be a number' }]);
  });

  it('returns the parsed value when valid', () => {
    const issues = new IssueList();
    expect(parseInput(schema, { level: 0.9 }, 'options', issues)).toEqual({ level: 0.9 });
    expect(parseInput(schema, undefined, 'options', issues)).toBeUndefined();
    expect(issues.isEmpty).toBe(true);
  });
});
