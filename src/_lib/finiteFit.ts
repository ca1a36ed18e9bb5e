/**
 * The last check of every fitter: a returned fit holds only finite numbers (parameters, standard
 * errors, covariance, log-likelihood, convergence report). A fit whose likelihood or gradient is not
 * finite at its estimate (data beyond what the model can represent in floating point, such as a
 * frequency of 2^53) throws {@link MetricsFitError} with reason `'not-finite'` instead of handing the
 * caller Infinity or NaN.
 *
 * @internal
 * @module
 */
import { MetricsFitError } from '../errors.js';

/** Returns `fit` unchanged when every number in it (own enumerable fields, arrays, nested) is finite. */
export function finiteFit<T extends object>(fit: T): T {
  const where = firstNonFinite(fit, '', 0);
  if (where !== undefined) {
    throw new MetricsFitError(
      'not-finite',
      `The fit reached no finite estimate (${where} is not finite): the data lie beyond what the model can represent in floating point.`,
    );
  }
  return fit;
}

function firstNonFinite(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path || 'a value';
  if (typeof value !== 'object' || value === null || depth > 6) return undefined;
  if (ArrayBuffer.isView(value)) {
    const view = value as unknown as ArrayLike<number>;
    for (let i = 0; i < view.length; i++) if (!Number.isFinite(view[i])) return `${path}[${i}]`;
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const found = firstNonFinite((value as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
