/**
 * The SQL summary at scale (issue 15, item 5): a generated log of 1,000,000 customers and about
 * 10,000,000 transactions in DuckDB. Aggregate checks over all customers against an independent SQL
 * formulation (DuckDB's own `date_trunc('week', ...)` ISO weeks and DECIMAL sums, not our period
 * arithmetic), plus an exact comparison with `rfmSummary` on a sample of 10,000 customers (every one
 * whose id ends in 07). The benchmark (bench/sql.bench.ts) compares all 1,000,000 customers.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { rfmSummary, type Transaction } from '../src/clv/index.js';
import { duckDbClient, readSummaryRows, rfmSummarySql, type SqlClient } from '../src/sql/index.js';
import { BTYD_LOG_SQL } from './helpers/btyd-log.js';
import { expectSameSummaries } from './helpers/sql-engine.js';

let client: SqlClient;
const observationEnd = Date.UTC(2024, 11, 31);
const options = { dialect: 'duckdb', table: 'tx', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd, period: 'week', unit: 'week' } as const;

beforeAll(async () => {
  client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
  // The benchmark's buy-till-you-die generator: customer c is born on day hash(c) mod 365 of 2023,
  // buys every 3 to 42 days (plus 0-2 days of jitter) at a random second of the day, drops out after
  // a geometric number of purchases (1% to 25% per purchase); amounts 0.25 to 149.99 in cents.
  // Purchases run to early 2025, past the observation end.
  await client.execute(BTYD_LOG_SQL);
  await client.execute(`CREATE TABLE summary AS ${rfmSummarySql(options)}`);
}, 120_000);

describe('DuckDB at scale: about 10M transactions of 1M customers', () => {
  it('the log is the size the issue asks for', async () => {
    const [size] = await client.query('SELECT count(*) AS n, count(DISTINCT customer_id) AS customers FROM tx');
    expect(size?.customers).toBe(1_000_000);
    expect(Number(size?.n)).toBeGreaterThan(9_500_000);
  });

  it('aggregates over all customers equal an independent formulation (ISO weeks by date_trunc, DECIMAL sums)', async () => {
    // Per customer: the ISO weeks with a purchase up to the observation end's week; frequency =
    // weeks - 1, recency = last - first week, T = end week - first week (in weeks), repeat total =
    // all purchases in those weeks minus the first week's.
    const independent = `
      SELECT count(*) AS customers, sum(weeks - 1) AS frequency, sum(datediff('day', first_week, last_week)) / 7 AS recency,
             sum(datediff('day', first_week, DATE '2024-12-30')) / 7 AS t, sum(total - first_total) AS repeat_total
      FROM (SELECT customer_id, count(DISTINCT wk) AS weeks, min(wk) AS first_week, max(wk) AS last_week, sum(amount) AS total,
                   sum(CASE WHEN wk = first_wk THEN amount ELSE 0 END) AS first_total
            FROM (SELECT customer_id, amount, date_trunc('week', ts) AS wk, min(date_trunc('week', ts)) OVER (PARTITION BY customer_id) AS first_wk
                  FROM tx WHERE date_trunc('week', ts) <= DATE '2024-12-30')
            GROUP BY customer_id)`;
    const ours = `SELECT count(*) AS customers, sum(frequency) AS frequency, sum(recency) AS recency, sum("T") AS t,
                         sum(CAST(repeat_total_units AS HUGEINT)) / 100 AS repeat_total FROM summary`;
    const [a] = await client.query(independent);
    const [b] = await client.query(ours);
    expect(b?.customers).toBe(a?.customers);
    expect(Number(b?.frequency)).toBe(Number(a?.frequency));
    // Sums of a million doubles of whole weeks: equal to well within 1e-9 relative.
    expect(Math.abs(Number(b?.recency) - Number(a?.recency))).toBeLessThanOrEqual(1e-9 * Number(a?.recency));
    expect(Math.abs(Number(b?.t) - Number(a?.t))).toBeLessThanOrEqual(1e-9 * Number(a?.t));
    // Money: exact (both are exact decimal sums).
    expect(Number(b?.repeat_total)).toBe(Number(a?.repeat_total));
    // Customers born after the observation end's week are left out.
    const [late] = await client.query(`SELECT count(*) AS n FROM (SELECT customer_id FROM tx GROUP BY customer_id HAVING min(date_trunc('week', ts)) > DATE '2024-12-30')`);
    expect(Number(a?.customers) + Number(late?.n)).toBe(1_000_000);
  });

  it('a sample of 10,000 customers equals rfmSummary exactly (frequency and money exact, recency and T 1e-12)', async () => {
    const rows = await client.query('SELECT customer_id, epoch_ms(ts) AS ms, CAST(amount AS VARCHAR) AS amount FROM tx WHERE customer_id % 100 = 7');
    const log: Transaction<number>[] = rows.map((r) => ({ customerId: Number(r.customer_id), date: Number(r.ms), amount: String(r.amount) }));
    const expected = rfmSummary(log, { observationEnd, period: 'week', unit: 'week' });
    expect(expected.length).toBe(10_000);
    const actual = readSummaryRows(await client.query('SELECT * FROM summary WHERE customer_id % 100 = 7'));
    expectSameSummaries(actual, expected, '10,000-customer sample');
  });
});
