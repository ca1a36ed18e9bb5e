/**
 * clvDistributionChart's spec content: the bins (equal widths from the smallest value to the upper
 * quantile, values above it pooled into the last bar), the dashed mean, values without a CLV left
 * out and counted, the currency, and the texts in both locales. Figures worked out in comments.
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { clvDistributionChart } from './index.js';

type Layer = { data?: { values: Record<string, unknown>[] }; mark: Record<string, unknown>; encoding: Record<string, Record<string, unknown>> };

describe('clvDistributionChart', () => {
  it('equal bins from the smallest to the largest value, the mean as a dashed rule', () => {
    // 0, 10, 20, 30, 40 in 4 bins of 10: [0,10) 1, [10,20) 1, [20,30) 1, [30,40] 2; mean 20
    const spec = clvDistributionChart([30, 0, 40, 10, 20], { bins: 4 });
    expect(dataOf(spec)).toEqual([
      { from: 0, to: 10, count: 1 },
      { from: 10, to: 20, count: 1 },
      { from: 20, to: 30, count: 1 },
      { from: 30, to: 40, count: 2 },
    ]);
    const [bars, mean] = spec.layer as Layer[];
    expect(bars!.mark).toEqual({ type: 'bar', color: '#0072B2', binSpacing: 1 });
    expect(bars!.encoding.x).toEqual({ field: 'from', type: 'quantitative', title: 'Customer lifetime value (USD)' });
    expect(bars!.encoding.x2).toEqual({ field: 'to' });
    expect(bars!.encoding.y2).toEqual({ datum: 0 });
    expect(bars!.encoding.y).toEqual({ field: 'count', type: 'quantitative', title: 'Customers (count)' });
    expect(mean!.data!.values).toEqual([{ from: 20 }]);
    expect(mean!.mark).toEqual({ type: 'rule', color: '#D55E00', strokeDash: [5, 4], strokeWidth: 2 });
    expect(spec.title.text).toBe('Distribution of customer lifetime value');
    expect(spec.title.subtitle).toBe('5 customers; mean 20.00 USD (dashed)');
    expect(spec.description).toBe('Histogram of the lifetime value of 5 customers from 0.00 to 40.00 USD in 4 bins; mean 20.00.');
  });

  it('30 bins by default; the last bin ends exactly at the maximum', () => {
    const values = Array.from({ length: 31 }, (_, i) => i / 3);
    const bins = dataOf<{ from: number; to: number; count: number }>(clvDistributionChart(values));
    expect(bins).toHaveLength(30);
    expect(bins[29]!.to).toBe(10);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(31);
  });

  it('an upper quantile pools the customers above it into the last bar', () => {
    // 6 values; quantile 0.8 (nearest rank ceil(4.8) = 5th value, 40): bins of 8 from 0 to 40;
    // 40 and 100 land in the last bar, 100 is above 40; mean 200 / 6 = 33.33
    const spec = clvDistributionChart([0, 10, 20, 30, 40, 100], { bins: 5, upperQuantile: 0.8, currency: 'VND' });
    expect(dataOf(spec)).toEqual([
      { from: 0, to: 8, count: 1 },
      { from: 8, to: 16, count: 1 },
      { from: 16, to: 24, count: 1 },
      { from: 24, to: 32, count: 1 },
      { from: 32, to: 40, count: 2 },
    ]);
    expect(spec.title.subtitle).toBe('6 customers; mean 33.33 VND (dashed); the last bar also holds the 1 customers above 40.00');
    expect(spec.description).toBe('Histogram of the lifetime value of 6 customers from 0.00 to 100.00 VND in 5 bins; mean 33.33.');
    // a quantile of 1 is the maximum: nothing pooled
    expect(clvDistributionChart([0, 10, 20, 30, 40, 100], { bins: 5, upperQuantile: 1 }).title.subtitle).toBe('6 customers; mean 33.33 USD (dashed)');
    // the smallest quantile takes the smallest value (rank at least 1)
    const low = clvDistributionChart([5, 10, 20], { bins: 2, upperQuantile: 0.01 });
    expect(dataOf(low)).toEqual([{ from: 5, to: 6, count: 3 }]);
    expect(low.title.subtitle).toMatch(/the last bar also holds the 2 customers above 5\.00$/);
  });

  it('all values equal: one bar one unit wide; missing values left out and counted', () => {
    const spec = clvDistributionChart([7, undefined, 7, undefined, 7]);
    expect(dataOf(spec)).toEqual([{ from: 7, to: 8, count: 3 }]);
    expect(spec.title.subtitle).toBe('3 customers; mean 7.00 USD (dashed); 2 without a value left out');
    expect(spec.description).toMatch(/ in 1 bins; mean 7\.00\.$/);
  });

  it('in Vietnamese', () => {
    const spec = clvDistributionChart([0, 10, 20, 30, 40, 100, undefined], { bins: 5, upperQuantile: 0.8, locale: 'vi', currency: 'VND' });
    expect(spec.title.text).toBe('Phân bố giá trị vòng đời khách hàng');
    expect(spec.title.subtitle).toBe('6 khách hàng; trung bình 33,33 VND (nét đứt); bỏ qua 1 khách hàng không có giá trị; cột cuối gồm cả 1 khách hàng trên 40,00');
    expect(spec.description).toBe('Biểu đồ tần suất giá trị vòng đời của 6 khách hàng từ 0,00 đến 100,00 VND trong 5 khoảng; trung bình 33,33.');
    const [bars] = spec.layer as Layer[];
    expect(bars!.encoding.x!.title).toBe('Giá trị vòng đời khách hàng (VND)');
    expect(bars!.encoding.y!.title).toBe('Số khách hàng');
  });

  it('bad input: each problem at its path', () => {
    expect(issueSummaries(() => clvDistributionChart(undefined as never))).toEqual(['invalid_type values']);
    expect(issueSummaries(() => clvDistributionChart('x' as never))).toEqual(['invalid_type values']);
    expect(issueSummaries(() => clvDistributionChart([undefined, undefined]))).toEqual(['too_small values']);
    expect(issueSummaries(() => clvDistributionChart([1, Number.NaN, undefined]))).toEqual(['not_finite values.1']);
    expect(issueSummaries(() => clvDistributionChart([1], { bins: 0, upperQuantile: 0, currency: '' }))).toEqual(['too_small options.bins', 'too_small options.currency', 'too_small options.upperQuantile']);
  });
});
