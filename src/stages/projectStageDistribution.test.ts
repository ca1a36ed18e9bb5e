import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIssueMessage as firstMessage, issueSummaries as issuesOf } from '../../test/helpers/thrown-issues.js';
import { projectStageDistribution } from './projectStageDistribution.js';



const identity = [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (i === j ? 1 : 0)));

describe('projectStageDistribution', () => {
  it('moves customers one step at a time (worked example)', () => {
    // Each level sends half its customers one level up; level 6 keeps everyone.
    const up = [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (i === 5 ? (j === 5 ? 1 : 0) : j === i ? 0.5 : j === i + 1 ? 0.5 : 0)));
    const path = projectStageDistribution([64, 0, 0, 0, 0, 0], up, 3);
    // Step 1: [32, 32, 0...]; step 2: [16, 32, 16, ...]; step 3: [8, 24, 24, 8, 0, 0].
    expect(path).toEqual([
      [64, 0, 0, 0, 0, 0],
      [32, 32, 0, 0, 0, 0],
      [16, 32, 16, 0, 0, 0],
      [8, 24, 24, 8, 0, 0],
    ]);
    expect(projectStageDistribution([1, 2, 3, 4, 5, 6], identity, 0)).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('rescales rows that sum to 1 within the tolerance, and does not mutate its input', () => {
    const matrix = identity.map((row) => [...row]);
    (matrix[0] as number[])[0] = 1 - 5e-10;
    const distribution = [10, 0, 0, 0, 0, 0];
    expect(projectStageDistribution(distribution, matrix, 1)[1]).toEqual([10, 0, 0, 0, 0, 0]);
    expect(distribution).toEqual([10, 0, 0, 0, 0, 0]);
    expect((matrix[0] as number[])[0]).toBe(1 - 5e-10);
  });

  const row = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 }).map((w) => {
    const sum = w.reduce((s, x) => s + x, 0);
    return sum === 0 ? [1, 0, 0, 0, 0, 0] : w.map((x) => x / sum);
  });
  it('property: projections preserve the total and stay non-negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(row, { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 24 }),
        (distribution, matrix, steps) => {
          const path = projectStageDistribution(distribution, matrix, steps);
          expect(path.length).toBe(steps + 1);
          const total = distribution.reduce((s, x) => s + x, 0);
          for (const d of path) {
            expect(d.length).toBe(6);
            expect(d.every((x) => x >= 0)).toBe(true);
            expect(Math.abs(d.reduce((s, x) => s + x, 0) - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
          }
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });

  it.each([
    ['a distribution of the wrong length', () => projectStageDistribution([1, 2, 3], identity, 1), ['invalid_structure distribution']],
    ['a negative share', () => projectStageDistribution([1, -2, 3, 0, 0, 0], identity, 1), ['too_small distribution.1']],
    ['a distribution that is not an array', () => projectStageDistribution('x' as never, identity, 1), ['invalid_type distribution']],
    ['a matrix with 5 rows', () => projectStageDistribution([1, 0, 0, 0, 0, 0], identity.slice(0, 5), 1), ['invalid_structure matrix']],
    ['a matrix that is not an array', () => projectStageDistribution([1, 0, 0, 0, 0, 0], undefined as never, 1), ['invalid_type matrix']],
    ['a row with 5 entries', () => projectStageDistribution([1, 0, 0, 0, 0, 0], [...identity.slice(0, 5), [0, 0, 0, 0, 1]], 1), ['invalid_structure matrix.5']],
    ['a row that is not an array', () => projectStageDistribution([1, 0, 0, 0, 0, 0], [null as never, ...identity.slice(1)], 1), ['invalid_type matrix.0']],
    ['a row that sums to 0.9', () => projectStageDistribution([1, 0, 0, 0, 0, 0], [[0.9, 0, 0, 0, 0, 0], ...identity.slice(1)], 1), ['invalid_structure matrix.0']],
    ['a row that sums to 1.1', () => projectStageDistribution([1, 0, 0, 0, 0, 0], [[0.6, 0.5, 0, 0, 0, 0], ...identity.slice(1)], 1), ['invalid_structure matrix.0']],
    ['a probability above 1', () => projectStageDistribution([1, 0, 0, 0, 0, 0], [[1.5, -0.5, 0, 0, 0, 0], ...identity.slice(1)], 1), ['too_big matrix.0.0', 'too_small matrix.0.1']],
    ['a NaN entry', () => projectStageDistribution([1, 0, 0, 0, 0, 0], [[Number.NaN, 1, 0, 0, 0, 0], ...identity.slice(1)], 1), ['not_finite matrix.0.0']],
    ['fractional steps', () => projectStageDistribution([1, 0, 0, 0, 0, 0], identity, 1.5), ['not_integer steps']],
    ['negative steps', () => projectStageDistribution([1, 0, 0, 0, 0, 0], identity, -1), ['too_small steps']],
    // 1e308 steps used to run out of memory building the path; the cap refuses it before any work
    ['1e308 steps', () => projectStageDistribution([1, 0, 0, 0, 0, 0], identity, 1e308), ['too_big steps']],
    ['100,001 steps', () => projectStageDistribution([1, 0, 0, 0, 0, 0], identity, 100_001), ['too_big steps']],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuesOf(fn)).toEqual(expected);
  });
});

describe('projectStageDistribution messages', () => {
  it('say what is wrong without the value', () => {
    expect(firstMessage(() => projectStageDistribution([1, 0, 0, 0, 0, 0], undefined as never, 1))).toBe('is required');
    expect(firstMessage(() => projectStageDistribution([1, 0, 0, 0, 0, 0], 'm' as never, 1))).toBe('must be an array of 6 rows');
    expect(firstMessage(() => projectStageDistribution([1, 0, 0, 0, 0, 0], [[0.5, 0, 0, 0, 0, 0], ...identity.slice(1)], 1))).toBe('must sum to 1');
  });
});

describe('projectStageDistribution: sparse matrices (issue 14)', () => {
  it('reports a missing row instead of a raw TypeError (forEach skipped the hole)', () => {
    const stay = (i: number) => [0, 0, 0, 0, 0, 0].map((_, j) => (i === j ? 1 : 0));
    const matrix = [stay(0), stay(1), stay(2), stay(3), stay(4), stay(5)];
    delete matrix[0];
    expect(issuesOf(() => projectStageDistribution([1, 0, 0, 0, 0, 0], matrix, 1))).toEqual(['invalid_type matrix.0']);
  });
});

describe('projectStageDistribution at its step limit', () => {
  it('projects exactly 100,000 steps: 100,001 rows, total preserved', () => {
    const half = [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (j === i ? 0.5 : j === (i + 1) % 6 ? 0.5 : 0)));
    const path = projectStageDistribution([600, 0, 0, 0, 0, 0], half, 100_000);
    expect(path.length).toBe(100_001);
    // the chain is doubly stochastic and aperiodic: it settles at 100 per level
    for (const x of path[100_000] as number[]) expect(x).toBeCloseTo(100, 9);
  });
});
