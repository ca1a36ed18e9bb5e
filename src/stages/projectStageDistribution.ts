import { checkNumber, checkNumberArray, IssueList } from '../_lib/validate.js';

const ROW_SUM_TOLERANCE = 1e-9;

/**
 * The most steps {@link projectStageDistribution} projects: the result holds every step, so its size
 * (not the arithmetic) is what needs a bound; 100,000 steps are 100,001 rows of six numbers (about
 * 10 MB), over 8,000 years of monthly steps.
 */
const MAX_STEPS = 100_000;

/**
 * Projects a distribution over the six need levels forward through a transition matrix, for
 * what-if planning ("if this month's movements repeat, where will our customers be in a quarter?").
 *
 * Definition: the distribution after one step is `d'[j] = sum_i d[i] * matrix[i][j]` (a Markov
 * chain step). Each row of the matrix must sum to 1 (within 1e-9; rows are rescaled to sum exactly to
 * 1), so the total is preserved: customers move between levels, none appear or vanish. Fill the
 * `undefined` rows of a {@link stageTransitionMatrix} result (levels nobody was at) with your own
 * assumption first, for example "stay put" (1 on the diagonal).
 *
 * Cost: O(36 * steps) time and O(6 * steps) memory. Limit: at most 100,000 steps (the result keeps
 * every step; `steps = 1e308` used to exhaust the memory); more are refused up front.
 *
 * @param distribution - Six non-negative numbers (counts or shares), index `level - 1`.
 * @param matrix - A 6 x 6 row-stochastic matrix: `matrix[from - 1][to - 1]`.
 * @param steps - How many steps to project, a whole number >= 0.
 * @returns The distributions at steps 0 (a copy of the input) to `steps`.
 * @throws {@link MetricsInputError} when the distribution is not six non-negative numbers, the matrix
 *   is not 6 x 6 with entries in [0, 1] and rows summing to 1, or `steps` is not a whole number from 0
 *   to 100,000.
 * @see Pfeifer, P. E. & Carraway, R. L. (2000) "Modeling customer relationships as Markov chains", Journal of Interactive Marketing 14(2).
 * @example
 * ```ts
 * import { projectStageDistribution } from 'customer-metrics';
 * const stay = (i: number) => [0, 0, 0, 0, 0, 0].map((_, j) => (i === j ? 1 : 0));
 * // Half of level 5 buys each month; everyone else stays.
 * const matrix = [stay(0), stay(1), stay(2), stay(3), [0, 0, 0, 0, 0.5, 0.5], stay(5)];
 * const path = projectStageDistribution([0, 0, 0, 0, 100, 0], matrix, 2);
 * path[2]; // => [0, 0, 0, 0, 25, 75]
 * ```
 */
export function projectStageDistribution(distribution: readonly number[], matrix: readonly (readonly number[])[], steps: number): number[][] {
  const issues = new IssueList();
  if (checkNumberArray(distribution, ['distribution'], { min: 0 }, issues) && distribution.length !== 6) {
    issues.add('invalid_structure', ['distribution'], 'must have exactly 6 items, one per need level');
  }
  if (!Array.isArray(matrix)) {
    issues.add('invalid_type', ['matrix'], matrix === undefined ? 'is required' : 'must be an array of 6 rows');
  } else if (matrix.length !== 6) {
    issues.add('invalid_structure', ['matrix'], 'must have exactly 6 rows, one per need level');
  } else {
    // A plain loop, not forEach: forEach skips the holes of a sparse matrix, which must be reported.
    for (let i = 0; i < 6; i++) {
      const row: unknown = matrix[i];
      if (!checkNumberArray(row, ['matrix', i], { min: 0, max: 1 }, issues)) continue;
      if (row.length !== 6) {
        issues.add('invalid_structure', ['matrix', i], 'must have exactly 6 entries, one per need level');
        continue;
      }
      let sum = 0;
      for (let j = 0; j < 6; j++) sum += row[j] as number;
      if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) issues.add('invalid_structure', ['matrix', i], 'must sum to 1');
    }
  }
  checkNumber(steps, ['steps'], { integer: true, min: 0, max: MAX_STEPS }, issues);
  issues.throwIfAny();

  const rows = matrix.map((row) => {
    let sum = 0;
    for (const p of row) sum += p;
    return row.map((p) => p / sum);
  });
  const path: number[][] = [[...distribution]];
  let current = [...distribution];
  for (let s = 0; s < steps; s++) {
    const next = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 6; i++) {
      const mass = current[i] as number;
      const row = rows[i] as number[];
      for (let j = 0; j < 6; j++) next[j] = (next[j] as number) + mass * (row[j] as number);
    }
    path.push(next);
    current = next;
  }
  return path;
}
