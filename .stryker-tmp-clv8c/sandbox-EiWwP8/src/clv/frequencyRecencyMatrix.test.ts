// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/helpers/issue-paths.js';
import { expectedPurchases } from './expectedPurchases.js';
import { frequencyRecencyMatrix } from './frequencyRecencyMatrix.js';
import { probabilityAlive } from './probabilityAlive.js';

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
