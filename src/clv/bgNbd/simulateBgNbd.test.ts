import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../../errors.js';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import fixture from '../shared/fixtures/spendSampling.json' with { type: 'json' };
import { expectedPurchasesNewCustomer } from '../predictions/expectedPurchasesNewCustomer.js';
import { probabilityAlive } from '../predictions/probabilityAlive.js';
import { simulateBgNbd } from './simulateBgNbd.js';
import { simulateMbgNbd } from './simulateMbgNbd.js';

const par = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe.each([
  ['bg-nbd', 0, simulateBgNbd],
  ['mbg-nbd', 1, simulateMbgNbd],
] as const)('%s simulator against the reference implementation', (_kind, d, simulate) => {
  // fixtures/generateSpendSampling.py re-implements the documented generator in Python (mulberry32,
  // Marsaglia-Tsang Gamma, Beta from two Gammas, exponential gaps, a drop-out coin after each repeat
  // purchase and, for MBG/NBD, one at time 0): the same seed must give the same customers.
  it.each(fixture.simulators.filter((s) => s.d === d))('reproduces 60 customers for seed $seed', (ref) => {
    const [r, alpha, a, b] = ref.parameters as [number, number, number, number];
    const rows = simulate({ r, alpha, a, b }, { customers: ref.customers, T: ref.T, seed: ref.seed, purchaseTimes: true });
    expect(rows.map((row) => row.frequency)).toEqual(ref.frequencies);
    expect(rows.map((row) => row.alive)).toEqual(ref.alive);
    ref.first.forEach((expected, i) => {
      const row = rows[i] as (typeof rows)[number];
      expect(row.T).toBe(expected.T);
      expect(row.recency).toBeCloseTo(expected.recency, 12);
      (row.purchaseTimes as number[]).forEach((t, k) => expect(t).toBeCloseTo(expected.purchaseTimes[k] as number, 12));
    });
    expect(rows.reduce((s, row) => s + row.recency, 0)).toBeCloseTo(ref.recencySum, 9);
    // Without the transaction log, the same customers.
    const plain = simulate({ r, alpha, a, b }, { customers: ref.customers, T: ref.T, seed: ref.seed });
    expect(plain.map((row) => row.frequency)).toEqual(ref.frequencies);
    expect(plain.every((row) => !('purchaseTimes' in row))).toBe(true);
  });
});

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

  it('keeps a customer alive without purchases only while no drop-out coin has been tossed', () => {
    const rows = simulate(par, { customers: 4000, T: 39, seed: 9 });
    const silentDead = rows.filter((row) => row.frequency === 0 && !row.alive).length;
    if (kind === 'bg-nbd') expect(silentDead).toBe(0);
    // MBG/NBD: P(dead at time 0) = E[p] = a / (a + b) = 0.793 / 3.219 = 0.246; sd of the share 0.0068.
    else expect(Math.abs(silentDead / 4000 - 0.793 / 3.219)).toBeLessThan(0.035);
    // A customer who is dead made a purchase after which the coin fell (or, for MBG/NBD, none at all);
    // every alive customer's last purchase is at or before T.
    rows.forEach((row) => expect(row.recency).toBeLessThanOrEqual(row.T));
  });

  it('reports every problem with a message', () => {
    expect(inputIssues(() => simulate({ r: 0, alpha: -1, a: 'x' } as never, { customers: 1, T: 1, seed: 1 }))).toEqual([
      { code: 'too_small', path: ['parameters', 'r'], message: 'must be greater than 0' },
      { code: 'too_small', path: ['parameters', 'alpha'], message: 'must be greater than 0' },
      { code: 'invalid_type', path: ['parameters', 'a'], message: 'must be a number' },
      { code: 'invalid_type', path: ['parameters', 'b'], message: 'is required' },
    ]);
    expect(inputIssues(() => simulate(null as never, undefined as never))).toEqual([
      { code: 'invalid_type', path: ['parameters'], message: 'must be a fitted model, { parameters }, or an object { r, alpha, a, b }' },
      { code: 'invalid_type', path: ['options'], message: 'is required' },
    ]);
    expect(inputIssues(() => simulate(undefined as never, { customers: 1, T: 1, seed: 1 }))).toEqual([
      { code: 'invalid_type', path: ['parameters'], message: 'is required' },
    ]);
    expect(inputIssues(() => simulate(par, { customers: 1, T: -1, seed: 1 }))).toEqual([
      { code: 'too_small', path: ['options', 'T'], message: 'must be a finite number greater than 0' },
    ]);
    expect(inputIssues(() => simulate(par, { customers: 1e9, T: 1, seed: 1 }))).toEqual([
      { code: 'too_big', path: ['options', 'customers'], message: 'must be at most 100000000' },
    ]);
  });

  it.each([
    ['a zero parameter', { ...par, a: 0 }, { customers: 1, T: 1, seed: 1 }, ['parameters', 'a']],
    ['a fractional customer count', par, { customers: 1.5, T: 1, seed: 1 }, ['options', 'customers']],
    ['zero customers', par, { customers: 0, T: 1, seed: 1 }, ['options', 'customers']],
    ['a non-positive T', par, { customers: 1, T: 0, seed: 1 }, ['options', 'T']],
    ['an infinite T', par, { customers: 1, T: Infinity, seed: 1 }, ['options', 'T']],
    ['a non-positive T in the list', par, { customers: 1, T: [3, 0], seed: 1 }, ['options', 'T', 1]],
    ['an infinite T in the list', par, { customers: 1, T: [3, Infinity], seed: 1 }, ['options', 'T']],
    ['an infinite parameter', { ...par, r: Infinity }, { customers: 1, T: 1, seed: 1 }, ['parameters', 'r']],
    ['a non-boolean purchaseTimes', par, { customers: 1, T: 1, seed: 1, purchaseTimes: 1 }, ['options', 'purchaseTimes']],
    ['an empty T list', par, { customers: 1, T: [], seed: 1 }, ['options', 'T']],
    ['a fractional seed', par, { customers: 1, T: 1, seed: 0.5 }, ['options', 'seed']],
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
