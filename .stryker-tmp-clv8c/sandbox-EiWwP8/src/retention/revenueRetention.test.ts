// @ts-nocheck
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../test/helpers/retention-issues.js';
import { revenueRetention } from './revenueRetention.js';

describe('revenueRetention', () => {
  // REFERENCES.md, ChartMogul help: MRR at start 100; churned 10, contraction 10, expansion 10:
  // gross MRR churn (10 + 10) / 100 = 20%, net (10 + 10 - 10) / 100 = 10%, GRR 80%, NRR 90%.
  it('reproduces ChartMogul (REFERENCES.md, ChartMogul help)', () => {
    expect(revenueRetention({ startingMrr: 100, churned: 10, contraction: 10, expansion: 10 })).toEqual({
      grossMrrChurnRate: 0.2,
      netMrrChurnRate: 0.1,
      grossRevenueRetention: 0.8,
      netRevenueRetention: 0.9,
      quickRatio: 0.5, // (0 new + 10 expansion) / 20 lost
    });
  });

  // REFERENCES.md, ChartMogul help (daily-compounded B2C churn): MRR 100 at the start of a day, 95 at
  // its end: 5% for that day.
  it('gives 5% for a day from 100 to 95 (REFERENCES.md, ChartMogul help)', () => {
    expect(revenueRetention({ startingMrr: 100, churned: 5, contraction: 0, expansion: 0 }).grossMrrChurnRate).toBe(0.05);
  });

  // start 1000.10, churned 50.05, contraction 0.05, expansion 200.10, reactivation 10, new 100:
  // lost 50.10; gross 50.10 / 1000.10; net (50.10 - 210.10) / 1000.10 = -160 / 1000.10;
  // quick (100 + 200.10 + 10) / 50.10.
  it('adds money exactly, with reactivation, new MRR and a passed-through endingMrr', () => {
    const r = revenueRetention({
      startingMrr: '1000.10',
      churned: new Decimal('50.05'),
      contraction: 0.05,
      expansion: '200.10',
      reactivation: 10,
      newMrr: 100,
      endingMrr: 1260.1,
    });
    expect(r.grossMrrChurnRate).toBe(new Decimal('50.10').div('1000.10').toNumber());
    expect(r.netMrrChurnRate).toBe(new Decimal(-160).div('1000.10').toNumber());
    expect(r.grossRevenueRetention).toBe(new Decimal('950').div('1000.10').toNumber());
    expect(r.netRevenueRetention).toBe(new Decimal('1160.10').div('1000.10').toNumber());
    expect(r.quickRatio).toBe(new Decimal('310.10').div('50.10').toNumber());
    // 0.1 + 0.2 in floating point is 0.30000000000000004; in decimal it is 0.3.
    expect(revenueRetention({ startingMrr: 1, churned: 0.1, contraction: 0.2, expansion: 0 }).grossRevenueRetention).toBe(0.7);
  });

  it('returns undefined ratios for zero starting MRR or nothing lost', () => {
    expect(revenueRetention({ startingMrr: 0, churned: 0, contraction: 0, expansion: 5, newMrr: 3 })).toEqual({
      grossMrrChurnRate: undefined,
      netMrrChurnRate: undefined,
      grossRevenueRetention: undefined,
      netRevenueRetention: undefined,
      quickRatio: undefined,
    });
    expect(revenueRetention({ startingMrr: 50, churned: 0, contraction: 0, expansion: 5 })).toEqual({
      grossMrrChurnRate: 0,
      netMrrChurnRate: -0.1,
      grossRevenueRetention: 1,
      netRevenueRetention: 1.1,
      quickRatio: undefined,
    });
  });

  it('GRR stays in [0, 1], GRR <= NRR, and gross + GRR = 1 (property, seed 11)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.nat(1e6), fc.nat(1e6), fc.nat(1e6), (start, a, b, expansion) => {
        const churned = a % (start + 1);
        const contraction = b % (start - churned + 1);
        const r = revenueRetention({ startingMrr: start, churned, contraction, expansion });
        const grr = r.grossRevenueRetention as number;
        return grr >= 0 && grr <= 1 && grr <= (r.netRevenueRetention as number) && Math.abs((r.grossMrrChurnRate as number) + grr - 1) < 1e-15;
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it.each([
    ['missing movements', () => revenueRetention(undefined as never), [['invalid_type', ['movements']]]],
    ['an array', () => revenueRetention([] as never), [['invalid_type', ['movements']]]],
    ['missing required amounts', () => revenueRetention({ startingMrr: 1 } as never), [
      ['invalid_type', ['movements', 'churned']],
      ['invalid_type', ['movements', 'contraction']],
      ['invalid_type', ['movements', 'expansion']],
    ]],
    ['negative, NaN and non-numeric amounts', () => revenueRetention({ startingMrr: -1, churned: Number.NaN, contraction: 'ten', expansion: 0, reactivation: -2 } as never), [
      ['too_small', ['movements', 'startingMrr']],
      ['not_finite', ['movements', 'churned']],
      ['invalid_type', ['movements', 'contraction']],
      ['too_small', ['movements', 'reactivation']],
    ]],
    ['unknown key', () => revenueRetention({ startingMrr: 1, churned: 0, contraction: 0, expansion: 0, downgrades: 1 } as never), [['unrecognized_key', ['movements', 'downgrades']]]],
    ['losses above the starting MRR', () => revenueRetention({ startingMrr: 10, churned: 6, contraction: 5, expansion: 0 }), [['invalid_structure', ['movements', 'churned']]]],
  ])('rejects %s', (_, fn, expected) => {
    expect(issuePairs(fn)).toEqual(expected);
  });

  it('says what is wrong without echoing values', () => {
    expect(() => revenueRetention(undefined as never)).toThrow('movements: is required');
    expect(() => revenueRetention(null as never)).toThrow('movements: must be an object');
    expect(() => revenueRetention({ startingMrr: 1, churned: 0, contraction: 0 } as never)).toThrow('movements.expansion: is required');
    expect(() => revenueRetention({ startingMrr: 1, churned: 0, contraction: 0, expansion: 0, x: 1 } as never)).toThrow('movements.x: is not a known movement');
    expect(() => revenueRetention({ startingMrr: 1, churned: 1, contraction: 1, expansion: 0 })).toThrow('movements.churned: churned plus contraction must not exceed the starting MRR');
  });

  it('accepts losses equal to the starting MRR', () => {
    expect(revenueRetention({ startingMrr: 10, churned: 6, contraction: 4, expansion: 0 }).grossRevenueRetention).toBe(0);
  });
});
