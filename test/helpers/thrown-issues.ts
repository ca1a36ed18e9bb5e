/**
 * Test helpers for bad-input tables: run a call that must throw a MetricsInputError and return what
 * it reports. Both check that every issue carries a message a person can act on.
 */
import { expect } from 'vitest';
import { isMetricsInputError, type MetricsIssue } from '../../src/errors.js';

/**
 * The issues thrown by `fn`. Fails the test when `fn` does not throw, and rethrows anything that is
 * not a MetricsInputError.
 */
export function thrownIssues(fn: () => unknown): MetricsIssue[] {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) {
      // Every issue says something (an empty message would be a silent defect).
      for (const issue of error.issues) expect(issue.message.length).toBeGreaterThan(5);
      return [...error.issues];
    }
    throw error;
  }
  throw new Error('expected a MetricsInputError');
}

/**
 * `code path.to.value` of every issue thrown by `fn`, or a marker string (`'did not throw'`,
 * `'threw ...'`, `'an issue has no message'`) that makes a table row fail readably.
 */
export function issueSummaries(fn: () => unknown): string[] | string {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) {
      if (error.issues.some((i) => i.message.length < 8)) return 'an issue has no message';
      return error.issues.map((i) => `${i.code} ${i.path.join('.')}`);
    }
    return `threw ${String(error)}`;
  }
  return 'did not throw';
}

/** The message of the first issue thrown by `fn`, or `'did not throw'` / `'no issue'`. */
export function firstIssueMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues[0]?.message ?? 'no issue';
  }
  return 'did not throw';
}
