// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../errors.js';
import { expectedPurchasesNewCustomer } from './expectedPurchasesNewCustomer.js';
import { probabilityAlive } from './probabilityAlive.js';
import { simulateBgNbd } from './simulateBgNbd.js';
import { simulateMbgNbd } from './simulateMbgNbd.js';

const par = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe.each([
  ['bg-nbd', simulateBgNbd],
  ['mbg-nbd', simulateMbgNbd],
] as const)('%s simulator', (kind, simulate) => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = simulate(par, { customers: 50, T: 39, seed: 5 });
    expect(simulate(par, { customers: 50, T: 39, seed: 5 })).toEqual(a);
    expect(simulate(par, { customers: 50, T: 39, seed: 6 })).not.toEqual(a);
  });

  it('produces valid histories, counts every purchase, and cycles the T list', () => {
    const rows = simulate(par, { customers: 300, T: [10, 20, 30], seed: 1, purchaseTimes: true });
    rows.forEach((row, i) => {
      expect(row.T).toBe([10, 20, 30][i % 3]);
      expect(row.recency).toBeLessThanOrEqual(row.T);
      expect(Number.isInteger(row.frequency)).toBe(true);
      const times = row.purchaseTimes as readonly number[];
      expect(times.length).toBe(row.frequency);
      expect(row.recency).toBe(times.length === 0 ? 0 : times[times.length - 1]);
      for (let k = 1; k < times.length; k++) expect(times[k]).toBeGreaterThan(times[k - 1] as number);
    });
    expect(simulate(par, { customers: 1, T: 5, seed: 1 })[0]).not.toHaveProperty('purchaseTimes');
  });

  it('matches the model: mean frequency is E[X(T)] and the alive share is mean P(alive)', () => {
    const n = 40_000;
    const rows = simulate(par, { customers: n, T: 39, seed: 3 });
    const mean = rows.reduce((s, r) => s + r.frequency, 0) / n;
    const model = { kind, parameters: par, timeUnit: 'week' } as const;
    const expected = expectedPurchasesNewCustomer(model, { length: 39, unit: 'week' });
    // Standard error of the mean is below 0.02 here (variance of X(39) about 8).
    expect(Math.abs(mean - expected)).toBeLessThan(0.06);
    const alive = rows.filter((r) => r.alive).length / n;
    const predicted = rows.reduce((s, r) => s + probabilityAlive(model, r), 0) / n;
    expect(Math.abs(alive - predicted)).toBeLessThan(0.015);
  });

  it.each([
    ['a zero parameter', { ...par, a: 0 }, { customers: 1, T: 1, seed: 1 }, ['parameters', 'a']],
    ['a fractional customer count', par, { customers: 1.5, T: 1, seed: 1 }, ['options', 'customers']],
    ['zero customers', par, { customers: 0, T: 1, seed: 1 }, ['options', 'customers']],
    ['a non-positive T', par, { customers: 1, T: 0, seed: 1 }, ['options', 'T']],
    ['an empty T list', par, { customers: 1, T: [], seed: 1 }, ['options', 'T']],
    ['a fractional seed', par, { customers: 1, T: 1, seed: 0.5 }, ['options', 'seed']],
    ['a missing seed', par, { customers: 1, T: 1 }, ['options', 'seed']],
    ['an unknown option', par, { customers: 1, T: 1, seed: 1, cohorts: 2 }, ['options', 'cohorts']],
    ['missing parameters', undefined, { customers: 1, T: 1, seed: 1 }, ['parameters']],
  ])('rejects %s', (_, parameters, options, path) => {
    try {
      simulate(parameters as never, options as never);
      throw new Error('no error');
    } catch (error) {
      expect(isMetricsInputError(error)).toBe(true);
      expect((error as { issues: { path: unknown }[] }).issues[0]?.path).toEqual(path);
    }
  });
});
