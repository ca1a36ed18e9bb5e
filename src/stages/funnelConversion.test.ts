import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIssueMessage as firstMessage, issueSummaries as issuesOf } from '../../test/helpers/thrown-issues.js';
import { funnelConversion } from './funnelConversion.js';
import type { NeedLevel } from './needLevels.js';
import type { NeedLevelObservation } from './stageHistory.js';



const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
/** A contact climbing from level `from` to `to`, one level per day starting at `start`. */
const climb = (from: number, to: number, start = T0): NeedLevelObservation[] =>
  Array.from({ length: to - from + 1 }, (_, k) => ({ date: start + k * DAY, level: (from + k) as NeedLevel }));

describe('funnelConversion', () => {
  it('reproduces the worked example 100 / 60 / 30 / 12', () => {
    // 40 stop at 1, 30 at 2, 18 at 3, 12 reach 4: counts 100, 60, 30, 12.
    // Next step: 60/100 = 60%, 30/60 = 50%, 12/30 = 40%. Cumulative: 60%, 30%, 12%.
    const histories = [
      ...Array.from({ length: 40 }, () => climb(1, 1)),
      ...Array.from({ length: 30 }, () => climb(1, 2)),
      ...Array.from({ length: 18 }, () => climb(1, 3)),
      ...Array.from({ length: 12 }, () => climb(1, 4)),
    ];
    const funnel = funnelConversion(histories, { toLevel: 4 });
    expect(funnel.mode).toBe('strict');
    expect(funnel.contacts).toBe(100);
    expect(funnel.steps.map((s) => s.count)).toEqual([100, 60, 30, 12]);
    expect(funnel.steps.map((s) => s.conversionFromPrevious)).toEqual([undefined, 0.6, 0.5, 0.4]);
    expect(funnel.steps.map((s) => s.conversionFromFirst)).toEqual([1, 0.6, 0.3, 0.12]);
    expect(funnel.steps[0]).toMatchObject({ level: 1, key: 'no-problem', label: 'No problem' });
    expect(funnel.cohorts).toEqual([]);
  });

  it('counts a contact that skips a level only up to the level before the gap (strict)', () => {
    const skipper = [
      { date: T0, level: 1 as const },
      { date: T0 + DAY, level: 2 as const },
      { date: T0 + 2 * DAY, level: 4 as const },
      { date: T0 + 3 * DAY, level: 5 as const },
    ];
    expect(funnelConversion([skipper]).steps.map((s) => s.count)).toEqual([1, 1, 0, 0, 0, 0]);
    // any-order counts every level seen.
    expect(funnelConversion([skipper], { mode: 'any-order' }).steps.map((s) => s.count)).toEqual([1, 1, 0, 1, 1, 0]);
    // A contact first seen at 2 is not in a funnel that starts at 1, but is in one starting at 2.
    expect(funnelConversion([climb(2, 4)]).steps.map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(funnelConversion([climb(2, 4)], { fromLevel: 2 }).steps.map((s) => s.count)).toEqual([1, 1, 1, 0, 0]);
  });

  it('needs the levels in time order in strict mode', () => {
    const backwards = [
      { date: T0, level: 1 as const },
      { date: T0 + DAY, level: 3 as const },
      { date: T0 + 2 * DAY, level: 2 as const },
      { date: T0 + 3 * DAY, level: 3 as const },
    ];
    // 1, then 2 on day 2, then 3 again on day 3: reached in order.
    expect(funnelConversion([backwards], { toLevel: 3 }).steps.map((s) => s.count)).toEqual([1, 1, 1]);
    expect(funnelConversion([backwards.slice(0, 3)], { toLevel: 3 }).steps.map((s) => s.count)).toEqual([1, 1, 0]);
  });

  it('reports undefined conversions when a step has no contacts', () => {
    const funnel = funnelConversion([], { fromLevel: 5 });
    expect(funnel.contacts).toBe(0);
    expect(funnel.steps).toEqual([
      { level: 5, key: 'deciding', label: 'Knows the brand, deciding', count: 0, conversionFromPrevious: undefined, conversionFromFirst: undefined },
      { level: 6, key: 'deciding-repurchase', label: 'Has bought, deciding whether to buy again', count: 0, conversionFromPrevious: undefined, conversionFromFirst: undefined },
    ]);
    expect(funnelConversion([climb(1, 1)], { toLevel: 3 }).steps.map((s) => s.conversionFromPrevious)).toEqual([undefined, 0, undefined]);
    expect(funnelConversion([climb(6, 6)], { fromLevel: 6, locale: 'vi' }).steps[0]?.label).toBe('Đã mua sản phẩm, đang phân vân mua lại');
  });

  it('counts only observations in the window [start, end)', () => {
    const h = climb(1, 4); // days 0, 1, 2, 3
    expect(funnelConversion([h], { toLevel: 4, end: T0 + 2 * DAY }).steps.map((s) => s.count)).toEqual([1, 1, 0, 0]);
    expect(funnelConversion([h], { toLevel: 4, start: T0 + DAY }).steps.map((s) => s.count)).toEqual([0, 0, 0, 0]);
    expect(funnelConversion([h], { fromLevel: 2, toLevel: 4, start: new Date(T0 + DAY), end: new Date(T0 + 3 * DAY) }).steps.map((s) => s.count)).toEqual([1, 1, 0]);
    expect(funnelConversion([h], { mode: 'any-order', toLevel: 4, start: T0 + DAY, end: T0 + 3 * DAY }).steps.map((s) => s.count)).toEqual([0, 1, 1, 0]);
  });

  it('groups contacts into cohorts by the date they entered the funnel', () => {
    const jan = Date.UTC(2026, 0, 31);
    const feb = Date.UTC(2026, 1, 1);
    const histories = [climb(1, 3, jan), climb(1, 2, feb), climb(1, 1, feb + 5 * DAY), climb(2, 3, jan)];
    const funnel = funnelConversion(histories, { toLevel: 3, cohortBy: 'month' });
    expect(funnel.cohorts.map((c) => [c.cohort, c.start.getTime(), c.steps.map((s) => s.count)])).toEqual([
      ['2026-01', Date.UTC(2026, 0, 1), [1, 1, 1]],
      ['2026-02', feb, [2, 1, 0]],
    ]);
    // In any-order mode the entry is the first counted observation; the last contact enters in January too.
    const anyOrder = funnelConversion(histories, { mode: 'any-order', toLevel: 3, cohortBy: 'month' });
    expect(anyOrder.cohorts.map((c) => c.steps.map((s) => s.count))).toEqual([
      [1, 2, 2],
      [2, 1, 0],
    ]);
    // Entry is the date level 1 was reached, even when later levels fall in the next period.
    const straddle = funnelConversion([climb(1, 3, jan)], { toLevel: 3, cohortBy: 'month' });
    expect(straddle.cohorts.map((c) => c.cohort)).toEqual(['2026-01']);
    const weekly = funnelConversion([climb(1, 2, Date.UTC(2026, 0, 7))], { toLevel: 2, cohortBy: 'week' });
    expect(weekly.cohorts[0]?.cohort).toBe('2026-01-05');
    // The cohorts add up to the whole funnel.
    const totals = [0, 0, 0];
    for (const c of funnel.cohorts) c.steps.forEach((s, k) => (totals[k] = (totals[k] as number) + s.count));
    expect(totals).toEqual(funnel.steps.map((s) => s.count));
  });

  const histories = fc.array(
    fc.array(fc.record({ gap: fc.integer({ min: 0, max: 40 }), level: fc.integer({ min: 1, max: 6 }) }), { maxLength: 8 }).map((rows) => {
      let date = T0;
      return rows.map((r) => {
        date += r.gap * DAY;
        return { date, level: r.level as NeedLevel };
      });
    }),
    { maxLength: 40 },
  );

  it('property: strict funnels never increase, and never exceed any-order counts', () => {
    fc.assert(
      fc.property(histories, fc.integer({ min: 1, max: 6 }), (hs, from) => {
        const strict = funnelConversion(hs, { fromLevel: from as NeedLevel, cohortBy: 'month' });
        const anyOrder = funnelConversion(hs, { fromLevel: from as NeedLevel, mode: 'any-order' });
        for (let k = 1; k < strict.steps.length; k++) {
          expect(strict.steps[k]?.count).toBeLessThanOrEqual(strict.steps[k - 1]?.count as number);
          const rate = strict.steps[k]?.conversionFromPrevious;
          if (rate !== undefined) expect(rate >= 0 && rate <= 1).toBe(true);
        }
        strict.steps.forEach((s, k) => {
          expect(s.count).toBeLessThanOrEqual(anyOrder.steps[k]?.count as number);
          expect(s.count).toBeLessThanOrEqual(hs.length);
          // any-order: a contact counts at a level iff it was observed there.
          expect(anyOrder.steps[k]?.count).toBe(hs.filter((h) => h.some((o) => o.level === s.level)).length);
        });
        const sum = strict.cohorts.reduce((acc, c) => acc + (c.steps[0]?.count ?? 0), 0);
        expect(sum).toBe(strict.steps[0]?.count);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it.each([
    ['histories not an array', () => funnelConversion({} as never), ['invalid_type histories']],
    ['histories missing', () => funnelConversion(undefined as never), ['invalid_type histories']],
    ['a history that is not an array', () => funnelConversion([{} as never]), ['invalid_type histories.0']],
    ['an observation that is not an object', () => funnelConversion([[null as never]]), ['invalid_type histories.0.0']],
    [
      'unknown levels',
      () => funnelConversion([[{ date: 0, level: 7 as never }], [{ date: 0, level: 0 as never }, { date: 1, level: '3' as never }]]),
      ['invalid_value histories.0.0.level', 'invalid_value histories.1.0.level', 'invalid_type histories.1.1.level'],
    ],
    ['invalid dates', () => funnelConversion([[{ date: new Date(Number.NaN), level: 1 }, { date: '2026' as never, level: 2 }, { date: 9e15, level: 3 }]]), ['invalid_date histories.0.0.date', 'invalid_type histories.0.1.date', 'invalid_date histories.0.2.date']],
    ['dates out of order', () => funnelConversion([climb(1, 2), [{ date: 5, level: 1 }, { date: 4, level: 2 }]]), ['invalid_order histories.1.1.date']],
    ['an unknown mode', () => funnelConversion([], { mode: 'loose' as never }), ['invalid_value options.mode']],
    ['an unknown fromLevel', () => funnelConversion([], { fromLevel: 0 as never }), ['invalid_value options.fromLevel']],
    ['an unknown toLevel', () => funnelConversion([], { toLevel: 9 as never }), ['invalid_value options.toLevel']],
    ['levels in the wrong order', () => funnelConversion([], { fromLevel: 4, toLevel: 3 }), ['invalid_order options.toLevel']],
    ['an invalid start', () => funnelConversion([], { start: new Date('nope') }), ['invalid_date options.start']],
    ['an invalid end', () => funnelConversion([], { end: 'x' as never }), ['invalid_type options.end']],
    ['an end before the start', () => funnelConversion([], { start: 10, end: 5 }), ['invalid_order options.end']],
    ['an unknown cohort period', () => funnelConversion([], { cohortBy: 'fortnight' as never }), ['invalid_value options.cohortBy']],
    ['an unknown locale', () => funnelConversion([], { locale: 'xx' as never }), ['invalid_value options.locale']],
    ['an unknown option', () => funnelConversion([], { window: 3 } as never), ['unrecognized_key options.window']],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuesOf(fn)).toEqual(expected);
  });

  it('accepts an end equal to the start (an empty window)', () => {
    expect(funnelConversion([climb(1, 2)], { start: T0, end: T0 }).steps[0]?.count).toBe(0);
  });
});

describe('funnelConversion messages', () => {
  it('say what is wrong without the value', () => {
    expect(firstMessage(() => funnelConversion(undefined as never))).toBe('is required');
    expect(firstMessage(() => funnelConversion(1 as never))).toBe('must be an array');
    expect(firstMessage(() => funnelConversion([[{ date: 2, level: 1 }, { date: 1, level: 2 }]]))).toBe('must not be earlier than the previous observation');
    expect(firstMessage(() => funnelConversion([], { fromLevel: 3, toLevel: 2 }))).toBe('must not be below fromLevel');
    expect(firstMessage(() => funnelConversion([], { start: 3, end: 2 }))).toBe('must not be before start');
  });

  it('accepts dates at the edge of the valid range', () => {
    const edge = 8.64e15;
    expect(funnelConversion([[{ date: -edge, level: 1 }, { date: edge, level: 2 }]], { toLevel: 2 }).steps.map((s) => s.count)).toEqual([1, 1]);
    expect(issuesOf(() => funnelConversion([[{ date: -edge - 1, level: 1 }]]))).toEqual(['invalid_date histories.0.0.date']);
    expect(issuesOf(() => funnelConversion([[{ date: edge + 1, level: 1 }]]))).toEqual(['invalid_date histories.0.0.date']);
    expect(issuesOf(() => funnelConversion([[{ date: Infinity, level: 1 }]]))).toEqual(['invalid_date histories.0.0.date']);
  });
});

describe('funnelConversion: entries at the start of the Date range (issue 14)', () => {
  it('reports an entry whose cohort period would start before the Date range, instead of an Invalid Date cohort', () => {
    const histories = [[{ date: -8.64e15, level: 1 as const }]];
    expect(() => funnelConversion(histories, { cohortBy: 'month' })).toThrow(/histories\[0\]: enters the funnel too close/);
    expect(funnelConversion(histories).steps[0]?.count).toBe(1);
  });
});
