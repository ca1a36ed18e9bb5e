import { describe, expect, it } from 'vitest';
import { Decimal } from '../../_lib/money.js';
import { IssueList } from '../../_lib/validate.js';
import { checkSpendHistories, checkSpendHistory, checkSpendModel } from './spendInput.js';

const lines = (issues: IssueList) => issues.toArray().map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`);

describe('checkSpendModel', () => {
  const run = (value: unknown, path: string | (string | number)[] = 'spendModel') => {
    const issues = new IssueList();
    const out = checkSpendModel(value, path, issues);
    return { out, lines: lines(issues) };
  };

  it('returns p, q and gamma only, with or without kind', () => {
    expect(run({ kind: 'gamma-gamma', parameters: { p: 6.25, q: 3.74, gamma: 15.44, extra: 1 }, logLikelihood: -5 })).toEqual({ out: { p: 6.25, q: 3.74, gamma: 15.44 }, lines: [] });
    expect(run({ parameters: { p: 1, q: 0.5, gamma: 2 } })).toEqual({ out: { p: 1, q: 0.5, gamma: 2 }, lines: [] });
  });

  it.each([
    ['undefined', undefined, ['invalid_type spendModel: is required']],
    ['a number', 3, ['invalid_type spendModel: must be a fitted Gamma-Gamma model']],
    ['null', null, ['invalid_type spendModel: must be a fitted Gamma-Gamma model']],
    ['a transaction model', { kind: 'bg-nbd', parameters: { p: 1, q: 1, gamma: 1 } }, ['invalid_value spendModel.kind: must be "gamma-gamma"']],
    ['no parameters', { kind: 'gamma-gamma' }, ['invalid_type spendModel.parameters: is required']],
    ['a number as parameters', { parameters: 5 }, ['invalid_type spendModel.parameters: must be an object of parameters']],
    ['null parameters', { parameters: null }, ['invalid_type spendModel.parameters: must be an object of parameters']],
    [
      'every parameter wrong',
      { parameters: { p: 0, q: -1, gamma: Infinity } },
      ['too_small spendModel.parameters.p: must be greater than 0', 'too_small spendModel.parameters.q: must be greater than 0', 'not_finite spendModel.parameters.gamma: must be a finite number'],
    ],
    ['a missing gamma', { parameters: { p: 1, q: 2 } }, ['invalid_type spendModel.parameters.gamma: is required']],
  ])('rejects %s', (_, value, expected) => {
    expect(run(value)).toEqual({ out: undefined, lines: expected });
  });

  it('prefixes an array path', () => {
    expect(run({ parameters: { p: 1, q: 0, gamma: 1 } }, ['input', 'spendModel']).lines).toEqual(['too_small input.spendModel.parameters.q: must be greater than 0']);
  });
});

describe('checkSpendHistory', () => {
  const run = (value: unknown, path: string | (string | number)[] = 'customer') => {
    const issues = new IssueList();
    const out = checkSpendHistory(value, path, issues);
    return { out, lines: lines(issues) };
  };

  it('returns frequency and spend as numbers; spend may be anything finite without repeat purchases', () => {
    expect(run({ frequency: 3, monetaryValue: '10.25' })).toEqual({ out: { x: 3, m: 10.25 }, lines: [] });
    expect(run({ frequency: 1, monetaryValue: new Decimal('0.5') })).toEqual({ out: { x: 1, m: 0.5 }, lines: [] });
    expect(run({ frequency: 0, monetaryValue: 0 })).toEqual({ out: { x: 0, m: 0 }, lines: [] });
    expect(run({ frequency: 0, monetaryValue: -4 })).toEqual({ out: { x: 0, m: -4 }, lines: [] });
  });

  it.each([
    ['undefined', undefined, ['invalid_type customer: is required']],
    ['a number', 4, ['invalid_type customer: must be an object with frequency and monetaryValue']],
    ['null', null, ['invalid_type customer: must be an object with frequency and monetaryValue']],
    ['a fractional frequency', { frequency: 0.5, monetaryValue: 1 }, ['not_integer customer.frequency: must be a whole number']],
    ['a NaN spend', { frequency: 1, monetaryValue: Number.NaN }, ['not_finite customer.monetaryValue: must be a finite amount']],
    ['an infinite spend without purchases', { frequency: 0, monetaryValue: Infinity }, ['not_finite customer.monetaryValue: must be a finite amount']],
    ['a missing spend', { frequency: 2 }, ['invalid_type customer.monetaryValue: must be a number, a decimal string or a Decimal']],
    ['both wrong', { frequency: -2, monetaryValue: 'x' }, ['too_small customer.frequency: must be at least 0', 'invalid_type customer.monetaryValue: must be a decimal number string such as "12.50"']],
    ['a zero spend', { frequency: 1, monetaryValue: 0 }, ['too_small customer.monetaryValue: must be greater than 0 for a customer with repeat purchases']],
    ['a negative spend string', { frequency: 4, monetaryValue: '-1' }, ['too_small customer.monetaryValue: must be greater than 0 for a customer with repeat purchases']],
  ])('rejects %s', (_, value, expected) => {
    expect(run(value)).toEqual({ out: undefined, lines: expected });
  });

  it('prefixes an array path', () => {
    expect(run({ frequency: 1, monetaryValue: 0 }, ['input', 'customers', 2]).lines).toEqual(['too_small input.customers.2.monetaryValue: must be greater than 0 for a customer with repeat purchases']);
  });
});

describe('checkSpendHistories', () => {
  const run = (value: unknown) => {
    const issues = new IssueList();
    const out = checkSpendHistories(value, 'customers', issues);
    return { out: out && { x: Array.from(out.x), m: Array.from(out.m) }, lines: lines(issues) };
  };

  it('returns columns in input order', () => {
    expect(run([{ frequency: 0, monetaryValue: 0 }, { frequency: 2, monetaryValue: '3.5' }])).toEqual({ out: { x: [0, 2], m: [0, 3.5] }, lines: [] });
    expect(run([])).toEqual({ out: { x: [], m: [] }, lines: [] });
  });

  it.each([
    ['undefined', undefined, ['invalid_type customers: is required']],
    ['a string', 'x', ['invalid_type customers: must be an array']],
    [
      'two bad rows',
      [{ frequency: 1, monetaryValue: 0 }, { frequency: 1, monetaryValue: 1 }, null],
      ['too_small customers.0.monetaryValue: must be greater than 0 for a customer with repeat purchases', 'invalid_type customers.2: must be an object with frequency and monetaryValue'],
    ],
  ])('rejects %s', (_, value, expected) => {
    expect(run(value)).toEqual({ out: undefined, lines: expected });
  });
});
