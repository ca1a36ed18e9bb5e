/**
 * Each customer's own parameters under a transaction model fitted with covariates: the boundary
 * check of a model's `covariates` and the per-customer (or per-row) parameters alpha_i, beta_i or
 * a_i, b_i that the generic prediction functions hand to the kernels. Models without covariates
 * pass through unchanged (the same parameter object, so their predictions are bit for bit as before).
 *
 * @internal
 * @module
 */
import { checkNumber, type IssueList, type NumericArray } from '../../_lib/validate.js';
import { individualParameters, readCovariateValues, type CovariateLayout } from '../shared/covariates.js';

/** A model's checked covariates. */
export interface CheckedModelCovariates {
  readonly purchase: readonly string[];
  readonly dropout: readonly string[];
  readonly g1: Float64Array;
  readonly g2: Float64Array;
  readonly layout: CovariateLayout;
}

/** What the parameter helpers need of a checked model. */
interface ModelLike {
  readonly kernel: { readonly parameterNames: readonly string[] };
  readonly parameters: Record<string, number>;
  readonly covariates?: CheckedModelCovariates | undefined;
}

function names(value: unknown, path: readonly (string | number)[], issues: IssueList): string[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    issues.add('invalid_type', [...path], 'must be an array of field names');
    return undefined;
  }
  return value as string[];
}

function coefficients(value: unknown, list: readonly string[], path: readonly (string | number)[], issues: IssueList): Float64Array | undefined {
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', [...path], 'must be an object of coefficients by name');
    return undefined;
  }
  const out = new Float64Array(list.length);
  let ok = true;
  list.forEach((name, j) => {
    const v = Object.prototype.hasOwnProperty.call(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    if (checkNumber(v, [...path, name], {}, issues)) out[j] = v;
    else ok = false;
  });
  return ok ? out : undefined;
}

/** Checks a fitted model's `covariates` (names and finite coefficients). */
export function checkModelCovariates(value: unknown, path: readonly (string | number)[], layout: CovariateLayout, issues: IssueList): CheckedModelCovariates | undefined {
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', [...path], 'must be the covariates object of a fitted model');
    return undefined;
  }
  const v = value as { purchase?: unknown; dropout?: unknown; coefficients?: unknown };
  const purchase = names(v.purchase, [...path, 'purchase'], issues);
  const dropout = names(v.dropout, [...path, 'dropout'], issues);
  if (typeof v.coefficients !== 'object' || v.coefficients === null) {
    issues.add('invalid_type', [...path, 'coefficients'], 'must be an object { purchase, dropout }');
    return undefined;
  }
  if (purchase === undefined || dropout === undefined) return undefined;
  const c = v.coefficients as { purchase?: unknown; dropout?: unknown };
  const g1 = coefficients(c.purchase, purchase, [...path, 'coefficients', 'purchase'], issues);
  const g2 = coefficients(c.dropout, dropout, [...path, 'coefficients', 'dropout'], issues);
  if (g1 === undefined || g2 === undefined) return undefined;
  return { purchase, dropout, g1, g2, layout };
}

// The parameters as a record from the four base values in kernel order.
function record(model: ModelLike, values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  model.kernel.parameterNames.forEach((name, q) => {
    out[name] = values[q] as number;
  });
  return out;
}

function baseValues(model: ModelLike): number[] {
  return model.kernel.parameterNames.map((name) => model.parameters[name] as number);
}

/**
 * One customer's parameters: the model's own without covariates; otherwise computed from the
 * customer's covariate fields (an issue at [...path, name] for each missing or non-finite one).
 */
