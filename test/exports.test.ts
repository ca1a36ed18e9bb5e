/**
 * The public API is pinned: every entry point (the root and each subpath of package.json `exports`)
 * exports exactly the value and type names listed in test/exports.json. A change to the public
 * surface is deliberate: regenerate the file with `UPDATE_EXPORTS=1 npx vitest run test/exports.test.ts`
 * and say what changed in CHANGELOG.md. The runtime names are also checked against what the modules
 * really export when imported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type EntryExports, entryPoints, exportNames } from './helpers/export-names.js';

const root = new URL('..', import.meta.url).pathname;
const pinnedFile = join(root, 'test', 'exports.json');

describe('public export lists', () => {
  const actual = exportNames(root);
  if (process.env.UPDATE_EXPORTS === '1') writeFileSync(pinnedFile, `${JSON.stringify(actual, null, 2)}\n`);
  const pinned = JSON.parse(readFileSync(pinnedFile, 'utf8')) as Record<string, EntryExports>;

  it('has the same entry points as pinned', () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(pinned).sort());
  });

  it.each(Object.keys(pinned))('entry %s exports exactly the pinned values and types', (key) => {
    expect(actual[key]?.values, `values of ${key}`).toEqual(pinned[key]?.values);
    expect(actual[key]?.types, `types of ${key}`).toEqual(pinned[key]?.types);
  });

  it.each(Object.entries(entryPoints(root)))('entry %s: the modules export exactly the pinned value names at run time', async (key, file) => {
    const mod = (await import(file)) as Record<string, unknown>;
    expect(Object.keys(mod).sort()).toEqual(pinned[key]?.values);
  });

  it('the root entry exports the union of the areas and the error module', async () => {
    const errors = Object.keys((await import('../src/errors.js')) as Record<string, unknown>);
    const areaKeys = Object.keys(pinned).filter((k) => k !== '.');
    const union = new Set([...errors, ...areaKeys.flatMap((k) => pinned[k]?.values ?? [])]);
    expect([...union].sort()).toEqual(pinned['.']?.values);
  });
});
