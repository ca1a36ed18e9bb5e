/**
 * The frequency/recency heat maps (`_internal/matrix.ts`, behind expectedPurchasesMatrixChart and
 * probabilityAliveMatrixChart): the cells and their values, the colour scale's domain, the size
 * that follows the grid, the axis and subtitle texts with the time unit, and the bad-input paths.
 * Small hand-made matrices, so every expected number is worked out in the test.
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../../test/helpers/charts.js';
import { issueSummaries } from '../../../test/helpers/thrown-issues.js';
import { expectedPurchasesMatrixChart, probabilityAliveMatrixChart } from '../index.js';

// frequency 0: recency 0 only; frequency 1: recencies 2.5 and 5 (T = 5)
const small = {
  frequencies: [0, 1],
  recencies: [0, 2.5, 5],
  expectedPurchases: [
    [0.5, null, null],
    [0, 1.25, 2.123456789],
  ],
  probabilityAlive: [
    [1, null, null],
    [0.2, 0.6, 0.9],
  ],
};

type Enc = { x: { title: string; field: string }; y: { title: string; sort: string }; color: { field: string; scale: { domain: number[]; scheme: string } }; tooltip: { field: string }[] };

describe('the frequency/recency heat maps', () => {
  it('one cell per defined value, values rounded, impossible cells left out', () => {
    const cells = dataOf<{ frequency: number; recency: number; value: number }>(expectedPurchasesMatrixChart(small as never));
    expect(cells).toEqual([
      { frequency: 0, recency: 0, value: 0.5 },
      { frequency: 1, recency: 0, value: 0 },
      { frequency: 1, recency: 2.5, value: 1.25 },
      { frequency: 1, recency: 5, value: 2.123457 },
    ]);
    expect(dataOf<{ value: number }>(probabilityAliveMatrixChart(small as never)).map((c) => c.value)).toEqual([1, 0.2, 0.6, 0.9]);
  });

  it('colours P(alive) on 0..1 and expected purchases on 0..their maximum', () => {
    const e = expectedPurchasesMatrixChart(small as never).encoding as Enc;
    expect(e.color.field).toBe('value');
    expect(e.color.scale).toEqual({ scheme: 'viridis', domain: [0, 2.123457] });
    const p = probabilityAliveMatrixChart({ ...small, probabilityAlive: [[0.5, null, null], [0.1, 0.2, 0.3]] } as never).encoding as Enc;
    expect(p.color.scale.domain).toEqual([0, 1]);
    // all zero: the domain stays 0..1 (a domain of 0..0 would draw nothing)
    const zero = expectedPurchasesMatrixChart({ ...small, expectedPurchases: [[0, null, null], [0, 0, 0]] } as never).encoding as Enc;
    expect(zero.color.scale.domain).toEqual([0, 1]);
    expect(e.x.field).toBe('recency');
    expect(e.y.sort).toBe('descending');
    expect(e.tooltip.map((t) => t.field)).toEqual(['frequency', 'recency', 'value']);
  });

  it('names the maximum in the description and T with its unit in the subtitle', () => {
    const en = expectedPurchasesMatrixChart(small as never);
    expect(en.description).toContain('up to 2.12,');
    expect(en.title.subtitle).toBe('Customers first seen 5 weeks ago; blank cells are impossible histories');
    expect((en.encoding as Enc).x.title).toBe('Recency: age at the last purchase (weeks)');
    const vi = expectedPurchasesMatrixChart(small as never, { locale: 'vi', timeUnit: 'day' });
    expect(vi.description).toContain('tối đa 2,12,');
    expect(vi.title.subtitle).toBe('Khách hàng mua lần đầu cách đây 5 ngày; ô trống là lịch sử không thể có');
    expect((vi.encoding as Enc).y.title).toBe('Tần suất: số lần mua lặp lại');
    const months = probabilityAliveMatrixChart({ ...small, recencies: [0, 1.005, 2.0049] } as never, { timeUnit: 'month' });
    expect(months.title.subtitle).toBe('Customers first seen 2 months ago; blank cells are impossible histories');
  });

  it('sizes the plot by the grid: 22 px a column (160..560), 18 px a row (120..460), unless given', () => {
    const grid = (rows: number, cols: number) => ({
      frequencies: Array.from({ length: rows }, (_, i) => i),
      recencies: Array.from({ length: cols }, (_, j) => j),
      expectedPurchases: Array.from({ length: rows }, () => Array.from({ length: cols }, () => 1)),
      probabilityAlive: Array.from({ length: rows }, () => Array.from({ length: cols }, () => 0.5)),
    });
    const size = (rows: number, cols: number, options?: { width?: number; height?: number }) => {
      const spec = expectedPurchasesMatrixChart(grid(rows, cols) as never, options);
      return [spec.width, spec.height];
    };
    expect(size(10, 10)).toEqual([220, 180]);
    expect(size(2, 3)).toEqual([160, 120]);
    expect(size(40, 40)).toEqual([560, 460]);
    expect(size(10, 10, { width: 300, height: 200 })).toEqual([300, 200]);
  });

  it('bad input: each problem at its path', () => {
    expect(issueSummaries(() => expectedPurchasesMatrixChart({ ...small, expectedPurchases: [[0.5, null, null], [0, 1]] } as never))).toEqual(['invalid_structure matrix.expectedPurchases.1']);
    expect(issueSummaries(() => probabilityAliveMatrixChart({ ...small, probabilityAlive: [[1, null, null]] } as never))).toEqual(['invalid_structure matrix.probabilityAlive']);
    expect(issueSummaries(() => probabilityAliveMatrixChart({ ...small, probabilityAlive: [[1, null, null], [0.2, 1.5, 1]] } as never))).toEqual(['too_big matrix.probabilityAlive.1.1']);
    // the other grid is not read, so not checked
    expect(issueSummaries(() => expectedPurchasesMatrixChart({ ...small, probabilityAlive: [[2]] } as never))).toBe('did not throw');
    expect(issueSummaries(() => expectedPurchasesMatrixChart(small as never, { timeUnit: 'fortnight' } as never))).toEqual(['invalid_value options.timeUnit']);
  });
});
