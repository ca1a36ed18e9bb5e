import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIssueMessage as firstMessage, issueSummaries as issuesOf } from '../../test/helpers/thrown-issues.js';
import { assignNeedLevel } from './assignNeedLevel.js';
import { DEFAULT_NEED_LEVEL_RULES, NEED_SIGNALS, type NeedLevelRule } from './needLevelRules.js';



describe('assignNeedLevel with the default rules', () => {
  it.each([
    // [signals, level, rule]
    [{}, 1, 'no-signal'],
    [{ problemContentViews: 1 }, 2, 'problem-engagement'],
    [{ problemContentViews: 4, solutionSearches: 1 }, 3, 'solution-search'],
    [{ solutionSearches: 2, brandComparisons: 1 }, 4, 'brand-comparison'],
    [{ brandComparisons: 1, pricingViews: 1 }, 5, 'purchase-intent'],
    [{ cartAdds: 1 }, 5, 'purchase-intent'],
    [{ quoteRequests: 2 }, 5, 'purchase-intent'],
    [{ demoRequests: 1 }, 5, 'purchase-intent'],
    [{ purchases: 1, repurchaseSignals: 1, daysSinceLastActivity: 400 }, 6, 'repurchase-intent'],
    [{ purchases: 1, daysSinceLastActivity: 90 }, 6, 'recent-customer'],
    // 91 days: the 90-day window lapsed, back to "has a need".
    [{ purchases: 1, daysSinceLastActivity: 91 }, 3, 'lapsed-customer'],
    // Lapsed: older intent signals do not count in first-match mode.
    [{ purchases: 2, daysSinceLastActivity: 200, pricingViews: 1 }, 3, 'lapsed-customer'],
    // Buyer without recency: neither customer rule can tell, the other signals decide.
    [{ purchases: 1, problemContentViews: 1 }, 2, 'problem-engagement'],
    [{ purchases: 0, daysSinceLastActivity: 3 }, 1, 'no-signal'],
    [{ problemContentViews: 0, solutionSearches: 0 }, 1, 'no-signal'],
  ])('%o is at level %i by rule %s', (signals, level, rule) => {
    const result = assignNeedLevel(signals);
    expect(result?.level).toBe(level);
    expect(result?.ruleId).toBe(rule);
  });

  it('reports the evidence of the deciding rule with the customer values', () => {
    expect(assignNeedLevel({ purchases: 2, daysSinceLastActivity: 30, customerId: 'x' } as never)).toEqual({
      level: 6,
      key: 'deciding-repurchase',
      label: 'Has bought, deciding whether to buy again',
      ruleId: 'recent-customer',
      evidence: [
        { group: 'all', signal: 'purchases', op: '>=', threshold: 1, value: 2, met: true },
        { group: 'all', signal: 'daysSinceLastActivity', op: '<=', threshold: 90, value: 30, met: true },
      ],
    });
    // The any-list lists every condition, met or not, missing values as undefined.
    expect(assignNeedLevel({ cartAdds: 1, pricingViews: 0 })?.evidence).toEqual([
      { group: 'any', signal: 'pricingViews', op: '>=', threshold: 1, value: 0, met: false },
      { group: 'any', signal: 'cartAdds', op: '>=', threshold: 1, value: 1, met: true },
      { group: 'any', signal: 'quoteRequests', op: '>=', threshold: 1, value: undefined, met: false },
      { group: 'any', signal: 'demoRequests', op: '>=', threshold: 1, value: undefined, met: false },
    ]);
    expect(assignNeedLevel({})?.evidence).toEqual([]);
  });

  it('labels in Vietnamese on request', () => {
    expect(assignNeedLevel({ brandComparisons: 1 }, { locale: 'vi' })?.label).toBe('Đã biết giải pháp, đang tìm kiếm thương hiệu');
    expect(assignNeedLevel({ brandComparisons: 1 }, { locale: 'en' })?.label).toBe('Knows the solution, looking for a brand');
    expect(assignNeedLevel({ brandComparisons: 1 }, {})?.key).toBe('seeking-brand');
  });

  it('highest-level mode takes the highest matching level', () => {
    // A buyer who lapsed and compares brands: first-match stops at the lapse rule (3), highest-level
    // takes the brand comparison (4).
    const signals = { purchases: 1, daysSinceLastActivity: 120, brandComparisons: 1 };
    expect(assignNeedLevel(signals)?.ruleId).toBe('lapsed-customer');
    expect(assignNeedLevel(signals, { mode: 'highest-level' })?.ruleId).toBe('brand-comparison');
    const rules: NeedLevelRule[] = [
      { id: 'low', level: 2, all: [{ signal: 'cartAdds', op: '>=', value: 1 }] },
      { id: 'high', level: 5, all: [{ signal: 'cartAdds', op: '>=', value: 1 }] },
      { id: 'high-too', level: 5, all: [{ signal: 'cartAdds', op: '>=', value: 1 }] },
      { id: 'unmatched', level: 6, all: [{ signal: 'purchases', op: '>=', value: 1 }] },
    ];
    expect(assignNeedLevel({ cartAdds: 1 }, { rules })?.ruleId).toBe('low');
    // The earliest of the highest wins a tie.
    expect(assignNeedLevel({ cartAdds: 1 }, { rules, mode: 'highest-level' })?.ruleId).toBe('high');
    expect(assignNeedLevel({ cartAdds: 1 }, { rules, mode: 'first-match' })?.ruleId).toBe('low');
    expect(assignNeedLevel({ cartAdds: 0 }, { rules, mode: 'highest-level' })).toBeUndefined();
  });

  it('property: with the default rules, highest-level never assigns a lower level than first-match', () => {
    const signal = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
    const record = fc.record(Object.fromEntries(NEED_SIGNALS.map((name) => [name, name === 'daysSinceLastActivity' ? fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }) : signal])));
    fc.assert(
      fc.property(record, (signals) => {
        const first = assignNeedLevel(signals);
        const highest = assignNeedLevel(signals, { mode: 'highest-level' });
        expect(first).toBeDefined();
        expect((highest?.level ?? 0) >= (first?.level ?? 7)).toBe(true);
        // The evidence of the deciding rule holds.
        const all = first?.evidence.filter((e) => e.group === 'all') ?? [];
        const any = first?.evidence.filter((e) => e.group === 'any') ?? [];
        expect(all.every((e) => e.met)).toBe(true);
        expect(any.length === 0 || any.some((e) => e.met)).toBe(true);
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});

describe('assignNeedLevel with user rules', () => {
  const op = (o: '>=' | '>' | '<=' | '<' | '==' | '!=', value: number): NeedLevelRule[] => [
    { id: 'r', level: 4, all: [{ signal: 'score', op: o, value }] },
  ];
  it.each([
    ['>=', 2, [false, true, true]],
    ['>', 2, [false, false, true]],
    ['<=', 2, [true, true, false]],
    ['<', 2, [true, false, false]],
    ['==', 2, [false, true, false]],
    ['!=', 2, [true, false, true]],
  ] as const)('operator %s %i on 1, 2, 3', (o, value, expected) => {
    const got = [1, 2, 3].map((score) => assignNeedLevel({ score }, { rules: op(o, value), customSignals: ['score'] }) !== undefined);
    expect(got).toEqual(expected);
    // A missing signal satisfies no operator, not even !=.
    expect(assignNeedLevel({}, { rules: op(o, value), customSignals: ['score'] })).toBeUndefined();
  });

  it('custom signals may be negative; built-in ones may not', () => {
    const rules: NeedLevelRule[] = [{ id: 'neg', level: 2, all: [{ signal: 'sentiment', op: '<', value: 0 }] }];
    expect(assignNeedLevel({ sentiment: -0.5 }, { rules, customSignals: ['sentiment'] })?.level).toBe(2);
    expect(issuesOf(() => assignNeedLevel({ cartAdds: -1 }))).toEqual(['too_small signals.cartAdds']);
  });

  it('needs all of `all` and one of `any`', () => {
    const rules: NeedLevelRule[] = [
      {
        id: 'both',
        level: 5,
        all: [{ signal: 'pricingViews', op: '>=', value: 1 }],
        any: [
          { signal: 'cartAdds', op: '>=', value: 1 },
          { signal: 'demoRequests', op: '>=', value: 1 },
        ],
      },
      { id: 'fallback', level: 1 },
    ];
    expect(assignNeedLevel({ pricingViews: 1, demoRequests: 1 }, { rules })?.ruleId).toBe('both');
    expect(assignNeedLevel({ pricingViews: 1 }, { rules })?.ruleId).toBe('fallback');
    expect(assignNeedLevel({ cartAdds: 1 }, { rules })?.ruleId).toBe('fallback');
  });

  it('keeps the defaults when spread after user rules', () => {
    const rules = [{ id: 'vip', level: 6, all: [{ signal: 'purchases', op: '>=', value: 10 }] } as const, ...DEFAULT_NEED_LEVEL_RULES];
    expect(assignNeedLevel({ purchases: 12 }, { rules })?.ruleId).toBe('vip');
    expect(assignNeedLevel({ problemContentViews: 1 }, { rules })?.ruleId).toBe('problem-engagement');
  });

  it('does not mutate its inputs', () => {
    const rules = [{ id: 'a', level: 3, all: [{ signal: 'solutionSearches', op: '>=', value: 1 }] }] as const;
    const snapshot = JSON.stringify(rules);
    const signals = { solutionSearches: 1 };
    assignNeedLevel(signals, { rules });
    expect(JSON.stringify(rules)).toBe(snapshot);
    expect(signals).toEqual({ solutionSearches: 1 });
  });
});

describe('assignNeedLevel bad input', () => {
  const rule = (extra: object): unknown => [{ id: 'r', level: 3, ...extra }];
  it.each([
    ['signals not an object', () => assignNeedLevel(null as never), ['invalid_type signals']],
    ['signals an array', () => assignNeedLevel([] as never), ['invalid_type signals']],
    ['signals missing', () => assignNeedLevel(undefined as never), ['invalid_type signals']],
    ['a signal that is a string', () => assignNeedLevel({ cartAdds: '1' } as never), ['invalid_type signals.cartAdds']],
    ['a signal that is NaN', () => assignNeedLevel({ purchases: Number.NaN }), ['not_finite signals.purchases']],
    ['a signal that is Infinity', () => assignNeedLevel({ purchases: Infinity }), ['not_finite signals.purchases']],
    ['options not an object', () => assignNeedLevel({}, 3 as never), ['invalid_type options']],
    ['an unknown option', () => assignNeedLevel({}, { mod: 'x' } as never), ['unrecognized_key options.mod']],
    ['options that are an array', () => assignNeedLevel({}, [] as never), ['invalid_type options']],
    ['options that are null', () => assignNeedLevel({}, null as never), ['invalid_type options']],
    ['a mode that is a number', () => assignNeedLevel({}, { mode: 1 as never }), ['invalid_value options.mode']],
    ['a rule that is an array', () => assignNeedLevel({}, { rules: [[]] as never }), ['invalid_type options.rules.0']],
    ['a rule that is null', () => assignNeedLevel({}, { rules: [null] as never }), ['invalid_type options.rules.0']],
    ['a condition that is an array', () => assignNeedLevel({}, { rules: rule({ all: [[]] }) as never }), ['invalid_type options.rules.0.all.0']],
    ['a condition that is null', () => assignNeedLevel({}, { rules: rule({ all: [null] }) as never }), ['invalid_type options.rules.0.all.0']],
    ['a custom signal that is not a string', () => assignNeedLevel({}, { customSignals: [3] as never }), ['invalid_type options.customSignals.0']],
    ['an unknown mode', () => assignNeedLevel({}, { mode: 'best' as never }), ['invalid_value options.mode']],
    ['an unknown locale', () => assignNeedLevel({}, { locale: 'fr' as never }), ['invalid_value options.locale']],
    ['rules not an array', () => assignNeedLevel({}, { rules: {} as never }), ['invalid_type options.rules']],
    ['no rules', () => assignNeedLevel({}, { rules: [] }), ['too_small options.rules']],
    ['a rule that is not an object', () => assignNeedLevel({}, { rules: [3] as never }), ['invalid_type options.rules.0']],
    ['a rule with an unknown signal', () => assignNeedLevel({}, { rules: rule({ all: [{ signal: 'clicks', op: '>=', value: 1 }] }) as never }), ['invalid_value options.rules.0.all.0.signal']],
    ['an any-condition with an unknown signal', () => assignNeedLevel({}, { rules: rule({ any: [{ signal: 'clicks', op: '>=', value: 1 }] }) as never }), ['invalid_value options.rules.0.any.0.signal']],
    ['a condition without a signal', () => assignNeedLevel({}, { rules: rule({ all: [{ op: '>=', value: 1 }] }) as never }), ['invalid_type options.rules.0.all.0.signal']],
    ['an unknown operator', () => assignNeedLevel({}, { rules: rule({ all: [{ signal: 'cartAdds', op: '=>', value: 1 }] }) as never }), ['invalid_value options.rules.0.all.0.op']],
    ['a threshold that is not a number', () => assignNeedLevel({}, { rules: rule({ all: [{ signal: 'cartAdds', op: '>=', value: '1' }] }) as never }), ['invalid_type options.rules.0.all.0.value']],
    ['a missing threshold', () => assignNeedLevel({}, { rules: rule({ all: [{ signal: 'cartAdds', op: '>=' }] }) as never }), ['invalid_type options.rules.0.all.0.value']],
    ['a threshold that is NaN', () => assignNeedLevel({}, { rules: rule({ all: [{ signal: 'cartAdds', op: '>=', value: Number.NaN }] }) as never }), ['not_finite options.rules.0.all.0.value']],
    ['a condition with an extra key', () => assignNeedLevel({}, { rules: rule({ all: [{ signal: 'cartAdds', op: '>=', value: 1, weight: 2 }] }) as never }), ['unrecognized_key options.rules.0.all.0.weight']],
    ['a condition that is not an object', () => assignNeedLevel({}, { rules: rule({ all: ['cartAdds >= 1'] }) as never }), ['invalid_type options.rules.0.all.0']],
    ['conditions not in an array', () => assignNeedLevel({}, { rules: rule({ any: { signal: 'cartAdds' } }) as never }), ['invalid_type options.rules.0.any']],
    ['a rule with an unknown level', () => assignNeedLevel({}, { rules: [{ id: 'r', level: 7 }] as never }), ['invalid_value options.rules.0.level']],
    ['a rule with a level that is not a number', () => assignNeedLevel({}, { rules: [{ id: 'r', level: '3' }] as never }), ['invalid_type options.rules.0.level']],
    ['a rule without id', () => assignNeedLevel({}, { rules: [{ level: 3 }] as never }), ['invalid_type options.rules.0.id']],
    ['a rule with an empty id', () => assignNeedLevel({}, { rules: [{ id: '', level: 3 }] as never }), ['invalid_type options.rules.0.id']],
    ['duplicate rule ids', () => assignNeedLevel({}, { rules: [{ id: 'r', level: 3 }, { id: 'r', level: 2 }] }), ['invalid_structure options.rules.1.id']],
    ['a rule with an unknown key', () => assignNeedLevel({}, { rules: [{ id: 'r', level: 3, when: [] }] as never }), ['unrecognized_key options.rules.0.when']],
    ['a description that is not a string', () => assignNeedLevel({}, { rules: [{ id: 'r', level: 3, description: 1 }] as never }), ['invalid_type options.rules.0.description']],
    ['customSignals not an array', () => assignNeedLevel({}, { customSignals: 'x' as never }), ['invalid_type options.customSignals']],
    ['a custom signal that is empty', () => assignNeedLevel({}, { customSignals: [''] }), ['invalid_type options.customSignals.0']],
    ['a custom signal that repeats a built-in', () => assignNeedLevel({}, { customSignals: ['cartAdds'] }), ['invalid_value options.customSignals.0']],
    ['a custom signal declared twice', () => assignNeedLevel({}, { customSignals: ['x', 'x'] }), ['invalid_value options.customSignals.1']],
  ])('%s', (_, fn, expected) => {
    expect(issuesOf(fn)).toEqual(expected);
  });

  it('lists every problem at once, without echoing values', () => {
    const rules = [
      { id: 'a', level: 9, all: [{ signal: 'secretSignal', op: '>=', value: 1 }] },
      { id: 'a', level: 2, any: [{ signal: 'cartAdds', op: '~', value: 1 }] },
    ];
    let message = '';
    try {
      assignNeedLevel({}, { rules: rules as never, mode: 'x' as never });
    } catch (error) {
      message = String(error);
    }
    expect(issuesOf(() => assignNeedLevel({}, { rules: rules as never, mode: 'x' as never }))).toEqual([
      'invalid_value options.mode',
      'invalid_value options.rules.0.level',
      'invalid_value options.rules.0.all.0.signal',
      'invalid_structure options.rules.1.id',
      'invalid_value options.rules.1.any.0.op',
    ]);
    expect(message).not.toContain('secretSignal');
  });
});

describe('assignNeedLevel messages', () => {
  it('say what is wrong without the value', () => {
    expect(firstMessage(() => assignNeedLevel(undefined as never))).toBe('is required');
    expect(firstMessage(() => assignNeedLevel(5 as never))).toBe('must be an object of signals');
    expect(firstMessage(() => assignNeedLevel({ cartAdds: 'many' } as never))).toBe('must be a number');
    expect(firstMessage(() => assignNeedLevel({ cartAdds: -2 }))).toBe('must be at least 0');
    expect(firstMessage(() => assignNeedLevel({ cartAdds: Number.NaN }))).toBe('must be a finite number');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ level: 2 }] as never }))).toBe('is required');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ id: 3, level: 2 }] as never }))).toBe('must be a non-empty string');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ id: 'a' }] as never }))).toBe('is required');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ id: 'a', level: 'x' }] as never }))).toBe('must be a need level (a number from 1 to 6)');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ id: 'a', level: 1, all: [{ op: '>', value: 1 }] }] as never }))).toBe('is required');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ id: 'a', level: 1, all: [{ signal: 1, op: '>', value: 1 }] }] as never }))).toBe('must be a signal name');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ id: 'a', level: 1, all: [{ signal: 'cartAdds', op: '>' }] }] as never }))).toBe('is required');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ id: 'a', level: 1, all: [{ signal: 'cartAdds', op: '>', value: '1' }] }] as never }))).toBe('must be a number');
    expect(firstMessage(() => assignNeedLevel({}, { rules: [{ id: 'a', level: 1, all: [{ signal: 'cartAdds', op: '=', value: 1 }] }] as never }))).toBe(
      'must be one of ">=", ">", "<=", "<", "==", "!="',
    );
    expect(firstMessage(() => assignNeedLevel({}, { mode: 'x' as never }))).toBe('must be one of "first-match", "highest-level"');
    expect(firstMessage(() => assignNeedLevel({}, { locale: 'x' as never }))).toBe('must be one of "en", "vi"');
  });
});
