/**
 * The package's public surface stays consistent: every area folder src/<area>/index.ts is built by
 * tsup, exported as a subpath in package.json (types first), documented by TypeDoc, and re-exported
 * from the root entry. No Node built-in is imported anywhere in src/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areas } from '../tsup.config.js';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  type: string;
  sideEffects: boolean;
  engines: { node: string };
};
const areaDirs = readdirSync(join(root, 'src')).filter(
  (name) => !name.startsWith('_') && statSync(join(root, 'src', name)).isDirectory(),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('package surface', () => {
  it('is an ESM-first package without side effects, for Node 20 and later', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.engines.node).toBe('>=20');
  });

  it('has exactly the allowed runtime dependencies and TypeScript pinned to ~5.9', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['date-fns', 'decimal.js', 'zod']);
    expect(pkg.devDependencies.typescript).toMatch(/^~5\.9/);
  });

  it.each(areaDirs)('area %s is built, exported with types first, and re-exported from the root', (area) => {
    expect(areas).toContain(area);
    const entry = pkg.exports[`./${area}`] as { import: Record<string, string>; require: Record<string, string> };
    expect(entry, `package.json exports has no "./${area}"`).toBeDefined();
    expect(Object.keys(entry.import)[0]).toBe('types');
    expect(Object.keys(entry.require)[0]).toBe('types');
    expect(entry.import.default).toBe(`./dist/${area}/index.js`);
    expect(entry.require.default).toBe(`./dist/${area}/index.cjs`);
    expect(readFileSync(join(root, 'src', 'index.ts'), 'utf8')).toContain(`export * from './${area}/index.js';`);
  });

  it('lists no area that does not exist', () => {
    expect([...areas].sort()).toEqual([...areaDirs].sort());
  });

  it('imports no Node built-in in src/', () => {
    for (const file of sourceFiles(join(root, 'src'))) {
      // Comments may mention such words ("compiled once per process"); code may not.
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      expect(text, file).not.toMatch(/from\s+['"](node:|fs['"]|path['"]|os['"]|crypto['"]|child_process['"])/);
      expect(text, file).not.toMatch(/\bprocess\.|\brequire\(|\bBuffer\b|console\./);
    }
  });
});
