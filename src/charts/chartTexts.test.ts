/**
 * What each chart says and where it reports bad input, chart by chart: titles and axis or legend
 * titles in both locales, the unit words of the heterogeneity charts, the names of the pyramid
 * tiers, the options each chart passes on (height, sort), and the issue paths of inputs nested in
 * a result object. Complements the worked examples of the per-area chart tests, which check the
 * data; these check the words around it.
 */
import { describe, expect, it } from 'vitest';
import { dataOf } from '../../test/helpers/charts.js';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { classifyAbc, valueTiers } from '../segmentation/index.js';
import { abcClassesChart, dropoutHeterogeneityChart, expectedPurchasesMatrixChart, probabilityAliveMatrixChart, purchaseRateHeterogeneityChart, rfmSegmentsChart, valueTiersChart } from './index.js';

type Enc = { y?: { title?: string | null }; x?: { title?: string }; color?: { title?: string } };
const firstLayer = (spec: { readonly [k: string]: unknown }) => ((spec.layer as { encoding: Enc }[] | undefined)?.[0]?.encoding ?? (spec.encoding as Enc)) as Enc;

describe('segment charts: ABC classes, value tiers, RFM segments', () => {
  it('ABC classes: title, class axis, subject in the description, height option', () => {
    const c = classifyAbc([100, 20, 5, 5])!;
    const en = abcClassesChart(c);
    expect(en.title.text).toBe('ABC classes: customers and value');
    expect(firstLayer(en).y?.title).toBe('Class');
    expect(en.description).toMatch(/^Grouped bar chart of 3 ABC classes, /);
    const vi = abcClassesChart(c, { locale: 'vi', height: 222 });
    expect(vi.title.text).toBe('Phân loại ABC: khách hàng và giá trị');
    expect(firstLayer(vi).y?.title).toBe('Lớp');
    expect(vi.description).toMatch(/^Biểu đồ cột nhóm của 3 lớp ABC, /);
    expect(vi.height).toBe(222);
    expect(en.height).toBe(120); // 3 classes x 40 px
    expect(issueSummaries(() => abcClassesChart({ summary: [{ ...c.summary[0], count: -1 }] } as never))).toEqual(['too_small classification.summary.0.count']);
    expect(issueSummaries(() => abcClassesChart(c, { sort: 'input' } as never))).toEqual(['unrecognized_key options.sort']);
  });

  it('value tiers: title, tier axis, pyramid names in English too, paths under tiers.tiers', () => {
    const t = valueTiers([50, 30, 10, 5, 3, 1, 1, 0, 0, 0])!;
    const en = valueTiersChart(t);
    expect(en.title.text).toBe('Value tiers: customers and value');
    expect(firstLayer(en).y?.title).toBe('Tier');
    expect(en.description).toMatch(/^Grouped bar chart of 4 value tiers, /);
    expect([...new Set(dataOf<{ segment: string }>(en).map((v) => v.segment))]).toEqual(['Platinum', 'Gold', 'Iron', 'Lead']);
    const vi = valueTiersChart(t, { locale: 'vi', height: 90 });
    expect(vi.title.text).toBe('Phân tầng giá trị: khách hàng và giá trị');
    expect(firstLayer(vi).y?.title).toBe('Tầng');
    expect(vi.description).toMatch(/^Biểu đồ cột nhóm của 4 tầng giá trị, /);
    expect(vi.height).toBe(90);
    // a name that is only inherited by objects is not a pyramid tier
    const odd = valueTiersChart({ tiers: [{ ...t.tiers[0], name: 'toString' }] } as never);
    expect(dataOf<{ segment: string }>(odd)[0]!.segment).toBe('toString');
    expect(issueSummaries(() => valueTiersChart({ tiers: [{ ...t.tiers[0], customerShare: 2 }] } as never))).toEqual(['too_big tiers.tiers.0.customerShare']);
  });

  it('RFM segments: title, segment axis, sort and height options', () => {
    const rows = [
      { name: 'b', count: 1, customerShare: 0.25, valueShare: 0.75, total: '75' },
      { name: 'a', count: 3, customerShare: 0.75, valueShare: 0.25, total: '25' },
    ];
    const en = rfmSegmentsChart(rows as never, { height: 150 });
    expect(en.title.text).toBe('RFM segments: customers and value');
    expect(firstLayer(en).y?.title).toBe('Segment');
    expect(en.height).toBe(150);
    expect(rfmSegmentsChart(rows as never, { locale: 'vi' }).title.text).toBe('Phân khúc RFM: khách hàng và giá trị');
    expect(issueSummaries(() => rfmSegmentsChart(rows as never, { sort: 'value' } as never))).toEqual(['invalid_value options.sort']);
    expect(dataOf<{ segment: string }>(rfmSegmentsChart(rows as never, { sort: 'customers' }))[0]!.segment).toBe('a');
  });
});

