/**
 * For bad-input tables: runs `fn` and returns the dotted paths of the MetricsInputError's issues,
 * or a marker string when it did not throw such an error (so that the table's comparison fails
 * with a readable message).
 */
import { isMetricsInputError } from '../../src/errors.js';

export function issuePaths(fn: () => unknown): string[] | string {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues.map((issue) => issue.path.map((part) => String(part)).join('.'));
    return `threw a non-input error: ${String(error)}`;
  }
  return 'did not throw';
}

/** The issue codes of the MetricsInputError `fn` throws (empty when it does not throw one). */
export function issueCodes(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues.map((issue) => issue.code);
  }
  return [];
}

/** `code path: message` lines of the MetricsInputError `fn` throws (empty when it does not throw one). */
export function issueLines(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues.map((issue) => `${issue.code} ${issue.path.map((part) => String(part)).join('.')}: ${issue.message}`);
  }
  return [];
}
