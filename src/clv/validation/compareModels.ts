import { checkNumber, IssueList } from '../../_lib/validate.js';

/** What {@link compareModels} reads from a fitted model: every fit result of this library has it. */
export interface ComparableFit {
  /** The model kind, such as `'bg-nbd'`. */
  readonly kind: string;
  /** The estimates: their number is the model's number of free parameters. */
  readonly parameters: object;
  /** The total log-likelihood at the estimates. */
  readonly logLikelihood: number;
  /** The number of customers fitted (the sample size in BIC). */
  readonly customers: number;
  /**
   * A fit with covariates (`fitBgNbd` / `fitParetoNbd` with `options.covariates`): its coefficients
   * count as free parameters too, one per name in `purchase` and `dropout`.
   */
  readonly covariates?:
    | {
        /** The covariates of the purchase process. */
        readonly purchase: readonly string[];
        /** The covariates of the dropout process. */
        readonly dropout: readonly string[];
      }
    | undefined;
}

/** One row of {@link compareModels}. */
export interface ModelComparisonRow {
  /** The key of the fit in the input record, or its kind for an array. */
  readonly name: string;
  /** The model kind. */
  readonly kind: string;
  /** Number of free parameters k (a covariate model's coefficients included). */
  readonly parameterCount: number;
  /** Number of customers n. */
  readonly customers: number;
  /** Total log-likelihood ln L. */
  readonly logLikelihood: number;
  /** Akaike's information criterion 2k - 2 ln L (lower is better). */
  readonly aic: number;
  /** The Bayesian (Schwarz) information criterion k ln(n) - 2 ln L (lower is better). */
  readonly bic: number;
  /** AIC minus the smallest AIC of the comparison (0 for the best model). */
  readonly deltaAic: number;
  /** BIC minus the smallest BIC of the comparison (0 for the best model). */
  readonly deltaBic: number;
}

/**
 * Puts fitted models side by side: log-likelihood, AIC and BIC, and each model's distance from the
 * best.
 *
 * Definition: AIC = 2k - 2 ln L and BIC = k ln(n) - 2 ln L, with k the number of parameters (for a
 * model with covariates, its base parameters plus one coefficient per covariate and process), ln L
 * the total log-likelihood and n the number of customers. A model with covariates and the same model
 * without them, fitted to the same customers, are compared this way ("do the covariates earn their
 * parameters?"). Lower is better; a difference below
 * about 2 is no real evidence either way, above 10 is strong (Burnham & Anderson). The fits must
 * be of the same customers (same n) and their log-likelihoods of the same data in the same time
 * unit: BG/NBD, MBG/NBD and Pareto/NBD fitted to one summary table qualify.
 *
 * Cost: O(number of fits).
 *
 * @param fits - Fitted models as a record `{ name: fit }` (the names label the rows) or an array
 *   (rows labelled by kind), at least one.
 * @returns One row per fit, in input order.
 * @throws {@link MetricsInputError} when a fit lacks a finite log-likelihood, a positive number of
 *   customers or its parameters, or when the fits were made on different numbers of customers.
 * @see Burnham, K. P. & Anderson, D. R. (2002), Model Selection and Multimodel Inference, 2nd ed.
 * @example
 * ```ts
 * import { compareModels } from 'customer-metrics';
 * const rows = compareModels({
 *   three: { kind: 'a', parameters: { x: 1, y: 1, z: 1 }, logLikelihood: -100, customers: 50 },
 *   four: { kind: 'b', parameters: { x: 1, y: 1, z: 1, w: 1 }, logLikelihood: -98, customers: 50 },
 * });
 * rows.map((row) => row.aic); // => [206, 204]
 * rows.map((row) => row.deltaAic); // => [2, 0]
 * rows[1].bic; // => ~211.648
 * ```
 */
export function compareModels(fits: Readonly<Record<string, ComparableFit>> | readonly ComparableFit[]): ModelComparisonRow[] {
  const issues = new IssueList();
  const entries: [string, unknown, string | number][] = [];
  if (Array.isArray(fits)) fits.forEach((fit, i) => entries.push([typeof fit?.kind === 'string' ? fit.kind : String(i), fit, i]));
  else if (typeof fits === 'object' && fits !== null) for (const [name, fit] of Object.entries(fits)) entries.push([name, fit, name]);
  else issues.add('invalid_type', ['fits'], fits === undefined ? 'is required' : 'must be a record or an array of fitted models');
  if (issues.isEmpty && entries.length === 0) issues.add('too_small', ['fits'], 'must have at least 1 item');
  const rows: Omit<ModelComparisonRow, 'deltaAic' | 'deltaBic'>[] = [];
  let sampleSize: number | undefined;
  for (const [name, fit, key] of entries) {
    if (typeof fit !== 'object' || fit === null) {
      issues.add('invalid_type', ['fits', key], 'must be a fitted model');
      continue;
    }
    const f = fit as Partial<ComparableFit>;
    let ok = true;
    if (typeof f.kind !== 'string') {
      issues.add('invalid_type', ['fits', key, 'kind'], 'must be a string');
      ok = false;
    }
    const baseCount = typeof f.parameters === 'object' && f.parameters !== null ? Object.keys(f.parameters).length : 0;
    if (baseCount === 0) {
      issues.add('invalid_type', ['fits', key, 'parameters'], 'must be an object with at least one parameter');
      ok = false;
    }
    const coefficientCount = covariateCount(f.covariates, ['fits', key, 'covariates'], issues);
    if (coefficientCount === undefined) ok = false;
    const parameterCount = baseCount + (coefficientCount ?? 0);
    // |ln L| up to 1e300 keeps AIC, BIC and their differences finite.
    if (!checkNumber(f.logLikelihood, ['fits', key, 'logLikelihood'], { min: -1e300, max: 1e300 }, issues)) ok = false;
    if (!checkNumber(f.customers, ['fits', key, 'customers'], { greaterThan: 0 }, issues)) ok = false;
    else if (sampleSize === undefined) sampleSize = f.customers;
    else if (f.customers !== sampleSize) {
      issues.add('invalid_structure', ['fits', key, 'customers'], 'must equal the other fits\' number of customers (AIC and BIC compare fits of the same data)');
      ok = false;
    }
    if (!ok) continue;
    const ll = f.logLikelihood as number;
    const n = f.customers as number;
    rows.push({ name, kind: f.kind as string, parameterCount, customers: n, logLikelihood: ll, aic: 2 * parameterCount - 2 * ll, bic: parameterCount * Math.log(n) - 2 * ll });
  }
  issues.throwIfAny();
  const bestAic = Math.min(...rows.map((r) => r.aic));
  const bestBic = Math.min(...rows.map((r) => r.bic));
  return rows.map((r) => ({ ...r, deltaAic: r.aic - bestAic, deltaBic: r.bic - bestBic }));
}

// The number of covariate coefficients of a fit (0 without covariates); undefined (with an issue) when malformed.
function covariateCount(value: unknown, path: readonly (string | number)[], issues: IssueList): number | undefined {
  if (value === undefined) return 0;
  const v = value as { purchase?: unknown; dropout?: unknown } | null;
  const isNames = (list: unknown) => Array.isArray(list) && list.every((name) => typeof name === 'string');
  if (typeof v !== 'object' || v === null || !isNames(v.purchase) || !isNames(v.dropout)) {
    issues.add('invalid_type', [...path], 'must be the covariates of a fitted model ({ purchase, dropout } lists of names)');
    return undefined;
  }
  return (v.purchase as string[]).length + (v.dropout as string[]).length;
}
