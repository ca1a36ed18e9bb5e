import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { bgBbExpectedPurchases } from './bgBbExpectedPurchases.js';

// Fader, Hardie & Shang (2010), Table 6 parameters for the 1995 donor cohort.
const published = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };

describe('bgBbExpectedPurchases', () => {
  it.each([
    // x, t_x, n, n*, eq. 13 in closed form with mpmath 1.3.0 at 30 digits (test/fixtures/bgbb-reference.py)
    [3, 5, 6, 5, 1.8044259997945683],
    [0, 0, 6, 1, 0.016350511357692197],
    [6, 6, 6, 10, 6.7052908250144918],
    [2, 4, 6, 2000, 35.055963004663034],
    [1, 3, 6, 1, 0.13333191339430854],
  ])('x = %s, t_x = %s, n = %s, n* = %s: %s (mpmath, closed form) to 1e-11 relative', (x, tx, n, opportunities, expected) => {
    const actual = bgBbExpectedPurchases(published, { frequency: x, recency: tx, n }, { opportunities });
    expect(Math.abs(actual - expected) / expected, `actual ${actual}`).toBeLessThan(1e-11);
  });

  it('worked example, one opportunity ahead: E = E[p | data] * P(alive at n + 1 | data)', () => {
    // alpha 2, beta 3, gamma 1, delta 4, x = t_x = n = 1: P(alive) = (d+1)/(g+d+1) = 5/6 and
    // E[p | alive through 1 with one transaction] = (a+1)/(a+b+1) = 1/2, so E = 5/12.
    const m = { parameters: { alpha: 2, beta: 3, gamma: 1, delta: 4 } };
    expect(bgBbExpectedPurchases(m, { frequency: 1, recency: 1, n: 1 }, { opportunities: 1 })).toBeCloseTo(5 / 12, 14);
  });

  it('is 0 for 0 opportunities', () => {
    expect(bgBbExpectedPurchases(published, { frequency: 2, recency: 4, n: 6 }, { opportunities: 0 })).toBe(0);
  });

  it('is continuous across the 1,000-opportunity switch to the closed form and near gamma = 1', () => {
    const c = { frequency: 2, recency: 4, n: 6 };
    const a = bgBbExpectedPurchases(published, c, { opportunities: 1000 });
    const b = bgBbExpectedPurchases(published, c, { opportunities: 1001 });
    expect(b - a).toBeGreaterThan(0);
    expect(b - a).toBeLessThan(0.05);
    const near = (g: number) => bgBbExpectedPurchases({ parameters: { ...published.parameters, gamma: g } }, c, { opportunities: 5000 });
    expect(Math.abs(near(1 - 1.01e-4) - near(1 - 0.99e-4)) / near(1)).toBeLessThan(1e-5);
    expect(Math.abs(near(1 + 1.01e-4) - near(1 + 0.99e-4)) / near(1)).toBeLessThan(1e-5);
  });

  it('is non-negative, at most the horizon, and non-decreasing in the horizon (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-2, max: 1e2, noNaN: true }),
        fc.double({ min: 1e-2, max: 1e2, noNaN: true }),
        fc.double({ min: 1e-2, max: 1e2, noNaN: true }),
        fc.double({ min: 1e-2, max: 1e2, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (alpha, beta, gamma, delta, x, horizon) => {
          const m = { parameters: { alpha, beta, gamma, delta } };
          const c = { frequency: x, recency: x, n: 30 };
          const one = bgBbExpectedPurchases(m, c, { opportunities: horizon });
          const more = bgBbExpectedPurchases(m, c, { opportunities: horizon + 1 });
          expect(one).toBeGreaterThanOrEqual(0);
          expect(one).toBeLessThanOrEqual(horizon);
          expect(more).toBeGreaterThanOrEqual(one);
        },
      ),
      { seed: 5, numRuns: 150 },
    );
  });

  it.each([
    ['missing options', { frequency: 1, recency: 1, n: 2 }, undefined, ['options']],
    ['missing opportunities', { frequency: 1, recency: 1, n: 2 }, {}, ['options.opportunities']],
    ['fractional opportunities', { frequency: 1, recency: 1, n: 2 }, { opportunities: 1.5 }, ['options.opportunities']],
    ['frequency above n and a bad option', { frequency: 3, recency: 2, n: 2 }, { opportunities: 1, horizon: 2 }, ['customer.frequency', 'options.horizon']],
  ])('rejects %s', (_, customer, options, paths) => {
    expect(issuePaths(() => bgBbExpectedPurchases(published, customer as never, options as never))).toEqual(paths);
  });
});

describe('bgBbExpectedPurchases: the cap', () => {
  it('is never more than the number of opportunities, even where the kernel rounds above it', () => {
    // p ~ Beta(1000, 1e-6) is almost surely 1 and theta ~ Beta(1e-6, 1e8) almost surely 0: the exact
    // value is just below n* (E[p | data] = 1001 / (1001 + 1e-6)), but the series evaluates to
    // 1.0000002 for n* = 1 and 7.000002 for n* = 7.
    const sure = { parameters: { alpha: 1000, beta: 1e-6, gamma: 1e-6, delta: 1e8 } };
    expect(bgBbExpectedPurchases(sure, { frequency: 1, recency: 1, n: 1 }, { opportunities: 1 })).toBe(1);
    expect(bgBbExpectedPurchases(sure, { frequency: 1, recency: 1, n: 1 }, { opportunities: 7 })).toBe(7);
  });

  it('says what is wrong, field by field', () => {
    expect(issuePaths(() => bgBbExpectedPurchases({ parameters: { alpha: 1, beta: 1, gamma: 1 } } as never, { frequency: 0, recency: 1, n: 2 }, { opportunities: -1 }))).toEqual([
      'model.parameters.delta',
      'customer.recency',
      'options.opportunities',
    ]);
  });

  it('accepts a fitted BG/BB model and names the expected kind for another', () => {
    expect(bgBbExpectedPurchases({ kind: 'bg-bb', ...published } as never, { frequency: 2, recency: 4, n: 6 }, { opportunities: 3 })).toBe(bgBbExpectedPurchases(published, { frequency: 2, recency: 4, n: 6 }, { opportunities: 3 }));
    expect(issueLines(() => bgBbExpectedPurchases({ kind: 'bg-nbd', ...published } as never, { frequency: 2, recency: 4, n: 6 }, { opportunities: 3 }))).toEqual(["invalid_value model.kind: must be 'bg-bb' (a model of another kind was given)"]);
  });

  it('checks the customer\'s weight', () => {
    expect(issueLines(() => bgBbExpectedPurchases(published, { frequency: 2, recency: 4, n: 6, weight: -1 }, { opportunities: 3 }))).toEqual(['too_small customer.weight: must be at least 0']);
  });
});
