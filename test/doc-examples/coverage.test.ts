import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface ManifestEntry {
  file: string;
  symbol: string;
  kind: string;
  examples: number;
  assertions: number;
}

const manifestUrl = new URL('./generated/manifest.json', import.meta.url);
// The public value names of the package (test/exports.json, pinned by test/exports.test.ts): a
// function or class is public when the package exports it, wherever its file sits.
const exported = new Set<string>(
  Object.values(JSON.parse(readFileSync(new URL('../exports.json', import.meta.url), 'utf8')) as Record<string, { values: string[] }>).flatMap((e) => e.values),
);

describe('doc examples', () => {
  it('were extracted (run `tsx test/doc-examples/extract.ts`, part of `npm test`)', () => {
    expect(existsSync(manifestUrl)).toBe(true);
  });

  const manifest: ManifestEntry[] = existsSync(manifestUrl) ? JSON.parse(readFileSync(manifestUrl, 'utf8')) : [];
  const publicCallables = manifest.filter(
    (e) => !e.file.startsWith('src/_lib/') && exported.has(e.symbol) && (e.kind === 'function' || e.kind === 'class'),
  );

  it('cover every exported function and class', () => {
    expect(publicCallables.length).toBeGreaterThan(0);
    const documented = new Set(publicCallables.map((e) => e.symbol));
    const kinds = new Set(manifest.filter((e) => e.kind === 'function' || e.kind === 'class').map((e) => e.symbol));
    // every exported callable that the extractor saw is checked
    expect([...exported].filter((n) => kinds.has(n) && !documented.has(n))).toEqual([]);
  });

  it.each(publicCallables.map((e) => [`${e.file} ${e.symbol}`, e] as const))(
    '%s has an @example with at least one asserted `// =>` line',
    (_, entry) => {
      expect(entry.examples, `${entry.symbol} in ${entry.file} has no @example`).toBeGreaterThan(0);
      expect(entry.assertions, `${entry.symbol} in ${entry.file} asserts nothing`).toBeGreaterThan(0);
    },
  );
});
