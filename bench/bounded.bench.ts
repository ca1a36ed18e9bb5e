/**
 * Bounded work and the slow paths of issue 14, each against a baseline measured in the same run:
 * - fitGammaGamma on 1M rows (numbers, and string amounts) within 3x of fitBgNbd on 1M rows;
 * - fitShiftedBetaGeometric on 200,000 cohorts under 1 s;
 * - classifyAbc, valueTiers, paretoAnalysis (string amounts) on 1M values against copying and
 *   sorting a Float64Array of 1M;
 * - frequencyRecencyMatrix at its largest grid (1001 x 1001), logRankTest at its 1,000-group cap,
 *   projectStageDistribution at its 100,000-step cap;
 * - abort latency: the longest stretch between two checks of the signal in each long operation,
 *   the bound on the time from an abort becoming visible to the throw (target 100 ms).
 *
 * Run: flock /tmp/bench.lock npm run bench -- bounded (BOUNDED_SECTION=speed or latency for one part)
 */
import {
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  fitShiftedBetaGeometric,
  frequencyRecencyMatrix,
  simulateBgNbd,
} from '../src/clv/index.js';
import { logRankTest } from '../src/retention/index.js';
import { classifyAbc, paretoAnalysis, valueTiers } from '../src/segmentation/index.js';
import { projectStageDistribution } from '../src/stages/index.js';
import { budget, machine, ratio, runCases, seededRandom } from './harness.js';

console.log(`Machine: ${machine()}`);
const random = seededRandom(20261207);
const parameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const ages = Array.from({ length: 13 }, (_, i) => 27 + i);
const customers = simulateBgNbd(parameters, { customers: 1_000_000, T: ages, seed: 1 }).map(({ frequency, recency, T }) => ({ frequency, recency, T }));
const spend = customers.map((c) => ({ frequency: c.frequency, monetaryValue: Math.round((5 + 60 * random()) * 100) / 100 }));
const spendStrings = spend.map((s) => ({ frequency: s.frequency, monetaryValue: s.monetaryValue.toFixed(2) }));
const cohorts = Array.from({ length: 200_000 }, () => {
  const c = [100 + Math.floor(random() * 900)];
  for (let t = 0, len = 3 + Math.floor(random() * 6); t < len; t++) c.push(Math.floor((c[c.length - 1] as number) * (0.6 + 0.35 * random())));
  return c;
});

const section = process.env.BOUNDED_SECTION;
if (section === undefined || section === 'speed') {
  const fits = await runCases(
    'bounded: fits on big data',
    [
      { name: 'baseline: fitBgNbd, 1M customers', fn: () => fitBgNbd(customers, { timeUnit: 'week' }) },
      { name: 'fitGammaGamma, 1M rows (numbers)', fn: () => fitGammaGamma(spend) },
      { name: 'fitGammaGamma, 1M rows (string amounts)', fn: () => fitGammaGamma(spendStrings) },
      { name: 'fitShiftedBetaGeometric, 200,000 cohorts', fn: () => fitShiftedBetaGeometric(cohorts) },
    ],
    { iterations: 3, warmup: 1 },
  );
  const bg = fits.get('baseline: fitBgNbd, 1M customers') as number;
  ratio('fitGammaGamma (numbers) / fitBgNbd', fits.get('fitGammaGamma, 1M rows (numbers)') as number, bg, 3);
  ratio('fitGammaGamma (strings) / fitBgNbd', fits.get('fitGammaGamma, 1M rows (string amounts)') as number, bg, 3);
  budget('fitShiftedBetaGeometric, 200,000 cohorts', fits.get('fitShiftedBetaGeometric, 200,000 cohorts') as number, 1000);

  const N = 1_000_000;
  const values = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    values[i] = Math.round(Math.exp(3 + 1.2 * z) * 100) / 100;
}
const numbers = Array.from(values);
const strings = numbers.map((v) => v.toFixed(2));
const seg = await runCases(
  'bounded: segmentation on 1M values',
  [
    { name: 'baseline: copy + sort Float64Array (1M)', fn: () => values.slice().sort() },
    { name: 'classifyAbc (1M numbers)', fn: () => classifyAbc(numbers) },
    { name: 'classifyAbc (1M strings)', fn: () => classifyAbc(strings) },
    { name: 'valueTiers (1M numbers)', fn: () => valueTiers(numbers) },
    { name: 'valueTiers by value (1M strings)', fn: () => valueTiers(strings, { by: 'value', tiers: [{ name: 'top', share: 0.8 }, { name: 'rest', share: 0.2 }] }) },
    { name: 'paretoAnalysis (1M strings)', fn: () => paretoAnalysis(strings) },
  ],
  { iterations: 5, warmup: 1 },
);
const sort = seg.get('baseline: copy + sort Float64Array (1M)') as number;
for (const name of ['classifyAbc (1M numbers)', 'classifyAbc (1M strings)', 'valueTiers (1M numbers)', 'valueTiers by value (1M strings)', 'paretoAnalysis (1M strings)']) {
  ratio(`${name} / sort`, seg.get(name) as number, sort, 4);
}

