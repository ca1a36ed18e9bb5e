// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf, messagesOf } from '../../test/helpers/issues.js';
import { valueTiers, type ValueTierSpec, type ValueTiersOptions } from './valueTiers.js';

describe('valueTiers: the customer pyramid (../shared/REFERENCES.md, Segmentation; Zeithaml, Rust & Lemon 2001)', () => {
  it('platinum top 20%, gold next 30%, iron next 30%, lead bottom 20% by default', () => {
    // Ranked: 300 120 | 75 60 40 | 20 10 5 | 0 -30, total 600.
    const result = valueTiers([120, -30, 40, 10, 300, 0, 75, 20, 5, 60])!;
    expect(result.assignments).toEqual(['platinum', 'lead', 'gold', 'iron', 'platinum', 'lead', 'gold', 'iron', 'iron', 'gold']);
    expect(result.tiers.map((t) => [t.name, t.count, t.customerShare, t.total.toNumber()])).toEqual([
      ['platinum', 2, 0.2, 420],
      ['gold', 3, 0.3, 175],
      ['iron', 3, 0.3, 35],
      ['lead', 2, 0.2, -30],
    ]);
    // 420 / 600, 175 / 600, 35 / 600, -30 / 600.
    expect(result.tiers.map((t) => t.valueShare)).toEqual([0.7, 175 / 600, 35 / 600, -0.05]);
  });

  it('rounds tier sizes to whole customers: 7 customers give 1, 3, 2, 1', () => {
    // Cumulative shares 0.2, 0.5, 0.8, 1 of 7: round(1.4) = 1, round(3.5) = 4, round(5.6) = 6, 7.
    const result = valueTiers([7, 6, 5, 4, 3, 2, 1])!;
    expect(result.tiers.map((t) => t.count)).toEqual([1, 3, 2, 1]);
    expect(result.assignments).toEqual(['platinum', 'gold', 'gold', 'gold', 'iron', 'iron', 'lead']);
  });

  it('sends every unprofitable customer to the bottom tier', () => {
    // Ranked 10, 5, -1, -2, -3: by rank -1 would be gold and -2 iron; negatives go to lead.
    expect(valueTiers([10, -1, -2, -3, 5])!.assignments).toEqual(['platinum', 'lead', 'lead', 'lead', 'gold']);
  });

  it('takes any number of named tiers and keeps ties in input order', () => {
    const tiers = [
      { name: 'top', share: 0.5 },
      { name: 'bottom', share: 0.5 },
    ];
    expect(valueTiers([1, 1, 1, 1], { tiers })!.assignments).toEqual(['top', 'top', 'bottom', 'bottom']);
    expect(valueTiers(['3', '1', '2'], { tiers: [{ name: 'all', share: 1 }] })!.assignments).toEqual(['all', 'all', 'all']);
  });
});

describe('valueTiers: by cumulative value and by thresholds', () => {
  const byValue: ValueTiersOptions = {
    by: 'value',
    tiers: [
      { name: 'top', share: 0.8 },
      { name: 'middle', share: 0.15 },
      { name: 'low', share: 0.05 },
    ],
  };

  it('by value: the customer crossing a limit stays in the higher tier; negatives go to the bottom', () => {
    // Cumulative before each: 0, 50, 80, 90, 96 of 100; limits 80 and 95.
    expect(valueTiers([50, 30, 10, 6, 4], byValue)!.assignments).toEqual(['top', 'top', 'middle', 'middle', 'low']);
    // Limits are shares of the positive value (100); the -20 is low.
    const withLoss = valueTiers([50, 30, 10, 6, 4, -20], byValue)!;
    expect(withLoss.assignments).toEqual(['top', 'top', 'middle', 'middle', 'low', 'low']);
    // Net total 80: top holds 80 / 80, low 4 - 20 = -16 of 80.
    expect(withLoss.tiers.map((t) => t.valueShare)).toEqual([1, 0.2, -0.2]);
    // Zero-valued customers after the value runs out fall to the bottom tier.
    expect(valueTiers([10, 0, 0], byValue)!.assignments).toEqual(['top', 'low', 'low']);
  });

  it('by thresholds: the first tier whose minimum the value reaches', () => {
    const tiers: ValueTierSpec[] = [{ name: 'vip', min: '100' }, { name: 'regular', min: 10 }, { name: 'rest' }];
    expect(valueTiers([500, 100, '99.99', 10, 0, -5], { by: 'thresholds', tiers })!.assignments).toEqual(['vip', 'vip', 'regular', 'regular', 'rest', 'rest']);
    // A negative threshold keeps small losses out of the last tier.
    expect(valueTiers([-1, -10], { by: 'thresholds', tiers: [{ name: 'ok', min: -5 }, { name: 'loss' }] })!.assignments).toEqual(['ok', 'loss']);
  });
});

