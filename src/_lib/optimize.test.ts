import { describe, expect, it } from 'vitest';
import { covarianceFromLogScale, evaluationCap, hessianFromGradient, invertPositiveDefinite, minimize, rememberLast, type Objective } from './optimize.js';

// Rosenbrock: minimum 0 at (1, 1), a curved valley that defeats steepest descent.
const rosenbrock: Objective = (x, g) => {
  const a = x[0] as number;
  const b = x[1] as number;
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

// A quadratic with known Hessian [[4, 1], [1, 3]] and minimum at (1, -2).
const quadratic: Objective = (x, g) => {
  const u = (x[0] as number) - 1;
  const v = (x[1] as number) + 2;
  g[0] = 4 * u + v;
  g[1] = u + 3 * v;
  return 2 * u * u + u * v + 1.5 * v * v + 7;
};

describe('minimize', () => {
  it('finds the Rosenbrock minimum with BFGS and reports convergence', () => {
    const result = minimize(rosenbrock, { starts: [[-1.2, 1]] });
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.report.converged).toBe(true);
    expect(result.report.method).toBe('bfgs');
    expect(result.report.reason).toBe('gradient-tolerance');
    expect(result.report.iterations).toBeGreaterThan(5);
    expect(result.report.functionEvaluations).toBeGreaterThanOrEqual(result.report.iterations);
    expect(result.report.gradientNorm).toBeLessThanOrEqual(1e-9);
    expect(result.report.starts).toBe(1);
  });

  it('picks the best of several starts', () => {
    // Two wells: f = (x^2 - 1)^2 + 0.3 x, the deeper one near x = -1.
    const wells: Objective = (x, g) => {
      const v = x[0] as number;
      g[0] = 4 * v * (v * v - 1) + 0.3;
      return (v * v - 1) ** 2 + 0.3 * v;
    };
    const single = minimize(wells, { starts: [[2]] });
    expect(single.x[0]).toBeGreaterThan(0);
    const multi = minimize(wells, { starts: [[2], [-2]] });
    expect(multi.x[0]).toBeLessThan(0);
    expect(multi.value).toBeLessThan(single.value);
    expect(multi.report.starts).toBe(2);
  });

  it('steps back from points where the objective is not finite', () => {
    // f defined only for x < 3, minimum at 2.9.
    const walled: Objective = (x, g) => {
      const v = x[0] as number;
      if (v >= 3) return Number.NaN;
      g[0] = 2 * (v - 2.9) - 1e-3 / (3 - v);
      return (v - 2.9) ** 2 + 1e-3 * Math.log(3 - v) * -1;
    };
    const result = minimize(walled, { starts: [[0]] });
    expect(result.x[0]).toBeLessThan(3);
    expect(Number.isFinite(result.value)).toBe(true);
  });

  it('reports a non-finite start without throwing, and stops at maxIterations', () => {
    const nowhere: Objective = () => Number.NaN;
    const result = minimize(nowhere, { starts: [[1, 2]] });
    expect(result.report.converged).toBe(false);
    expect(result.value).toBe(Infinity);
    const capped = minimize(rosenbrock, { starts: [[-1.2, 1]], maxIterations: 3 });
    expect(capped.report.iterations).toBeGreaterThanOrEqual(3);
  });

  it('falls back to Nelder-Mead when BFGS stops early and keeps the better point', () => {
    const capped = minimize(rosenbrock, { starts: [[-1.2, 1]], maxIterations: 2 });
    expect(capped.value).toBeLessThan(rosenbrock(Float64Array.of(-1.2, 1), new Float64Array(2)));
  });
});

describe('Hessian and covariance', () => {
  it('recovers a known Hessian from the gradient', () => {
    const H = hessianFromGradient(quadratic, [1, -2]);
    expect(H[0]?.[0]).toBeCloseTo(4, 6);
    expect(H[0]?.[1]).toBeCloseTo(1, 6);
    expect(H[1]?.[0]).toBe(H[0]?.[1]);
    expect(H[1]?.[1]).toBeCloseTo(3, 6);
  });

  it('inverts positive definite matrices and rejects the others', () => {
    const inv = invertPositiveDefinite([
      [4, 1],
      [1, 3],
    ]) as number[][];
    // [[4, 1], [1, 3]]^-1 = [[3, -1], [-1, 4]] / 11
    expect(inv[0]?.[0]).toBeCloseTo(3 / 11, 14);
    expect(inv[0]?.[1]).toBeCloseTo(-1 / 11, 14);
    expect(inv[1]?.[1]).toBeCloseTo(4 / 11, 14);
    expect(invertPositiveDefinite([[1, 2], [2, 1]])).toBeUndefined();
    expect(invertPositiveDefinite([[0]])).toBeUndefined();
    expect(invertPositiveDefinite([[Number.NaN]])).toBeUndefined();
  });

  it('transforms a log-scale covariance with the full delta method (off-diagonal terms too)', () => {
    const cov = covarianceFromLogScale(
      [
        [0.04, 0.01],
        [0.01, 0.09],
      ],
      [2, 5],
    );
    expect(cov).toEqual([
      [0.16, 0.1],
      [0.1, 2.25],
    ].map((row) => row.map((v) => expect.closeTo(v, 14))));
  });
});

