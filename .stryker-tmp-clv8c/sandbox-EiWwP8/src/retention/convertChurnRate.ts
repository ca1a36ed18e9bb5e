// @ts-nocheck
import { IssueList, checkNumber, optionsSchema, parseInput, numberSchema } from '../_lib/validate.js';

/** Options of {@link convertChurnRate}. */
export interface ConvertChurnRateOptions {
  /** The length of the period the given rate covers, in any unit (1 for a monthly rate). */
  readonly fromPeriods: number;
  /** The length of the period wanted, in the same unit (12 for a yearly rate from monthly). */
  readonly toPeriods: number;
}

const schema = optionsSchema({ fromPeriods: numberSchema({ greaterThan: 0 }), toPeriods: numberSchema({ greaterThan: 0 }) });

/**
 * Converts a churn rate between period lengths by compounding: a customer survives the longer
 * period only by surviving each shorter one.
 *
 * Definition: 1 - (1 - rate)^(toPeriods / fromPeriods). Monthly 2% is 21.53% a year, never
 * 12 x 2% = 24%. Assumes a constant rate over time. Cost: O(1).
 *
 * @param rate - The churn rate over `fromPeriods`, in [0, 1].
 * @param options - `fromPeriods` and `toPeriods`, both greater than 0 (see {@link ConvertChurnRateOptions}).
 * @returns The churn rate over `toPeriods`, in [0, 1].
 * @throws {@link MetricsInputError} for a rate outside [0, 1] and missing or non-positive periods.
 * @see Churnkey, "Monthly to annual churn" table; docs/retention.md.
 * @example
 * ```ts
 * import { convertChurnRate } from 'customer-metrics/retention';
 * // 1 - 0.98^12
 * convertChurnRate(0.02, { fromPeriods: 1, toPeriods: 12 }); // => ~0.215283
 * // and back: 1 - (1 - 0.215283)^(1/12)
 * convertChurnRate(0.2152830, { fromPeriods: 12, toPeriods: 1 }); // => ~0.02
 * ```
 */
export function convertChurnRate(rate: number, options: ConvertChurnRateOptions): number {
  const issues = new IssueList();
  checkNumber(rate, ['rate'], { min: 0, max: 1 }, issues);
  if (options === undefined) issues.add('invalid_type', ['options'], 'is required');
  const opts = parseInput(schema, options, 'options', issues);
  issues.throwIfAny();
  const { fromPeriods, toPeriods } = opts as ConvertChurnRateOptions;
  return 1 - (1 - rate) ** (toPeriods / fromPeriods);
}
