/**
 * What the hostile-input suite checks about one call: the caller's arguments and the built-in
 * prototypes are unchanged, a result holds no NaN, ±Infinity or Invalid Date, an error is a
 * well-formed MetricsInputError / MetricsFitError or the caller's own error passed through.
 */
import { isMetricsFitError, isMetricsInputError } from '../../src/errors.js';
import { PAYLOAD_LENGTH } from './catalogue.js';

const ISSUE_CODES = new Set([
  'invalid_type',
  'not_finite',
  'not_integer',
  'too_small',
  'too_big',
  'invalid_value',
  'invalid_date',
  'invalid_order',
  'unrecognized_key',
  'invalid_structure',
  'too_many_issues',
]);

/** Caller-chosen text quoted in a message may be at most this long (plus an ellipsis). */
export const MAX_QUOTED = 40;
/** Objects below this depth are not snapshotted or walked (very deep structures). */
const MAX_WALK_DEPTH = 200;
/** At most this many nodes are walked per value (huge arrays). */
const MAX_WALK_NODES = 300_000;

/**
 * A structural snapshot of a value, without running the caller's code: own property descriptors
 * are read, getters are recorded by identity and never called; objects in `opaque` (throwing
 * Proxies) are recorded by identity only.
 */
export function snapshot(root: unknown, opaque: ReadonlySet<object>): unknown[] {
  const out: unknown[] = [];
  const ids = new Map<object, number>();
  let nodes = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
      out.push(typeof value === 'number' && Object.is(value, -0) ? '-0' : typeof value === 'symbol' || typeof value === 'bigint' ? value : value);
      continue;
    }
    const seen = ids.get(value);
    if (seen !== undefined) {
      out.push(['ref', seen]);
      continue;
    }
    ids.set(value, ids.size);
    if (opaque.has(value) || depth > MAX_WALK_DEPTH || ++nodes > MAX_WALK_NODES) {
      out.push(['opaque', value]);
      continue;
    }
    if (value instanceof Date) {
      out.push(['date', value.getTime()]);
      continue;
    }
    if (ArrayBuffer.isView(value)) {
      out.push(['view', Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)).join(',')]);
      continue;
    }
    if (value instanceof Map) {
      out.push(['map', value.size]);
      for (const [k, v] of value) stack.push([k, depth + 1], [v, depth + 1]);
      continue;
    }
    if (value instanceof Set) {
      out.push(['set', value.size]);
      for (const v of value) stack.push([v, depth + 1]);
      continue;
    }
    const keys = Reflect.ownKeys(value);
    out.push(['object', Object.getPrototypeOf(value), Object.isFrozen(value), Object.isExtensible(value), keys.length]);
    for (const key of keys) {
      const d = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
      out.push(key, d.enumerable, d.get, d.set);
      if ('value' in d) stack.push([d.value, depth + 1]);
    }
  }
  return out;
}

/** The first index where two snapshots differ, or -1. */
export function snapshotDiff(a: unknown[], b: unknown[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) return i;
      for (let j = 0; j < x.length; j++) if (!Object.is(x[j], y[j])) return i;
    } else if (!Object.is(x, y)) return i;
  }
  return -1;
}

const BUILTINS: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Boolean.prototype', Boolean.prototype],
  ['Symbol.prototype', Symbol.prototype],
  ['BigInt.prototype', BigInt.prototype],
  ['Date.prototype', Date.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['Error.prototype', Error.prototype],
  ['TypeError.prototype', TypeError.prototype],
  ['RangeError.prototype', RangeError.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Promise.prototype', Promise.prototype],
  ['Float64Array.prototype', Float64Array.prototype],
  ['Object.getPrototypeOf(Int8Array.prototype)', Object.getPrototypeOf(Int8Array.prototype) as object],
  ['Math', Math],
  ['JSON', JSON],
  ['Object', Object],
  ['Array', Array],
  ['Number', Number],
  ['globalThis', globalThis],
];

/** A shallow snapshot of every built-in prototype (own keys, values, frozenness). */
export function builtinsSnapshot(): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const [name, object] of BUILTINS) {
    const entries: unknown[] = [Object.isExtensible(object), Object.getPrototypeOf(object)];
    for (const key of Reflect.ownKeys(object)) {
      const d = Object.getOwnPropertyDescriptor(object, key) as PropertyDescriptor;
      entries.push(key, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable);
    }
    out.set(name, entries);
  }
  return out;
}

