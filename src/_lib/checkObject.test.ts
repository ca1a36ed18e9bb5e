/**
 * checkObject, the shared check of a public function's single object argument (economics,
 * clv/simple): what counts as an object, where each issue points, the message of each case, and
 * that the argument itself comes back.
 */
import { describe, expect, it } from 'vitest';
import { checkObject } from './checkObject.js';
import { IssueList } from './validate.js';

/** Runs checkObject with a fresh issue list; returns its value and `code path: message` of each issue. */
function check(value: unknown, param: string | readonly (string | number)[], known: readonly string[]): { value: Record<string, unknown> | undefined; issues: string[] } {
  const issues = new IssueList();
  const out = checkObject(value, param, known, issues);
  return { value: out, issues: issues.toArray().map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`) };
}

describe('checkObject', () => {
  it('returns the object itself when every key is known (or some are left out)', () => {
    const input = { a: 1, b: undefined };
    const out = check(input, 'input', ['a', 'b', 'c']);
    expect(out.value).toBe(input);
    expect(out.issues).toEqual([]);
    expect(check({}, 'input', ['a'])).toEqual({ value: {}, issues: [] });
  });

  it('a missing argument is required; null, an array, a number and a string must be an object', () => {
    expect(check(undefined, 'input', ['a'])).toEqual({ value: undefined, issues: ['invalid_type input: is required'] });
    for (const value of [null, [], [1], 3, 'a', true]) {
      expect(check(value, 'input', ['a'])).toEqual({ value: undefined, issues: ['invalid_type input: must be an object'] });
    }
  });

  it('every unknown key is reported at [param, key], in key order, and the object still comes back', () => {
    const input = { a: 1, x: 2, b: 3, y: 4 };
    expect(check(input, 'input', ['a', 'b'])).toEqual({ value: input, issues: ['unrecognized_key input.x: is not a known input', 'unrecognized_key input.y: is not a known input'] });
  });

  it('a path parameter (a nested object) prefixes every issue', () => {
    expect(check(undefined, ['input', 'benefits'], ['a']).issues).toEqual(['invalid_type input.benefits: is required']);
    expect(check(7, ['input', 'costs', 0], ['a']).issues).toEqual(['invalid_type input.costs.0: must be an object']);
    expect(check({ a: 1, z: 0 }, ['input', 'benefits'], ['a']).issues).toEqual(['unrecognized_key input.benefits.z: is not a known input']);
  });
});
