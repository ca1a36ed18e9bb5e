/**
 * Shared by the CLV charts: the time-unit option, validation of a transaction model through the
 * clv area's own checks (its issues re-rooted at our parameter name), and the model's name.
 *
 * @internal
 * @module
 */
import { isMetricsInputError } from '../../errors.js';
import { probabilityAlive, type TransactionModelSpec } from '../../clv/index.js';
import { IssueList, tr, type ChartLocale } from './common.js';

/** Validates `model` with the clv area's checks; records its issues under `param`. */
export function checkModel(model: unknown, param: string, issues: IssueList): TransactionModelSpec | undefined {
  try {
    probabilityAlive(model as TransactionModelSpec, { frequency: 0, recency: 0, T: 1 });
    return model as TransactionModelSpec;
  } catch (error) {
    if (!isMetricsInputError(error)) throw error;
    for (const issue of error.issues) {
      if (issue.path[0] === 'model') issues.add(issue.code, [param, ...issue.path.slice(1)], issue.message);
    }
    if (issues.isEmpty) issues.add('invalid_value', [param], 'must be a valid transaction model');
    return undefined;
  }
}

/** The model's display name: BG/NBD, MBG/NBD, Pareto/NBD. */
export function modelName(kind: string, locale: ChartLocale): string {
  const names: Record<string, string> = { 'bg-nbd': 'BG/NBD', 'mbg-nbd': 'MBG/NBD', 'pareto-nbd': 'Pareto/NBD' };
  return names[kind] ?? tr(locale, { en: 'model', vi: 'mô hình' });
}
