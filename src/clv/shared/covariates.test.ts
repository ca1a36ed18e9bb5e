/**
 * The boundary helpers of shared/covariates.ts: the name lists and the `covariates` option of the
 * fitters, reading covariate values from rows, a customer's own parameters, grouping by covariate
 * values, and the simulators' `covariates` option. The fits themselves are tested end to end in
 * test/clv-covariates.test.ts and against CLVTools in test/clv-covariates-reference.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { IssueList } from '../../_lib/validate.js';
import {
  checkCovariateNames,
  checkCovariateSpec,
  checkSimulationCovariates,
  groupByCovariates,
  individualParameters,
  namedCovariateFit,
  readCovariateRows,
  readCovariateValues,
  type CovariateEngineResult,
} from './covariates.js';

const summary = (issues: IssueList) => issues.toArray().map((i) => [i.code, i.path.join('/'), i.message]);

describe('checkCovariateNames', () => {
  it('accepts a list of distinct names and treats a missing list as empty', () => {
    const issues = new IssueList();
    expect(checkCovariateNames(undefined, ['c'], issues)).toEqual([]);
    expect(checkCovariateNames(['age', 'channel'], ['c'], issues)).toEqual(['age', 'channel']);
    expect(issues.isEmpty).toBe(true);
  });

  it('refuses a non-array, empty or reserved names and duplicates, one issue per entry', () => {
    const issues = new IssueList();
    expect(checkCovariateNames('age', ['c'], issues)).toBeUndefined();
    expect(checkCovariateNames(['age', '', 'T', 7, 'age', 'weight', '__proto__'], ['d'], issues)).toBeUndefined();
    const reserved = 'must be the name of a numeric field other than frequency, recency, T and weight';
    expect(summary(issues)).toEqual([
      ['invalid_type', 'c', 'must be an array of field names'],
      ['invalid_value', 'd/1', reserved],
      ['invalid_value', 'd/2', reserved],
      ['invalid_value', 'd/3', reserved],
      ['invalid_value', 'd/4', 'is listed twice'],
      ['invalid_value', 'd/5', reserved],
      ['invalid_value', 'd/6', reserved],
    ]);
    // Each of the other reserved names alone.
    for (const name of ['frequency', 'recency', 'constructor', 'prototype']) {
      const one = new IssueList();
      expect(checkCovariateNames([name], ['c'], one)).toBeUndefined();
      expect(one.toArray().length).toBe(1);
    }
  });
});

describe('checkCovariateSpec', () => {
  it('reads purchase and dropout lists, each optional', () => {
    const issues = new IssueList();
    expect(checkCovariateSpec({ purchase: ['a'], dropout: ['b', 'c'] }, ['options', 'covariates'], issues)).toEqual({ purchase: ['a'], dropout: ['b', 'c'] });
    expect(checkCovariateSpec({}, ['options', 'covariates'], issues)).toEqual({ purchase: [], dropout: [] });
    expect(issues.isEmpty).toBe(true);
  });

  it('refuses non-objects, unknown keys and bad lists, reporting every problem', () => {
    const issues = new IssueList();
    for (const bad of [null, [], 'a', 3]) expect(checkCovariateSpec(bad, ['o', String(bad)], issues)).toBeUndefined();
    expect(summary(issues).map((s) => s[0])).toEqual(['invalid_type', 'invalid_type', 'invalid_type', 'invalid_type']);
    expect(summary(issues)[0]?.[2]).toBe('must be an object { purchase?, dropout? } of field-name lists');
    const more = new IssueList();
    expect(checkCovariateSpec({ purchase: ['a'], extra: 1 }, ['o'], more)).toBeUndefined();
    expect(summary(more)).toEqual([['unrecognized_key', 'o/extra', 'is not an option (purchase, dropout)']]);
    const lists = new IssueList();
    expect(checkCovariateSpec({ purchase: 'a', dropout: ['T'] }, ['o'], lists)).toBeUndefined();
    expect(summary(lists).map((s) => s.slice(0, 2))).toEqual([
      ['invalid_type', 'o/purchase'],
      ['invalid_value', 'o/dropout/0'],
    ]);
    // A bad purchase list alone, and a bad dropout list alone, each make the spec invalid.
    expect(checkCovariateSpec({ purchase: [1] }, ['o'], new IssueList())).toBeUndefined();
    expect(checkCovariateSpec({ dropout: [1] }, ['o'], new IssueList())).toBeUndefined();
  });
});

describe('readCovariateRows', () => {
  it('reads the named fields into a row-major matrix, own properties only', () => {
    const issues = new IssueList();
    const rows = [
      { age: 30, vip: 1 },
      { age: -2.5, vip: 0, other: 'x' },
    ];
    expect(Array.from(readCovariateRows(rows, ['age', 'vip'], 'customers', issues) as Float64Array)).toEqual([30, 1, -2.5, 0]);
    expect(readCovariateRows(rows, [], 'customers', issues)?.length).toBe(0);
    expect(issues.isEmpty).toBe(true);
    // Not an array: nothing read (the history check reports it).
    expect(readCovariateRows({ age: [1] }, ['age'], 'customers', issues)).toBeUndefined();
    expect(issues.isEmpty).toBe(true);
  });

  it('reports every missing or non-finite value at [param, row, name] and skips rows that are not objects', () => {
    const issues = new IssueList();
    const inherited = Object.create({ age: 5 }) as Record<string, unknown>;
    const rows = [{ age: 1 }, { age: Number.NaN }, {}, null, inherited, { age: '3' }, { age: Infinity }];
    expect(readCovariateRows(rows, ['age'], 'customers', issues)).toBeUndefined();
    expect(summary(issues).map((s) => s.slice(0, 2))).toEqual([
      ['not_finite', 'customers/1/age'],
      ['invalid_type', 'customers/2/age'],
      ['invalid_type', 'customers/4/age'],
      ['invalid_type', 'customers/5/age'],
      ['not_finite', 'customers/6/age'],
    ]);
    expect(summary(issues)[1]?.[2]).toBe('is required: it is named in the covariates');
    // A row that is not an object is skipped here (the history check reports it), so the rest is read.
    const skip = new IssueList();
    expect(Array.from(readCovariateRows([null, { age: 2 }], ['age'], 'c', skip) as Float64Array)).toEqual([0, 2]);
    expect(skip.isEmpty).toBe(true);
  });
});

describe('readCovariateValues', () => {
  it('reads one customer’s values in the order of the names', () => {
    const issues = new IssueList();
    expect(Array.from(readCovariateValues({ b: 2, a: -1 }, ['a', 'b'], ['customer'], issues) as Float64Array)).toEqual([-1, 2]);
    expect(readCovariateValues(null, ['a'], ['customer'], issues)).toBeUndefined();
    expect(readCovariateValues(3, ['a'], ['customer'], issues)).toBeUndefined();
    expect(issues.isEmpty).toBe(true);
  });

  it('reports each missing or bad value under the path, and refuses inherited fields', () => {
    const issues = new IssueList();
    const row = Object.assign(Object.create({ c: 1 }) as object, { a: 'x', b: Number.NaN, d: 4 });
    expect(readCovariateValues(row, ['a', 'b', 'c', 'd'], ['customers', 3], issues)).toBeUndefined();
    expect(summary(issues)).toEqual([
      ['invalid_type', 'customers/3/a', expect.any(String)],
      ['not_finite', 'customers/3/b', expect.any(String)],
      ['invalid_type', 'customers/3/c', 'is required: the model has this covariate'],
    ]);
  });
});

describe('individualParameters', () => {
  it('worked example: alpha_i = alpha exp(-g1 z1), a_i = a exp(g2 z2), b_i = b exp(g2 z2)', () => {
    const layout = { purchase: [{ index: 1, sign: -1 as const }], dropout: [{ index: 2, sign: 1 as const }, { index: 3, sign: 1 as const }] };
    // eta1 = 0.5 x 2 + (-1) x 1 = 0; eta2 = 0.25 x 4 = 1.
    const p = individualParameters([0.5, 4, 0.8, 2.4], layout, [0.5, -1], [2, 1], [0.25], [4]);
    expect(p[0]).toBe(0.5);
    expect(p[1]).toBe(4);
    expect(p[2]).toBeCloseTo(0.8 * Math.E, 14);
    expect(p[3]).toBeCloseTo(2.4 * Math.E, 14);
    // eta1 = 0.5 x 2 = 1 on the purchase side only: alpha / e.
    const q = individualParameters([0.5, 4, 0.8, 2.4], layout, [0.5], [2], [], []);
    expect(q).toEqual([0.5, 4 * Math.exp(-1), 0.8, 2.4]);
  });

  it('does not change the base array', () => {
    const base = [1, 2, 3, 4];
    individualParameters(base, { purchase: [{ index: 0, sign: 1 }], dropout: [] }, [1], [1], [], []);
    expect(base).toEqual([1, 2, 3, 4]);
  });
});

describe('groupByCovariates', () => {
  it('numbers groups in order of first row and lists each group’s rows in input order', () => {
    // Rows (z1 | z2): 0 (1 | 0), 1 (2 | 0), 2 (1 | 0), 3 (1 | 1), 4 (2 | 0), 5 (-0 | 0), 6 (0 | 0).
    const z1 = Float64Array.from([1, 2, 1, 1, 2, -0, 0]);
    const z2 = Float64Array.from([0, 0, 0, 1, 0, 0, 0]);
    const g = groupByCovariates(7, z1, 1, z2, 1);
    expect(g.count).toBe(4);
    // -0 and 0 are one value (one group).
    expect(Array.from(g.groupOf)).toEqual([0, 1, 0, 2, 1, 3, 3]);
    expect(Array.from(g.start)).toEqual([0, 2, 4, 5, 7]);
    expect(Array.from(g.rows)).toEqual([0, 2, 1, 4, 3, 5, 6]);
  });

  it('tells apart values that differ in either block or in any column, beyond the first hash slot (open addressing)', () => {
    // 200 rows, 50 distinct two-column purchase values, each seen 4 times: more rows than the
    // initial 16 slots, so probing and growth of the table are exercised.
    const n = 200;
    const z1 = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      z1[2 * i] = (i % 50) % 7;
      z1[2 * i + 1] = Math.floor((i % 50) / 7) + 0.5;
    }
    const g = groupByCovariates(n, z1, 2, new Float64Array(0), 0);
    expect(g.count).toBe(50);
    for (let i = 0; i < n; i++) expect(g.groupOf[i]).toBe(i % 50);
    for (let k = 0; k < 50; k++) expect(Array.from(g.rows.subarray(g.start[k], g.start[k + 1]))).toEqual([k, k + 50, k + 100, k + 150]);
    // Only the second dropout column differs: rows (0, 1), (0, 2), (0, 1) make two groups.
    const d = groupByCovariates(3, new Float64Array(0), 0, Float64Array.from([0, 1, 0, 2, 0, 1]), 2);
    expect(Array.from(d.groupOf)).toEqual([0, 1, 0]);
    // No covariates at all: one group.
    expect(groupByCovariates(3, new Float64Array(0), 0, new Float64Array(0), 0).count).toBe(1);
  });
});

describe('namedCovariateFit', () => {
  it('names the base parameters and their standard errors in the given order', () => {
    const fit = {
      parameters: [1, 2],
      logLikelihood: -5,
      baseStandardErrors: [0.1, 0.2],
      baseCovariance: [[0.01, 0], [0, 0.04]],
      effects: { purchase: [], dropout: [], coefficients: { purchase: {}, dropout: {} }, standardErrors: undefined, covariance: undefined, covarianceNames: ['r', 'alpha'] },
      convergence: { converged: true, method: 'bfgs', iterations: 3, functionEvaluations: 9, gradientNorm: 0, reason: 'gradient-tolerance', starts: 1 },
    } as unknown as CovariateEngineResult;
    const named = namedCovariateFit(['r', 'alpha'] as const, fit);
    expect(named.parameters).toEqual({ r: 1, alpha: 2 });
    expect(named.parameterNames).toEqual(['r', 'alpha']);
    expect(named.standardErrors).toEqual({ r: 0.1, alpha: 0.2 });
    expect(named.logLikelihood).toBe(-5);
    expect(named.covariance).toBe(fit.baseCovariance);
    expect(named.convergence).toBe(fit.convergence);
    expect(named.covariates).toBe(fit.effects);
    expect(namedCovariateFit(['r', 'alpha'], { ...fit, baseStandardErrors: undefined }).standardErrors).toBeUndefined();
  });
});

describe('checkSimulationCovariates', () => {
  it('worked example: gamma\' z per values row on each side', () => {
    const issues = new IssueList();
    const c = checkSimulationCovariates({ values: [{ a: 1, b: 2 }, { a: -1, b: 0 }, { a: 4, b: 8 }], purchase: { a: 0.5 }, dropout: { a: 1, b: 0.25 } }, ['options', 'covariates'], issues);
    expect(issues.isEmpty).toBe(true);
    // Row 0: purchase 0.5 x 1; dropout 1 x 1 + 0.25 x 2. Row 1: -0.5; -1. Row 2: 0.5 x 4; 4 + 0.25 x 8.
    expect(Array.from(c?.purchaseEta ?? [])).toEqual([0.5, -0.5, 2]);
    expect(Array.from(c?.dropoutEta ?? [])).toEqual([1.5, -1, 6]);
    expect(c?.values.length).toBe(3);
    expect(checkSimulationCovariates(undefined, ['o'], issues)).toBeUndefined();
    // No coefficients: eta 0 everywhere.
    expect(Array.from(checkSimulationCovariates({ values: [{}] }, ['o'], issues)?.purchaseEta ?? [9])).toEqual([0]);
    expect(issues.isEmpty).toBe(true);
  });

  it('reports every problem: type, unknown keys, coefficients, values', () => {
    const top = new IssueList();
    expect(checkSimulationCovariates(null, ['o'], top)).toBeUndefined();
    expect(checkSimulationCovariates(5, ['p'], top)).toBeUndefined();
    expect(summary(top)).toEqual([
      ['invalid_type', 'o', 'must be an object { values, purchase?, dropout? }'],
      ['invalid_type', 'p', 'must be an object { values, purchase?, dropout? }'],
    ]);
    const issues = new IssueList();
    expect(checkSimulationCovariates({ values: [], purchase: [], dropout: { T: 1, x: Number.NaN }, seed: 1 }, ['o'], issues)).toBeUndefined();
    expect(summary(issues)).toEqual([
      ['unrecognized_key', 'o/seed', 'is not an option (values, purchase, dropout)'],
      ['invalid_type', 'o/purchase', 'must be an object of coefficients by field name'],
      ['invalid_value', 'o/dropout/T', 'must be the name of a covariate field other than frequency, recency, T and weight'],
      ['not_finite', 'o/dropout/x', expect.any(String)],
      ['too_small', 'o/values', 'must be a non-empty array of covariate rows'],
    ]);
    const missing = new IssueList();
    expect(checkSimulationCovariates({}, ['o'], missing)).toBeUndefined();
    expect(summary(missing)).toEqual([['invalid_type', 'o/values', 'must be a non-empty array of covariate rows']]);
    const notArray = new IssueList();
    expect(checkSimulationCovariates({ values: { a: 1 } }, ['o'], notArray)).toBeUndefined();
    expect(summary(notArray).map((s) => s[0])).toEqual(['too_small']);
    // Bad coefficients with valid values: refused, and only the coefficient is reported.
    const coef = new IssueList();
    expect(checkSimulationCovariates({ values: [{ a: 1 }], purchase: { a: 'x' } }, ['o'], coef)).toBeUndefined();
    expect(summary(coef).map((s) => s[1])).toEqual(['o/purchase/a']);
    const coef2 = new IssueList();
    expect(checkSimulationCovariates({ values: [{ a: 1 }], dropout: null }, ['o'], coef2)).toBeUndefined();
    expect(summary(coef2).map((s) => s[1])).toEqual(['o/dropout']);
  });

  it('reports rows that are not objects or lack a named covariate, every row', () => {
    const issues = new IssueList();
    expect(checkSimulationCovariates({ values: [null, { a: 1 }, {}, 4], purchase: { a: 1 } }, ['o'], issues)).toBeUndefined();
    expect(summary(issues)).toEqual([
      ['invalid_type', 'o/values/0', 'must be an object of covariate values'],
      ['invalid_type', 'o/values/2/a', 'is required: the model has this covariate'],
      ['invalid_type', 'o/values/3', 'must be an object of covariate values'],
    ]);
  });
});
