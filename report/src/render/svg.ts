/**
 * Renders a Vega-Lite specification to an SVG string in Node: vega-lite compiles it to Vega, vega
 * renders the scene headlessly (renderer 'none', then toSVG). No browser, no canvas, no network: the
 * data is inline and the loader refuses anything else.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../model.js';

/** The width of a chart whose spec asks for the container's width (the HTML scales it down with CSS). */
export const DEFAULT_WIDTH = 640;

/** A loader that reads nothing: a spec that names a URL fails instead of making a request. */
const noLoader = {
  ...vega.loader(),
  load: async (uri: string): Promise<string> => {
    throw new Error(`the report renders inline data only; refused to load ${uri}`);
  },
  sanitize: async (uri: string): Promise<{ href: string }> => {
    throw new Error(`the report renders inline data only; refused to load ${uri}`);
  },
  http: async (): Promise<string> => {
    throw new Error('no network');
  },
  file: async (): Promise<string> => {
    throw new Error('no files');
  },
};

/** A copy of a spec with every `labelLimit` (axis labels, legends) at most `limit` pixels. */
function clampLabelLimits(value: unknown, limit: number): unknown {
  if (Array.isArray(value)) return value.map((v) => clampLabelLimits(v, limit));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = key === 'labelLimit' && typeof v === 'number' ? Math.min(v, limit) : key === 'data' ? v : clampLabelLimits(v, limit);
  return out;
}

/** Fixes `width: 'container'` (meaningless without a page) to a number, at the top level and in concatenations. */
function sized(spec: VegaLiteSpec, width: number): VegaLiteSpec {
  // A title longer than the chart would widen the whole SVG (and so shrink the plot when the page
  // scales it to the screen): cut it with an ellipsis at the chart's width; the caption has it all.
  const config = (spec.config ?? {}) as Record<string, unknown>;
  const title = (config.title ?? {}) as Record<string, unknown>;
  const axis = (config.axis ?? {}) as Record<string, unknown>;
  spec = { ...spec, config: { ...config, title: { ...title, limit: width - 20 } } };
  // On a phone-width chart, long axis labels (need-level names) would widen the SVG and so shrink
  // everything when the page scales it down: cut them at 40% of the width there; the table has them.
  if (width < 480) {
    const labelLimit = Math.round(width * 0.4);
    spec = clampLabelLimits({ ...spec, config: { ...(spec.config as object), axis: { labelLimit, ...axis } } }, labelLimit) as VegaLiteSpec;
  }
  if (spec.width !== 'container') return spec; // sized by its maker
  const out: VegaLiteSpec = { ...spec, width };
  if (out.autosize === undefined) out.autosize = { type: 'fit-x', contains: 'padding' };
  return out;
}

/** The SVG of a spec, with a `role="img"` and the description as its accessible name. */
export async function renderSvg(spec: VegaLiteSpec, width = DEFAULT_WIDTH): Promise<string> {
  const vegaSpec = compile(sized(spec, width) as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', loader: noLoader as unknown as vega.Loader, logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    return svg;
  } finally {
    view.finalize();
  }
}
