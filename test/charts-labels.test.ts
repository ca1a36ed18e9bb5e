/**
 * Every label a chart writes says something: in both locales, the chart title, every subtitle
 * line, axis, legend and header title, every text mark and the description are non-empty, carry no
 * leading or trailing space, no doubled space, no "undefined", "null" or "NaN" from a missing value
 * and no unformatted template. The calls are the valid calls of the hostile-input specs
 * (test/hostile/specs/charts.ts), as in test/charts-locale.test.ts, whose last argument is the
 * options.
 */
import { describe, expect, it } from 'vitest';
import * as charts from '../src/charts/index.js';
import { specs } from './hostile/specs/charts.js';

/** Every string under a label key (titles, subtitles, text, descriptions, axis/legend labels), with its path. */
function labels(value: unknown, path: string, key = ''): [string, string][] {
  const labelKey = key === 'title' || key === 'text' || key === 'subtitle' || key === 'description' || key === 'labelExpr';
  if (typeof value === 'string') return labelKey ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => labels(v, `${path}.${i}`, key === 'subtitle' || key === 'text' ? key : ''));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => (k === 'values' ? [] : labels(v, `${path}.${k}`, k)));
  return [];
}

function problems(spec: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [path, text] of labels(spec, 'spec')) {
    if (text.trim().length === 0) out.push(`${path}: empty`);
    else if (text !== text.trim()) out.push(`${path}: leading or trailing space in ${JSON.stringify(text)}`);
    else if (/ {2}/.test(text)) out.push(`${path}: doubled space in ${JSON.stringify(text)}`);
    else if (/\b(undefined|NaN)\b|\$\{|\[object /.test(text)) out.push(`${path}: unformatted value in ${JSON.stringify(text)}`);
  }
  return out;
}

describe('chart labels', () => {
  it.each(Object.keys(specs))('%s: every title, subtitle, text and description is a real sentence or word, in both locales', async (name) => {
    const fn = (charts as unknown as Record<string, (...a: unknown[]) => Record<string, unknown>>)[name]!;
    const args = (await specs[name]!.valid!()) as unknown[];
    for (const locale of ['en', 'vi'] as const) {
      const spec = fn(...args.slice(0, -1), { ...(args[args.length - 1] as object), locale });
      expect(problems(spec), `${name} (${locale})`).toEqual([]);
      // The description is at least a sentence: it names what the chart shows.
      expect((spec.description as string).length, `${name} (${locale}) description`).toBeGreaterThan(30);
      expect(((spec.title as { text: string }).text).length, `${name} (${locale}) title`).toBeGreaterThan(5);
    }
  });
});
