import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { bgBbProbabilityAlive } from './bgBbProbabilityAlive.js';

// Fader, Hardie & Shang (2010), Table 6 parameters for the 1995 donor cohort.
const published = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };

describe('bgBbProbabilityAlive', () => {
  it.each([
    [0, 0, 0.11],
    [2, 4, 0.59],
    [6, 6, 0.93],
  ])('x = %s, t_x = %s, n = 6: P(alive in 2002) = %s (Fader, Hardie & Shang 2010, Table 6 / REFERENCES.md)', (x, tx, expected) => {
    expect(bgBbProbabilityAlive(published, { frequency: x, recency: tx, n: 6 })).toBeCloseTo(expected, 2);
  });

  it.each([
    // mpmath 1.3.0, 30 digits: test/fixtures/bgbb-reference.py (eq. 11 with eq. 5 summed term by term).
    [0, 0, 0.1080165841686742],
    [2, 4, 0.58951411643369789],
    [6, 6, 0.93040254237288136],
    [3, 5, 0.76673404999572513],
    [1, 1, 0.069408093206549674],
  ])('x = %s, t_x = %s, n = 6 matches mpmath to 1e-13', (x, tx, expected) => {
    const actual = bgBbProbabilityAlive(published, { frequency: x, recency: tx, n: 6 });
    expect(Math.abs(actual - expected), `actual ${actual}`).toBeLessThan(1e-13);
  });

  it('worked example, n = 1, x = 1, t_x = 1: only the "alive through 1" term, so P = B(g, d+2)/B(g, d+1) = (d+1)/(g+d+1)', () => {
    // L = a/(a+b) * d/(g+d); numerator = a/(a+b) * d(d+1)/((g+d)(g+d+1)).
    const m = { parameters: { alpha: 2, beta: 3, gamma: 1, delta: 4 } };
    expect(bgBbProbabilityAlive(m, { frequency: 1, recency: 1, n: 1 })).toBeCloseTo(5 / 6, 14);
  });

  it('n = 0 (no opportunity yet): alive at opportunity 1 with probability E[1 - theta] = delta/(gamma + delta) = 4/5', () => {
    const m = { parameters: { alpha: 2, beta: 3, gamma: 1, delta: 4 } };
    expect(bgBbProbabilityAlive(m, { frequency: 0, recency: 0, n: 0 })).toBeCloseTo(4 / 5, 14);
  });

  it('is in [0, 1], rises with recency for fixed x and n, and stays finite for extreme parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (alpha, beta, gamma, delta, n, seed) => {
          const x = seed % (n + 1);
          const m = { parameters: { alpha, beta, gamma, delta } };
          let previous = -1;
          for (let tx = Math.max(x, x === 0 ? 0 : 1); tx <= (x === 0 ? 0 : n); tx++) {
            const value = bgBbProbabilityAlive(m, { frequency: x, recency: tx, n });
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
            expect(value).toBeGreaterThanOrEqual(previous - 1e-12);
            previous = value;
          }
        },
      ),
      { seed: 99, numRuns: 150 },
    );
  });

  it('handles hundreds of opportunities without NaN', () => {
    const v = bgBbProbabilityAlive(published, { frequency: 400, recency: 450, n: 900 });
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(0);
  });

  it.each([
    ['frequency above n', { frequency: 7, recency: 6, n: 6 }, ['customer.frequency']],
    ['recency above n', { frequency: 2, recency: 7, n: 6 }, ['customer.recency']],
    ['frequency 0 with recency > 0', { frequency: 0, recency: 2, n: 6 }, ['customer.recency']],
    ['recency below frequency', { frequency: 3, recency: 2, n: 6 }, ['customer.recency']],
    ['fractional and negative values', { frequency: 1.5, recency: -1, n: 6 }, ['customer.frequency', 'customer.recency']],
    ['missing n', { frequency: 1, recency: 1 }, ['customer.n']],
    ['not an object', 3, ['customer']],
  ])('rejects %s', (_, customer, paths) => {
    expect(issuePaths(() => bgBbProbabilityAlive(published, customer as never))).toEqual(paths);
  });

  it('rejects a model of another kind and non-positive parameters', () => {
    expect(issuePaths(() => bgBbProbabilityAlive({ kind: 'bg-nbd', parameters: published.parameters } as never, { frequency: 0, recency: 0, n: 1 }))).toEqual(['model.kind']);
    expect(issuePaths(() => bgBbProbabilityAlive({ parameters: { alpha: 0, beta: 1, gamma: 1 } } as never, { frequency: 0, recency: 0, n: 1 }))).toEqual([
      'model.parameters.alpha',
      'model.parameters.delta',
    ]);
  });

  it('checks the customer\'s weight', () => {
    expect(issueLines(() => bgBbProbabilityAlive(published, { frequency: 2, recency: 4, n: 6, weight: -1 }))).toEqual(['too_small customer.weight: must be at least 0']);
  });
});
