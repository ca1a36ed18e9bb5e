// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { NEED_LEVELS } from './needLevels.js';

describe('NEED_LEVELS', () => {
  it('lists the six levels in order with unique stable keys', () => {
    expect(NEED_LEVELS.map((row) => row.level)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(NEED_LEVELS.map((row) => row.key)).toEqual([
      'no-problem',
      'problem-no-need',
      'seeking-solution',
      'seeking-brand',
      'deciding',
      'deciding-repurchase',
    ]);
  });

  it('carries the Vietnamese labels exactly as the source articles give them', () => {
    // Source: the project's source articles, quoted in issue 5.
    expect(NEED_LEVELS.map((row) => row.label.vi)).toEqual([
      'Không có vấn đề',
      'Có vấn đề, không có nhu cầu',
      'Có nhu cầu, đang tìm kiếm giải pháp',
      'Đã biết giải pháp, đang tìm kiếm thương hiệu',
      'Đã biết đến thương hiệu, đang phân vân ra quyết định',
      'Đã mua sản phẩm, đang phân vân mua lại',
    ]);
    for (const row of NEED_LEVELS) expect(row.label.vi).toBe(row.label.vi.normalize('NFC'));
  });

  it('has English labels, descriptions in both languages, an engagement goal and the framework mapping', () => {
    expect(NEED_LEVELS.map((row) => row.label.en)).toEqual([
      'No problem',
      'Has a problem, no need yet',
      'Has a need, looking for a solution',
      'Knows the solution, looking for a brand',
      'Knows the brand, deciding',
      'Has bought, deciding whether to buy again',
    ]);
    for (const row of NEED_LEVELS) {
      expect(row.description.en.length).toBeGreaterThan(20);
      expect(row.description.vi.length).toBeGreaterThan(20);
      expect(row.engagementGoal.length).toBeGreaterThan(20);
    }
    expect(NEED_LEVELS.map((row) => row.frameworks.schwartzAwareness)).toEqual([
      'Unaware',
      'Problem aware',
      'Problem aware, actively searching',
      'Solution aware',
      'Product aware',
      'Most aware',
    ]);
    expect(NEED_LEVELS.map((row) => row.frameworks.kotlerBuyingProcess)).toEqual([
      'Before need recognition',
      'Need recognition (problem noticed, need not yet felt)',
      'Information search',
      'Evaluation of alternatives',
      'Purchase decision',
      'Post-purchase behaviour',
    ]);
    expect(NEED_LEVELS[5]?.frameworks.mckinseyDecisionJourney).toMatch(/loyalty loop/);
    expect(NEED_LEVELS[4]?.frameworks.mckinseyDecisionJourney).toMatch(/loyalty loop/);
    expect(NEED_LEVELS[5]?.frameworks.hubspotLifecycleStage).toMatch(/^Customer/);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(NEED_LEVELS)).toBe(true);
    for (const row of NEED_LEVELS) {
      expect(Object.isFrozen(row)).toBe(true);
      expect(Object.isFrozen(row.label)).toBe(true);
      expect(Object.isFrozen(row.description)).toBe(true);
      expect(Object.isFrozen(row.frameworks)).toBe(true);
    }
    expect(() => {
      (NEED_LEVELS[0] as { key: string }).key = 'x';
    }).toThrow(TypeError);
  });
});
