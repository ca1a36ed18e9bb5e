/**
 * Every runtime export of every subpath (test/exports.json, which test/exports.test.ts keeps equal
 * to the package) is named in the `export const covered = [...] as const;` list of some edges test file, so that a new export
 * without edge-domain tests fails here; and every listed name is a real export, so that a list
 * cannot go stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('./', import.meta.url));
const exportsJson = JSON.parse(readFileSync(fileURLToPath(new URL('../../exports.json', import.meta.url)), 'utf8')) as Record<string, { values: string[] }>;

describe('edges coverage', () => {
  it('every runtime export of every subpath is covered by an edges test file, and every covered name is an export', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts');
    const covered = new Map<string, string[]>();
    for (const f of files) {
      // read, not imported: importing a test file would register its suites inside this test
      const list = /export const covered = \[([^\]]*)\] as const;/.exec(readFileSync(`${here}${f}`, 'utf8'));
      expect(list, `${f} exports its covered list`).not.toBeNull();
      for (const [, name] of (list?.[1] ?? '').matchAll(/'([^']+)'/g)) covered.set(name as string, [...(covered.get(name as string) ?? []), f]);
    }
    const exported = new Set(Object.values(exportsJson).flatMap((s) => s.values));
    const missing = [...exported].filter((name) => !covered.has(name)).sort();
    const stale = [...covered.keys()].filter((name) => !exported.has(name)).sort();
    expect(missing, 'exports without edge-domain tests').toEqual([]);
    expect(stale, 'covered names that are not exports').toEqual([]);
    expect(exported.size).toBeGreaterThan(100);
  });
});
