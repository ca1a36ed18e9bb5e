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
    expect(new MetricsInputError([0, 1, 2, 3, 4].map(issue)).message).not.toMatch(/more\)$/);
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

describe('the constructor checks at their limits (mutation testing, 2026-12-07)', () => {
  /** The issues a constructor call throws about its own arguments, as `code path: message`. */
  const problems = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (error) {
      if (isMetricsInputError(error)) return error.issues.map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`);
      throw error;
    }
    return [];
  };
  const ok = (path: unknown[], message = 'is wrong'): MetricsIssue => ({ code: 'invalid_value', path, message }) as MetricsIssue;

  it('says what is wrong with the issue list, in words', () => {
    expect(problems(() => new MetricsInputError('x' as unknown as MetricsIssue[]))).toEqual(['invalid_type issues: must be an array of issues']);
    expect(problems(() => new MetricsInputError([]))).toEqual(['too_small issues: must have at least 1 item']);
    expect(problems(() => new MetricsInputError([null, [], 3] as unknown as MetricsIssue[]))).toEqual([
      'invalid_type issues.0: must be an issue object { code, path, message }',
      'invalid_type issues.1: must be an issue object { code, path, message }',
      'invalid_type issues.2: must be an issue object { code, path, message }',
    ]);
    expect(problems(() => new MetricsInputError([{ code: 7, path: 'a', message: 'm' } as unknown as MetricsIssue]))).toEqual([
      'invalid_value issues.0.code: must be a known issue code',
      'invalid_type issues.0.path: must be an array of keys and indices',
    ]);
  });

  it('accepts every documented code, and a path of keys and whole indices that starts with a parameter name', () => {
    const codes = ['invalid_type', 'not_finite', 'not_integer', 'too_small', 'too_big', 'invalid_value', 'invalid_date', 'invalid_order', 'unrecognized_key', 'invalid_structure', 'too_many_issues'];
    for (const code of codes) expect(problems(() => new MetricsInputError([{ code, path: ['a', 0], message: 'm' } as MetricsIssue]))).toEqual([]);
    expect(problems(() => new MetricsInputError([ok(['a', 0, Number.MAX_SAFE_INTEGER, 'b'])]))).toEqual([]);
  });

  it('refuses negative, fractional and unsafe indices and paths that do not start with a name', () => {
    expect(problems(() => new MetricsInputError([ok(['a', -1, 1.5, 2 ** 53, Number.NaN])]))).toEqual([
      'invalid_type issues.0.path.1: must be a key (a string) or an index (a whole number, at least 0)',
      'invalid_type issues.0.path.2: must be a key (a string) or an index (a whole number, at least 0)',
      'invalid_type issues.0.path.3: must be a key (a string) or an index (a whole number, at least 0)',
      'invalid_type issues.0.path.4: must be a key (a string) or an index (a whole number, at least 0)',
    ]);
    expect(problems(() => new MetricsInputError([ok([]), ok([0, 'a'])]))).toEqual([
      'invalid_structure issues.0.path: must start with the name of a parameter',
      'invalid_structure issues.1.path: must start with the name of a parameter',
    ]);
    // A path with a bad part is reported for that part only (not also as not starting with a name).
    expect(problems(() => new MetricsInputError([ok([-1])]))).toEqual(['invalid_type issues.0.path.0: must be a key (a string) or an index (a whole number, at least 0)']);
  });

  it('takes messages of 1 to 300 characters', () => {
    expect(problems(() => new MetricsInputError([ok(['a'], 'm'.repeat(300))]))).toEqual([]);
    expect(problems(() => new MetricsInputError([ok(['a'], 'm'.repeat(301))]))).toEqual(['too_big issues.0.message: must have at most 300 characters']);
    expect(problems(() => new MetricsInputError([ok(['a'], '')]))).toEqual(['invalid_type issues.0.message: must be a non-empty string']);
    expect(problems(() => new MetricsInputError([{ code: 'too_big', path: ['a'] } as unknown as MetricsIssue]))).toEqual(['invalid_type issues.0.message: must be a non-empty string']);
  });

  it('lists at most 100 problems about a long bad list or a long bad path', () => {
    const bad = Array.from({ length: 150 }, () => null) as unknown as MetricsIssue[];
    expect(problems(() => new MetricsInputError(bad))).toHaveLength(100);
    const badPath = ['a', ...Array.from({ length: 150 }, () => -1)];
    expect(problems(() => formatIssuePath(badPath))).toHaveLength(100);
    expect(problems(() => formatIssuePath('a' as unknown as string[]))).toEqual(['invalid_type path: must be an array of keys and indices']);
  });

  it('MetricsFitError takes a reason of 1 to 100 characters and a message of at most 1,000', () => {
    expect(problems(() => new MetricsFitError('r'.repeat(100), 'm'.repeat(1000)))).toEqual([]);
    expect(problems(() => new MetricsFitError('r', ''))).toEqual([]);
    expect(problems(() => new MetricsFitError('', 'm'))).toEqual(['invalid_type reason: must be a string of 1 to 100 characters']);
    expect(problems(() => new MetricsFitError('r'.repeat(101), 'm'.repeat(1001)))).toEqual([
      'invalid_type reason: must be a string of 1 to 100 characters',
      'invalid_type message: must be a string of at most 1000 characters',
    ]);
    expect(problems(() => new MetricsFitError('r', 5 as unknown as string))).toEqual(['invalid_type message: must be a string of at most 1000 characters']);
    expect(new MetricsFitError('r', 'm').name).toBe('MetricsFitError');
  });

  it('shortens a quoted key at 40 characters, without splitting a surrogate pair', () => {
    expect(formatIssuePath(['k'.repeat(40)])).toBe('k'.repeat(40));
    expect(formatIssuePath(['k'.repeat(41)])).toBe(`${'k'.repeat(40)}…`);
    // 39 ASCII characters and an emoji (two UTF-16 units): the cut at 40 would split it, so the high
    // half is dropped too (the key is not a simple name, so it is quoted).
    expect(formatIssuePath([`${'k'.repeat(39)}😀x`])).toBe(`[${JSON.stringify(`${'k'.repeat(39)}…`)}]`);
    // The first and last high surrogates are dropped alike.
    for (const high of ['\ud800', '\udbff']) expect(formatIssuePath([`${'k'.repeat(39)}${high}x`])).toBe(`[${JSON.stringify(`${'k'.repeat(39)}…`)}]`);
    // A character just below the surrogate range at the cut is kept.
    expect(formatIssuePath([`${'k'.repeat(39)}\ud7ffx`])).toBe(`[${JSON.stringify(`${'k'.repeat(39)}\ud7ff…`)}]`);
    // A low surrogate (the second half) at the cut is kept: only a high half is dropped.
    expect(formatIssuePath([`${'k'.repeat(39)}\udc00x`])).toBe(`[${JSON.stringify(`${'k'.repeat(39)}\udc00…`)}]`);
    // A key starting with a digit or holding a dash is quoted; `$` and `_` are simple.
    expect(formatIssuePath(['a', '1a', 'b-c', '$_x9'])).toBe('a["1a"]["b-c"].$_x9');
    expect(formatIssuePath(['a', 'b c', 'd'])).toBe('a["b c"].d');
  });
});
