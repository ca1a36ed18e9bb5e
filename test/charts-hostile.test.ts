/**
 * A local check of the charts' hostile-input specs (test/hostile/specs/charts.ts), until the
 * whole-API suite runs them: every runtime export of the charts subpath has a spec whose valid call
 * gives a valid Vega-Lite spec, and replacing any argument, or any field inside one (two levels
 * deep), with a hostile value gives either a plain-JSON spec or a MetricsInputError with
 * well-formed issues; never another error, NaN, or a change to the caller's arguments.
 */
import { describe, expect, it } from 'vitest';
import * as charts from '../src/charts/index.js';
import { isMetricsInputError } from '../src/errors.js';
import { isPlainJson, specProblems } from './helpers/charts.js';
import { specs } from './hostile/specs/charts.js';

const HOSTILE: [string, () => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['NaN', () => Number.NaN],
  ['Infinity', () => Infinity],
  ['-1', () => -1],
  ['-0', () => -0],
  ['1e308', () => 1e308],
  ['empty string', () => ''],
  ['string', () => 'x'],
  ['true', () => true],
  ['empty object', () => ({})],
  ['empty array', () => []],
  ['array of NaN', () => [Number.NaN]],
  ['symbol', () => Symbol('s')],
  ['function', () => () => 1],
  ['bigint', () => 10n],
  ['Date', () => new Date(Number.NaN)],
  ['object with __proto__ key', () => JSON.parse('{"__proto__": {"polluted": 1}}')],
  ['sparse array', () => [, 1] as unknown],
];

/** Paths of every field to replace: each argument, and its fields two levels deep. */
function paths(args: unknown[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[], depth: number) => {
    out.push(path);
    const plain = Array.isArray(value) || (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype);
    if (depth === 0 || !plain) return;
    const keys = Array.isArray(value) ? value.slice(0, 3).map((_, i) => i) : Object.keys(value);
    for (const key of keys) walk((value as Record<string | number, unknown>)[key], [...path, key], depth - 1);
  };
  args.forEach((a, i) => walk(a, [i], 2));
  return out;
}

/** A deep copy of plain objects and arrays; other objects (Decimal, Date) are shared, never written to. */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  }
  return value;
}

function replaced(args: unknown[], path: (string | number)[], value: unknown): unknown[] {
  const copy = clone(args) as unknown[];
  let target: Record<string | number, unknown> = copy as unknown as Record<number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1] as string | number] = value;
  return copy;
}

describe('charts hostile inputs', () => {
  it('every runtime export of the charts subpath has a spec, and no spec names a missing export', () => {
    expect(Object.keys(specs).sort()).toEqual(Object.keys(charts).sort());
  });

  it.each(Object.keys(specs))('%s: the valid call gives a valid spec', async (name) => {
    const args = (await specs[name]!.valid!()) as unknown[];
    const fn = (charts as unknown as Record<string, (...a: unknown[]) => Record<string, unknown>>)[name]!;
    expect(specProblems(fn(...args))).toEqual([]);
  });

  it.each(Object.keys(specs))('%s: hostile values give a spec or a MetricsInputError', async (name) => {
    const fn = (charts as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    const base = (await specs[name]!.valid!()) as unknown[];
    const failures: string[] = [];
    for (const path of paths(base)) {
      for (const [label, make] of HOSTILE) {
        const args = replaced(base, path, make());
        const before = JSON.stringify(args, (_, v) => (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' ? String(v) : v));
        try {
          const out = fn(...args);
          if (!isPlainJson(out)) failures.push(`${path.join('.')} = ${label}: result is not plain JSON`);
        } catch (error) {
          if (!isMetricsInputError(error)) failures.push(`${path.join('.')} = ${label}: threw ${String(error)}`);
          else if (error.issues.length === 0 || error.issues.some((i) => i.message.length < 5 || i.path.length === 0)) failures.push(`${path.join('.')} = ${label}: malformed issues`);
        }
        const after = JSON.stringify(args, (_, v) => (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' ? String(v) : v));
        if (before !== after) failures.push(`${path.join('.')} = ${label}: the arguments changed`);
      }
    }
    expect(failures).toEqual([]);
  });
});
