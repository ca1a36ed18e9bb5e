/**
 * The pictures in the docs cannot drift from the code: every chart of the gallery
 * (examples/charts/gallery.ts) is valid Vega-Lite, renders without warnings and with marks, and
 * regenerating docs/charts/ (scripts/render-doc-charts.ts, in memory) gives exactly the committed
 * files. Rendering is deterministic: the same spec gives the same SVG whatever was rendered before.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { galleryCharts } from '../examples/charts/gallery.js';
import { generateSampleShop } from '../examples/data/sample-shop.js';
import * as charts from '../src/charts/index.js';
import { docChartsDir, renderDocCharts } from '../scripts/render-doc-charts.js';
import { renderChartSvg } from '../scripts/chart-svg.js';
import { specProblems } from './helpers/charts.js';

const gallery = galleryCharts(generateSampleShop());
let rendered = new Map<string, string>();

beforeAll(async () => {
  rendered = await renderDocCharts();
}, 120_000);

describe('doc charts', () => {
  it('the gallery shows every chart function at least once', () => {
    expect([...new Set(gallery.map((c) => c.fn))].sort()).toEqual(Object.keys(charts).sort());
  });

  it.each(gallery.map((c) => [c.name, c] as const))('%s is valid Vega-Lite and has drawn marks', (name, chart) => {
    expect(specProblems(chart.spec)).toEqual([]);
    const svg = rendered.get(`${name}.svg`) ?? '';
    expect(svg).toMatch(/^<svg role="img" /);
    expect(svg).toContain(`<desc>${chart.spec.description.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</desc>`);
    expect(svg).toMatch(/class="mark-(rect|line|area|symbol|rule|text) role-mark/);
    expect(svg).toContain(chart.spec.title.text.replace(/&/g, '&amp;'));
  });

  it('regenerating docs/charts/ changes nothing (run `npm run docs:charts` after changing a chart)', () => {
    const committed = existsSync(docChartsDir) ? readdirSync(docChartsDir).filter((n) => n.endsWith('.svg')).sort() : [];
    expect(committed).toEqual([...rendered.keys()].sort());
    const changed = [...rendered].filter(([name, svg]) => readFileSync(join(docChartsDir, name), 'utf8') !== svg).map(([name]) => name);
    expect(changed).toEqual([]);
  });

  it('rendering is deterministic: the same spec renders the same, in any order', async () => {
    const sample = [gallery[gallery.length - 1]!, gallery[0]!, gallery.find((c) => c.name === 'retention-cohorts')!];
    for (const chart of sample) {
      const again = await renderChartSvg(chart.spec);
      expect(again.svg).toBe(rendered.get(`${chart.name}.svg`));
    }
  });
});
