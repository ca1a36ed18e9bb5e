/**
 * Pareto/NBD with time-invariant covariates (Fader & Hardie 2007, note 019; CLVTools'
 * `pnbd_staticcov`): alpha_i = alpha_0 exp(-gamma_purchase' z_i), beta_i = beta_0 exp(-gamma_dropout' z_i)
 * (see shared/covariates.ts). Called by `fitParetoNbd` when `options.covariates` is given. Each
 * covariate pattern's likelihood is the no-covariate kernel (`paretoNbdLogLikelihood`) on that
 * pattern's customers with their own alpha and beta.
 *
 * @internal
 * @module
 */
import { IssueList } from '../../_lib/validate.js';
import { checkCovariateSpec, fitCovariateEngine, namedCovariateFit, readCovariateRows, WARM_START_ROWS, type CovariateGroups, type CovariateLayout, type GroupLogLikelihood } from '../shared/covariates.js';
import { checkHistoryRows } from '../shared/historyInput.js';
import type { FittedTransactionModel } from '../shared/transactionModel.js';
import { compressColumns } from './compressColumns.js';
import type { ParetoNbdParameters } from './paretoNbdKernel.js';
import { paretoNbdLogLikelihood, type SummaryColumns } from './paretoNbdLikelihood.js';

/** Pareto/NBD: purchase covariates move alpha (index 1) down, dropout covariates move beta (index 3) down. */
export const PARETO_NBD_LAYOUT: CovariateLayout = { purchase: [{ index: 1, sign: -1 }], dropout: [{ index: 3, sign: -1 }] };

const NAMES = ['r', 'alpha', 's', 'beta'] as const;

/**
 * Fits Pareto/NBD with covariates. `fitBase` is the checked no-covariate fit of the same rows and
 * options (it validates the options and gives the start).
 */
export function fitParetoNbdCovariates(
  customers: unknown,
  covariates: unknown,
  penalty: number | undefined,
  fitBase: (rows: readonly unknown[]) => FittedTransactionModel<'pareto-nbd', ParetoNbdParameters>,
  settings: { gradientTolerance?: number | undefined; maxIterations?: number | undefined },
): FittedTransactionModel<'pareto-nbd', ParetoNbdParameters> {
  const issues = new IssueList();
  const spec = checkCovariateSpec(covariates, ['options', 'covariates'], issues);
  const cols = checkHistoryRows(customers, 'customers', issues, { weights: true, minRows: 1 });
  if (penalty !== undefined && penalty !== 0) issues.add('invalid_value', ['options', 'penalty'], 'is not supported together with covariates');
  const z1 = spec === undefined ? undefined : readCovariateRows(customers, spec.purchase, 'customers', issues);
  const z2 = spec === undefined ? undefined : readCovariateRows(customers, spec.dropout, 'customers', issues);
  issues.throwIfAny();
  const checked = spec as NonNullable<typeof spec>;
  const list = customers as readonly unknown[];
  // The no-covariate fit checks the remaining options and gives the start (all coefficients 0);
  // with many customers, on every k-th one (only the start depends on it).
  if (checked.purchase.length + checked.dropout.length === 0) return fitBase(list);
  const step = list.length > WARM_START_ROWS ? Math.ceil(list.length / (WARM_START_ROWS / 2)) : 1;
  const base = fitBase(step === 1 ? list : list.filter((_, i) => i % step === 0));
  const { x, tx, T, w } = cols as NonNullable<typeof cols>;
  const m1 = z1 as Float64Array;
  const m2 = z2 as Float64Array;
  const natural = new Float64Array(4);
  const buildGroups = (groups: CovariateGroups): GroupLogLikelihood => {
    const data: SummaryColumns[] = [];
    for (let g = 0; g < groups.count; g++) {
      const from = groups.start[g] as number;
      const to = groups.start[g + 1] as number;
      const pick = (v: Float64Array) => {
        const out = new Float64Array(to - from);
        for (let k = from; k < to; k++) out[k - from] = v[groups.rows[k] as number] as number;
        return out;
      };
      const columns = { x: pick(x), tx: pick(tx), T: pick(T), w: pick(w) };
      data.push(to - from > 1 ? compressColumns(columns) : columns);
    }
    return (g, theta, gradLog) => {
      const value = paretoNbdLogLikelihood([theta[0] as number, theta[1] as number, theta[2] as number, theta[3] as number], data[g] as SummaryColumns, gradLog === undefined ? undefined : natural);
      if (gradLog !== undefined) for (let q = 0; q < 4; q++) gradLog[q] = (natural[q] as number) * (theta[q] as number);
      return value;
    };
  };
  let customersTotal = 0;
  for (let i = 0; i < w.length; i++) customersTotal += w[i] as number;
  const fit = fitCovariateEngine({
    spec: checked,
    layout: PARETO_NBD_LAYOUT,
    baseNames: NAMES,
    start: [base.parameters.r, base.parameters.alpha, base.parameters.s, base.parameters.beta],
    z1: m1,
    z2: m2,
    w,
    buildGroups,
    gradientTolerance: settings.gradientTolerance ?? 1e-10,
    maxIterations: settings.maxIterations,
  });
  const named = namedCovariateFit(NAMES, fit);
  return {
    kind: 'pareto-nbd',
    parameters: named.parameters,
    parameterNames: named.parameterNames,
    logLikelihood: named.logLikelihood,
    standardErrors: named.standardErrors,
    covariance: named.covariance,
    customers: customersTotal,
    convergence: named.convergence,
    timeUnit: base.timeUnit,
    penalty: 0,
    covariates: named.covariates,
  };
}
