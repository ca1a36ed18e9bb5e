/**
 * Plans the hostile calls: for each export, the baseline (its valid call), each argument path
 * (each argument, and each field inside it to a bounded depth) crossed with the catalogue, and the
 * spec's own `refuse` calls.
 *
 * The deterministic core (`npm test`) walks paths to depth 3 and runs the heavy entries (huge
 * arrays, very deep structures) at top-level arguments only. The long run walks to depth 5, runs
 * every entry everywhere, and adds seeded calls that replace two paths at once.
 */
import { catalogue, entriesFor } from './catalogue.js';
import type { HostileSpec } from './spec.js';

export type Path = readonly (string | number)[];

/** One hostile call, serialisable so that a worker can rebuild it. */
export interface Case {
  readonly subpath: string;
  readonly name: string;
  /** 'baseline': the valid call; 'replace': catalogue values at paths; 'refuse': a spec's refuse call. */
  readonly kind: 'baseline' | 'replace' | 'refuse' | 'constant';
  readonly replacements?: readonly { readonly path: Path; readonly entry: string }[];
  readonly refuse?: string;
  readonly deadlineMs: number;
}

export interface PlanOptions {
  readonly depth: number;
  readonly heavyEverywhere: boolean;
  /** Seeded double replacements per export (long run). */
  readonly pairs: number;
  readonly seed: number;
}

export const CORE: PlanOptions = { depth: 3, heavyEverywhere: false, pairs: 0, seed: 1 };
export const LONG: PlanOptions = { depth: 5, heavyEverywhere: true, pairs: 60, seed: 20261207 };

// Plain records and arrays are walked into; class instances (a Decimal, a Date, a Map) are values,
// replaced whole but not taken apart (a Decimal's digit array is not the caller's data).
const isWalkable = (v: unknown): v is object => {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Array.isArray(v);
};

/** Every path into `args` to `depth` (arrays: their first element), with the valid value there. */
export function paths(args: readonly unknown[], depth: number, keep: Readonly<Record<string, string>> = {}): { path: Path; value: unknown }[] {
  const out: { path: Path; value: unknown }[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (Object.hasOwn(keep, path.join('.'))) return;
    out.push({ path, value });
    if (path.length >= depth || !isWalkable(value)) return;
    if (Array.isArray(value)) {
      if (value.length > 0) visit(value[0], [...path, 0]);
      return;
    }
    for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], [...path, key]);
  };
  args.forEach((arg, i) => visit(arg, [i]));
  return out;
}

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The cases of one export. */
export async function plan(subpath: string, name: string, spec: HostileSpec, options: PlanOptions): Promise<Case[]> {
  const deadlineMs = spec.deadlineMs ?? 5000;
  const kind = spec.kind ?? 'function';
  if (kind === 'constant') return [{ subpath, name, kind: 'constant', deadlineMs }];
  const cases: Case[] = [{ subpath, name, kind: 'baseline', deadlineMs }];
  const args = spec.valid === undefined ? [] : await spec.valid();
  const found = paths(args, options.depth, spec.keep);
  const singles: { path: Path; entry: string }[] = [];
  for (const { path, value } of found) {
    for (const entry of entriesFor(value)) {
      if (entry.heavy === true && !options.heavyEverywhere && path.length > 1) continue;
      singles.push({ path, entry: entry.id });
    }
  }
  for (const r of singles) cases.push({ subpath, name, kind: 'replace', replacements: [r], deadlineMs });
  if (options.pairs > 0 && found.length > 1) {
    const random = seeded(options.seed ^ hash(`${subpath}.${name}`));
    const light = catalogue.filter((e) => e.heavy !== true && e.applies === undefined);
    for (let i = 0; i < options.pairs; i++) {
      const a = found[Math.floor(random() * found.length)] as { path: Path };
      const b = found[Math.floor(random() * found.length)] as { path: Path };
      if (a.path.join('.') === b.path.join('.')) continue;
      // Replacing a path and a path inside it is the same as replacing the outer one alone.
      if (a.path.join('.').startsWith(b.path.join('.')) || b.path.join('.').startsWith(a.path.join('.'))) continue;
      const ea = light[Math.floor(random() * light.length)] as { id: string };
      const eb = light[Math.floor(random() * light.length)] as { id: string };
      cases.push({ subpath, name, kind: 'replace', replacements: [{ path: a.path, entry: ea.id }, { path: b.path, entry: eb.id }], deadlineMs });
    }
  }
  for (const key of Object.keys(spec.refuse ?? {})) cases.push({ subpath, name, kind: 'refuse', refuse: key, deadlineMs });
  return cases;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** How a case is printed in a report. */
export function describeCase(c: Case): string {
  const head = `${c.subpath === 'root' ? '' : `${c.subpath}/`}${c.name}`;
  if (c.kind === 'baseline') return `${head} (valid call)`;
  if (c.kind === 'constant') return `${head} (constant)`;
  if (c.kind === 'refuse') return `${head} refuse '${c.refuse ?? ''}'`;
  const parts = (c.replacements ?? []).map((r) => `args.${r.path.join('.')} <- ${r.entry}`);
  return `${head} ${parts.join(', ')}`;
}
