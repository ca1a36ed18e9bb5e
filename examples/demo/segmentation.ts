/**
 * The demo's segmentation section: the 80/20 statement, the Gini coefficient, the customer pyramid
 * with each tier's share of revenue, and the RFM segment table.
 */
import { giniCoefficient, paretoAnalysis, rfmScores, rfmSegments, segmentSummary, valueTiers, type SegmentSummaryRow } from '../../src/segmentation/index.js';
import type { SampleShop } from '../data/sample-shop.js';

const pct = (share: number | undefined): string => (share === undefined ? 'n/a' : `${(100 * share).toFixed(1)}%`);

function row(r: SegmentSummaryRow): string {
  return `| ${r.name} | ${r.count} | ${pct(r.customerShare)} | ${r.total.toFixed(2)} | ${pct(r.valueShare)} | ${r.averageValue?.toFixed(2) ?? 'n/a'} |`;
}

const header = (first: string): string[] => [`| ${first} | customers | share of customers | revenue | share of revenue | average revenue |`, '|---|---:|---:|---:|---:|---:|'];

/** Lines of the segmentation section of the report. */
export function segmentationSection(shop: SampleShop): string[] {
  const lines: string[] = ['## Customer value: Pareto, tiers and RFM segments', ''];
  const rfm = rfmScores({ transactions: shop.transactions, analysisDate: shop.observationEnd });
  if (rfm === undefined) return [...lines, 'No transactions.'];
  // Revenue per customer, exact (decimal strings summed with decimal.js); customers who never bought count as 0.
  const revenueById = new Map(rfm.customers.map((c) => [c.customerId, c.monetary]));
  const revenue = shop.customers.map((c) => revenueById.get(c.id) ?? 0);

  const pareto = paretoAnalysis(revenue, { topShares: [0.2, 0.01] });
  if (pareto !== undefined) {
    const [top20, top1] = pareto.top;
    const target = pareto.targets[0];
    lines.push(
      `Revenue ${pareto.total.toFixed(2)} from ${pareto.count} customers. The top 20% of customers bring ${pct(top20?.valueShare)} of revenue ` +
        `(the top 1%: ${pct(top1?.valueShare)}); ${target?.customers} customers (${pct(target?.customerShare)}) bring 80%.`,
      `Gini coefficient of revenue per customer: ${giniCoefficient(revenue)?.toFixed(3)} (0 = everyone spends the same).`,
      '',
    );
  }

  const tiers = valueTiers(revenue);
  if (tiers !== undefined) {
    lines.push('Customer pyramid (tiers by rank: platinum top 20%, gold 30%, iron 30%, lead bottom 20%):', '', ...header('tier'));
    for (const tier of tiers.tiers) lines.push(row(tier));
    lines.push('');
  }

  const segments = rfmSegments(rfm.customers);
  const summary = segmentSummary(
    rfm.customers.map((c) => c.monetary),
    segments,
  );
  lines.push(
    `RFM segments of the ${rfm.customers.length} customers who bought (quintile scores, recency in days to ${shop.observationEnd.toISOString().slice(0, 10)}; eleven-segment map):`,
    '',
    ...header('segment'),
  );
  for (const segment of summary ?? []) lines.push(row(segment));
  return lines;
}