// The objective records every point it is asked for, so a test can follow the line search and the
// simplex step by step (copies: the optimizer reuses its buffers).
function traced(fn: Objective): { fn: Objective; points: number[][] } {
  const points: number[][] = [];
  return {
    points,
    fn: (x, g) => {
      points.push([...x]);
      return fn(x, g);
    },
  };
}

// k (x - m)^2 in one variable, with its gradient.
const parabola =
  (k: number, m: number): Objective =>
  (x, g) => {
    const u = (x[0] as number) - m;
    g[0] = 2 * k * u;
    return k * u * u;
  };

describe('minimize: BFGS steps worked by hand', () => {
  it('takes a unit first move, then the secant step: (x - 3)^2 from 0 visits 0, 1, 3', () => {
    // g(0) = -6, H = I, d = 6; the first step is scaled to a unit move: x = 1 (f 9 -> 4, Armijo holds).
    // s = 1, y = g(1) - g(0) = -4 + 6 = 2: in one variable BFGS gives H = s / y = 1/2, the exact inverse
    // curvature, so the next step is -H g(1) = 2: x = 3, g = 0 (converged at iteration 2).
    const t = traced(parabola(1, 3));
    const r = minimize(t.fn, { starts: [[0]] });
    expect(t.points).toEqual([[0], [1], [3]]);
    expect([...r.x]).toEqual([3]);
    expect(r.value).toBe(0);
    expect(r.report).toEqual({
      converged: true,
      method: 'bfgs',
      iterations: 2,
      functionEvaluations: 3,
      gradientNorm: 0,
      reason: 'gradient-tolerance',
      starts: 1,
    });
  });

  it('backtracks to the minimiser of the quadratic through f(0), f\'(0) and the rejected trial', () => {
    // 10 (x - 0.2)^2 from 0: g = -4, d = 4, unit move: step 0.25, trial x = 1, f = 6.4 > 0.4 (rejected).
    // slope = -16; denom = 2 (6.4 - 0.4 + 16 * 0.25) = 20; next = 16 * 0.25^2 / 20 = 0.05, inside
    // [0.025, 0.125]: x = 0.05 * 4 = 0.2, the exact minimiser.
    const t = traced(parabola(10, 0.2));
    const r = minimize(t.fn, { starts: [[0]] });
    expect(t.points).toEqual([[0], [1], [0.2]]);
    expect(r.report.iterations).toBe(1);
    expect(r.value).toBe(0);
  });

  it('keeps the backtracking step within [0.1, 0.5] of the previous step', () => {
    // 100 (x - 0.02)^2 from 0: step 0.25, trial 1 (f 96.04); the interpolation gives
    // 16 * 0.0625 / (2 (96.04 - 0.04 + 4)) = 0.005 < 0.1 * 0.25, so the step is 0.025: x = 0.1 (f 0.64,
    // rejected); then 0.4 * 0.025 / (2 (0.64 - 0.04 + 0.4)) = 0.005 inside [0.0025, 0.0125]: x = 0.02.
    const t = traced(parabola(100, 0.02));
    minimize(t.fn, { starts: [[0]] });
    expect(t.points.map(([x]) => x)).toEqual([0, 1, expect.closeTo(0.1, 15), expect.closeTo(0.02, 15)]);
    // 4 (x - 0.50001)^2 from 0: the trial x = 1 is slightly better than x = 0 (f 0.99996 vs 1.00004)
    // but misses the Armijo decrease, so the interpolated step (just above half) is capped at half:
    // x = 0.5, not the minimiser 0.50001 that the uncapped interpolation would give.
    const u = traced(parabola(4, 0.50001));
    minimize(u.fn, { starts: [[0]] });
    expect(u.points.map(([x]) => x)).toEqual([0, 1, 0.5, expect.closeTo(0.50001, 14)]);
    // (x - 0.5)^2 from 0: the trial x = 1 has f = f(0) exactly, which is no decrease: halved to 0.5.
    const v = traced(parabola(1, 0.5));
    minimize(v.fn, { starts: [[0]] });
    expect(v.points).toEqual([[0], [1], [0.5]]);
  });

  it('cuts the step to a tenth where the objective is not finite, and rejects non-finite gradients', () => {
    // (x - 0.3)^2, NaN for x >= 0.5: trial 0.6 is NaN, so the step is 0.1: x = 0.06 (accepted).
    const walled: Objective = (x, g) => ((x[0] as number) >= 0.5 ? Number.NaN : parabola(1, 0.3)(x, g));
    const t = traced(walled);
    minimize(t.fn, { starts: [[0]] });
    expect(t.points.slice(0, 3).map(([x]) => x)).toEqual([0, 0.6, expect.closeTo(0.06, 15)]);
    // The same f everywhere, but a NaN gradient for x >= 0.5: the trial 0.6 has a finite f (0.09, no
    // decrease from 0.09), so it is rejected and interpolated: 0.36 / (2 (0.09 - 0.09 + 0.36)) = 0.5.
    const nanGradient: Objective = (x, g) => {
      const f = parabola(1, 0.3)(x, g);
      if ((x[0] as number) >= 0.5) g[0] = Number.NaN;
      return f;
    };
    const u = traced(nanGradient);
    const r = minimize(u.fn, { starts: [[0]] });
    expect(u.points).toEqual([[0], [0.6], [0.3]]);
    expect(r.report.reason).toBe('gradient-tolerance');
  });

  it('halves the step when a rejected trial lies beyond the quadratic model (f falls faster than linearly)', () => {
    // 1 - x^2 from 0.4, gradient unavailable (NaN) for x >= 0.5: g = -0.8, step 1, trial 1.2 (f -0.44,
    // NaN gradient: rejected). denom = 2 (-0.44 - 0.84 + 0.64) < 0: no interpolation, half the step:
    // 0.8, 0.6, 0.5 (all rejected the same way), then 0.45 (f 0.7975, accepted).
    const t = traced((x, g) => {
      const v = x[0] as number;
      g[0] = v >= 0.5 ? Number.NaN : -2 * v;
      return 1 - v * v;
    });
    minimize(t.fn, { starts: [[0.4]], maxIterations: 1 });
    expect(t.points.slice(0, 6).map(([x]) => x)).toEqual([0.4, 1.2, 0.8, 0.6, 0.5, 0.45].map((v) => expect.closeTo(v, 15)));
  });

  it('caps every move at 10 per coordinate', () => {
    // 0.005 x^2 from 1000: a unit first move to 999; then H = 1 / 0.01 = 100 gives d = -999, capped at a
    // move of 10: 989, 979, ..., 9 (99 capped moves), then the full step to 0: 101 iterations.
    const t = traced((x, g) => {
      g[0] = 0.01 * (x[0] as number);
      return 0.005 * (x[0] as number) ** 2;
    });
    const r = minimize(t.fn, { starts: [[1000]] });
    const xs = t.points.map(([x]) => x as number);
    expect(xs.slice(0, 4)).toEqual([1000, 999, 989, 979]);
    expect(xs[100]).toBeCloseTo(9, 9);
    expect(r.report.iterations).toBe(101);
    expect(r.report.functionEvaluations).toBe(102);
    expect(Math.abs(r.x[0] as number)).toBeLessThan(1e-12);
  });

  it('stops after maxIterations BFGS steps and continues with Nelder-Mead from that point', () => {
    const t = traced((x, g) => {
      g[0] = 0.01 * (x[0] as number);
      return 0.005 * (x[0] as number) ** 2;
    });
    minimize(t.fn, { starts: [[1000]], maxIterations: 5 });
    // Five BFGS iterations (1000 -> 959), then the simplex {959, 959.5}.
    expect(t.points.slice(0, 8).map(([x]) => x)).toEqual([1000, 999, 989, 979, 969, 959, 959, 959.5]);
  });

  it('measures the gradient against max(1, |f|): a large objective converges with a larger gradient', () => {
    // At x = 3.00025 the gradient is 5e-4: above 1e-9 when f ~ 0, below 1e-9 * 1e6 when f = 1e6 + ...
    const offset: Objective = (x, g) => parabola(1, 3)(x, g) + 1e6;
    const big = minimize(offset, { starts: [[3.00025]] });
    expect(big.report).toMatchObject({ converged: true, iterations: 0, functionEvaluations: 1, reason: 'gradient-tolerance' });
    expect(big.report.gradientNorm).toBeCloseTo(5e-4, 12);
    const small = minimize(parabola(1, 3), { starts: [[3.00025]] });
    expect(small.report.iterations).toBe(1);
    expect(small.x[0]).toBe(3);
    const loose = minimize(parabola(1, 3), { starts: [[3.00025]], gradientTolerance: 1e-3 });
    expect(loose.report.iterations).toBe(0);
  });

  it('pins the path on Rosenbrock and an anisotropic quadratic (any change to the update shows)', () => {
    // Regression pins from this implementation: BFGS with the Nocedal-Wright initial scaling needs 40
    // iterations (50 evaluations) on Rosenbrock from (-1.2, 1) and 5 (6) on 0.5 (x^2 + 100 y^2).
    const t = traced(rosenbrock);
    const r = minimize(t.fn, { starts: [[-1.2, 1]] });
    expect(r.report.iterations).toBe(40);
    expect(r.report.functionEvaluations).toBe(50);
    expect(t.points.length).toBe(50);
    expect(t.points[1]?.[0]).toBeCloseTo(-0.2, 12); // the unit first move along -g = (215.6, 88)
    const aniso = traced((x, g) => {
      g[0] = x[0] as number;
      g[1] = 100 * (x[1] as number);
      return 0.5 * ((x[0] as number) ** 2 + 100 * (x[1] as number) ** 2);
    });
    const q = minimize(aniso.fn, { starts: [[1, 1]] });
    // The first move: g = (1, 100), unit move in the largest coordinate: (1, 1) - (0.01, 1) = (0.99, 0).
    expect(aniso.points[1]).toEqual([0.99, 0]);
    expect(q.report.iterations).toBe(5);
    expect(Math.max(Math.abs(q.x[0] as number), Math.abs(q.x[1] as number))).toBeLessThan(1e-9);
  });
});

