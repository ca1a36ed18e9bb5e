/**
 * Every clv function that reads (frequency, recency, T) histories refuses impossible ones up front,
 * with the same issue: repeat purchases at recency 0 (so also T = 0 with purchases), recency > T,
 * and recency > 0 without repeat purchases. The first used to run the Pareto/NBD fit for 45 s.
 */
import { describe, expect, it } from 'vitest';
import {
  customerLifetimeValue,
  discountedExpectedTransactions,
  expectedPurchases,
  expectedPurchasesBatch,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  periodTransactionsHistogram,
  probabilityAlive,
  probabilityAliveBatch,
} from '../src/clv/index.js';
import { isMetricsInputError } from '../src/errors.js';

const bg = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
const pnbd = { kind: 'pareto-nbd', parameters: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, timeUnit: 'week' } as const;
const ok = { frequency: 0, recency: 0, T: 1 };
type History = { frequency: number; recency: number; T: number };

// Each call puts the history at index 1 of a list (or alone for the scalar functions) and returns
// the path prefix of the history in the issue.
const calls: [string, (h: History) => unknown, (string | number)[]][] = [
  ['fitBgNbd', (h) => fitBgNbd([ok, h], { timeUnit: 'week' }), ['customers', 1]],
  ['fitMbgNbd', (h) => fitMbgNbd([ok, h], { timeUnit: 'week' }), ['customers', 1]],
  ['fitParetoNbd', (h) => fitParetoNbd([ok, h], { timeUnit: 'month' }), ['customers', 1]],
  ['expectedPurchases (bg-nbd)', (h) => expectedPurchases(bg, h, { length: 1, unit: 'week' }), ['customer']],
  ['expectedPurchases (pareto-nbd)', (h) => expectedPurchases(pnbd, h, { length: 1, unit: 'week' }), ['customer']],
  ['probabilityAlive', (h) => probabilityAlive(pnbd, h), ['customer']],
  ['expectedPurchasesBatch (rows)', (h) => expectedPurchasesBatch(bg, [ok, h], { length: 1, unit: 'week' }), ['customers', 1]],
  ['probabilityAliveBatch (columns)', (h) => probabilityAliveBatch(bg, { frequency: [0, h.frequency], recency: [0, h.recency], T: [1, h.T] }), ['customers', 1]],
  ['discountedExpectedTransactions', (h) => discountedExpectedTransactions(pnbd, h, { continuousDiscountRate: 0.1, unit: 'year' }), ['customer']],
  ['periodTransactionsHistogram', (h) => periodTransactionsHistogram(bg, [ok, h], { maxFrequency: 2 }), ['customers', 1]],
  [
    'customerLifetimeValue',
    (h) =>
      customerLifetimeValue({
        transactionModel: bg,
        spendModel: { kind: 'gamma-gamma', parameters: { p: 6.25, q: 3.74, gamma: 15.44 } },
        customers: [{ ...ok, monetaryValue: 0 }, { ...h, monetaryValue: 20 }],
        horizon: { length: 12, unit: 'month' },
        discountRate: 0.01,
      }),
    ['input', 'customers', 1],
  ],
];

const impossible: [string, History, string][] = [
  ['repeat purchases at recency 0 and T 0 (the 45 s Pareto/NBD fit)', { frequency: 5, recency: 0, T: 0 }, 'invalid_structure'],
  ['repeat purchases at recency 0', { frequency: 2, recency: 0, T: 10 }, 'invalid_structure'],
  ['recency above T', { frequency: 2, recency: 11, T: 10 }, 'invalid_order'],
  ['recency without repeat purchases', { frequency: 0, recency: 3, T: 10 }, 'invalid_structure'],
];

describe('impossible histories are refused by every function that reads them', () => {
  for (const [name, call, prefix] of calls) {
    it.each(impossible)(`${name}: %s`, (_, history, code) => {
      let caught: unknown;
      const started = process.hrtime.bigint();
      try {
        call(history);
      } catch (error) {
        caught = error;
      }
      expect(isMetricsInputError(caught), String(caught)).toBe(true);
      const issues = (caught as { issues: { code: string; path: (string | number)[] }[] }).issues;
      expect(issues.map((i) => [i.code, i.path])).toContainEqual([code, [...prefix, 'recency']]);
      // refused before any fitting: far below the 45 s the fit used to take
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(2000);
    });
  }
});
