/**
 * For bad-input tables: runs `fn` and returns the issues (`{ code, path, message }`) of the
 * MetricsInputError it throws, or a marker string when it throws something else or nothing, so
 * that a table's `toEqual` fails with a readable message.
 */
// @ts-nocheck

import { isMetricsInputError, type MetricsIssue } from '../../src/errors.js';

export function inputIssues(fn: () => unknown): readonly MetricsIssue[] | string {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues;
    return `threw a non-input error: ${String(error)}`;
  }
  return 'did not throw';
}
