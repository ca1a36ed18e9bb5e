/**
 * Extracts every `@example` in src/ into vitest files under test/doc-examples/generated/, so that
 * examples are type-checked (tsc) and run (vitest) like any other test.
 *
 * Conventions inside an example's ```ts fence:
 * - `import { a } from 'customer-metrics'` (or a subpath) is turned into a dynamic import, so that
 *   examples from one file never clash; `import type` lines are hoisted.
 * - `expr; // => value` asserts that `expr` deep-equals `value`.
 * - `expr; // => ~0.304` asserts a number equal to `value` to the decimals shown.
 * - `const x = expr; // => value` asserts `x`.
 *
 * It also writes manifest.json: every exported function or class in src/<area>/ with the number
 * of examples and assertions it has, which test/doc-examples/coverage.test.ts checks.
 *
 * Run: tsx test/doc-examples/extract.ts
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const srcDir = join(root, 'src');
const outDir = join(root, 'test', 'doc-examples', 'generated');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

interface Example {
  symbol: string;
  line: number;
  code: string[];
}

interface ManifestEntry {
  file: string;
  symbol: string;
  kind: string;
  examples: number;
  assertions: number;
}

const DOC_BLOCK = /\/\*\*([\s\S]*?)\*\/\s*(export\s+(?:declare\s+)?(?:async\s+)?(function\*?|class|const|interface|type|abstract class)\s+([A-Za-z0-9_$]+))?/g;

function extractExamples(source: string): { examples: Example[]; declared: { symbol: string; kind: string; examples: number; assertions: number }[] } {
  const examples: Example[] = [];
  const declared: { symbol: string; kind: string; examples: number; assertions: number }[] = [];
  for (const match of source.matchAll(DOC_BLOCK)) {
    const body = match[1] ?? '';
    const symbol = match[4] ?? 'module';
    const kind = match[3] ?? 'module';
    const startLine = source.slice(0, match.index).split('\n').length;
    const lines = body.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
    let count = 0;
    let asserts = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i]?.trim() ?? '')) continue;
      let j = i + 1;
      while (j < lines.length && !/^```(ts|typescript)\s*$/.test(lines[j]?.trim() ?? '')) j++;
      const code: string[] = [];
      j++;
      while (j < lines.length && !/^```\s*$/.test(lines[j]?.trim() ?? '')) code.push(lines[j++] ?? '');
      count++;
      asserts += code.filter((l) => /\/\/ =>/.test(l)).length;
      examples.push({ symbol, line: startLine + i, code });
      i = j;
    }
    if (match[2]) declared.push({ symbol, kind, examples: count, assertions: asserts });
  }
  return { examples, declared };
}

function convertImport(line: string): { runtime?: string; hoisted?: string } | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('import ')) return undefined;
  if (trimmed.startsWith('import type ')) return { hoisted: trimmed };
  let m = /^import\s+\{([^}]*)\}\s+from\s+(['"][^'"]+['"]);?$/.exec(trimmed);
  if (m) {
    const names = (m[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .filter((s) => !s.startsWith('type '))
      .map((s) => s.replace(/\s+as\s+/, ': '));
    const types = (m[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('type '))
      .map((s) => s.slice(5));
    return {
      runtime: names.length > 0 ? `const { ${names.join(', ')} } = await import(${m[2]});` : '',
      ...(types.length > 0 ? { hoisted: `import type { ${types.join(', ')} } from ${m[2]};` } : {}),
    };
  }
  m = /^import\s+\*\s+as\s+(\w+)\s+from\s+(['"][^'"]+['"]);?$/.exec(trimmed);
  if (m) return { runtime: `const ${m[1]} = await import(${m[2]});` };
  m = /^import\s+(\w+)\s+from\s+(['"][^'"]+['"]);?$/.exec(trimmed);
  if (m) return { runtime: `const { default: ${m[1]} } = await import(${m[2]});` };
  throw new Error(`Unsupported import form in an example: ${trimmed}`);
}

function convertLine(line: string, where: string): string {
  const idx = line.indexOf('// =>');
  if (idx < 0) return line;
  const code = line.slice(0, idx).trim().replace(/;\s*$/, '');
  const expected = line.slice(idx + 5).trim();
  const decl = /^(const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/.exec(code);
  const label = JSON.stringify(`${where}: ${line.trim()}`);
  const subject = decl ? decl[2] : `(${code})`;
  const prefix = decl ? `${code};\n` : '';
  if (expected.startsWith('~')) {
    return `${prefix}__approx(${subject}, ${JSON.stringify(expected.slice(1).trim())}, ${label});`;
  }
  return `${prefix}expect(${subject}, ${label}).toEqual(${expected});`;
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const manifest: ManifestEntry[] = [];
let total = 0;
for (const file of walk(srcDir)) {
  const rel = relative(root, file).split('\\').join('/');
  const { examples, declared } = extractExamples(readFileSync(file, 'utf8'));
  for (const d of declared) manifest.push({ file: rel, ...d });
  if (examples.length === 0) continue;
  const hoisted = new Set<string>();
  const tests: string[] = [];
  for (const ex of examples) {
    const body: string[] = [];
    for (const line of ex.code) {
      const imp = convertImport(line);
      if (imp) {
        if (imp.hoisted) hoisted.add(imp.hoisted);
        if (imp.runtime) body.push(imp.runtime);
        continue;
      }
      body.push(convertLine(line, `${rel}:${ex.line}`));
    }
    total++;
    tests.push(
      `it(${JSON.stringify(`${ex.symbol} @example (${rel}:${ex.line})`)}, async () => {\n${body.map((l) => `  ${l}`).join('\n')}\n});`,
    );
  }
  const name = rel.replace(/^src\//, '').replace(/\.ts$/, '').replace(/[\\/]/g, '__');
  const content = [
    `// Generated by test/doc-examples/extract.ts from ${rel}. Do not edit.`,
    `/* eslint-disable */`,
    `import { expect, it } from 'vitest';`,
    `import { __approx } from '../approx.js';`,
    ...hoisted,
    '',
    ...tests,
    '',
  ].join('\n');
  writeFileSync(join(outDir, `${name}.test.ts`), content);
}
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`doc examples: ${total} extracted from src/ into ${relative(root, outDir)}`);
