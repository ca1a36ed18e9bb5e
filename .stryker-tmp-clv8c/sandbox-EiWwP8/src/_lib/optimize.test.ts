// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { covarianceFromLogScale, hessianFromGradient, invertPositiveDefinite, minimize, type Objective } from './optimize.js';

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
