/**
 * The demo's SQL section: the same shop's transactions in an embedded DuckDB, summarised, fitted and
 * scored where the data lives (customer-metrics/sql); only patterns come into JavaScript.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { rfmSummary } from '../../src/clv/index.js';
import { duckDbClient, rfmSummaryInSql, scoreCustomersInSql } from '../../src/sql/index.js';
import type { SampleShop } from '../data/sample-shop.js';

/** Lines of the SQL section of the report. */
export async function sqlSection(shop: SampleShop): Promise<string[]> {
  const client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
  await client.execute('CREATE TABLE orders (customer_id VARCHAR, ordered_at TIMESTAMP, amount DECIMAL(12, 2))');
  for (let i = 0; i < shop.transactions.length; i += 1000) {
    const values = shop.transactions
      .slice(i, i + 1000)
      .map((t) => `('${String(t.customerId).replaceAll("'", "''")}', TIMESTAMP '${t.date.toISOString().replace('T', ' ').replace('Z', '')}', ${t.amount})`);
    await client.execute(`INSERT INTO orders VALUES ${values.join(', ')}`);
  }
  const options = { table: 'orders', columns: { customerId: 'customer_id', timestamp: 'ordered_at', amount: 'amount' }, observationEnd: shop.observationEnd, period: 'day', unit: 'week' } as const;
  // The engine's summary is rfmSummary's, customer for customer.
  const inEngine = await rfmSummaryInSql(client, options);
  const local = new Map(rfmSummary(shop.transactions, { observationEnd: shop.observationEnd, period: 'day', unit: 'week' }).map((r) => [String(r.customerId), r]));
  const same = inEngine.customers.filter((c) => {
    const r = local.get(String(c.customerId));
    return r !== undefined && r.frequency === c.frequency && r.recency === c.recency && r.T === c.T && r.monetaryValue.eq(c.monetaryValue);
  }).length;
  const result = await scoreCustomersInSql(client, { ...options, horizon: { length: 12, unit: 'month' }, discountRate: 0.01, scoresTable: 'scores', customerScoresTable: 'customer_scores' });
  const { r, alpha, a, b } = result.transactionModel.parameters as { r: number; alpha: number; a: number; b: number };
  const top = await client.query('SELECT customer_id, frequency, probability_alive, expected_purchases, clv FROM customer_scores ORDER BY clv DESC NULLS LAST, customer_id LIMIT 5');
  const lines = [
    '## Where the data lives: the same models in SQL (DuckDB)',
    '',
    `The ${shop.transactions.length} orders in an embedded DuckDB table: the engine's summary equals rfmSummary for ${same} of ${inEngine.customers.length} customers. ` +
      `scoreCustomersInSql sent ${result.patterns} (frequency, recency, T) patterns and ${result.spendPatterns} spend patterns to JavaScript, fitted BG/NBD ` +
      `(r ${r.toFixed(3)}, alpha ${alpha.toFixed(3)}, a ${a.toFixed(3)}, b ${b.toFixed(3)}) and Gamma-Gamma, and wrote the scores back: ` +
      `table ${result.customerScoresTable} holds every customer's 12-month CLV.`,
    '',
    '| customer | frequency | P(alive) | expected purchases (12 months) | CLV (12 months, 1%/month) |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const row of top) {
    lines.push(`| ${String(row.customer_id)} | ${String(row.frequency)} | ${Number(row.probability_alive).toFixed(3)} | ${Number(row.expected_purchases).toFixed(2)} | ${Number(row.clv).toFixed(2)} |`);
  }
  return lines;
}
