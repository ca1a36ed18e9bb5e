/**
 * Access to the reference data sets kept as test fixtures in test/fixtures/data (CDNOW and the
 * donations data; see the README there for their sources). They live in the repository, so a fresh
 * clone runs every reference test and nothing skips for lack of data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transaction } from '../../src/clv/index.js';

/** Absolute path of test/fixtures/data. */
export const fixtureDataDir = fileURLToPath(new URL('../fixtures/data/', import.meta.url));

/** Reads a file from test/fixtures/data as text. */
export function readFixtureData(relativePath: string): string {
  return readFileSync(join(fixtureDataDir, relativePath), 'utf8');
}

/** The CDNOW sample (6,919 purchases of 2,357 customers, 1997-01-01 .. 1998-06-30) with string amounts. */
export function readCdnowLog(): Transaction<number>[] {
  const out: Transaction<number>[] = [];
  for (const line of readFixtureData('cdnow/CDNOW_sample.txt').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const ymd = f[2] as string;
    out.push({
      customerId: Number(f[1]),
      date: Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8))),
      amount: f[4] as string,
    });
  }
  return out;
}
