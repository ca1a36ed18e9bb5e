import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIssueMessage as firstMessage, issueSummaries as issuesOf } from '../../test/helpers/thrown-issues.js';
import type { NeedLevel } from './needLevels.js';
import { stageTransitionMatrix } from './stageTransitionMatrix.js';



describe('stageTransitionMatrix', () => {
  it('counts moves between snapshots and normalises rows (worked example)', () => {
    // Level 3: 4 customers; 1 stays, 2 move to 4, 1 to 5 -> row 3 = [0, 0, .25, .5, .25, 0].
    const before = [
      { id: 1, level: 3 },
      { id: 2, level: 3 },
      { id: 3, level: 3 },
      { id: 4, level: 3 },
      { id: 'x', level: 6 },
      { id: 'gone', level: 2 },
    ] as const;
    const after = [
      { id: 1, level: 3 },
      { id: 2, level: 4 },
      { id: 3, level: 4 },
      { id: 4, level: 5 },
      { id: 'x', level: 5 },
      { id: 'new', level: 1 },
      { id: 'new2', level: 1 },
    ] as const;
    const m = stageTransitionMatrix(before, after, { locale: 'vi' });
    expect(m.counts).toEqual([
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 1, 2, 1, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1, 0],
    ]);
    expect(m.rowTotals).toEqual([0, 0, 4, 0, 0, 1]);
    expect(m.probabilities).toEqual([undefined, undefined, [0, 0, 0.25, 0.5, 0.25, 0], undefined, undefined, [0, 0, 0, 0, 1, 0]]);
    expect(m.emptyRows).toEqual([1, 2, 4, 5]);
    expect(m.left).toEqual([0, 1, 0, 0, 0, 0]);
    expect(m.entered).toEqual([2, 0, 0, 0, 0, 0]);
    expect(m.labels[0]).toBe('Không có vấn đề');
    expect(stageTransitionMatrix([], []).labels[5]).toBe('Has bought, deciding whether to buy again');
  });

  it('treats the number 1 and the string "1" as different ids', () => {
    const m = stageTransitionMatrix([{ id: 1, level: 2 }], [{ id: '1', level: 3 }]);
    expect(m.left).toEqual([0, 1, 0, 0, 0, 0]);
    expect(m.entered).toEqual([0, 0, 1, 0, 0, 0]);
  });

  const snapshot = fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 60 });
  it('property: rows sum to 1, empty rows are reported, counts add up', () => {
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        const before = a.map((level, i) => ({ id: i, level: level as NeedLevel }));
        const after = b.map((level, i) => ({ id: i, level: level as NeedLevel }));
        const m = stageTransitionMatrix(before, after);
        const matched = Math.min(a.length, b.length);
        expect(m.rowTotals.reduce((s, t) => s + t, 0)).toBe(matched);
        expect(m.left.reduce((s, t) => s + t, 0)).toBe(a.length - matched);
        expect(m.entered.reduce((s, t) => s + t, 0)).toBe(b.length - matched);
        m.probabilities.forEach((row, i) => {
          if (row === undefined) {
            expect(m.rowTotals[i]).toBe(0);
            expect(m.emptyRows).toContain(i + 1);
          } else {
            expect(row.every((p) => Number.isFinite(p) && p >= 0 && p <= 1)).toBe(true);
            expect(Math.abs(row.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-12);
            expect(m.emptyRows).not.toContain(i + 1);
          }
        });
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it.each([
    ['before not an array', () => stageTransitionMatrix({} as never, []), ['invalid_type before']],
    ['after missing', () => stageTransitionMatrix([], undefined as never), ['invalid_type after']],
    ['an entry that is not an object', () => stageTransitionMatrix([3 as never], []), ['invalid_type before.0']],
    ['unknown levels', () => stageTransitionMatrix([{ id: 'a', level: 0 as never }], [{ id: 'a', level: 7 as never }]), ['invalid_value before.0.level', 'invalid_value after.0.level']],
    ['a missing id', () => stageTransitionMatrix([{ level: 2 } as never], []), ['invalid_type before.0.id']],
    ['an id that is NaN', () => stageTransitionMatrix([{ id: Number.NaN, level: 2 }], []), ['invalid_type before.0.id']],
    ['an id that is an object', () => stageTransitionMatrix([], [{ id: {} as never, level: 2 }]), ['invalid_type after.0.id']],
    ['a duplicate id', () => stageTransitionMatrix([{ id: 'a', level: 2 }, { id: 'a', level: 3 }], []), ['invalid_structure before.1.id']],
    ['an unknown option', () => stageTransitionMatrix([], [], { lang: 'vi' } as never), ['unrecognized_key options.lang']],
    ['an unknown locale', () => stageTransitionMatrix([], [], { locale: 'jp' as never }), ['invalid_value options.locale']],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuesOf(fn)).toEqual(expected);
  });
});

describe('stageTransitionMatrix messages', () => {
  it('say what is wrong without the value', () => {
    expect(firstMessage(() => stageTransitionMatrix(undefined as never, []))).toBe('is required');
    expect(firstMessage(() => stageTransitionMatrix(2 as never, []))).toBe('must be an array of { id, level }');
    expect(firstMessage(() => stageTransitionMatrix([{ level: 1 }] as never, []))).toBe('is required');
    expect(firstMessage(() => stageTransitionMatrix([{ id: true, level: 1 }] as never, []))).toBe('must be a string or a finite number');
    expect(firstMessage(() => stageTransitionMatrix([{ id: 1, level: 1 }, { id: 1, level: 1 }], []))).toBe('duplicates the id of an earlier entry');
  });
});
