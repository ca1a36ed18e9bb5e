/**
 * The grouped segment bars (`_internal/segments.ts`, behind rfmSegmentsChart, abcClassesChart and
 * valueTiersChart): the bars and their labels, the description, the share axis with room for the
 * labels, the colours of the two measures, the height that follows the number of segments, the
 * order of segments, and the bad-input paths. Hand-made rows, numbers worked out in the comments.
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../../test/helpers/charts.js';
import { issueSummaries } from '../../../test/helpers/thrown-issues.js';
import { rfmSegmentsChart } from '../index.js';

// 4 customers: segment a has 3 (75%) and 25 of 100 value; b has 1 (25%) and 75.
const rows = [
  { name: 'b', count: 1, customerShare: 0.25, valueShare: 0.75, total: '75' },
  { name: 'a', count: 3, customerShare: 0.75, valueShare: 0.25, total: '25' },
];

type Layer = { mark: { type: string }; encoding: { y: { sort: string[]; title: string }; x: { scale: { domain: number[] }; title: string }; color?: { field: string; scale: { domain: string[]; range: string[] } }; tooltip?: { field: string; title?: string }[]; text?: { field: string } } };

describe('the grouped segment bars', () => {
  it('two bars per segment, largest segment first, each with its share, label and count', () => {
    const spec = rfmSegmentsChart(rows as never);
    expect(dataOf(spec)).toEqual([
      { segment: 'a', measure: 'Customers', share: 0.75, label: '75.0%', count: 3 },
      { segment: 'a', measure: 'Value', share: 0.25, label: '25.0%', count: 3 },
      { segment: 'b', measure: 'Customers', share: 0.25, label: '25.0%', count: 1 },
      { segment: 'b', measure: 'Value', share: 0.75, label: '75.0%', count: 1 },
    ]);
    expect(spec.description).toBe('Grouped bar chart of 2 RFM segments, each with its share of customers and its share of value. a: 75.0% of customers, 25.0% of value; b: 25.0% of customers, 75.0% of value.');
    expect(dataOf<{ segment: string }>(rfmSegmentsChart(rows as never, { sort: 'input' })).map((r) => r.segment)).toEqual(['b', 'b', 'a', 'a']);
    // equal counts: by name
    const tied = rfmSegmentsChart([{ ...rows[0]!, name: 'z', count: 2 }, { ...rows[1]!, name: 'y', count: 2 }] as never);
    expect(dataOf<{ segment: string }>(tied).map((r) => r.segment)).toEqual(['y', 'y', 'z', 'z']);
    // three tied counts in every input order: always by name
    const row = (name: string) => ({ name, count: 1, customerShare: 1 / 3, valueShare: 1 / 3, total: '1' });
    for (const order of [['b', 'c', 'a'], ['c', 'b', 'a'], ['a', 'c', 'b'], ['c', 'a', 'b']]) {
      const spec = rfmSegmentsChart(order.map(row) as never);
      expect([...new Set(dataOf<{ segment: string }>(spec).map((r) => r.segment))]).toEqual(['a', 'b', 'c']);
    }
  });

  it('in Vietnamese: measures, percentages with a decimal comma and the description', () => {
    const spec = rfmSegmentsChart(rows as never, { locale: 'vi' });
    expect(dataOf<{ measure: string; label: string }>(spec).slice(0, 2)).toEqual([
      expect.objectContaining({ measure: 'Khách hàng', label: '75,0%' }),
      expect.objectContaining({ measure: 'Giá trị', label: '25,0%' }),
    ]);
    expect(spec.description).toBe('Biểu đồ cột nhóm của 2 phân khúc RFM, mỗi nhóm gồm tỷ lệ khách hàng và tỷ lệ giá trị. a: 75,0% khách hàng, 25,0% giá trị; b: 25,0% khách hàng, 75,0% giá trị.');
    const [bars] = spec.layer as Layer[];
    expect(bars!.encoding.x.title).toBe('Tỷ lệ trên tổng (%)');
    expect(bars!.encoding.y.title).toBe('Phân khúc');
  });

  it('a segment without a value share has one bar and no value in the description', () => {
    const spec = rfmSegmentsChart([{ name: 'a', count: 2, customerShare: 1, total: '0' }] as never);
    expect(dataOf(spec)).toEqual([{ segment: 'a', measure: 'Customers', share: 1, label: '100.0%', count: 2 }]);
    expect(spec.description).toMatch(/\. a: 100\.0% of customers\.$/);
  });

  it('the share axis runs from min(0, shares) to 1.18 x max(0.1, shares), room for the labels', () => {
    const x = (list: unknown[]) => (rfmSegmentsChart(list as never).layer as Layer[])[0]!.encoding.x;
    expect(x(rows).scale.domain).toEqual([0, 0.885]); // 0.75 * 1.18
    expect(x(rows).title).toBe('Share of the total (%)');
    // a loss-making segment: a negative value share
    expect(x([{ ...rows[0], valueShare: 1.2 }, { ...rows[1], valueShare: -0.2 }]).scale.domain).toEqual([-0.2, 1.416]); // 1.2 * 1.18
    // small shares: at least 0.1 * 1.18
    expect(x([{ name: 'a', count: 1, customerShare: 0.05, valueShare: 0.02, total: '1' }]).scale.domain).toEqual([0, 0.118]);
  });

  it('colours customers sky blue and value blue, with a tooltip and a text label per bar', () => {
    const [bars, labels] = rfmSegmentsChart(rows as never).layer as Layer[];
    expect(bars!.mark.type).toBe('bar');
    expect(bars!.encoding.color).toEqual({ field: 'measure', type: 'nominal', title: null, scale: { domain: ['Customers', 'Value'], range: ['#56B4E9', '#0072B2'] } });
    expect(bars!.encoding.y.sort).toEqual(['a', 'b']);
    expect(bars!.encoding.tooltip!.map((t) => t.field)).toEqual(['segment', 'measure', 'label', 'count']);
    expect(bars!.encoding.tooltip![3]!.title).toBe('Customers');
    expect(labels!.mark.type).toBe('text');
    expect(labels!.encoding.text!.field).toBe('label');
  });

  it('40 px a segment, at least 80, unless a height is given', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ name: `s${i}`, count: 1, customerShare: 0.2, valueShare: 0.2, total: '1' }));
    expect(rfmSegmentsChart(many as never).height).toBe(200);
    expect(rfmSegmentsChart(rows as never).height).toBe(80);
    expect(rfmSegmentsChart([rows[0]] as never).height).toBe(80);
    expect(rfmSegmentsChart(many as never, { height: 333 }).height).toBe(333);
  });

  it('bad input: each problem at its path', () => {
    expect(issueSummaries(() => rfmSegmentsChart([rows[0], { ...rows[1], name: 'b', total: 'x' }] as never))).toEqual(['invalid_type segments.1.total', 'invalid_value segments.1.name']);
    expect(issueSummaries(() => rfmSegmentsChart([{ ...rows[0], name: '' }] as never))).toEqual(['too_small segments.0.name']);
    expect(issueSummaries(() => rfmSegmentsChart([{ ...rows[0], customerShare: 1.5 }] as never))).toEqual(['too_big segments.0.customerShare']);
    expect(issueSummaries(() => rfmSegmentsChart(Array.from({ length: 1001 }, (_, i) => ({ ...rows[0], name: `s${i}` })) as never))).toEqual(['too_big segments']);
  });
});
