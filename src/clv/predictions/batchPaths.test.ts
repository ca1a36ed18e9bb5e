/**
 * Which kernel path the batch predictions and customerLifetimeValue take (a speed contract: the
 * paths give the same numbers, which the other tests check; here, that the fast one is taken where
 * it applies and not elsewhere). The kernels are spied on, not replaced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bgNbdKernel, mbgNbdKernel } from '../bgNbd/bgFamilyKernel.js';
import { customerLifetimeValue } from './customerLifetimeValue.js';
import { probabilityAlive, probabilityAliveBatch } from './probabilityAlive.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const parameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const bg = { kind: 'bg-nbd', parameters, timeUnit: 'week' } as const;
const columns = { frequency: Float64Array.of(0, 2, 5), recency: Float64Array.of(0, 10, 30), T: Float64Array.of(20, 38, 39) };

describe('probabilityAliveBatch: the checked kernel loop for Float64Array columns', () => {
  it.each([
    ['bg-nbd', bgNbdKernel],
    ['mbg-nbd', mbgNbdKernel],
  ] as const)('%s: Float64Array columns take it once, and never the separate check and batch', (kind, kernel) => {
    const checked = vi.spyOn(kernel, 'probabilityAliveBatchChecked');
    const plain = vi.spyOn(kernel, 'probabilityAliveBatch');
    const out = probabilityAliveBatch({ ...bg, kind }, columns);
    expect(checked).toHaveBeenCalledTimes(1);
    expect(plain).not.toHaveBeenCalled();
    expect([...out]).toEqual([0, 1, 2].map((i) => probabilityAlive({ ...bg, kind }, { frequency: columns.frequency[i] as number, recency: columns.recency[i] as number, T: columns.T[i] as number })));
  });

  it('rows, plain-array columns and mixed column types take the checked-then-batch path', () => {
    const checked = vi.spyOn(bgNbdKernel, 'probabilityAliveBatchChecked');
    const plain = vi.spyOn(bgNbdKernel, 'probabilityAliveBatch');
    probabilityAliveBatch(bg, [{ frequency: 2, recency: 10, T: 38 }]);
    probabilityAliveBatch(bg, { frequency: [2], recency: [10], T: [38] });
    probabilityAliveBatch(bg, { frequency: Float64Array.of(2), recency: [10], T: Float64Array.of(38) });
    probabilityAliveBatch(bg, { frequency: Float64Array.of(2), recency: Float64Array.of(10), T: [38] });
    expect(checked).not.toHaveBeenCalled();
    expect(plain).toHaveBeenCalledTimes(4);
  });

  it('an entry the loop refuses falls through to the detailed checks, which name it', () => {
    const plain = vi.spyOn(bgNbdKernel, 'probabilityAliveBatch');
    expect(() => probabilityAliveBatch(bg, { frequency: Float64Array.of(2, 1.5), recency: Float64Array.of(10, 1), T: Float64Array.of(38, 5) })).toThrow(/customers\.frequency\[1\]/);
    expect(plain).not.toHaveBeenCalled();
  });

  it('a model with covariates, or an invalid model, never takes it', () => {
    const checked = vi.spyOn(bgNbdKernel, 'probabilityAliveBatchChecked');
    const plain = vi.spyOn(bgNbdKernel, 'probabilityAlive');
    const withCovariates = {
      ...bg,
      covariates: { purchase: ['z'], dropout: ['z'], coefficients: { purchase: { z: 0.5 }, dropout: { z: 0 } }, standardErrors: undefined, covariance: undefined, covarianceNames: [] },
    };
    const out = probabilityAliveBatch(withCovariates, { ...columns, z: Float64Array.of(0, 1, 0) } as never);
    // Customer by customer, with each customer's own parameters: z = 1 gives alpha e^-0.5.
    expect(plain).toHaveBeenCalledTimes(3);
    expect(out[1]).toBe(probabilityAlive({ ...bg, parameters: { ...parameters, alpha: parameters.alpha * Math.exp(-0.5) } }, { frequency: 2, recency: 10, T: 38 }));
    expect(() => probabilityAliveBatch({ ...bg, parameters: { ...parameters, r: -1 } }, columns)).toThrow(/model\.parameters\.r/);
    expect(checked).not.toHaveBeenCalled();
  });
});

describe('customerLifetimeValue: one multi-horizon kernel call for BG/NBD and MBG/NBD', () => {
  const customers = [
    { frequency: 0, recency: 0, T: 20, monetaryValue: 0 },
    { frequency: 2, recency: 10, T: 38, monetaryValue: 25 },
  ];
  const spendModel = { parameters: { p: 6.25, q: 3.74, gamma: 15.44 } };

  it.each([
    ['bg-nbd', bgNbdKernel],
    ['mbg-nbd', mbgNbdKernel],
  ] as const)('%s: expectedPurchasesAtTimes once with the 12 month ends, and no batch pass', (kind, kernel) => {
    const atTimes = vi.spyOn(kernel, 'expectedPurchasesAtTimes');
    const batch = vi.spyOn(kernel, 'expectedPurchasesBatch');
    customerLifetimeValue({ transactionModel: { ...bg, kind }, spendModel, customers, horizon: { length: 12, unit: 'month' }, discountRate: 0.01 });
    expect(atTimes).toHaveBeenCalledTimes(1);
    expect(batch).not.toHaveBeenCalled();
    // The month ends in weeks: k (365.25 / 12) / 7 for k = 1..12.
    const times = atTimes.mock.calls[0]?.[4] as readonly number[];
    expect(times).toHaveLength(12);
    times.forEach((t, k) => expect(t).toBeCloseTo(((k + 1) * 365.25) / 12 / 7, 12));
  });

  it('continuous discounting asks for the 5 Gauss-Legendre nodes of each period and the horizon', () => {
    const atTimes = vi.spyOn(bgNbdKernel, 'expectedPurchasesAtTimes');
    customerLifetimeValue({ transactionModel: bg, spendModel, customers, horizon: { length: 2, unit: 'month' }, discountRate: 0.01, discounting: 'continuous' });
    expect(atTimes.mock.calls[0]?.[4]).toHaveLength(11);
  });
});
