/**
 * Vega-Lite specifications of the report's figures that `customer-metrics/charts` does not (yet)
 * provide: small, plain specs built from the sections' results. Colour-blind-safe colours (Okabe &
 * Ito 2008), a title, axis titles with units, and a description for screen readers on each.
 */
import type { VegaLiteSpec } from './model.js';

/** Okabe-Ito palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const base = (title: string, description: string, subtitle?: string): VegaLiteSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: subtitle === undefined ? { text: title } : { text: title, subtitle },
  description,
  width: 'container',
  height: 240,
  config: { font: 'system-ui, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12, labelOverlap: true }, legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' } },
});

/** Bars of one value per category, in the given order. */
export function barChart(o: {
  title: string;
  description: string;
  subtitle?: string;
  rows: { label: string; value: number; group?: string }[];
  xTitle: string;
  yTitle: string;
  format?: string;
  colors?: string[];
}): VegaLiteSpec {
  const grouped = o.rows.some((r) => r.group !== undefined);
  return {
    ...base(o.title, o.description, o.subtitle),
    data: { values: o.rows },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'label', type: 'nominal', sort: null, title: o.xTitle, axis: { labelAngle: o.rows.length > 6 ? -40 : 0 } },
      y: { field: 'value', type: 'quantitative', title: o.yTitle, ...(o.format === undefined ? {} : { axis: { format: o.format } }) },
      color: grouped
        ? { field: 'group', type: 'nominal', title: null, scale: { domain: [...new Set(o.rows.map((r) => r.group))], range: o.colors ?? PALETTE } }
        : { value: (o.colors ?? PALETTE)[0] },
      // Groups side by side within each category, not stacked.
      ...(grouped ? { xOffset: { field: 'group', type: 'nominal', sort: null } } : {}),
    },
  };
}

/** Lines over a quantitative or temporal x, optionally with a band (lower, upper) and several series. */
export function lineChart(o: {
  title: string;
  description: string;
  subtitle?: string;
  rows: { x: number | string; y: number; series?: string; lower?: number; upper?: number }[];
  xTitle: string;
  yTitle: string;
  xType?: 'quantitative' | 'temporal' | 'ordinal';
  yFormat?: string;
  step?: boolean;
  yDomain?: [number, number];
  points?: boolean;
}): VegaLiteSpec {
  const xType = o.xType ?? 'quantitative';
  const x = { field: 'x', type: xType, title: o.xTitle, ...(xType === 'ordinal' ? { sort: null, axis: { labelAngle: -40 } } : {}) };
  const y = { field: 'y', type: 'quantitative', title: o.yTitle, ...(o.yFormat === undefined ? {} : { axis: { format: o.yFormat } }), ...(o.yDomain === undefined ? {} : { scale: { domain: o.yDomain } }) };
  const series = o.rows.some((r) => r.series !== undefined);
  // Colours follow the series in order of appearance, the same in every language.
  const color = series ? { field: 'series', type: 'nominal', title: null, scale: { domain: [...new Set(o.rows.map((r) => r.series))], range: PALETTE } } : { value: PALETTE[0] };
  const layers: VegaLiteSpec[] = [];
  if (o.rows.some((r) => r.lower !== undefined)) {
    layers.push({
      mark: { type: 'area', opacity: 0.2, ...(o.step ? { interpolate: 'step-after' } : {}) },
      encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color },
    });
  }
  layers.push({ mark: { type: 'line', point: o.points ?? false, tooltip: true, ...(o.step ? { interpolate: 'step-after' } : {}) }, encoding: { x, y, color } });
  return { ...base(o.title, o.description, o.subtitle), data: { values: o.rows }, layer: layers };
}

/** A heatmap of cells (row, column, value) with the value printed in each cell. */
export function heatmap(o: {
  title: string;
  description: string;
  subtitle?: string;
  cells: { row: string; column: string; value: number }[];
  rowTitle: string;
  columnTitle: string;
  valueTitle: string;
  format?: string;
}): VegaLiteSpec {
  const rows = new Set(o.cells.map((c) => c.row)).size;
  return {
    ...base(o.title, o.description, o.subtitle),
    height: Math.max(120, 22 * rows),
    data: { values: o.cells },
    encoding: {
      x: { field: 'column', type: 'ordinal', sort: null, title: o.columnTitle, axis: { labelAngle: 0 } },
      y: { field: 'row', type: 'ordinal', sort: null, title: o.rowTitle },
    },
    layer: [
      { mark: { type: 'rect', tooltip: true }, encoding: { color: { field: 'value', type: 'quantitative', title: o.valueTitle, scale: { scheme: 'viridis', domain: [0, 1] }, legend: { format: o.format ?? '.0%' } } } },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          text: { field: 'value', type: 'quantitative', format: o.format ?? '.0%' },
          color: { condition: { test: 'datum.value > 0.55', value: 'black' }, value: 'white' },
        },
      },
    ],
  };
}

/** Keeps about `target` evenly spaced points of a long curve (always the first and the last). */
export function thin<T>(points: readonly T[], target = 200): T[] {
  if (points.length <= target) return [...points];
  const out: T[] = [];
  const step = (points.length - 1) / (target - 1);
  for (let k = 0; k < target; k++) out.push(points[Math.round(k * step)] as T);
  return out;
}
