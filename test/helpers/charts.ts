/**
 * Test helpers for the charts area: validate a spec against the Vega-Lite JSON schema that the
 * `vega-lite` package ships, compile it, and render it to SVG with `vega` in Node (no browser).
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { renderChartSvg } from '../../scripts/chart-svg.js';

// The package's "exports" do not list the schema file, so it is read from its folder.
const schemaPath = new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

// The Vega-Lite schema is draft-07 with some keywords Ajv does not know in strict mode.
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
const validate = ajv.compile(schema);

/** The schema errors of `spec` (empty when valid), as short readable strings. */
export function schemaErrors(spec: unknown): string[] {
  if (validate(spec)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/**
 * Whether `value` is plain JSON: only null, booleans, strings, finite numbers, arrays and plain
 * objects (no undefined, NaN, Infinity, Date, function or class instance anywhere).
 */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isPlainJson);
  return false;
}

/** Renders a Vega-Lite spec to SVG in Node, with Vega's warnings collected (scripts/chart-svg.ts). */
export const renderSvg = renderChartSvg;

/**
 * The number of items Vega drew for marks of type `markType` (`rect`, `line`, `area`, `symbol`,
 * `text`, `rule`): the leaf elements of every `mark-<type>` group of the SVG.
 */
export function markItems(svg: string, markType: string): number {
  let count = 0;
  const open = new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*>`, 'g');
  for (const m of svg.matchAll(open)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = svg.indexOf('</g>', start);
    const body = svg.slice(start, end);
    count += (body.match(/<(path|text|line|rect|circle)\b/g) ?? []).length;
  }
  return count;
}

/** The inline data rows of a spec (top-level `data.values`), for assertions. */
export function dataOf<T = Record<string, unknown>>(spec: { readonly [key: string]: unknown }): T[] {
  return ((spec.data as { values?: T[] } | undefined)?.values ?? []) as T[];
}

/**
 * The checks every chart spec must pass: valid against the Vega-Lite schema, plain JSON without
 * NaN or infinities (JSON would turn them into null), a title and a description.
 */
export function specProblems(spec: { readonly [key: string]: unknown }): string[] {
  const problems = schemaErrors(spec);
  if (!isPlainJson(spec)) problems.push('not plain JSON');
  const title = spec.title as { text?: string } | undefined;
  if (typeof title?.text !== 'string' || title.text.length === 0) problems.push('no title');
  if (typeof spec.description !== 'string' || (spec.description as string).length < 20) problems.push('no description');
  return problems;
}
