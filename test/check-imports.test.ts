/**
 * The import rules (scripts/check-imports.ts): the real tree passes, and each rule bites on a small
 * fake tree that breaks it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImports, cycles, importSpecifiers } from '../scripts/check-imports.js';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cm-imports-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('check-imports', () => {
  it('finds nothing wrong in src/', () => {
    expect(checkImports(new URL('../src', import.meta.url).pathname)).toEqual([]);
  });

  it('reads import, import type, export from and dynamic import specifiers, and skips comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "const e = await import('./e.js');",
      "import './f.js';",
      "// import { g } from './g.js';",
      "/* export { h } from './h.js'; */",
      "import { z } from 'zod';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js']);
  });

  it('finds a cycle, also through type-only imports, and a self-import', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['a']]]))).toEqual([['a']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
    const root = tree({
      'nps/a.ts': "import type { B } from './b.js';\nexport type A = B;\n",
      'nps/b.ts': "import type { A } from './a.js';\nexport type B = A | 1;\n",
    });
    expect(checkImports(root).map((v) => v.rule)).toEqual(['cycle']);
  });

  it("refuses a reach into another area's _internal, and an area importing another area at all", () => {
    const root = tree({
      'nps/_internal/x.ts': 'export const x = 1;\n',
      'nps/index.ts': "export { x } from './_internal/x.js';\n",
      'retention/a.ts': "import { x } from '../nps/_internal/x.js';\nexport const a = x;\n",
      'retention/b.ts': "import { x } from '../nps/index.js';\nexport const b = x;\n",
    });
    expect(checkImports(root).map((v) => v.rule).sort()).toEqual(['internal', 'layer']);
  });

  it('lets sql and charts use another area through its index only', () => {
    const root = tree({
      'nps/index.ts': 'export const x = 1;\n',
      'nps/y.ts': 'export const y = 1;\n',
      'charts/a.ts': "import { x } from '../nps/index.js';\nexport const a = x;\n",
      'sql/b.ts': "import { y } from '../nps/y.js';\nexport const b = y;\n",
    });
    const found = checkImports(root);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('sql/b.ts imports nps/y.ts');
  });

  it('keeps _lib, errors and types below the areas, and nobody imports the root entry', () => {
    const root = tree({
      'errors.ts': 'export class E extends Error {}\n',
      'types.ts': "import type { E } from './errors.js';\nexport type T = E;\n",
      'nps/index.ts': 'export const x = 1;\n',
      '_lib/v.ts': "import { x } from '../nps/index.js';\nexport const v = x;\n",
      'index.ts': "export * from './nps/index.js';\n",
      'nps/z.ts': "import * as all from '../index.js';\nexport const z = all;\n",
    });
    expect(checkImports(root).map((v) => v.rule)).toEqual(['layer', 'layer']);
  });

  it('layers clv: a family may not import predictions, shared may not import data, simple stands alone', () => {
    const root = tree({
      'clv/shared/s.ts': "import { d } from '../data/d.js';\nexport const s = d;\n",
      'clv/data/d.ts': 'export const d = 1;\n',
      'clv/bgNbd/k.ts': "import { p } from '../predictions/p.js';\nexport const k = p;\n",
      'clv/predictions/p.ts': "import { d } from '../data/d.js';\nexport const p = d;\n",
      'clv/simple/f.ts': "import { d } from '../data/d.js';\nexport const f = d;\n",
      'clv/paretoNbd/q.ts': "import { d } from '../data/d.js';\nexport const q = d;\n",
      'clv/paretoNbd/r.ts': "import { k } from '../bgNbd/k.js';\nexport const r = k;\n",
    });
    const messages = checkImports(root).map((v) => v.message);
    expect(messages).toHaveLength(4);
    expect(messages.join('\n')).toMatch(/clv\/shared\/s\.ts imports clv\/data\/d\.ts/);
    expect(messages.join('\n')).toMatch(/clv\/bgNbd\/k\.ts imports clv\/predictions\/p\.ts/);
    expect(messages.join('\n')).toMatch(/clv\/simple\/f\.ts/);
    expect(messages.join('\n')).toMatch(/clv\/paretoNbd\/r\.ts imports clv\/bgNbd\/k\.ts/);
  });

  it('reports an import of a file that does not exist', () => {
    const root = tree({ 'nps/a.ts': "import { b } from './b.js';\nexport const a = b;\n" });
    expect(checkImports(root).map((v) => v.rule)).toEqual(['unresolved']);
  });
});
