import { describe, expect, it } from 'vitest';
import { abortable, abortReason, isAbortSignal, signalSchema, throwIfAborted, type AbortSignal as Signal } from './abort.js';

/** What `fn` throws, or 'returned' when it returns. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return 'returned';
}

describe('isAbortSignal and signalSchema', () => {
  it('accept real AbortSignal instances only', () => {
    const live = new AbortController().signal;
    expect(isAbortSignal(live)).toBe(true);
    expect(isAbortSignal(AbortSignal.abort())).toBe(true);
    // Look-alikes are refused: only the host's instances count.
    expect(isAbortSignal({ aborted: false, reason: undefined })).toBe(false);
    expect(isAbortSignal(undefined)).toBe(false);
    expect(signalSchema.safeParse(live).success).toBe(true);
    expect(signalSchema.safeParse(undefined).success).toBe(true);
    const bad = signalSchema.safeParse({ aborted: true });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('must be an AbortSignal');
  });
});

describe('throwIfAborted', () => {
  it('does nothing without a signal or with a live one, and throws the reason once aborted', () => {
    expect(thrown(() => throwIfAborted(undefined))).toBe('returned');
    const controller = new AbortController();
    expect(thrown(() => throwIfAborted(controller.signal))).toBe('returned');
    const reason = new Error('stop');
    controller.abort(reason);
    expect(thrown(() => throwIfAborted(controller.signal))).toBe(reason);
  });

  it('reads `aborted`, not only whether a reason is set', () => {
    // A signal-shaped object with a reason but not aborted must not throw.
    const notAborted: Signal = { aborted: false, reason: 'set' };
    expect(thrown(() => throwIfAborted(notAborted))).toBe('returned');
  });
});

describe('abortReason', () => {
  it('is the caller\'s reason when there is one', () => {
    expect(abortReason({ aborted: true, reason: 'why' })).toBe('why');
    expect(abortReason({ aborted: true, reason: 0 })).toBe(0);
  });

  it('is a DOMException named AbortError when the reason is missing', () => {
    const e = abortReason({ aborted: true, reason: undefined }) as Error;
    expect(e).toBeInstanceOf(DOMException);
    expect(e.name).toBe('AbortError');
    expect(e.message).toBe('This operation was aborted');
  });

  it('falls back to an Error named AbortError on a host without DOMException', () => {
    const saved = globalThis.DOMException;
    // abort.ts reads the global through `globalThis` at call time.
    Object.defineProperty(globalThis, 'DOMException', { value: undefined, configurable: true, writable: true });
    try {
      const e = abortReason({ aborted: true, reason: undefined }) as Error;
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe('AbortError');
      expect(e.message).toBe('This operation was aborted');
    } finally {
      Object.defineProperty(globalThis, 'DOMException', { value: saved, configurable: true, writable: true });
    }
  });
});

describe('abortable', () => {
  it('returns the objective itself without a signal', () => {
    const fn = (x: Float64Array, g: Float64Array) => x[0]! + g.length;
    expect(abortable(fn, undefined)).toBe(fn);
  });

  it('passes arguments and result through while the signal is live, and throws the reason after an abort', () => {
    const controller = new AbortController();
    let calls = 0;
    const fn = (x: Float64Array, g: Float64Array) => {
      calls++;
      g[0] = 2 * (x[0] as number);
      return (x[0] as number) ** 2;
    };
    const wrapped = abortable(fn, controller.signal);
    const g = new Float64Array(1);
    expect(wrapped(new Float64Array([3]), g)).toBe(9);
    expect(g[0]).toBe(6);
    const reason = new Error('enough');
    controller.abort(reason);
    expect(thrown(() => wrapped(new Float64Array([1]), g))).toBe(reason);
    // The objective is not evaluated after the abort.
    expect(calls).toBe(1);
  });
});
