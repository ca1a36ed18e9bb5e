/**
 * The frame every chart shares (`_internal/common.ts`): the spec skeleton and its config of fixed
 * fonts, sizes and colours (what makes a rendered SVG the same on every machine), the number
 * formats of the two locales as Vega draws them, the common options and their defaults, and the
 * number formatting of descriptions. Checked on the specs and on SVGs rendered from them.
 */
import { describe, expect, it } from 'vitest';
import { issueSummaries } from '../../../test/helpers/thrown-issues.js';
import { renderSvg } from '../../../test/helpers/charts.js';
import { periodTransactionsChart } from '../index.js';
import { CATEGORY_COLORS, chartSpec, done, FONT, formatNumber, formatPercent, IssueList, OKABE_ITO, parseChartOptions, round, tr, VEGA_LITE_SCHEMA, z } from './common.js';

const bins = [
  { frequency: 0, actual: 1500, expected: 1490.5 },
  { frequency: 1, actual: 400, expected: 410.25 },
];

/** The text of every axis label Vega drew, in order. */
function axisLabels(svg: string): string[] {
  const out: string[] = [];
  for (const group of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)) {
    for (const t of (group[1] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)) out.push(t[1] ?? '');
  }
  return out;
}

describe('chartSpec: the frame of every spec', () => {
  const o = { locale: 'en', width: 300, height: 200, title: undefined } as const;

  it('puts schema, title, description and size first, then the body, then the config', () => {
    const spec = chartSpec({ title: 'T', subtitle: 'S', description: 'D' }, o, { mark: 'bar', width: 999 });
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect(spec.title).toEqual({ text: 'T', subtitle: 'S' });
    expect(spec.description).toBe('D');
    expect(spec.mark).toBe('bar');
    // the body may override the size (charts made of several views do)
    expect(spec.width).toBe(999);
    expect(spec.height).toBe(200);
    expect(Object.keys(spec)).toEqual(['$schema', 'title', 'description', 'width', 'height', 'mark', 'config']);
  });

  it('leaves out the subtitle when there is none, and the size when not sized', () => {
    const spec = chartSpec({ title: 'T', description: 'D' }, o, {}, false);
    expect(spec.title).toEqual({ text: 'T' });
    expect('subtitle' in spec.title).toBe(false);
    expect('width' in spec).toBe(false);
    expect('height' in spec).toBe(false);
  });

  it('a title option replaces the title and keeps the subtitle', () => {
    expect(chartSpec({ title: 'T', subtitle: ['a', 'b'], description: 'D' }, { ...o, title: 'Mine' }, {}).title).toEqual({ text: 'Mine', subtitle: ['a', 'b'] });
  });

  it('fixes fonts, sizes and colours in the config', () => {
    const config = chartSpec({ title: 'T', description: 'D' }, o, {}).config as Record<string, Record<string, unknown>>;
    expect(config.font).toBe(FONT);
    expect(config.background).toBe('#ffffff');
    expect(config.padding).toBe(8);
    // a title starts at the left, its subtitle smaller and grey
    expect(config.title).toEqual({ fontSize: 15, subtitleFontSize: 12, anchor: 'start', subtitleColor: '#333333' });
    expect(config.axis).toEqual({ labelFontSize: 11, titleFontSize: 12, labelColor: '#222222', titleColor: '#222222', gridColor: '#e4e4e4' });
    expect(config.legend).toEqual({ labelFontSize: 11, titleFontSize: 12, orient: 'bottom', labelLimit: 320 });
    expect(config.header).toEqual({ labelFontSize: 11, titleFontSize: 12 });
    // series colours: the Okabe-Ito palette, blue first, every colour once
    expect(config.range).toEqual({ category: [...CATEGORY_COLORS] });
    expect(CATEGORY_COLORS[0]).toBe(OKABE_ITO.blue);
    expect(new Set(CATEGORY_COLORS)).toEqual(new Set(Object.values(OKABE_ITO)));
    expect(config.view).toEqual({ stroke: null });
  });

  it('gives Vega the number format of the locale: 1,500.5 in English, 1.500,5 in Vietnamese', () => {
    const en = (chartSpec({ title: 'T', description: 'D' }, o, {}).config as { locale: { number: Record<string, unknown> } }).locale.number;
    const vi = (chartSpec({ title: 'T', description: 'D' }, { ...o, locale: 'vi' }, {}).config as { locale: { number: Record<string, unknown>; time: Record<string, unknown[]> } }).locale;
    expect(en).toEqual({ decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] });
    expect(vi.number).toEqual({ decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'] });
    expect(vi.time.months).toHaveLength(12);
    expect(vi.time.days).toHaveLength(7);
  });

  it('renders with the fixed font and background, and the locale\'s thousands separator on the axes', async () => {
    const en = await renderSvg(periodTransactionsChart(bins));
    const vi = await renderSvg(periodTransactionsChart(bins, { locale: 'vi' }));
    for (const { svg } of [en, vi]) {
      const families = [...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]);
      expect(families.length).toBeGreaterThan(5);
      expect(new Set(families)).toEqual(new Set([FONT]));
      expect(svg).toMatch(/^<svg[^>]*>(<title>[^<]*<\/title>)?(<desc>[^<]*<\/desc>)?<rect width="\d+" height="\d+" fill="#ffffff"\/>/);
    }
    expect(axisLabels(en.svg)).toContain('1,000');
    expect(axisLabels(vi.svg)).toContain('1.000');
    expect(axisLabels(vi.svg)).not.toContain('1,000');
  });
});

