// @ts-nocheck
import { expect } from 'vitest';

/**
 * Asserts that `actual` equals the decimal number `shown` to the decimals it is written with:
 * `__approx(0.30429, '0.304')` passes, `__approx(0.3056, '0.304')` fails.
 */
export function __approx(actual: unknown, shown: string, label: string): void {
  expect(typeof actual, label).toBe('number');
  const expected = Number(shown);
  const decimals = (/\.(\d+)/.exec(shown)?.[1] ?? '').length;
  const tolerance = 0.5 * 10 ** -decimals * (1 + 1e-9);
  const diff = Math.abs((actual as number) - expected);
  expect(diff, `${label}: actual ${String(actual)}, expected ${shown} (tolerance ${tolerance})`).toBeLessThanOrEqual(tolerance);
}
