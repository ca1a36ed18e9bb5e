/**
 * Segmentation benchmarks (issue 4):
 * - paretoAnalysis and giniCoefficient on 10 million values against copying and sorting a
 *   Float64Array of the same size in the same run (target: within 1.5x);
 * - rfmScores on 1 million customers (target: under 1 s).
 *
 * Run: npx tsx bench/segmentation.bench.ts (or npm run bench -- segmentation).
 */
import { giniCoefficient, paretoAnalysis, rfmScores, type RfmSummaryRow } from '../src/segmentation/index.js';
import { budget, machine, ratio, runCases, seededRandom } from './harness.js';

const N = 10_000_000;
const random = seededRandom(20260401);
// Log-normal customer values (heavy right tail, like revenue), rounded to cents.
const values = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  values[i] = Math.round(Math.exp(3 + 1.2 * z) * 100) / 100;
}

const CUSTOMERS = 1_000_000;
const rows: RfmSummaryRow[] = [];
for (let i = 0; i < CUSTOMERS; i++) {
  rows.push({
    customerId: i,
    recency: Math.floor(random() * 365),
    frequency: 1 + Math.floor(-Math.log(1 - random()) * 3),
    monetary: Math.round(random() * 100_000) / 100,
  });
}

console.log(`Machine: ${machine()}`);
const big = await runCases(
  'segmentation: 10 million values',
  [
    { name: 'baseline: copy + sort Float64Array (10M)', fn: () => values.slice().sort() },
    { name: 'paretoAnalysis (10M, Float64Array)', fn: () => paretoAnalysis(values) },
    { name: 'giniCoefficient (10M, Float64Array)', fn: () => giniCoefficient(values) },
  ],
  { iterations: 5, warmup: 1 },
);
const baseline = big.get('baseline: copy + sort Float64Array (10M)') as number;
ratio('paretoAnalysis / sort', big.get('paretoAnalysis (10M, Float64Array)') as number, baseline, 1.5);
ratio('giniCoefficient / sort', big.get('giniCoefficient (10M, Float64Array)') as number, baseline, 1.5);

const rfm = await runCases(
  'segmentation: RFM on 1 million customers',
  [
    { name: 'baseline: copy + sort Float64Array (1M)', fn: () => values.subarray(0, CUSTOMERS).slice().sort() },
    { name: 'rfmScores (1M summary rows, quantile)', fn: () => rfmScores(rows) },
    { name: 'rfmScores (1M summary rows, ntile)', fn: () => rfmScores(rows, { method: 'ntile' }) },
  ],
  { iterations: 5, warmup: 1 },
);
// A proxy for the 1 s budget that survives a loaded machine: 1 s over 0.105 s, the idle 1M sort.
ratio('rfmScores quantile / 1M sort (proxy for 1 s)', rfm.get('rfmScores (1M summary rows, quantile)') as number, rfm.get('baseline: copy + sort Float64Array (1M)') as number, 9.5);
budget('rfmScores quantile (1M)', rfm.get('rfmScores (1M summary rows, quantile)') as number, 1000);
budget('rfmScores ntile (1M)', rfm.get('rfmScores (1M summary rows, ntile)') as number, 1000);
