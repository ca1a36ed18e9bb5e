/**
 * rfmSummary on 10 million synthetic transactions of 1 million customers (issue 6), as rows and as
 * columns (issue 17). Targets: under 5 s, and within 3x of sorting 10 million float64 values in the
 * same run; the columnar form faster than DuckDB's single-threaded GROUP BY of the same rows (our
 * rfmSummarySql, materialised in the engine, `SET threads = 1`), the row form within 2x of it. Also
 * prints the peak resident memory of the process (resourceUsage().maxRSS) and the heap growth of one
 * run. Run: npx tsx bench/clv-summary.bench.ts (or npm run bench -- clv-summary).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { rfmSummary, type Transaction } from '../src/clv/index.js';
import { duckDbClient, rfmSummarySql } from '../src/sql/index.js';
import { budget, machine, ratio, runCases, seededRandom } from './harness.js';

const N = 10_000_000;
const CUSTOMERS = 1_000_000;
const DAY = 86_400_000;
const start = Date.UTC(2023, 0, 1);
const observationEnd = Date.UTC(2024, 11, 31);

const random = seededRandom(20261123);
const log: Transaction<number>[] = new Array(N);
for (let i = 0; i < N; i++) {
  // Unsorted: customers and days drawn at random; amounts in whole cents (the common case).
  log[i] = {
    customerId: Math.floor(random() * CUSTOMERS),
    date: start + Math.floor(random() * 760) * DAY,
    amount: Math.round(random() * 20_000) / 100,
  };
}
// The same transactions as columns.
const columns = {
  customerId: Int32Array.from(log, (t) => t.customerId),
  date: Float64Array.from(log, (t) => t.date as number),
  amount: Float64Array.from(log, (t) => t.amount as number),
};
// The same transactions in DuckDB (loaded outside the timings).
const duck = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
await duck.execute('CREATE TABLE raw (c DOUBLE, ms DOUBLE, a DOUBLE)');
for (let from = 0; from < N; from += 500_000) {
  const chunk: number[][] = [];
  for (let i = from; i < Math.min(N, from + 500_000); i++) chunk.push([columns.customerId[i] as number, columns.date[i] as number, columns.amount[i] as number]);
  await duck.insert?.('raw', ['c', 'ms', 'a'], chunk);
}
await duck.execute('CREATE TABLE tx AS SELECT CAST(c AS BIGINT) AS customer_id, make_timestamp(CAST(ms AS BIGINT) * 1000) AS ts, CAST(a AS DECIMAL(12, 2)) AS amount FROM raw');
await duck.execute('DROP TABLE raw');
await duck.execute('SET threads = 1');
const summarySql = rfmSummarySql({ dialect: 'duckdb', table: 'tx', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd, period: 'day', unit: 'week' });
let duckRun = 0;
const floats = new Float64Array(N);
for (let i = 0; i < N; i++) floats[i] = random();

const rssBefore = process.resourceUsage().maxRSS;
const heapBefore = process.memoryUsage().heapUsed;
let heapAfterOne = 0;
const results = await runCases(
  'rfmSummary: 10M transactions, 1M customers',
  [
    { name: 'sort 10M float64 (baseline: Float64Array.prototype.sort)', fn: () => floats.slice().sort() },
    {
      name: 'rfmSummary(10M, daily periods, reported in weeks)',
      fn: () => {
        const rows = rfmSummary(log, { observationEnd, unit: 'week' });
        heapAfterOne = Math.max(heapAfterOne, process.memoryUsage().heapUsed);
        return rows.length;
      },
    },
    {
      name: 'rfmSummary(columns: Int32Array ids, Float64Array dates and amounts)',
      fn: () => rfmSummary(columns, { observationEnd, unit: 'week' }).length,
    },
    {
      name: 'DuckDB 1 thread: CREATE TABLE AS rfmSummarySql (same rows, same summary)',
      fn: async () => {
        await duck.execute(`CREATE OR REPLACE TABLE summary_${duckRun % 2} AS ${summarySql}`);
        duckRun++;
        return duckRun;
      },
    },
  ],
  { iterations: 5, warmup: 1 },
);

const sortMs = results.get('sort 10M float64 (baseline: Float64Array.prototype.sort)') as number;
const summaryMs = results.get('rfmSummary(10M, daily periods, reported in weeks)') as number;
const columnsMs = results.get('rfmSummary(columns: Int32Array ids, Float64Array dates and amounts)') as number;
const duckMs = results.get('DuckDB 1 thread: CREATE TABLE AS rfmSummarySql (same rows, same summary)') as number;
budget('rfmSummary on 10M transactions', summaryMs, 5000);
ratio('rfmSummary columns / DuckDB 1 thread', columnsMs, duckMs, 1);
ratio('rfmSummary rows / DuckDB 1 thread', summaryMs, duckMs, 2);
ratio('rfmSummary / sort of 10M float64', summaryMs, sortMs, 3);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
console.log(`\nPeak RSS of the process: ${mib(process.resourceUsage().maxRSS * 1024)} MiB (after building the input: ${mib(rssBefore * 1024)} MiB)`);
console.log(`Heap in use with the 1M result rows alive: ${mib(heapAfterOne)} MiB (input alone: ${mib(heapBefore)} MiB)`);
console.log(`Machine: ${machine()}`);