describe('minimize: stopping reasons', () => {
  it('reports a failed line search at a minimum on the boundary of the domain', () => {
    // f = -x for x <= 0, NaN beyond: at 0 the gradient is -1, every trial 10^-k (k = 0..59) is outside.
    const t = traced((x, g) => {
      if ((x[0] as number) > 0) return Number.NaN;
      g[0] = -1;
      return -(x[0] as number);
    });
    const r = minimize(t.fn, { starts: [[0]] });
    expect(r.report).toMatchObject({ converged: false, method: 'bfgs', reason: 'line-search-failed', gradientNorm: 1 });
    expect(r.value).toBe(-0); // -x at x = 0
    // 60 trials, then Nelder-Mead starts from 0 (so point 61 is 0 again).
    expect(t.points.slice(1, 61).every(([x]) => (x as number) > 0)).toBe(true);
    expect(t.points[60]?.[0]).toBeCloseTo(1e-59, 70);
    expect(t.points[61]).toEqual([0]);
    expect(r.report.functionEvaluations).toBe(t.points.length);
  });

  it('calls a failed line search "no-progress" and converged when the gradient is within 1000 tolerances', () => {
    // The same wall with f = 100 - 1e-5 x: |g| = 1e-5 is above 1e-9 * 100 but within
    // 1e3 * 1e-9 * max(1, |f|) = 1e-4, so the run counts as converged and Nelder-Mead is not tried.
    const t = traced((x, g) => {
      if ((x[0] as number) > 0) return Number.NaN;
      g[0] = -1e-5;
      return 100 - 1e-5 * (x[0] as number);
    });
    const r = minimize(t.fn, { starts: [[0]] });
    expect(r.report).toEqual({
      converged: true,
      method: 'bfgs',
      iterations: 0,
      functionEvaluations: 61,
      gradientNorm: 1e-5,
      reason: 'no-progress',
      starts: 1,
    });
  });

  it('stops for lack of progress, converged, when a biased gradient cannot reach the tolerance', () => {
    // 100 + (x - 1)^2 with the gradient 2 (x - 1) + 5e-6 sign(x - 1) (a gradient with a small error, as
    // from finite differences): near 1, f is flat at double precision and |g| >= 5e-6 > 1e-9 * 100,
    // but within 1e3 * 1e-9 * 100 = 1e-4. Iteration and evaluation counts pinned from this implementation.
    const r = minimize(
      (x, g) => {
        const u = (x[0] as number) - 1;
        g[0] = 2 * u + 5e-6 * Math.sign(u);
        return 100 + u * u;
      },
      { starts: [[0.1234]] },
    );
    expect(r.report).toMatchObject({ converged: true, method: 'bfgs', reason: 'no-progress', iterations: 8, functionEvaluations: 16 });
    expect(r.report.gradientNorm).toBeGreaterThan(5e-6);
    expect(r.report.gradientNorm).toBeLessThan(5.1e-6);
    expect(Math.abs((r.x[0] as number) - 1)).toBeLessThan(1e-7);
  });

  it('reports max-iterations with converged set from the gradient at the last point', () => {
    // maxIterations 0: only the start is evaluated; |g| = 8e-4 <= 1e-9 * 1e6.
    const offset: Objective = (x, g) => parabola(1, 3)(x, g) + 1e6;
    const r = minimize(offset, { starts: [[3.0004]], maxIterations: 0 });
    expect(r.report).toMatchObject({ converged: true, reason: 'max-iterations', iterations: 0, functionEvaluations: 1 });
    // (x - 3)^2 from 0 reaches 3 in its second (last allowed) iteration: converged, no Nelder-Mead.
    const s = minimize(parabola(1, 3), { starts: [[0]], maxIterations: 2 });
    expect(s.report).toMatchObject({ converged: true, reason: 'max-iterations', iterations: 2, functionEvaluations: 3 });
  });

  it('runs BFGS again after Nelder-Mead and keeps its better point', () => {
    // Rosenbrock with maxIterations 2: BFGS (2 iterations), Nelder-Mead (20), BFGS again (2), whose
    // point is the best.
    const r = minimize(rosenbrock, { starts: [[-1.2, 1]], maxIterations: 2 });
    expect(r.report).toMatchObject({ method: 'bfgs', reason: 'max-iterations', iterations: 24, converged: false });
  });

  it('stops with "no-progress" when f stops changing for five iterations', () => {
    // f = x on x > 0 (NaN elsewhere): the iterates approach 0 with ever smaller accepted steps.
    const t = traced((x, g) => {
      if (!((x[0] as number) > 0)) return Number.NaN;
      g[0] = 1;
      return x[0] as number;
    });
    const r = minimize(t.fn, { starts: [[1]] });
    expect(r.report).toMatchObject({ converged: false, method: 'bfgs', reason: 'no-progress', gradientNorm: 1 });
    expect(r.value).toBeGreaterThan(0);
    expect(r.value).toBeLessThan(1e-14);
    expect(r.report.functionEvaluations).toBe(t.points.length);
    // The first iterations, by hand: trial 1 - 1 = 0 is outside, a tenth of the step is accepted (0.9);
    // y = 0 leaves H = I, so the same happens again: 0.8, 0.7, ...
    expect(t.points.slice(0, 6).map(([x]) => x)).toEqual([1, 0, 0.9, expect.closeTo(-0.1, 15), expect.closeTo(0.8, 15), expect.closeTo(-0.2, 15)]);
  });

  it('reports a non-finite start: value and gradient norm Infinity, Nelder-Mead for 10 x maxIterations', () => {
    const t = traced(() => Number.NaN);
    const r = minimize(t.fn, { starts: [[1, 2]], maxIterations: 3 });
    expect(r.value).toBe(Infinity);
    expect([...r.x]).toEqual([1, 2]);
    expect(r.report).toEqual({
      converged: false,
      method: 'bfgs',
      iterations: 30,
      functionEvaluations: t.points.length,
      gradientNorm: Infinity,
      reason: 'non-finite-start',
      starts: 1,
    });
    // 1 (BFGS) + 3 (simplex) + 30 iterations x (reflection, inside contraction, 2 shrink points) + 1.
    expect(t.points.length).toBe(1 + 3 + 30 * 4 + 1);
  });
});

