import { describe, expect, it } from 'vitest';
import { IssueList } from '../../_lib/validate.js';
import { checkModelParameters } from './modelChecks.js';
import { clampLogToDomain } from './modelChecks.js';

const NAMES = ['alpha', 'beta'] as const;

// Runs the check on a fresh issue list: what it returns and every issue it recorded.
function check(value: unknown) {
  const issues = new IssueList();
  const result = checkModelParameters(value, 'model', 'shifted-beta-geometric', NAMES, issues);
  return { result, issues: issues.toArray() };
}

describe('checkModelParameters', () => {
  it('returns exactly the named parameters of a valid model, with or without a kind, and records nothing', () => {
    const fitted = { kind: 'shifted-beta-geometric', parameters: { alpha: 0.7, beta: 3.2, extra: -1 }, logLikelihood: -10 };
    expect(check(fitted)).toEqual({ result: { alpha: 0.7, beta: 3.2 }, issues: [] });
    // Parameters typed in from a paper carry no kind.
    expect(check({ parameters: { alpha: 1e-10, beta: 1e10 } })).toEqual({ result: { alpha: 1e-10, beta: 1e10 }, issues: [] });
  });

  it('refuses parameters outside the domain 1e-10..1e10 (issue 14: alpha = 1e308 gave NaN)', () => {
    expect(check({ parameters: { alpha: 1e-300, beta: 1e300 } })).toEqual({
      result: undefined,
      issues: [
        { code: 'too_small', path: ['model', 'parameters', 'alpha'], message: 'must be at least 1e-10 (the domain of the model parameters)' },
        { code: 'too_big', path: ['model', 'parameters', 'beta'], message: 'must be at most 1e10 (the domain of the model parameters)' },
      ],
    });
  });

  it.each([
    ['undefined', undefined, [{ code: 'invalid_type', path: ['model'], message: 'is required' }]],
    ['null', null, [{ code: 'invalid_type', path: ['model'], message: 'must be a fitted model or an object with parameters' }]],
    ['a number', 3, [{ code: 'invalid_type', path: ['model'], message: 'must be a fitted model or an object with parameters' }]],
    ['a string', 'sbg', [{ code: 'invalid_type', path: ['model'], message: 'must be a fitted model or an object with parameters' }]],
    [
      'a model of another kind',
      { kind: 'bg-bb', parameters: { alpha: 1, beta: 1 } },
      [{ code: 'invalid_value', path: ['model', 'kind'], message: "must be 'shifted-beta-geometric' (a model of another kind was given)" }],
    ],
    ['a kind of null', { kind: null, parameters: { alpha: 1, beta: 1 } }, [{ code: 'invalid_value', path: ['model', 'kind'], message: "must be 'shifted-beta-geometric' (a model of another kind was given)" }]],
    ['no parameters', { kind: 'shifted-beta-geometric' }, [{ code: 'invalid_type', path: ['model', 'parameters'], message: 'is required' }]],
    ['null parameters', { parameters: null }, [{ code: 'invalid_type', path: ['model', 'parameters'], message: 'must be an object' }]],
    ['numeric parameters', { parameters: 2 }, [{ code: 'invalid_type', path: ['model', 'parameters'], message: 'must be an object' }]],
  ])('rejects %s with one issue', (_, value, expected) => {
    expect(check(value)).toEqual({ result: undefined, issues: expected });
  });

  it('checks every named parameter (> 0, finite) and lists each bad one under its own path', () => {
    const { result, issues } = check({ parameters: { alpha: 0, beta: Number.NaN } });
    expect(result).toBeUndefined();
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['too_small', ['model', 'parameters', 'alpha']],
      ['not_finite', ['model', 'parameters', 'beta']],
    ]);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(5);
  });

  it('rejects a model when only the last parameter is bad or missing', () => {
    expect(check({ parameters: { alpha: 1, beta: -2 } }).result).toBeUndefined();
    const missing = check({ parameters: { alpha: 1 } });
    expect(missing.result).toBeUndefined();
    expect(missing.issues.map((i) => [i.code, i.path])).toEqual([['invalid_type', ['model', 'parameters', 'beta']]]);
  });
});

describe('clampLogToDomain', () => {
  it('moves log-parameters inside [1e-10, 1e10], so that exp never rounds out, and leaves the rest', () => {
    const out = clampLogToDomain([Math.log(1e-14), Math.log(2.5), Math.log(1e14), -Infinity]);
    expect(Math.exp(out[0] as number)).toBeGreaterThanOrEqual(1e-10);
    expect(Math.exp(out[0] as number)).toBeLessThan(1.00001e-10);
    expect(out[1]).toBe(Math.log(2.5));
    expect(Math.exp(out[2] as number)).toBeLessThanOrEqual(1e10);
    expect(Math.exp(out[2] as number)).toBeGreaterThan(0.99999e10);
    expect(Math.exp(out[3] as number)).toBeGreaterThanOrEqual(1e-10);
  });
});
