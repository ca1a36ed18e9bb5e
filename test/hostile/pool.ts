/**
 * A pool of worker threads (two by default, the cores of the CI machine) that runs hostile cases
 * with a deadline each. A worker that passes its deadline is terminated, the case is reported as
 * hung, and a fresh worker takes its place; a worker that dies (out of memory) is reported and
 * replaced the same way.
 */
import { Worker } from 'node:worker_threads';
import { type Case, describeCase } from './cases.js';
import type { Verdict } from './worker.js';

const bootFile = new URL('./worker-boot.mjs', import.meta.url);

/** A case with its verdict. */
export interface Finding {
  readonly case: Case;
  readonly description: string;
  readonly verdict: Verdict;
  readonly ms: number;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

/** Heap limit of one worker: a call that needs more is reported as a crash instead of killing the run. */
const HEAP_MB = 1024;
/** Deadlines stretch by this factor on a loaded machine (HOSTILE_DEADLINE_FACTOR). */
const FACTOR = Number(process.env.HOSTILE_DEADLINE_FACTOR ?? '1') || 1;

function spawn(): Slot {
  const worker = new Worker(bootFile, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (m: { ready?: boolean }) => {
      if (m.ready === true) {
        worker.off('message', onMessage);
        resolve();
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  return { worker, ready };
}

/** Runs one case on a slot; resolves with the verdict, or a hang / crash verdict (then the slot is replaced). */
async function runOn(slot: Slot, c: Case, id: number): Promise<{ verdict: Verdict; replace: boolean }> {
  await slot.ready;
  return new Promise((resolve) => {
    const { worker } = slot;
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: { id?: number; verdict?: Verdict }) => {
      if (m.id !== id || m.verdict === undefined) return;
      cleanup();
      resolve({ verdict: m.verdict, replace: false });
    };
    const onError = (error: Error) => {
      cleanup();
      resolve({ verdict: { outcome: 'crash', problems: [`the worker died: ${error.message.slice(0, 200)}`] }, replace: true });
    };
    const onExit = (code: number) => {
      cleanup();
      resolve({ verdict: { outcome: 'crash', problems: [`the worker exited with code ${code}`] }, replace: true });
    };
    const timer = setTimeout(() => {
      cleanup();
      void worker.terminate();
      resolve({ verdict: { outcome: 'hang', problems: [`no answer within ${Math.round(c.deadlineMs * FACTOR)} ms (worker terminated)`] }, replace: true });
    }, c.deadlineMs * FACTOR);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ id, case: c });
  });
}

/**
 * Runs every case on `size` workers and returns the findings in case order. A case that hangs is run
 * once more on a fresh worker (a loaded machine can be slow once) before it is reported.
 */
export async function runCases(cases: readonly Case[], size = 2, onProgress?: (done: number) => void): Promise<Finding[]> {
  const findings: Finding[] = new Array<Finding>(cases.length);
  let next = 0;
  let done = 0;
  let id = 0;
  const lane = async (): Promise<void> => {
    let slot = spawn();
    try {
      while (next < cases.length) {
        const index = next++;
        const c = cases[index] as Case;
        let attempt = 0;
        for (;;) {
          const start = performance.now();
          const { verdict, replace } = await runOn(slot, c, ++id);
          if (replace) {
            void slot.worker.terminate();
            slot = spawn();
          }
          if (verdict.outcome === 'hang' && attempt++ === 0) continue;
          findings[index] = { case: c, description: describeCase(c), verdict, ms: performance.now() - start };
          break;
        }
        onProgress?.(++done);
      }
    } finally {
      await slot.worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: size }, lane));
  return findings;
}
