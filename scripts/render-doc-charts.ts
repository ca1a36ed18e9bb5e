/**
 * `npm run docs:charts`: renders every chart of the gallery (examples/charts/gallery.ts, computed
 * from the bundled sample shop) to docs/charts/<name>.svg, and removes SVGs no chart makes any
 * more. The output is deterministic (fixed data seed, fonts, sizes; no timestamps), and
 * test/doc-charts.test.ts fails when regenerating would change a file.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { galleryCharts } from '../examples/charts/gallery.js';
import { generateSampleShop } from '../examples/data/sample-shop.js';
import { renderChartSvg } from './chart-svg.js';

/** The folder of the rendered charts. */
export const docChartsDir = fileURLToPath(new URL('../docs/charts/', import.meta.url));

/** Every doc chart's file name and SVG text, in gallery order. Throws on a Vega warning. */
export async function renderDocCharts(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chart of galleryCharts(generateSampleShop())) {
    const { svg, warnings } = await renderChartSvg(chart.spec);
    if (warnings.length > 0) throw new Error(`${chart.name}: Vega warned: ${warnings.join('; ')}`);
    out.set(`${chart.name}.svg`, svg);
  }
  return out;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const charts = await renderDocCharts();
  mkdirSync(docChartsDir, { recursive: true });
  for (const name of readdirSync(docChartsDir)) if (name.endsWith('.svg') && !charts.has(name)) rmSync(join(docChartsDir, name));
  for (const [name, svg] of charts) writeFileSync(join(docChartsDir, name), svg);
  console.log(`Wrote ${charts.size} charts to docs/charts/`);
}
