/**
 * Checks that an argument is a plain object whose keys are all known, for public functions that take
 * one object of named inputs (`clvFromRetention({ ... })`).
 *
 * @internal
 * @module
 */
// @ts-nocheck

import type { IssueList } from './validate.js';

/**
 * Records `invalid_type` at `param` (a name or a path) when `value` is not an object, and `unrecognized_key` at
 * `[...param, key]` for every key outside `known`. Returns the object, or `undefined` when it is not one.
 */
export function checkObject(
  value: unknown,
  param: string | readonly (string | number)[],
  known: readonly string[],
  issues: IssueList,
): Record<string, unknown> | undefined {
  const path = typeof param === 'string' ? [param] : param;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add('invalid_type', path, value === undefined ? 'is required' : 'must be an object');
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) issues.add('unrecognized_key', [...path, key], 'is not a known input');
  }
  return record;
}
