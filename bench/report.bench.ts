/**
 * The report tool end to end on 10 million transactions of 1 million customers (issue 16): a
 * generated CSV file (about 300 MB) read, summarised, fitted and rendered to one HTML file, with
 * the progress the user sees on stderr. Targets: 30 s wall clock and 2 GB peak memory on the
 * standard machine.
 *
 * The report runs in a child process so that its peak resident memory (resourceUsage().maxRSS) is
 * its own and not the generator's. Same-run baseline: reading the same file and splitting it into
 * lines and fields with nothing else (the floor of any CSV tool), and the library's rfmSummary on
 * the same rows (read from the step timings the report prints).
 *
 * Run: flock /tmp/bench.lock npm run bench -- report   (REPORT_BENCH_ROWS=1000000 for a quick try)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, seededRandom } from './harness.js';

const ROWS = Number(process.env.REPORT_BENCH_ROWS ?? 10_000_000);
const CUSTOMERS = Math.max(1, Math.round(ROWS / 10));
const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const DAYS = 730;

function gamma(shape: number, random: () => number): number {
  // Marsaglia & Tsang (2000), boosted for shape < 1.
  if (shape < 1) return gamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = Math.sqrt(-2 * Math.log(random() || Number.MIN_VALUE)) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Customers from a buy-till-you-die process (as the demo shop): acquired over the first year,
 * purchase rate per day ~ Gamma(1.5, mean 0.04), dropout after each purchase ~ Beta(1, 10), amounts
 * around a customer's own mean. About 10 purchases per customer in two years; the file stops at
 * ROWS rows. (Uniformly random rows are no buy-till-you-die data: the BG/NBD fit on them runs to
 * a dropout of 0, where each prediction costs milliseconds; see docs/performance.md.)
 */
async function generate(path: string): Promise<void> {
  const random = seededRandom(20261207);
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write('customer_id,date,amount\n');
  const dates = Array.from({ length: DAYS }, (_, d) => new Date(START + d * DAY).toISOString().slice(0, 10));
  let chunk: string[] = [];
  let rows = 0;
  for (let c = 0; rows < ROWS; c++) {
    const id = `C${String(c % CUSTOMERS).padStart(7, '0')}`;
    const rate = (gamma(1.5, random) / 1.5) * 0.04;
    const a = gamma(1, random);
    const p = a / (a + gamma(10, random));
    const spend = 5 + gamma(3, random) * 15;
    let day = Math.floor(random() * 365);
    while (day < DAYS && rows < ROWS) {
      chunk.push(`${id},${dates[day]},${(spend * (0.5 + random())).toFixed(2)}`);
      rows++;
      if (random() < p) break;
      day += 1 + Math.floor(-Math.log(1 - random()) / rate);
    }
    if (chunk.length >= 100_000) {
      await write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(`${chunk.join('\n')}\n`);
  await new Promise<void>((resolve) => out.end(resolve));
}

/** The baseline: read the file and split every line into fields, nothing else. */
async function baseline(path: string): Promise<number> {
  const t0 = performance.now();
  let rest = '';
  let fields = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let i = 0;
    for (;;) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      fields += text.slice(i, nl).split(',').length;
      i = nl + 1;
    }
    rest = text.slice(i);
  }
  if (fields === 0) throw new Error('empty');
  return (performance.now() - t0) / 1000;
}

async function child(): Promise<void> {
  // In the child: run the command, then report time and peak memory on stdout as JSON.
  const { main } = await import('../report/src/cli.js');
  const t0 = performance.now();
  const code = await main(process.argv.slice(3));
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ code, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

async function parent(): Promise<void> {
  const dir = join(tmpdir(), 'cm-report-bench');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, `transactions-${ROWS}.csv`);
  if (!existsSync(csv)) {
    const t0 = performance.now();
    await generate(csv);
    console.error(`generated ${csv} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const mb = statSync(csv).size / 1e6;
  console.log(`\n## Report tool end to end (${ROWS.toLocaleString('en-US')} transactions, ${CUSTOMERS.toLocaleString('en-US')} customers, ${mb.toFixed(0)} MB CSV)\n`);
  console.log(`Machine: ${machine()}\n`);
  const floor = await baseline(csv);
  const out = join(dir, 'report.html');
  const here = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', here, '--child', '--transactions', csv, '--out', out], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=3072`.trim() },
  });
  const line = run.stdout.trim().split('\n').at(-1) ?? '{}';
  const result = JSON.parse(line) as { code: number; seconds: number; maxRssMiB: number };
  console.log('| measure | value | target |');
  console.log('|---|---:|---:|');
  console.log(`| report, wall clock | ${result.seconds.toFixed(1)} s | <= 30 s |`);
  console.log(`| report, peak resident memory | ${result.maxRssMiB.toFixed(0)} MiB | <= 2048 MiB |`);
  console.log(`| baseline: read and split the file | ${floor.toFixed(1)} s | |`);
  console.log(`| ratio report / baseline | ${(result.seconds / floor).toFixed(1)}x | |`);
  console.log(`| exit code | ${result.code} | 0 |`);
  if (process.env.KEEP_REPORT_BENCH_CSV === undefined) rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--child') await child();
else await parent();
