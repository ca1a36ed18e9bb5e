// @ts-nocheck
import { IssueList } from '../_lib/validate.js';
import { checkAssignOptions } from './_internal/assignOptions.js';
import { levelKey, levelLabel } from './_internal/levels.js';
import { conditionHolds, matchRules, readSignals, type CompiledCondition, type CompiledRules } from './_internal/rules.js';
import type { NeedLevelRule, NeedSignals, SignalComparison } from './needLevelRules.js';
import type { NeedLevel, NeedLevelKey, NeedLevelLocale } from './needLevels.js';

/** Options of {@link assignNeedLevel}. */
export interface AssignNeedLevelOptions {
  /**
   * The rules, in priority order. Replaces the defaults; spread {@link DEFAULT_NEED_LEVEL_RULES} into
   * your list to keep them. Every rule is validated; a rule that names an unknown signal is rejected.
   * @defaultValue {@link DEFAULT_NEED_LEVEL_RULES}
   */
  readonly rules?: readonly NeedLevelRule[];
  /**
   * `'first-match'`: the first rule (in order) whose conditions hold decides. `'highest-level'`: of
   * all rules that hold, the one with the highest level decides (the earliest on a tie).
   * @defaultValue 'first-match'
   */
  readonly mode?: 'first-match' | 'highest-level';
  /** Names of your own signals that rules may use, besides {@link NEED_SIGNALS}. @defaultValue [] */
  readonly customSignals?: readonly string[];
  /** The language of the returned label. @defaultValue 'en' */
  readonly locale?: NeedLevelLocale;
}

/** One condition of the deciding rule, with the customer's value: why the level was assigned. */
export interface NeedLevelEvidence {
  /** Whether the condition belongs to the rule's `all` or `any` list. */
  readonly group: 'all' | 'any';
  /** The signal the condition reads. */
  readonly signal: string;
  /** The comparison. */
  readonly op: SignalComparison;
  /** The rule's threshold. */
  readonly threshold: number;
  /** The customer's value, `undefined` when the signal is missing. */
  readonly value: number | undefined;
  /** Whether the condition holds for this customer. */
  readonly met: boolean;
}

/** The level assigned to one customer, with the evidence. */
export interface NeedLevelAssignment {
  /** The need level. */
  readonly level: NeedLevel;
  /** Its stable key. */
  readonly key: NeedLevelKey;
  /** Its label in the requested locale. */
  readonly label: string;
  /** The id of the rule that decided. */
  readonly ruleId: string;
  /** The conditions of that rule with the customer's values (empty for a fallback rule). */
  readonly evidence: readonly NeedLevelEvidence[];
}

/**
 * Assigns one customer to a need level from observable behaviour.
 *
 * Definition: the rules are tried in order. In `'first-match'` mode the first rule whose conditions
 * hold decides; in `'highest-level'` mode the matching rule with the highest level does (the earliest
 * on a tie). A rule holds when all its `all` conditions and at least one of its `any` conditions
 * (when it has any) hold; a condition on a signal the customer lacks does not hold. The result names
 * the deciding rule and lists its conditions with the customer's values, so a salesperson can see
 * why. For many customers use {@link assignNeedLevels}, which validates the rules once.
 *
 * Cost: O(r + c) for r rules with c conditions in total (rule validation included).
 *
 * @param signals - The customer's behaviour signals ({@link NEED_SIGNALS} and your `customSignals`);
 *   other properties are ignored.
 * @param options - Rules, mode, custom signals, locale.
 * @returns The level with its evidence, or `undefined` when no rule matches (the default rules end
 *   with a fallback, so they always match).
 * @throws {@link MetricsInputError} when a signal the rules read is not a finite number (or is
 *   negative, for a built-in signal), or when the options or rules are invalid, including rules that
 *   reference unknown signals.
 * @see HubSpot Knowledge Base, "Use lifecycle stages" (automatic stage updates from behaviour).
 * @example
 * ```ts
 * import { assignNeedLevel } from 'customer-metrics';
 * const result = assignNeedLevel({ brandComparisons: 2, solutionSearches: 1 });
 * result?.level; // => 4
 * result?.ruleId; // => 'brand-comparison'
 * result?.evidence; // => [{ group: 'all', signal: 'brandComparisons', op: '>=', threshold: 1, value: 2, met: true }]
 * // A buyer inactive for 200 days: the repurchase window lapsed, back to level 3.
 * assignNeedLevel({ purchases: 3, daysSinceLastActivity: 200 }, { locale: 'vi' })?.label; // => 'Có nhu cầu, đang tìm kiếm giải pháp'
 * ```
 */
export function assignNeedLevel(signals: NeedSignals, options?: AssignNeedLevelOptions): NeedLevelAssignment | undefined {
  const issues = new IssueList();
  const { compiled, highest, locale } = checkAssignOptions(options, issues, true);
  issues.throwIfAny();
  // Defined here: an invalid rule set recorded issues and was thrown above.
  const compiledRules = compiled as CompiledRules;
  const scratch = compiledRules.scratch;
  readSignals(signals, compiledRules, scratch, ['signals'], issues);
  issues.throwIfAny();
  const r = matchRules(compiledRules, scratch, highest);
  if (r < 0) return undefined;
  const rule = compiledRules.rules[r] as NeedLevelRule;
  const evidence: NeedLevelEvidence[] = [];
  for (const c of compiledRules.conditions[r] as readonly CompiledCondition[]) {
    const value = scratch[c.k] as number;
    evidence.push({
      group: c.group,
      signal: c.signal,
      op: c.op,
      threshold: c.threshold,
      value: value === value ? value : undefined,
      met: conditionHolds(c.code, value, c.threshold),
    });
  }
  return { level: rule.level, key: levelKey(rule.level), label: levelLabel(rule.level, locale), ruleId: rule.id, evidence };
}
