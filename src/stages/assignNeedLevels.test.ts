import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIssueMessage as firstMessage, issueSummaries as issuesOf } from '../../test/helpers/thrown-issues.js';
import { assignNeedLevel } from './assignNeedLevel.js';
import { assignNeedLevels } from './assignNeedLevels.js';
import { NEED_SIGNALS, type NeedLevelRule } from './needLevelRules.js';



const signal = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
const customer = fc.record(
  Object.fromEntries(NEED_SIGNALS.map((name) => [name, name === 'daysSinceLastActivity' ? fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }) : signal])),
);

describe('assignNeedLevels', () => {
  it('agrees with assignNeedLevel customer by customer, in both modes', () => {
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 30 }), fc.constantFrom('first-match' as const, 'highest-level' as const), (customers, mode) => {
        const batch = assignNeedLevels(customers, { mode });
        const counts = [0, 0, 0, 0, 0, 0];
        customers.forEach((c, i) => {
          const single = assignNeedLevel(c, { mode });
          expect(batch.levels[i]).toBe(single?.level);
          expect(batch.rules[batch.ruleIndex[i] as number]?.id).toBe(single?.ruleId);
          const k = (single?.level ?? 1) - 1;
          counts[k] = (counts[k] as number) + 1;
        });
        expect(batch.counts).toEqual(counts);
        expect(batch.unassigned).toBe(0);
        expect(batch.levels.length).toBe(customers.length);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('marks customers no rule matches with level 0 and rule -1', () => {
    const rules: NeedLevelRule[] = [{ id: 'cart', level: 5, all: [{ signal: 'cartAdds', op: '>=', value: 1 }] }];
    const result = assignNeedLevels([{ cartAdds: 1 }, { cartAdds: 0 }, {}], { rules });
    expect(Array.from(result.levels)).toEqual([5, 0, 0]);
    expect(Array.from(result.ruleIndex)).toEqual([0, -1, -1]);
    expect(result.unassigned).toBe(2);
    expect(result.counts).toEqual([0, 0, 0, 0, 1, 0]);
    expect(result.rules).toEqual(rules);
  });

  it('uses custom signals and returns an empty result for no customers', () => {
    const rules: NeedLevelRule[] = [{ id: 'nps', level: 6, all: [{ signal: 'nps', op: '>=', value: 9 }] }, { id: 'rest', level: 1 }];
    expect(Array.from(assignNeedLevels([{ nps: 10 }, { nps: 3 }], { rules, customSignals: ['nps'] }).levels)).toEqual([6, 1]);
    const empty = assignNeedLevels([]);
    expect(empty.levels.length).toBe(0);
    expect(empty.counts).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it.each([
    ['customers not an array', () => assignNeedLevels({} as never), ['invalid_type customers']],
    ['customers missing', () => assignNeedLevels(undefined as never), ['invalid_type customers']],
    [
      'every bad signal, with its customer index',
      () => assignNeedLevels([{ cartAdds: 1 }, { cartAdds: Number.NaN }, null as never, { purchases: -1, pricingViews: 'x' } as never]),
      ['not_finite customers.1.cartAdds', 'invalid_type customers.2', 'too_small customers.3.purchases', 'invalid_type customers.3.pricingViews'],
    ],
    ['a locale (no labels are returned)', () => assignNeedLevels([], { locale: 'vi' } as never), ['unrecognized_key options.locale']],
    ['a rule with an unknown signal', () => assignNeedLevels([], { rules: [{ id: 'x', level: 2, all: [{ signal: 'clicks', op: '>', value: 0 }] }] }), ['invalid_value options.rules.0.all.0.signal']],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuesOf(fn)).toEqual(expected);
  });
});

describe('assignNeedLevels messages', () => {
  it('say what is wrong without the value', () => {
    expect(firstMessage(() => assignNeedLevels(undefined as never))).toBe('is required');
    expect(firstMessage(() => assignNeedLevels('x' as never))).toBe('must be an array');
  });
});