describe('minimize: Nelder-Mead', () => {
  // An objective without a gradient (NaN): BFGS stops at its start, Nelder-Mead does the work.
  const noGradient =
    (f: (x: Float64Array) => number): Objective =>
    (x, g) => {
      g.fill(0);
      g[0] = Number.NaN;
      return f(x);
    };

  it('follows the Lagarias et al. steps on x^2 + y^2 from (1, 1)', () => {
    const t = traced(noGradient((x) => (x[0] as number) ** 2 + (x[1] as number) ** 2));
    const r = minimize(t.fn, { starts: [[1, 1]] });
    // Simplex (1, 1) f 2, (1.5, 1) f 3.25, (1, 1.5) f 3.25. Centroid of the best two (1.25, 1);
    // reflection of the worst (1, 1.5): (1.5, 0.5), f 2.5, between best and second worst: accepted.
    // Next: best (1, 1), then (1.5, 0.5), worst (1.5, 1); centroid (1.25, 0.75); reflection (1, 0.5),
    // f 1.25 < 2: expansion c + 2 (c - worst) = (0.75, 0.25), f 0.625 < 1.25: accepted.
    expect(t.points.slice(0, 8)).toEqual([
      [1, 1],
      [1, 1],
      [1.5, 1],
      [1, 1.5],
      [1.5, 0.5],
      [1, 0.5],
      [0.75, 0.25],
      // Best (0.75, 0.25) f 0.625, then (1, 1), worst (1.5, 0.5); centroid (0.875, 0.625); reflection
      // (0.25, 0.75), f 0.625: not better than the best, better than the second worst: accepted.
      [0.25, 0.75],
    ]);
    expect(r.report).toMatchObject({ converged: false, method: 'nelder-mead', reason: 'no-progress', gradientNorm: Infinity });
    expect(r.report.functionEvaluations).toBe(t.points.length);
    expect(r.report.iterations).toBeGreaterThan(10);
    expect(r.report.iterations).toBeLessThan(200);
    expect(Math.hypot(r.x[0] as number, r.x[1] as number)).toBeLessThan(1e-6);
    expect(r.value).toBe((r.x[0] as number) ** 2 + (r.x[1] as number) ** 2);
  });

  it('contracts outside and inside in one variable: x^2 from 0.2', () => {
    const t = traced(noGradient((x) => (x[0] as number) ** 2));
    minimize(t.fn, { starts: [[0.2]] });
    // Simplex 0.2 (f 0.04), 0.7 (f 0.49); reflection -0.3 (f 0.09): worse than the best, better than
    // the worst: outside contraction 0.2 + 0.5 (0.2 - 0.7) = -0.05 (f 0.0025 < 0.09, accepted).
    // Then best -0.05, worst 0.2: reflection -0.3 (f 0.09 >= 0.04): inside contraction
    // -0.05 - 0.5 (-0.05 - 0.2) = 0.075 (f 0.005625 < 0.04, accepted).
    expect(t.points.slice(0, 7).map(([x]) => x)).toEqual([0.2, 0.2, 0.7, -0.3, -0.05, -0.3, 0.075].map((v) => expect.closeTo(v, 15)));
  });

  it('shrinks towards the best point when the contraction fails', () => {
    // |u| (u = x - 1) with a ridge on (-0.4, 0): 3|u| there, 2u for u > 0. Simplex 1 (f 0), 1.5 (f 1);
    // reflection 0.5 (f 0.5 < 1): outside contraction 0.75 (f 0.75 >= 0.5): shrink 1.5 -> 1 + 0.5 (1.5 - 1).
    const ridge = (x: Float64Array) => {
      const v = (x[0] as number) - 1;
      if (v >= 0) return 2 * v;
      return v > -0.4 ? -3 * v : -v;
    };
    const t = traced(noGradient(ridge));
    const r = minimize(t.fn, { starts: [[1]] });
    expect(t.points.slice(0, 6).map(([x]) => x)).toEqual([1, 1, 1.5, 0.5, 0.75, 1.25]);
    expect(r.value).toBe(0);
    expect([...r.x]).toEqual([1]);
  });

  it('returns the best point of the final simplex, which is the best point it evaluated', () => {
    // Nelder-Mead never drops its best vertex, so its answer is the minimum over all its evaluations.
    const f = (x: Float64Array) => ((x[0] as number) - 0.3) ** 2 + 3 * ((x[1] as number) + 0.7) ** 2 + (x[0] as number) * (x[1] as number);
    for (const maxIterations of [1, 2, 3, 4]) {
      const t = traced(noGradient(f));
      const r = minimize(t.fn, { starts: [[1, 1]], maxIterations });
      const values = t.points.map((p) => f(Float64Array.from(p)));
      expect(r.value, `maxIterations ${maxIterations}`).toBe(Math.min(...values));
      expect(r.value).toBe(f(r.x));
    }
  });

  it('stops when the simplex values agree to 1e-13 relative to max(1, |best|)', () => {
    // 1e6 + x^2 + y^2: the spread may be 1e-7 there, against 1e-13 for x^2 + y^2: fewer iterations.
    const plain = minimize(noGradient((x) => (x[0] as number) ** 2 + (x[1] as number) ** 2), { starts: [[1, 1]] });
    const lifted = minimize(noGradient((x) => 1e6 + (x[0] as number) ** 2 + (x[1] as number) ** 2), { starts: [[1, 1]] });
    expect(plain.report.reason).toBe('no-progress');
    expect(lifted.report.reason).toBe('no-progress');
    expect(lifted.report.iterations).toBeLessThan(plain.report.iterations);
  });

  it('stops Nelder-Mead after 10 x maxIterations iterations', () => {
    const t = traced(noGradient((x) => (x[0] as number) ** 2 + (x[1] as number) ** 2));
    const r = minimize(t.fn, { starts: [[1, 1]], maxIterations: 2 });
    expect(r.report).toMatchObject({ method: 'nelder-mead', reason: 'max-iterations', iterations: 20, converged: false });
    expect(r.report.functionEvaluations).toBe(t.points.length);
  });
});

