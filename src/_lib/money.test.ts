import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { checkMoney, isPlainMoneyNumber, Money, toMoney } from './money.js';
import { IssueList } from './validate.js';

describe('Money', () => {
  it('adds exactly where binary floating point does not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toMoney('0.1').plus(toMoney(0.2)).toString()).toBe('0.3');
  });

  it('is independent of the host’s global decimal.js settings', () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 2 });
    try {
      expect(new Money('1.2345').plus('0.0001').toString()).toBe('1.2346');
    } finally {
      Decimal.set({ precision: saved });
    }
  });
});

describe('checkMoney', () => {
  it('accepts numbers, decimal strings and Decimals from any copy', () => {
    const issues = new IssueList();
    expect(checkMoney(12.5, ['a'], issues)?.toString()).toBe('12.5');
    expect(checkMoney(' 12.50 ', ['a'], issues)?.toString()).toBe('12.5');
    expect(checkMoney('-3e2', ['a'], issues)?.toString()).toBe('-300');
    expect(checkMoney(new Decimal('7.25'), ['a'], issues)?.toString()).toBe('7.25');
    expect(issues.isEmpty).toBe(true);
  });

  it.each([
    ['NaN', Number.NaN, 'not_finite'],
    ['Infinity', Infinity, 'not_finite'],
    ['a non-numeric string', '12,50', 'invalid_type'],
    ['an empty string', '', 'invalid_type'],
    ['a Decimal NaN', new Decimal(Number.NaN), 'not_finite'],
    ['null', null, 'invalid_type'],
    ['an object', { amount: 1 }, 'invalid_type'],
  ])('rejects %s', (_, value, code) => {
    const issues = new IssueList();
    expect(checkMoney(value, ['amounts', 0], issues)).toBeUndefined();
    expect(issues.toArray()).toEqual([expect.objectContaining({ code, path: ['amounts', 0] })]);
  });

  it('rejects negative amounts only when asked to', () => {
    const issues = new IssueList();
    expect(checkMoney(-1, ['a'], issues)?.toNumber()).toBe(-1);
    expect(checkMoney(-1, ['b'], issues, true)).toBeUndefined();
    expect(checkMoney(0, ['c'], issues, true)?.toNumber()).toBe(0);
    expect(issues.toArray()).toEqual([{ code: 'too_small', path: ['b'], message: 'must be at least 0' }]);
  });
});

describe('checkMoney: amounts beyond 1e100 or below 1e-100 (issue 14)', () => {
  it('refuses them, so that sums and ratios converted to numbers stay finite', () => {
    const issues = new IssueList();
    expect(checkMoney('1e400', ['m', 0], issues)).toBeUndefined();
    expect(checkMoney(1e308, ['m', 1], issues)).toBeUndefined();
    expect(checkMoney('-1e101', ['m', 2], issues)).toBeUndefined();
    expect(checkMoney(5e-324, ['m', 3], issues)).toBeUndefined();
    expect(checkMoney('1e-101', ['m', 4], issues)).toBeUndefined();
    expect(issues.toArray().map((i) => i.code)).toEqual(['too_big', 'too_big', 'too_big', 'too_small', 'too_small']);
    expect(checkMoney('9.99e100', ['m', 5], issues)?.toString()).toBe('9.99e+100');
    expect(checkMoney('1e-100', ['m', 6], issues)?.toString()).toBe('1e-100');
    expect(checkMoney('0', ['m', 7], issues)?.toString()).toBe('0');
  });
});

describe('isPlainMoneyNumber', () => {
  it('accepts only numbers that checkMoney accepts (the fast paths fall back to checkMoney otherwise)', () => {
    const values = [0, -0, 1, -1, 12.5, 1e100, -1e100, 1e-100, -1e-100, 1.5e100, 5e-101, 1e101, 1e-101, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE];
    for (const v of values) {
      const accepted = checkMoney(v, ['amount'], new IssueList()) !== undefined;
      if (isPlainMoneyNumber(v)) expect(accepted, String(v)).toBe(true);
    }
    expect(values.filter(isPlainMoneyNumber)).toEqual([0, -0, 1, -1, 12.5, 1e100, -1e100, 1e-100, -1e-100]);
  });
});
