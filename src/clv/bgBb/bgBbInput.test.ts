import { describe, expect, it } from 'vitest';
import { IssueList } from '../../_lib/validate.js';
import { checkBgBbRow, checkBgBbRows, type BgBbColumns } from './bgBbInput.js';

/** `code path: message` of every issue recorded by `fn`, and what `fn` returned. */
function run<T>(fn: (issues: IssueList) => T): { result: T; lines: string[] } {
  const issues = new IssueList();
  const result = fn(issues);
  return { result, lines: issues.toArray().map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`) };
}

const columns = (c: BgBbColumns | undefined) => (c === undefined ? undefined : { x: [...c.x], tx: [...c.tx], n: [...c.n], w: [...c.w] });

describe('checkBgBbRow', () => {
  it.each([
    ['x = t_x = n', { frequency: 3, recency: 3, n: 3 }],
    ['no transaction', { frequency: 0, recency: 0, n: 5 }],
    ['n = 0', { frequency: 0, recency: 0, n: 0 }],
    ['t_x = x < n', { frequency: 2, recency: 2, n: 4 }],
    ['n at its maximum 1,000,000', { frequency: 1, recency: 1_000_000, n: 1_000_000 }],
    ['weight 0', { frequency: 1, recency: 1, n: 1, weight: 0 }],
  ])('accepts %s', (_, row) => {
    expect(run((issues) => checkBgBbRow(row, ['customer'], issues, true))).toEqual({ result: true, lines: [] });
  });

  it.each([
    ['a missing row', undefined, ['invalid_type customer: is required']],
    ['a number', 3, ['invalid_type customer: must be an object with frequency, recency and n']],
    ['null', null, ['invalid_type customer: must be an object with frequency, recency and n']],
    ['frequency above n', { frequency: 5, recency: 4, n: 4 }, ['too_big customer.frequency: must be at most n, the number of transaction opportunities']],
    ['recency above n', { frequency: 2, recency: 5, n: 4 }, ['too_big customer.recency: must be at most n, the number of transaction opportunities']],
    [
      'frequency and recency above n (both reported, no ordering issue)',
      { frequency: 6, recency: 5, n: 4 },
      ['too_big customer.frequency: must be at most n, the number of transaction opportunities', 'too_big customer.recency: must be at most n, the number of transaction opportunities'],
    ],
    ['frequency above n with recency below it (only the bound)', { frequency: 3, recency: 1, n: 2 }, ['too_big customer.frequency: must be at most n, the number of transaction opportunities']],
    ['recency without frequency', { frequency: 0, recency: 1, n: 4 }, ['invalid_structure customer.recency: must be 0 when frequency is 0']],
    ['recency below frequency', { frequency: 3, recency: 2, n: 4 }, ['invalid_structure customer.recency: must be at least frequency (the last transaction opportunity)']],
    ['n above 1,000,000', { frequency: 0, recency: 0, n: 1_000_001 }, ['too_big customer.n: must be at most 1000000']],
  ])('rejects %s', (_, row, lines) => {
    expect(run((issues) => checkBgBbRow(row, ['customer'], issues, true))).toEqual({ result: false, lines });
  });

  it('checks every field before the relations, and the weight only when allowed', () => {
    const bad = { frequency: 1.5, recency: -1, n: 'x', weight: -1 };
    const allowed = run((issues) => checkBgBbRow(bad, ['c'], issues, true));
    expect(allowed.result).toBe(false);
    expect(allowed.lines.map((l) => l.split(':')[0])).toEqual(['not_integer c.frequency', 'too_small c.recency', 'invalid_type c.n', 'too_small c.weight']);
    // A bad weight alone makes the row invalid.
    expect(run((issues) => checkBgBbRow({ frequency: 1, recency: 1, n: 1, weight: Number.NaN }, ['c'], issues, true)).result).toBe(false);
    // A bad field stops the relation checks: frequency 3 > n = 2.5 and recency 1 without frequency are not reported.
    expect(run((issues) => checkBgBbRow({ frequency: 3, recency: 3, n: 2.5 }, ['c'], issues, true)).lines).toEqual(['not_integer c.n: must be a whole number']);
    expect(run((issues) => checkBgBbRow({ frequency: 0, recency: 1, n: 3, weight: -1 }, ['c'], issues, true)).lines).toEqual(['too_small c.weight: must be at least 0']);
    // Without allowWeight the weight is not looked at.
    expect(run((issues) => checkBgBbRow({ frequency: 1, recency: 1, n: 1, weight: -1 }, ['c'], issues, false))).toEqual({ result: true, lines: [] });
  });
});

describe('checkBgBbRows', () => {
  it('returns the rows as columns, weight 1 when absent', () => {
    const rows = [
      { frequency: 0, recency: 0, n: 6, weight: 3464 },
      { frequency: 2, recency: 4, n: 6 },
      { frequency: 6, recency: 6, n: 6, weight: 0 },
    ];
    const { result, lines } = run((issues) => checkBgBbRows(rows, 'customers', issues, 1));
    expect(lines).toEqual([]);
    expect(columns(result)).toEqual({ x: [0, 2, 6], tx: [0, 4, 6], n: [6, 6, 6], w: [3464, 1, 0] });
  });

  it.each([
    ['not an array', 'rows', 1, ['invalid_type customers: must be an array']],
    ['a missing array', undefined, 1, ['invalid_type customers: is required']],
    ['an empty array', [], 1, ['too_small customers: must have at least 1 item']],
    ['fewer rows than required', [{ frequency: 0, recency: 0, n: 1 }], 2, ['too_small customers: must have at least 2 items']],
  ])('rejects %s', (_, rows, minLength, lines) => {
    expect(run((issues) => checkBgBbRows(rows, 'customers', issues, minLength))).toEqual({ result: undefined, lines });
  });

  it('accepts exactly minLength rows', () => {
    const rows = [{ frequency: 0, recency: 0, n: 1 }, { frequency: 1, recency: 1, n: 1 }];
    expect(columns(run((issues) => checkBgBbRows(rows, 'customers', issues, 2)).result)).toEqual({ x: [0, 1], tx: [0, 1], n: [1, 1], w: [1, 1] });
  });

  it.each([
    ['a fractional frequency', { frequency: 1.5, recency: 2, n: 3 }, 'not_integer customers.1.frequency'],
    ['a fractional recency', { frequency: 1, recency: 1.5, n: 3 }, 'not_integer customers.1.recency'],
    ['a fractional n', { frequency: 1, recency: 1, n: 2.5 }, 'not_integer customers.1.n'],
    ['a negative frequency', { frequency: -1, recency: 0, n: 3 }, 'too_small customers.1.frequency'],
    ['a negative recency', { frequency: 0, recency: -1, n: 3 }, 'too_small customers.1.recency'],
    ['n above 1,000,000', { frequency: 1, recency: 1, n: 1_000_001 }, 'too_big customers.1.n'],
    ['recency above n', { frequency: 1, recency: 4, n: 3 }, 'too_big customers.1.recency'],
    ['frequency above n', { frequency: 4, recency: 3, n: 3 }, 'too_big customers.1.frequency'],
    ['recency without frequency', { frequency: 0, recency: 1, n: 3 }, 'invalid_structure customers.1.recency'],
    ['recency below frequency', { frequency: 2, recency: 1, n: 3 }, 'invalid_structure customers.1.recency'],
    ['a negative weight', { frequency: 1, recency: 1, n: 3, weight: -1 }, 'too_small customers.1.weight'],
    ['an infinite weight', { frequency: 1, recency: 1, n: 3, weight: Number.POSITIVE_INFINITY }, 'not_finite customers.1.weight'],
    ['a NaN weight', { frequency: 1, recency: 1, n: 3, weight: Number.NaN }, 'not_finite customers.1.weight'],
    ['a string weight', { frequency: 1, recency: 1, n: 3, weight: '2' }, 'invalid_type customers.1.weight'],
    ['a string frequency', { frequency: '1', recency: 1, n: 3 }, 'invalid_type customers.1.frequency'],
    ['a row that is null', null, 'invalid_type customers.1'],
  ])('rejects a row with %s, next to valid rows', (_, row, line) => {
    const rows = [{ frequency: 1, recency: 2, n: 3 }, row, { frequency: 0, recency: 0, n: 3 }];
    const { result, lines } = run((issues) => checkBgBbRows(rows, 'customers', issues, 1));
    expect(result).toBeUndefined();
    expect(lines.map((l) => l.split(':')[0])).toEqual([line]);
  });

  it('reports every bad row, with its index', () => {
    const rows = [{ frequency: 1, recency: 0, n: 3 }, { frequency: 1, recency: 1, n: 3 }, { frequency: 0, recency: 2, n: 3 }];
    expect(run((issues) => checkBgBbRows(rows, 'customers', issues, 1)).lines).toEqual([
      'invalid_structure customers.0.recency: must be at least frequency (the last transaction opportunity)',
      'invalid_structure customers.2.recency: must be 0 when frequency is 0',
    ]);
  });
});