describe('minimize: several starts', () => {
  const wells: Objective = (x, g) => {
    const v = x[0] as number;
    g[0] = 4 * v * (v * v - 1) + 0.3;
    return (v * v - 1) ** 2 + 0.3 * v;
  };

  it('keeps the best start whatever the order, and adds up iterations and evaluations', () => {
    const t = traced(wells);
    const a = minimize(t.fn, { starts: [[-2], [2]] });
    const b = minimize(wells, { starts: [[2], [-2]] });
    expect(a.x[0]).toBeLessThan(0);
    expect(b.x[0]).toBeLessThan(0);
    expect(a.value).toBe(b.value);
    const left = minimize(wells, { starts: [[-2]] });
    const right = minimize(wells, { starts: [[2]] });
    expect(a.report.iterations).toBe(left.report.iterations + right.report.iterations);
    expect(a.report.functionEvaluations).toBe(left.report.functionEvaluations + right.report.functionEvaluations);
    expect(a.report.functionEvaluations).toBe(t.points.length);
    expect(a.report.starts).toBe(2);
  });

  it('keeps the earlier start on a tie: symmetric wells (x^2 - 1)^2 from -2 and 2', () => {
    // The two runs mirror each other exactly and end at -1 and 1 with the same value.
    const symmetric: Objective = (x, g) => {
      const v = x[0] as number;
      g[0] = 4 * v * (v * v - 1);
      return (v * v - 1) ** 2;
    };
    expect(minimize(symmetric, { starts: [[-2], [2]] }).x[0]).toBe(-1);
    expect(minimize(symmetric, { starts: [[2], [-2]] }).x[0]).toBe(1);
  });

  it('prefers a finite start to a non-finite one, in either order', () => {
    const partial: Objective = (x, g) => ((x[0] as number) > 5 ? Number.NaN : parabola(1, 1)(x, g));
    for (const starts of [[[10], [0]], [[0], [10]]]) {
      const r = minimize(partial, { starts });
      expect(r.x[0]).toBeCloseTo(1, 9);
      expect(r.report.converged).toBe(true);
    }
  });
});

