/**
 * kaplanMeierChart's spec content: the step curve with its confidence band and censoring ticks, the
 * at-risk table under it (round times, the number still followed at each), the median in the
 * subtitle and description, the options that drop the band or the table, the time unit, and the
 * Vietnamese texts. A hand-made curve, figures worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { kaplanMeierChart } from './index.js';

// 5 customers: events at 2 and 5, censored at 3 (two) and 7 (one).
// S(2) = 0.8, S(3) = 0.8, S(5) = 0.4 (median: first S <= 0.5 at 5), S(7) = 0.4.
const curve = {
  time: [2, 3, 5, 7],
  atRisk: [5, 4, 2, 1],
  events: [1, 0, 1, 0],
  censored: [0, 2, 0, 1],
  survival: [0.8, 0.8, 0.4, 0.4],
  lower: [0.5, 0.5, 0.1, 0.1],
  upper: [0.95, 0.95, 0.8, 0.8],
  confidenceLevel: 0.9,
} as never;

type View = { width?: number; height?: number; data: { values: Record<string, unknown>[] }; layer?: Layer[]; mark?: Record<string, unknown>; encoding?: Record<string, Record<string, unknown>>; title?: Record<string, unknown> };
type Layer = { transform?: unknown[]; data?: { values: Record<string, unknown>[] }; mark: Record<string, unknown>; encoding: Record<string, Record<string, unknown>> };

describe('kaplanMeierChart', () => {
  it('band, step line and censoring ticks above an at-risk table', () => {
    const spec = kaplanMeierChart(curve);
    const [plot, table] = spec.vconcat as View[];
    expect(spec.spacing).toBe(6);
    expect('width' in spec).toBe(false);
    expect([plot!.width, plot!.height]).toEqual([480, 280]);
    expect(plot!.data.values).toEqual([
      { time: 0, survival: 1, lower: 1, upper: 1 },
      { time: 2, survival: 0.8, lower: 0.5, upper: 0.95 },
      { time: 3, survival: 0.8, lower: 0.5, upper: 0.95 },
      { time: 5, survival: 0.4, lower: 0.1, upper: 0.8 },
      { time: 7, survival: 0.4, lower: 0.1, upper: 0.8 },
    ]);
    const [band, line, ticks] = plot!.layer!;
    expect(band!.transform).toEqual([{ filter: 'datum.lower != null && datum.upper != null' }]);
    expect(band!.mark).toEqual({ type: 'area', interpolate: 'step-after', opacity: 0.2, color: '#0072B2' });
    expect(band!.encoding.y).toEqual({ type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: 'Survival (% still active)', field: 'lower' });
    expect(band!.encoding.y2).toEqual({ field: 'upper' });
    expect(band!.encoding.x).toEqual({ field: 'time', type: 'quantitative', scale: { domain: [0, 7], nice: false }, title: 'Time (months)' });
    expect(line!.mark).toEqual({ type: 'line', interpolate: 'step-after', color: '#0072B2', strokeWidth: 2 });
    expect(line!.encoding.y!.field).toBe('survival');
    expect(ticks!.data!.values).toEqual([
      { time: 3, survival: 0.8, censored: 2 },
      { time: 7, survival: 0.4, censored: 1 },
    ]);
    expect(ticks!.mark).toEqual({ type: 'point', shape: 'M0,-1V1', size: 40, strokeWidth: 1.2, color: '#000000' });
    // 480 / 48 = 10 ticks wanted over 0..7: steps of 1 (0.7 -> 1)
    expect(table!.data.values.map((r) => [r.time, r.atRisk, r.label])).toEqual([
      [0, 5, '5'],
      [1, 5, '5'],
      [2, 5, '5'],
      [3, 4, '4'],
      [4, 2, '2'],
      [5, 2, '2'],
      [6, 1, '1'],
      [7, 1, '1'],
    ]);
    expect([table!.width, table!.height]).toEqual([480, 24]);
    expect(table!.mark).toEqual({ type: 'text', fontSize: 11 });
    expect(table!.encoding!.x!.axis).toBeNull();
    expect(table!.encoding!.text).toEqual({ field: 'label', type: 'nominal' });
    expect(table!.title).toEqual({ text: 'Number at risk', fontSize: 11, anchor: 'start', orient: 'top' });
    expect(spec.title.text).toBe('Customer survival (Kaplan-Meier)');
    expect(spec.title.subtitle).toBe('5 subjects, 2 events, 3 censored; median 5 months');
    expect(spec.description).toBe('Step chart of the share of customers still active over time, from 100% at 0 to 40.0% at 7 months, with a 90% confidence band and ticks at censoring times; median 5 months.');
  });

  it('a narrow chart asks for at least 3 ticks', () => {
    const [, table] = kaplanMeierChart(curve, { width: 100 }).vconcat as View[];
    // 100 / 48 -> 2, at least 3: 7 / 3 = 2.33 -> steps of 5
    expect(table!.data.values.map((r) => r.time)).toEqual([0, 5]);
  });

  it('without band or table; no censoring; median not reached; fractional counts; days', () => {
    const plain = kaplanMeierChart(curve, { showInterval: false, showAtRisk: false, timeUnit: 'day' });
    expect(plain.vconcat).toBeUndefined();
    expect([plain.width, plain.height]).toEqual([480, 280]);
    expect((plain.layer as Layer[]).map((l) => l.mark.type)).toEqual(['line', 'point']);
    expect(plain.description).toMatch(/at 7 days, with a 90% confidence band/);
    const high = { time: [1, 2.5], atRisk: [2.5, 1], events: [0.5, 0], censored: [0, 1], survival: [0.8, 0.8], lower: [0.6, 0.6], upper: [0.9, 0.9], confidenceLevel: 0.95 } as never;
    const spec = kaplanMeierChart(high, { showAtRisk: false });
    expect(spec.title.subtitle).toBe('2.5 subjects, 0.5 events, 1 censored; median not reached');
    expect(spec.description).toBe('Step chart of the share of customers still active over time, from 100% at 0 to 80.0% at 2.5 months, with a 95% confidence band and ticks at censoring times; median not reached.');
    const noCensor = kaplanMeierChart({ ...(curve as object), censored: [0, 0, 0, 0] } as never, { showAtRisk: false });
    expect((noCensor.layer as Layer[]).map((l) => l.mark.type)).toEqual(['area', 'line']);
  });

  it('a curve at time 0 only: the time axis still spans 0..1', () => {
    const zero = { time: [0], atRisk: [3], events: [3], censored: [0], survival: [0], lower: [0], upper: [0], confidenceLevel: 0.95 } as never;
    const spec = kaplanMeierChart(zero, { showAtRisk: false });
    expect(((spec.layer as Layer[])[0]!.encoding.x!.scale as { domain: number[] }).domain).toEqual([0, 1]);
    expect(spec.title.subtitle).toBe('3 subjects, 3 events, 0 censored; median 0 months');
  });

  it('in Vietnamese', () => {
    const spec = kaplanMeierChart(curve, { locale: 'vi', timeUnit: 'week' });
    expect(spec.title.text).toBe('Tỷ lệ khách hàng còn lại (Kaplan-Meier)');
    expect(spec.title.subtitle).toBe('5 đối tượng, 2 lần rời bỏ, 3 bị kiểm duyệt; trung vị 5 tuần');
    expect(spec.description).toBe('Biểu đồ bậc thang tỷ lệ khách hàng còn hoạt động theo thời gian, từ 100% tại 0 đến 40,0% tại 7 tuần, kèm dải tin cậy 90% và vạch tại các thời điểm bị kiểm duyệt; trung vị 5 tuần.');
    const [plot, table] = spec.vconcat as View[];
    expect(plot!.layer![1]!.encoding.x!.title).toBe('Thời gian (tuần)');
    expect(plot!.layer![1]!.encoding.y!.title).toBe('Tỷ lệ còn lại (% còn hoạt động)');
    expect(table!.title!.text).toBe('Số khách hàng còn theo dõi');
    const unreached = kaplanMeierChart({ ...(curve as object), survival: [0.9, 0.9, 0.8, 0.8] } as never, { locale: 'vi', showAtRisk: false });
    expect(unreached.title.subtitle).toMatch(/; chưa đạt trung vị$/);
  });
});
