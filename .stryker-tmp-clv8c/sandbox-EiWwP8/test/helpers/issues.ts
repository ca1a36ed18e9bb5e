/**
 * Test helper: runs a function that should throw a MetricsInputError and returns its issues as
 * `[code, path]` pairs (messages are checked separately where they matter).
 */
// @ts-nocheck

import { isMetricsInputError } from '../../src/errors.js';

/** The `[code, path]` of every issue thrown by `fn`, or a failure marker when it does not throw one. */
export function issuesOf(fn: () => unknown): [string, (string | number)[]][] | 'no error' {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues.map((issue) => [issue.code, [...issue.path]]);
    throw error;
  }
  return 'no error';
}

/** The `path: message` of every issue thrown by `fn` (paths as formatted in error messages). */
export function messagesOf(fn: () => unknown): string[] | 'no error' {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw error;
  }
  return 'no error';
}
