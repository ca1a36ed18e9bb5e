/**
 * The valid domain of `customer-metrics/stages` at its edges (issue 14, item 2): signals from 0 to
 * 1e8, one customer and 100,000 identical customers, dates over the whole Date range, projections
 * up to the cap of 100,000 steps, absorbing and identity matrices, identical snapshots. Each
 * property states the answer or an invariant; fixed seeds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NEED_LEVEL_RULES,
  NEED_LEVELS,
  NEED_SIGNALS,
  assignNeedLevel,
  assignNeedLevels,
  funnelConversion,
  projectStageDistribution,
  stageDistribution,
  stageHistory,
  stageTransitionMatrix,
} from '../../../src/stages/index.js';
import type { NeedLevel } from '../../../src/stages/index.js';
import { attempt, expectClean, logUniform, nonDecreasing, nonIncreasing, runs, within01 } from './helpers.js';

/** The names this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = [
  'DEFAULT_NEED_LEVEL_RULES',
  'NEED_LEVELS',
  'NEED_SIGNALS',
  'assignNeedLevel',
  'assignNeedLevels',
  'funnelConversion',
  'projectStageDistribution',
  'stageDistribution',
  'stageHistory',
  'stageTransitionMatrix',
] as const;

const DATE_MAX = 8.64e15;
const level = fc.integer({ min: 1, max: 6 }) as fc.Arbitrary<NeedLevel>;
const signal = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100_000 }), logUniform(-8, 8));
const signals = fc.record(Object.fromEntries(NEED_SIGNALS.map((name) => [name, fc.option(signal, { nil: undefined })])) as Record<string, fc.Arbitrary<number | undefined>>);
const mode = fc.constantFrom('first-match' as const, 'highest-level' as const);

describe('the constants', () => {
  it('six levels 1..6 in order; every default rule names a level 1..6 and only known signals; all frozen', () => {
    expect(NEED_LEVELS.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Object.isFrozen(NEED_LEVELS) && Object.isFrozen(NEED_SIGNALS) && Object.isFrozen(DEFAULT_NEED_LEVEL_RULES)).toBe(true);
    for (const rule of DEFAULT_NEED_LEVEL_RULES) {
      expect(rule.level >= 1 && rule.level <= 6).toBe(true);
      for (const c of [...(rule.all ?? []), ...(rule.any ?? [])]) expect(NEED_SIGNALS).toContain(c.signal);
    }
  });
});

describe('assignNeedLevel and assignNeedLevels at the edges', () => {
  it('a level 1..6 (the default rules end in a catch-all); highest-level >= first-match; the batch agrees customer by customer', () => {
    fc.assert(
      fc.property(fc.array(signals, { minLength: 1, maxLength: 50 }), (cs) => {
        const plain = cs.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
        const batch = { first: assignNeedLevels(plain), highest: assignNeedLevels(plain, { mode: 'highest-level' }) };
        expectClean(batch);
        plain.forEach((c, i) => {
          const first = assignNeedLevel(c);
          const highest = assignNeedLevel(c, { mode: 'highest-level' });
          expect(first).toBeDefined();
          expect((highest?.level as number) >= (first?.level as number)).toBe(true);
          expect(batch.first.levels[i]).toBe(first?.level);
          expect(batch.highest.levels[i]).toBe(highest?.level);
        });
        for (const b of [batch.first, batch.highest]) expect(b.counts.reduce((s, x) => s + x, 0) + b.unassigned).toBe(plain.length);
        return true;
      }),
      runs(80),
    );
  });

  it('100,000 identical customers all get the one customer\'s level', () => {
    fc.assert(
      fc.property(signals, fc.integer({ min: 1, max: 100_000 }), mode, (c, n, m) => {
        const plain = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
        const one = assignNeedLevel(plain, { mode: m });
        const all = assignNeedLevels(
          Array.from({ length: n }, () => plain),
          { mode: m },
        );
        expect(all.counts[(one?.level as number) - 1]).toBe(n);
        return true;
      }),
      runs(10),
    );
  });
});

describe('stageDistribution at the edges', () => {
  it('counts add up to the total, shares to 1; all identical gives share 1; none gives undefined shares', () => {
    fc.assert(
      fc.property(fc.array(level, { maxLength: 2000 }), (ls) => {
        const d = stageDistribution(ls);
        expectClean(d);
        expect(d.total).toBe(ls.length);
        expect(d.levels.reduce((s, r) => s + r.count, 0)).toBe(ls.length);
        if (ls.length === 0) return d.levels.every((r) => r.share === undefined);
        expect(d.levels.reduce((s, r) => s + (r.share as number), 0)).toBeCloseTo(1, 12);
        return d.levels.every((r) => within01(r.share as number));
      }),
      runs(100),
    );
    const same = stageDistribution(new Uint8Array(100_000).fill(4));
    expect(same.levels[3]?.share).toBe(1);
  });
});

describe('projectStageDistribution at the edges', () => {
  const row = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }), logUniform(-8, 0)), { minLength: 6, maxLength: 6 }).map((r) => {
    const s = r.reduce((a, b) => a + b, 0);
    return s === 0 ? [1, 0, 0, 0, 0, 0] : r.map((x) => x / s);
  });
  const matrix = fc.array(row, { minLength: 6, maxLength: 6 });
  const dist = fc.array(fc.oneof(fc.constant(0), logUniform(-8, 8)), { minLength: 6, maxLength: 6 });

  it('every step keeps the total and stays non-negative (random stochastic matrices, up to 2,000 steps)', () => {
    fc.assert(
      fc.property(dist, matrix, fc.integer({ min: 0, max: 2000 }), (d, m, steps) => {
        const out = attempt(() => projectStageDistribution(d, m, steps));
        if (out.refused) return false; // rows normalised here sum to 1 within rounding: must be accepted
        const path = out.value;
        expect(path.length).toBe(steps + 1);
        const total = d.reduce((a, b) => a + b, 0);
        for (const p of path) {
          expect(p.every((x) => x >= 0)).toBe(true);
          expect(Math.abs(p.reduce((a, b) => a + b, 0) - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
        }
        return true;
      }),
      runs(60),
    );
  });

  it('the identity keeps the distribution for 100,000 steps (the cap); an absorbing level ends up holding everything', () => {
    const identity = [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (i === j ? 1 : 0)));
    const d = [1e-8, 1, 2, 3, 1e8, 0];
    const path = projectStageDistribution(d, identity, 100_000);
    expect(path[100_000]).toEqual(d);
    const absorbing = identity.map((r, i) => (i === 5 ? r : [0, 0, 0, 0, 0, 1].map((x, j) => (j === i ? 0.5 : x * 0.5))));
    const end = projectStageDistribution([1, 1, 1, 1, 1, 1], absorbing, 2000)[2000] as number[];
    expect(end[5]).toBeCloseTo(6, 9);
    expect(attempt(() => projectStageDistribution(d, identity, 100_001)).refused).toBeDefined();
  });
});

describe('stageHistory and funnelConversion at the edges', () => {
  const date = fc.oneof(fc.integer({ min: -DATE_MAX, max: DATE_MAX }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(-DATE_MAX, DATE_MAX, 0));
  const history = fc.array(fc.record({ date, level }), { minLength: 1, maxLength: 40 }).map((os) => [...os].sort((a, b) => a.date - b.date));

  it('stageHistory: time in the levels adds up to end - start; transitions in date order; current is where the last transition leads', () => {
    fc.assert(
      fc.property(history, fc.boolean(), fc.boolean(), fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 100_000 })), (os, forwardOnly, loyaltyLoop, window) => {
        const out = attempt(() => stageHistory(os, { forwardOnly, loyaltyLoop, ...(window === undefined ? {} : { repurchaseWindowDays: window }), end: DATE_MAX }));
        if (out.refused) return false;
        const h = out.value as NonNullable<typeof out.value>;
        const spent = h.levels.reduce((s, l) => s + l.cumulativeMs, 0);
        // exact below 2^53 ms; spans of the whole Date range (1.7e16 ms) add up to within rounding
        expect(Math.abs(spent - (h.end.getTime() - h.start.getTime()))).toBeLessThanOrEqual(h.levels.length * Number.EPSILON * 2 ** 54);
        expect(nonDecreasing(h.transitions.map((t) => t.date.getTime()), 0)).toBe(true);
        if (h.transitions.length > 0) expect(h.current).toBe(h.transitions[h.transitions.length - 1]?.to);
        expect(h.levels.every((l) => l.cumulativeMs >= 0 && l.latestMs >= 0 && l.latestMs <= l.cumulativeMs)).toBe(true);
        return true;
      }),
      runs(150),
    );
  });

  it('funnelConversion: step counts never grow along the funnel (strict), conversions in [0, 1] (strict), contacts bound every count', () => {
    const cohortBy = fc.constantFrom(undefined, 'day' as const, 'week' as const, 'month' as const, 'quarter' as const, 'year' as const);
    const safeDate = fc.oneof(fc.integer({ min: -8.6e15, max: 8.6e15 }), fc.integer({ min: 0, max: 1e6 }));
    const safeHistory = fc.array(fc.record({ date: safeDate, level }), { minLength: 1, maxLength: 20 }).map((os) => [...os].sort((a, b) => a.date - b.date));
    fc.assert(
      fc.property(fc.array(safeHistory, { minLength: 1, maxLength: 40 }), fc.constantFrom('strict' as const, 'any-order' as const), cohortBy, (hs, m, by) => {
        const out = attempt(() => funnelConversion(hs, { mode: m, ...(by === undefined ? {} : { cohortBy: by }) }));
        if (out.refused) return false;
        const f = out.value;
        const counts = f.steps.map((s) => s.count);
        if (m === 'strict') expect(nonIncreasing(counts, 0)).toBe(true);
        expect(counts.every((c) => c >= 0 && c <= f.contacts)).toBe(true);
        for (const s of [...f.steps, ...f.cohorts.flatMap((c) => c.steps)]) {
          // strict: in [0, 1]; any-order counts every level seen, so a later step may hold more contacts (a ratio above 1)
          for (const c of [s.conversionFromFirst, s.conversionFromPrevious]) if (c !== undefined) expect(m === 'strict' ? within01(c) : c >= 0).toBe(true);
        }
        return true;
      }),
      runs(120),
    );
  });
});

describe('stageTransitionMatrix at the edges', () => {
  const snapshot = fc.uniqueArray(fc.record({ id: fc.integer({ min: 0, max: 200 }), level }), { selector: (e) => e.id, maxLength: 150 });

  it('each non-empty row of probabilities adds up to 1; counts add up to the customers in both; left and entered balance the rest', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (before, after) => {
        const m = stageTransitionMatrix(before, after);
        expectClean(m);
        const afterIds = new Set(after.map((e) => e.id));
        const both = before.filter((e) => afterIds.has(e.id)).length;
        expect(m.rowTotals.reduce((s, x) => s + x, 0)).toBe(both);
        m.probabilities.forEach((row, i) => {
          if (row === undefined) expect(m.rowTotals[i]).toBe(0);
          else {
            expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
            expect(row.every(within01)).toBe(true);
          }
        });
        expect(m.left.reduce((s, x) => s + x, 0)).toBe(before.length - both);
        expect(m.entered.reduce((s, x) => s + x, 0)).toBe(after.length - both);
        return true;
      }),
      runs(150),
    );
  });

  it('identical snapshots give the identity on the non-empty rows', () => {
    fc.assert(
      fc.property(snapshot, (s) => {
        const m = stageTransitionMatrix(s, s);
        m.probabilities.forEach((row, i) => row?.forEach((p, j) => expect(p).toBe(i === j ? 1 : 0)));
        return true;
      }),
      runs(50),
    );
  });
});
