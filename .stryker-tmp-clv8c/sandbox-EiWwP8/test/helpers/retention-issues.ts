/**
 * For the retention area's bad-input tables: the `[code, path]` pairs of the MetricsInputError that
 * `fn` throws, or a marker string when it throws something else or nothing.
 */
// @ts-nocheck

import { isMetricsInputError } from '../../src/errors.js';

export function issuePairs(fn: () => unknown): [string, (string | number)[]][] | string {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) {
      for (const issue of error.issues) {
        if (issue.message.length === 0) return 'empty message';
      }
      return error.issues.map((issue) => [issue.code, [...issue.path]]);
    }
    return `threw a non-input error: ${String(error)}`;
  }
  return 'did not throw';
}
