/**
 * NPS benchmark: npsBreakdown over 10 million scores, in a Uint8Array and in a number[], each
 * against a bare counting loop over the same array in the same run. Target (issue 2): within 3x.
 *
 * Run: npx tsx bench/nps.bench.ts (or npm run bench -- nps).
 */
import { npsBreakdown } from '../src/nps/index.js';
import { machine, ratio, runCases, seededRandom } from './harness.js';

const N = 10_000_000;
const random = seededRandom(20261123);
const typed = new Uint8Array(N);
for (let i = 0; i < N; i++) typed[i] = Math.floor(random() * 11);
const plain: number[] = Array.from(typed);

// The baselines: count each score, nothing else (no validation, no bands, no statistics). One
// copy per array type so that each stays monomorphic.
function bareCountTyped(scores: Uint8Array): Float64Array {
  const counts = new Float64Array(11);
  for (let i = 0; i < scores.length; i++) (counts[scores[i] as number] as number)++;
  return counts;
}
function bareCountPlain(scores: number[]): Float64Array {
  const counts = new Float64Array(11);
  for (let i = 0; i < scores.length; i++) (counts[scores[i] as number] as number)++;
  return counts;
}

// Sanity: both paths agree on the counts.
const check = npsBreakdown(typed);
const bare = bareCountTyped(typed);
const promoters = (bare[9] as number) + (bare[10] as number);
if (check?.promoters !== promoters) throw new Error('benchmark paths disagree');

console.log(`Machine: ${machine()}`);
const result = await runCases(
  'nps: npsBreakdown over 10 million scores',
  [
    { name: 'bare counting loop, Uint8Array', fn: () => bareCountTyped(typed) },
    { name: 'npsBreakdown, Uint8Array', fn: () => npsBreakdown(typed) },
    { name: 'bare counting loop, number[]', fn: () => bareCountPlain(plain) },
    { name: 'npsBreakdown, number[]', fn: () => npsBreakdown(plain) },
  ],
  { iterations: 15, warmup: 3 },
);
const get = (name: string): number => result.get(name) ?? Number.NaN;
ratio('npsBreakdown / bare loop, Uint8Array', get('npsBreakdown, Uint8Array'), get('bare counting loop, Uint8Array'), 3);
ratio('npsBreakdown / bare loop, number[]', get('npsBreakdown, number[]'), get('bare counting loop, number[]'), 3);