describe('parseChartOptions: the common options', () => {
  it('fills the defaults: English, 480 x 280, the chart\'s own title', () => {
    const issues = new IssueList();
    expect(parseChartOptions(undefined, {}, issues)).toEqual({ locale: 'en', width: 480, height: 280, title: undefined });
    expect(parseChartOptions({}, {}, issues)).toEqual({ locale: 'en', width: 480, height: 280, title: undefined });
    expect(issues.isEmpty).toBe(true);
  });

  it('keeps given values and the chart\'s own keys', () => {
    const issues = new IssueList();
    expect(parseChartOptions({ locale: 'vi', width: 40, height: 4000, title: 'X', steps: 3 }, { steps: z.number() }, issues)).toEqual({ locale: 'vi', width: 40, height: 4000, title: 'X', steps: 3 });
  });

  it('refuses bad values and unknown keys under options, and returns nothing then', () => {
    const issues = new IssueList();
    expect(parseChartOptions({ width: 39, height: 4001, title: '', locale: 'fr', extra: 1 }, {}, issues)).toBeUndefined();
    expect(issueSummaries(() => done(issues, 1))).toEqual(['invalid_value options.locale', 'too_small options.width', 'too_big options.height', 'too_small options.title', 'unrecognized_key options.extra']);
    const nullOptions = new IssueList();
    expect(parseChartOptions(null, {}, nullOptions)).toBeUndefined();
    expect(nullOptions.isEmpty).toBe(false);
    expect(issueSummaries(() => periodTransactionsChart(bins, { title: 'x'.repeat(201) }))).toEqual(['too_big options.title']);
  });

  it('done returns the value when nothing was recorded', () => {
    expect(done(new IssueList(), 5)).toBe(5);
  });
});

describe('formatNumber, formatPercent, round, tr', () => {
  it('formats with fixed decimals, a decimal comma in Vietnamese, and no negative zero', () => {
    expect(formatNumber(1234.5678, 2, 'en')).toBe('1234.57');
    expect(formatNumber(1234.5678, 2, 'vi')).toBe('1234,57');
    expect(formatNumber(-0, 1, 'en')).toBe('0.0');
    expect(formatNumber(-0.004, 2, 'en')).toBe('0.00');
    expect(formatNumber(-0.4, 0, 'en')).toBe('0');
    expect(formatNumber(-0.006, 2, 'en')).toBe('-0.01');
    expect(formatNumber(-10.04, 1, 'vi')).toBe('-10,0');
    expect(formatNumber(-0.05, 1, 'en')).toBe('-0.1');
  });

  it('formats a fraction as a percentage', () => {
    expect(formatPercent(0.1234, 1, 'en')).toBe('12.3%');
    expect(formatPercent(0.1234, 1, 'vi')).toBe('12,3%');
  });

  it('rounds to 6 digits by default, never to negative zero', () => {
    expect(round(1 / 3)).toBe(0.333333);
    expect(round(1 / 3, 2)).toBe(0.33);
    expect(Object.is(round(-1e-9), 0)).toBe(true);
    expect(Object.is(round(-0), 0)).toBe(true);
    expect(round(-0.5, 0)).toBe(-1);
  });

  it('picks the text of the locale', () => {
    expect(tr('en', { en: 'a', vi: 'b' })).toBe('a');
    expect(tr('vi', { en: 'a', vi: 'b' })).toBe('b');
  });
});
