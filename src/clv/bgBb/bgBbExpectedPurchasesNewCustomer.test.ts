import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { bgBbExpectedPurchasesNewCustomer } from './bgBbExpectedPurchasesNewCustomer.js';
import { bgBbPurchaseCountProbabilities } from './bgBbPurchaseCountProbabilities.js';

// Fader, Hardie & Shang (2010), Table 6 parameters for the 1995 donor cohort.
const published = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };

describe('bgBbExpectedPurchasesNewCustomer', () => {
  it.each([
    // eq. 8 in closed form, mpmath 1.3.0 at 30 digits (test/fixtures/bgbb-reference.py)
    [1, 0.49849027635619243],
    [6, 2.2196313934872989],
    [10, 3.1788543264922889],
    [5000, 57.823078376432685],
  ])('E[X(%s)] = %s (mpmath) to 1e-10 relative', (n, expected) => {
    const actual = bgBbExpectedPurchasesNewCustomer(published, { opportunities: n });
    expect(Math.abs(actual - expected) / expected, `actual ${actual}`).toBeLessThan(1e-10);
  });

  it('P(X(6) = x), x = 0..6, matches eq. 7 evaluated with mpmath', () => {
    const expected = [
      0.31121774326384935, 0.17010997840651466, 0.12148051376687113, 0.10026311502480369, 0.091659853424921835, 0.092481147905292494,
      0.11278764820774684,
    ];
    const actual = bgBbPurchaseCountProbabilities(published, { opportunities: 6 });
    expect(actual).toHaveLength(7);
    actual.forEach((v, x) => expect(Math.abs(v - (expected[x] as number)), `x=${x}`).toBeLessThan(1e-13));
  });

  it('worked example, n = 1: E[X(1)] = a/(a+b) * d/(g+d) = 2/5 * 4/5', () => {
    const m = { parameters: { alpha: 2, beta: 3, gamma: 1, delta: 4 } };
    expect(bgBbExpectedPurchasesNewCustomer(m, { opportunities: 1 })).toBeCloseTo(8 / 25, 14);
    const probabilities = bgBbPurchaseCountProbabilities(m, { opportunities: 1 });
    expect(probabilities[1]).toBeCloseTo(8 / 25, 14);
    expect(probabilities[0]).toBeCloseTo(17 / 25, 14);
  });

  it('n = 0: nothing expected, P(X = 0) = 1', () => {
    expect(bgBbExpectedPurchasesNewCustomer(published, { opportunities: 0 })).toBe(0);
    const probabilities = bgBbPurchaseCountProbabilities(published, { opportunities: 0 });
    expect(probabilities).toHaveLength(1);
    expect(probabilities[0]).toBeCloseTo(1, 14);
  });

  it('the distribution sums to 1 and its mean is the expectation (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-2, max: 50, noNaN: true }),
        fc.double({ min: 1e-2, max: 50, noNaN: true }),
        fc.double({ min: 1e-2, max: 50, noNaN: true }),
        fc.double({ min: 1e-2, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 25 }),
        (alpha, beta, gamma, delta, n) => {
          const m = { parameters: { alpha, beta, gamma, delta } };
          const probabilities = bgBbPurchaseCountProbabilities(m, { opportunities: n });
          const expected = bgBbExpectedPurchasesNewCustomer(m, { opportunities: n });
          const total = probabilities.reduce((s, v) => s + v, 0);
          const mean = probabilities.reduce((s, v, x) => s + v * x, 0);
          expect(total).toBeCloseTo(1, 10);
          expect(Math.abs(mean - expected)).toBeLessThan(1e-9 * Math.max(1, expected));
        },
      ),
      { seed: 3, numRuns: 100 },
    );
  });

  it.each([
    ['missing options', undefined, ['options']],
    ['negative opportunities', { opportunities: -1 }, ['options.opportunities']],
    ['too many opportunities', { opportunities: 2e7 }, ['options.opportunities']],
  ])('rejects %s', (_, options, paths) => {
    expect(issuePaths(() => bgBbExpectedPurchasesNewCustomer(published, options as never))).toEqual(paths);
  });

  it.each([
    ['missing options', undefined, ['options']],
    ['fractional opportunities', { opportunities: 2.5 }, ['options.opportunities']],
    ['too many opportunities for the O(n^2) distribution', { opportunities: 2001 }, ['options.opportunities']],
  ])('bgBbPurchaseCountProbabilities rejects %s', (_, options, paths) => {
    expect(issuePaths(() => bgBbPurchaseCountProbabilities(published, options as never))).toEqual(paths);
  });

  it('both accept a fitted BG/BB model and name the expected kind for another', () => {
    const fitted = { kind: 'bg-bb', ...published } as never;
    const other = { kind: 'bg-nbd', ...published } as never;
    expect(bgBbExpectedPurchasesNewCustomer(fitted, { opportunities: 6 })).toBe(bgBbExpectedPurchasesNewCustomer(published, { opportunities: 6 }));
    expect(bgBbPurchaseCountProbabilities(fitted, { opportunities: 6 })).toEqual(bgBbPurchaseCountProbabilities(published, { opportunities: 6 }));
    const message = "invalid_value model.kind: must be 'bg-bb' (a model of another kind was given)";
    expect(issueLines(() => bgBbExpectedPurchasesNewCustomer(other, { opportunities: 6 }))).toEqual([message]);
    expect(issueLines(() => bgBbPurchaseCountProbabilities(other, { opportunities: 6 }))).toEqual([message]);
  });

  it('both report a bad parameter under model', () => {
    const bad = { parameters: { alpha: 1, beta: 1, gamma: 1, delta: 0 } };
    expect(issuePaths(() => bgBbExpectedPurchasesNewCustomer(bad, { opportunities: 6 }))).toEqual(['model.parameters.delta']);
    expect(issuePaths(() => bgBbPurchaseCountProbabilities(bad, { opportunities: 6 }))).toEqual(['model.parameters.delta']);
  });
});
