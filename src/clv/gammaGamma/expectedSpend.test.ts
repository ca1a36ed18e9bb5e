import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../../errors.js';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { expectedSpend, expectedSpendBatch } from './expectedSpend.js';

const spend = { kind: 'gamma-gamma', parameters: { p: 6.25, q: 3.74, gamma: 15.44 } } as const;

describe('expectedSpend', () => {
  it('is the weighted mean of population and customer means (worked example)', () => {
    // p (gamma + x zbar) / (p x + q - 1) = 6.25 (15.44 + 2 * 20) / (12.5 + 2.74) = 346.5 / 15.24 = 22.736
    expect(expectedSpend(spend, { frequency: 2, monetaryValue: 20 })).toBeCloseTo(346.5 / 15.24, 12);
    // x = 0: p gamma / (q - 1) = 96.5 / 2.74 = 35.219
    expect(expectedSpend(spend, { frequency: 0, monetaryValue: 0 })).toBeCloseTo(96.5 / 2.74, 12);
    expect(expectedSpend(spend, { frequency: 3, monetaryValue: '10.5' })).toBeCloseTo((6.25 * (15.44 + 31.5)) / (18.75 + 2.74), 12);
  });

  it('is undefined where the expectation does not exist (p x + q <= 1)', () => {
    const heavy = { parameters: { p: 0.1, q: 0.5, gamma: 3 } };
    expect(expectedSpend(heavy, { frequency: 0, monetaryValue: 0 })).toBeUndefined();
    expect(expectedSpend(heavy, { frequency: 5, monetaryValue: 4 })).toBeUndefined();
    expect(expectedSpend(heavy, { frequency: 6, monetaryValue: 4 })).toBeGreaterThan(0);
    // p x + q - 1 = 0.1 * 6 + 0.5 - 1 = 0.1 > 0: 0.1 (3 + 24) / 0.1 = 27.
    expect(expectedSpendBatch(heavy, [{ frequency: 6, monetaryValue: 4 }])[0]).toBeCloseTo(27, 12);
    // The batch cannot hold `undefined`: it refuses and names each customer without an expectation.
    expect(inputIssues(() => expectedSpendBatch(heavy, [{ frequency: 0, monetaryValue: 0 }, { frequency: 6, monetaryValue: 4 }, { frequency: 5, monetaryValue: 4 }]))).toEqual([
      { code: 'invalid_value', path: ['customers', 0, 'frequency'], message: expect.stringContaining('has no expected spend') },
      { code: 'invalid_value', path: ['customers', 2, 'frequency'], message: expect.stringContaining('p x + q <= 1') },
    ]);
  });

  it('lies between the population mean and the customer mean (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), (x, zbar) => {
        const e = expectedSpend(spend, { frequency: x, monetaryValue: zbar }) as number;
        const pop = (6.25 * 15.44) / 2.74;
        expect(e).toBeGreaterThanOrEqual(Math.min(pop, zbar) * (1 - 1e-12));
        expect(e).toBeLessThanOrEqual(Math.max(pop, zbar) * (1 + 1e-12));
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it.each([
    ['a wrong kind', { kind: 'bg-nbd', parameters: spend.parameters }, { frequency: 1, monetaryValue: 1 }, 'invalid_value', ['spendModel', 'kind']],
    ['a zero parameter', { parameters: { p: 0, q: 1, gamma: 1 } }, { frequency: 1, monetaryValue: 1 }, 'too_small', ['spendModel', 'parameters', 'p']],
    ['no parameters', {}, { frequency: 1, monetaryValue: 1 }, 'invalid_type', ['spendModel', 'parameters']],
    ['a non-positive spend', spend, { frequency: 1, monetaryValue: 0 }, 'too_small', ['customer', 'monetaryValue']],
    ['a missing customer', spend, undefined, 'invalid_type', ['customer']],
    ['a bad money string', spend, { frequency: 1, monetaryValue: '1,5' }, 'invalid_type', ['customer', 'monetaryValue']],
  ])('rejects %s', (_, model, customer, code, path) => {
    try {
      expectedSpend(model as never, customer as never);
      throw new Error('no error');
    } catch (error) {
      expect(isMetricsInputError(error)).toBe(true);
      expect((error as { issues: unknown[] }).issues[0]).toEqual({ code, path, message: expect.any(String) });
    }
  });

  it('batch equals the scalar function row by row, in input order', () => {
    const rows = [
      { frequency: 4, monetaryValue: '17.25' },
      { frequency: 0, monetaryValue: 0 },
      { frequency: 1, monetaryValue: 80 },
      { frequency: 12, monetaryValue: 3 },
    ];
    const out = expectedSpendBatch(spend, rows);
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual(rows.map((row) => expectedSpend(spend, row)));
    // Row 3: 6.25 (15.44 + 36) / (75 + 2.74) = 321.5 / 77.74
    expect(out[3]).toBeCloseTo(321.5 / 77.74, 12);
    expect(expectedSpendBatch(spend, []).length).toBe(0);
  });

  it('is undefined at the boundary p x + q = 1 exactly', () => {
    // q = 1, x = 0: p gamma / (q - 1) does not exist; p = 0.5, q = 0.5, x = 1: 0.5 + 0.5 - 1 = 0.
    expect(expectedSpend({ parameters: { p: 2, q: 1, gamma: 3 } }, { frequency: 0, monetaryValue: 0 })).toBeUndefined();
    expect(expectedSpend({ parameters: { p: 0.5, q: 0.5, gamma: 3 } }, { frequency: 1, monetaryValue: 5 })).toBeUndefined();
    expect(Array.from(expectedSpendBatch({ parameters: { p: 0.5, q: 0.5, gamma: 3 } }, [{ frequency: 2, monetaryValue: 5 }]))).toEqual([13]); // 0.5 (3 + 10) / (1 + 0.5 - 1) = 13
    const columns = { frequency: Float64Array.of(2, 1, 2), monetaryValue: Float64Array.of(5, 5, 5) };
    expect(inputIssues(() => expectedSpendBatch({ parameters: { p: 0.5, q: 0.5, gamma: 3 } }, columns))).toEqual([
      { code: 'invalid_value', path: ['customers', 'frequency', 1], message: expect.stringContaining('has no expected spend') },
    ]);
  });

  it('reports the model and the customer problems together, with messages', () => {
    expect(inputIssues(() => expectedSpend({ kind: 'gamma-gamma', parameters: { p: 1, q: 0, gamma: 1 } }, { frequency: 2, monetaryValue: -1 }))).toEqual([
      { code: 'too_small', path: ['spendModel', 'parameters', 'q'], message: 'must be greater than 0' },
      { code: 'too_small', path: ['customer', 'monetaryValue'], message: 'must be greater than 0 for a customer with repeat purchases' },
    ]);
    expect(inputIssues(() => expectedSpendBatch(undefined as never, [{ frequency: 1.5, monetaryValue: 1 }]))).toEqual([
      { code: 'invalid_type', path: ['spendModel'], message: 'is required' },
      { code: 'not_integer', path: ['customers', 0, 'frequency'], message: 'must be a whole number' },
    ]);
  });

  it('batch over columns equals the row form exactly, and refuses the same customers where the expectation does not exist (property, seed 1207)', () => {
    // The outcome of a call: its values, or the indices of the customers it refused.
    const outcome = (call: () => Float64Array): number[] | { refused: number[] } => {
      try {
        return [...call()];
      } catch (error) {
        if (!isMetricsInputError(error)) throw error;
        return { refused: error.issues.map((i) => { expect(i.code).toBe('invalid_value'); return i.path.find((k) => typeof k === 'number') as number; }) };
      }
    };
    const customer = fc.oneof(
      fc.record({ frequency: fc.constant(0), monetaryValue: fc.constant(0) }),
      fc.record({ frequency: fc.integer({ min: 0, max: 100_000 }), monetaryValue: fc.double({ min: 0.01, max: 1e6, noNaN: true }) }),
    );
    const model = fc.record({ p: fc.double({ min: 0.01, max: 100, noNaN: true }), q: fc.double({ min: 0.01, max: 10, noNaN: true }), gamma: fc.double({ min: 0.01, max: 1000, noNaN: true }) });
    fc.assert(
      fc.property(model, fc.array(customer, { maxLength: 50 }), (parameters, rows) => {
        const byRows = outcome(() => expectedSpendBatch({ parameters }, rows));
        const typed = outcome(() => expectedSpendBatch({ parameters }, { frequency: Float64Array.from(rows, (r) => r.frequency), monetaryValue: Float64Array.from(rows, (r) => r.monetaryValue) }));
        const plain = outcome(() => expectedSpendBatch({ parameters }, { frequency: rows.map((r) => r.frequency), monetaryValue: rows.map((r) => r.monetaryValue), weight: rows.map(() => 1) }));
        expect(typed).toEqual(byRows);
        expect(plain).toEqual(byRows);
        const single = rows.map((r) => expectedSpend({ parameters }, r));
        if (Array.isArray(byRows)) expect(byRows).toEqual(single);
        else expect(byRows.refused).toEqual(single.flatMap((v, i) => (v === undefined ? [i] : [])));
      }),
      { seed: 1207, numRuns: 200 },
    );
    // q = 0.5: a customer without repeat purchases has p 0 + q - 1 < 0, no expectation.
    expect(outcome(() => expectedSpendBatch({ parameters: { p: 2, q: 0.5, gamma: 10 } }, { frequency: [0, 1], monetaryValue: [0, 10] }))).toEqual({ refused: [0] });
    // The repeat customer alone: 2 (10 + 10) / (2 + 0.5 - 1) = 40 / 1.5.
    expect(outcome(() => expectedSpendBatch({ parameters: { p: 2, q: 0.5, gamma: 10 } }, { frequency: [1], monetaryValue: [10] }))).toEqual([40 / 1.5]);
  });

  it.each([
    ['a column that is not an array', { frequency: 'x', monetaryValue: [1] }, ['invalid_type customers.frequency']],
    ['a missing column', { frequency: [1], monetaryValue: undefined }, ['invalid_type customers.monetaryValue']],
    ['an unknown column', { frequency: [1], monetaryValue: [1], spend: [1] }, ['unrecognized_key customers.spend']],
    ['columns of different lengths', { frequency: [1, 2], monetaryValue: [1] }, ['invalid_value customers']],
    ['a fractional frequency and a string value', { frequency: [1.5, 1], monetaryValue: [1, '2'] }, ['not_integer customers.frequency.0', 'invalid_type customers.monetaryValue.1']],
    ['a zero value for a repeat customer', { frequency: [0, 3], monetaryValue: [0, 0] }, ['too_small customers.monetaryValue.1']],
    ['a value beyond 1e100 and NaN', { frequency: [1, 1], monetaryValue: [1e300, Number.NaN] }, ['too_big customers.monetaryValue.0', 'not_finite customers.monetaryValue.1']],
  ])('batch over columns rejects %s, naming the column and entry', (_, columns, expected) => {
    const issues = inputIssues(() => expectedSpendBatch(spend, columns as never));
    expect(typeof issues === 'string' ? issues : issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(expected);
  });

  it('batch over Float64Array columns: an entry that fails the fast loop is checked and reported, the valid ones computed alike', () => {
    const frequency = Float64Array.of(1, 2, 0.5, 3, 0);
    const monetaryValue = Float64Array.of(10, 20, 30, Number.POSITIVE_INFINITY, 0);
    const issues = inputIssues(() => expectedSpendBatch(spend, { frequency, monetaryValue }));
    expect(typeof issues === 'string' ? issues : issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(['not_integer customers.frequency.2', 'not_finite customers.monetaryValue.3']);
    // A valid entry the fast loop does not take (a value of 0 for x = 0 after x > 0 entries is fine;
    // a negative value for x = 0 is allowed by the row form and goes through the checking loop).
    const out = expectedSpendBatch(spend, { frequency: Float64Array.of(2, 0), monetaryValue: Float64Array.of(20, -5) });
    expect([...out]).toEqual([...expectedSpendBatch(spend, [{ frequency: 2, monetaryValue: 20 }, { frequency: 0, monetaryValue: -5 }])]);
  });

  it('batch over columns: messages, an invalid model beside columns, null customers', () => {
    expect(inputIssues(() => expectedSpendBatch(spend, { frequency: [1], monetaryValue: undefined } as never))).toEqual([
      { code: 'invalid_type', path: ['customers', 'monetaryValue'], message: 'is required' },
    ]);
    expect(inputIssues(() => expectedSpendBatch(spend, { frequency: 'x', monetaryValue: [1] } as never))).toEqual([
      { code: 'invalid_type', path: ['customers', 'frequency'], message: 'must be an array or a typed array of numbers' },
    ]);
    expect(inputIssues(() => expectedSpendBatch(spend, { frequency: [1, 1], monetaryValue: [undefined, 'x'] } as never))).toEqual([
      { code: 'invalid_type', path: ['customers', 'monetaryValue', 0], message: 'is required' },
      { code: 'invalid_type', path: ['customers', 'monetaryValue', 1], message: 'must be a number' },
    ]);
    // The model's problem is reported; the columns are not read without a model.
    expect(inputIssues(() => expectedSpendBatch({ parameters: { p: -1, q: 2, gamma: 1 } }, { frequency: Float64Array.of(1), monetaryValue: Float64Array.of(5) }))).toEqual([
      { code: 'too_small', path: ['spendModel', 'parameters', 'p'], message: 'must be greater than 0' },
    ]);
    expect(inputIssues(() => expectedSpendBatch(spend, null as never)).length).toBe(1);
  });

  it('batch rejects bad rows with their index and a non-array', () => {
    expect(() => expectedSpendBatch(spend, [{ frequency: 1, monetaryValue: 2 }, { frequency: -1, monetaryValue: 2 }])).toThrow(/customers\[1\]\.frequency/);
    expect(() => expectedSpendBatch(spend, 'x' as never)).toThrow(/customers: must be an array/);
  });
});

describe('expectedSpendBatch over Float64Array columns: the one-loop check', () => {
  const spend = { parameters: { p: 6.25, q: 3.74, gamma: 15.44 } };
  // Entries at the edges of what is valid: the columns form equals the row form entry by entry.
  it('accepts the edges (x = 0 with m = 0, m = 1e-100 and 1e100, x = 1e9, -0) and equals the row form', () => {
    const x = [0, 1, 2, 1e9, -0, 3];
    const m = [0, 1e-100, 1e100, 20, 0, 20];
    const cols = expectedSpendBatch(spend, { frequency: Float64Array.from(x), monetaryValue: Float64Array.from(m) });
    const rows = expectedSpendBatch(
      spend,
      x.map((frequency, i) => ({ frequency, monetaryValue: m[i] as number })),
    );
    expect([...cols]).toEqual([...rows]);
    // Worked example: x = 3, m = 20: 6.25 (15.44 + 60) / (18.75 + 2.74) = 471.5 / 21.49 = 21.9404...
    expect(cols[5]).toBeCloseTo(471.5 / 21.49, 12);
  });

  // Each entry fails exactly one part of the check; the call names it at [customers, column, i].
  it.each([
    ['a negative frequency', -1, 20, 'frequency'],
    ['a fractional frequency', 1.5, 20, 'frequency'],
    ['a frequency above 1e9', 2e9, 20, 'frequency'],
    ['NaN frequency', Number.NaN, 20, 'frequency'],
    ['an amount below 1e-100', 1, 1e-101, 'monetaryValue'],
    ['an amount above 1e100', 1, 1e101, 'monetaryValue'],
    ['a zero amount beside repeat purchases', 2, 0, 'monetaryValue'],
    ['a negative amount', 1, -5, 'monetaryValue'],
    ['an infinite amount', 1, Number.POSITIVE_INFINITY, 'monetaryValue'],
  ])('refuses %s', (_, xi, mi, column) => {
    const call = () => expectedSpendBatch(spend, { frequency: Float64Array.from([1, xi]), monetaryValue: Float64Array.from([20, mi]) });
    expect(call).toThrow();
    const issues = inputIssues(call);
    expect(typeof issues === 'string' ? issues : issues.map((issue) => issue.path.join('.'))).toContain(`customers.${column}.1`);
  });
});
