// @ts-nocheck
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods, CALENDAR_PERIODS, checkDate, periodLabel, startOfPeriod } from './dates.js';
import { IssueList } from './validate.js';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

// Run in a time zone with a DST change at midnight and a non-hour offset, to prove that nothing
// depends on the host's zone.
let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'America/Santiago';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('startOfPeriod (UTC whatever the host zone)', () => {
  it('runs in a zone where local and UTC dates differ (so the tests below can fail)', () => {
    expect(new Date(utc(2024, 5, 15, 2)).getDate()).toBe(14); // 22:00 on 14 May in Santiago
    expect(startOfPeriod(utc(2024, 5, 15, 2), 'day')).toBe(utc(2024, 5, 15));
    expect(startOfPeriod(utc(2024, 6, 1, 2), 'month')).toBe(utc(2024, 6, 1));
  });

  it('finds the start of each calendar period', () => {
    const t = utc(2024, 5, 15, 23, 30); // Wednesday 15 May 2024, 23:30 UTC
    expect(startOfPeriod(t, 'day')).toBe(utc(2024, 5, 15));
    expect(startOfPeriod(t, 'week')).toBe(utc(2024, 5, 13)); // ISO week starts Monday 13 May
    expect(startOfPeriod(t, 'week', { weekStartsOn: 0 })).toBe(utc(2024, 5, 12)); // Sunday 12 May
    expect(startOfPeriod(t, 'month')).toBe(utc(2024, 5, 1));
    expect(startOfPeriod(t, 'quarter')).toBe(utc(2024, 4, 1));
    expect(startOfPeriod(t, 'year')).toBe(utc(2024, 1, 1));
  });

  it('is idempotent and never after the instant, for any instant and period', () => {
    fc.assert(
      fc.property(fc.integer({ min: utc(1970, 1, 1), max: utc(2100, 1, 1) }), fc.constantFrom(...CALENDAR_PERIODS), (t, period) => {
        const s = startOfPeriod(t, period);
        expect(s).toBeLessThanOrEqual(t);
        expect(startOfPeriod(s, period)).toBe(s);
        expect(addPeriods(s, period, 1)).toBeGreaterThan(t);
        expect(new Date(s).getUTCHours()).toBe(0);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('addPeriods', () => {
  it('adds calendar periods in UTC and clamps month ends', () => {
    expect(addPeriods(utc(2024, 1, 31), 'month', 1)).toBe(utc(2024, 2, 29));
    expect(addPeriods(utc(2024, 1, 1), 'quarter', 2)).toBe(utc(2024, 7, 1));
    expect(addPeriods(utc(2024, 12, 30), 'week', 1)).toBe(utc(2025, 1, 6));
    expect(addPeriods(utc(2024, 3, 10), 'day', -10)).toBe(utc(2024, 2, 29));
    expect(addPeriods(utc(2024, 2, 29), 'year', 1)).toBe(utc(2025, 2, 28));
  });
});

describe('periodLabel', () => {
  it('labels periods', () => {
    expect(periodLabel(utc(2024, 3, 5), 'day')).toBe('2024-03-05');
    expect(periodLabel(utc(2024, 3, 4), 'week')).toBe('2024-03-04');
    expect(periodLabel(utc(2024, 3, 1), 'month')).toBe('2024-03');
    expect(periodLabel(utc(2024, 10, 1), 'quarter')).toBe('2024-Q4');
    expect(periodLabel(utc(2024, 1, 1), 'year')).toBe('2024');
  });
});

describe('checkDate', () => {
  it.each([
    ['a string', '2024-01-01', 'invalid_type'],
    ['an invalid Date', new Date(Number.NaN), 'invalid_date'],
    ['NaN', Number.NaN, 'invalid_date'],
    ['beyond the Date range', 8.64e15 + 1, 'invalid_date'],
    ['null', null, 'invalid_type'],
  ])('rejects %s', (_, value, code) => {
    const issues = new IssueList();
    expect(checkDate(value, ['start'], issues)).toBeUndefined();
    expect(issues.toArray()).toEqual([expect.objectContaining({ code, path: ['start'] })]);
  });

  it('accepts Date and epoch milliseconds', () => {
    const issues = new IssueList();
    expect(checkDate(new Date(utc(2024, 1, 1)), ['d'], issues)).toBe(utc(2024, 1, 1));
    expect(checkDate(0, ['d'], issues)).toBe(0);
    expect(checkDate(-8.64e15, ['d'], issues)).toBe(-8.64e15);
    expect(issues.isEmpty).toBe(true);
  });
});
