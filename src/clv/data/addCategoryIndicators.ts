import { IssueList } from '../../_lib/validate.js';

/** Options of {@link addCategoryIndicators}. */
export interface AddCategoryIndicatorsOptions {
  /**
   * The reference level: it gets no column, and each other level's coefficient is then read against it.
   * @defaultValue the first level in sorted order (as R's `factor`)
   */
  readonly reference?: string | number | boolean;
}

/** The result of {@link addCategoryIndicators}. */
export interface CategoryIndicators<R> {
  /** Copies of the rows, each with one 0/1 field per non-reference level. */
  readonly rows: (R & Record<string, number>)[];
  /** The new field names, `<field>=<level>` in sorted level order: pass them to `options.covariates`. */
  readonly names: string[];
  /** Every level found, sorted. */
  readonly levels: string[];
  /** The reference level (no column). */
  readonly reference: string;
}

/**
 * Turns a category field (acquisition channel, region, plan) into 0/1 indicator fields with a
 * reference level, for the `covariates` option of `fitBgNbd` and `fitParetoNbd`.
 *
 * Definition: with levels L_1 < ... < L_k (the distinct values as strings, sorted) and reference
 * L_ref, each row gets a field `<field>=<L_j>` for every j != ref, equal to 1 when the row's value
 * is L_j and 0 otherwise. A coefficient on `<field>=<L_j>` then compares L_j with the reference:
 * exp(coefficient) is the rate ratio of L_j against L_ref. (k - 1 columns, not k: the k-th would
 * repeat the base parameter and could not be estimated.)
 *
 * Cost: O(n log k). The input rows are not changed; the result holds shallow copies.
 *
 * @param rows - Customer rows (for example from {@link rfmSummary} joined with your attributes).
 * @param field - The name of the category field; its values must be strings, numbers or booleans.
 * @param options - See {@link AddCategoryIndicatorsOptions}.
 * @returns The rows with indicator fields, the new names, the levels and the reference.
 * @throws {@link MetricsInputError} when rows is not an array, a row lacks the field or has a value
 *   that is not a string, finite number or boolean, the field has fewer than two levels, or the
 *   reference is not one of the levels.
 * @example
 * ```ts
 * import { addCategoryIndicators } from 'customer-metrics';
 * const rows = [
 *   { frequency: 2, recency: 30, T: 39, channel: 'search' },
 *   { frequency: 0, recency: 0, T: 39, channel: 'referral' },
 *   { frequency: 1, recency: 5, T: 39, channel: 'ads' },
 * ];
 * const coded = addCategoryIndicators(rows, 'channel', { reference: 'search' });
 * coded.names; // => ['channel=ads', 'channel=referral']
 * coded.rows[1]; // => { frequency: 0, recency: 0, T: 39, channel: 'referral', 'channel=ads': 0, 'channel=referral': 1 }
 * ```
 */
export function addCategoryIndicators<R extends object>(rows: readonly R[], field: string, options?: AddCategoryIndicatorsOptions): CategoryIndicators<R> {
  const issues = new IssueList();
  if (typeof field !== 'string' || field.length === 0) issues.add('invalid_type', ['field'], 'must be a non-empty field name');
  if (options !== undefined && (typeof options !== 'object' || options === null)) issues.add('invalid_type', ['options'], 'must be an object');
  else if (options !== undefined) {
    for (const key of Object.keys(options)) if (key !== 'reference') issues.add('unrecognized_key', ['options', key], 'is not an option (reference)');
    const ref: unknown = options.reference;
    if (!(ref === undefined || typeof ref === 'string' || typeof ref === 'boolean' || (typeof ref === 'number' && Number.isFinite(ref)))) {
      issues.add('invalid_type', ['options', 'reference'], 'must be a string, a finite number or a boolean');
    }
  }
  if (!Array.isArray(rows)) {
    issues.add('invalid_type', ['rows'], rows === undefined ? 'is required' : 'must be an array');
    issues.throwIfAny();
  }
  const values: string[] = new Array(rows.length);
  if (typeof field === 'string' && field.length > 0) {
    for (let i = 0; i < rows.length; i++) {
      const row: unknown = rows[i];
      if (typeof row !== 'object' || row === null) {
        issues.add('invalid_type', ['rows', i], 'must be an object');
        continue;
      }
      const v = Object.prototype.hasOwnProperty.call(row, field) ? (row as Record<string, unknown>)[field] : undefined;
      if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) values[i] = String(v);
      else issues.add(v === undefined ? 'invalid_type' : 'invalid_value', ['rows', i, field], v === undefined ? 'is required' : 'must be a string, a finite number or a boolean');
    }
  }
  issues.throwIfAny();
  const levels = [...new Set(values)].sort();
  const reference = options?.reference === undefined ? levels[0] : String(options.reference);
  if (levels.length < 2) issues.add('too_small', ['rows'], `must have at least two levels of the field, found ${levels.length}`);
  else if (reference === undefined || !levels.includes(reference)) issues.add('invalid_value', ['options', 'reference'], 'must be one of the levels found in the rows');
  issues.throwIfAny();
  const others = levels.filter((level) => level !== reference);
  const names = others.map((level) => `${field}=${level}`);
  const out = rows.map((row, i) => {
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    others.forEach((level, j) => {
      copy[names[j] as string] = values[i] === level ? 1 : 0;
    });
    return copy as R & Record<string, number>;
  });
  return { rows: out, names, levels, reference: reference as string };
}
