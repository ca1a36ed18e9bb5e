/**
 * The import rules of src/ (docs/architecture.md), checked on every `npm test`:
 *
 * 1. No import cycles between source files (type-only imports and re-exports included).
 * 2. Layers point down: `errors.ts` and `types.ts` import nothing of ours but each other's types;
 *    `_lib/` imports only `_lib/`, `errors` and `types`; an area imports `_lib`, `errors`, `types` and
 *    its own files; the cross-cutting areas (`sql`, `charts`) may also import another area's public
 *    `index.ts`, and nothing else of it.
 * 3. Nobody reaches into another area's `_internal/`.
 * 4. Inside `clv`, folders are layered: shared < data < model families < predictions < validation,
 *    and `simple/` stands alone; a folder imports only its own files and the layers below it.
 *
 * Usage: `tsx scripts/check-imports.ts [srcDir]`; exits 1 and lists every violation.
 * Test files (`*.test.ts`) are not part of the graph: tests may import whatever they check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One problem found: the rule and the files involved. */
export interface ImportViolation {
  readonly rule: 'cycle' | 'layer' | 'internal' | 'clv-layer' | 'unresolved';
  readonly message: string;
}

const CROSS_CUTTING = new Set(['sql', 'charts']);
/** clv folders by layer: a folder may import folders of a lower or equal layer (equal only itself). */
const CLV_LAYERS: Readonly<Record<string, number>> = {
  shared: 0,
  data: 1,
  bgNbd: 2,
  paretoNbd: 2,
  bgBb: 2,
  shiftedBetaGeometric: 2,
  gammaGamma: 2,
  predictions: 3,
  validation: 4,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

// Every `from '...'` (import, import type, export ... from) and dynamic `import('...')` with a relative path.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]+)\1/g;

/** Relative import specifiers of one source text (comments are stripped first). */
export function importSpecifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(SPECIFIER)].map((m) => m[2] as string);
}

/** The import graph of the .ts files under `srcDir`: file -> files it imports (absolute paths). */
export function importGraph(srcDir: string, violations: ImportViolation[] = []): Map<string, string[]> {
  const files = sourceFiles(srcDir);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      const base = resolve(dirname(file), spec);
      const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
      const target = candidates.find((c) => known.has(c));
      if (target === undefined) {
        if (!spec.endsWith('.json')) violations.push({ rule: 'unresolved', message: `${relative(srcDir, file)} imports '${spec}', which is no source file` });
      } else targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return found;
}

// 'src/clv/bgNbd/x.ts' -> ['clv', 'bgNbd', 'x.ts'] relative to srcDir.
function parts(srcDir: string, file: string): string[] {
  return relative(srcDir, file).split(sep);
}

/** Every violation of the rules in the module comment. */
export function checkImports(srcDir: string): ImportViolation[] {
  const violations: ImportViolation[] = [];
  const graph = importGraph(srcDir, violations);
  for (const component of cycles(graph)) {
    violations.push({ rule: 'cycle', message: `import cycle: ${component.map((f) => relative(srcDir, f)).join(' <-> ')}` });
  }
  for (const [file, targets] of graph) {
    const from = parts(srcDir, file);
    for (const target of targets) {
      const to = parts(srcDir, target);
      const what = `${from.join('/')} imports ${to.join('/')}`;
      const fromTop = from.length === 1 ? from[0] : from[0];
      const toTop = to[0] as string;
      const toIsGround = to.length === 1; // errors.ts, types.ts, index.ts
      if (to.length === 1 && toTop === 'index.ts') {
        violations.push({ rule: 'layer', message: `${what}: nothing imports the root entry` });
        continue;
      }
      if (from.length === 1) {
        // errors.ts, types.ts: only each other; index.ts: area indexes and the ground files
        if (fromTop === 'index.ts') {
          if (!(toIsGround || (to.length === 2 && to[1] === 'index.ts'))) violations.push({ rule: 'layer', message: `${what}: the root entry re-exports area indexes only` });
        } else if (!toIsGround) violations.push({ rule: 'layer', message: `${what}: errors and types are the ground layer` });
        continue;
      }
      if (fromTop === '_lib') {
        if (!(toTop === '_lib' || toIsGround)) violations.push({ rule: 'layer', message: `${what}: _lib may import only _lib, errors and types` });
        continue;
      }
      // an area
      if (toTop === '_lib' || toIsGround || toTop === fromTop) {
        if (toTop === fromTop && fromTop === 'clv') checkClvLayer(from, to, what, violations);
        continue;
      }
      if (to.includes('_internal')) {
        violations.push({ rule: 'internal', message: `${what}: another area's _internal is private to it` });
        continue;
      }
      if (CROSS_CUTTING.has(fromTop as string) && to.length === 2 && to[1] === 'index.ts') continue;
      violations.push({
        rule: 'layer',
        message: CROSS_CUTTING.has(fromTop as string)
          ? `${what}: ${fromTop} may use another area only through its index.ts`
          : `${what}: an area imports only _lib, errors, types and its own files`,
      });
    }
  }
  return violations;
}

function checkClvLayer(from: string[], to: string[], what: string, violations: ImportViolation[]): void {
  const a = from.length > 2 ? (from[1] as string) : undefined; // undefined: clv/index.ts
  const b = to.length > 2 ? (to[1] as string) : undefined;
  if (a === undefined || a === b) return;
  if (b === undefined) {
    violations.push({ rule: 'clv-layer', message: `${what}: nothing inside clv imports clv/index.ts` });
    return;
  }
  if (a === 'simple' || b === 'simple') {
    violations.push({ rule: 'clv-layer', message: `${what}: clv/simple stands alone` });
    return;
  }
  const la = CLV_LAYERS[a];
  const lb = CLV_LAYERS[b];
  if (la === undefined || lb === undefined) {
    violations.push({ rule: 'clv-layer', message: `${what}: clv/${la === undefined ? a : b} has no layer in scripts/check-imports.ts` });
    return;
  }
  if (lb >= la) violations.push({ rule: 'clv-layer', message: `${what}: clv/${a} (layer ${la}) may import only lower layers, not clv/${b} (layer ${lb})` });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srcDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src'));
  const violations = checkImports(srcDir);
  for (const v of violations) console.error(`[${v.rule}] ${v.message}`);
  const files = importGraph(srcDir).size;
  if (violations.length > 0) {
    console.error(`check-imports: ${violations.length} violation(s) in ${files} source files`);
    process.exit(1);
  }
  console.log(`check-imports: ${files} source files, no cycles, layers respected`);
}
