/**
 * Enumerates, at test time, every runtime export of every subpath in package.json's `exports`, and
 * the spec each one needs (test/hostile/specs/<subpath>.ts; names the root defines itself, such as
 * the error classes of src/errors.ts, in specs/root.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HostileSpec, HostileSpecs } from './spec.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** One subpath of the package: its name (`root` for `.`), its source entry and spec file. */
export interface Subpath {
  readonly name: string;
  readonly entry: string;
  readonly specFile: string;
}

/** Every subpath of package.json's exports that is code (not `./package.json`). */
export function subpaths(): Subpath[] {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports: Record<string, unknown> };
  const out: Subpath[] = [];
  for (const key of Object.keys(pkg.exports)) {
    if (key.endsWith('.json')) continue;
    const name = key === '.' ? 'root' : key.replace(/^\.\//, '');
    const entry = key === '.' ? `${root}src/index.ts` : `${root}src/${name}/index.ts`;
    out.push({ name, entry, specFile: `${root}test/hostile/specs/${name}.ts` });
  }
  return out;
}

/** One runtime export with the subpath whose spec covers it. */
export interface ExportRef {
  readonly subpath: string;
  readonly name: string;
}

/** The loaded module of each subpath. */
export async function loadModules(list: readonly Subpath[]): Promise<Map<string, Record<string, unknown>>> {
  const modules = new Map<string, Record<string, unknown>>();
  for (const s of list) modules.set(s.name, (await import(pathToFileURL(s.entry).href)) as Record<string, unknown>);
  return modules;
}

/**
 * Every runtime export, each assigned to the subpath that defines it: an area's own subpath, or
 * `root` for a name that no area subpath exports.
 */
export async function exportRefs(list: readonly Subpath[]): Promise<ExportRef[]> {
  const modules = await loadModules(list);
  const refs: ExportRef[] = [];
  const inArea = new Set<string>();
  for (const s of list) {
    if (s.name === 'root') continue;
    for (const name of Object.keys(modules.get(s.name) ?? {})) {
      refs.push({ subpath: s.name, name });
      inArea.add(name);
    }
  }
  for (const name of Object.keys(modules.get('root') ?? {})) if (!inArea.has(name)) refs.push({ subpath: 'root', name });
  return refs;
}

/** The specs of one subpath (empty when its spec file does not exist). */
export async function loadSpecs(s: Subpath): Promise<HostileSpecs> {
  if (!existsSync(s.specFile)) return {};
  const mod = (await import(pathToFileURL(s.specFile).href)) as { specs?: HostileSpecs };
  return mod.specs ?? {};
}

/** Exports without a spec, and specs without an export (stale). */
export async function coverage(): Promise<{ missing: string[]; stale: string[]; refs: ExportRef[]; specs: Map<string, HostileSpecs> }> {
  const list = subpaths();
  const refs = await exportRefs(list);
  const specs = new Map<string, HostileSpecs>();
  for (const s of list) specs.set(s.name, await loadSpecs(s));
  const missing = refs.filter((r) => specs.get(r.subpath)?.[r.name] === undefined).map((r) => `${r.subpath}: ${r.name}`);
  const names = new Set(refs.map((r) => `${r.subpath}: ${r.name}`));
  const stale: string[] = [];
  for (const [subpath, map] of specs) for (const name of Object.keys(map)) if (!names.has(`${subpath}: ${name}`)) stale.push(`${subpath}: ${name}`);
  return { missing, stale, refs, specs };
}

export type { HostileSpec };
