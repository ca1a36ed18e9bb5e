/**
 * Quasi-Newton steps from a given inverse-Hessian approximation M: from a start near the minimum,
 * repeat x <- x - s M g(x), with s = 1 halved until the objective does not increase, and after each
 * step the BFGS update of M with s = x_new - x, y = g_new - g (skipped when s'y <= 0; Nocedal &
 * Wright 2006, eq. 6.17). It stops when max|g| <= gradientTolerance * max(1, |f|) (the test of
 * `minimize` in optimize.ts), after `maxSteps` steps, or when no halving decreases the objective.
 *
 * Use: the big-data fits first fit a subsample, where every evaluation is cheap. The Hessian there,
 * scaled by the ratio of the weights, approximates the Hessian of the full data to within the
 * subsample's sampling error, and the BFGS updates correct the rest: a handful of evaluations of
 * the full data instead of the dozen or two that BFGS from a scaled identity needs to learn the
 * curvature again.
 *
 * Cost: one evaluation per step and one per halving, plus O(n^2) arithmetic per step.
 *
 * @internal
 * @module
 */
import { maxAbs, type Objective } from './optimize.js';

/** The outcome of {@link quasiNewtonFrom}. */
export interface ChordNewtonResult {
  /** The last accepted point (the start when no step was accepted). */
  readonly x: Float64Array;
  /** The objective there. */
  readonly value: number;
  /** Accepted steps. */
  readonly steps: number;
  /** Objective evaluations, the one at the start included. */
  readonly evaluations: number;
  /** Whether the gradient test held at `x`. */
  readonly converged: boolean;
}

const MAX_HALVINGS = 30;

/**
 * Quasi-Newton steps on `fn` from `start`, starting from the inverse-Hessian approximation `inverse`
 * (an n x n matrix, symmetric positive definite; not modified).
 */
export function quasiNewtonFrom(
  fn: Objective,
  start: ArrayLike<number>,
  inverse: readonly (readonly number[])[],
  gradientTolerance: number,
  maxSteps: number,
): ChordNewtonResult {
  const n = start.length;
  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = fn(x, g);
  let evaluations = 1;
  let steps = 0;
  const M = inverse.map((row) => Float64Array.from(row));
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const My = new Float64Array(n);
  let trial = new Float64Array(n);
  let gTrial = new Float64Array(n);
  const done = () => Number.isFinite(f) && maxAbs(g) <= gradientTolerance * Math.max(1, Math.abs(f));
  while (steps < maxSteps && Number.isFinite(f) && !done()) {
    for (let i = 0; i < n; i++) {
      const row = M[i] as Float64Array;
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= (row[j] as number) * (g[j] as number);
      direction[i] = sum;
    }
    let scale = 1;
    let accepted = false;
    for (let halving = 0; halving < MAX_HALVINGS && !accepted; halving++) {
      for (let i = 0; i < n; i++) trial[i] = (x[i] as number) + scale * (direction[i] as number);
      const fTrial = fn(trial, gTrial);
      evaluations += 1;
      if (fTrial <= f) {
        for (let k = 0; k < n; k++) {
          s[k] = (trial[k] as number) - (x[k] as number);
          y[k] = (gTrial[k] as number) - (g[k] as number);
        }
        [x, trial] = [trial, x];
        [g, gTrial] = [gTrial, g];
        f = fTrial;
        accepted = true;
      }
      scale /= 2;
    }
    if (!accepted) break;
    steps += 1;
    updateInverse(M, s, y, My);
  }
  return { x, value: f, steps, evaluations, converged: done() };
}

// The BFGS update of the inverse Hessian: M <- (I - rho s y') M (I - rho y s') + rho s s',
// rho = 1 / (s'y), written out as M + ((s'y + y'My) / (s'y)^2) s s' - (My s' + s (My)') / (s'y).
function updateInverse(M: Float64Array[], s: Float64Array, y: Float64Array, My: Float64Array): void {
  const n = s.length;
  let sy = 0;
  for (let i = 0; i < n; i++) sy += (s[i] as number) * (y[i] as number);
  if (!(sy > 0)) return;
  let yMy = 0;
  for (let i = 0; i < n; i++) {
    const row = M[i] as Float64Array;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (row[j] as number) * (y[j] as number);
    My[i] = sum;
    yMy += (y[i] as number) * sum;
  }
  const a = (sy + yMy) / (sy * sy);
  for (let i = 0; i < n; i++) {
    const row = M[i] as Float64Array;
    const si = s[i] as number;
    const Myi = My[i] as number;
    for (let j = 0; j < n; j++) row[j] = (row[j] as number) + a * si * (s[j] as number) - (Myi * (s[j] as number) + si * (My[j] as number)) / sy;
  }
}
