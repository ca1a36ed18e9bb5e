import { describe, expect, it } from 'vitest';
import { IssueList } from '../../_lib/validate.js';
import { checkHistories, checkHistory, checkHistoryRows, checkHorizon } from './historyInput.js';
import { checkTransactionModel } from '../predictions/transactionModels.js';
import { transactionKernels } from '../predictions/transactionModels.js';

// The issues an IssueList collected, as `code path: message` lines.
const lines = (issues: IssueList) => issues.toArray().map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`);

const UNIT_LIST = '"day", "week", "month", "quarter", "year"';

describe('checkHistoryRows', () => {
  const run = (rows: unknown, options = { weights: true, minRows: 0 }) => {
    const issues = new IssueList();
    const out = checkHistoryRows(rows, 'customers', issues, options);
    return { out, lines: lines(issues) };
  };

  it('accepts a weight of exactly 1e15 customers (the documented cap), on the fast and the detailed path', () => {
    expect([...(run([{ frequency: 2, recency: 1, T: 2, weight: 1e15 }]).out?.w ?? [])]).toEqual([1e15]);
    // A bad T sends the row to the detailed checks: the weight itself raises no issue there.
    expect(run([{ frequency: 2, recency: 1, T: -1, weight: 1e15 }]).lines.filter((l: string) => l.includes('weight'))).toEqual([]);
  });

  it('turns valid rows into columns, weights defaulting to 1', () => {
    const { out, lines: l } = run([
      { frequency: 2, recency: 3.5, T: 10, weight: 4 },
      { frequency: 0, recency: 0, T: 7 },
      { frequency: 1, recency: 7, T: 7, weight: 0 },
    ]);
    expect(l).toEqual([]);
    expect(out).toBeDefined();
    const cols = out as NonNullable<typeof out>;
    expect(Array.from(cols.x)).toEqual([2, 0, 1]);
    expect(Array.from(cols.tx)).toEqual([3.5, 0, 7]);
    expect(Array.from(cols.T)).toEqual([10, 7, 7]);
    expect(Array.from(cols.w)).toEqual([4, 1, 0]);
  });

  it('enforces the minimum row count with a singular or plural message', () => {
    expect(run([], { weights: true, minRows: 1 }).lines).toEqual(['too_small customers: must have at least 1 item']);
    expect(run([{ frequency: 0, recency: 0, T: 1 }], { weights: true, minRows: 2 }).lines).toEqual(['too_small customers: must have at least 2 items']);
    // Exactly minRows rows is enough.
    expect(run([{ frequency: 0, recency: 0, T: 1 }], { weights: true, minRows: 1 }).out?.x.length).toBe(1);
    expect(run([], { weights: true, minRows: 0 }).out?.x.length).toBe(0);
  });

  it('rejects a non-array with its own message', () => {
    expect(run(undefined)).toEqual({ out: undefined, lines: ['invalid_type customers: is required'] });
    expect(run({ frequency: [1] })).toEqual({ out: undefined, lines: ['invalid_type customers: must be an array'] });
  });

  // Each row breaks exactly one rule; every row must be rejected with exactly this issue.
  it.each([
    ['a null row', null, 'invalid_type customers.0: must be an object with frequency, recency and T'],
    ['a number row', 3, 'invalid_type customers.0: must be an object with frequency, recency and T'],
    ['a negative frequency', { frequency: -1, recency: 0, T: 1 }, 'too_small customers.0.frequency: must be at least 0'],
    ['a fractional frequency', { frequency: 1.5, recency: 0, T: 1 }, 'not_integer customers.0.frequency: must be a whole number'],
    ['an infinite frequency', { frequency: Infinity, recency: 0, T: 1 }, 'not_finite customers.0.frequency: must be a finite number'],
    ['a string frequency', { frequency: '2', recency: 1, T: 2 }, 'invalid_type customers.0.frequency: must be a number'],
    ['a string recency', { frequency: 2, recency: '1', T: 2 }, 'invalid_type customers.0.recency: must be a number'],
    ['a missing recency', { frequency: 2, T: 2 }, 'invalid_type customers.0.recency: is required'],
    ['a negative recency', { frequency: 2, recency: -1, T: 2 }, 'too_small customers.0.recency: must be at least 0'],
    ['a string T', { frequency: 2, recency: 1, T: '5' }, 'invalid_type customers.0.T: must be a number'],
    ['an infinite T', { frequency: 2, recency: 1, T: Infinity }, 'not_finite customers.0.T: must be a finite number'],
    ['a NaN T', { frequency: 0, recency: 0, T: Number.NaN }, 'not_finite customers.0.T: must be a finite number'],
    ['recency > T', { frequency: 2, recency: 3, T: 2 }, 'invalid_order customers.0.recency: must not be greater than T'],
    ['recency > 0 with frequency 0', { frequency: 0, recency: 1, T: 2 }, 'invalid_structure customers.0.recency: must be 0 when frequency is 0'],
    ['a negative weight', { frequency: 2, recency: 1, T: 2, weight: -1 }, 'too_small customers.0.weight: must be at least 0'],
    ['a string weight', { frequency: 2, recency: 1, T: 2, weight: '2' }, 'invalid_type customers.0.weight: must be a number'],
    ['a weight beyond 1e15 customers', { frequency: 2, recency: 1, T: 2, weight: 1e300 }, 'too_big customers.0.weight: must be at most 1000000000000000'],
    ['an infinite weight', { frequency: 2, recency: 1, T: 2, weight: Infinity }, 'not_finite customers.0.weight: must be a finite number'],
    ['an infinite weight', { frequency: 2, recency: 1, T: 2, weight: Infinity }, 'not_finite customers.0.weight: must be a finite number'],
  ])('rejects %s', (_, row, line) => {
    expect(run([row])).toEqual({ out: undefined, lines: [line] });
    // The same row after a valid one carries its own index.
    expect(run([{ frequency: 1, recency: 1, T: 1 }, row]).lines).toEqual([line.replace('customers.0', 'customers.1')]);
  });

  it('refuses weights where they are not accepted', () => {
    expect(run([{ frequency: 2, recency: 1, T: 2, weight: 1 }], { weights: false, minRows: 0 })).toEqual({
      out: undefined,
      lines: ['unrecognized_key customers.0.weight: is not accepted here'],
    });
    expect(run([{ frequency: 2, recency: 1, T: 2 }], { weights: false, minRows: 0 }).out?.w[0]).toBe(1);
  });

  it('checks the order of recency and T only when all three numbers are valid, and reports every field', () => {
    // frequency invalid and recency > T: only the frequency is reported (the order is not checked).
    expect(run([{ frequency: -1, recency: 3, T: 2 }]).lines).toEqual(['too_small customers.0.frequency: must be at least 0']);
    expect(run([{ frequency: 1, recency: 3, T: -2 }]).lines).toEqual(['too_small customers.0.T: must be at least 0']);
    // Several bad fields of one row, and a bad weight next to a bad order.
    expect(run([{ frequency: 'a', recency: -1, T: Number.NaN }]).lines).toEqual([
      'invalid_type customers.0.frequency: must be a number',
      'too_small customers.0.recency: must be at least 0',
      'not_finite customers.0.T: must be a finite number',
    ]);
    expect(run([{ frequency: 1, recency: 3, T: 2, weight: -1 }]).lines).toEqual([
      'too_small customers.0.weight: must be at least 0',
      'invalid_order customers.0.recency: must not be greater than T',
    ]);
    // recency = T is not an order problem, also on the slow path taken for a bad weight.
    expect(run([{ frequency: 1, recency: 2, T: 2, weight: -1 }]).lines).toEqual(['too_small customers.0.weight: must be at least 0']);
    // A bad row among good ones fails the whole input.
    expect(run([{ frequency: 1, recency: 1, T: 2 }, { frequency: 1, recency: 1, T: 2, weight: -1 }, { frequency: 1, recency: 1, T: 2 }]).out).toBeUndefined();
  });
});

describe('checkHistories', () => {
  const run = (value: unknown) => {
    const issues = new IssueList();
    const out = checkHistories(value, 'customers', issues);
    return { out, lines: lines(issues) };
  };

  it('accepts rows (with weights) and columns', () => {
    const rows = run([{ frequency: 1, recency: 2, T: 3, weight: 2 }]);
    expect(Array.from(rows.out?.w ?? [])).toEqual([2]);
    const cols = run({ frequency: [0, 3], recency: [0, 2.5], T: Int16Array.of(4, 5) });
    expect(cols.lines).toEqual([]);
    const out = cols.out as NonNullable<typeof cols.out>;
    expect(out.x).toBeInstanceOf(Float64Array);
    expect(out.tx).toBeInstanceOf(Float64Array);
    expect(out.T).toBeInstanceOf(Float64Array);
    expect(Array.from(out.x)).toEqual([0, 3]);
    expect(Array.from(out.tx)).toEqual([0, 2.5]);
    expect(Array.from(out.T)).toEqual([4, 5]);
    expect(out.w.length).toBe(0);
  });

  it('uses Float64Array columns as they are and copies other arrays', () => {
    const frequency = Float64Array.of(1, 2);
    const recency = Float64Array.of(1, 2);
    const T = Float64Array.of(3, 4);
    const out = run({ frequency, recency, T }).out as NonNullable<ReturnType<typeof run>['out']>;
    expect(out.x).toBe(frequency);
    expect(out.tx).toBe(recency);
    expect(out.T).toBe(T);
    expect(frequency).toEqual(Float64Array.of(1, 2));
  });

  it.each([
    ['undefined', undefined, ['invalid_type customers: is required']],
    ['a number', 5, ['invalid_type customers: must be an array of histories or an object of columns']],
    ['null', null, ['invalid_type customers: must be an array of histories or an object of columns']],
    ['columns of different lengths', { frequency: [1, 2], recency: [0.5], T: [2, 3] }, ['invalid_structure customers: frequency, recency and T must have the same length']],
    ['a short T column', { frequency: [1, 2], recency: [0.5, 1], T: [2] }, ['invalid_structure customers: frequency, recency and T must have the same length']],
    ['a missing column', { frequency: [1], recency: [0] }, ['invalid_type customers.T: is required']],
    ['only the frequency column wrong', { frequency: [1.5], recency: [0.5], T: [2] }, ['not_integer customers.frequency.0: must be a whole number']],
    ['only the recency column wrong', { frequency: [1], recency: [Number.NaN], T: [2] }, ['not_finite customers.recency.0: must be a finite number']],
    ['a negative T', { frequency: [0], recency: [0], T: [-1] }, ['too_small customers.T.0: must be at least 0']],
    [
      'bad values in every column',
      { frequency: [1.5], recency: [-1], T: ['x'] },
      ['not_integer customers.frequency.0: must be a whole number', 'too_small customers.recency.0: must be at least 0', 'invalid_type customers.T.0: must be a number'],
    ],
    [
      'two rows out of order, both reported',
      { frequency: [1, 1, 0], recency: [5, 1, 2], T: [4, 3, 3] },
      ['invalid_order customers.0.recency: must not be greater than T', 'invalid_structure customers.2.recency: must be 0 when frequency is 0'],
    ],
    ['recency > 0 with frequency 0', { frequency: [0], recency: [1], T: [3] }, ['invalid_structure customers.0.recency: must be 0 when frequency is 0']],
    ['recency > T', { frequency: [2], recency: [4], T: [3] }, ['invalid_order customers.0.recency: must not be greater than T']],
  ])('rejects %s', (_, value, expected) => {
    expect(run(value)).toEqual({ out: undefined, lines: expected });
  });

  it('accepts recency equal to T and frequency 0 with recency 0', () => {
    const out = run({ frequency: [2, 0], recency: [3, 0], T: [3, 3] });
    expect(out.lines).toEqual([]);
    expect(out.out).toBeDefined();
  });
});

describe('checkHistory', () => {
  const run = (value: unknown, path: string | (string | number)[] = 'customer') => {
    const issues = new IssueList();
    const out = checkHistory(value, path, issues);
    return { out, lines: lines(issues) };
  };

  it('returns the history, with a string or array path', () => {
    expect(run({ frequency: 2, recency: 1, T: 2 })).toEqual({ out: { x: 2, tx: 1, T: 2 }, lines: [] });
    // recency = T is allowed (a purchase on the last day), as is frequency 0 with recency 0.
    expect(run({ frequency: 2, recency: 2, T: 2 })).toEqual({ out: { x: 2, tx: 2, T: 2 }, lines: [] });
    expect(run({ frequency: 0, recency: 0, T: 0 })).toEqual({ out: { x: 0, tx: 0, T: 0 }, lines: [] });
    expect(run({ frequency: 2, recency: 3, T: 2 }, ['input', 'customers', 4]).lines).toEqual(['invalid_order input.customers.4.recency: must not be greater than T']);
  });

  it.each([
    ['undefined', undefined, ['invalid_type customer: is required']],
    ['a string', 'abc', ['invalid_type customer: must be an object with frequency, recency and T']],
    ['null', null, ['invalid_type customer: must be an object with frequency, recency and T']],
    ['an empty object', {}, ['invalid_type customer.frequency: is required', 'invalid_type customer.recency: is required', 'invalid_type customer.T: is required']],
    ['a bad recency and order', { frequency: 1, recency: -1, T: -2 }, ['too_small customer.recency: must be at least 0', 'too_small customer.T: must be at least 0']],
    ['a fractional frequency', { frequency: 0.5, recency: 0, T: 1 }, ['not_integer customer.frequency: must be a whole number']],
    ['recency > 0 with frequency 0', { frequency: 0, recency: 1, T: 2 }, ['invalid_structure customer.recency: must be 0 when frequency is 0']],
  ])('rejects %s', (_, value, expected) => {
    expect(run(value)).toEqual({ out: undefined, lines: expected });
  });
});

describe('checkTransactionModel', () => {
  const run = (value: unknown, path: string | (string | number)[] = 'model') => {
    const issues = new IssueList();
    const out = checkTransactionModel(value, path, issues);
    return { out, lines: lines(issues) };
  };
  const parameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

  it('returns the kind, its kernel, only the named parameters and the time unit', () => {
    const { out, lines: l } = run({ kind: 'mbg-nbd', parameters: { ...parameters, extra: 5 }, timeUnit: 'day' });
    expect(l).toEqual([]);
    expect(out).toEqual({ kind: 'mbg-nbd', kernel: transactionKernels['mbg-nbd'], parameters, timeUnit: 'day' });
    expect(out?.kernel).toBe(transactionKernels['mbg-nbd']);
    expect(run({ kind: 'bg-nbd', parameters }).out).toEqual({ kind: 'bg-nbd', kernel: transactionKernels['bg-nbd'], parameters, timeUnit: undefined });
    const pareto = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
    expect(run({ kind: 'pareto-nbd', parameters: pareto, timeUnit: 'week' }, ['input', 'transactionModel']).out?.parameters).toEqual(pareto);
  });

  it.each([
    ['undefined', undefined, ['invalid_type model: is required']],
    ['a string', 'bg-nbd', ['invalid_type model: must be a fitted transaction model']],
    ['null', null, ['invalid_type model: must be a fitted transaction model']],
    ['an unknown kind', { kind: 'pareto', parameters }, ['invalid_value model.kind: must be one of "bg-nbd", "mbg-nbd", "pareto-nbd"']],
    ['a numeric kind', { kind: 3, parameters }, ['invalid_value model.kind: must be one of "bg-nbd", "mbg-nbd", "pareto-nbd"']],
    ['no parameters', { kind: 'bg-nbd' }, ['invalid_type model.parameters: is required']],
    ['null parameters', { kind: 'bg-nbd', parameters: null }, ['invalid_type model.parameters: must be an object of parameters']],
    [
      'several bad parameters',
      { kind: 'bg-nbd', parameters: { r: 0, alpha: -1, a: Number.NaN } },
      ['too_small model.parameters.r: must be greater than 0', 'too_small model.parameters.alpha: must be greater than 0', 'not_finite model.parameters.a: must be a finite number', 'invalid_type model.parameters.b: is required'],
    ],
    ['a bad time unit', { kind: 'bg-nbd', parameters, timeUnit: 'hour' }, [`invalid_value model.timeUnit: must be one of ${UNIT_LIST}`]],
    ['a numeric time unit', { kind: 'bg-nbd', parameters, timeUnit: 7 }, [`invalid_value model.timeUnit: must be one of ${UNIT_LIST}`]],
    [
      'a bad parameter and a bad time unit',
      { kind: 'pareto-nbd', parameters: { r: 1, alpha: 1, s: 1, beta: 0 }, timeUnit: 'hour' },
      ['too_small model.parameters.beta: must be greater than 0', `invalid_value model.timeUnit: must be one of ${UNIT_LIST}`],
    ],
  ])('rejects %s', (_, value, expected) => {
    expect(run(value)).toEqual({ out: undefined, lines: expected });
  });

  it('uses an array path as given', () => {
    expect(run({ kind: 'x' }, ['input', 'transactionModel']).lines).toEqual(['invalid_value input.transactionModel.kind: must be one of "bg-nbd", "mbg-nbd", "pareto-nbd"']);
  });
});

describe('checkHorizon', () => {
  const run = (value: unknown, dataUnit: 'day' | 'week' | 'month' | 'quarter' | 'year' | undefined) => {
    const issues = new IssueList();
    const out = checkHorizon(value, 'horizon', dataUnit, 'model', issues);
    return { out, lines: lines(issues) };
  };

  it('converts the horizon into the data unit by days per unit', () => {
    // 1 year in weeks: 365.25 / 7; 3 months in days: 3 * 365.25 / 12 = 91.3125; 2 quarters in months: 6.
    expect(run({ length: 1, unit: 'year' }, 'week')).toEqual({ out: 365.25 / 7, lines: [] });
    expect(run({ length: 3, unit: 'month' }, 'day').out).toBeCloseTo(91.3125, 12);
    expect(run({ length: 2, unit: 'quarter' }, 'month').out).toBeCloseTo(6, 12);
    expect(run({ length: 14, unit: 'day' }, 'week').out).toBe(2);
    expect(run({ length: 0, unit: 'day' }, 'year').out).toBe(0);
  });

  it.each([
    ['undefined', undefined, 'week', ['invalid_type horizon: is required']],
    ['a bare number', 39, 'week', ['invalid_type horizon: must be an object { length, unit } (a bare number has no unit)']],
    ['null', null, 'week', ['invalid_type horizon: must be an object { length, unit } (a bare number has no unit)']],
    ['a missing unit', { length: 3 }, 'week', ['invalid_type horizon.unit: is required']],
    ['a unit typo', { length: 3, unit: 'weeks' }, 'week', [`invalid_value horizon.unit: must be one of ${UNIT_LIST}`]],
    ['a numeric unit', { length: 3, unit: 7 }, 'week', [`invalid_value horizon.unit: must be one of ${UNIT_LIST}`]],
    ['a negative length', { length: -1, unit: 'week' }, 'week', ['too_small horizon.length: must be at least 0']],
    ['a missing length', { unit: 'week' }, 'week', ['invalid_type horizon.length: is required']],
    ['a model without time unit', { length: 3, unit: 'week' }, undefined, ['invalid_value model.timeUnit: is required to convert a horizon: fit with options.timeUnit or set it on the model']],
    [
      'everything wrong',
      { length: Infinity, unit: 'x' },
      undefined,
      ['not_finite horizon.length: must be a finite number', `invalid_value horizon.unit: must be one of ${UNIT_LIST}`, 'invalid_value model.timeUnit: is required to convert a horizon: fit with options.timeUnit or set it on the model'],
    ],
  ])('rejects %s', (_, value, unit, expected) => {
    expect(run(value, unit as never)).toEqual({ out: undefined, lines: expected });
  });
});

describe('the domain of histories and horizons (issue 14)', () => {
  it('refuses a frequency above 1e9 and recency, T or a horizon above 1e9 time units (1e308 gave NaN)', () => {
    const issues = new IssueList();
    expect(checkHistory({ frequency: 1e308, recency: 1, T: 2 }, 'customer', issues)).toBeUndefined();
    expect(checkHistory({ frequency: 1, recency: 1, T: 2e9 }, 'other', issues)).toBeUndefined();
    expect(checkHorizon({ length: 1e308, unit: 'week' }, 'horizon', 'week', 'model', issues)).toBeUndefined();
    expect(issues.toArray().map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(['too_big customer.frequency', 'too_big other.T', 'too_big horizon.length']);
    const fine = new IssueList();
    expect(checkHistory({ frequency: 1e9, recency: 1e9, T: 1e9 }, 'customer', fine)).toEqual({ x: 1e9, tx: 1e9, T: 1e9 });
    expect(checkHorizon({ length: 1e9 / 7, unit: 'week' }, 'horizon', 'day', 'model', fine)).toBeCloseTo(1e9, 3);
    expect(fine.isEmpty).toBe(true);
  });
});

describe('checkHistories: Float64Array columns take one fused pass, with the same verdicts as the detailed checks', () => {
  const base = { frequency: [0, 2, 5], recency: [0, 3.5, 9], T: [4, 10, 9] };
  const f64 = (c: typeof base) => ({ frequency: Float64Array.from(c.frequency), recency: Float64Array.from(c.recency), T: Float64Array.from(c.T) });
  const verdict = (value: unknown) => {
    const issues = new IssueList();
    const out = checkHistories(value, 'customers', issues);
    return { ok: out !== undefined, issues: issues.toArray() };
  };
  it('valid typed columns are used as they are (no copy)', () => {
    const cols = f64(base);
    const out = checkHistories(cols, 'customers', new IssueList());
    expect(out?.x).toBe(cols.frequency);
    expect(out?.tx).toBe(cols.recency);
    expect(out?.T).toBe(cols.T);
  });
  it.each([
    ['a fractional frequency', { ...base, frequency: [0, 2.5, 5] }],
    ['a negative frequency', { ...base, frequency: [0, -1, 5] }],
    ['a NaN recency', { ...base, recency: [0, Number.NaN, 9] }],
    ['an infinite T', { ...base, T: [4, Number.POSITIVE_INFINITY, 9] }],
    ['recency above T', { ...base, recency: [0, 3.5, 9.5] }],
    ['recency without repeat purchases', { ...base, recency: [1, 3.5, 9] }],
    ['a negative recency', { ...base, recency: [0, -3.5, 9] }],
    ['-0 recency (valid)', { ...base, recency: [-0, 3.5, 9] }],
    ['a frequency above 1e9', { ...base, frequency: [0, 2e9, 5] }],
    ['a T above 1e9', { ...base, T: [4, 10, 2e9] }],
  ])('%s: the same issues as plain arrays', (_name, columns) => {
    const plain = verdict(columns);
    const typed = verdict(f64(columns));
    expect(typed).toEqual(plain);
  });
  it('columns of different lengths are refused', () => {
    expect(verdict({ frequency: Float64Array.of(1, 2), recency: Float64Array.of(1), T: Float64Array.of(3, 3) }).issues[0]?.code).toBe('invalid_structure');
  });
});

describe('one invalid history alone, as typed columns and as a row (the quick paths must not accept it)', () => {
  const cases: [string, number, number, number][] = [
    ['a fractional frequency', 2.5, 1, 2],
    ['a negative frequency', -1, 1, 2],
    ['a frequency above 1e9', 1e9 + 1, 1, 2],
    ['a NaN recency', 1, Number.NaN, 2],
    ['a negative recency', 1, -1, 2],
    ['recency above T', 1, 3, 2],
    ['an infinite T', 1, 1, Infinity],
    ['a T above 1e9', 1, 1, 1e9 + 1],
    ['recency without repeat purchases', 0, 1, 2],
    ['repeat purchases with recency 0', 2, 0, 5],
  ];
  it.each(cases)('%s is refused with the same issues either way', (_name, x, tx, T) => {
    const plain = new IssueList();
    expect(checkHistories({ frequency: [x], recency: [tx], T: [T] }, 'customers', plain)).toBeUndefined();
    expect(plain.isEmpty).toBe(false);
    const typed = new IssueList();
    expect(checkHistories({ frequency: Float64Array.of(x), recency: Float64Array.of(tx), T: Float64Array.of(T) }, 'customers', typed)).toBeUndefined();
    expect(lines(typed)).toEqual(lines(plain));
    const rows = new IssueList();
    expect(checkHistoryRows([{ frequency: x, recency: tx, T }], 'customers', rows, { weights: true, minRows: 1 })).toBeUndefined();
    expect(rows.isEmpty).toBe(false);
  });

  it('names the impossible repeat history (frequency above 0, recency 0)', () => {
    const issues = new IssueList();
    checkHistory({ frequency: 2, recency: 0, T: 5 }, 'customer', issues);
    expect(lines(issues)).toEqual(['invalid_structure customer.recency: must be greater than 0 when frequency is above 0 (repeat purchases come after the first)']);
  });

  it('accepts the largest valid history (frequency, recency and T of 1e9) on the quick paths, typed columns uncopied', () => {
    const cols = { frequency: Float64Array.of(1e9), recency: Float64Array.of(1e9), T: Float64Array.of(1e9) };
    const out = checkHistories(cols, 'customers', new IssueList());
    expect(out?.x).toBe(cols.frequency);
    expect(Array.from(checkHistoryRows([{ frequency: 1e9, recency: 1e9, T: 1e9 }], 'customers', new IssueList(), { weights: true, minRows: 1 })?.T ?? [])).toEqual([1e9]);
  });
});
