import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quasiNewtonFrom } from './newton.js';
import type { Objective } from './optimize.js';

// f(x) = 1/2 x'Ax - b'x, gradient Ax - b, minimum at A^-1 b.
function quadratic(A: number[][], b: number[]): Objective & { calls: number } {
  const fn = ((x: Float64Array, g: Float64Array) => {
    fn.calls += 1;
    let f = 0;
    for (let i = 0; i < b.length; i++) {
      let Ax = 0;
      for (let j = 0; j < b.length; j++) Ax += (A[i]?.[j] as number) * (x[j] as number);
      g[i] = Ax - (b[i] as number);
      f += 0.5 * (x[i] as number) * Ax - (b[i] as number) * (x[i] as number);
    }
    return f;
  }) as Objective & { calls: number };
  fn.calls = 0;
  return fn;
}

// A = [[2, 1], [1, 3]], det 5, A^-1 = [[3, -1], [-1, 2]] / 5; b = [1, 2] -> minimum (1/5, 3/5), f = -7/10.
const A = [
  [2, 1],
  [1, 3],
];
const inverseA = [
  [0.6, -0.2],
  [-0.2, 0.4],
];
const b = [1, 2];

describe('quasiNewtonFrom', () => {
  it('lands on the minimum of a quadratic in one step when the inverse Hessian is exact', () => {
    const fn = quadratic(A, b);
    const result = quasiNewtonFrom(fn, [5, -4], inverseA, 1e-12, 10);
    // x1 = x0 - A^-1 (A x0 - b) = A^-1 b = (0.2, 0.6); f = 1/2 b'A^-1 b - b'A^-1 b = -1/2 (0.2 + 1.2) = -0.7.
    expect(result.x[0]).toBeCloseTo(0.2, 14);
    expect(result.x[1]).toBeCloseTo(0.6, 14);
    expect(result.value).toBeCloseTo(-0.7, 14);
    expect(result.steps).toBe(1);
    expect(result.evaluations).toBe(2);
    expect(fn.calls).toBe(2);
    expect(result.converged).toBe(true);
  });

  it('takes no step from a point that already passes the gradient test', () => {
    const fn = quadratic(A, b);
    const result = quasiNewtonFrom(fn, [0.2, 0.6], inverseA, 1e-9, 10);
    expect(result).toMatchObject({ steps: 0, evaluations: 1, converged: true });
    expect(Array.from(result.x)).toEqual([0.2, 0.6]);
  });

  it('scales the tolerance by max(1, |f|): a gradient of 0.05 passes at |f| = 100 with tolerance 1e-3, not at |f| = 1', () => {
    // f = 1/2 x^2 + c has gradient x: at x = 0.05 the gradient is 0.05.
    const shifted = (c: number): Objective => (x, g) => {
      g[0] = x[0] as number;
      return 0.5 * (x[0] as number) ** 2 + c;
    };
    expect(quasiNewtonFrom(shifted(100), [0.05], [[1]], 1e-3, 0)).toMatchObject({ converged: true, steps: 0 });
    expect(quasiNewtonFrom(shifted(0), [0.05], [[1]], 1e-3, 0)).toMatchObject({ converged: false, steps: 0 });
    // |f| = 0.00125 < 1, so the bound is the tolerance itself: 0.05 <= 0.1 passes.
    expect(quasiNewtonFrom(shifted(0), [0.05], [[1]], 0.1, 0)).toMatchObject({ converged: true, steps: 0 });
  });

  it('stops after maxSteps', () => {
    const fn = quadratic(A, b);
    // Half the exact inverse: each step only goes part of the way.
    const half = inverseA.map((row) => row.map((v) => v / 2));
    const result = quasiNewtonFrom(fn, [5, -4], half, 1e-14, 1);
    expect(result.steps).toBe(1);
    expect(result.evaluations).toBe(2);
    expect(result.converged).toBe(false);
    // x1 = x0 - 1/2 A^-1 (A x0 - b) = (x0 + A^-1 b) / 2 = (2.6, -1.7).
    expect(result.x[0]).toBeCloseTo(2.6, 14);
    expect(result.x[1]).toBeCloseTo(-1.7, 14);
  });

  it('learns the curvature through the BFGS update when the starting matrix is off', () => {
    const fn = quadratic(A, b);
    // 0.3 I instead of A^-1: a fixed-matrix (chord) iteration contracts only by the spectral radius
    // of I - 0.3 A (eigenvalues of A are (5 -+ sqrt 5) / 2 = 1.38 and 3.62, so 1 - 0.3 * 1.38 = 0.59
    // per step: about 55 steps to 1e-12); the updates cut that to 10.
    const result = quasiNewtonFrom(fn, [5, -4], [
      [0.3, 0],
      [0, 0.3],
    ], 1e-12, 50);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(0.2, 10);
    expect(result.x[1]).toBeCloseTo(0.6, 10);
    expect(result.steps).toBeLessThanOrEqual(12);
    expect(result.steps).toBeGreaterThan(1);
  });

  it('halves a step that overshoots until the objective does not increase', () => {
    // f = x^2 (gradient 2x, inverse Hessian 1/2); a matrix of 4 (8 times too large) from x0 = 1
    // proposes x = 1 - 4 * 2 = -7 (f = 49 > 1), then -3 (9 > 1), then -1 (f = 1 <= 1: accepted).
    const fn: Objective = (x, g) => {
      g[0] = 2 * (x[0] as number);
      return (x[0] as number) ** 2;
    };
    const result = quasiNewtonFrom(fn, [1], [[4]], 1e-12, 1);
    expect(result.x[0]).toBe(-1);
    expect(result.value).toBe(1);
    expect(result.steps).toBe(1);
    // The start, then -7, -3 and -1.
    expect(result.evaluations).toBe(4);
  });

  it('gives up after 30 halvings when the direction goes uphill, keeping the start', () => {
    const fn = quadratic(A, b);
    const uphill = inverseA.map((row) => row.map((v) => -v));
    const result = quasiNewtonFrom(fn, [5, -4], uphill, 1e-12, 10);
    expect(result).toMatchObject({ steps: 0, evaluations: 31, converged: false });
    expect(Array.from(result.x)).toEqual([5, -4]);
  });

  it('reports a start where the objective is not finite and takes no step', () => {
    const fn: Objective = () => Number.NaN;
    const result = quasiNewtonFrom(fn, [1, 2], inverseA, 1e-9, 10);
    expect(result).toMatchObject({ steps: 0, evaluations: 1, converged: false });
    expect(result.value).toBeNaN();
  });

  it('rejects trial points where the objective is not finite and halves instead', () => {
    // f = x^2 for x > -0.5, Infinity beyond: from x0 = 1 with matrix 1, the trial -1 is rejected and
    // the halved step to 0 is taken.
    const fn: Objective = (x, g) => {
      const v = x[0] as number;
      g[0] = 2 * v;
      return v > -0.5 ? v * v : Infinity;
    };
    const result = quasiNewtonFrom(fn, [1], [[1]], 1e-12, 1);
    expect(result.x[0]).toBe(0);
    expect(result.evaluations).toBe(3);
  });

  it('skips the update when a step has negative curvature (s\'y <= 0), which would make the matrix indefinite', () => {
    // The double well f = x^4/4 - x^2/2, g = x^3 - x, minima at +-1. From x0 = 0.1 with M = 1 the
    // first step goes to 0.199 where g = -0.191: s = 0.099, y = -0.092, s'y < 0. Updating would give
    // M = s / y = -1.07 and send the next step back uphill towards 0; skipping keeps M = 1 and walks
    // on to the minimum at 1.
    const fn: Objective = (x, g) => {
      const v = x[0] as number;
      g[0] = v ** 3 - v;
      return v ** 4 / 4 - v ** 2 / 2;
    };
    const result = quasiNewtonFrom(fn, [0.1], [[1]], 1e-12, 100);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 10);
    expect(result.value).toBeCloseTo(-0.25, 14);
  });

  it('leaves the matrix it was given unchanged', () => {
    const matrix = [
      [0.3, 0],
      [0, 0.3],
    ];
    quasiNewtonFrom(quadratic(A, b), [5, -4], matrix, 1e-12, 50);
    expect(matrix).toEqual([
      [0.3, 0],
      [0, 0.3],
    ]);
  });

  it('never ends above its start and converges on random convex quadratics from a rough inverse', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.double({ min: -0.9, max: 0.9, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true })),
        (d1, d2, rho, scale, start) => {
          const off = rho * Math.sqrt(d1 * d2);
          const M = [
            [d1, off],
            [off, d2],
          ];
          const det = d1 * d2 - off * off;
          // The exact inverse times a factor between 0.5 and 2.
          const rough = [
            [(scale * d2) / det, (-scale * off) / det],
            [(-scale * off) / det, (scale * d1) / det],
          ];
          const fn = quadratic(M, b);
          const g = new Float64Array(2);
          const f0 = fn(Float64Array.from(start), g);
          const result = quasiNewtonFrom(fn, start, rough, 1e-10, 100);
          expect(result.value).toBeLessThanOrEqual(f0);
          expect(result.converged).toBe(true);
          const xStar = [(d2 * 1 - off * 2) / det, (d1 * 2 - off * 1) / det];
          expect(Math.abs((result.x[0] as number) - (xStar[0] as number))).toBeLessThan(1e-6 * (1 + Math.abs(xStar[0] as number)));
          expect(Math.abs((result.x[1] as number) - (xStar[1] as number))).toBeLessThan(1e-6 * (1 + Math.abs(xStar[1] as number)));
        },
      ),
    );
  });
});
