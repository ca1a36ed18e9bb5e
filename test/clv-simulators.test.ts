/**
 * One convention for every transaction-model simulator: the first argument is a fitted model or
 * `{ parameters }` (BG/NBD and MBG/NBD also keep their original form, the bare parameters), and the
 * observation length (T; for BG/BB the number of opportunities) is one number or a list used in turn
 * (customer i gets T[i mod length]). The seed is optional everywhere (default 1).
 */
import { describe, expect, it } from 'vitest';
import { isMetricsInputError, simulateBgBb, simulateBgNbd, simulateMbgNbd, simulateParetoNbd } from 'customer-metrics';

const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const pareto = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const bgbb = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };

function issuesOf(call: () => unknown): { path: (string | number)[]; code: string }[] {
  try {
    call();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues.map((i) => ({ path: [...i.path], code: i.code }));
    throw error;
  }
  throw new Error('expected a MetricsInputError');
}

describe('simulators share one argument convention', () => {
  it.each([
    ['simulateBgNbd', simulateBgNbd as typeof simulateMbgNbd, 'bg-nbd'],
    ['simulateMbgNbd', simulateMbgNbd, 'mbg-nbd'],
  ] as const)('%s: bare parameters, { parameters } and a fitted-model shape give the same customers', (_name, simulate, kind) => {
    const bare = simulate(bg, { customers: 50, T: 39, seed: 3 });
    expect(simulate({ parameters: bg }, { customers: 50, T: 39, seed: 3 })).toEqual(bare);
    expect(simulate({ kind, parameters: bg } as never, { customers: 50, T: 39, seed: 3 })).toEqual(bare);
    // seed defaults to 1
    expect(simulate(bg, { customers: 20, T: 39 })).toEqual(simulate(bg, { customers: 20, T: 39, seed: 1 }));
  });

  it('every simulator takes T (BG/BB: opportunities) as a list used in turn', () => {
    // 5 customers over the list [39, 26]: 39, 26, 39, 26, 39
    const expected = [39, 26, 39, 26, 39];
    expect(simulateBgNbd({ parameters: bg }, { customers: 5, T: [39, 26] }).map((c) => c.T)).toEqual(expected);
    expect(simulateMbgNbd({ parameters: bg }, { customers: 5, T: [39, 26] }).map((c) => c.T)).toEqual(expected);
    expect(simulateParetoNbd({ parameters: pareto }, { customers: 5, T: [39, 26] }).map((c) => c.T)).toEqual(expected);
    expect(simulateBgBb({ parameters: bgbb }, { customers: 5, opportunities: [6, 3] }).map((c) => c.n)).toEqual([6, 3, 6, 3, 6]);
  });

  it('a one-element list is the same as the number', () => {
    expect(simulateParetoNbd({ parameters: pareto }, { customers: 30, T: [39], seed: 9 })).toEqual(simulateParetoNbd({ parameters: pareto }, { customers: 30, T: 39, seed: 9 }));
    expect(simulateBgBb({ parameters: bgbb }, { customers: 30, opportunities: [6], seed: 9 })).toEqual(simulateBgBb({ parameters: bgbb }, { customers: 30, opportunities: 6, seed: 9 }));
  });

  it('each customer keeps recency <= T for its own T, and BG/BB recency <= n', () => {
    for (const c of simulateParetoNbd({ parameters: pareto }, { customers: 200, T: [5, 50, 0.5], seed: 2 })) expect(c.recency).toBeLessThanOrEqual(c.T);
    for (const c of simulateBgNbd({ parameters: bg }, { customers: 200, T: [5, 50, 0.5], seed: 2 })) expect(c.recency).toBeLessThanOrEqual(c.T);
    for (const c of simulateBgBb({ parameters: bgbb }, { customers: 200, opportunities: [0, 2, 9], seed: 2 })) expect(c.recency).toBeLessThanOrEqual(c.n);
  });

  it('refuses a model of another kind, an empty T list, a non-positive T in a list, and cohortSpread with a list', () => {
    expect(issuesOf(() => simulateBgNbd({ kind: 'mbg-nbd', parameters: bg } as never, { customers: 1, T: 1 }))).toEqual([{ path: ['model', 'kind'], code: 'invalid_value' }]);
    expect(issuesOf(() => simulateParetoNbd({ kind: 'bg-nbd', parameters: pareto } as never, { customers: 1, T: 1 }))).toEqual([{ path: ['model', 'kind'], code: 'invalid_value' }]);
    expect(issuesOf(() => simulateBgNbd({ parameters: { ...bg, r: 0 } }, { customers: 1, T: 1 }))).toEqual([{ path: ['model', 'parameters', 'r'], code: 'too_small' }]);
    expect(issuesOf(() => simulateBgNbd({ ...bg, r: 0 }, { customers: 1, T: 1 }))).toEqual([{ path: ['parameters', 'r'], code: 'too_small' }]);
    expect(issuesOf(() => simulateParetoNbd({ parameters: pareto }, { customers: 1, T: [] }))[0]?.path).toEqual(['options', 'T']);
    expect(issuesOf(() => simulateParetoNbd({ parameters: pareto }, { customers: 1, T: [3, -1] }))[0]?.path.slice(0, 2)).toEqual(['options', 'T']);
    expect(issuesOf(() => simulateParetoNbd({ parameters: pareto }, { customers: 1, T: [3, 4], cohortSpread: 1 }))).toEqual([{ path: ['options', 'cohortSpread'], code: 'invalid_value' }]);
    expect(issuesOf(() => simulateBgBb({ parameters: bgbb }, { customers: 1, opportunities: [2, 1.5] }))[0]?.path.slice(0, 2)).toEqual(['options', 'opportunities']);
  });
});
