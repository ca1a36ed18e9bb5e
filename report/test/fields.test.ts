/** Field parsers: ISO dates (real calendar dates only, zones), plain decimals, counts. */
import { describe, expect, it } from 'vitest';
import { parseCount, parseDecimal, parseIsoDate } from '../src/csv/fields.js';

describe('parseIsoDate', () => {
  it.each([
    ['2026-03-31', Date.UTC(2026, 2, 31)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2026-03-31T14:05', Date.UTC(2026, 2, 31, 14, 5)],
    ['2026-03-31T14:05:09Z', Date.UTC(2026, 2, 31, 14, 5, 9)],
    ['2026-03-31 14:05:09.250Z', Date.UTC(2026, 2, 31, 14, 5, 9, 250)],
    // 07:00 at +07:00 is midnight UTC.
    ['2026-03-31T07:00:00+07:00', Date.UTC(2026, 2, 31, 0, 0)],
    ['2026-03-31T00:00:00-0530', Date.UTC(2026, 2, 31, 5, 30)],
  ])('%s', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  it.each(['', '2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '31/03/2026', '2026-03-31T25:00', '2026-03-31T10:60', '2026-03-31x', 'abcd-ef-gh', '2026-03-31T10:00+25:00'])(
    'refuses %j',
    (text) => {
      expect(parseIsoDate(text)).toBeUndefined();
    },
  );
});

describe('parseDecimal', () => {
  it.each([
    ['12', 12],
    ['12.50', 12.5],
    ['-3.2', -3.2],
    ['+4', 4],
    ['.5', 0.5],
    ['7.', 7],
  ])('%s', (text, expected) => expect(parseDecimal(text)).toBe(expected));
  it.each(['', '1,5', '1e3', '$5', '12 ', 'NaN', 'Infinity', '--1', '1.2.3'])('refuses %j', (text) => expect(parseDecimal(text)).toBeUndefined());
});

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['42', 42],
  ])('%s', (text, expected) => expect(parseCount(text)).toBe(expected));
  it.each(['', '-1', '1.5', 'x', '1234567890123456'])('refuses %j', (text) => expect(parseCount(text)).toBeUndefined());
});
