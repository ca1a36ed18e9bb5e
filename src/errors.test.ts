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

describe('error messages quote caller keys only shortened (issue 14, item 6)', () => {
  it('formatIssuePath shortens keys above 40 characters with an ellipsis and quotes odd keys', () => {
    const key = 'k'.repeat(10_000);
    expect(formatIssuePath(['options', key])).toBe(`options.${'k'.repeat(40)}…`);
    expect(formatIssuePath(['options', 'my key'])).toBe('options["my key"]');
    expect(formatIssuePath(['options', 'line\nbreak'])).toBe('options["line\\nbreak"]');
    expect(formatIssuePath(['options', `a b${'x'.repeat(60)}`])).toBe(`options[${JSON.stringify(`a b${'x'.repeat(37)}`.slice(0, 40) + '…')}]`);
  });

  it('the message of a MetricsInputError stays short whatever the key, while its path keeps the key whole', () => {
    const key = 'k'.repeat(10_000);
    const error = new MetricsInputError([{ code: 'unrecognized_key', path: ['options', key], message: 'is not a known option' }]);
    expect(error.message).toBe(`Invalid input: options.${'k'.repeat(40)}…: is not a known option`);
    expect(error.issues[0]?.path[1]).toBe(key);
  });
});

describe('the error constructors validate their arguments (issue 14)', () => {
  it('MetricsInputError refuses anything but a non-empty list of well-formed issues', () => {
    const codes = (fn: () => unknown): string[] => {
      try {
        fn();
      } catch (error) {
        if (isMetricsInputError(error)) return error.issues.map((i) => `${i.code} ${i.path.join('.')}`);
        throw error;
      }
      return [];
    };
    expect(codes(() => new MetricsInputError(null as unknown as MetricsIssue[]))).toEqual(['invalid_type issues']);
    expect(codes(() => new MetricsInputError([]))).toEqual(['too_small issues']);
    expect(codes(() => new MetricsInputError([{ code: 'nope', path: [1, {}], message: '' } as unknown as MetricsIssue]))).toEqual([
      'invalid_value issues.0.code',
      'invalid_type issues.0.path.1',
      'invalid_type issues.0.message',
    ]);
    expect(codes(() => new MetricsFitError(42 as unknown as string, 'x'.repeat(2000)))).toEqual(['invalid_type reason', 'invalid_type message']);
    expect(codes(() => formatIssuePath([Symbol('s')] as unknown as string[]))).toEqual(['invalid_type path.0']);
  });
});
