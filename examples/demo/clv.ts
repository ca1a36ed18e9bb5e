/**
 * The demo's CLV foundations section: the customer summary every buy-till-you-die model starts from,
 * and the realised (historic) value of the customers by value tier.
 */
import { compressSummaries, historicClv, rfmSummary } from '../../src/clv/index.js';
import { valueTiers } from '../../src/segmentation/index.js';
import type { SampleShop } from '../data/sample-shop.js';

const money = (value: { toFixed(digits: number): string }): string => value.toFixed(2);

/** Lines of the CLV foundations section of the report. */
export function clvSection(shop: SampleShop): string[] {
  const lines: string[] = ['## Customer value: from transactions to summaries', ''];
  const summary = rfmSummary(shop.transactions, { observationEnd: shop.observationEnd, period: 'day', unit: 'week' });
  const repeaters = summary.filter((row) => row.frequency > 0).length;
  const patterns = compressSummaries(summary).length;
  lines.push(
    `${summary.length} customers summarised (daily purchase periods, recency and T in weeks); ${repeaters} of them bought again; ` +
      `${patterns} distinct (frequency, recency, T) patterns for the models to fit.`,
    '',
    '| customer | frequency | recency (weeks) | T (weeks) | mean repeat value |',
    '|---|---:|---:|---:|---:|',
  );
  for (const row of summary.slice(0, 5)) {
    lines.push(`| ${row.customerId} | ${row.frequency} | ${row.recency.toFixed(2)} | ${row.T.toFixed(2)} | ${money(row.monetaryValue)} |`);
  }

  const grossMargin = 0.35;
  const historic = historicClv(shop.transactions, { asOf: shop.observationEnd, grossMargin });
  const tiers = valueTiers(historic.map((row) => row.value));
  lines.push('', `Historic CLV (realised margin at a ${grossMargin * 100}% gross margin) by value tier (customer pyramid):`, '');
  if (tiers === undefined) return [...lines, 'No customers with purchases.'];
  lines.push('| tier | customers | share of customers | margin | share of margin | mean per customer |', '|---|---:|---:|---:|---:|---:|');
  for (const tier of tiers.tiers) {
    const share = tier.valueShare === undefined ? '-' : `${(100 * tier.valueShare).toFixed(1)}%`;
    const mean = tier.averageValue === undefined ? '-' : money(tier.averageValue);
    lines.push(`| ${tier.name} | ${tier.count} | ${(100 * tier.customerShare).toFixed(1)}% | ${money(tier.total)} | ${share} | ${mean} |`);
  }
  return lines;
}
