import { describe, expect, it } from 'vitest';
import { isMetricsFitError, MetricsFitError } from '../errors.js';
import { finiteFit } from './finiteFit.js';

/** The path that finiteFit names in its error, or undefined when it returns. */
function where(fit: object): string | undefined {
  try {
    finiteFit(fit);
    return undefined;
  } catch (e) {
    expect(isMetricsFitError(e)).toBe(true);
    expect((e as MetricsFitError).reason).toBe('not-finite');
    const m = /\((.*) is not finite\)/.exec((e as Error).message);
    expect(m).not.toBeNull();
    expect((e as Error).message).toMatch(/^The fit reached no finite estimate \(.* is not finite\): the data lie beyond/);
    return (m as RegExpExecArray)[1];
  }
}

describe('finiteFit', () => {
  it('returns the very same object when every number is finite', () => {
    const fit = {
      parameters: { r: 0.24, alpha: 4.4 },
      covariance: [
        [1, 2],
        [3, 4],
      ],
      scratch: new Float64Array([1, 2, 3]),
      timeUnit: 'week',
      standardErrors: undefined,
      note: null,
      converged: true,
    };
    expect(finiteFit(fit)).toBe(fit);
  });

  it('names the first non-finite number by its path: keys and plain-array indices joined by dots, typed-array indices in brackets', () => {
    expect(where({ logLikelihood: -Infinity })).toBe('logLikelihood');
    expect(where({ parameters: { r: 1, alpha: Number.NaN } })).toBe('parameters.alpha');
    expect(where({ covariance: [[1, 2], [3, Infinity]] })).toBe('covariance.1.1');
    expect(where({ gradient: new Float64Array([0, 1, Number.NaN, Infinity]) })).toBe('gradient[2]');
    // The first in key order: parameters before convergence.
    expect(where({ parameters: { r: Infinity }, convergence: { gradientNorm: Infinity } })).toBe('parameters.r');
    // A typed array whose only bad entry is the last one.
    expect(where({ g: new Float32Array([1, 2, Infinity]) })).toBe('g[2]');
    // An empty key gives an empty path, reported as "a value" rather than as nothing.
    expect(where({ '': Number.NaN })).toBe('a value');
  });

  it('goes six levels deep and no further (fits are shallow; cyclic or deep objects stop there)', () => {
    // depth 0 is the fit; a number at depth 7 is still checked, one at depth 8 is not.
    expect(where({ a: { b: { c: { d: { e: { f: { g: NaN } } } } } } })).toBe('a.b.c.d.e.f.g');
    expect(where({ a: { b: { c: { d: { e: { f: { g: { h: NaN } } } } } } } })).toBeUndefined();
    // A typed array at depth 7 is no longer read.
    expect(where({ a: { b: { c: { d: { e: { f: { g: new Float64Array([NaN]) } } } } } } })).toBeUndefined();
    expect(where({ a: { b: { c: { d: { e: { f: new Float64Array([NaN]) } } } } } })).toBe('a.b.c.d.e.f[0]');
    const cyclic: Record<string, unknown> = { x: 1 };
    cyclic['self'] = cyclic;
    expect(finiteFit(cyclic)).toBe(cyclic);
  });

  it('ignores strings, booleans, null and undefined, and reads only own enumerable keys', () => {
    expect(where({ a: 'Infinity', b: true, c: null, d: undefined })).toBeUndefined();
    const proto = { hidden: Number.NaN };
    const fit = Object.create(proto) as Record<string, unknown>;
    fit['shown'] = 1;
    Object.defineProperty(fit, 'secret', { value: Infinity, enumerable: false });
    expect(finiteFit(fit)).toBe(fit);
  });
});
