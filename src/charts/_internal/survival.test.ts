/**
 * The survival-curve helpers of the charts (`_internal/survival.ts`, behind kaplanMeierChart and
 * survivalGroupsChart): the column checks, the step vertices, the censoring marks, the round times
 * of the at-risk table and the number at risk at a time. Hand-made curves; values worked out in the
 * comments.
 */
import { describe, expect, it } from 'vitest';
import { issueSummaries } from '../../../test/helpers/thrown-issues.js';
import { kaplanMeier } from '../../retention/index.js';
import { IssueList } from './common.js';
import { atRiskAt, censorPoints, parseCurve, roundTimes, stepPoints } from './survival.js';

// 5 customers: events at 2 (one) and 5 (one), censored at 3 (two) and 7 (one).
// S(2) = 4/5 = 0.8, S(3) = 0.8, S(5) = 0.8 * (1 - 1/2) = 0.4, S(7) = 0.4.
const curve = {
  time: [2, 3, 5, 7],
  atRisk: [5, 4, 2, 1],
  events: [1, 0, 1, 0],
  censored: [0, 2, 0, 1],
  survival: [0.8, 0.8, 0.4, 0.4],
  lower: [0.5, 0.5, 0.1234567891, undefined],
  upper: [0.95, 0.95, 0.8, undefined],
  confidenceLevel: 0.95,
};

function issuesOf(value: unknown): string[] | string {
  const issues = new IssueList();
  const parsed = parseCurve(value, ['curve'], issues);
  return issueSummaries(() => {
    issues.throwIfAny();
    return parsed;
  });
}

describe('parseCurve', () => {
  it('accepts a Kaplan-Meier result as it is', () => {
    const issues = new IssueList();
    expect(parseCurve(curve, ['curve'], issues)).toEqual(curve);
    const km = kaplanMeier({ durations: [2, 3, 3, 5, 7], observed: [true, false, false, true, false] }, {});
    expect(parseCurve(km, ['km'], issues)?.survival).toEqual([0.8, 0.8, 0.4, 0.4]);
    expect(issues.isEmpty).toBe(true);
  });

  it('reports every column of another length, then stops', () => {
    expect(issuesOf({ ...curve, atRisk: [5], upper: [] })).toEqual(['invalid_structure curve.atRisk', 'invalid_structure curve.upper']);
    // columns of the wrong length: the order is not checked (it would read past the end)
    expect(issuesOf({ ...curve, time: [2, 1, 5, 7], events: [1] })).toEqual(['invalid_structure curve.events']);
  });

  it('reports times that do not increase and survival that rises, at their index', () => {
    expect(issuesOf({ ...curve, time: [2, 2, 5, 4] })).toEqual(['invalid_order curve.time.1', 'invalid_order curve.time.3']);
    expect(issuesOf({ ...curve, survival: [0.8, 0.9, 0.4, 0.4] })).toEqual(['invalid_order curve.survival.1']);
    expect(issuesOf({ ...curve, survival: [0.8, 0.8, 0.4, 0.4000001] })).toEqual(['invalid_order curve.survival.3']);
    expect(issuesOf({ ...curve, confidenceLevel: 1 })).toEqual(['too_big curve.confidenceLevel']);
  });

  it('returns nothing for an invalid curve', () => {
    expect(parseCurve({ ...curve, time: [2, 2, 5, 7] }, ['c'], new IssueList())).toBeUndefined();
    expect(parseCurve({ ...curve, survival: [0.8, 0.9, 0.4, 0.4] }, ['c'], new IssueList())).toBeUndefined();
  });
});

describe('stepPoints and censorPoints', () => {
  it('starts the steps at (0, 1) when the first time is after 0, rounds values, null for a missing band', () => {
    expect(stepPoints(curve)).toEqual([
      { time: 0, survival: 1, lower: 1, upper: 1 },
      { time: 2, survival: 0.8, lower: 0.5, upper: 0.95 },
      { time: 3, survival: 0.8, lower: 0.5, upper: 0.95 },
      { time: 5, survival: 0.4, lower: 0.123457, upper: 0.8 },
      { time: 7, survival: 0.4, lower: null, upper: null },
    ]);
  });

  it('no extra start point when the curve has a time 0; a lone start for an empty curve', () => {
    const atZero = { ...curve, time: [0, 3, 5, 7], survival: [0.9, 0.8, 0.4, 0.4] };
    expect(stepPoints(atZero)[0]).toEqual({ time: 0, survival: 0.9, lower: 0.5, upper: 0.95 });
    expect(stepPoints(atZero)).toHaveLength(4);
    const empty = { ...curve, time: [], atRisk: [], events: [], censored: [], survival: [], lower: [], upper: [] };
    expect(stepPoints(empty)).toEqual([{ time: 0, survival: 1, lower: 1, upper: 1 }]);
  });

  it('one censoring mark per time with censorings, at the survival there', () => {
    expect(censorPoints(curve)).toEqual([
      { time: 3, survival: 0.8, censored: 2 },
      { time: 7, survival: 0.4, censored: 1 },
    ]);
    expect(censorPoints({ ...curve, censored: [0, 0, 0, 0] })).toEqual([]);
  });
});

describe('roundTimes and atRiskAt', () => {
  it('steps of 1, 2 or 5 times a power of ten from 0 to at least the end', () => {
    expect(roundTimes(10)).toEqual([0, 2, 4, 6, 8, 10]); // 10 / 5 = 2
    expect(roundTimes(7)).toEqual([0, 2, 4, 6]); // 7 / 5 = 1.4 -> 2
    expect(roundTimes(23)).toEqual([0, 5, 10, 15, 20]); // 4.6 -> 5
    expect(roundTimes(40)).toEqual([0, 10, 20, 30, 40]); // 8 -> 10
    expect(roundTimes(5)).toEqual([0, 1, 2, 3, 4, 5]); // 1 -> 1
    expect(roundTimes(0.3)).toEqual([0, 0.1, 0.2, 0.3]); // 0.06 -> 0.1, 0.3 kept despite 3 * 0.1 > 0.3
    expect(roundTimes(100, 2)).toEqual([0, 50, 100]);
    expect(roundTimes(0)).toEqual([0]);
    expect(roundTimes(-1)).toEqual([0]);
    expect(roundTimes(Number.NaN)).toEqual([0]);
    // never more than 50 ticks
    expect(roundTimes(1000, 1000).length).toBeLessThanOrEqual(50);
  });

  it('the number at risk at the first curve time at or after t, 0 past the end', () => {
    expect(atRiskAt(curve, 0)).toBe(5);
    expect(atRiskAt(curve, 2)).toBe(5);
    expect(atRiskAt(curve, 2.5)).toBe(4);
    expect(atRiskAt(curve, 3)).toBe(4);
    expect(atRiskAt(curve, 7)).toBe(1);
    expect(atRiskAt(curve, 7.5)).toBe(0);
  });
});
