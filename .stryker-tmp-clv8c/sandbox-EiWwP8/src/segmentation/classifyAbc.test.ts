// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf, messagesOf } from '../../test/helpers/issues.js';
import { Decimal } from '../_lib/money.js';
import { classifyAbc, type AbcClass } from './classifyAbc.js';

const RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

describe('classifyAbc: ABC defaults (../shared/REFERENCES.md, Segmentation; R `inventorize`, `matman`)', () => {
  it('A up to 80% of cumulative value, B up to 95%, C the rest; the crossing item is an option', () => {
    // Sorted: 50, 30, 10, 6, 4 of 100; cumulative 50, 80, 90, 96, 100.
    const values = [10, 50, 4, 30, 6];
    expect(classifyAbc(values)!.classes).toEqual(['B', 'A', 'C', 'A', 'C']);
    // 'upper': the 6 (from 90% to 96%) crosses 95% and stays in B.
    expect(classifyAbc(values, { boundaryItem: 'upper' })!.classes).toEqual(['B', 'A', 'C', 'A', 'B']);
    expect(classifyAbc(values, { boundaryItem: 'lower' })!.classes).toEqual(['B', 'A', 'C', 'A', 'C']);
  });

  it('puts the item crossing 80% in B by default and in A with boundaryItem upper', () => {
    // Sorted: 60, 30, 10 of 100; the 30 takes the share from 60% to 90%.
    expect(classifyAbc([60, 30, 10])!.classes).toEqual(['A', 'B', 'C']);
    expect(classifyAbc([60, 30, 10], { boundaryItem: 'upper' })!.classes).toEqual(['A', 'A', 'B']);
    // One item above 80% alone: no A by default, A with 'upper'.
    expect(classifyAbc([90, 10])!.classes).toEqual(['B', 'C']);
    expect(classifyAbc([90, 10], { boundaryItem: 'upper' })!.classes).toEqual(['A', 'B']);
  });

  it('takes other limits, compares shares exactly, and summarises each class', () => {
    // Sorted 0.7, 0.2, 0.1 of 1: cumulative 0.7 (A, at the limit), 0.9 (B, at the limit), 1 (C).
    expect(classifyAbc(['0.2', '0.1', '0.7'], { a: 0.7, b: 0.9 })!.classes).toEqual(['B', 'C', 'A']);
    expect(classifyAbc(['0.2', '0.1', '0.7'], { a: 0.7, b: 0.8 })!.classes).toEqual(['C', 'C', 'A']);
    expect(classifyAbc([5, 3, 2], { a: 0.5, b: 0.5 })!.classes).toEqual(['A', 'C', 'C']);
    const result = classifyAbc([10, 50, 4, 30, 6])!;
    expect(result.summary.map((s) => [s.name, s.count, s.customerShare, s.total.toNumber(), s.valueShare, s.averageValue?.toNumber()])).toEqual([
      ['A', 2, 0.4, 80, 0.8, 40],
      ['B', 1, 0.2, 10, 0.1, 10],
      ['C', 2, 0.4, 10, 0.1, 5],
    ]);
    // One item holds 100%: beyond 95%, so both items are C and A, B are empty.
    expect(classifyAbc([1, 0])!.summary.map((s) => s.averageValue?.toNumber())).toEqual([undefined, undefined, 0.5]);
  });

  it('breaks ties by input order (stable)', () => {
    // Four equal items of 25%: cumulative 25, 50, 75, 100: the first three are A, the last C.
    expect(classifyAbc([5, 5, 5, 5])!.classes).toEqual(['A', 'A', 'A', 'C']);
    expect(classifyAbc([new Decimal(5), '5', 5, 5], { boundaryItem: 'upper' })!.classes).toEqual(['A', 'A', 'A', 'A']);
  });

  it('returns undefined when there is nothing to classify', () => {
    expect(classifyAbc([])).toBeUndefined();
    expect(classifyAbc([0, 0])).toBeUndefined();
  });
});

describe('classifyAbc: properties (fast-check, fixed seeds)', () => {
  it('partitions the items and is monotone in value, for both boundary rules', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom<'lower' | 'upper'>('lower', 'upper'),
        (xs, boundaryItem) => {
          const result = classifyAbc(xs, { boundaryItem });
          if (result === undefined) return;
          expect(result.classes).toHaveLength(xs.length);
          expect(result.summary.reduce((n, s) => n + s.count, 0)).toBe(xs.length);
          for (const s of result.summary) expect(result.classes.filter((c) => c === s.name)).toHaveLength(s.count);
          for (let i = 0; i < xs.length; i++)
            for (let j = 0; j < xs.length; j++) if (xs[i]! > xs[j]!) expect(RANK[result.classes[i]!]).toBeLessThanOrEqual(RANK[result.classes[j]!]);
          // The A items hold at most 80% with 'lower'; with 'upper', A without its last item holds less than 80%.
          const aShare = result.summary[0]!.valueShare!;
          if (boundaryItem === 'lower') expect(aShare).toBeLessThanOrEqual(0.8 + 1e-12);
          else expect(aShare).toBeGreaterThan(0);
        },
      ),
      { seed: 71, numRuns: 100 },
    );
  });
});

describe('classifyAbc: bad input', () => {
  it.each([
    ['NaN', [Number.NaN], undefined, [['not_finite', ['values', 0]]]],
    ['a negative value', [1, -1], undefined, [['too_small', ['values', 1]]]],
    ['limits out of order', [1], { a: 0.9, b: 0.8 }, [['invalid_order', ['options', 'b']]]],
    ['a limit of 0', [1], { a: 0 }, [['too_small', ['options', 'a']]]],
    ['a limit above 1', [1], { b: 1.2 }, [['too_big', ['options', 'b']]]],
    ['an unknown boundary rule', [1], { boundaryItem: 'middle' }, [['invalid_value', ['options', 'boundaryItem']]]],
  ])('rejects %s', (_, values, options, expected) => {
    expect(issuesOf(() => classifyAbc(values as never, options as never))).toEqual(expected);
  });

  it('checks the order of a default limit against a given one', () => {
    expect(issuesOf(() => classifyAbc([1], { a: 0.97 }))).toEqual([['invalid_order', ['options', 'b']]]);
    expect(issuesOf(() => classifyAbc([1], { b: 0.5 }))).toEqual([['invalid_order', ['options', 'b']]]);
  });
});

describe('classifyAbc: messages', () => {
  it('says what is wrong', () => {
    expect(messagesOf(() => classifyAbc([1], { a: 0.9, b: 0.8 }))).toEqual(['options.b: must be at least the limit of class A']);
  });
});
