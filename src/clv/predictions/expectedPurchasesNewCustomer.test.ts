import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../../errors.js';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { hyp2f1 } from '../../_lib/math/hyp2f1.js';
import { expectedPurchasesNewCustomer } from './expectedPurchasesNewCustomer.js';

const bg = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;

describe('expectedPurchasesNewCustomer', () => {
  // Hardie's BG/NBD spreadsheet, rounded parameters: t = 1, 3, 32, 78 weeks.
  it.each([
    [1, 0.0533],
    [3, 0.1509],
    [32, 1.0452],
    [78, 1.8605],
  ])('E[X(%s)] = %s with the rounded CDNOW parameters', (t, expected) => {
    expect(expectedPurchasesNewCustomer(bg, { length: t, unit: 'week' })).toBeCloseTo(expected, 4);
  });

  it('equals the closed forms of both models', () => {
    const { r, alpha, a, b } = bg.parameters;
    const t = 20;
    const z = t / (alpha + t);
    const bgValue = ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z));
    expect(expectedPurchasesNewCustomer(bg, { length: t, unit: 'week' })).toBeCloseTo(bgValue, 12);
    const mbgValue = (b / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b + 1, a + b, z));
    expect(expectedPurchasesNewCustomer({ ...bg, kind: 'mbg-nbd' }, { length: t, unit: 'week' })).toBeCloseTo(mbgValue, 12);
  });

  it('is increasing in the horizon', () => {
    let previous = 0;
    for (const t of [0.1, 1, 10, 100, 1000]) {
      const value = expectedPurchasesNewCustomer(bg, { length: t, unit: 'week' });
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });

  it('reports an invalid model and a bad horizon together', () => {
    expect(inputIssues(() => expectedPurchasesNewCustomer({ kind: 'bg-nbd', parameters: { ...bg.parameters, b: 0 } } as never, 7 as never))).toEqual([
      { code: 'too_small', path: ['model', 'parameters', 'b'], message: 'must be greater than 0' },
      { code: 'invalid_type', path: ['horizon'], message: 'must be an object { length, unit } (a bare number has no unit)' },
    ]);
    // A month of a weekly model is 365.25 / 12 / 7 weeks.
    expect(expectedPurchasesNewCustomer(bg, { length: 1, unit: 'month' })).toBe(expectedPurchasesNewCustomer(bg, { length: 365.25 / 12 / 7, unit: 'week' }));
  });

  it('rejects a horizon without unit and a model without time unit, listing both', () => {
    try {
      expectedPurchasesNewCustomer({ kind: 'bg-nbd', parameters: bg.parameters }, { length: 3 } as never);
      throw new Error('no error');
    } catch (error) {
      expect(isMetricsInputError(error)).toBe(true);
      expect((error as { issues: { path: unknown }[] }).issues.map((i) => i.path)).toEqual([
        ['horizon', 'unit'],
        ['model', 'timeUnit'],
      ]);
    }
  });
});