describe('Hessian and inverse: shapes and steps', () => {
  it('differences with a step of 1e-5 max(1, |x|): the cubic gradient x^3 shows h^2', () => {
    // g = x^3: ((x + h)^3 - (x - h)^3) / (2h) = 3x^2 + h^2; at x = 1000, h = 0.01: 3e6 + 1e-4.
    const H = hessianFromGradient((x, g) => {
      g[0] = (x[0] as number) ** 3;
      return 0;
    }, [1000]);
    expect(Math.abs((H[0]?.[0] as number) - (3e6 + 1e-4))).toBeLessThan(3e-5);
  });

  it('returns an n x n matrix and symmetrises it by averaging', () => {
    // A (non-gradient) linear map with Jacobian [[1, 2, 0], [4, 5, 6], [0, 2, 9]]: the average of the
    // two off-diagonal entries, (2 + 4) / 2 = 3 and (6 + 2) / 2 = 4.
    const H = hessianFromGradient((x, g) => {
      const [a, b, c] = [x[0] as number, x[1] as number, x[2] as number];
      g[0] = a + 2 * b;
      g[1] = 4 * a + 5 * b + 6 * c;
      g[2] = 2 * b + 9 * c;
      return 0;
    }, [0.5, -1, 2]);
    expect(H).toEqual([
      [expect.closeTo(1, 9), expect.closeTo(3, 9), expect.closeTo(0, 9)],
      [expect.closeTo(3, 9), expect.closeTo(5, 9), expect.closeTo(4, 9)],
      [expect.closeTo(0, 9), expect.closeTo(4, 9), expect.closeTo(9, 9)],
    ]);
    expect(H[0]?.[1]).toBe(H[1]?.[0]);
    expect(H[1]?.[2]).toBe(H[2]?.[1]);
  });

  it('inverts a 3 x 3 positive definite matrix exactly (n x n result)', () => {
    // [[4, 2, 0], [2, 5, 1], [0, 1, 3]]: det = 4 (15 - 1) - 2 (6 - 0) = 44; adjugate / 44.
    const inv = invertPositiveDefinite([
      [4, 2, 0],
      [2, 5, 1],
      [0, 1, 3],
    ]);
    const expected = [
      [14, -6, 2],
      [-6, 12, -4],
      [2, -4, 16],
    ].map((row) => row.map((v) => expect.closeTo(v / 44, 14)));
    expect(inv).toEqual(expected);
    expect(invertPositiveDefinite([[Infinity]])).toBeUndefined();
    expect(
      invertPositiveDefinite([
        [1, 1],
        [1, 1],
      ]),
    ).toBeUndefined();
  });
});

