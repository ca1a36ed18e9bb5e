/**
 * Every label of every chart follows `locale`: with `locale: 'vi'` no chart, axis or legend title
 * and no description is left in English, and the English and Vietnamese specs have the same
 * structure (the same marks and the same number of data rows). The calls are the valid calls of
 * the hostile-input specs (test/hostile/specs/charts.ts), whose last argument is the options.
 */
import { describe, expect, it } from 'vitest';
import * as charts from '../src/charts/index.js';
import { specProblems } from './helpers/charts.js';
import { specs } from './hostile/specs/charts.js';

/** Every string under a `title` key (chart, axis, legend, header titles), and the description. */
function labels(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'title' || key === 'text' || key === 'subtitle' || key === 'description' ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => labels(v, key === 'subtitle' ? 'subtitle' : ''));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => (k === 'values' ? [] : labels(v, k)));
  return [];
}

/** The mark types of a spec, in order, and the number of rows of each data set. */
function structure(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structure);
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    return {
      mark: typeof v.mark === 'object' ? (v.mark as { type: string }).type : v.mark,
      rows: Array.isArray((v.data as { values?: unknown[] } | undefined)?.values) ? (v.data as { values: unknown[] }).values.length : undefined,
      layer: structure(v.layer),
      vconcat: structure(v.vconcat),
    };
  }
  return undefined;
}

// Proper names, symbols and model names that are the same in both languages.
const SAME = new Set(['NPS', 'MRR', 'λ', 'μ']);

describe('chart locales', () => {
  it.each(Object.keys(specs))('%s: Vietnamese labels everywhere, same structure as English', async (name) => {
    const fn = (charts as unknown as Record<string, (...a: unknown[]) => Record<string, unknown>>)[name]!;
    const args = (await specs[name]!.valid!()) as unknown[];
    const withLocale = (locale: 'en' | 'vi') => [...args.slice(0, -1), { ...(args[args.length - 1] as object), locale }];
    const en = fn(...withLocale('en'));
    const vi = fn(...withLocale('vi'));
    expect(specProblems(vi)).toEqual([]);
    const english = new Set(labels(en));
    const untranslated = labels(vi).filter((s) => english.has(s) && !SAME.has(s));
    expect(untranslated).toEqual([]);
    expect(structure(vi)).toEqual(structure(en));
  });
});
