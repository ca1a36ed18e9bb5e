/**
 * Runs every benchmark file `bench/<area>.bench.ts` (or only those named on the command line:
 * `npm run bench -- nps segmentation`), one after another, each in its own process so that one
 * area's garbage does not slow the next.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();

console.log(`# customer-metrics benchmarks\n\nMachine: ${machine()}`);
let failed = false;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
if (files.length === 0) console.log('No benchmark matched.');
process.exitCode = failed ? 1 : 0;