describe('minimize: the evaluation cap', () => {
  // f(x) = sum x_i^2 / 1e6 + sin-free ridge that never meets a tight tolerance quickly: Rosenbrock
  // in 4 dimensions from far away, with a tolerance no double can meet. Without the cap one start
  // may take BFGS + 10 x maxIterations of Nelder-Mead + BFGS again.
  const rosenbrock: Objective = (x, g) => {
    let f = 0;
    g.fill(0);
    for (let i = 0; i + 1 < x.length; i++) {
      const a = x[i] as number;
      const b = x[i + 1] as number;
      f += 100 * (b - a * a) ** 2 + (1 - a) ** 2;
      g[i] = (g[i] as number) - 400 * a * (b - a * a) - 2 * (1 - a);
      g[i + 1] = (g[i + 1] as number) + 200 * (b - a * a);
    }
    return f;
  };

  it('never evaluates the objective more than maxEvaluations times and returns the best point seen', () => {
    let calls = 0;
    let lowest = Infinity;
    const counted: Objective = (x, g) => {
      calls++;
      const f = rosenbrock(x, g);
      lowest = Math.min(lowest, f);
      return f;
    };
    const r = minimize(counted, { starts: [[-30, 40, -50, 20]], gradientTolerance: 1e-300, maxIterations: 500, maxEvaluations: 37 });
    expect(calls).toBe(37);
    expect(r.report.functionEvaluations).toBe(37);
    expect(r.report.reason).toBe('max-evaluations');
    expect(r.report.converged).toBe(false);
    expect(r.value).toBe(lowest);
  });

  it('defaults to 100 evaluations per allowed iteration (at least 100) and start', () => {
    expect(evaluationCap(500, 1)).toBe(50_000);
    expect(evaluationCap(5, 2)).toBe(1000);
    expect(evaluationCap(0, 3)).toBe(300);
    // the cap is what minimize applies when maxEvaluations is not given: a NaN objective after the
    // start keeps Nelder-Mead shrinking for all 10 x 100 iterations, capped at 100 x 1 evaluations
    let calls = 0;
    const nanAfterStart: Objective = (x, g) => {
      calls++;
      if (calls === 1) return rosenbrock(x, g);
      return Number.NaN;
    };
    const r = minimize(nanAfterStart, { starts: [[-3, 4, -5, 2]], maxIterations: 1 });
    expect(calls).toBe(100);
    expect(r.report.functionEvaluations).toBe(100);
    // the best point is the start, from the first BFGS run: its report stays
    expect(r.report.reason).toBe('line-search-failed');
  });

  it('lets errors of the objective through (an abort), and stops at once', () => {
    let calls = 0;
    const failing: Objective = (x, g) => {
      calls++;
      if (calls === 7) throw new DOMException('stop', 'AbortError');
      return rosenbrock(x, g);
    };
    expect(() => minimize(failing, { starts: [[-3, 4, -5, 2]] })).toThrow('stop');
    expect(calls).toBe(7);
  });
});

