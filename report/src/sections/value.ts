/**
 * Value concentration and segments (from the transactions): revenue per customer, the 80/20
 * statement, the Gini coefficient and Lorenz curve, the customer pyramid (value tiers) and the RFM
 * segments.
 */
import { paretoAnalysis, rfmScores, rfmSegments, segmentSummary, valueTiers, type RfmSummaryRow } from 'customer-metrics/segmentation';
import { lorenzChart, rfmSegmentsChart, valueTiersChart } from 'customer-metrics/charts';
import { thin } from '../figures.js';
import type { TransactionTable } from '../inputs.js';
import { chartFigure, paragraph, table, type Section, type VegaLiteSpec } from '../model.js';
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
  // At most 200 points of the curve: enough for the eye, not a million for the file.
  const lorenz = thin(pareto.lorenz, 200);
  blocks.push(chartFigure('lorenz-curve', (o) => lorenzChart({ lorenz, gini: pareto.gini }, { locale: ctx.locale, ...o }) as unknown as VegaLiteSpec));
  data.revenue = pareto.total.toNumber();
  data.customers = pareto.count;
  data.top20Share = top20?.valueShare;
  data.top1Share = top1?.valueShare;
  data.customersFor80 = target?.customers;
  data.gini = pareto.gini;

  const tiers = valueTiers(totals.revenue);
  if (tiers !== undefined) {
    const names: Record<string, string> = { platinum: t('platinum', 'bạch kim'), gold: t('gold', 'vàng'), iron: t('iron', 'sắt'), lead: t('lead', 'chì') };
    blocks.push(chartFigure('value-tiers', (o) => valueTiersChart(tiers, { locale: ctx.locale, ...o }) as unknown as VegaLiteSpec));
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
    blocks.push(chartFigure('rfm-segments', (o) => rfmSegmentsChart(summary, { locale: ctx.locale, sort: 'customers', ...o }) as unknown as VegaLiteSpec));
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