export function customerParameters(model: ModelLike | undefined, row: unknown, path: readonly (string | number)[], issues: IssueList): Record<string, number> | undefined {
  if (model === undefined) return undefined;
  const cov = model.covariates;
  if (cov === undefined) return model.parameters;
  if (typeof row !== 'object' || row === null) return undefined;
  const z1 = readCovariateValues(row, cov.purchase, path, issues);
  const z2 = readCovariateValues(row, cov.dropout, path, issues);
  if (z1 === undefined || z2 === undefined) return undefined;
  const values = individualParameters(baseValues(model), cov.layout, cov.g1, z1, cov.g2, z2);
  if (!inRange(values)) {
    issues.add('too_big', [...path], 'has covariate values that put its parameters beyond floating-point range (exp(coefficient x value) overflows or underflows)');
    return undefined;
  }
  return record(model, values);
}

// Every individual parameter finite and > 0 (exp(gamma' z) neither overflowed nor underflowed).
function inRange(values: readonly number[]): boolean {
  for (const v of values) if (!(v > 0 && v < Infinity)) return false;
  return true;
}

/**
 * Per-row parameters for the batch functions: rows carry the covariate fields, columns carry one
 * numeric array per covariate name. `undefined` (with issues) when a value is missing; a function
 * `i -> parameters` otherwise (for a model without covariates, always the model's parameters).
 */
export function batchParameters(
  model: ModelLike | undefined,
  customers: unknown,
  count: number,
  param: string,
  issues: IssueList,
): ((i: number) => Record<string, number>) | undefined {
  if (model === undefined) return undefined;
  const cov = model.covariates;
  if (cov === undefined) return () => model.parameters;
  const all = [...cov.purchase, ...cov.dropout];
  const columns: Float64Array[] = all.map(() => new Float64Array(count));
  let ok = true;
  if (Array.isArray(customers)) {
    for (let i = 0; i < customers.length; i++) {
      const z = readCovariateValues(customers[i], all, [param, i], issues);
      if (z === undefined) ok = false;
      else for (let j = 0; j < all.length; j++) (columns[j] as Float64Array)[i] = z[j] as number;
    }
  } else if (typeof customers === 'object' && customers !== null) {
    all.forEach((name, j) => {
      const v = Object.prototype.hasOwnProperty.call(customers, name) ? (customers as Record<string, unknown>)[name] : undefined;
      if (v === undefined) {
        issues.add('invalid_type', [param, name], 'is required: the model has this covariate (one number per customer)');
        ok = false;
      } else if (checkCovariateColumn(v, [param, name], count, issues)) (columns[j] as Float64Array).set(v as NumericArray);
      else ok = false;
    });
  } else return undefined;
  if (!ok) return undefined;
  const base = baseValues(model);
  const k1 = cov.purchase.length;
  const z1 = new Float64Array(k1);
  const z2 = new Float64Array(cov.dropout.length);
  const at = (i: number): number[] => {
    for (let j = 0; j < k1; j++) z1[j] = (columns[j] as Float64Array)[i] as number;
    for (let j = 0; j < z2.length; j++) z2[j] = (columns[k1 + j] as Float64Array)[i] as number;
    return individualParameters(base, cov.layout, cov.g1, z1, cov.g2, z2);
  };
  for (let i = 0; i < count; i++) {
    if (!inRange(at(i))) {
      issues.add('too_big', [param, i], 'has covariate values that put its parameters beyond floating-point range (exp(coefficient x value) overflows or underflows)');
      ok = false;
    }
  }
  if (!ok) return undefined;
  return (i) => record(model, at(i));
}

// A numeric array of the given length with finite entries.
function checkCovariateColumn(v: unknown, path: readonly (string | number)[], count: number, issues: IssueList): boolean {
  if (!(Array.isArray(v) || ArrayBuffer.isView(v)) || (v as ArrayLike<unknown>).length !== count) {
    issues.add('invalid_structure', [...path], `must be an array of ${count} numbers, one per customer`);
    return false;
  }
  const a = v as ArrayLike<unknown>;
  let ok = true;
  for (let i = 0; i < a.length; i++) if (!checkNumber(a[i], [...path, i], {}, issues)) ok = false;
  return ok;
}
