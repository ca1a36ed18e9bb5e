/**
 * The value-concentration curves' spec content (lorenzChart, paretoChart, whaleCurveChart): the
 * curve points, the reading of the bottom half off a Lorenz curve (linear between points), the
 * equality line and the shaded gap, the Pareto curve as the Lorenz curve turned round with its
 * 80/20 reference and the markers of the analysis, the whale curve's 100% line, peak and axis
 * room, titles and descriptions in both locales. Hand-made curves, figures worked out in comments.
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../test/helpers/charts.js';
import { lorenzChart, paretoChart, whaleCurveChart } from './index.js';

type Layer = { data?: { values: Record<string, unknown>[] }; mark: Record<string, unknown>; encoding: Record<string, Record<string, unknown>> };

// 4 customers worth 1, 1, 2, 6 (of 10): cumulative from the least valuable 10%, 20%, 40%, 100%
const lorenz = [
  { customerShare: 0, valueShare: 0 },
  { customerShare: 0.25, valueShare: 0.1 },
  { customerShare: 0.5, valueShare: 0.2 },
  { customerShare: 0.75, valueShare: 0.4 },
  { customerShare: 1, valueShare: 1 },
];

describe('lorenzChart', () => {
  it('the curve, the shaded gap to the diagonal, two styled lines, the Gini in the subtitle', () => {
    const spec = lorenzChart({ lorenz, gini: 0.45 } as never);
    expect(dataOf(spec)).toEqual(lorenz.map((p) => ({ ...p, equality: p.customerShare })));
    const [area, lines] = spec.layer as Layer[];
    expect(area!.mark).toEqual({ type: 'area', color: '#56B4E9', opacity: 0.3 });
    expect(area!.encoding.y).toEqual({ type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: 'Value held (cumulative %)', field: 'valueShare' });
    expect(area!.encoding.y2).toEqual({ field: 'equality' });
    expect(area!.encoding.x).toEqual({ field: 'customerShare', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 }, title: 'Customers, least valuable first (cumulative %)' });
    expect(lines!.mark).toEqual({ type: 'line', strokeWidth: 2 });
    expect(lines!.data!.values).toHaveLength(10);
    expect(lines!.data!.values[0]).toEqual({ customerShare: 0, share: 0, series: 'Line of equality' });
    expect(lines!.data!.values[8]).toEqual({ customerShare: 0.75, share: 0.4, series: 'Lorenz curve' });
    expect(lines!.encoding.color).toEqual({ field: 'series', type: 'nominal', title: null, scale: { domain: ['Lorenz curve', 'Line of equality'], range: ['#0072B2', '#777777'] } });
    expect(lines!.encoding.strokeDash).toEqual({ field: 'series', type: 'nominal', title: null, scale: { domain: ['Lorenz curve', 'Line of equality'], range: [[1, 0], [5, 4]] } });
    expect(lines!.encoding.y!.field).toBe('share');
    expect(spec.title.text).toBe('Lorenz curve of customer value');
    expect(spec.title.subtitle).toBe('Gini coefficient 0.45; the diagonal is perfect equality');
    // the bottom half holds 20% (a point at 0.5)
    expect(spec.description).toBe('Lorenz curve: the least valuable half of the customers hold 20.0% of the value; Gini coefficient 0.45.');
    // height 0.7 x width unless given
    expect([spec.width, spec.height]).toEqual([480, 336]);
    expect(lorenzChart({ lorenz } as never, { width: 400, height: 100 }).height).toBe(100);
    expect(lorenzChart({ lorenz } as never, { width: 400 }).height).toBe(280);
  });

  it('reads the bottom half linearly between points; a vertical step takes its top', () => {
    // between (0.4, 0.1) and (0.6, 0.3): 0.1 + (0.1 / 0.2) x 0.2 = 0.2
    const between = [{ customerShare: 0, valueShare: 0 }, { customerShare: 0.4, valueShare: 0.1 }, { customerShare: 0.6, valueShare: 0.3 }, { customerShare: 1, valueShare: 1 }];
    expect(lorenzChart({ lorenz: between } as never).description).toBe('Lorenz curve: the least valuable half of the customers hold 20.0% of the value.');
    // between (0.25, 0.1) and (0.75, 0.4): 0.1 + 0.5 x 0.3 = 0.25
    const wide = [{ customerShare: 0, valueShare: 0 }, { customerShare: 0.25, valueShare: 0.1 }, { customerShare: 0.75, valueShare: 0.4 }, { customerShare: 1, valueShare: 1 }];
    expect(lorenzChart({ lorenz: wide } as never).description).toMatch(/hold 25\.0% of the value\.$/);
    const step = [{ customerShare: 0, valueShare: 0 }, { customerShare: 0.5, valueShare: 0 }, { customerShare: 0.5, valueShare: 0.3 }, { customerShare: 1, valueShare: 1 }];
    expect(lorenzChart({ lorenz: step } as never).description).toMatch(/hold 0\.0% of the value\.$/);
    const jump = [{ customerShare: 0, valueShare: 0 }, { customerShare: 0, valueShare: 0.1 }, { customerShare: 1, valueShare: 1 }];
    // (0, 0.1) to (1, 1): 0.1 + 0.5 x 0.9 = 0.55
    expect(lorenzChart({ lorenz: jump } as never).description).toMatch(/hold 55\.0% of the value\.$/);
  });

  it('without a Gini; in Vietnamese', () => {
    const none = lorenzChart({ lorenz } as never);
    expect(none.title.subtitle).toBe('The diagonal is perfect equality');
    const vi = lorenzChart({ lorenz, gini: 0.45 } as never, { locale: 'vi' });
    expect(vi.title.text).toBe('Đường cong Lorenz của giá trị khách hàng');
    expect(vi.title.subtitle).toBe('Hệ số Gini 0,45; đường chéo là phân bố đều tuyệt đối');
    expect(vi.description).toBe('Đường cong Lorenz: một nửa số khách hàng có giá trị thấp nhất nắm giữ 20,0% tổng giá trị; hệ số Gini 0,45.');
    expect(lorenzChart({ lorenz } as never, { locale: 'vi' }).title.subtitle).toBe('Đường chéo là phân bố đều tuyệt đối');
    const [area, lines] = vi.layer as Layer[];
    expect(area!.encoding.x!.title).toBe('Khách hàng, giá trị thấp nhất trước (% cộng dồn)');
    expect(area!.encoding.y!.title).toBe('Giá trị nắm giữ (% cộng dồn)');
    expect((lines!.encoding.color!.scale as { domain: string[] }).domain).toEqual(['Đường Lorenz', 'Đường phân bố đều']);
  });
});

describe('paretoChart', () => {
  const analysis = { lorenz, top: [{ customerShare: 0.25, valueShare: 0.6 }], targets: [{ valueShare: 0.8, customerShare: 0.4 }] };

  it('the Lorenz curve turned round: from the most valuable customers', () => {
    const spec = paretoChart(analysis as never);
    // (1 - c, 1 - v) in reverse order: (0, 0), (0.25, 0.6), (0.5, 0.8), (0.75, 0.9), (1, 1)
    expect(dataOf(spec)).toEqual([
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.25, valueShare: 0.6 },
      { customerShare: 0.5, valueShare: 0.8 },
      { customerShare: 0.75, valueShare: 0.9 },
      { customerShare: 1, valueShare: 1 },
    ]);
    const [line, cross, crossLabel, rules, points, labels] = spec.layer as Layer[];
    expect(line!.mark).toEqual({ type: 'line', strokeWidth: 2, color: '#0072B2' });
    expect(line!.encoding.x).toEqual({ field: 'customerShare', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 }, title: 'Customers, most valuable first (cumulative %)' });
    expect(line!.encoding.y).toEqual({ field: 'valueShare', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' }, title: 'Value held (cumulative %)' });
    expect(cross!.data!.values).toEqual([{ customerShare: 0.2, valueShare: 0.8 }]);
    expect(cross!.mark).toEqual({ type: 'point', shape: 'cross', size: 80, color: '#777777', filled: true });
    expect(crossLabel!.data!.values).toEqual([{ customerShare: 0.2, valueShare: 0.8, label: '80/20' }]);
    expect(crossLabel!.mark).toEqual({ type: 'text', align: 'right', dx: -6, dy: -8, color: '#555555', fontSize: 10 });
    expect(crossLabel!.encoding.text).toEqual({ field: 'label', type: 'nominal' });
    // a top share drops its rule from the x axis; a target from the y axis
    expect(rules!.data!.values).toEqual([
      { customerShare: 0.25, valueShare: 0.6, x0: 0.25, y0: 0, label: '25% → 60%' },
      { customerShare: 0.4, valueShare: 0.8, x0: 0, y0: 0.8, label: '40% → 80%' },
    ]);
    expect(rules!.mark).toEqual({ type: 'rule', strokeDash: [4, 3], color: '#D55E00' });
    expect(rules!.encoding.x!.field).toBe('x0');
    expect(rules!.encoding.y!.field).toBe('y0');
    expect(rules!.encoding.x2).toEqual({ field: 'customerShare' });
    expect(rules!.encoding.y2).toEqual({ field: 'valueShare' });
    expect(points!.mark).toEqual({ type: 'point', filled: true, size: 60, color: '#D55E00' });
    expect(points!.data!.values).toBe(rules!.data!.values);
    expect(labels!.mark).toEqual({ type: 'text', align: 'left', dx: 7, dy: 10, fontSize: 11, color: '#D55E00' });
    expect(labels!.encoding.text).toEqual({ field: 'label', type: 'nominal' });
    expect(spec.title.text).toBe('Pareto curve: value held by the best customers');
    expect(spec.title.subtitle).toEqual(['Top 25% of customers hold 60.0% of the value', '80% of the value comes from 40.0% of customers']);
    expect(spec.description).toBe('Pareto curve of cumulative value against customers sorted from the most valuable. Top 25% of customers hold 60.0% of the value. 80% of the value comes from 40.0% of customers.');
    expect([spec.width, spec.height]).toEqual([480, 336]);
    expect(paretoChart(analysis as never, { height: 200 }).height).toBe(200);
  });

  it('no facts: no subtitle, no markers; in Vietnamese', () => {
    const bare = paretoChart({ lorenz, top: [], targets: [] } as never);
    expect(bare.title.subtitle).toBeUndefined();
    expect((bare.layer as unknown[]).length).toBe(3);
    expect(bare.description).toBe('Pareto curve of cumulative value against customers sorted from the most valuable. ');
    const vi = paretoChart(analysis as never, { locale: 'vi' });
    expect(vi.title.text).toBe('Đường Pareto: giá trị do khách hàng tốt nhất nắm giữ');
    expect(vi.title.subtitle).toEqual(['25% khách hàng hàng đầu nắm giữ 60,0% giá trị', '80% giá trị đến từ 40,0% khách hàng']);
    expect(vi.description).toBe('Đường Pareto của giá trị cộng dồn theo khách hàng xếp từ giá trị cao nhất. 25% khách hàng hàng đầu nắm giữ 60,0% giá trị. 80% giá trị đến từ 40,0% khách hàng.');
    const [line] = vi.layer as Layer[];
    expect(line!.encoding.x!.title).toBe('Khách hàng, giá trị cao nhất trước (% cộng dồn)');
    expect(line!.encoding.y!.title).toBe('Giá trị nắm giữ (% cộng dồn)');
  });
});

describe('whaleCurveChart', () => {
  // profits 60, 50, 10, -20 of 100: cumulative 60%, 110%, 120%, 100%
  const curve = {
    points: [
      { customerShare: 0, valueShare: 0 },
      { customerShare: 0.25, valueShare: 0.6 },
      { customerShare: 0.5, valueShare: 1.1 },
      { customerShare: 0.75, valueShare: 1.2 },
      { customerShare: 1, valueShare: 1 },
    ],
    peakValueShare: 1.2,
    peakCustomerShare: 0.75,
  };

  it('the curve, a dashed 100% line, the peak in vermillion, room above the peak', () => {
    const spec = whaleCurveChart(curve as never);
    expect(dataOf(spec)).toEqual(curve.points);
    const [hundred, line, peak] = spec.layer as Layer[];
    expect(hundred!.data!.values).toEqual([{ valueShare: 1 }]);
    expect(hundred!.mark).toEqual({ type: 'rule', strokeDash: [5, 4], color: '#777777' });
    expect(line!.mark).toEqual({ type: 'line', strokeWidth: 2, color: '#0072B2' });
    // y from min(0, shares) = 0 to 1.2 x 1.08 = 1.296
    expect(line!.encoding.y).toEqual({ field: 'valueShare', type: 'quantitative', scale: { domain: [0, 1.296], nice: false }, axis: { format: '.0%' }, title: 'Cumulative profit (% of the total)' });
    expect(line!.encoding.x).toEqual({ field: 'customerShare', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 }, title: 'Customers, most profitable first (cumulative %)' });
    expect(peak!.data!.values).toEqual([{ customerShare: 0.75, valueShare: 1.2 }]);
    expect(peak!.mark).toEqual({ type: 'point', filled: true, size: 70, color: '#D55E00' });
    expect(spec.title.text).toBe('Whale curve of customer profit');
    expect(spec.title.subtitle).toBe('Peak 120% of the total profit at 75% of customers');
    expect(spec.description).toBe('Whale curve: cumulative profit of customers sorted from the most profitable, as a share of the total. Peak 120% of the total profit at 75% of customers; the remaining customers bring it down to 100%.');
  });

  it('a curve that dips below 0 and never passes 100%: the axis follows; Vietnamese', () => {
    const dip = { points: [{ customerShare: 0, valueShare: -0.1 }, { customerShare: 0.5, valueShare: 0.5 }, { customerShare: 1, valueShare: 1 }], peakValueShare: 1, peakCustomerShare: 1 };
    const spec = whaleCurveChart(dip as never, { locale: 'vi' });
    expect(((spec.layer as Layer[])[1]!.encoding.y!.scale as { domain: number[] }).domain).toEqual([-0.1, 1.08]);
    expect(spec.title.text).toBe('Đường cong cá voi của lợi nhuận khách hàng');
    expect(spec.title.subtitle).toBe('Đỉnh 100% tổng lợi nhuận tại 100% khách hàng');
    expect(spec.description).toBe('Đường cong cá voi: lợi nhuận cộng dồn của khách hàng xếp từ lợi nhuận cao nhất, tính theo tỷ lệ trên tổng. Đỉnh 100% tổng lợi nhuận tại 100% khách hàng; số khách hàng còn lại kéo xuống còn 100%.');
    const [, line] = spec.layer as Layer[];
    expect(line!.encoding.x!.title).toBe('Khách hàng, lợi nhuận cao nhất trước (% cộng dồn)');
    expect(line!.encoding.y!.title).toBe('Lợi nhuận cộng dồn (% trên tổng)');
  });
});
