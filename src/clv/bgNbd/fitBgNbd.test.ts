import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricsFitError, isMetricsInputError } from '../../errors.js';
import { logGamma } from '../../_lib/math/special.js';
import { likelihoodData, logLikelihoodAndGradient } from './bgFamilyKernel.js';
import { fitBgNbd } from './fitBgNbd.js';
import { fitMbgNbd } from './fitMbgNbd.js';
import { simulateBgNbd } from './simulateBgNbd.js';

const small = simulateBgNbd({ r: 0.5, alpha: 5, a: 0.8, b: 3 }, { customers: 400, T: [20, 30, 40], seed: 11 });

function issuesOf(fn: () => unknown): { code: string; path: (string | number)[] }[] {
  try {
    fn();
  } catch (error) {
    if (isMetricsInputError(error)) return error.issues.map((i) => ({ code: i.code, path: [...i.path] }));
    throw error;
  }
  throw new Error('expected a MetricsInputError');
}

describe.each([
  ['bg-nbd', fitBgNbd, 0],
  ['mbg-nbd', fitMbgNbd, 1],
] as const)('%s fit', (kind, fit, d) => {
  it('returns a plain, complete, converged result', () => {
    const model = fit(small, { timeUnit: 'week' });
    expect(model.kind).toBe(kind);
    expect(model.parameterNames).toEqual(['r', 'alpha', 'a', 'b']);
    expect(model.customers).toBe(400);
    expect(model.timeUnit).toBe('week');
    expect(model.penalty).toBe(0);
    expect(model.convergence.converged).toBe(true);
    expect(model.convergence.method).toBe('bfgs');
    expect(model.convergence.starts).toBe(1);
    expect(model.convergence.gradientNorm).toBeLessThan(1e-6 * Math.abs(model.logLikelihood));
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('fitting weighted compressed rows equals fitting the expanded rows', () => {
    const rows = [
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 1, recency: 10, T: 30 },
      { frequency: 1, recency: 10, T: 30 },
      { frequency: 3, recency: 25, T: 30 },
      { frequency: 8, recency: 28, T: 30 },
      { frequency: 2, recency: 5, T: 25 },
      { frequency: 4, recency: 8, T: 20 },
      { frequency: 1, recency: 2, T: 25 },
    ];
    const compressed = [
      { frequency: 0, recency: 0, T: 30, weight: 3 },
      { frequency: 1, recency: 10, T: 30, weight: 2 },
      { frequency: 3, recency: 25, T: 30, weight: 1 },
      { frequency: 8, recency: 28, T: 30 },
      { frequency: 2, recency: 5, T: 25 },
      { frequency: 4, recency: 8, T: 20 },
      { frequency: 1, recency: 2, T: 25 },
      { frequency: 5, recency: 5, T: 25, weight: 0 },
    ];
    const a = fit(rows);
    const b = fit(compressed);
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expect(b.parameters[name] / a.parameters[name]).toBeCloseTo(1, 5);
    expect(b.customers).toBe(10);
  });

  it('the log-likelihood at the fit is at least that at any start (property)', () => {
    const data = likelihoodData(
      Float64Array.from(small, (r) => r.frequency),
      Float64Array.from(small, (r) => r.recency),
      Float64Array.from(small, (r) => r.T),
      new Float64Array(small.length).fill(1),
    );
    const model = fit(small);
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 0.5, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 0.05, max: 10, noNaN: true }), (r, alpha, a, b) => {
        const ll = logLikelihoodAndGradient(data, d, r, alpha, a, b, undefined);
        expect(model.logLikelihood).toBeGreaterThanOrEqual(ll - 1e-9);
        const started = fit(small, { initialParameters: { r, alpha, a, b } });
        expect(started.logLikelihood).toBeGreaterThanOrEqual(ll - 1e-9);
      }),
      { seed: 20261123, numRuns: 8 },
    );
  });

  it('the compressed likelihood equals the per-customer formula, also for very large frequencies', () => {
    // ln L = ln G(r+x) - ln G(r) + r ln alpha + ln B(a, b+x+d) - ln B(a, b) + ln[(alpha+T)^-(r+x) + [x>0 or d] a/(b+x+d-1) (alpha+t_x)^-(r+x)]
    const lg = logGamma;
    const perRow = (x: number, tx: number, T: number, r: number, alpha: number, a: number, b: number) => {
      const head = lg(r + x) - lg(r) + r * Math.log(alpha) + lg(b + x + d) + lg(a + b) - lg(b) - lg(a + b + x + d);
      const alive = -(r + x) * Math.log(alpha + T);
      if (x === 0 && d === 0) return head + alive;
      const dead = Math.log(a) - Math.log(b + x + d - 1) - (r + x) * Math.log(alpha + tx);
      return head + Math.max(alive, dead) + Math.log1p(Math.exp(-Math.abs(alive - dead)));
    };
    const rows: [number, number, number, number][] = [
      [0, 0, 30, 2],
      [5000, 29, 30, 1],
      [3, 10, 30, 1],
      [3, 10, 30, 2],
      [0, 0, 12, 1],
    ];
    const data = likelihoodData(
      Float64Array.from(rows, (row) => row[0]),
      Float64Array.from(rows, (row) => row[1]),
      Float64Array.from(rows, (row) => row[2]),
      Float64Array.from(rows, (row) => row[3]),
    );
    expect(data.pW.length).toBe(4); // the two (3, 10, 30) rows merge
    const expected = rows.reduce((sum, [x, tx, T, w]) => sum + w * perRow(x, tx, T, 0.4, 5, 0.9, 2.2), 0);
    expect(logLikelihoodAndGradient(data, d, 0.4, 5, 0.9, 2.2, undefined)).toBeCloseTo(expected, 8);
  });

  it('several starts find the same optimum and report the count', () => {
    const one = fit(small);
    const many = fit(small, { starts: 5 });
    expect(many.convergence.starts).toBe(5);
    expect(many.logLikelihood).toBeGreaterThanOrEqual(one.logLikelihood - 1e-7);
    expect(many.parameters.r / one.parameters.r).toBeCloseTo(1, 4);
    expect(many.convergence.functionEvaluations).toBeGreaterThan(one.convergence.functionEvaluations);
  });

  it('a penalty shrinks the parameters and lowers the reported (unpenalised) log-likelihood', () => {
    const plain = fit(small);
    const penalised = fit(small, { penalty: 5 });
    expect(penalised.penalty).toBe(5);
    const size = (m: typeof plain) => m.parameters.r ** 2 + m.parameters.alpha ** 2 + m.parameters.a ** 2 + m.parameters.b ** 2;
    expect(size(penalised)).toBeLessThan(size(plain));
    expect(penalised.logLikelihood).toBeLessThan(plain.logLikelihood);
  });

  it('reports non-convergence instead of throwing when iterations run out', () => {
    const model = fit(small, { maxIterations: 2 });
    expect(model.convergence.iterations).toBeGreaterThan(0);
    expect(Number.isFinite(model.logLikelihood)).toBe(true);
  });

  it('throws MetricsFitError without repeat purchases', () => {
    let caught: unknown;
    try {
      fit([{ frequency: 0, recency: 0, T: 10 }]);
    } catch (error) {
      caught = error;
    }
    expect(isMetricsFitError(caught)).toBe(true);
    expect((caught as { reason: string }).reason).toBe('no-repeat-customers');
    expect(() => fit([{ frequency: 1, recency: 1, T: 10, weight: 0 }])).toThrow(/weight|repeat/);
  });

  it.each([
    ['recency > T', [{ frequency: 1, recency: 11, T: 10 }], undefined, 'invalid_order', ['customers', 0, 'recency']],
    ['frequency 0 with recency > 0', [{ frequency: 0, recency: 2, T: 10 }], undefined, 'invalid_structure', ['customers', 0, 'recency']],
    ['non-integer frequency', [{ frequency: 1.5, recency: 2, T: 10 }], undefined, 'not_integer', ['customers', 0, 'frequency']],
    ['negative frequency', [{ frequency: -1, recency: 0, T: 10 }], undefined, 'too_small', ['customers', 0, 'frequency']],
    ['NaN T', [{ frequency: 1, recency: 0, T: Number.NaN }], undefined, 'not_finite', ['customers', 0, 'T']],
    ['negative weight', [{ frequency: 1, recency: 1, T: 10, weight: -1 }], undefined, 'too_small', ['customers', 0, 'weight']],
    ['a row that is not an object', [null], undefined, 'invalid_type', ['customers', 0]],
    ['not an array', 'rows', undefined, 'invalid_type', ['customers']],
    ['empty', [], undefined, 'too_small', ['customers']],
    ['unknown option', [{ frequency: 1, recency: 1, T: 10 }], { tolerence: 1 }, 'unrecognized_key', ['options', 'tolerence']],
    ['bad time unit', [{ frequency: 1, recency: 1, T: 10 }], { timeUnit: 'fortnight' }, 'invalid_value', ['options', 'timeUnit']],
    ['negative penalty', [{ frequency: 1, recency: 1, T: 10 }], { penalty: -1 }, 'too_small', ['options', 'penalty']],
    ['zero initial r', [{ frequency: 1, recency: 1, T: 10 }], { initialParameters: { r: 0 } }, 'too_small', ['options', 'initialParameters', 'r']],
  ])('rejects %s', (_, rows, options, code, path) => {
    const issues = issuesOf(() => fit(rows as never, options as never));
    expect(issues[0]).toEqual({ code, path });
  });

  it('lists every problem at once', () => {
    const issues = issuesOf(() => fit([{ frequency: 1, recency: 11, T: 10 }, { frequency: 0.5, recency: 0, T: 10 }] as never, { starts: 0 } as never));
    expect(issues.map((i) => i.path)).toEqual([
      ['customers', 0, 'recency'],
      ['customers', 1, 'frequency'],
      ['options', 'starts'],
    ]);
  });
});