const pareto = { kind: 'pareto-nbd', parameters: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, timeUnit: 'week' } as const;
const groups = Array.from({ length: 1000 }, () => {
  const n = 5 + Math.floor(random() * 20);
  return { durations: Array.from({ length: n }, () => Math.ceil(random() * 365)), observed: Array.from({ length: n }, () => random() < 0.7) };
});
const stay = [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (j === i ? 0.9 : j === (i + 1) % 6 ? 0.1 : 0)));
const caps = await runCases(
  'bounded: at the documented caps',
  [
    { name: 'frequencyRecencyMatrix, Pareto/NBD, 1001 x 1001 cells', fn: () => frequencyRecencyMatrix(pareto, { length: 39, unit: 'week' }, { T: 39, maxFrequency: 1000, recencySteps: 1000 }) },
    { name: 'logRankTest, 1,000 groups (15,000 subjects)', fn: () => logRankTest(groups) },
    { name: 'projectStageDistribution, 100,000 steps', fn: () => projectStageDistribution([100, 0, 0, 0, 0, 0], stay, 100_000) },
  ],
  { iterations: 3, warmup: 1 },
);
void caps;
}

// Abort latency: a signal whose `aborted` getter records the time of every check (never aborting);
// the longest gap between consecutive checks is how long an abort can wait to be seen. Wall clock
// and CPU time of this process: on the shared 2-core machine the wall gaps include waiting for other
// processes, the CPU gaps are what an idle machine shows.
function gaps(run: (signal: AbortSignal) => unknown): { checks: number; maxGapMs: number; maxCpuGapMs: number } {
  const signal = new AbortController().signal;
  const times: number[] = [];
  const cpu: number[] = [];
  Object.defineProperty(signal, 'aborted', {
    get() {
      times.push(performance.now());
      const u = process.cpuUsage();
      cpu.push((u.user + u.system) / 1000);
      return false;
    },
  });
  run(signal);
  let max = 0;
  let maxCpu = 0;
  for (let i = 1; i < times.length; i++) {
    max = Math.max(max, (times[i] as number) - (times[i - 1] as number));
    maxCpu = Math.max(maxCpu, (cpu[i] as number) - (cpu[i - 1] as number));
  }
  return { checks: times.length, maxGapMs: max, maxCpuGapMs: maxCpu };
}
const pnbdRows = customers.slice(0, 100_000);
if (section === undefined || section === 'latency') {
  console.log('\n## bounded: abort latency (longest gap between signal checks)\n');
  console.log('| operation | checks | longest gap, wall (ms) | longest gap, CPU (ms) |\n|---|---:|---:|---:|');
  for (const [name, run] of [
    ['fitBgNbd, 1M customers', (signal: AbortSignal) => fitBgNbd(customers, { timeUnit: 'week', signal })],
    ['fitParetoNbd, 100,000 customers', (signal: AbortSignal) => fitParetoNbd(pnbdRows, { timeUnit: 'week', signal })],
    ['fitGammaGamma, 1M rows (strings)', (signal: AbortSignal) => fitGammaGamma(spendStrings, { signal })],
    ['fitShiftedBetaGeometric, 200,000 cohorts', (signal: AbortSignal) => fitShiftedBetaGeometric(cohorts, { signal })],
    ['simulateBgNbd, 1M customers', (signal: AbortSignal) => simulateBgNbd(parameters, { customers: 1_000_000, T: 39, signal })],
  ] as const) {
    const g = gaps(run);
    console.log(`| ${name} | ${g.checks} | ${g.maxGapMs.toFixed(1)} | ${g.maxCpuGapMs.toFixed(1)} |`);
}
}
