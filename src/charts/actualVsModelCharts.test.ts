/**
 * The three "actual vs model" charts (periodTransactionsChart, calibrationHoldoutChart,
 * holdoutTrackingChart), spec content: the data rows with their series, the pooled last bin or
 * group, the encodings (axes, offsets, dashes, tooltips), the titles and descriptions with the
 * totals worked out, the time unit, and the switches (view, points on short series).
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../test/helpers/charts.js';
import { calibrationHoldoutChart, holdoutTrackingChart, periodTransactionsChart } from './index.js';

type Channel = { field?: string; sort?: unknown; title?: string | null; scale?: { domain: unknown[]; range: unknown[] } };
type Enc = { x: Channel; y: Channel; xOffset: Channel; strokeDash: Channel; tooltip: Channel[] };

describe('periodTransactionsChart', () => {
  const bins = [
    { frequency: 0, actual: 10, expected: 9.51234 },
    { frequency: 1, actual: 4, expected: 4.6 },
    { frequency: 2, actual: 1, expected: 0.9 },
  ];

  it('two bars per bin, actual then model, the last bin pooled as n+', () => {
    const spec = periodTransactionsChart(bins);
    expect(dataOf(spec)).toEqual([
      { bin: '0', series: 'Actual', customers: 10 },
      { bin: '0', series: 'Model', customers: 9.5123 },
      { bin: '1', series: 'Actual', customers: 4 },
      { bin: '1', series: 'Model', customers: 4.6 },
      { bin: '2+', series: 'Actual', customers: 1 },
      { bin: '2+', series: 'Model', customers: 0.9 },
    ]);
    // one bin only: nothing pooled
    expect(dataOf<{ bin: string }>(periodTransactionsChart([bins[0]!])).map((r) => r.bin)).toEqual(['0', '0']);
  });

  it('title, description with the totals, encodings', () => {
    const spec = periodTransactionsChart(bins);
    expect(spec.title.text).toBe('Repeat purchases per customer: actual vs model');
    // 10 + 4 + 1 = 15 customers
    expect(spec.description).toBe("Grouped bar chart of 15 customers by number of repeat purchases, actual next to the model's expectation: 0: 10 vs 9.5; 1: 4 vs 4.6; 2+: 1 vs 0.9.");
    expect(spec.mark).toEqual({ type: 'bar' });
    const e = spec.encoding as Enc;
    expect(e.x).toEqual({ field: 'bin', type: 'ordinal', sort: null, title: 'Repeat purchases in the calibration period (count)', axis: { labelAngle: 0 } });
    expect(e.xOffset).toEqual({ field: 'series', sort: ['Actual', 'Model'] });
    expect(e.y).toEqual({ field: 'customers', type: 'quantitative', title: 'Customers (count)' });
    expect(e.tooltip).toEqual([{ field: 'bin', type: 'ordinal' }, { field: 'series', type: 'nominal' }, { field: 'customers', type: 'quantitative', format: '.1f' }]);
  });

  it('in Vietnamese', () => {
    const spec = periodTransactionsChart(bins, { locale: 'vi' });
    expect(spec.title.text).toBe('Số lần mua lặp lại mỗi khách hàng: thực tế và mô hình');
    expect(spec.description).toBe('Biểu đồ cột nhóm của 15 khách hàng theo số lần mua lặp lại, thực tế bên cạnh kỳ vọng của mô hình: 0: 10 so với 9,5; 1: 4 so với 4,6; 2+: 1 so với 0,9.');
    const e = spec.encoding as Enc;
    expect(e.x.title).toBe('Số lần mua lặp lại trong kỳ hiệu chỉnh');
    expect(e.y.title).toBe('Số khách hàng');
    expect(e.xOffset.sort).toEqual(['Thực tế', 'Mô hình']);
  });
});

describe('calibrationHoldoutChart', () => {
  const validation = {
    byFrequency: [
      { frequency: 0, customers: 50, actual: 0.2, expected: 0.2512345678 },
      { frequency: 1, customers: 20, actual: 0.9, expected: 0.8 },
      { frequency: 3, customers: 5, actual: 1.6, expected: 1.5 },
    ],
    totals: { actual: 36, expected: 35.5 },
  };

  it('a point per group and series, the last group pooled, in the order of the groups', () => {
    const spec = calibrationHoldoutChart(validation as never);
    expect(dataOf(spec)).toEqual([
      { frequency: '0', series: 'Actual', purchases: 0.2, customers: 50 },
      { frequency: '0', series: 'Model', purchases: 0.251235, customers: 50 },
      { frequency: '1', series: 'Actual', purchases: 0.9, customers: 20 },
      { frequency: '1', series: 'Model', purchases: 0.8, customers: 20 },
      { frequency: '3+', series: 'Actual', purchases: 1.6, customers: 5 },
      { frequency: '3+', series: 'Model', purchases: 1.5, customers: 5 },
    ]);
    const [line, point] = spec.layer as { mark: Record<string, unknown>; encoding: Enc }[];
    expect(line!.encoding.x.sort).toEqual(['0', '1', '3+']);
    expect(line!.mark).toEqual({ type: 'line', strokeWidth: 2 });
    expect(line!.encoding.strokeDash).toEqual({ field: 'series', type: 'nominal', title: null, scale: { domain: ['Actual', 'Model'], range: [[1, 0], [6, 4]] } });
    expect(point!.mark).toEqual({ type: 'point', filled: true, size: 40 });
    expect(point!.encoding.tooltip).toEqual([{ field: 'frequency', type: 'ordinal' }, { field: 'series', type: 'nominal' }, { field: 'purchases', type: 'quantitative', format: '.2f' }, { field: 'customers', type: 'quantitative' }]);
    expect(line!.encoding.x.title).toBe('Repeat purchases in the calibration period (count)');
    expect(line!.encoding.y.title).toBe('Mean purchases per customer in the holdout');
    const single = calibrationHoldoutChart({ byFrequency: [validation.byFrequency[0]], totals: validation.totals } as never);
    expect(dataOf<{ frequency: string }>(single).map((r) => r.frequency)).toEqual(['0', '0']);
  });

  it('title, subtitle with the totals (whole actual counts without decimals), description with the unit', () => {
    const spec = calibrationHoldoutChart(validation as never);
    expect(spec.title.text).toBe('Holdout purchases by calibration frequency');
    expect(spec.title.subtitle).toBe('Holdout purchases in total: actual 36, model 35.5');
    expect(spec.description).toBe(
      'Line chart of the mean purchases per customer in the holdout period (weeks), actual and expected by the model, for customers grouped by their repeat purchases in the calibration period. Holdout purchases in total: actual 36, model 35.5.',
    );
    const days = calibrationHoldoutChart({ ...validation, totals: { actual: 36.25, expected: 35.5 } } as never, { timeUnit: 'day' });
    expect(days.title.subtitle).toBe('Holdout purchases in total: actual 36.3, model 35.5');
    expect(days.description).toMatch(/in the holdout period \(days\),/);
    const vi = calibrationHoldoutChart(validation as never, { locale: 'vi', timeUnit: 'month' });
    expect(vi.title.text).toBe('Số lần mua trong kỳ kiểm tra theo tần suất kỳ hiệu chỉnh');
    expect(vi.title.subtitle).toBe('Tổng số lần mua trong kỳ kiểm tra: thực tế 36, mô hình 35,5');
    expect(vi.description).toMatch(/^Biểu đồ đường số lần mua trung bình mỗi khách hàng trong kỳ kiểm tra \(tháng\), .*\. Tổng số lần mua trong kỳ kiểm tra: thực tế 36, mô hình 35,5\.$/);
    const [line] = vi.layer as { encoding: Enc }[];
    expect(line!.encoding.y.title).toBe('Số lần mua trung bình mỗi khách trong kỳ kiểm tra');
    expect(line!.encoding.x.title).toBe('Số lần mua lặp lại trong kỳ hiệu chỉnh');
  });
});

describe('holdoutTrackingChart', () => {
  const tracking = { end: [1, 2, 3.1234567], actualIncremental: [5, 3, 4], expectedIncremental: [4.5, 3.5, 4.0000004], actualCumulative: [5, 8, 12], expectedCumulative: [4.5, 8, 12.25] };

  it('cumulative by default: rows per series, titles, totals, dashes and points', () => {
    const spec = holdoutTrackingChart(tracking);
    expect(dataOf(spec)).toEqual([
      { end: 1, series: 'Actual', purchases: 5 },
      { end: 2, series: 'Actual', purchases: 8 },
      { end: 3.123457, series: 'Actual', purchases: 12 },
      { end: 1, series: 'Model', purchases: 4.5 },
      { end: 2, series: 'Model', purchases: 8 },
      { end: 3.123457, series: 'Model', purchases: 12.25 },
    ]);
    expect(spec.title.text).toBe('Cumulative purchases in the holdout: actual vs model');
    expect(spec.description).toBe('Line chart of cumulative purchases over 3 periods after the calibration end (weeks), actual and expected; in total 12 actual and 12.3 expected.');
    expect(spec.mark).toEqual({ type: 'line', strokeWidth: 2, point: true });
    const e = spec.encoding as Enc;
    expect(e.x).toEqual({ field: 'end', type: 'quantitative', title: 'Time after the calibration end (weeks)' });
    expect(e.y).toEqual({ field: 'purchases', type: 'quantitative', title: 'Purchases, cumulative (count)' });
    expect(e.strokeDash).toEqual({ field: 'series', type: 'nominal', title: null, scale: { domain: ['Actual', 'Model'], range: [[1, 0], [6, 4]] } });
  });

  it('incremental on request; the totals stay cumulative', () => {
    const spec = holdoutTrackingChart(tracking, { view: 'incremental', timeUnit: 'day' });
    expect(dataOf<{ purchases: number }>(spec).map((r) => r.purchases)).toEqual([5, 3, 4, 4.5, 3.5, 4]);
    expect(spec.title.text).toBe('Purchases per period in the holdout: actual vs model');
    expect(spec.description).toBe('Line chart of purchases per period over 3 periods after the calibration end (days), actual and expected; in total 12 actual and 12.3 expected.');
    expect((spec.encoding as Enc).y.title).toBe('Purchases in the period (count)');
    expect((spec.encoding as Enc).x.title).toBe('Time after the calibration end (days)');
    expect(dataOf<{ purchases: number }>(holdoutTrackingChart(tracking, { view: 'cumulative' })).map((r) => r.purchases)).toEqual([5, 8, 12, 4.5, 8, 12.25]);
  });

  it('points on the line up to 60 periods, none beyond', () => {
    const n = (k: number) => {
      const col = Array.from({ length: k }, (_, i) => i + 1);
      return { end: col, actualIncremental: col, expectedIncremental: col, actualCumulative: col, expectedCumulative: col };
    };
    expect((holdoutTrackingChart(n(60)).mark as { point: boolean }).point).toBe(true);
    expect((holdoutTrackingChart(n(61)).mark as { point: boolean }).point).toBe(false);
  });

  it('in Vietnamese', () => {
    const cumulative = holdoutTrackingChart(tracking, { locale: 'vi' });
    expect(cumulative.title.text).toBe('Số lần mua cộng dồn trong kỳ kiểm tra: thực tế và mô hình');
    expect(cumulative.description).toBe('Biểu đồ đường số lần mua cộng dồn qua 3 kỳ sau khi kết thúc kỳ hiệu chỉnh (tuần), thực tế và kỳ vọng; tổng cộng 12 thực tế và 12,3 kỳ vọng.');
    expect((cumulative.encoding as Enc).y.title).toBe('Số lần mua cộng dồn');
    expect((cumulative.encoding as Enc).x.title).toBe('Thời gian sau khi kết thúc kỳ hiệu chỉnh (tuần)');
    const incremental = holdoutTrackingChart(tracking, { locale: 'vi', view: 'incremental' });
    expect(incremental.title.text).toBe('Số lần mua mỗi kỳ trong kỳ kiểm tra: thực tế và mô hình');
    expect(incremental.description).toMatch(/^Biểu đồ đường số lần mua mỗi kỳ qua 3 kỳ/);
    expect((incremental.encoding as Enc).y.title).toBe('Số lần mua trong kỳ');
  });
});
