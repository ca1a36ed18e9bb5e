/**
 * The names the root entry defines itself (src/errors.ts) at the edges of their valid domain (issue
 * 14, item 2): issue lists of 1 to 101 issues, paths of 0 to 1,000 parts with keys up to 10,000
 * characters and indices up to 2^53 - 1, reasons and messages at their length limits. Fixed seeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssuePath, isMetricsFitError, isMetricsInputError, MAX_LISTED_ISSUES, MetricsFitError, MetricsInputError } from '../../../src/errors.js';
import type { MetricsIssue } from '../../../src/errors.js';
import { runs } from './helpers.js';

/** The names this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = ['MAX_LISTED_ISSUES', 'MetricsFitError', 'MetricsInputError', 'formatIssuePath', 'isMetricsFitError', 'isMetricsInputError'] as const;

const part = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ minLength: 1000, maxLength: 10_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('a', 'x y', '"', '\n', '__proto__', '😀😀😀'));

describe('formatIssuePath at the edges', () => {
  it('never longer than 46 characters a part; indices printed exactly; empty path is empty', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 1000 }), (path) => {
        const text = formatIssuePath(path);
        expect(text.length).toBeLessThanOrEqual(path.length * (2 + 48 + 2 + 16));
        for (const p of path) if (typeof p === 'number') expect(text).toContain(`[${p}]`);
        return true;
      }),
      runs(100),
    );
    expect(formatIssuePath([])).toBe('');
  });
});

describe('MetricsInputError and MetricsFitError at the edges', () => {
  const issue = fc.record({ code: fc.constantFrom('invalid_type', 'too_big', 'too_many_issues') as fc.Arbitrary<MetricsIssue['code']>, path: fc.tuple(fc.string({ minLength: 1, maxLength: 50 }), fc.array(part, { maxLength: 5 })).map(([h, t]) => [h, ...t]), message: fc.string({ minLength: 1, maxLength: 300 }) });

  it('1 to MAX_LISTED_ISSUES + 1 issues (the most a function reports): every issue kept in order and frozen, the message bounded, the brand recognised', () => {
    fc.assert(
      fc.property(fc.array(issue, { minLength: 1, maxLength: MAX_LISTED_ISSUES + 1 }), (issues) => {
        const e = new MetricsInputError(issues);
        expect(isMetricsInputError(e) && !isMetricsFitError(e)).toBe(true);
        expect(e.issues.map((i) => i.message)).toEqual(issues.map((i) => i.message));
        expect(Object.isFrozen(e.issues) && Object.isFrozen(e.issues[0])).toBe(true);
        // five issues quoted at most: a path of 6 parts of at most ~50 characters and a 300-character message each
        expect(e.message.length).toBeLessThanOrEqual(20 + 5 * (6 * 52 + 2 + 300 + 2) + 30);
        return true;
      }),
      runs(40),
    );
    expect(MAX_LISTED_ISSUES).toBe(100);
  });

  it('reasons of 1 and 100 characters, messages of 0 and 1,000: constructed; one more is refused with a well-formed issue', () => {
    for (const [reason, message] of [
      ['x', ''],
      ['r'.repeat(100), 'm'.repeat(1000)],
    ] as const) {
      const e = new MetricsFitError(reason, message);
      expect(isMetricsFitError(e) && !isMetricsInputError(e)).toBe(true);
      expect([e.reason, e.message]).toEqual([reason, message]);
    }
    for (const [reason, message] of [
      ['', 'm'],
      ['r'.repeat(101), 'm'],
      ['r', 'm'.repeat(1001)],
    ] as const) {
      expect(() => new MetricsFitError(reason, message)).toThrow(MetricsInputError);
    }
    expect(isMetricsInputError(undefined) || isMetricsFitError(null) || isMetricsInputError(Object.create(null))).toBe(false);
  });
});
