/**
 * Access to the reference data sets in ../shared/data (beside the project checkout).
 *
 * Tests that need them call {@link sharedDataAvailable} in a `describe.skipIf` / `it.skipIf`; when the
 * folder is missing they are skipped with a message, except under `CI=true`, where
 * {@link requireSharedData} makes the missing folder a failure.
 */
// @ts-nocheck

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';

/** Absolute path of ../shared/data relative to the project root. */
export const sharedDataDir = join(new URL('../..', import.meta.url).pathname, '..', 'shared', 'data');

/** Whether the shared data folder is present. */
export const sharedDataAvailable = existsSync(sharedDataDir);

/** Reads a file from the shared data folder as text. */
export function readSharedData(relativePath: string): string {
  return readFileSync(join(sharedDataDir, relativePath), 'utf8');
}

/**
 * Registers a test that fails under CI=true when the shared data are missing, and otherwise says
 * that the reference tests of `what` are skipped. Call it once in each file that reads the data.
 */
export function requireSharedData(what: string): void {
  if (sharedDataAvailable) return;
  if (process.env.CI === 'true') {
    it(`needs ../shared/data for ${what}`, () => {
      throw new Error(`../shared/data is missing (looked in ${sharedDataDir}); CI=true makes this a failure.`);
    });
  } else {
    it.skip(`${what}: skipped because ../shared/data is missing (${sharedDataDir})`, () => {});
    console.warn(`[customer-metrics tests] ../shared/data not found: skipping ${what}.`);
  }
}
