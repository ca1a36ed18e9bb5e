/**
 * Plans and runs the hostile suite; shared by hostile.test.ts (the deterministic core of `npm test`)
 * and the long seeded run (`npm run test:hostile:long`, long.ts).
 */
import { type Case, describeCase, plan, type PlanOptions } from './cases.js';
import { coverage } from './exports.js';
import { type Finding, runCases } from './pool.js';

export interface RunOptions extends PlanOptions {
  /** Only exports whose `subpath/name` contains this text. */
  readonly only?: string;
  readonly workers?: number;
  /** Case descriptions not to run (known hangs in the core run). */
  readonly skip?: ReadonlySet<string>;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RunReport {
  readonly missing: string[];
  readonly stale: string[];
  readonly cases: number;
  readonly findings: Finding[];
  readonly failures: Finding[];
  readonly keeps: string[];
}

export async function runSuite(options: RunOptions): Promise<RunReport> {
  const { missing, stale, refs, specs } = await coverage();
  const cases: Case[] = [];
  const keeps: string[] = [];
  for (const ref of refs) {
    if (options.only !== undefined && !`${ref.subpath}/${ref.name}`.includes(options.only)) continue;
    const spec = specs.get(ref.subpath)?.[ref.name];
    if (spec === undefined) continue;
    for (const [path, reason] of Object.entries(spec.keep ?? {})) keeps.push(`${ref.subpath}/${ref.name} args.${path}: ${reason}`);
    const planned = await plan(ref.subpath, ref.name, spec, options);
    cases.push(...(options.skip === undefined ? planned : planned.filter((c) => !options.skip?.has(describeCase(c)))));
  }
  const findings = await runCases(cases, options.workers ?? 2, (done) => options.onProgress?.(done, cases.length));
  const failures = findings.filter((f) => f.verdict.problems.length > 0);
  return { missing, stale, cases: cases.length, findings, failures, keeps };
}

/** A readable list of failures, one line each, grouped by export. */
export function formatFailures(failures: readonly Finding[], limit = 400): string {
  const lines = failures.slice(0, limit).map((f) => `- ${f.description}: ${f.verdict.problems.join('; ')}`);
  if (failures.length > limit) lines.push(`... and ${failures.length - limit} more`);
  return lines.join('\n');
}

/** The slowest cases, for keeping the core within its time. */
export function slowest(findings: readonly Finding[], n = 10): string {
  return [...findings]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n)
    .map((f) => `${Math.round(f.ms)} ms  ${f.description}`)
    .join('\n');
}
