// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/helpers/issue-paths.js';
import { periodTransactionsHistogram } from './periodTransactionsHistogram.js';
import { purchaseCountProbability } from './purchaseCountProbability.js';

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
