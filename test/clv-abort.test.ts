/**
 * AbortSignal on the long clv operations: every fitter, every simulator, predictionInterval and
 * rfmSummary. The rule (src/_lib/abort.ts): the signal is checked before any work and at every unit
 * of repeated work; an aborted signal makes the call throw `signal.reason` (a DOMException named
 * 'AbortError' after `controller.abort()`), and the option accepts only AbortSignal instances.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitShiftedBetaGeometric,
  predictionInterval,
  rfmSummary,
  simulateBgBb,
  simulateBgNbd,
  simulateMbgNbd,
  simulateParetoNbd,
  survivalCurve,
} from '../src/clv/index.js';
import { isMetricsInputError } from '../src/errors.js';

const bgRows = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 3000, T: [30, 35, 39], seed: 3 }).map(({ frequency, recency, T }) => ({ frequency, recency, T }));
const bgBbRows = [
  { frequency: 0, recency: 0, n: 4, weight: 40 },
  { frequency: 1, recency: 1, n: 4, weight: 10 },
  { frequency: 2, recency: 4, n: 4, weight: 12 },
  { frequency: 3, recency: 3, n: 4, weight: 5 },
  { frequency: 4, recency: 4, n: 4, weight: 18 },
];
const spend = bgRows.filter((r) => r.frequency > 0).map((r, i) => ({ frequency: r.frequency, monetaryValue: 10 + ((i * 37) % 50) }));
const cohort = [1000, 631, 468, 382, 326, 289, 262, 241];
const bgModel = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;

type Op = [string, (signal: unknown) => unknown];
const operations: Op[] = [
  ['fitBgNbd', (signal) => fitBgNbd(bgRows, { timeUnit: 'week', signal } as never)],
  ['fitMbgNbd', (signal) => fitMbgNbd(bgRows, { timeUnit: 'week', signal } as never)],
  ['fitParetoNbd', (signal) => fitParetoNbd(bgRows, { timeUnit: 'week', signal } as never)],
  ['fitBgBb', (signal) => fitBgBb(bgBbRows, { signal } as never)],
  ['fitShiftedBetaGeometric', (signal) => fitShiftedBetaGeometric(cohort, { signal } as never)],
  ['fitGammaGamma', (signal) => fitGammaGamma(spend, { signal } as never)],
  ['simulateBgNbd', (signal) => simulateBgNbd(bgModel, { customers: 5000, T: 39, signal } as never)],
  ['simulateMbgNbd', (signal) => simulateMbgNbd({ r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, { customers: 5000, T: 39, signal } as never)],
  ['simulateParetoNbd', (signal) => simulateParetoNbd({ parameters: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 } }, { customers: 5000, T: 39, signal } as never)],
  ['simulateBgBb', (signal) => simulateBgBb({ parameters: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 } }, { customers: 5000, opportunities: 6, signal } as never)],
  [
    'predictionInterval',
    (signal) => predictionInterval(fitShiftedBetaGeometric(cohort), (m) => survivalCurve(m, { periods: 12 })[12] as number, { draws: 200, signal } as never),
  ],
  ['rfmSummary (iterable)', (signal) => rfmSummary(new Set([{ customerId: 1, date: 0, amount: 5 }]), { observationEnd: 86_400_000 * 30, signal } as never)],
];

/**
 * A real AbortSignal that reports itself aborted from its n-th read of `aborted` on (counting the
 * reads after that): the stand-in for an abort arriving in the middle of a synchronous computation,
 * which no timer can deliver while it runs.
 */
function abortAtRead(n: number): { signal: AbortSignal; readsAfter: () => number; abortedAt: () => number } {
  const signal = new AbortController().signal;
  let reads = 0;
  let at = Number.NaN;
  Object.defineProperty(signal, 'aborted', {
    get() {
      reads++;
      if (reads === n) at = performance.now();
      return reads >= n;
    },
  });
  return { signal, readsAfter: () => Math.max(0, reads - n), abortedAt: () => at };
}

describe('signal: an already aborted signal stops the operation before any work', () => {
  it.each(operations)('%s throws the DOMException AbortError of controller.abort()', (_, run) => {
    const controller = new AbortController();
    controller.abort();
    let caught: unknown;
    try {
      run(controller.signal);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DOMException);
    expect((caught as DOMException).name).toBe('AbortError');
  });

  it.each(operations)('%s throws the reason given to abort(reason), as is', (_, run) => {
    const controller = new AbortController();
    const reason = new Error('user left');
    controller.abort(reason);
    expect(() => run(controller.signal)).toThrow(reason);
  });

  it.each(operations)('%s runs to the end with a signal that is never aborted', (_, run) => {
    expect(() => run(new AbortController().signal)).not.toThrow();
  });

  it.each(operations)('%s accepts only AbortSignal instances', (_, run) => {
    for (const bad of [{ aborted: true }, 'signal', 1, null]) {
      let caught: unknown;
      try {
        run(bad);
      } catch (error) {
        caught = error;
      }
      expect(isMetricsInputError(caught), `${String(bad)}: ${String(caught)}`).toBe(true);
      const issues = (caught as { issues: { code: string; path: (string | number)[] }[] }).issues;
      expect(issues.some((i) => i.path[i.path.length - 1] === 'signal' && i.code === 'invalid_type')).toBe(true);
    }
  });
});

describe('signal: an abort during the work stops it at the next check', () => {
  // The fitters check at every log-likelihood evaluation: an abort seen at the 5th check ends the fit
  // there, with no further check (no further evaluation) and well within a second.
  it.each(operations.slice(0, 6))('%s stops at the first evaluation after the abort', (_, run) => {
    const probe = abortAtRead(5);
    expect(() => run(probe.signal)).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(probe.readsAfter()).toBe(0);
    expect(performance.now() - probe.abortedAt()).toBeLessThan(1000);
  });

  it.each(operations.slice(6, 10))('%s stops within 1,024 customers of the abort', (_, run) => {
    const probe = abortAtRead(3);
    expect(() => run(probe.signal)).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(probe.readsAfter()).toBe(0);
  });

  it('predictionInterval: predict aborting its own signal ends the draws at once', () => {
    const controller = new AbortController();
    const model = fitShiftedBetaGeometric(cohort);
    let calls = 0;
    const predict = (m: typeof model): number => {
      calls++;
      if (calls === 6) controller.abort();
      return survivalCurve(m, { periods: 12 })[12] as number;
    };
    expect(() => predictionInterval(model, predict, { draws: 1000, signal: controller.signal })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    // the point prediction and five draws; the check before the sixth draw sees the abort
    expect(calls).toBe(6);
  });

  it('rfmSummary over an async iterable: a timer abort rejects at the next record, within a second', async () => {
    const controller = new AbortController();
    let yielded = 0;
    async function* endless() {
      for (;;) {
        await sleep(2);
        yielded++;
        yield { customerId: yielded % 7, date: 86_400_000 * (yielded % 20), amount: 5 };
      }
    }
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort();
    }, 60);
    const error = await rfmSummary(endless(), { observationEnd: 86_400_000 * 30, signal: controller.signal }).catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(abortedAt).toBeGreaterThan(0);
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(yielded).toBeGreaterThan(0);
  });
});
