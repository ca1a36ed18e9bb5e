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
    if (checkNumber(v, [param, 'parameters', name], { greaterThan: 0 }, issues)) out[name] = v;
    else ok = false;
  }
  return ok ? out : undefined;
}
