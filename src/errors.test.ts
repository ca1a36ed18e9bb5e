import { describe, expect, it } from 'vitest';
import { formatIssuePath, isMetricsFitError, isMetricsInputError, MetricsFitError, MetricsInputError, type MetricsIssue } from './errors.js';

const issue = (n: number): MetricsIssue => ({ code: 'too_big', path: ['scores', n], message: 'must be at most 10' });

describe('MetricsInputError', () => {
  it('lists the first five issues in its message and counts the rest', () => {
    const error = new MetricsInputError([1, 2, 3, 4, 5, 6, 7].map(issue));
    expect(error.name).toBe('MetricsInputError');
    expect(error.message).toBe(
      'Invalid input: scores[1]: must be at most 10; scores[2]: must be at most 10; scores[3]: must be at most 10; ' +
        'scores[4]: must be at most 10; scores[5]: must be at most 10 (and 2 more)',
    );
    expect(error.issues).toHaveLength(7);
    expect(error).toBeInstanceOf(Error);
  });

  it('has no "(and N more)" with five issues or fewer', () => {
    expect(new MetricsInputError([issue(0)]).message).toBe('Invalid input: scores[0]: must be at most 10');
  });

  it('freezes its issues and copies them, so later changes to the input list do not leak in', () => {
    const list = [issue(0)];
    const error = new MetricsInputError(list);
    list.push(issue(1));
    (list[0]?.path as (string | number)[]).push('x');
    expect(error.issues).toEqual([issue(0)]);
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(Object.isFrozen(error.issues[0])).toBe(true);
    expect(Object.isFrozen(error.issues[0]?.path)).toBe(true);
  });
});

describe('guards', () => {
  it('recognise errors from another copy of the library by their brand', () => {
    const foreignInput = Object.assign(new Error('x'), { [Symbol.for('customer-metrics.MetricsInputError')]: true });
    const foreignFit = Object.assign(new Error('x'), { [Symbol.for('customer-metrics.MetricsFitError')]: true });
    expect(isMetricsInputError(foreignInput)).toBe(true);
    expect(isMetricsFitError(foreignFit)).toBe(true);
    expect(isMetricsInputError(foreignFit)).toBe(false);
    expect(isMetricsFitError(foreignInput)).toBe(false);
  });

  it.each([null, undefined, 'MetricsInputError', 42, {}, new TypeError('x')])('reject %s', (value) => {
    expect(isMetricsInputError(value)).toBe(false);
    expect(isMetricsFitError(value)).toBe(false);
  });

  it('accept the real classes', () => {
    expect(isMetricsInputError(new MetricsInputError([issue(0)]))).toBe(true);
    const fit = new MetricsFitError('no-data', 'Nothing to fit.');
    expect(isMetricsFitError(fit)).toBe(true);
    expect(fit.message).toBe('Nothing to fit.');
    expect(fit.reason).toBe('no-data');
  });
});

describe('formatIssuePath', () => {
  it('formats names and indices', () => {
    expect(formatIssuePath([])).toBe('');
    expect(formatIssuePath([0, 'a'])).toBe('[0].a');
    expect(formatIssuePath(['a', 'b', 2, 3])).toBe('a.b[2][3]');
  });
});
