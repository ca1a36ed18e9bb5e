/**
 * BG/NBD with time-invariant covariates: alpha_i = alpha_0 exp(-gamma_purchase' z_i),
 * a_i = a_0 exp(gamma_dropout' z_i), b_i = b_0 exp(gamma_dropout' z_i) (CLVTools' parametrisation;
 * see shared/covariates.ts). Called by `fitBgNbd` when `options.covariates` is given. Each
 * covariate pattern's likelihood is the no-covariate kernel (`logLikelihoodAndGradient`) on that
 * pattern's customers with their own alpha, a and b.
 *
 * @internal
 * @module
 */
import { IssueList } from '../../_lib/validate.js';
import { checkCovariateSpec, fitCovariateEngine, namedCovariateFit, readCovariateRows, WARM_START_ROWS, type CovariateGroups, type CovariateLayout, type GroupLogLikelihood } from '../shared/covariates.js';
import { checkHistoryRows } from '../shared/historyInput.js';
import type { FittedTransactionModel } from '../shared/transactionModel.js';
import { type BgNbdParameters, type LikelihoodData, likelihoodData, logLikelihoodAndGradient } from './bgFamilyKernel.js';
import { fitBgFamily } from './fitBgFamily.js';

/** BG/NBD: purchase covariates move alpha (index 1) down; dropout covariates move a and b (2, 3) up. */
export const BG_NBD_LAYOUT: CovariateLayout = { purchase: [{ index: 1, sign: -1 }], dropout: [{ index: 2, sign: 1 }, { index: 3, sign: 1 }] };

const NAMES = ['r', 'alpha', 'a', 'b'] as const;

/** Fits BG/NBD with covariates (options already known to contain `covariates`). */
export function fitBgNbdCovariates(customers: unknown, options: Record<string, unknown>): FittedTransactionModel<'bg-nbd', BgNbdParameters> {
  const issues = new IssueList();
  const { covariates, ...rest } = options;
  const spec = checkCovariateSpec(covariates, ['options', 'covariates'], issues);
  const cols = checkHistoryRows(customers, 'customers', issues, { weights: true, minRows: 1 });
  if (rest['penalty'] !== undefined && rest['penalty'] !== 0) issues.add('invalid_value', ['options', 'penalty'], 'is not supported together with covariates');
  const z1 = spec === undefined ? undefined : readCovariateRows(customers, spec.purchase, 'customers', issues);
  const z2 = spec === undefined ? undefined : readCovariateRows(customers, spec.dropout, 'customers', issues);
  issues.throwIfAny();
  const checked = spec as NonNullable<typeof spec>;
  const list = customers as readonly unknown[];
  // The no-covariate fit checks the remaining options and gives the start (all coefficients 0);
  // with many customers, on every k-th one (only the start depends on it).
  if (checked.purchase.length + checked.dropout.length === 0) return fitBgFamily('bg-nbd', 0, list, rest);
  const step = list.length > WARM_START_ROWS ? Math.ceil(list.length / (WARM_START_ROWS / 2)) : 1;
  const base = fitBgFamily('bg-nbd', 0, step === 1 ? list : list.filter((_, i) => i % step === 0), rest);
  const { x, tx, T, w } = cols as NonNullable<typeof cols>;
  const m1 = z1 as Float64Array;
  const m2 = z2 as Float64Array;
  const buildGroups = (groups: CovariateGroups): GroupLogLikelihood => {
    const data: LikelihoodData[] = [];
    for (let g = 0; g < groups.count; g++) {
      const from = groups.start[g] as number;
      const to = groups.start[g + 1] as number;
      const pick = (v: Float64Array) => {
        const out = new Float64Array(to - from);
        for (let k = from; k < to; k++) out[k - from] = v[groups.rows[k] as number] as number;
        return out;
      };
      data.push(likelihoodData(pick(x), pick(tx), pick(T), pick(w)));
    }
    return (g, theta, grad) => {
      const d = data[g] as LikelihoodData;
      if (d.pW.length === 0) {
        grad?.fill(0);
        return 0;
      }
      return logLikelihoodAndGradient(d, 0, theta[0] as number, theta[1] as number, theta[2] as number, theta[3] as number, grad);
    };
  };
  let customersTotal = 0;
  for (let i = 0; i < w.length; i++) customersTotal += w[i] as number;
  const fit = fitCovariateEngine({
    spec: checked,
    layout: BG_NBD_LAYOUT,
    baseNames: NAMES,
    start: [base.parameters.r, base.parameters.alpha, base.parameters.a, base.parameters.b],
    z1: m1,
    z2: m2,
    w,
    buildGroups,
    gradientTolerance: rest['tolerance'] as number | undefined,
    maxIterations: rest['maxIterations'] as number | undefined,
  });
  const named = namedCovariateFit(NAMES, fit);
  return {
    kind: 'bg-nbd',
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
