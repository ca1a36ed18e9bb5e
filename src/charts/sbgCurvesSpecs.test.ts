/**
 * sbgCurvesChart's spec content, on the shifted-beta-geometric model with alpha = beta = 1, whose
 * curves have closed forms (Fader & Hardie 2007): S(t) = B(1, 1 + t) / B(1, 1) = 1 / (1 + t) and
 * r(t) = (beta + t - 1) / (alpha + beta + t - 1) = t / (1 + t).
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../test/helpers/charts.js';
import { sbgCurvesChart } from './index.js';

type Layer = { data?: { values: Record<string, unknown>[] }; mark: Record<string, unknown>; encoding: Record<string, Record<string, unknown>> };
const model = { parameters: { alpha: 1, beta: 1 } };

describe('sbgCurvesChart', () => {
  it('survival from period 0, retention from period 1, on a 0..periods axis', () => {
    const spec = sbgCurvesChart(model, { periods: 3 });
    expect(dataOf(spec)).toEqual([
      { period: 0, series: 'Survival S(t)', value: 1 },
      { period: 1, series: 'Survival S(t)', value: 0.5 },
      { period: 2, series: 'Survival S(t)', value: 0.333333 },
      { period: 3, series: 'Survival S(t)', value: 0.25 },
      { period: 1, series: 'Retention rate r(t)', value: 0.5 },
      { period: 2, series: 'Retention rate r(t)', value: 0.666667 },
      { period: 3, series: 'Retention rate r(t)', value: 0.75 },
    ]);
    const [lines] = spec.layer as Layer[];
    expect(lines!.mark).toEqual({ type: 'line', strokeWidth: 2, point: true });
    expect(lines!.encoding.x).toEqual({ field: 'period', type: 'quantitative', scale: { domain: [0, 3], nice: false }, title: 'Time (months)' });
    expect(lines!.encoding.y).toEqual({ field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: 'Share (%)' });
    expect(lines!.encoding.color).toEqual({ field: 'series', type: 'nominal', title: null, scale: { domain: ['Survival S(t)', 'Retention rate r(t)'], range: ['#0072B2', '#E69F00'] } });
    expect((spec.layer as unknown[]).length).toBe(1);
    expect(spec.title.text).toBe('Subscriber survival and retention (shifted-beta-geometric)');
    expect(spec.title.subtitle).toBe('alpha = 1.000, beta = 1.000; after 3 months: 25.0% remain');
    expect(spec.description).toBe('Line chart over 3 months: the model\'s survival falls from 100% to 25.0% while the retention rate rises from 50.0% to 75.0%.');
  });

  it('12 periods by default; points only up to 60 periods; the unit', () => {
    const spec = sbgCurvesChart(model, { timeUnit: 'week' });
    expect(dataOf(spec)).toHaveLength(13 + 12);
    // S(12) = 1 / 13 = 7.7%
    expect(spec.title.subtitle).toBe('alpha = 1.000, beta = 1.000; after 12 weeks: 7.7% remain');
    expect(((spec.layer as Layer[])[0]!.encoding.x!.title)).toBe('Time (weeks)');
    expect(((sbgCurvesChart(model, { periods: 60 }).layer as Layer[])[0]!.mark.point)).toBe(true);
    expect(((sbgCurvesChart(model, { periods: 61 }).layer as Layer[])[0]!.mark.point)).toBe(false);
  });

  it('observed survival as black diamonds, a third series in the colour scale', () => {
    const spec = sbgCurvesChart(model, { periods: 3, observedSurvival: [1, 0.6, 0.3] });
    const [lines, observed] = spec.layer as Layer[];
    expect(observed!.data!.values).toEqual([
      { period: 0, series: 'Observed survival', value: 1 },
      { period: 1, series: 'Observed survival', value: 0.6 },
      { period: 2, series: 'Observed survival', value: 0.3 },
    ]);
    expect(observed!.mark).toEqual({ type: 'point', shape: 'diamond', filled: true, size: 50 });
    expect(observed!.encoding.color).toEqual(lines!.encoding.color);
    expect((lines!.encoding.color!.scale as { domain: string[]; range: string[] })).toEqual({ domain: ['Survival S(t)', 'Retention rate r(t)', 'Observed survival'], range: ['#0072B2', '#E69F00', '#000000'] });
  });

  it('in Vietnamese', () => {
    const spec = sbgCurvesChart(model, { periods: 3, locale: 'vi', observedSurvival: [1] });
    expect(spec.title.text).toBe('Tỷ lệ còn lại và tỷ lệ gia hạn (mô hình beta-hình học dịch chuyển)');
    expect(spec.title.subtitle).toBe('alpha = 1,000, beta = 1,000; sau 3 tháng: còn 25,0%');
    expect(spec.description).toBe('Biểu đồ đường qua 3 tháng: tỷ lệ còn lại theo mô hình giảm từ 100% xuống 25,0%, trong khi tỷ lệ gia hạn tăng từ 50,0% lên 75,0%.');
    const [lines] = spec.layer as Layer[];
    expect((lines!.encoding.color!.scale as { domain: string[] }).domain).toEqual(['Tỷ lệ còn lại S(t)', 'Tỷ lệ gia hạn r(t)', 'Tỷ lệ còn lại thực tế']);
    expect(lines!.encoding.x!.title).toBe('Thời gian (tháng)');
    expect(lines!.encoding.y!.title).toBe('Tỷ lệ (%)');
  });
});
