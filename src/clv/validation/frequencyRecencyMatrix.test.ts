import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { expectedPurchases } from '../predictions/expectedPurchases.js';
import { frequencyRecencyMatrix } from './frequencyRecencyMatrix.js';
import { probabilityAlive } from '../predictions/probabilityAlive.js';

const model = { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' as const };

describe('frequencyRecencyMatrix', () => {
  it('each possible cell is the generic prediction for that history; impossible cells are undefined', () => {
    const grid = frequencyRecencyMatrix(model, { length: 13, unit: 'week' }, { T: 39, maxFrequency: 3, recencySteps: 3 });
    expect(grid.frequencies).toEqual([0, 1, 2, 3]);
    expect(grid.recencies).toEqual([0, 13, 26, 39]);
    expect(grid.expectedPurchases).toHaveLength(4);
    for (const x of grid.frequencies) {
      grid.recencies.forEach((tx, j) => {
        const e = grid.expectedPurchases[x]?.[j];
        const p = grid.probabilityAlive[x]?.[j];
        if ((x === 0) !== (tx === 0)) {
          expect(e).toBeUndefined();
          expect(p).toBeUndefined();
        } else {
          const customer = { frequency: x, recency: tx, T: 39 };
          expect(e).toBeCloseTo(expectedPurchases(model, customer, { length: 13, unit: 'week' }), 12);
          expect(p).toBeCloseTo(probabilityAlive(model, customer), 12);
        }
      });
    }
  });

  it('converts the horizon to the model unit, and has 21 x 21 cells by default', () => {
    const byMonth = frequencyRecencyMatrix(model, { length: 3, unit: 'month' }, { T: 20 });
    const byWeek = frequencyRecencyMatrix(model, { length: (3 * 365.25) / 12 / 7, unit: 'week' }, { T: 20 });
    expect(byMonth.frequencies).toHaveLength(21);
    expect(byMonth.recencies).toHaveLength(21);
    expect(byMonth.expectedPurchases[5]?.[20]).toBeCloseTo(byWeek.expectedPurchases[5]?.[20] as number, 12);
  });

  it('P(alive) rises with recency for a given frequency (the heat map\'s gradient)', () => {
    const grid = frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, { T: 40, maxFrequency: 5, recencySteps: 8 });
    const row = grid.probabilityAlive[3]?.slice(1) as number[];
    for (let j = 1; j < row.length; j++) expect(row[j] as number).toBeGreaterThan(row[j - 1] as number);
  });

  it.each([
    ['a missing horizon', { length: 1, unit: 'week' }, undefined, ['options']],
    ['horizon without unit', { length: 1 }, { T: 3 }, ['horizon.unit']],
    ['T 0 and a bad grid', { length: 1, unit: 'week' }, { T: 0, maxFrequency: 0, recencySteps: 1.5, steps: 3 }, ['options.steps', 'options.T', 'options.maxFrequency', 'options.recencySteps']],
  ])('rejects %s', (_, horizon, options, paths) => {
    expect(issuePaths(() => frequencyRecencyMatrix(model, horizon as never, options as never))).toEqual(paths);
  });
});