describe('rememberLast', () => {
  it('answers a call at the point evaluated last without evaluating, and the log-likelihood at exp of that point', () => {
    let calls = 0;
    // f(phi) = sum phi^2, gradient 2 phi, "log-likelihood" -f.
    const fn = rememberLast((phi, g) => {
      calls += 1;
      let value = 0;
      phi.forEach((v, k) => {
        value += v * v;
        g[k] = 2 * v;
      });
      return { value, logLikelihood: -value };
    }, undefined);
    const g = new Float64Array(2);
    expect(fn(Float64Array.of(1, 2), g)).toBe(5);
    const again = new Float64Array(2);
    expect(fn(Float64Array.of(1, 2), again)).toBe(5);
    expect(calls).toBe(1);
    expect([...again]).toEqual([2, 4]);
    expect(fn.logLikelihoodAt([Math.E, Math.exp(2)])).toBe(-5);
    expect(fn.logLikelihoodAt([Math.E, 7])).toBeUndefined();
    expect(fn(Float64Array.of(1, 3), g)).toBe(10);
    expect(calls).toBe(2);
    expect(fn.logLikelihoodAt([Math.E, Math.exp(2)])).toBeUndefined();
    const controller = new AbortController();
    const aborting = rememberLast(() => ({ value: 0, logLikelihood: 0 }), controller.signal);
    controller.abort();
    expect(() => aborting(Float64Array.of(0), new Float64Array(1))).toThrow();
  });
});
