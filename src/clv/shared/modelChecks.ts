/**
 * Boundary checks of model arguments shared by the BG/BB and sBG prediction functions: a model is
 * any object whose `parameters` hold the model's positive, finite parameters (a fit result, or
 * parameters typed in from a paper).
 *
 * @internal
 * @module
 */
import { checkNumber, type IssueList } from '../../_lib/validate.js';

/**
 * The domain of every parameter of the clv models (shapes and scales of the gamma and beta mixing
 * distributions): from 1e-10 to 1e10. Within it the kernels give finite answers that keep their
 * invariants (probabilities in [0, 1], expected purchases within the opportunities); far outside it
 * the ln Gamma differences they rest on overflow or lose every digit (alpha = 1e308 gave NaN), so
 * such parameters are refused (docs/robustness.md).
 */
export const MODEL_PARAMETER_RANGE = { min: 1e-10, max: 1e10 } as const;

/**
 * Log-parameters moved into the domain: a maximum likelihood estimate that runs off towards 0 or
 * infinity (a = 1e-14 when six customers show no dropout) is reported at the domain's edge, where
 * the likelihood is flat to many digits, so that every fitted model is a valid input of the
 * predictions.
 */
export function clampLogToDomain(phi: ArrayLike<number>): Float64Array {
  // a hair inside the edges, so that exp(log(edge)) never rounds out of the domain
  const lo = Math.log(MODEL_PARAMETER_RANGE.min * (1 + 1e-12));
  const hi = Math.log(MODEL_PARAMETER_RANGE.max * (1 - 1e-12));
  return Float64Array.from(phi, (v) => (v < lo ? lo : v > hi ? hi : v));
}

/** Checks one model parameter at `path`: a number > 0 within {@link MODEL_PARAMETER_RANGE}. */
export function checkModelParameter(value: unknown, path: readonly (string | number)[], issues: IssueList): value is number {
  if (!checkNumber(value, path, { greaterThan: 0 }, issues)) return false;
  if (value < MODEL_PARAMETER_RANGE.min) {
    issues.add('too_small', path, 'must be at least 1e-10 (the domain of the model parameters)');
    return false;
  }
  if (value > MODEL_PARAMETER_RANGE.max) {
    issues.add('too_big', path, 'must be at most 1e10 (the domain of the model parameters)');
    return false;
  }
  return true;
}

/**
 * Checks that `value.kind`, when present, is `kind`, and `value.parameters[name] > 0` for each name, recording issues under `[param, 'parameters', name]`.
 *
 * @returns the parameters when all are valid.
 */
export function checkModelParameters<K extends string>(
  value: unknown,
  param: string,
  kind: string,
  names: readonly K[],
  issues: IssueList,
): Record<K, number> | undefined {
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', [param], value === undefined ? 'is required' : 'must be a fitted model or an object with parameters');
    return undefined;
  }
  const declared = (value as { kind?: unknown }).kind;
  if (declared !== undefined && declared !== kind) {
    issues.add('invalid_value', [param, 'kind'], `must be '${kind}' (a model of another kind was given)`);
    return undefined;
  }
  const parameters = (value as { parameters?: unknown }).parameters;
  if (typeof parameters !== 'object' || parameters === null) {
    issues.add('invalid_type', [param, 'parameters'], parameters === undefined ? 'is required' : 'must be an object');
    return undefined;
  }
  let ok = true;
  const out = {} as Record<K, number>;
  for (const name of names) {
    const v = (parameters as Record<string, unknown>)[name];
    if (checkModelParameter(v, [param, 'parameters', name], issues)) out[name] = v;
    else ok = false;
  }
  return ok ? out : undefined;
}