describe('frequencyRecencyMatrix: grid edges and messages', () => {
  it('the last recency is exactly T even when T * steps / steps rounds (0.7 * 3 / 3 = 0.6999999999999998)', () => {
    const grid = frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, { T: 0.7, maxFrequency: 1, recencySteps: 3 });
    expect(grid.recencies[3]).toBe(0.7);
    expect(grid.recencies.slice(0, 3)).toEqual([0, (0.7 * 1) / 3, (0.7 * 2) / 3]);
    // Row 1's last cell is the customer with recency = T.
    expect(grid.probabilityAlive[1]?.[3]).toBe(probabilityAlive(model, { frequency: 1, recency: 0.7, T: 0.7 }));
  });

  it('the smallest and the largest grids', () => {
    const tiny = frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, { T: 5, maxFrequency: 1, recencySteps: 1 });
    expect(tiny.frequencies).toEqual([0, 1]);
    expect(tiny.recencies).toEqual([0, 5]);
    // Rows: x = 0 has only recency 0, x = 1 only recency > 0.
    expect(tiny.probabilityAlive).toEqual([
      [1, undefined],
      [undefined, probabilityAlive(model, { frequency: 1, recency: 5, T: 5 })],
    ]);
    expect(tiny.expectedPurchases[0]?.[0]).toBe(expectedPurchases(model, { frequency: 0, recency: 0, T: 5 }, { length: 1, unit: 'week' }));
    const big = frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, { T: 5, maxFrequency: 1000, recencySteps: 1 });
    expect(big.frequencies).toHaveLength(1001);
    expect(frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, { T: 5, maxFrequency: 1, recencySteps: 1000 }).recencies).toHaveLength(1001);
  });

  it.each([
    ['options that are not an object', { length: 1, unit: 'week' }, 5, ['invalid_type options: must be an object']],
    ['missing options', { length: 1, unit: 'week' }, undefined, ['invalid_type options: is required']],
    ['an unknown option', { length: 1, unit: 'week' }, { T: 3, rows: 2 }, ['unrecognized_key options.rows: is not a known option']],
    ['a missing T', { length: 1, unit: 'week' }, {}, ['invalid_type options.T: is required']],
    ['grids above 1000', { length: 1, unit: 'week' }, { T: 3, maxFrequency: 1001, recencySteps: 1001 }, ['too_big options.maxFrequency: must be at most 1000', 'too_big options.recencySteps: must be at most 1000']],
    ['a negative T and a fractional grid', { length: 1, unit: 'week' }, { T: -1, maxFrequency: 2.5 }, ['too_small options.T: must be greater than 0', 'not_integer options.maxFrequency: must be a whole number']],
  ])('says what is wrong: %s', (_, horizon, options, lines) => {
    expect(issueLines(() => frequencyRecencyMatrix(model, horizon as never, options as never))).toEqual(lines);
  });
});

describe('frequencyRecencyMatrix: the model and options objects', () => {
  it('reports a missing model and the unit it cannot convert the horizon to', () => {
    expect(issuePaths(() => frequencyRecencyMatrix(undefined as never, { length: 1, unit: 'week' }, { T: 3 }))).toEqual(['model', 'model.timeUnit']);
    expect(issueLines(() => frequencyRecencyMatrix({ ...model, timeUnit: undefined } as never, { length: 1, unit: 'week' }, { T: 3 }))).toEqual([
      'invalid_value model.timeUnit: is required to convert a horizon: fit with options.timeUnit or set it on the model',
    ]);
  });

  it('rejects null options', () => {
    expect(issueLines(() => frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, null as never))).toEqual(['invalid_type options: must be an object']);
  });
});

describe('frequencyRecencyMatrix: one model evaluation per cell', () => {
  // Expected purchases are read as P(alive) x (expectation given alive, per frequency): they equal the
  // direct prediction to rounding for every registered model, and probabilityAlive is the direct one.
  it.each([
    { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' as const },
    { kind: 'mbg-nbd' as const, parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week' as const },
    { kind: 'pareto-nbd' as const, parameters: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, timeUnit: 'week' as const },
  ])('$kind', (m) => {
    const horizon = { length: 26, unit: 'week' } as const;
    const grid = frequencyRecencyMatrix(m, horizon, { T: 39, maxFrequency: 30, recencySteps: 13 });
    for (const x of grid.frequencies) {
      grid.recencies.forEach((tx, j) => {
        if ((x === 0) !== (tx === 0)) return;
        const customer = { frequency: x, recency: tx, T: 39 };
        const direct = expectedPurchases(m, customer, horizon);
        expect(grid.probabilityAlive[x]?.[j]).toBe(probabilityAlive(m, customer));
        expect(Math.abs((grid.expectedPurchases[x]?.[j] as number) - direct)).toBeLessThanOrEqual(1e-12 * Math.max(1e-300, direct));
      });
    }
  });
});
