/**
 * A small wrapper around tinybench: runs each case for a fixed number of iterations (after warm-up)
 * and reports the median, so heavy cases (10 million values) stay within minutes on 2 cores.
 * Benchmarks print; they never fail. Record the figures in docs/performance.md.
 */
import { cpus, totalmem } from 'node:os';
import { Bench } from 'tinybench';

/** One benchmark case. */
export interface BenchCase {
  /** What is measured, for the table. */
  name: string;
  /** The work. */
  fn: () => unknown;
}

/** The median time of each case, in milliseconds. */
export type BenchResult = Map<string, number>;

/** Machine line for the performance record. */
export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu.trim()}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/**
 * Runs the cases and prints a table of medians. `iterations` runs are timed after `warmup` runs.
 */
export async function runCases(title: string, cases: BenchCase[], options: { iterations?: number; warmup?: number } = {}): Promise<BenchResult> {
  const bench = new Bench({
    name: title,
    iterations: options.iterations ?? 10,
    warmupIterations: options.warmup ?? 2,
    time: 0,
    warmupTime: 0,
  });
  for (const c of cases) bench.add(c.name, c.fn);
  await bench.run();
  const result: BenchResult = new Map();
  console.log(`\n## ${title}\n`);
  console.log('| case | median (ms) | runs |');
  console.log('|---|---:|---:|');
  for (const task of bench.tasks) {
    const r = task.result as { latency?: { p50?: number; samplesCount?: number }; state?: string; error?: unknown } | undefined;
    const median = r?.latency?.p50 ?? Number.NaN;
    if (r?.error) console.log(`| ${task.name} | error: ${String(r.error)} | |`);
    else console.log(`| ${task.name} | ${median.toFixed(2)} | ${r?.latency?.samplesCount ?? '?'} |`);
    result.set(task.name, median);
  }
  return result;
}

/** Prints `a / b` as a ratio line and whether it meets `target`. */
export function ratio(label: string, numerator: number, denominator: number, target: number): void {
  const value = numerator / denominator;
  console.log(`\n${label}: ${value.toFixed(2)}x (target <= ${target}x: ${value <= target ? 'met' : 'NOT met'})`);
}

/** Prints whether `ms` meets an absolute budget. */
export function budget(label: string, ms: number, limitMs: number): void {
  console.log(`\n${label}: ${ms.toFixed(1)} ms (target <= ${limitMs} ms: ${ms <= limitMs ? 'met' : 'NOT met'})`);
}

/** A seeded PRNG (mulberry32) for reproducible benchmark data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * CPU time of this process for `fn` (user + system, ms): the median of `runs` calls after one
 * warm-up call. On a shared machine it is what an idle machine would show as wall time, except
 * that it includes V8's parallel garbage-collection threads.
 */
export function cpuMedian(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}
