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

/** The SVG of a Vega-Lite spec, with Vega's warnings. */
export async function renderChartSvg(spec: unknown): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const compiled = compile(spec as Parameters<typeof compile>[0], { logger: collectingLogger(warnings) as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: collectingLogger(warnings) as never });
  const svg = await view.toSVG();
  view.finalize();
  return { svg: `${normalizeSvg(svg)}\n`, warnings };
}
