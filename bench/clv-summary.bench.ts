/**
 * rfmSummary on 10 million synthetic transactions of 1 million customers (issue 6).
 * Targets: under 5 s, and within 3x of sorting 10 million float64 values in the same run. Also
 * prints the peak resident memory of the process (resourceUsage().maxRSS) and the heap growth of one
 * run. Run: npx tsx bench/clv-summary.bench.ts (or npm run bench -- clv-summary).
 */
import { rfmSummary, type Transaction } from '../src/clv/index.js';
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
  ],
  { iterations: 5, warmup: 1 },
);

const sortMs = results.get('sort 10M float64 (baseline: Float64Array.prototype.sort)') as number;
const summaryMs = results.get('rfmSummary(10M, daily periods, reported in weeks)') as number;
budget('rfmSummary on 10M transactions', summaryMs, 5000);
ratio('rfmSummary / sort of 10M float64', summaryMs, sortMs, 3);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
console.log(`\nPeak RSS of the process: ${mib(process.resourceUsage().maxRSS * 1024)} MiB (after building the input: ${mib(rssBefore * 1024)} MiB)`);
console.log(`Heap in use with the 1M result rows alive: ${mib(heapAfterOne)} MiB (input alone: ${mib(heapBefore)} MiB)`);
console.log(`Machine: ${machine()}`);
