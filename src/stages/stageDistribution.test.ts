import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueSummaries as issuesOf } from '../../test/helpers/thrown-issues.js';
import type { NeedLevel } from './needLevels.js';
import { stageDistribution } from './stageDistribution.js';


describe('stageDistribution', () => {
  it('counts customers per level with labels and shares (worked example)', () => {
    // 8 customers: 2 at 1, 1 at 2, 4 at 5, 1 at 6 -> shares .25, .125, 0, 0, .5, .125.
    const d = stageDistribution([1, 5, 5, 2, 6, 5, 1, 5]);
    expect(d.total).toBe(8);
    expect(d.levels.map((l) => l.count)).toEqual([2, 1, 0, 0, 4, 1]);
    expect(d.levels.map((l) => l.share)).toEqual([0.25, 0.125, 0, 0, 0.5, 0.125]);
    expect(d.levels[4]).toEqual({ level: 5, key: 'deciding', label: 'Knows the brand, deciding', count: 4, share: 0.5 });
    expect(stageDistribution(new Uint8Array([6, 6]), { locale: 'vi' }).levels[5]).toMatchObject({ count: 2, share: 1, label: 'Đã mua sản phẩm, đang phân vân mua lại' });
  });

  it('has no shares when there are no customers', () => {
    const d = stageDistribution([]);
    expect(d.total).toBe(0);
    expect(d.levels.map((l) => l.share)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(d.levels.map((l) => l.key)).toEqual(['no-problem', 'problem-no-need', 'seeking-solution', 'seeking-brand', 'deciding', 'deciding-repurchase']);
  });

  it('property: counts add up to the total and shares to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 200 }), (levels) => {
        const d = stageDistribution(levels as NeedLevel[]);
        expect(d.levels.reduce((s, l) => s + l.count, 0)).toBe(levels.length);
        expect(Math.abs(d.levels.reduce((s, l) => s + (l.share ?? 0), 0) - 1)).toBeLessThan(1e-12);
        d.levels.forEach((l) => expect(l.count).toBe(levels.filter((x) => x === l.level).length));
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it.each([
    ['unknown levels', () => stageDistribution([1, 0, 7, 2.5] as never), ['too_small levels.1', 'too_big levels.2', 'not_integer levels.3']],
    ['a level 0 in a typed array (an unassigned customer)', () => stageDistribution(new Uint8Array([1, 0])), ['too_small levels.1']],
    ['a level as a string', () => stageDistribution(['1'] as never), ['invalid_type levels.0']],
    ['levels not an array', () => stageDistribution(undefined as never), ['invalid_type levels']],
    ['an unknown option', () => stageDistribution([], { language: 'vi' } as never), ['unrecognized_key options.language']],
    ['options that are not an object', () => stageDistribution([], 'vi' as never), ['invalid_type options']],
    ['an unknown locale', () => stageDistribution([], { locale: 'EN' as never }), ['invalid_value options.locale']],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuesOf(fn)).toEqual(expected);
  });
});
