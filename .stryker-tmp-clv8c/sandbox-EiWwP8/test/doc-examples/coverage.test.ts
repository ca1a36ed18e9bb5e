// @ts-nocheck
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

describe('doc examples', () => {
  it('were extracted (run `tsx test/doc-examples/extract.ts`, part of `npm test`)', () => {
    expect(existsSync(manifestUrl)).toBe(true);
  });

  const manifest: ManifestEntry[] = existsSync(manifestUrl) ? JSON.parse(readFileSync(manifestUrl, 'utf8')) : [];
  const publicCallables = manifest.filter(
    (e) => !e.file.startsWith('src/_lib/') && !e.file.includes('/_internal/') && (e.kind === 'function' || e.kind === 'class'),
  );

  it('cover at least one public function', () => {
    expect(publicCallables.length).toBeGreaterThan(0);
  });

  it.each(publicCallables.map((e) => [`${e.file} ${e.symbol}`, e] as const))(
    '%s has an @example with at least one asserted `// =>` line',
    (_, entry) => {
      expect(entry.examples, `${entry.symbol} in ${entry.file} has no @example`).toBeGreaterThan(0);
      expect(entry.assertions, `${entry.symbol} in ${entry.file} asserts nothing`).toBeGreaterThan(0);
    },
  );
});
