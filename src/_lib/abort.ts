/**
 * Cancellation of long operations with an `AbortSignal`, as `fetch` and Node's own APIs do.
 *
 * Rule: an operation that accepts `signal` checks it before any work and then at every unit of work
 * it repeats (a likelihood evaluation, a simulated customer block, a bootstrap replicate, a block of
 * records); when the signal is aborted it throws `signal.reason`: the `DOMException` named
 * `'AbortError'` that `controller.abort()` sets, or whatever reason the caller passed to
 * `abort(reason)` (`AbortSignal.timeout()` gives a `'TimeoutError'`). Nothing is returned and no
 * partial result is kept. The checks read one property, so they cost nothing measurable.
 *
 * JavaScript runs no timer or event handler while synchronous code runs: a signal aborted by a
 * timer or by an event is seen by the synchronous functions only at their start. Abort from code
 * they call (a `predict` callback) is seen at the next check; asynchronous forms (`rfmSummary` over
 * an async iterable) see every abort. To stop a synchronous fit from outside, run it in a worker.
 *
 * @internal
 * @module
 */
import { z } from './validate.js';

/**
 * The standard `AbortSignal` (of `AbortController`, `AbortSignal.timeout()`), as the library reads
 * it. Declared here because the library compiles without the DOM and Node typings that declare the
 * global one; a real AbortSignal fits it, and at run time only real instances are accepted.
 */
export interface AbortSignal {
  /** Whether the signal has been aborted. */
  readonly aborted: boolean;
  /** The abort reason: what the aborted operation throws. */
  readonly reason: unknown;
}

const runtime = globalThis as unknown as {
  AbortSignal?: abstract new () => unknown;
  DOMException?: new (message: string, name: string) => Error;
};

/** Whether `value` is an instance of the host's AbortSignal. */
export function isAbortSignal(value: unknown): value is AbortSignal {
  return runtime.AbortSignal !== undefined && value instanceof runtime.AbortSignal;
}

/** The schema of a `signal` option: an `AbortSignal` instance, or absent. */
export const signalSchema = z.custom<AbortSignal>(isAbortSignal, { message: 'must be an AbortSignal', params: { code: 'invalid_type' } }).optional();

/** Throws the signal's reason when it is aborted (see the module notes). */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal !== undefined && signal.aborted) throw abortReason(signal);
}

/** The error an aborted operation throws: `signal.reason`, or an `AbortError` when there is none. */
export function abortReason(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  if (runtime.DOMException !== undefined) return new runtime.DOMException('This operation was aborted', 'AbortError');
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * An objective that checks the signal before each evaluation, so that an optimisation, its Newton
 * steps and its Hessian all stop at the next evaluation after an abort.
 */
export function abortable<F extends (x: Float64Array, g: Float64Array) => number>(fn: F, signal: AbortSignal | undefined): F {
  if (signal === undefined) return fn;
  return ((x: Float64Array, g: Float64Array) => {
    if (signal.aborted) throw abortReason(signal);
    return fn(x, g);
  }) as F;
}
