// @ts-nocheck
import { IssueList } from '../_lib/validate.js';
import { checkAssignOptions } from './_internal/assignOptions.js';
import { matchRules, readSignals, type CompiledRules } from './_internal/rules.js';
import type { NeedLevelRule, NeedSignals } from './needLevelRules.js';

/** Options of {@link assignNeedLevels}. */
export interface AssignNeedLevelsOptions {
  /**
   * The rules, in priority order; replaces the defaults (validated once for the whole batch).
   * @defaultValue {@link DEFAULT_NEED_LEVEL_RULES}
   */
  readonly rules?: readonly NeedLevelRule[];
  /** `'first-match'` or `'highest-level'`, as in {@link assignNeedLevel}. @defaultValue 'first-match' */
  readonly mode?: 'first-match' | 'highest-level';
  /** Names of your own signals that rules may use, besides {@link NEED_SIGNALS}. @defaultValue [] */
  readonly customSignals?: readonly string[];
}

/** The levels of many customers, in compact arrays. */
export interface NeedLevelAssignments {
  /** The level of each customer, in input order; 0 where no rule matched. */
  readonly levels: Uint8Array;
  /** The index in `rules` of the deciding rule for each customer; -1 where no rule matched. */
  readonly ruleIndex: Int32Array;
  /** The rules in force, in order (validated copies): `rules[ruleIndex[i]]` explains customer i. */
  readonly rules: readonly NeedLevelRule[];
  /** How many customers are at each level: `counts[level - 1]`. */
  readonly counts: readonly number[];
  /** How many customers no rule matched (never with the default rules, which end with a fallback). */
  readonly unassigned: number;
}

/**
 * Assigns many customers to need levels at once: the batch form of {@link assignNeedLevel}, for
 * millions of customers.
 *
 * Definition: the same as {@link assignNeedLevel} per customer. The rules are validated and compiled
 * once into flat arrays; each customer's signals are then checked and matched in a tight loop, and the
 * results come back as typed arrays rather than one object per customer. The evidence of customer i
 * is `rules[ruleIndex[i]]` with that customer's signals.
 *
 * Cost: O(n * c) for n customers and c conditions, O(n) memory for the result.
 *
 * @param customers - Each customer's behaviour signals; other properties are ignored.
 * @param options - Rules, mode, custom signals.
 * @returns Levels, deciding rules and counts.
 * @throws {@link MetricsInputError} listing every invalid signal (path `['customers', i, signal]`)
 *   and every problem in the options and rules, including rules that reference unknown signals.
 * @example
 * ```ts
 * import { assignNeedLevels } from 'customer-metrics';
 * const result = assignNeedLevels([
 *   { customerId: 'a', problemContentViews: 3 },
 *   { customerId: 'b', cartAdds: 1 },
 *   { customerId: 'c', purchases: 2, daysSinceLastActivity: 10 },
 * ]);
 * Array.from(result.levels); // => [2, 5, 6]
 * result.counts; // => [0, 1, 0, 0, 1, 1]
 * result.rules[result.ruleIndex[1] ?? -1]?.id; // => 'purchase-intent'
 * ```
 */
export function assignNeedLevels(customers: readonly NeedSignals[], options?: AssignNeedLevelsOptions): NeedLevelAssignments {
  const issues = new IssueList();
  const { compiled, highest } = checkAssignOptions(options, issues, false);
  if (!Array.isArray(customers)) issues.add('invalid_type', ['customers'], customers === undefined ? 'is required' : 'must be an array');
  issues.throwIfAny();
  // Defined here: an invalid rule set recorded issues and was thrown above.
  const rules = compiled as CompiledRules;
  const n = customers.length;
  const levels = new Uint8Array(n);
  const ruleIndex = new Int32Array(n);
  const counts = [0, 0, 0, 0, 0, 0];
  let unassigned = 0;
  const scratch = rules.scratch;
  let ok = true;
  for (let i = 0; i < n; i++) {
    if (!readSignals(customers[i], rules, scratch, ['customers', i], issues)) {
      ok = false;
      continue;
    }
    if (!ok) continue;
    const r = matchRules(rules, scratch, highest);
    ruleIndex[i] = r;
    if (r < 0) {
      unassigned++;
      continue;
    }
    const level = rules.levels[r] as number;
    levels[i] = level;
    counts[level - 1] = (counts[level - 1] as number) + 1;
  }
  issues.throwIfAny();
  return { levels, ruleIndex, rules: rules.rules, counts, unassigned };
}
