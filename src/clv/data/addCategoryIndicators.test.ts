import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { addCategoryIndicators } from './addCategoryIndicators.js';

const rows = [
  { id: 1, channel: 'search' },
  { id: 2, channel: 'referral' },
  { id: 3, channel: 'ads' },
  { id: 4, channel: 'referral' },
];

describe('addCategoryIndicators', () => {
  it('codes k levels as k - 1 indicators against the reference (worked example)', () => {
    // Levels sorted: ads, referral, search; reference search => columns channel=ads, channel=referral.
    const out = addCategoryIndicators(rows, 'channel', { reference: 'search' });
    expect(out.levels).toEqual(['ads', 'referral', 'search']);
    expect(out.names).toEqual(['channel=ads', 'channel=referral']);
    expect(out.rows.map((r) => [r['channel=ads'], r['channel=referral']])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [0, 1],
    ]);
  });

  it('takes the first sorted level as the default reference and leaves the input unchanged', () => {
    const before = JSON.stringify(rows);
    const out = addCategoryIndicators(rows, 'channel');
    expect(out.reference).toBe('ads');
    expect(out.names).toEqual(['channel=referral', 'channel=search']);
    expect(JSON.stringify(rows)).toBe(before);
    expect(out.rows[0]).not.toBe(rows[0]);
  });

  it('codes numbers and booleans by their string form', () => {
    const out = addCategoryIndicators([{ plan: 1 }, { plan: 2 }, { plan: true }], 'plan', { reference: 1 });
    expect(out.names).toEqual(['plan=2', 'plan=true']);
  });

  it('every row has at most one indicator set, and none exactly when it is at the reference (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 2, maxLength: 50 }), (levels) => {
        fc.pre(new Set(levels).size >= 2);
        const out = addCategoryIndicators(levels.map((level) => ({ level })), 'level');
        out.rows.forEach((row, i) => {
          const sum = out.names.reduce((acc, name) => acc + (row[name] as number), 0);
          expect(sum).toBe(levels[i] === out.reference ? 0 : 1);
        });
      }),
      { seed: 3, numRuns: 100 },
    );
  });

  it.each([
    ['rows not an array', 'x', 'channel', undefined, [{ code: 'invalid_type', path: ['rows'], message: 'must be an array' }]],
    ['a row without the field', [{ channel: 'a' }, {}], 'channel', undefined, [{ code: 'invalid_type', path: ['rows', 1, 'channel'], message: 'is required' }]],
    ['a NaN value', [{ channel: 'a' }, { channel: Number.NaN }], 'channel', undefined, [{ code: 'invalid_value', path: ['rows', 1, 'channel'], message: expect.any(String) }]],
    ['one level only', [{ channel: 'a' }, { channel: 'a' }], 'channel', undefined, [{ code: 'too_small', path: ['rows'], message: expect.any(String) }]],
    ['an unknown reference', rows, 'channel', { reference: 'tv' }, [{ code: 'invalid_value', path: ['options', 'reference'], message: expect.any(String) }]],
    ['an empty field name', rows, '', undefined, [{ code: 'invalid_type', path: ['field'], message: expect.any(String) }]],
    ['an unknown option', rows, 'channel', { base: 'ads' }, [{ code: 'unrecognized_key', path: ['options', 'base'], message: expect.any(String) }]],
    ['a reference that is an object (never coerced to text)', rows, 'channel', { reference: Object.create(null) }, [{ code: 'invalid_type', path: ['options', 'reference'], message: 'must be a string, a finite number or a boolean' }]],
    ['a reference that is a Symbol', rows, 'channel', { reference: Symbol('x') }, [{ code: 'invalid_type', path: ['options', 'reference'], message: 'must be a string, a finite number or a boolean' }]],
  ])('rejects %s', (_, data, field, options, issues) => {
    expect(inputIssues(() => addCategoryIndicators(data as never, field, options as never))).toEqual(issues);
  });

  it('says what is wrong, in words, and reports every problem at once', () => {
    const summary = (fn: () => unknown) => {
      const out = inputIssues(fn);
      return typeof out === 'string' ? out : out.map((i) => [i.code, i.path.join('.'), i.message]);
    };
    expect(summary(() => addCategoryIndicators(undefined as never, 'channel'))).toEqual([['invalid_type', 'rows', 'is required']]);
    // A bad field, bad options and rows that are not an array: all three.
    expect(summary(() => addCategoryIndicators('x' as never, 5 as never, null as never))).toEqual([
      ['invalid_type', 'field', 'must be a non-empty field name'],
      ['invalid_type', 'options', 'must be an object'],
      ['invalid_type', 'rows', 'must be an array'],
    ]);
    expect(summary(() => addCategoryIndicators(rows, 'channel', 'x' as never))).toEqual([['invalid_type', 'options', 'must be an object']]);
    // With an invalid field the rows are not read (no issue per row).
    expect(summary(() => addCategoryIndicators([{}, null] as never, ''))).toEqual([['invalid_type', 'field', 'must be a non-empty field name']]);
    expect(summary(() => addCategoryIndicators([null, { channel: {} }, Object.create({ channel: 'a' }), { channel: Infinity }] as never, 'channel'))).toEqual([
      ['invalid_type', 'rows.0', 'must be an object'],
      ['invalid_value', 'rows.1.channel', 'must be a string, a finite number or a boolean'],
      ['invalid_type', 'rows.2.channel', 'is required'],
      ['invalid_value', 'rows.3.channel', 'must be a string, a finite number or a boolean'],
    ]);
    expect(summary(() => addCategoryIndicators([{ c: 'a' }], 'c'))).toEqual([['too_small', 'rows', 'must have at least two levels of the field, found 1']]);
    expect(summary(() => addCategoryIndicators([], 'c'))).toEqual([['too_small', 'rows', 'must have at least two levels of the field, found 0']]);
    // The reference is compared with the levels only once the input is readable.
    expect(summary(() => addCategoryIndicators(rows, 'channel', { reference: 'tv', base: 1 } as never))).toEqual([['unrecognized_key', 'options.base', 'is not an option (reference)']]);
    expect(summary(() => addCategoryIndicators(rows, 'channel', { reference: 'tv' }))).toEqual([['invalid_value', 'options.reference', 'must be one of the levels found in the rows']]);
    expect(summary(() => addCategoryIndicators(rows, 'channel', { reference: Number.NaN }))).toEqual([['invalid_type', 'options.reference', 'must be a string, a finite number or a boolean']]);
  });

  it('takes a number or a boolean reference by its string form, and an explicit undefined as the default', () => {
    const data = [{ plan: 1 }, { plan: 2 }, { plan: true }];
    expect(addCategoryIndicators(data, 'plan', { reference: 2 }).names).toEqual(['plan=1', 'plan=true']);
    expect(addCategoryIndicators(data, 'plan', { reference: true }).names).toEqual(['plan=1', 'plan=2']);
    const out = addCategoryIndicators(data, 'plan', { reference: undefined });
    expect(out.reference).toBe('1');
    expect(out.rows.map((r) => [r['plan=2'], r['plan=true']])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    // The rows keep their own fields.
    expect(out.rows[2]?.plan).toBe(true);
  });
});