describe('valueTiers: the whale curve', () => {
  it('peaks above 100% when some customers destroy value', () => {
    // Ranked 50 30 10 6 4 -20: cumulative 50 80 90 96 100 80 of a net 80.
    const whale = valueTiers([50, 30, 10, 6, 4, -20])!.whaleCurve!;
    expect(whale.peakValueShare).toBe(1.25);
    expect(whale.peakCustomerShare).toBe(5 / 6);
    expect(whale.points.map((p) => p.valueShare)).toEqual([0, 0.625, 1, 1.125, 1.2, 1.25, 1]);
    expect(whale.points.map((p) => p.customerShare)).toEqual([0, 1 / 6, 2 / 6, 3 / 6, 4 / 6, 5 / 6, 1]);
  });

  it('peaks at 100% at the last customer with value when nobody destroys value', () => {
    const whale = valueTiers([3, 1, 0])!.whaleCurve!;
    expect(whale.peakValueShare).toBe(1);
    expect(whale.peakCustomerShare).toBe(2 / 3);
    expect(whale.points).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 1 / 3, valueShare: 0.75 },
      { customerShare: 2 / 3, valueShare: 1 },
      { customerShare: 1, valueShare: 1 },
    ]);
  });

  it('is down-sampled to 101 points and undefined when the total is not positive', () => {
    const many = Array.from({ length: 1000 }, (_, i) => 1000 - i);
    const whale = valueTiers(many)!.whaleCurve!;
    expect(whale.points).toHaveLength(101);
    expect(whale.points[50]!.customerShare).toBe(0.5);
    expect(whale.points[100]).toEqual({ customerShare: 1, valueShare: 1 });
    const none = valueTiers([1, -1])!;
    expect(none.whaleCurve).toBeUndefined();
    expect(none.tiers[0]!.valueShare).toBeUndefined();
    expect(valueTiers([-1, -2])!.whaleCurve).toBeUndefined();
  });

  it('returns undefined without customers', () => {
    expect(valueTiers([])).toBeUndefined();
  });
});

describe('valueTiers: properties (fast-check, fixed seeds)', () => {
  const options = fc.constantFrom<ValueTiersOptions | undefined>(
    undefined,
    { by: 'value', tiers: [{ name: 'a', share: 0.6 }, { name: 'b', share: 0.3 }, { name: 'c', share: 0.1 }] },
    { by: 'thresholds', tiers: [{ name: 'a', min: 500 }, { name: 'b', min: 0 }, { name: 'c' }] },
    { tiers: [{ name: 'a', share: 0.1 }, { name: 'b', share: 0.9 }] },
  );

  it('partitions the customers and is monotone in value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -200, max: 1000 }), { minLength: 1, maxLength: 40 }), options, (xs, opts) => {
        const result = valueTiers(xs, opts)!;
        const names = result.tiers.map((t) => t.name);
        expect(result.assignments).toHaveLength(xs.length);
        expect(result.tiers.reduce((n, t) => n + t.count, 0)).toBe(xs.length);
        for (const t of result.tiers) expect(result.assignments.filter((a) => a === t.name)).toHaveLength(t.count);
        const rank = result.assignments.map((a) => names.indexOf(a));
        for (let i = 0; i < xs.length; i++) {
          expect(rank[i]).toBeGreaterThanOrEqual(0);
          for (let j = 0; j < xs.length; j++) if (xs[i]! > xs[j]!) expect(rank[i]).toBeLessThanOrEqual(rank[j]!);
          if (xs[i]! < 0 && opts?.by !== 'thresholds') expect(rank[i]).toBe(names.length - 1);
        }
      }),
      { seed: 81, numRuns: 100 },
    );
  });
});

