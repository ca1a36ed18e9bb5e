import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amlMaintained } from '../../test/helpers/aml.js';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import { nelsonAalen } from './nelsonAalen.js';

describe('nelsonAalen', () => {
  it('reproduces R (REFERENCES.md: aml Maintained, H at 9..48)', () => {
    const na = nelsonAalen(amlMaintained);
    const times = [9, 13, 18, 23, 31, 34, 48];
    const expected = [0.090909, 0.190909, 0.315909, 0.458766, 0.658766, 0.908766, 1.408766];
    times.forEach((t, i) => expect(na.cumulativeHazard[na.time.indexOf(t)]).toBeCloseTo(expected[i] as number, 6));
    // Aalen's variance: sum d / n^2 = 1/121 + 1/100 at 13
    expect(na.standardError[1]).toBeCloseTo(Math.sqrt(1 / 121 + 1 / 100), 15);
    expect(na.atRisk).toEqual([11, 10, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(na.censored).toEqual([0, 1, 0, 0, 1, 0, 0, 1, 0, 1]);
    expect(na.cumulativeHazard[4]).toBe(na.cumulativeHazard[3]);
  });

  it('handles ties as d / n, delayed entry and weights', () => {
    // 4 at risk, 2 events at 1: H = 2/4; then 1 of 2 at 2: + 1/2
    expect(nelsonAalen({ durations: [1, 1, 2, 3], observed: [1, 1, 1, 0] }).cumulativeHazard).toEqual([0.5, 1, 1]);
    expect(nelsonAalen({ durations: [4, 6], observed: [1, 1], entry: [0, 4] }).cumulativeHazard).toEqual([1, 2]);
    expect(nelsonAalen({ durations: [1, 2], observed: [1, 1], weights: [3, 1] }).cumulativeHazard).toEqual([0.75, 1.75]);
    expect(nelsonAalen({ durations: [], observed: [] }).cumulativeHazard).toEqual([]);
  });

  it('is non-decreasing and exp(-H) >= Kaplan-Meier survival (property, seed 701)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ t: fc.integer({ min: 0, max: 30 }), e: fc.boolean() }), { maxLength: 40 }), (rows) => {
        const na = nelsonAalen({ durations: rows.map((r) => r.t), observed: rows.map((r) => r.e) });
        let previous = 0;
        let km = 1;
        na.cumulativeHazard.forEach((h, i) => {
          expect(h >= previous).toBe(true);
          previous = h;
          const n = na.atRisk[i] as number;
          km *= 1 - (na.events[i] as number) / n;
          expect(Math.exp(-h) >= km - 1e-12).toBe(true);
        });
      }),
      { seed: 701, numRuns: 150 },
    );
  });

  it.each([
    ['missing data', () => nelsonAalen(undefined as never), [['invalid_type', ['data']]]],
    ['observed of the wrong length', () => nelsonAalen({ durations: [1, 2], observed: [true] }), [['invalid_structure', ['data', 'observed']]]],
    ['a string duration', () => nelsonAalen({ durations: ['1'] as never, observed: [true] }), [['invalid_type', ['data', 'durations', 0]]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });
});

describe('nelsonAalen: times with nobody left at risk', () => {
  it('adds nothing at a censoring-only time whose weighted risk set rounds to 0 (no 0 / 0)', () => {
    // Weights 1 and 1e-17: the total 1 + 1e-17 rounds to 1, so after the event at 1 the risk set at
    // 2 is 1 - 1 = 0 with no event there. H stays 1 / 1 = 1, and its standard error sqrt(1 / 1) = 1.
    const na = nelsonAalen({ durations: [1, 2], observed: [1, 0], weights: [1, 1e-17] });
    expect(na.events).toEqual([1, 0]);
    expect(na.cumulativeHazard).toEqual([1, 1]);
    expect(na.standardError).toEqual([1, 1]);
  });
});
