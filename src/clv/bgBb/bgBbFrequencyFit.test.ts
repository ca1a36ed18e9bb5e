import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { bgBbFrequencyFit } from './bgBbFrequencyFit.js';
import { bgBbPurchaseCountProbabilities } from './bgBbPurchaseCountProbabilities.js';

const model = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };

describe('bgBbFrequencyFit', () => {
  it('worked example: 3464 donors with n = 6 expect 3464 * P(X(6) = x) in each cell', () => {
    // P(X(6) = 0) = 0.311218 (mpmath, test/fixtures/bgbb-reference.py): 3464 * 0.311218 = 1078.06
    const rows = bgBbFrequencyFit(model, [{ frequency: 0, recency: 0, n: 6, weight: 3464 }]);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ frequency: 0, actual: 3464, expected: expect.closeTo(3464 * 0.31121774326384935, 8) });
    expect(rows[3]?.actual).toBe(0);
  });

  it('mixes customers with different n: each row counts with its own distribution', () => {
    const rows = bgBbFrequencyFit(model, [
      { frequency: 1, recency: 1, n: 1 },
      { frequency: 2, recency: 3, n: 3, weight: 2 },
    ]);
    const p1 = bgBbPurchaseCountProbabilities(model, { opportunities: 1 });
    const p3 = bgBbPurchaseCountProbabilities(model, { opportunities: 3 });
    expect(rows.map((r) => r.actual)).toEqual([0, 1, 2, 0]);
    rows.forEach((r, x) => expect(r.expected).toBeCloseTo((p1[x] ?? 0) + 2 * (p3[x] as number), 12));
    expect(rows.reduce((s, r) => s + r.expected, 0)).toBeCloseTo(3, 12);
  });

  it.each([
    ['no rows', [], ['customers']],
    ['a frequency above n', [{ frequency: 4, recency: 3, n: 3 }], ['customers.0.frequency']],
    ['n above 2000', [{ frequency: 0, recency: 0, n: 2001 }], ['customers.0.n']],
  ])('rejects %s', (_, rows, paths) => {
    expect(issuePaths(() => bgBbFrequencyFit(model, rows as never))).toEqual(paths);
  });
});

describe('bgBbFrequencyFit: sizes and messages', () => {
  it('has one row per frequency up to the largest n, whatever the order of the customers', () => {
    const rows = bgBbFrequencyFit(model, [
      { frequency: 3, recency: 3, n: 3 },
      { frequency: 0, recency: 0, n: 1, weight: 4 },
    ]);
    expect(rows.map((r) => [r.frequency, r.actual])).toEqual([
      [0, 4],
      [1, 0],
      [2, 0],
      [3, 1],
    ]);
    const p1 = bgBbPurchaseCountProbabilities(model, { opportunities: 1 });
    const p3 = bgBbPurchaseCountProbabilities(model, { opportunities: 3 });
    expect(rows[1]?.expected).toBeCloseTo(4 * (p1[1] as number) + (p3[1] as number), 12);
    expect(rows[3]?.expected).toBeCloseTo(p3[3] as number, 12);
  });

  it('accepts n = 2000 and names the limit above it', () => {
    expect(bgBbFrequencyFit(model, [{ frequency: 0, recency: 0, n: 2000 }])).toHaveLength(2001);
    expect(issueLines(() => bgBbFrequencyFit(model, [{ frequency: 0, recency: 0, n: 5 }, { frequency: 0, recency: 0, n: 2001 }]))).toEqual(['too_big customers.1.n: must be at most 2000']);
  });

  it('accepts a fitted BG/BB model, names the expected kind for another, and reports bad parameters under model', () => {
    const rows = [{ frequency: 1, recency: 1, n: 2 }];
    expect(bgBbFrequencyFit({ kind: 'bg-bb', ...model } as never, rows)).toEqual(bgBbFrequencyFit(model, rows));
    expect(issueLines(() => bgBbFrequencyFit({ kind: 'bg-nbd', ...model } as never, rows))).toEqual(["invalid_value model.kind: must be 'bg-bb' (a model of another kind was given)"]);
    expect(issuePaths(() => bgBbFrequencyFit({ parameters: { ...model.parameters, beta: -1 } }, rows))).toEqual(['model.parameters.beta']);
  });
});