describe('valueTiers: bad input', () => {
  it.each([
    ['NaN', [Number.NaN], undefined, [['not_finite', ['values', 0]]]],
    ['shares that do not add up to 1', [1], { tiers: [{ name: 'a', share: 0.5 }, { name: 'b', share: 0.4 }] }, [['invalid_structure', ['options', 'tiers']]]],
    ['a missing share', [1], { tiers: [{ name: 'a', share: 1 }, { name: 'b' }] }, [['invalid_structure', ['options', 'tiers', 1, 'share']]]],
    ['a zero share', [1], { tiers: [{ name: 'a', share: 1 }, { name: 'b', share: 0 }] }, [['too_small', ['options', 'tiers', 1, 'share']]]],
    ['by value without tiers', [1], { by: 'value' }, [['invalid_structure', ['options', 'tiers']]]],
    ['by thresholds without tiers', [1], { by: 'thresholds' }, [['invalid_structure', ['options', 'tiers']]]],
    [
      'thresholds out of order',
      [1],
      { by: 'thresholds', tiers: [{ name: 'a', min: 10 }, { name: 'b', min: 100 }, { name: 'c' }] },
      [['invalid_order', ['options', 'tiers', 1, 'min']]],
    ],
    ['equal thresholds', [1], { by: 'thresholds', tiers: [{ name: 'a', min: 10 }, { name: 'b', min: '10.0' }, { name: 'c' }] }, [['invalid_order', ['options', 'tiers', 1, 'min']]]],
    ['a missing threshold', [1], { by: 'thresholds', tiers: [{ name: 'a' }, { name: 'b' }] }, [['invalid_structure', ['options', 'tiers', 0, 'min']]]],
    ['a threshold on the last tier', [1], { by: 'thresholds', tiers: [{ name: 'a', min: 5 }, { name: 'b', min: 1 }] }, [['invalid_structure', ['options', 'tiers', 1, 'min']]]],
    ['a threshold that is not an amount', [1], { by: 'thresholds', tiers: [{ name: 'a', min: 'ten' }, { name: 'b' }] }, [['invalid_type', ['options', 'tiers', 0, 'min']]]],
    ['repeated names', [1], { tiers: [{ name: 'a', share: 0.5 }, { name: 'a', share: 0.5 }] }, [['invalid_structure', ['options', 'tiers', 1, 'name']]]],
    ['an empty name', [1], { tiers: [{ name: '', share: 1 }] }, [['too_small', ['options', 'tiers', 0, 'name']]]],
    ['no tiers', [1], { tiers: [] }, [['too_small', ['options', 'tiers']]]],
    ['an unknown method', [1], { by: 'rank' }, [['invalid_value', ['options', 'by']]]],
  ])('rejects %s', (_, values, options, expected) => {
    expect(issuesOf(() => valueTiers(values as never, options as never))).toEqual(expected);
  });
});

describe('valueTiers: messages and edge cases', () => {
  it('says what is wrong with the tiers', () => {
    expect(messagesOf(() => valueTiers([1], { by: 'value' }))).toEqual(['options.tiers: is required with this way of assigning tiers']);
    expect(messagesOf(() => valueTiers([1], { tiers: [{ name: 'a', share: 0.5 }, { name: 'a' }] }))).toEqual([
      'options.tiers.1.name: must be unique',
      'options.tiers.1.share: is required with this way of assigning tiers',
      'options.tiers: tier shares must add up to 1',
    ]);
    expect(
      messagesOf(() => valueTiers([1], { by: 'thresholds', tiers: [{ name: 'a', min: 1 }, { name: 'b', min: 2 }, { name: 'c' }, { name: 'd', min: 0 }] })),
    ).toEqual([
      'options.tiers.1.min: must be below the minimum of the tier above',
      'options.tiers.2.min: is required on every tier but the last',
      'options.tiers.3.min: must be omitted on the last tier, which takes every remaining customer',
    ]);
  });

  it('accepts shares that add up to 1 up to rounding (ten tiers of 0.1)', () => {
    const tiers = Array.from({ length: 10 }, (_, i) => ({ name: `t${i}`, share: 0.1 }));
    expect(valueTiers(Array.from({ length: 10 }, (_, i) => 10 - i), { tiers })!.assignments).toEqual(tiers.map((t) => t.name));
  });

  it('treats a negative zero as break-even, not as a loss', () => {
    const tiers = [
      { name: 'a', share: 0.5 },
      { name: 'b', share: 0.5 },
    ];
    expect(valueTiers([-0, -1], { tiers })!.assignments).toEqual(['a', 'b']);
  });
});