/** The names of the built-ins whose snapshot changed. */
export function builtinsChanged(before: Map<string, unknown[]>, after: Map<string, unknown[]>): string[] {
  const changed: string[] = [];
  for (const [name, entries] of before) {
    const now = after.get(name) as unknown[];
    if (now.length !== entries.length || entries.some((e, i) => !Object.is(e, now[i]))) {
      const i = entries.findIndex((e, k) => !Object.is(e, now[k]));
      changed.push(`${name} (near ${String(entries[i - ((i - 2) % 7)] ?? now[i - ((i - 2) % 7)])})`);
    }
  }
  return changed;
}

function isDecimalLike(value: object): value is { isFinite(): boolean; isNaN(): boolean } {
  const v = value as { isFinite?: unknown; isNaN?: unknown; d?: unknown; e?: unknown; s?: unknown };
  return typeof v.isFinite === 'function' && typeof v.isNaN === 'function' && 's' in v && 'e' in v;
}

/**
 * Walks a result and returns the path of the first NaN, ±Infinity, Invalid Date or non-finite
 * Decimal, or undefined. Objects in `skip` (the caller's own values echoed back) are not walked.
 */
export function badResultPath(root: unknown, skip: ReadonlySet<object>): string | undefined {
  const seen = new Set<object>();
  let nodes = 0;
  const stack: [unknown, string, number][] = [[root, '$', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return `${path} = ${value}`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (seen.has(value) || skip.has(value) || depth > MAX_WALK_DEPTH || ++nodes > MAX_WALK_NODES) continue;
    seen.add(value);
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return `${path} = Invalid Date`;
      continue;
    }
    if (isDecimalLike(value)) {
      if (!value.isFinite()) return `${path} = Decimal ${String(value)}`;
      continue;
    }
    if (ArrayBuffer.isView(value)) {
      if (value instanceof Float64Array || value instanceof Float32Array) {
        const i = value.findIndex((x) => !Number.isFinite(x));
        if (i >= 0) return `${path}[${i}] = ${value[i]}`;
      }
      continue;
    }
    if (value instanceof Map) {
      for (const [k, v] of value) stack.push([v, `${path}.get(${String(k)})`, depth + 1]);
      continue;
    }
    if (value instanceof Set) {
      for (const v of value) stack.push([v, `${path}.<set>`, depth + 1]);
      continue;
    }
    for (const key of Object.keys(value)) {
      stack.push([(value as Record<string, unknown>)[key], `${path}.${key.length > 40 ? `${key.slice(0, 40)}…` : key}`, depth + 1]);
    }
  }
  return undefined;
}

/** Problems with the shape of a thrown MetricsInputError / MetricsFitError ([] when well formed). */
export function errorShapeProblems(error: unknown, payload: string | undefined): string[] {
  const problems: string[] = [];
  const runs = payload === undefined ? [] : [payload.slice(0, MAX_QUOTED + 1)];
  const quotes = (text: string): boolean => runs.some((run) => text.includes(run));
  if (isMetricsInputError(error)) {
    const { issues } = error;
    if (!Array.isArray(issues) || issues.length === 0) problems.push('MetricsInputError without issues');
    for (const issue of issues) {
      if (!ISSUE_CODES.has(issue.code)) problems.push(`unknown issue code ${String(issue.code)}`);
      if (!Array.isArray(issue.path) || issue.path.length === 0) problems.push('issue path is not a non-empty array');
      else if (typeof issue.path[0] !== 'string') problems.push('issue path does not start with a parameter name');
      else if (!(issue.path as readonly unknown[]).every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0)))
        problems.push('issue path holds something other than keys and indices');
      if (typeof issue.message !== 'string' || issue.message.length === 0) problems.push('issue without a message');
      else if (issue.message.length > 300) problems.push(`issue message ${issue.message.length} characters long`);
      else if (quotes(issue.message)) problems.push('issue message quotes caller text in full');
    }
    if (error.message.length > 2000) problems.push(`error message ${error.message.length} characters long`);
    if (quotes(error.message)) problems.push('error message quotes caller text in full');
    return problems;
  }
  if (isMetricsFitError(error)) {
    if (typeof error.reason !== 'string' || error.reason.length === 0) problems.push('MetricsFitError without a reason');
    if (typeof error.message !== 'string' || error.message.length === 0) problems.push('MetricsFitError without a message');
    if (quotes(error.message)) problems.push('fit error message quotes caller text in full');
    return problems;
  }
  return ['not a customer-metrics error'];
}

/** A short description of anything thrown. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 200)}`;
  return `non-Error thrown: ${typeof error}`;
}

export { PAYLOAD_LENGTH };
