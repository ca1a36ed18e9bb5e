/**
 * Access to the reference data sets kept as test fixtures in test/fixtures/data (CDNOW and the
 * donations data; see the README there for their sources). They live in the repository, so a fresh
 * clone runs every reference test and nothing skips for lack of data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of test/fixtures/data. */
export const fixtureDataDir = fileURLToPath(new URL('../fixtures/data/', import.meta.url));

/** Reads a file from test/fixtures/data as text. */
export function readFixtureData(relativePath: string): string {
  return readFileSync(join(fixtureDataDir, relativePath), 'utf8');
}
