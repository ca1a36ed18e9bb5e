import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIssueMessage as firstMessage, issueSummaries as issuesOf } from '../../test/helpers/thrown-issues.js';
import type { NeedLevel } from './needLevels.js';
import { stageHistory, type NeedLevelObservation } from './stageHistory.js';



const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const at = (days: number) => T0 + days * DAY;
const moves = (h: ReturnType<typeof stageHistory>) => h?.transitions.map((t) => `${t.from}>${t.to} ${t.kind}`);

describe('stageHistory', () => {
  it('records entry, exit, latest and cumulative time per level (worked example)', () => {
    // 1 for 5 days, 2 for 10, 3 for 15, then 4 until the end at day 40.
    const h = stageHistory(
      [
        { date: new Date(at(0)), level: 1 },
        { date: at(5), level: 2 },
        { date: at(15), level: 3, reason: 'searched' },
        { date: at(30), level: 4 },
      ],
      { end: at(40) },
    );
    expect(h?.start).toEqual(new Date(at(0)));
    expect(h?.end).toEqual(new Date(at(40)));
    expect(h?.current).toBe(4);
    expect(h?.transitions[1]).toEqual({ date: new Date(at(15)), from: 2, to: 3, kind: 'forward', reason: 'searched', observationIndex: 2 });
    expect(h?.levels.map((l) => l.cumulativeMs / DAY)).toEqual([5, 10, 15, 10, 0, 0]);
    expect(h?.levels.map((l) => l.visits)).toEqual([1, 1, 1, 1, 0, 0]);
    expect(h?.levels[1]).toEqual({
      level: 2,
      key: 'problem-no-need',
      label: 'Has a problem, no need yet',
      visits: 1,
      firstEntered: new Date(at(5)),
      entered: new Date(at(5)),
      exited: new Date(at(15)),
      latestMs: 10 * DAY,
      cumulativeMs: 10 * DAY,
    });
    // Still at level 4: no exit yet; never at 5.
    expect(h?.levels[3]?.exited).toBeUndefined();
    expect(h?.levels[3]?.latestMs).toBe(10 * DAY);
    expect(h?.levels[4]).toMatchObject({ visits: 0, firstEntered: undefined, entered: undefined, exited: undefined, latestMs: 0, cumulativeMs: 0 });
  });

  it('ends at the last observation by default and labels in Vietnamese', () => {
    const h = stageHistory([{ date: at(0), level: 3 }, { date: at(2), level: 3 }], { locale: 'vi' });
    expect(h?.end).toEqual(new Date(at(2)));
    expect(h?.levels[2]?.cumulativeMs).toBe(2 * DAY);
    expect(h?.levels[2]?.label).toBe('Có nhu cầu, đang tìm kiếm giải pháp');
    expect(h?.transitions).toEqual([]);
  });

  it('moves forward only by default: unmarked lower levels are ignored and listed', () => {
    const h = stageHistory([
      { date: at(0), level: 2 },
      { date: at(1), level: 4 },
      { date: at(2), level: 3 },
      { date: at(3), level: 2, regression: false },
      { date: at(4), level: 5 },
    ]);
    expect(moves(h)).toEqual(['2>4 forward', '4>5 forward']);
    expect(h?.ignored).toEqual([2, 3]);
    expect(h?.levels[3]?.cumulativeMs).toBe(3 * DAY);
  });

  it('applies recorded regressions, with their reason', () => {
    const h = stageHistory([
      { date: at(0), level: 5 },
      { date: at(10), level: 3, regression: true, reason: 'budget frozen' },
      { date: at(20), level: 5 },
    ]);
    expect(moves(h)).toEqual(['5>3 regression', '3>5 forward']);
    expect(h?.transitions[0]?.reason).toBe('budget frozen');
    // Two stays at 5: latest 0 days (the last observation ends the history), cumulative 10.
    expect(h?.levels[4]).toMatchObject({ visits: 2, firstEntered: new Date(at(0)), entered: new Date(at(20)), exited: undefined, latestMs: 0, cumulativeMs: 10 * DAY });
    // A regression mark on a forward move changes nothing.
    expect(moves(stageHistory([{ date: at(0), level: 2 }, { date: at(1), level: 3, regression: true }]))).toEqual(['2>3 forward']);
  });

  it('allows the loyalty loop 6 -> 5 unless switched off', () => {
    const obs: NeedLevelObservation[] = [
      { date: at(0), level: 6 },
      { date: at(30), level: 5 },
      { date: at(40), level: 6 },
      { date: at(50), level: 4 },
    ];
    expect(moves(stageHistory(obs))).toEqual(['6>5 loyalty-loop', '5>6 forward']);
    expect(stageHistory(obs)?.ignored).toEqual([3]);
    expect(moves(stageHistory(obs, { loyaltyLoop: false }))).toEqual([]);
    // Observation 2 repeats level 6: nothing to apply, nothing ignored.
    expect(stageHistory(obs, { loyaltyLoop: false })?.ignored).toEqual([1, 3]);
    // Only from 6: 5 -> 4 is not a loyalty loop.
    expect(moves(stageHistory([{ date: at(0), level: 5 }, { date: at(1), level: 4 }]))).toEqual([]);
  });

  it('applies every observation when forwardOnly is false', () => {
    const obs: NeedLevelObservation[] = [
      { date: at(0), level: 4 },
      { date: at(1), level: 2 },
      { date: at(2), level: 6 },
      { date: at(3), level: 5 },
    ];
    expect(moves(stageHistory(obs, { forwardOnly: false }))).toEqual(['4>2 regression', '2>6 forward', '6>5 loyalty-loop']);
    expect(moves(stageHistory(obs, { forwardOnly: false, loyaltyLoop: false }))).toEqual(['4>2 regression', '2>6 forward', '6>5 regression']);
    expect(stageHistory(obs, { forwardOnly: false })?.ignored).toEqual([]);
  });

  it('drops a level-6 customer whose repurchase window lapsed to level 3, recorded', () => {
    const obs: NeedLevelObservation[] = [
      { date: at(0), level: 5 },
      { date: at(10), level: 6 },
      { date: at(50), level: 6 }, // activity at 6 restarts the window
      { date: at(100), level: 4 },
    ];
    // Window 45 days: day 50 is inside it (restarting it); it lapses at day 95, before the
    // observation at day 100 (then a forward move 3 -> 4).
    const h = stageHistory(obs, { repurchaseWindowDays: 45 });
    expect(h?.transitions.map((t) => [t.from, t.to, t.kind, (t.date.getTime() - T0) / DAY, t.observationIndex])).toEqual([
      [5, 6, 'forward', 10, 1],
      [6, 3, 'lapse', 95, undefined],
      [3, 4, 'forward', 100, 3],
    ]);
    expect(h?.transitions[1]?.reason).toBe('repurchase window lapsed');
    expect(h?.levels[5]?.cumulativeMs).toBe(85 * DAY);
    expect(h?.levels[2]?.cumulativeMs).toBe(5 * DAY);
    // Window 30 days: lapses at day 40; the observation at day 50 brings the customer back to 6.
    expect(moves(stageHistory(obs, { repurchaseWindowDays: 30 }))).toEqual(['5>6 forward', '6>3 lapse', '3>6 forward', '6>3 lapse', '3>4 forward']);
    // Exactly at the window's end is still inside it.
    expect(moves(stageHistory([{ date: at(0), level: 6 }, { date: at(30), level: 6 }], { repurchaseWindowDays: 30, end: at(60) }))).toEqual([]);
    expect(moves(stageHistory([{ date: at(0), level: 6 }], { repurchaseWindowDays: 30, end: at(30) }))).toEqual([]);
    expect(moves(stageHistory([{ date: at(0), level: 6 }], { repurchaseWindowDays: 30, end: at(31) }))).toEqual(['6>3 lapse']);
    // To another level on request; and no lapse without a window.
    expect(moves(stageHistory([{ date: at(0), level: 6 }], { repurchaseWindowDays: 30, lapseToLevel: 5, end: at(31) }))).toEqual(['6>5 lapse']);
    expect(moves(stageHistory([{ date: at(0), level: 6 }], { end: at(1000) }))).toEqual([]);
    // Re-entering 6 (loyalty loop back) restarts the window.
    const loop = stageHistory(
      [
        { date: at(0), level: 6 },
        { date: at(20), level: 5 },
        { date: at(25), level: 6 },
      ],
      { repurchaseWindowDays: 30, end: at(50) },
    );
    expect(moves(loop)).toEqual(['6>5 loyalty-loop', '5>6 forward']);
  });

  it('returns undefined for no observations and does not mutate its input', () => {
    expect(stageHistory([])).toBeUndefined();
    const obs = [{ date: new Date(at(1)), level: 2 as const }, { date: new Date(at(0) + 2 * DAY), level: 1 as const }];
    const copy = structuredClone(obs);
    stageHistory(obs);
    expect(obs).toEqual(copy);
  });

  const observations = fc
    .array(fc.record({ gap: fc.integer({ min: 0, max: 60 }), level: fc.integer({ min: 1, max: 6 }), regression: fc.boolean() }), { minLength: 1, maxLength: 25 })
    .map((rows) => {
      let date = T0;
      return rows.map((r) => {
        date += r.gap * DAY;
        return { date, level: r.level as NeedLevel, regression: r.regression };
      });
    });

  it('property: time in level sums to the observed span; forward-only never decreases without a recorded reason', () => {
    fc.assert(
      fc.property(
        observations,
        fc.integer({ min: 0, max: 90 }),
        fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        (obs, extra, window, forwardOnly, loyaltyLoop) => {
          const end = (obs[obs.length - 1] as { date: number }).date + extra * DAY;
          const h = stageHistory(obs, { end, forwardOnly, loyaltyLoop, ...(window === undefined ? {} : { repurchaseWindowDays: window }) });
          if (h === undefined) throw new Error('expected a history');
          const total = h.levels.reduce((s, l) => s + l.cumulativeMs, 0);
          expect(total).toBe(end - (obs[0] as { date: number }).date);
          let level = (obs[0] as { level: NeedLevel }).level;
          let previousDate = -Infinity;
          for (const t of h.transitions) {
            expect(t.from).toBe(level);
            expect(t.date.getTime()).toBeGreaterThanOrEqual(previousDate);
            previousDate = t.date.getTime();
            if (t.to < t.from) {
              expect(t.kind).not.toBe('forward');
              if (forwardOnly && t.kind === 'regression') expect(obs[t.observationIndex as number]?.regression).toBe(true);
              if (t.kind === 'loyalty-loop') expect([t.from, t.to, loyaltyLoop]).toEqual([6, 5, true]);
            } else expect(t.kind).toBe('forward');
            level = t.to;
          }
          expect(h.current).toBe(level);
          expect(h.levels[level - 1]?.exited).toBeUndefined();
          expect(h.levels.reduce((s, l) => s + l.visits, 0)).toBe(h.transitions.length + 1);
          for (const l of h.levels) expect(l.latestMs).toBeLessThanOrEqual(l.cumulativeMs);
          if (!forwardOnly) expect(h.ignored).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it.each([
    ['observations not an array', () => stageHistory({} as never), ['invalid_type observations']],
    ['observations missing', () => stageHistory(undefined as never), ['invalid_type observations']],
    ['an observation that is not an object', () => stageHistory([1] as never), ['invalid_type observations.0']],
    ['an unknown level', () => stageHistory([{ date: 0, level: 7 as never }, { date: 1, level: 0 as never }]), ['invalid_value observations.0.level', 'invalid_value observations.1.level']],
    ['a fractional level', () => stageHistory([{ date: 0, level: 2.5 as never }]), ['invalid_value observations.0.level']],
    ['a level as a string', () => stageHistory([{ date: 0, level: '2' as never }]), ['invalid_type observations.0.level']],
    ['an invalid date', () => stageHistory([{ date: new Date('x'), level: 2 }]), ['invalid_date observations.0.date']],
    ['a date as a string', () => stageHistory([{ date: '2026-01-01' as never, level: 2 }]), ['invalid_type observations.0.date']],
    ['dates out of order', () => stageHistory([{ date: 10, level: 2 }, { date: 5, level: 3 }, { date: 7, level: 4 }]), ['invalid_order observations.1.date', 'invalid_order observations.2.date']],
    ['a regression flag that is not a boolean', () => stageHistory([{ date: 0, level: 2, regression: 'yes' as never }]), ['invalid_type observations.0.regression']],
    ['a reason that is not a string', () => stageHistory([{ date: 0, level: 2, reason: 1 as never }]), ['invalid_type observations.0.reason']],
    ['an end before the last observation', () => stageHistory([{ date: 10, level: 2 }], { end: 5 }), ['invalid_order options.end']],
    ['an invalid end', () => stageHistory([{ date: 10, level: 2 }], { end: Number.NaN }), ['invalid_date options.end']],
    ['a non-boolean forwardOnly', () => stageHistory([], { forwardOnly: 1 as never }), ['invalid_type options.forwardOnly']],
    ['a non-boolean loyaltyLoop', () => stageHistory([], { loyaltyLoop: 'no' as never }), ['invalid_type options.loyaltyLoop']],
    ['a zero repurchase window', () => stageHistory([], { repurchaseWindowDays: 0 }), ['too_small options.repurchaseWindowDays']],
    ['a lapse to level 6', () => stageHistory([], { lapseToLevel: 6 }), ['invalid_value options.lapseToLevel']],
    ['a lapse to level 0', () => stageHistory([], { lapseToLevel: 0 as never }), ['invalid_value options.lapseToLevel']],
    ['an unknown option', () => stageHistory([], { forward: true } as never), ['unrecognized_key options.forward']],
    ['an unknown locale', () => stageHistory([], { locale: 'de' as never }), ['invalid_value options.locale']],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuesOf(fn)).toEqual(expected);
  });
});

describe('stageHistory messages', () => {
  it('say what is wrong without the value', () => {
    expect(firstMessage(() => stageHistory(undefined as never))).toBe('is required');
    expect(firstMessage(() => stageHistory(3 as never))).toBe('must be an array');
    expect(firstMessage(() => stageHistory([{ date: 0 }] as never))).toBe('is required');
    expect(firstMessage(() => stageHistory([{ date: 0, level: 9 }] as never))).toBe('must be a need level: a whole number from 1 to 6');
    expect(firstMessage(() => stageHistory([{ date: 1, level: 2 }, { date: 0, level: 2 }]))).toBe('must not be earlier than the previous observation');
    expect(firstMessage(() => stageHistory([{ date: 1, level: 2 }], { end: 0 }))).toBe('must not be earlier than the last observation');
    expect(firstMessage(() => stageHistory([], { lapseToLevel: 6 }))).toBe('must be a level from 1 to 5');
  });
});