describe('heterogeneity charts: titles and unit words', () => {
  const bg = (timeUnit?: string) => ({ kind: 'bg-nbd', parameters: { r: 2, alpha: 4, a: 1, b: 3 }, ...(timeUnit === undefined ? {} : { timeUnit }) }) as never;
  const pareto = (timeUnit?: string) => ({ kind: 'pareto-nbd', parameters: { r: 2, alpha: 4, s: 1, beta: 8 }, ...(timeUnit === undefined ? {} : { timeUnit }) }) as never;

  it('purchase rates: per time unit, or per day / per week; mỗi ngày in Vietnamese', () => {
    const none = purchaseRateHeterogeneityChart(bg());
    expect(none.title.text).toBe('How often customers buy: purchase rates across customers');
    expect(none.title.subtitle).toBe('BG/NBD: Gamma(r = 2.000, alpha = 4.000); mean 0.5000 purchases per time unit');
    expect(firstLayer(none).x?.title).toBe('Purchase rate λ (purchases per time unit)');
    expect(purchaseRateHeterogeneityChart(bg('day')).title.subtitle).toBe('BG/NBD: Gamma(r = 2.000, alpha = 4.000); mean 0.5000 purchases per day');
    const vi = purchaseRateHeterogeneityChart(bg('day'), { locale: 'vi' });
    expect(vi.title.text).toBe('Tần suất mua: phân bố tốc độ mua giữa các khách hàng');
    expect(vi.title.subtitle).toBe('BG/NBD: Gamma(r = 2,000, alpha = 4,000); trung bình 0,5000 lần mua mỗi ngày');
    expect(firstLayer(vi).x?.title).toBe('Tốc độ mua λ (lần mua mỗi ngày)');
    expect(purchaseRateHeterogeneityChart(bg(), { locale: 'vi' }).title.subtitle).toMatch(/mỗi đơn vị thời gian$/);
  });

  it('dropout: a Beta for BG/NBD, a Gamma of dropout rates for Pareto/NBD, with their unit words', () => {
    const b = dropoutHeterogeneityChart(bg('week'));
    expect(b.title.text).toBe('How customers drop out: dropout across customers');
    expect(b.title.subtitle).toBe('BG/NBD: Beta(a = 1.000, b = 3.000); mean 0.2500 chance of dropping out after a purchase');
    expect(firstLayer(b).x?.title).toBe('Probability p of dropping out after a purchase');
    const bvi = dropoutHeterogeneityChart(bg(), { locale: 'vi' });
    expect(bvi.title.text).toBe('Khả năng rời bỏ: phân bố giữa các khách hàng');
    expect(bvi.title.subtitle).toBe('BG/NBD: Beta(a = 1,000, b = 3,000); xác suất rời bỏ sau mỗi lần mua trung bình 0,2500');
    expect(firstLayer(bvi).x?.title).toBe('Xác suất p rời bỏ sau một lần mua');
    const p = dropoutHeterogeneityChart(pareto('month'));
    expect(p.title.subtitle).toBe('Pareto/NBD: Gamma(s = 1.000, beta = 8.000); mean dropout rate 0.1250 per month');
    expect(firstLayer(p).x?.title).toBe('Dropout rate μ (per month)');
    expect(p.description).toBe('Density curve of the dropout rate across customers; mean 0.1250 (dashed line). Pareto/NBD: Gamma(s = 1.000, beta = 8.000); mean dropout rate 0.1250 per month.');
    expect(dropoutHeterogeneityChart(pareto()).title.subtitle).toMatch(/per time unit$/);
    const pvi = dropoutHeterogeneityChart(pareto('month'), { locale: 'vi' });
    expect(pvi.title.subtitle).toBe('Pareto/NBD: Gamma(s = 1,000, beta = 8,000); tốc độ rời bỏ trung bình 0,1250 mỗi tháng');
    expect(firstLayer(pvi).x?.title).toBe('Tốc độ rời bỏ μ (mỗi tháng)');
    expect(issueSummaries(() => dropoutHeterogeneityChart(bg(), { steps: 3 } as never))).toEqual(['unrecognized_key options.steps']);
  });
});

describe('matrix charts: titles and legends', () => {
  const m = { frequencies: [0, 1], recencies: [0, 2], expectedPurchases: [[0.5, null], [0.2, 1.5]], probabilityAlive: [[1, null], [0.3, 0.9]] };

  it('expected purchases and P(alive), in both locales', () => {
    const e = expectedPurchasesMatrixChart(m as never);
    expect(e.title.text).toBe('Expected purchases by frequency and recency');
    expect(firstLayer(e).color?.title).toBe('Expected purchases');
    expect(e.description).toMatch(/^Heat map of the purchases the model expects .*; up to 1\.50, highest for frequent recent buyers\.$/);
    const evi = expectedPurchasesMatrixChart(m as never, { locale: 'vi' });
    expect(evi.title.text).toBe('Số lần mua kỳ vọng theo tần suất và thời điểm mua gần nhất');
    expect(firstLayer(evi).color?.title).toBe('Số lần mua kỳ vọng');
    expect(evi.description).toMatch(/tối đa 1,50, cao nhất/);
    const p = probabilityAliveMatrixChart(m as never);
    expect(p.title.text).toBe('Probability that a customer is still active');
    expect(firstLayer(p).color?.title).toBe('P(alive)');
    expect(p.description).toMatch(/^Heat map of the probability that a customer is still active, /);
    const pvi = probabilityAliveMatrixChart(m as never, { locale: 'vi' });
    expect(pvi.title.text).toBe('Xác suất khách hàng còn hoạt động');
    expect(firstLayer(pvi).color?.title).toBe('P(còn hoạt động)');
    expect(pvi.description).toMatch(/^Bản đồ nhiệt xác suất khách hàng còn hoạt động, /);
  });
});
