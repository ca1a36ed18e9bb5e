import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { periodTransactionsHistogram } from './periodTransactionsHistogram.js';
import { purchaseCountProbability } from '../predictions/purchaseCountProbability.js';

const model = { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' as const };

describe('periodTransactionsHistogram', () => {
  it('worked example: expected = sum over customers of P(X(T_i) = k), the last bin takes the rest', () => {
    const customers = [
      { frequency: 0, recency: 0, T: 39, weight: 3 },
      { frequency: 2, recency: 30, T: 39 },
      { frequency: 5, recency: 20, T: 20 },
    ];
    const bins = periodTransactionsHistogram(model, customers, { maxFrequency: 3 });
    expect(bins.map((b) => b.frequency)).toEqual([0, 1, 2, 3]);
    expect(bins.map((b) => b.actual)).toEqual([3, 0, 1, 1]);
    for (let k = 0; k < 3; k++) {
      const p39 = purchaseCountProbability(model, k, { length: 39, unit: 'week' });
      const p20 = purchaseCountProbability(model, k, { length: 20, unit: 'week' });
      expect(bins[k]?.expected).toBeCloseTo(4 * p39 + p20, 12);
    }
    expect(bins.reduce((s, b) => s + b.expected, 0)).toBeCloseTo(5, 12);
    expect(bins[3]?.expected).toBeGreaterThan(0);
  });

  it('pools frequencies at 7 by default', () => {
    const bins = periodTransactionsHistogram(model, [{ frequency: 12, recency: 30, T: 39 }]);
    expect(bins).toHaveLength(8);
    expect(bins[7]?.actual).toBe(1);
  });

  it.each([
    ['no customers', [], undefined, ['customers']],
    ['recency above T', [{ frequency: 1, recency: 40, T: 39 }], undefined, ['customers.0.recency']],
    ['a bad option', [{ frequency: 1, recency: 4, T: 39 }], { maxFrequency: -1, bins: 2 }, ['options.bins', 'options.maxFrequency']],
  ])('rejects %s', (_, customers, options, paths) => {
    expect(issuePaths(() => periodTransactionsHistogram(model, customers as never, options as never))).toEqual(paths);
  });

  it('rejects a BG/BB model (it has its own bgBbFrequencyFit)', () => {
    expect(issuePaths(() => periodTransactionsHistogram({ kind: 'bg-bb', parameters: {} } as never, [{ frequency: 0, recency: 0, T: 1 }]))).toEqual(['model.kind']);
  });
});

describe('periodTransactionsHistogram: edges and messages', () => {
  it('maxFrequency 1: two bins, the second is everyone with a repeat purchase, expected 1 - P(X = 0) per customer', () => {
    const customers = [
      { frequency: 0, recency: 0, T: 10 },
      { frequency: 3, recency: 8, T: 10, weight: 2 },
      { frequency: 1, recency: 2, T: 10, weight: 0 },
    ];
    const bins = periodTransactionsHistogram(model, customers, { maxFrequency: 1 });
    const p0 = purchaseCountProbability(model, 0, { length: 10, unit: 'week' });
    // Weights 1 + 2 + 0 = 3 customers, all observed for 10 weeks.
    expect(bins).toEqual([
      { frequency: 0, actual: 1, expected: expect.closeTo(3 * p0, 12) },
      { frequency: 1, actual: 2, expected: expect.closeTo(3 * (1 - p0), 12) },
    ]);
  });

  it('customers with the same T share one set of probabilities; weights add up', () => {
    const a = periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 20 }, { frequency: 1, recency: 5, T: 20 }, { frequency: 1, recency: 4, T: 30 }], { maxFrequency: 2 });
    const b = periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 20, weight: 1 }, { frequency: 1, recency: 5, T: 20 }, { frequency: 1, recency: 4, T: 30 }], { maxFrequency: 2 });
    expect(a).toEqual(b);
    for (let k = 0; k < 2; k++) {
      const p = (t: number) => purchaseCountProbability(model, k, { length: t, unit: 'week' });
      expect(a[k]?.expected).toBeCloseTo(2 * p(20) + p(30), 12);
    }
    expect(a.map((bin) => bin.actual)).toEqual([1, 2, 0]);
  });

  it('the last bin is never negative: total minus the other bins can round to -4.4e-16', () => {
    // r = 20, alpha = 1 over T = 0.001: P(X = 0..19) adds up to 1 + 4.4e-16 in floating point.
    const steady = { kind: 'bg-nbd' as const, parameters: { r: 20, alpha: 1, a: 0.5, b: 20 } };
    const bins = periodTransactionsHistogram(steady, [{ frequency: 0, recency: 0, T: 0.001 }], { maxFrequency: 20 });
    expect(bins[20]?.expected).toBe(0);
    expect(bins.slice(0, 20).reduce((sum, bin) => sum + bin.expected, 0)).toBeGreaterThan(1);
  });

  it('maxFrequency 1000 is allowed', () => {
    expect(periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 1 }], { maxFrequency: 1000 })).toHaveLength(1001);
  });

  it.each([
    ['options that are not an object', 5, ['invalid_type options: must be an object']],
    ['an unknown option', { bins: 3 }, ['unrecognized_key options.bins: is not a known option']],
    ['maxFrequency above 1000', { maxFrequency: 1001 }, ['too_big options.maxFrequency: must be at most 1000']],
    ['maxFrequency 0', { maxFrequency: 0 }, ['too_small options.maxFrequency: must be at least 1']],
  ])('says what is wrong: %s', (_, options, lines) => {
    expect(issueLines(() => periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 1 }], options as never))).toEqual(lines);
  });
});

describe('periodTransactionsHistogram: the options object', () => {
  it('empty options keep the default of 8 bins; null and a fractional maxFrequency are rejected', () => {
    expect(periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 1 }], {})).toHaveLength(8);
    expect(issueLines(() => periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 1 }], null as never))).toEqual(['invalid_type options: must be an object']);
    expect(issueLines(() => periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 1 }], { maxFrequency: 2.5 }))).toEqual(['not_integer options.maxFrequency: must be a whole number']);
  });
});
