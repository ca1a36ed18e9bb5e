/**
 * The behaviour signals and the rule format that {@link assignNeedLevel} uses, and the default rules.
 *
 * @module
 */
// @ts-nocheck

import type { NeedLevel } from './needLevels.js';

/** The names of the built-in behaviour signals (counts over your look-back window, and recency). */
export type NeedSignalName =
  | 'problemContentViews'
  | 'solutionSearches'
  | 'brandComparisons'
  | 'pricingViews'
  | 'cartAdds'
  | 'quoteRequests'
  | 'demoRequests'
  | 'purchases'
  | 'repurchaseSignals'
  | 'daysSinceLastActivity';

/**
 * The built-in behaviour signals, each a non-negative number. Counts are over a look-back window
 * you choose (the same for every customer); `daysSinceLastActivity` is the recency at the snapshot.
 * Rules may also use signals you declare in the `customSignals` option.
 */
export const NEED_SIGNALS: readonly NeedSignalName[] = Object.freeze([
  'problemContentViews',
  'solutionSearches',
  'brandComparisons',
  'pricingViews',
  'cartAdds',
  'quoteRequests',
  'demoRequests',
  'purchases',
  'repurchaseSignals',
  'daysSinceLastActivity',
] as const);

/** The built-in signals of one customer. A missing signal means "not observed". */
export interface BuiltInNeedSignals {
  /** Views of content about the problem the product solves (blog posts, symptom pages). */
  readonly problemContentViews?: number;
  /** Searches or views about the category of solution (not a brand). */
  readonly solutionSearches?: number;
  /** Brand or competitor comparisons (comparison pages, review sites, "X vs Y"). */
  readonly brandComparisons?: number;
  /** Views of our pricing page. */
  readonly pricingViews?: number;
  /** Items added to the cart. */
  readonly cartAdds?: number;
  /** Quote requests. */
  readonly quoteRequests?: number;
  /** Demo or trial requests. */
  readonly demoRequests?: number;
  /** Purchases (all time). */
  readonly purchases?: number;
  /** Signs of intent to buy again (reorder reminders opened, replenishment views, renewals started). */
  readonly repurchaseSignals?: number;
  /** Days since the customer's last activity of any kind, at the snapshot date. */
  readonly daysSinceLastActivity?: number;
}

/**
 * The signals of one customer: the built-in ones and any custom signal (declared in `customSignals`),
 * as numbers. Other properties (an id, a name) are allowed and ignored.
 */
export type NeedSignals = BuiltInNeedSignals | { readonly [signal: string]: unknown };

/** How a condition compares a signal with its threshold. */
export type SignalComparison = '>=' | '>' | '<=' | '<' | '==' | '!=';

/** One condition of a rule: `signal op value`. A condition on a signal the customer lacks is false. */
export interface NeedSignalCondition {
  /** A built-in signal ({@link NEED_SIGNALS}) or one declared in `customSignals`. */
  readonly signal: string;
  /** The comparison. */
  readonly op: SignalComparison;
  /** The threshold, a finite number. */
  readonly value: number;
}

/**
 * A rule: when every condition in `all` holds and at least one in `any` holds (when `any` is given),
 * the customer is at `level`. A rule with no conditions always matches (a fallback).
 */
export interface NeedLevelRule {
  /** A unique, stable id, reported as evidence. */
  readonly id: string;
  /** The level the rule assigns. */
  readonly level: NeedLevel;
  /** Conditions that must all hold. */
  readonly all?: readonly NeedSignalCondition[];
  /** Conditions of which at least one must hold. */
  readonly any?: readonly NeedSignalCondition[];
  /** What the rule means, for people reading the evidence. */
  readonly description?: string;
}

function freezeRule(rule: NeedLevelRule): NeedLevelRule {
  const frozen: NeedLevelRule = {
    ...rule,
    ...(rule.all ? { all: Object.freeze(rule.all.map((c) => Object.freeze({ ...c }))) } : {}),
    ...(rule.any ? { any: Object.freeze(rule.any.map((c) => Object.freeze({ ...c }))) } : {}),
  };
  return Object.freeze(frozen);
}

/**
 * The default rules, in priority order (first match wins in `'first-match'` mode):
 *
 * | id | level | when |
 * |---|---|---|
 * | `repurchase-intent` | 6 | purchases >= 1 and repurchaseSignals >= 1 |
 * | `recent-customer` | 6 | purchases >= 1 and daysSinceLastActivity <= 90 |
 * | `lapsed-customer` | 3 | purchases >= 1 and daysSinceLastActivity > 90 (the repurchase window lapsed) |
 * | `purchase-intent` | 5 | any of pricingViews, cartAdds, quoteRequests, demoRequests >= 1 |
 * | `brand-comparison` | 4 | brandComparisons >= 1 |
 * | `solution-search` | 3 | solutionSearches >= 1 |
 * | `problem-engagement` | 2 | problemContentViews >= 1 |
 * | `no-signal` | 1 | always |
 *
 * A buyer with no activity for more than 90 days is placed at level 3 before any intent signal is
 * considered: counts older than the recency cannot be current intent. In `'highest-level'` mode such
 * a buyer's other signals can still place it higher.
 *
 * Copy and adapt them: `[...myRules, ...DEFAULT_NEED_LEVEL_RULES]` puts your rules first.
 */
export const DEFAULT_NEED_LEVEL_RULES: readonly NeedLevelRule[] = Object.freeze(
  (
    [
      {
        id: 'repurchase-intent',
        level: 6,
        all: [
          { signal: 'purchases', op: '>=', value: 1 },
          { signal: 'repurchaseSignals', op: '>=', value: 1 },
        ],
        description: 'Has bought and shows signs of buying again.',
      },
      {
        id: 'recent-customer',
        level: 6,
        all: [
          { signal: 'purchases', op: '>=', value: 1 },
          { signal: 'daysSinceLastActivity', op: '<=', value: 90 },
        ],
        description: 'Has bought and was active in the last 90 days.',
      },
      {
        id: 'lapsed-customer',
        level: 3,
        all: [
          { signal: 'purchases', op: '>=', value: 1 },
          { signal: 'daysSinceLastActivity', op: '>', value: 90 },
        ],
        description: 'Bought before, but the 90-day repurchase window lapsed: back to having a need.',
      },
      {
        id: 'purchase-intent',
        level: 5,
        any: [
          { signal: 'pricingViews', op: '>=', value: 1 },
          { signal: 'cartAdds', op: '>=', value: 1 },
          { signal: 'quoteRequests', op: '>=', value: 1 },
          { signal: 'demoRequests', op: '>=', value: 1 },
        ],
        description: 'Looked at pricing, added to the cart, or asked for a quote or a demo.',
      },
      {
        id: 'brand-comparison',
        level: 4,
        all: [{ signal: 'brandComparisons', op: '>=', value: 1 }],
        description: 'Compared brands or competitors.',
      },
      {
        id: 'solution-search',
        level: 3,
        all: [{ signal: 'solutionSearches', op: '>=', value: 1 }],
        description: 'Searched for the kind of solution.',
      },
      {
        id: 'problem-engagement',
        level: 2,
        all: [{ signal: 'problemContentViews', op: '>=', value: 1 }],
        description: 'Engaged with content about the problem.',
      },
      { id: 'no-signal', level: 1, description: 'No signal of a problem, a need or a purchase.' },
    ] satisfies NeedLevelRule[]
  ).map(freezeRule),
);
