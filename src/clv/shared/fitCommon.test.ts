import { describe, expect, it } from 'vitest';
import { fitLogParameters, type LogLikelihoodFn } from './fitCommon.js';

function close(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected} (rel ${rel})`).toBeLessThanOrEqual(rel * Math.abs(expected));
}

// Two independent Poisson samples: counts summing to S_k over n_k observations. With
// phi_k = ln(lambda_k): ln L = sum_k S_k phi_k - n_k lambda_k (constants dropped), d ln L / d phi_k =
// S_k - n_k lambda_k, so the estimate is lambda_k = S_k / n_k, ln L there is sum_k S_k ln(S_k / n_k) - S_k,
// -d2 ln L / d phi_k^2 = n_k lambda_k = S_k (no cross terms): Var(phi_k) = 1 / S_k and, by the delta
// method, Var(lambda_k) = lambda_k^2 / S_k = lambda_k / n_k.
const S = [30, 8];
const N = [12, 40];
const poisson: LogLikelihoodFn = (theta, gradient) => {
  let ll = 0;
  for (let k = 0; k < 2; k++) {
    const lambda = theta[k] as number;
    ll += (S[k] as number) * Math.log(lambda) - (N[k] as number) * lambda;
    gradient[k] = (S[k] as number) - (N[k] as number) * lambda;
  }
  return ll;
};

// A Gaussian log-likelihood in phi = ln(theta): ln L = -1/2 (phi - mu)' A (phi - mu). Its maximum is
// theta = e^mu with ln L = 0, the Hessian of -ln L on the log scale is A everywhere, so
// Cov(phi) = A^-1 and Cov(theta_i, theta_j) = theta_i theta_j (A^-1)_ij.
// A = [[2, 1], [1, 3]], det 5, A^-1 = [[3/5, -1/5], [-1/5, 2/5]].
const mu = [Math.log(2), Math.log(0.5)];
const A = [
  [2, 1],
  [1, 3],
];
const gaussian: LogLikelihoodFn = (theta, gradient) => {
  const u = [Math.log(theta[0] as number) - (mu[0] as number), Math.log(theta[1] as number) - (mu[1] as number)];
  let ll = 0;
  for (let i = 0; i < 2; i++) {
    let g = 0;
    for (let j = 0; j < 2; j++) g -= (A[i]?.[j] as number) * (u[j] as number);
    gradient[i] = g;
    ll += 0.5 * g * (u[i] as number);
  }
  return ll;
};

describe('fitLogParameters', () => {
  it('finds the Poisson estimates, their log-likelihood and standard errors (closed forms)', () => {
    const fit = fitLogParameters(poisson, [[1, 1]], 1e-12, 500);
    // lambda = 30 / 12 = 2.5 and 8 / 40 = 0.2.
    close(fit.theta[0] as number, 2.5, 1e-9);
    close(fit.theta[1] as number, 0.2, 1e-9);
    // ln L = 30 ln 2.5 - 30 + 8 ln 0.2 - 8.
    close(fit.logLikelihood, 30 * Math.log(2.5) - 30 + 8 * Math.log(0.2) - 8, 1e-12);
    // SE = sqrt(lambda / n): sqrt(2.5 / 12), sqrt(0.2 / 40).
    close(fit.standardErrors?.[0] as number, Math.sqrt(2.5 / 12), 1e-5);
    close(fit.standardErrors?.[1] as number, Math.sqrt(0.2 / 40), 1e-5);
    expect(Math.abs(fit.covariance?.[0]?.[1] as number)).toBeLessThan(1e-8);
    expect(fit.convergence.converged).toBe(true);
    expect(fit.convergence.starts).toBe(1);
  });

  it('gives the delta-method covariance including the off-diagonal term (Gaussian on the log scale)', () => {
    const fit = fitLogParameters(gaussian, [[1, 1]], 1e-12, 500);
    close(fit.theta[0] as number, 2, 1e-9);
    close(fit.theta[1] as number, 0.5, 1e-9);
    expect(Math.abs(fit.logLikelihood)).toBeLessThan(1e-15);
    // theta = (2, 0.5): Cov = [[4 * 3/5, 1 * -1/5], [1 * -1/5, 0.25 * 2/5]] = [[2.4, -0.2], [-0.2, 0.1]].
    const expected = [
      [2.4, -0.2],
      [-0.2, 0.1],
    ];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) close(fit.covariance?.[i]?.[j] as number, expected[i]?.[j] as number, 1e-6);
    close(fit.standardErrors?.[0] as number, Math.sqrt(2.4), 1e-6);
    close(fit.standardErrors?.[1] as number, Math.sqrt(0.1), 1e-6);
  });

  it('passes the tolerance and the iteration budget to the optimizer', () => {
    const tight = fitLogParameters(poisson, [[50, 50]], 1e-12, 500);
    const loose = fitLogParameters(poisson, [[50, 50]], 0.5, 500);
    expect(tight.convergence.converged).toBe(true);
    expect(loose.convergence.converged).toBe(true);
    expect(loose.convergence.iterations).toBeLessThan(tight.convergence.iterations);
    // The convergence test: max |gradient| <= tolerance * max(1, |objective|).
    expect(loose.convergence.gradientNorm).toBeLessThanOrEqual(0.5 * Math.max(1, Math.abs(loose.logLikelihood)));
    expect(loose.convergence.gradientNorm).toBeGreaterThan(1e-12 * Math.max(1, Math.abs(loose.logLikelihood)));
    const short = fitLogParameters(poisson, [[50, 50]], 1e-12, 1);
    // One BFGS iteration, then Nelder-Mead with 10 and BFGS again with 1: at most 12 in all.
    expect(short.convergence.iterations).toBeLessThanOrEqual(12);
    expect(short.convergence.converged).toBe(false);
  });

  it('tries every start and keeps the best', () => {
    const fit = fitLogParameters(poisson, [[1e6, 1e-6], [1, 1], [3, 0.3]], 1e-12, 500);
    expect(fit.convergence.starts).toBe(3);
    close(fit.theta[0] as number, 2.5, 1e-9);
  });

  it('steps back from points where the log-likelihood is not finite', () => {
    // Defined only for theta_0 < 3 (ln L = -Infinity beyond, e.g. a bound in the data); the optimum 2.5 is inside.
    const bounded: LogLikelihoodFn = (theta, gradient) => ((theta[0] as number) < 3 ? poisson(theta, gradient) : Number.NEGATIVE_INFINITY);
    const fit = fitLogParameters(bounded, [[0.01, 1]], 1e-12, 500);
    close(fit.theta[0] as number, 2.5, 1e-9);
    close(fit.theta[1] as number, 0.2, 1e-9);
    expect(fit.convergence.converged).toBe(true);
  });

  it('returns no standard errors where the log-likelihood is flat in a direction', () => {
    // theta_1 does not enter: the Hessian has a zero row and no inverse.
    const flat: LogLikelihoodFn = (theta, gradient) => {
      const lambda = theta[0] as number;
      gradient[0] = 30 - 12 * lambda;
      gradient[1] = 0;
      return 30 * Math.log(lambda) - 12 * lambda;
    };
    const fit = fitLogParameters(flat, [[1, 7]], 1e-12, 500);
    close(fit.theta[0] as number, 2.5, 1e-9);
    close(fit.theta[1] as number, 7, 1e-12);
    expect(fit.standardErrors).toBeUndefined();
    expect(fit.covariance).toBeUndefined();
  });
});
