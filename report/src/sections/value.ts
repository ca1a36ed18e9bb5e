/**
 * Value concentration and segments (from the transactions): revenue per customer, the 80/20
 * statement, the Gini coefficient and Lorenz curve, the customer pyramid (value tiers) and the RFM
 * segments.
 */
import { paretoAnalysis, rfmScores, rfmSegments, segmentSummary, valueTiers, type RfmSummaryRow } from 'customer-metrics/segmentation';
import { barChart, lineChart, thin } from '../figures.js';
import type { TransactionTable } from '../inputs.js';
import { paragraph, table, type Section } from '../model.js';
import { DAY, type SectionContext } from './context.js';

/** Per customer (in `ids` order): revenue, purchases and the last purchase date. */
export interface CustomerTotals {
  readonly revenue: Float64Array;
  readonly purchases: Int32Array;
  readonly lastDate: Float64Array;
}

/** Adds up the transactions per customer. O(n). */
export function customerTotals(tx: TransactionTable): CustomerTotals {
  const n = tx.ids.length;
  const revenue = new Float64Array(n);
  const purchases = new Int32Array(n);
  const lastDate = new Float64Array(n).fill(-Infinity);
  for (let k = 0; k < tx.length; k++) {
    const c = tx.customer[k] as number;
    revenue[c] = (revenue[c] as number) + (tx.amount[k] as number);
    purchases[c] = (purchases[c] as number) + 1;
    const d = tx.date[k] as number;
    if (d > (lastDate[c] as number)) lastDate[c] = d;
  }
  // Sums of cents: round away the binary noise of adding decimal amounts as floats.
  for (let c = 0; c < n; c++) revenue[c] = Math.round((revenue[c] as number) * 1e6) / 1e6;
  return { revenue, purchases, lastDate };
}

