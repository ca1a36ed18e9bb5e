/**
 * The need-level charts' spec content (needLevelDistributionChart, needLevelFunnelChart,
 * stageTransitionChart): bars and their labels with shares worked out, the count axis with room
 * for the labels, the symmetric funnel, the transition heat map's row shares and text colours, the
 * sizes, titles and descriptions in both locales, and the issue paths.
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { levelLabel } from './_internal/levels.js';
import { needLevelDistributionChart, needLevelFunnelChart, stageTransitionChart } from './index.js';

type Layer = { mark: Record<string, unknown>; encoding: Record<string, Record<string, unknown>> };

describe('needLevelDistributionChart', () => {
  // 10 contacts: 2 at level 1, 5 at level 3, 3 at level 6; none at 2, 4, 5
  const distribution = { levels: [{ level: 3, count: 5 }, { level: 1, count: 2 }, { level: 6, count: 3 }] } as never;

  it('six bars, level 1 first, count and share of all contacts in the label', () => {
    const spec = needLevelDistributionChart(distribution);
    expect(dataOf(spec)).toEqual([
      { level: levelLabel(1, 'en'), count: 2, label: '2 (20.0%)' },
      { level: levelLabel(2, 'en'), count: 0, label: '0 (0.0%)' },
      { level: levelLabel(3, 'en'), count: 5, label: '5 (50.0%)' },
      { level: levelLabel(4, 'en'), count: 0, label: '0 (0.0%)' },
      { level: levelLabel(5, 'en'), count: 0, label: '0 (0.0%)' },
      { level: levelLabel(6, 'en'), count: 3, label: '3 (30.0%)' },
    ]);
    const [bars, labels] = spec.layer as Layer[];
    expect(bars!.mark).toEqual({ type: 'bar', color: '#0072B2' });
    // the count axis runs to ceil(5 * 1.25) = 7: room for the labels
    expect(bars!.encoding.x).toEqual({ field: 'count', type: 'quantitative', scale: { domain: [0, 7], nice: false }, title: 'Contacts (count)' });
    expect(bars!.encoding.y).toEqual({ field: 'level', type: 'nominal', sort: null, title: null, axis: { labelLimit: 520 } });
    expect(labels!.mark).toEqual({ type: 'text', align: 'left', dx: 4, fontSize: 11 });
    expect(labels!.encoding.text).toEqual({ field: 'label', type: 'nominal' });
    expect([spec.width, spec.height]).toEqual([360, 192]);
    expect(spec.title.text).toBe('Customers by need level');
    expect(spec.description).toBe(`Bar chart of 10 contacts over the six need levels: ${dataOf<{ level: string; label: string }>(spec).map((v) => `${v.level}: ${v.label}`).join('; ')}.`);
    expect(spec.description).toContain('3 (30.0%).');
  });

  it('no contacts: dashes instead of shares, an axis to 2 (ceil(1 * 1.25)); sizes given; Vietnamese', () => {
    const empty = needLevelDistributionChart({ levels: [{ level: 2, count: 0 }] } as never, { width: 500, height: 300 });
    expect(dataOf<{ label: string }>(empty).map((v) => v.label)).toEqual(['0 (-)', '0 (-)', '0 (-)', '0 (-)', '0 (-)', '0 (-)']);
    expect(((empty.layer as Layer[])[0]!.encoding.x!.scale as { domain: number[] }).domain).toEqual([0, 2]);
    expect([empty.width, empty.height]).toEqual([500, 300]);
    const vi = needLevelDistributionChart(distribution, { locale: 'vi' });
    expect(vi.title.text).toBe('Khách hàng theo cấp độ nhu cầu');
    expect(vi.description).toMatch(/^Biểu đồ cột của 10 khách hàng theo sáu cấp độ nhu cầu: /);
    expect(dataOf<{ level: string; label: string }>(vi)[0]).toEqual({ level: levelLabel(1, 'vi'), count: 2, label: '2 (20,0%)' });
    expect((vi.layer as Layer[])[0]!.encoding.x!.title).toBe('Số khách hàng');
  });

  it('bad input: a level twice', () => {
    expect(issueSummaries(() => needLevelDistributionChart({ levels: [{ level: 1, count: 2 }, { level: 1, count: 3 }] } as never))).toEqual(['invalid_value distribution.levels.1.level']);
  });
});

describe('needLevelFunnelChart', () => {
  // 100 contacts reach level 2, 40 of them level 3 (40%), 10 level 4 (25%); 10% overall
  const funnel = {
    contacts: 100,
    steps: [
      { level: 2, count: 100, conversionFromPrevious: undefined, conversionFromFirst: 1 },
      { level: 3, count: 40, conversionFromPrevious: 0.4, conversionFromFirst: 0.4 },
      { level: 4, count: 10, conversionFromPrevious: 0.25, conversionFromFirst: 0.1 },
    ],
  } as never;

  it('centred bars from -count/2 to count/2, labels with the step conversion', () => {
    const spec = needLevelFunnelChart(funnel);
    expect(dataOf(spec)).toEqual([
      { level: levelLabel(2, 'en'), count: 100, center: 0, left: -50, right: 50, label: '100' },
      { level: levelLabel(3, 'en'), count: 40, center: 0, left: -20, right: 20, label: '40 (40.0%)' },
      { level: levelLabel(4, 'en'), count: 10, center: 0, left: -5, right: 5, label: '10 (25.0%)' },
    ]);
    const [bars, labels] = spec.layer as Layer[];
    expect(bars!.mark).toEqual({ type: 'bar', color: '#009E73' });
    expect(bars!.encoding.x).toEqual({ field: 'left', type: 'quantitative', scale: { domain: [-50, 50] }, axis: null, title: 'Contacts (count)' });
    expect(bars!.encoding.x2).toEqual({ field: 'right' });
    expect(bars!.encoding.y).toEqual({ field: 'level', type: 'nominal', sort: null, title: null, axis: { labelLimit: 520 } });
    expect(labels!.mark).toEqual({ type: 'text', fontSize: 11, color: '#000000' });
    expect(labels!.encoding.x!.field).toBe('center');
    expect(labels!.encoding.text).toEqual({ field: 'label', type: 'nominal' });
    expect(spec.height).toBe(120);
    expect(spec.title.text).toBe('Need-level funnel');
    expect(spec.title.subtitle).toBe('Contacts reaching each level; in brackets: share of the previous level');
    expect(spec.description).toBe(`Funnel of 100 contacts from ${levelLabel(2, 'en')} to ${levelLabel(4, 'en')}: ${levelLabel(2, 'en')} 100; ${levelLabel(3, 'en')} 40 (40.0%); ${levelLabel(4, 'en')} 10 (25.0%); 10.0% overall.`);
  });

  it('one step: no conversion, height at least 80, or as given; Vietnamese', () => {
    const one = needLevelFunnelChart({ contacts: 5, steps: [{ level: 1, count: 5, conversionFromPrevious: undefined, conversionFromFirst: undefined }] } as never);
    expect(dataOf<{ label: string }>(one)[0]!.label).toBe('5');
    expect(one.description).toBe(`Funnel of 5 contacts from ${levelLabel(1, 'en')} to ${levelLabel(1, 'en')}: ${levelLabel(1, 'en')} 5.`);
    expect(one.height).toBe(80);
    // nobody at all: the scale still spans -0.5..0.5
    const none = needLevelFunnelChart({ contacts: 0, steps: [{ level: 1, count: 0, conversionFromPrevious: undefined, conversionFromFirst: undefined }] } as never, { height: 99 });
    expect(((none.layer as Layer[])[0]!.encoding.x!.scale as { domain: number[] }).domain).toEqual([-0.5, 0.5]);
    expect(none.height).toBe(99);
    const vi = needLevelFunnelChart(funnel, { locale: 'vi' });
    expect(vi.title.text).toBe('Phễu cấp độ nhu cầu');
    expect(vi.title.subtitle).toBe('Số khách hàng đạt mỗi cấp độ; trong ngoặc: tỷ lệ so với cấp độ trước');
    expect(vi.description).toMatch(/^Phễu của 100 khách hàng từ .*; tổng cộng 10,0%\.$/);
    expect(dataOf<{ label: string }>(vi)[1]!.label).toBe('40 (40,0%)');
    expect((vi.layer as Layer[])[0]!.encoding.x!.title).toBe('Số khách hàng');
  });

  it('bad input: levels that skip', () => {
    expect(issueSummaries(() => needLevelFunnelChart({ contacts: 1, steps: [{ level: 1, count: 1 }, { level: 3, count: 1 }] } as never))).toEqual(['invalid_order funnel.steps.1.level']);
  });
});

describe('stageTransitionChart', () => {
  // row 1: 3 stay, 1 moves up to 2 (75% / 25%); row 2: 2 move to 3; rows 3-6 empty
  const counts = [
    [3, 1, 0, 0, 0, 0],
    [0, 0, 2, 0, 0, 0],
    [0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0],
  ];

  it('a cell per non-zero count with its row share; dark cells get white text', () => {
    const spec = stageTransitionChart({ counts } as never);
    expect(dataOf(spec)).toEqual([
      { from: levelLabel(1, 'en'), to: 1, count: 3, share: 0.75, label: '75% (3)' },
      { from: levelLabel(1, 'en'), to: 2, count: 1, share: 0.25, label: '25% (1)' },
      { from: levelLabel(2, 'en'), to: 3, count: 2, share: 1, label: '100% (2)' },
    ]);
    const [cells, text] = spec.layer as Layer[];
    expect(cells!.mark).toEqual({ type: 'rect' });
    expect(cells!.encoding.color).toEqual({ field: 'share', type: 'quantitative', title: 'Row share', scale: { scheme: 'viridis', domain: [0, 1] }, legend: { format: '.0%', orient: 'right' } });
    expect(cells!.encoding.x).toEqual({ field: 'to', type: 'ordinal', scale: { domain: [1, 2, 3, 4, 5, 6] }, title: 'Level after (number as in the rows)', axis: { labelAngle: 0, orient: 'top' } });
    expect(text!.mark).toEqual({ type: 'text', fontSize: 10 });
    expect(text!.encoding.color).toEqual({ condition: { test: 'datum.share < 0.5', value: '#ffffff' }, value: '#000000' });
    expect(text!.encoding.text).toEqual({ field: 'label', type: 'nominal' });
    expect([spec.width, spec.height]).toEqual([420, 300]);
    expect(spec.title.text).toBe('Moves between need levels');
    expect(spec.title.subtitle).toBe('Rows: level before; columns: level after; cells: share of the row (count)');
    // 6 contacts, 3 stayed: 50.0%
    expect(spec.description).toBe('Heat map of 6 contacts by need level before (rows) and after (columns); 50.0% stayed at their level.');
  });

  it('no contacts: 0% stayed; sizes given; Vietnamese', () => {
    const zero = stageTransitionChart({ counts: counts.map((r) => r.map(() => 0)) } as never, { width: 500, height: 400 });
    expect(dataOf(zero)).toEqual([]);
    expect(zero.description).toBe('Heat map of 0 contacts by need level before (rows) and after (columns); 0% stayed at their level.');
    expect([zero.width, zero.height]).toEqual([500, 400]);
    const vi = stageTransitionChart({ counts } as never, { locale: 'vi' });
    expect(vi.title.text).toBe('Chuyển dịch giữa các cấp độ nhu cầu');
    expect(vi.title.subtitle).toBe('Hàng: cấp độ trước; cột: cấp độ sau; ô: tỷ lệ của hàng (số lượng)');
    expect(vi.description).toBe('Bản đồ nhiệt của 6 khách hàng theo cấp độ nhu cầu trước (hàng) và sau (cột); 50,0% giữ nguyên cấp độ.');
    const [cells] = vi.layer as Layer[];
    expect(cells!.encoding.color!.title).toBe('Tỷ lệ hàng');
    expect(cells!.encoding.x!.title).toBe('Cấp độ sau (số như ở các hàng)');
  });
});
