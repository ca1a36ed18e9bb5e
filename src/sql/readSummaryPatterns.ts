import type { CompressedSummary } from '../clv/index.js';
import { IssueList } from '../_lib/validate.js';
import { checkRows, readInteger, readNonNegative } from './_internal/rowValues.js';

/** Options of {@link readSummaryPatterns}. */
export interface ReadSummaryPatternsOptions {
  /**
   * The covariate columns to read (the `covariates.columns` given to `summaryPatternsSql`): each
   * pattern carries them as numeric fields, ready for `options.covariates` of the fitters, and a
   * pattern whose `covariate_missing` or `covariate_conflicts` is not 0 is refused.
   * @defaultValue [] (no covariates)
   */
  readonly covariates?: readonly string[];
}

const COVARIATE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Turns the rows of {@link summaryPatternsSql} into the weighted `{ frequency, recency, T, weight }`
 * rows that `fitBgNbd`, `fitMbgNbd` and `fitParetoNbd` accept (the shape of `compressSummaries`).
 *
 * Cost: O(n).
 *
 * With `options.covariates` (the names given to `summaryPatternsSql`'s `covariates.columns`), each
 * pattern also carries those fields as numbers (`{ frequency, recency, T, weight, referral }`), the
 * input of `fitBgNbd(patterns, { covariates: { purchase: ['referral'] } })`, and a pattern whose
 * customers lack a covariate value (`covariate_missing` > 0) or have disagreeing values
 * (`covariate_conflicts` > 0) is refused.
 *
 * @param rows - Rows with `frequency`, `recency`, `T` and `weight` (and the covariate columns).
 * @param options - See {@link ReadSummaryPatternsOptions}.
 * @returns One pattern per row, in row order.
 * @throws {@link MetricsInputError} for missing columns, values of the wrong kind, recency > T, a
 *   non-zero recency with frequency 0, a covariate value that is missing or not a finite number, or
 *   customers without or with conflicting covariate values (path `['rows', i, column]`); for
 *   covariate names that are not a list of distinct strings (path `['options', 'covariates', j]`).
 * @example
 * ```ts
 * import { readSummaryPatterns } from 'customer-metrics/sql';
 * import { fitBgNbd } from 'customer-metrics/clv';
 * const patterns = readSummaryPatterns([
 *   { frequency: '0', recency: 0, T: 10, weight: '60' },
 *   { frequency: '1', recency: 4, T: 10, weight: '25' },
 *   { frequency: '3', recency: 9, T: 10, weight: '15' },
 * ]);
 * patterns[1]; // => { frequency: 1, recency: 4, T: 10, weight: 25 }
 * fitBgNbd(patterns, { timeUnit: 'week' }).customers; // => 100
 * ```
 */
export function readSummaryPatterns(rows: readonly Readonly<Record<string, unknown>>[], options?: ReadSummaryPatternsOptions): CompressedSummary[] {
  const issues = new IssueList();
  const names = checkNames(options, issues);
  if (!checkRows(rows, 'rows', issues) || names === undefined) {
    issues.throwIfAny();
    return [];
  }
  const out: CompressedSummary[] = [];
  rows.forEach((row, i) => {
    const frequency = readInteger(row.frequency, ['rows', i, 'frequency'], 0, issues);
    const recency = readNonNegative(row.recency, ['rows', i, 'recency'], issues);
    const T = readNonNegative(row.T, ['rows', i, 'T'], issues);
    const weight = readInteger(row.weight, ['rows', i, 'weight'], 1, issues);
    const covariates = names.length === 0 ? {} : readCovariates(row, i, names, issues);
    if (frequency === undefined || recency === undefined || T === undefined || weight === undefined || covariates === undefined) return;
    if (recency > T) issues.add('invalid_order', ['rows', i, 'recency'], 'must be at most T');
    else if (frequency === 0 && recency !== 0) issues.add('invalid_structure', ['rows', i, 'recency'], 'must be 0 when frequency is 0');
    else out.push({ frequency, recency, T, weight, ...covariates });
  });
  issues.throwIfAny();
  return out;
}

// The covariate names of the options ([] without); undefined (with issues) when invalid.
function checkNames(options: unknown, issues: IssueList): readonly string[] | undefined {
  if (options === undefined) return [];
  if (typeof options !== 'object' || options === null) {
    issues.add('invalid_type', ['options'], 'must be an object');
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(options)) {
    if (key !== 'covariates') {
      issues.add('unrecognized_key', ['options', key], 'is not an option (covariates)');
      ok = false;
    }
  }
  const list = (options as { covariates?: unknown }).covariates;
  if (list === undefined) return ok ? [] : undefined;
  if (!Array.isArray(list)) {
    issues.add('invalid_type', ['options', 'covariates'], 'must be an array of column names');
    return undefined;
  }
  const seen = new Set<string>();
  list.forEach((name: unknown, j) => {
    if (typeof name !== 'string' || name.length === 0 || ['frequency', 'recency', 'T', 'weight', '__proto__', 'constructor', 'prototype'].includes(name)) {
      issues.add('invalid_value', ['options', 'covariates', j], 'must be the name of a covariate column other than frequency, recency, T and weight');
      ok = false;
    } else if (seen.has(name)) {
      issues.add('invalid_value', ['options', 'covariates', j], 'is listed twice');
      ok = false;
    } else seen.add(name);
  });
  return ok ? (list as string[]) : undefined;
}

// One row's covariate values (finite numbers; numeric strings from drivers that send doubles as
// text), after its two check counts are 0.
function readCovariates(row: Readonly<Record<string, unknown>>, i: number, names: readonly string[], issues: IssueList): Record<string, number> | undefined {
  let ok = true;
  const missing = readInteger(row.covariate_missing, ['rows', i, 'covariate_missing'], 0, issues);
  const conflicts = readInteger(row.covariate_conflicts, ['rows', i, 'covariate_conflicts'], 0, issues);
  if (missing === undefined || conflicts === undefined) ok = false;
  if (missing !== undefined && missing > 0) {
    issues.add('invalid_value', ['rows', i, 'covariate_missing'], 'must be 0: some customers of this pattern have no covariate row or a NULL covariate value');
    ok = false;
  }
  if (conflicts !== undefined && conflicts > 0) {
    issues.add('invalid_value', ['rows', i, 'covariate_conflicts'], 'must be 0: some customers of this pattern have rows with different covariate values');
    ok = false;
  }
  const out: Record<string, number> = {};
  for (const name of names) {
    const v: unknown = Object.prototype.hasOwnProperty.call(row, name) ? row[name] : undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && COVARIATE_NUMBER.test(v) ? Number(v) : undefined;
    if (n === undefined || !Number.isFinite(n)) {
      // A missing customer already reported through covariate_missing leaves a NULL here.
      if (!(v === null && missing !== undefined && missing > 0)) issues.add(typeof v === 'number' ? 'not_finite' : 'invalid_type', ['rows', i, name], v === undefined ? 'is required: it is named in the covariates' : 'must be a finite number');
      ok = false;
    } else out[name] = n;
  }
  return ok ? out : undefined;
}
