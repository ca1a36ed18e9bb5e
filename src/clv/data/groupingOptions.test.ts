import { describe, expect, it } from 'vitest';
import { IssueList } from '../../_lib/validate.js';
import { readGroupingOptions } from './groupingOptions.js';

const DAY = 86_400_000;

/** The result and the `path: message` of every issue. */
function readOptions(options: unknown, dateKeys: readonly string[] = ['observationEnd']) {
  const issues = new IssueList();
  const result = readGroupingOptions(options, dateKeys, issues);
  return { result, issues: issues.toArray().map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`) };
}

describe('readGroupingOptions', () => {
  it('fills in the defaults: daily periods in days, Monday weeks, no refunds', () => {
    // 10 days and 5 hours after the epoch: day 10.
    expect(readOptions({ observationEnd: 10 * DAY + 5 })).toEqual({
      result: { spec: { code: 0, weekStartsOn: 1, allowRefunds: false }, ratio: 1, periods: { observationEnd: 10 }, dates: { observationEnd: 10 * DAY + 5 } },
      issues: [],
    });
  });

  it('reads every option and gives each date key its period index', () => {
    // Day 10 (Sunday 1970-01-11) and day 11 (Monday): with Sunday weeks both in week
    // floor((10 + 4 - 0) / 7) = 2 and floor((11 + 4) / 7) = 2; in days a week is 7 units.
    const { result, issues } = readOptions(
      { calibrationEnd: new Date(10 * DAY), observationEnd: 11 * DAY, period: 'week', unit: 'day', weekStartsOn: 0, allowRefunds: true },
      ['calibrationEnd', 'observationEnd'],
    );
    expect(issues).toEqual([]);
    expect(result).toEqual({
      spec: { code: 1, weekStartsOn: 0, allowRefunds: true },
      ratio: 7,
      periods: { calibrationEnd: 2, observationEnd: 2 },
      dates: { calibrationEnd: 10 * DAY, observationEnd: 11 * DAY },
    });
    // With Saturday weeks (6): floor((10 + 4 - 6) / 7) = 1 and floor((11 + 4 - 6) / 7) = 1.
    expect(readOptions({ observationEnd: 10 * DAY, period: 'week', weekStartsOn: 6 }).result?.periods).toEqual({ observationEnd: 1 });
    // The unit defaults to the period; months in quarters are 1/3.
    expect(readOptions({ observationEnd: 0, period: 'month' }).result?.ratio).toBe(1);
    expect(readOptions({ observationEnd: 0, period: 'month', unit: 'quarter' }).result?.ratio).toBe(1 / 3);
    // 1970-01-01 is month 1970 x 12 of year 0.
    expect(readOptions({ observationEnd: 0, period: 'month' }).result?.periods).toEqual({ observationEnd: 23_640 });
  });

  it('returns undefined whenever an issue was recorded, with messages that say what to do', () => {
    const cases: [unknown, string[]][] = [
      [undefined, ['invalid_type options: is required']],
      [null, ['invalid_type options: must be an object']],
      ['day', ['invalid_type options: must be an object']],
      [{}, ['invalid_type options.observationEnd: is required']],
      [{ observationEnd: '2024-01-01' }, ['invalid_type options.observationEnd: must be a Date or epoch milliseconds']],
      [{ observationEnd: Number.NaN }, ['invalid_date options.observationEnd: must be a valid date']],
      [{ observationEnd: 0, extra: 1 }, ['unrecognized_key options.extra: is not a known option']],
      [{ observationEnd: 0, period: 'hour' }, ['invalid_value options.period: must be one of "day", "week", "month", "quarter", "year"']],
      [{ observationEnd: 0, unit: 7 }, ['invalid_value options.unit: must be one of "day", "week", "month", "quarter", "year"']],
      [{ observationEnd: 0, unit: 'year' }, ['invalid_value options.unit: must be convertible from the period: day and week, or month, quarter and year']],
      [{ observationEnd: 0, weekStartsOn: '1' }, ['invalid_value options.weekStartsOn: must be a whole number from 0 (Sunday) to 6 (Saturday)']],
      [{ observationEnd: 0, weekStartsOn: 7 }, ['invalid_value options.weekStartsOn: must be a whole number from 0 (Sunday) to 6 (Saturday)']],
      [{ observationEnd: 0, weekStartsOn: -1 }, ['invalid_value options.weekStartsOn: must be a whole number from 0 (Sunday) to 6 (Saturday)']],
      [{ observationEnd: 0, weekStartsOn: 0.5 }, ['invalid_value options.weekStartsOn: must be a whole number from 0 (Sunday) to 6 (Saturday)']],
      [{ observationEnd: 0, allowRefunds: 1 }, ['invalid_type options.allowRefunds: must be a boolean']],
    ];
    for (const [options, expected] of cases) {
      const { result, issues } = readOptions(options);
      expect({ options, result, issues }).toEqual({ options, result: undefined, issues: expected });
    }
  });

  it('checks the unit against the default period when the period is invalid', () => {
    // An invalid period: the unit is still read (against 'day'), both are reported.
    expect(readOptions({ observationEnd: 0, period: 'hour', unit: 'minute' }).issues).toEqual([
      'invalid_value options.period: must be one of "day", "week", "month", "quarter", "year"',
      'invalid_value options.unit: must be one of "day", "week", "month", "quarter", "year"',
    ]);
  });

  it('lists every problem at once', () => {
    const { result, issues } = readOptions({ period: 'x', weekStartsOn: 9, allowRefunds: 'no', other: true, calibrationEnd: 'y' }, ['calibrationEnd', 'observationEnd']);
    expect(result).toBeUndefined();
    expect(issues.map((i) => i.split(':')[0])).toEqual([
      'unrecognized_key options.other',
      'invalid_type options.calibrationEnd',
      'invalid_type options.observationEnd',
      'invalid_value options.period',
      'invalid_value options.weekStartsOn',
      'invalid_type options.allowRefunds',
    ]);
  });
});