export function valueSection(ctx: SectionContext, tx: TransactionTable, totals: CustomerTotals): Section {
  const { f, t } = ctx;
  const title = t('Value concentration and segments', 'Mức tập trung giá trị và phân khúc');
  const blocks: Section['blocks'] = [];
  const data: Record<string, unknown> = {};
  const pareto = paretoAnalysis(totals.revenue, { topShares: [0.2, 0.01] });
  if (pareto === undefined) return { id: 'value', title, blocks: [paragraph(t('No revenue.', 'Không có doanh thu.'))], data };
  const [top20, top1] = pareto.top;
  const target = pareto.targets[0];
  blocks.push(
    paragraph(
      t(
        `Revenue ${f.num(pareto.total.toNumber(), 2)} from ${f.num(pareto.count)} customers. The top 20% of customers bring ${f.pct(top20?.valueShare)} of revenue (the top 1%: ${f.pct(top1?.valueShare)}); ` +
          `${f.num(target?.customers)} customers (${f.pct(target?.customerShare)}) bring 80%. Gini coefficient ${f.num(pareto.gini, 3)} (0 = everyone spends the same, 1 = one customer brings everything).`,
        `Doanh thu ${f.num(pareto.total.toNumber(), 2)} từ ${f.num(pareto.count)} khách hàng. 20% khách hàng hàng đầu mang lại ${f.pct(top20?.valueShare)} doanh thu (1% hàng đầu: ${f.pct(top1?.valueShare)}); ` +
          `${f.num(target?.customers)} khách hàng (${f.pct(target?.customerShare)}) mang lại 80%. Hệ số Gini ${f.num(pareto.gini, 3)} (0 = mọi người chi như nhau, 1 = một khách hàng mang lại tất cả).`,
      ),
    ),
  );
  const lorenz = thin(pareto.lorenz, 200);
  blocks.push({
    kind: 'figure',
    id: 'lorenz-curve',
    title: t('Lorenz curve of revenue', 'Đường cong Lorenz của doanh thu'),
    description: t(
      `Lorenz curve: cumulative share of revenue against cumulative share of customers from the smallest spender, with the line of equality; Gini ${f.num(pareto.gini, 3)}.`,
      `Đường cong Lorenz: tỉ lệ doanh thu cộng dồn theo tỉ lệ khách hàng cộng dồn từ người chi ít nhất, kèm đường bình đẳng; Gini ${f.num(pareto.gini, 3)}.`,
    ),
    spec: lineChart({
      title: t('Lorenz curve of revenue', 'Đường cong Lorenz của doanh thu'),
      subtitle: `Gini ${f.num(pareto.gini, 3)}`,
      description: t('Lorenz curve with line of equality', 'Đường Lorenz và đường bình đẳng'),
      rows: [
        ...lorenz.map((p) => ({ x: p.customerShare, y: p.valueShare, series: t('customers', 'khách hàng') })),
        { x: 0, y: 0, series: t('equality', 'bình đẳng') },
        { x: 1, y: 1, series: t('equality', 'bình đẳng') },
      ],
      xTitle: t('Share of customers, smallest first (%)', 'Tỉ lệ khách hàng, từ nhỏ nhất (%)'),
      yTitle: t('Share of revenue (%)', 'Tỉ lệ doanh thu (%)'),
      yFormat: '.0%',
    }),
  });
  data.revenue = pareto.total.toNumber();
  data.customers = pareto.count;
  data.top20Share = top20?.valueShare;
  data.top1Share = top1?.valueShare;
  data.customersFor80 = target?.customers;
  data.gini = pareto.gini;

  const tiers = valueTiers(totals.revenue);
  if (tiers !== undefined) {
    const names: Record<string, string> = { platinum: t('platinum', 'bạch kim'), gold: t('gold', 'vàng'), iron: t('iron', 'sắt'), lead: t('lead', 'chì') };
    blocks.push({
      kind: 'figure',
      id: 'value-tiers',
      title: t('Customer pyramid', 'Kim tự tháp khách hàng'),
      description: t('Bar chart of the share of revenue brought by each value tier (top 20%, next 30%, next 30%, bottom 20% of customers).', 'Biểu đồ cột tỉ lệ doanh thu của từng tầng giá trị (20% đầu, 30% tiếp, 30% tiếp, 20% cuối).'),
      spec: barChart({
        title: t('Customer pyramid: share of revenue by tier', 'Kim tự tháp: tỉ lệ doanh thu theo tầng'),
        description: t('Share of revenue by value tier', 'Tỉ lệ doanh thu theo tầng'),
        rows: tiers.tiers.map((tier) => ({ label: names[tier.name] ?? tier.name, value: tier.valueShare ?? 0 })),
        xTitle: t('Tier', 'Tầng'),
        yTitle: t('Share of revenue (%)', 'Tỉ lệ doanh thu (%)'),
        format: '.0%',
      }),
    });
    blocks.push(
      table(
        t('Customer pyramid', 'Kim tự tháp khách hàng'),
        [t('tier', 'tầng'), t('customers', 'khách hàng'), t('share of customers', 'tỉ lệ khách hàng'), t('revenue', 'doanh thu'), t('share of revenue', 'tỉ lệ doanh thu')],
        tiers.tiers.map((tier) => [names[tier.name] ?? tier.name, f.num(tier.count), f.pct(tier.customerShare), f.num(tier.total.toNumber(), 2), f.pct(tier.valueShare)]),
      ),
    );
    data.tiers = tiers.tiers.map((tier) => ({ tier: tier.name, customers: tier.count, revenue: tier.total.toNumber(), valueShare: tier.valueShare }));
  }

  ctx.progress.start(t('scoring RFM segments', 'chấm điểm RFM'));
  const rows: RfmSummaryRow[] = new Array(tx.ids.length);
  for (let c = 0; c < tx.ids.length; c++) {
    rows[c] = {
      customerId: tx.ids[c] as string,
      recency: Math.floor((ctx.observationEnd - (totals.lastDate[c] as number)) / DAY),
      frequency: totals.purchases[c] as number,
      monetary: totals.revenue[c] as number,
    };
  }
  const rfm = rfmScores(rows);
  ctx.progress.end();
  if (rfm !== undefined) {
    const segments = rfmSegments(rfm.customers);
    const summary = segmentSummary(Float64Array.from(rfm.customers, (c) => Number(c.monetary)), segments) ?? [];
    blocks.push({
      kind: 'figure',
      id: 'rfm-segments',
      title: t('RFM segments', 'Phân khúc RFM'),
      description: t(`Bar chart of the number of customers in each of ${summary.length} RFM segments (quintile scores).`, `Biểu đồ cột số khách hàng trong ${summary.length} phân khúc RFM (điểm ngũ phân vị).`),
      spec: barChart({
        title: t('RFM segments: customers', 'Phân khúc RFM: số khách hàng'),
        description: t('Customers per RFM segment', 'Số khách hàng mỗi phân khúc RFM'),
        rows: [...summary].sort((a, b) => b.count - a.count).map((s) => ({ label: s.name, value: s.count })),
        xTitle: t('Segment', 'Phân khúc'),
        yTitle: t('Customers', 'Khách hàng'),
      }),
    });
    blocks.push(
      table(
        t('RFM segments', 'Phân khúc RFM'),
        [t('segment', 'phân khúc'), t('customers', 'khách hàng'), t('share of customers', 'tỉ lệ khách hàng'), t('revenue', 'doanh thu'), t('share of revenue', 'tỉ lệ doanh thu'), t('average revenue', 'doanh thu trung bình')],
        summary.map((s) => [s.name, f.num(s.count), f.pct(s.customerShare), f.num(s.total.toNumber(), 2), f.pct(s.valueShare), f.num(s.averageValue?.toNumber(), 2)]),
        [false, true, true, true, true, true],
      ),
    );
    data.rfmSegments = summary.map((s) => ({ segment: s.name, customers: s.count, revenue: s.total.toNumber(), valueShare: s.valueShare }));
  }
  return { id: 'value', title, blocks, data };
}
