/**
 * A model's covariates at the prediction boundary (predictions/covariateParameters.ts): checking a
 * fitted model's `covariates`, and each customer's own parameters for the scalar and batch
 * predictions. Models are typed in from parameters here; fitted ones are used in
 * test/clv-covariates.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { IssueList } from '../../_lib/validate.js';
import { BG_NBD_LAYOUT } from '../bgNbd/fitBgNbdCovariates.js';
import { PARETO_NBD_LAYOUT } from '../paretoNbd/fitParetoNbdCovariates.js';
import { batchParameters, checkModelCovariates, customerParameters } from './covariateParameters.js';
import { checkTransactionModel, type CheckedModel } from './transactionModels.js';

const summary = (issues: IssueList) => issues.toArray().map((i) => [i.code, i.path.join('/'), i.message]);

// Pareto/NBD with one purchase covariate (g1 = ln 2 on `vip`) and one dropout covariate (g2 = ln 4 on `age`).
const pareto = {
  kind: 'pareto-nbd',
  parameters: { r: 0.5, alpha: 10, s: 0.6, beta: 12 },
  timeUnit: 'week',
  covariates: { purchase: ['vip'], dropout: ['age'], coefficients: { purchase: { vip: Math.LN2 }, dropout: { age: Math.log(4) } } },
} as const;

function checked(spec: unknown): CheckedModel {
  const issues = new IssueList();
  const m = checkTransactionModel(spec, 'model', issues, true);
  expect(summary(issues)).toEqual([]);
  return m as CheckedModel;
}

describe('checkModelCovariates', () => {
  it('reads names and finite coefficients in the order of the names', () => {
    const issues = new IssueList();
    const c = checkModelCovariates({ purchase: ['a', 'b'], dropout: [], coefficients: { purchase: { b: 2, a: -1 }, dropout: {} } }, ['model', 'covariates'], BG_NBD_LAYOUT, issues);
    expect(issues.isEmpty).toBe(true);
    expect(c?.purchase).toEqual(['a', 'b']);
    expect(Array.from(c?.g1 ?? [])).toEqual([-1, 2]);
    expect(c?.g2.length).toBe(0);
    expect(c?.layout).toBe(BG_NBD_LAYOUT);
  });

  it('reports a covariates value that is not an object, bad name lists and bad coefficients', () => {
    const issues = new IssueList();
    expect(checkModelCovariates(null, ['m'], BG_NBD_LAYOUT, issues)).toBeUndefined();
    expect(checkModelCovariates('x', ['n'], BG_NBD_LAYOUT, issues)).toBeUndefined();
    expect(summary(issues)).toEqual([
      ['invalid_type', 'm', 'must be the covariates object of a fitted model'],
      ['invalid_type', 'n', 'must be the covariates object of a fitted model'],
    ]);
    const lists = new IssueList();
    expect(checkModelCovariates({ purchase: 'a', dropout: [1], coefficients: null }, ['m'], BG_NBD_LAYOUT, lists)).toBeUndefined();
    expect(summary(lists)).toEqual([
      ['invalid_type', 'm/purchase', 'must be an array of field names'],
      ['invalid_type', 'm/dropout', 'must be an array of field names'],
      ['invalid_type', 'm/coefficients', 'must be an object { purchase, dropout }'],
    ]);
    // Valid coefficients but a bad list: refused, the list named.
    const one = new IssueList();
    expect(checkModelCovariates({ purchase: ['a'], dropout: 'b', coefficients: { purchase: { a: 1 }, dropout: {} } }, ['m'], BG_NBD_LAYOUT, one)).toBeUndefined();
    expect(summary(one).map((s) => s[1])).toEqual(['m/dropout']);
    const coef = new IssueList();
    const inherited = Object.create({ a: 1 }) as object;
    expect(checkModelCovariates({ purchase: ['a'], dropout: ['b'], coefficients: { purchase: inherited, dropout: 3 } }, ['m'], BG_NBD_LAYOUT, coef)).toBeUndefined();
    expect(summary(coef)).toEqual([
      ['invalid_type', 'm/coefficients/purchase/a', expect.any(String)],
      ['invalid_type', 'm/coefficients/dropout', 'must be an object of coefficients by name'],
    ]);
    // Only the dropout coefficients bad.
    const drop = new IssueList();
    expect(checkModelCovariates({ purchase: ['a'], dropout: ['b'], coefficients: { purchase: { a: 1 }, dropout: { b: Number.NaN } } }, ['m'], BG_NBD_LAYOUT, drop)).toBeUndefined();
    expect(summary(drop).map((s) => s.slice(0, 2))).toEqual([['not_finite', 'm/coefficients/dropout/b']]);
  });
});

describe('customerParameters', () => {
  it('gives a model without covariates its own parameter object, and nothing for no model', () => {
    const m = checked({ kind: 'bg-nbd', parameters: { r: 1, alpha: 2, a: 3, b: 4 } });
    expect(customerParameters(m, { anything: 1 }, ['customer'], new IssueList())).toBe(m.parameters);
    expect(customerParameters(undefined, {}, ['customer'], new IssueList())).toBeUndefined();
  });

  it('worked example (Pareto/NBD): alpha_i = alpha e^(-g1 vip), beta_i = beta e^(-g2 age)', () => {
    const m = checked(pareto);
    const issues = new IssueList();
    // vip 1: alpha 10 / 2 = 5; age 0.5: beta 12 / 4^0.5 = 6.
    const p = customerParameters(m, { frequency: 1, recency: 1, T: 2, vip: 1, age: 0.5 }, ['customer'], issues);
    expect(issues.isEmpty).toBe(true);
    expect(Object.keys(p ?? {})).toEqual(['r', 'alpha', 's', 'beta']);
    expect(p?.['r']).toBe(0.5);
    expect(p?.['alpha']).toBeCloseTo(5, 13);
    expect(p?.['s']).toBe(0.6);
    expect(p?.['beta']).toBeCloseTo(6, 13);
  });

  it('worked example (BG/NBD): a and b move together with the dropout covariate', () => {
    const m = checked({ kind: 'bg-nbd', parameters: { r: 1, alpha: 2, a: 3, b: 4 }, covariates: { purchase: [], dropout: ['z'], coefficients: { purchase: {}, dropout: { z: Math.LN2 } } } });
    expect(m.covariates?.layout).toBe(BG_NBD_LAYOUT);
    expect(customerParameters(m, { z: 1 }, ['c'], new IssueList())).toEqual({ r: 1, alpha: 2, a: 6, b: 8 });
  });

  it('reports missing values and parameters beyond floating-point range', () => {
    const m = checked(pareto);
    expect(m.covariates?.layout).toBe(PARETO_NBD_LAYOUT);
    const issues = new IssueList();
    expect(customerParameters(m, { vip: 1 }, ['customer'], issues)).toBeUndefined();
    expect(summary(issues).map((s) => s[1])).toEqual(['customer/age']);
    // Not an object: nothing (checkHistory reports it).
    expect(customerParameters(m, null, ['customer'], new IssueList())).toBeUndefined();
    const far = new IssueList();
    // e^(-ln 2 x 2000) underflows alpha to 0; e^(ln 2 x 2000)... overflows to Infinity.
    expect(customerParameters(m, { vip: 2000, age: 0 }, ['customer'], far)).toBeUndefined();
    expect(customerParameters(m, { vip: -2000, age: 0 }, ['other'], far)).toBeUndefined();
    expect(summary(far)).toEqual([
      ['too_big', 'customer', 'has covariate values that put its parameters beyond floating-point range (exp(coefficient x value) overflows or underflows)'],
      ['too_big', 'other', 'has covariate values that put its parameters beyond floating-point range (exp(coefficient x value) overflows or underflows)'],
    ]);
  });
});

describe('batchParameters', () => {
  it('reads rows and columns alike, customer by customer', () => {
    const m = checked(pareto);
    const rows = [
      { vip: 0, age: 0 },
      { vip: 1, age: 0.5 },
      { vip: 2, age: 1 },
    ];
    const issues = new IssueList();
    const fromRows = batchParameters(m, rows, 3, 'customers', issues);
    const fromColumns = batchParameters(m, { vip: [0, 1, 2], age: Float64Array.from([0, 0.5, 1]) }, 3, 'customers', issues);
    expect(issues.isEmpty).toBe(true);
    for (const at of [fromRows, fromColumns]) {
      expect(at?.(0)).toEqual({ r: 0.5, alpha: 10, s: 0.6, beta: 12 });
      expect(at?.(1)['alpha']).toBeCloseTo(5, 13);
      expect(at?.(1)['beta']).toBeCloseTo(6, 13);
      expect(at?.(2)['alpha']).toBeCloseTo(2.5, 13);
      expect(at?.(2)['beta']).toBeCloseTo(3, 13);
    }
    // Each row equals the scalar function's parameters.
    rows.forEach((row, i) => expect(fromRows?.(i)).toEqual(customerParameters(m, row, ['c'], new IssueList())));
  });

  it('gives every customer the model parameters without covariates, and nothing without a model or with a bad input form', () => {
    const m = checked({ kind: 'bg-nbd', parameters: { r: 1, alpha: 2, a: 3, b: 4 } });
    expect(batchParameters(m, [], 0, 'c', new IssueList())?.(5)).toBe(m.parameters);
    expect(batchParameters(undefined, [], 0, 'c', new IssueList())).toBeUndefined();
    expect(batchParameters(checked(pareto), 'rows', 1, 'c', new IssueList())).toBeUndefined();
  });

  it('reports each bad row, missing or bad column and out-of-range customer', () => {
    const m = checked(pareto);
    const rows = new IssueList();
    expect(batchParameters(m, [{ vip: 0, age: 0 }, { vip: 0 }, { vip: 'x', age: 0 }], 3, 'customers', rows)).toBeUndefined();
    expect(summary(rows).map((s) => s.slice(0, 2))).toEqual([
      ['invalid_type', 'customers/1/age'],
      ['invalid_type', 'customers/2/vip'],
    ]);
    const cols = new IssueList();
    expect(batchParameters(m, { vip: [0, Number.NaN] }, 2, 'customers', cols)).toBeUndefined();
    expect(summary(cols)).toEqual([
      ['not_finite', 'customers/vip/1', expect.any(String)],
      ['invalid_type', 'customers/age', 'is required: the model has this covariate (one number per customer)'],
    ]);
    const lengths = new IssueList();
    expect(batchParameters(m, { vip: [0], age: 'ab' }, 2, 'customers', lengths)).toBeUndefined();
    expect(summary(lengths)).toEqual([
      ['invalid_structure', 'customers/vip', 'must be an array of 2 numbers, one per customer'],
      ['invalid_structure', 'customers/age', 'must be an array of 2 numbers, one per customer'],
    ]);
    const inherited = Object.create({ vip: [0] }) as Record<string, unknown>;
    inherited['age'] = [0];
    const inh = new IssueList();
    expect(batchParameters(m, inherited, 1, 'customers', inh)).toBeUndefined();
    expect(summary(inh).map((s) => s[1])).toEqual(['customers/vip']);
    const far = new IssueList();
    expect(batchParameters(m, [{ vip: 0, age: 0 }, { vip: 2000, age: 0 }, { vip: 0, age: -2000 }], 3, 'customers', far)).toBeUndefined();
    expect(summary(far).map((s) => s.slice(0, 2))).toEqual([
      ['too_big', 'customers/1'],
      ['too_big', 'customers/2'],
    ]);
  });
});

describe('checkTransactionModel with covariates', () => {
  const run = (spec: unknown, accept: boolean) => {
    const issues = new IssueList();
    const out = checkTransactionModel(spec, 'model', issues, accept);
    return { out, lines: summary(issues) };
  };

  it('keeps the checked covariates, with the layout of the model family', () => {
    const { out } = run(pareto, true);
    expect(out?.covariates?.purchase).toEqual(['vip']);
    expect(out?.covariates?.layout).toBe(PARETO_NBD_LAYOUT);
    // Without covariates no `covariates` key at all.
    expect(Object.keys(run({ kind: 'bg-nbd', parameters: { r: 1, alpha: 2, a: 3, b: 4 } }, true).out ?? {})).toEqual(['kind', 'kernel', 'parameters', 'timeUnit']);
  });

  it('refuses covariates where they cannot be read, on MBG/NBD, and malformed ones', () => {
    expect(run(pareto, false)).toEqual({
      out: undefined,
      lines: [['invalid_value', 'model/covariates', 'is not supported here: use expectedPurchases, probabilityAlive, customerLifetimeValue or the other functions that read each customer\'s covariate values']],
    });
    // The default is to refuse them.
    const issues = new IssueList();
    expect(checkTransactionModel(pareto, 'model', issues)).toBeUndefined();
    expect(issues.toArray().length).toBe(1);
    expect(run({ kind: 'mbg-nbd', parameters: { r: 1, alpha: 2, a: 3, b: 4 }, covariates: pareto.covariates }, true)).toEqual({
      out: undefined,
      lines: [['invalid_value', 'model/covariates', 'are supported for "bg-nbd" and "pareto-nbd" models only']],
    });
    expect(run({ ...pareto, covariates: { purchase: ['vip'] } }, true).out).toBeUndefined();
    // A bad parameter beside valid covariates: refused all the same.
    expect(run({ ...pareto, parameters: { ...pareto.parameters, r: 0 } }, true).out).toBeUndefined();
  });
});
