/**
 * Renders a Vega-Lite spec to SVG in Node with `vega-lite` + `vega` (devDependencies; no browser,
 * no canvas: text widths are Vega's estimates, so the output is the same on every machine), and
 * normalises the ids that Vega numbers per process (gradients, clip paths) so that an SVG does not
 * depend on what was rendered before it.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';

/** Vega's logger, collecting warnings instead of printing them. */
function collectingLogger(warnings: string[]) {
  const logger = {
    level: () => 2,
    error: (...args: unknown[]) => {
      warnings.push(`error: ${args.map(String).join(' ')}`);
      return logger;
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Renumbers `gradient_N` and `clipN` ids in order of first appearance, from 0. */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\b(gradient_|clip)(\d+)\b/g, (match, prefix: string) => {
    let id = ids.get(match);
    if (id === undefined) {
      id = `${prefix}${[...ids.keys()].filter((k) => k.startsWith(prefix)).length}`;
      ids.set(match, id);
    }
    return id;
  });
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Makes the SVG accessible on its own (Vega's static SVG does not carry the spec's description):
 * `role="img"`, and the spec's title and description as the SVG's `<title>` and `<desc>`.
 */
export function labelSvg(svg: string, spec: unknown): string {
  const s = spec as { title?: { text?: unknown }; description?: unknown };
  const title = typeof s.title?.text === 'string' ? s.title.text : '';
  const desc = typeof s.description === 'string' ? s.description : '';
  return svg.replace(/^<svg ([^>]*)>/, (_, attrs: string) => `<svg role="img" ${attrs}><title>${escapeXml(title)}</title><desc>${escapeXml(desc)}</desc>`);
}

/** The SVG of a Vega-Lite spec (accessible, ids normalised), with Vega's warnings. */
export async function renderChartSvg(spec: unknown): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const compiled = compile(spec as Parameters<typeof compile>[0], { logger: collectingLogger(warnings) as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: collectingLogger(warnings) as never });
  const svg = await view.toSVG();
  view.finalize();
  return { svg: `${labelSvg(normalizeSvg(svg), spec)}\n`, warnings };
}
