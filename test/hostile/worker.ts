/**
 * Runs hostile calls in a worker thread: rebuilds each case from its spec and the catalogue, makes
 * the call, and checks the outcome (see inspect.ts). Started through worker-boot.mjs, which
 * registers the TypeScript loader.
 */
import { parentPort } from 'node:worker_threads';
import { isMetricsFitError, isMetricsInputError } from '../../src/errors.js';
import { SqlQueryError } from '../../src/sql/index.js';
import { type Built, entryById } from './catalogue.js';
import type { Case, Path } from './cases.js';
import { loadModules, loadSpecs, subpaths } from './exports.js';
import { badResultPath, builtinsChanged, builtinsSnapshot, describeThrown, errorShapeProblems, snapshot, snapshotDiff } from './inspect.js';
import type { HostileSpec, HostileSpecs } from './spec.js';

/** What a worker reports about one case. */
export interface Verdict {
  /** 'result', 'input-error', 'fit-error', 'caller-error', or what went wrong. */
  readonly outcome: string;
  readonly problems: readonly string[];
}

const list = subpaths();
let modules: Map<string, Record<string, unknown>> | undefined;
const specCache = new Map<string, HostileSpecs>();
const baselineOutcome = new Map<string, string>();

async function specOf(subpath: string, name: string): Promise<HostileSpec> {
  let specs = specCache.get(subpath);
  if (specs === undefined) {
    const s = list.find((x) => x.name === subpath);
    if (s === undefined) throw new Error(`unknown subpath ${subpath}`);
    specs = await loadSpecs(s);
    specCache.set(subpath, specs);
  }
  const spec = specs[name];
  if (spec === undefined) throw new Error(`no spec for ${subpath}: ${name}`);
  return spec;
}

async function exportOf(subpath: string, name: string): Promise<unknown> {
  modules ??= await loadModules(list);
  return modules.get(subpath)?.[name];
}

function setAt(args: unknown[], path: Path, built: Built): void {
  let parent: Record<string | number, unknown> = args as unknown as Record<number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (built.remove === true) {
    if (Array.isArray(parent) && parent === (args as unknown)) parent[last as number] = undefined;
    else delete parent[last];
  } else parent[last] = built.value;
}

function isDeepFrozen(value: unknown, seen = new Set<object>()): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return true;
  if (seen.has(value)) return true;
  seen.add(value);
  if (!Object.isFrozen(value)) return false;
  return Reflect.ownKeys(value).every((key) => {
    const d = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    return !('value' in d) || isDeepFrozen(d.value, seen);
  });
}

async function call(spec: HostileSpec, target: unknown, args: unknown[]): Promise<unknown> {
  if (spec.kind === 'class') return new (target as new (...a: unknown[]) => unknown)(...args);
  const out = (target as (...a: unknown[]) => unknown)(...args);
  return spec.async === true ? await out : out;
}

async function run(c: Case): Promise<Verdict> {
  const spec = await specOf(c.subpath, c.name);
  const target = await exportOf(c.subpath, c.name);
  if (c.kind === 'constant') {
    const ok = isDeepFrozen(target);
    return { outcome: ok ? 'result' : 'mutable constant', problems: ok ? [] : ['the constant is not deeply frozen'] };
  }
  const problems: string[] = [];
  let args: unknown[];
  const built: Built[] = [];
  if (c.kind === 'refuse') {
    const make = spec.refuse?.[c.refuse ?? ''];
    if (make === undefined) return { outcome: 'bad spec', problems: [`no refuse case ${c.refuse ?? ''}`] };
    args = await make();
  } else {
    args = spec.valid === undefined ? [] : await spec.valid();
    for (const r of c.replacements ?? []) {
      const b = entryById(r.entry).build(valueAt(args, r.path));
      built.push(b);
      setAt(args, r.path, b);
    }
  }
  const opaque = new Set<object>(built.flatMap((b) => b.opaque ?? []));
  const payload = built.find((b) => b.payload !== undefined)?.payload;
  const before = snapshot(args, opaque);
  const builtinsBefore = builtinsSnapshot();
  let outcome: string;
  try {
    const result = await call(spec, target, args);
    outcome = 'result';
    for (const b of built) if (b.trap?.touched === true) problems.push("the caller's exception was swallowed");
    const bad = badResultPath(result, opaque);
    if (bad !== undefined) problems.push(`result holds ${bad}`);
  } catch (error) {
    const trapped = built.find((b) => b.trap?.touched === true);
    if (trapped !== undefined) {
      outcome = 'caller-error';
      if (error !== trapped.trap?.error) problems.push(`the caller's exception did not propagate unchanged: got ${describeThrown(error)}`);
    } else if (error instanceof TypeError && built.some((b) => b.engineError?.test(error.message) === true)) {
      outcome = 'caller-error';
    } else if (error instanceof SqlQueryError && c.subpath === 'sql') {
      // The engine refused a statement built from valid, safely quoted input (a table that does not
      // exist): the sql area's documented engine error, carrying the SQL and the driver's error.
      outcome = 'engine-error';
      if (typeof error.sql !== 'string' || error.sql.length === 0) problems.push('SqlQueryError without its SQL');
    } else if (isMetricsInputError(error) || isMetricsFitError(error)) {
      outcome = isMetricsInputError(error) ? 'input-error' : 'fit-error';
      problems.push(...errorShapeProblems(error, payload));
      if (c.kind === 'baseline' && isMetricsInputError(error)) problems.push(error.message.slice(0, 300));
    } else {
      outcome = 'raw-error';
      problems.push(`threw ${describeThrown(error)}`);
    }
  }
  if (c.kind === 'refuse' && outcome !== 'input-error') problems.push(`expected a MetricsInputError, got ${outcome}`);
  if (c.kind === 'baseline' && outcome !== 'result') problems.push(`the valid call did not return a result (${outcome})`);
  if (c.kind === 'baseline') baselineOutcome.set(`${c.subpath}.${c.name}`, outcome);
  if (built.some((b) => b.sameAsValid === true) && built.length === 1 && outcome !== 'result') {
    problems.push(`the same data in a frozen / getter copy gave ${outcome}, not a result`);
  }
  const after = snapshot(args, opaque);
  const diff = snapshotDiff(before, after);
  if (diff >= 0) problems.push(`the caller's arguments were changed (snapshot entry ${diff}: ${String(before[diff]).slice(0, 60)} -> ${String(after[diff]).slice(0, 60)})`);
  const changed = builtinsChanged(builtinsBefore, builtinsSnapshot());
  if (changed.length > 0) problems.push(`built-ins changed: ${changed.join(', ')}`);
  return { outcome, problems };
}

function valueAt(args: unknown[], path: Path): unknown {
  let v: unknown = args;
  for (const key of path) v = (v as Record<string | number, unknown>)[key];
  return v;
}

parentPort?.on('message', (message: { id: number; case: Case }) => {
  run(message.case).then(
    (verdict) => parentPort?.postMessage({ id: message.id, verdict }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, verdict: { outcome: 'suite error', problems: [`${describeThrown(error)} ${error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 4).join(' ') : ''}`] } }),
  );
});
// Load every module and spec before answering ready, so that no call's deadline pays for loading.
modules = await loadModules(list);
for (const s of list) specCache.set(s.name, await loadSpecs(s));
parentPort?.postMessage({ ready: true });
