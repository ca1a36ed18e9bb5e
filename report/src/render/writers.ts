/**
 * The three forms of the report: one self-contained HTML file (inline SVG and CSS, a Content
 * Security Policy that forbids every request, readable without JavaScript), Markdown, and JSON.
 */
import { basename } from 'node:path';
import { escapeHtml, escapeMarkdown } from '../format.js';
import type { Block, FigureBlock, Report, TableBlock } from '../model.js';
import type { Progress } from '../progress.js';
import { renderSvg } from './svg.js';

const CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5a636e; --rule: #d8dde3; --accent: #0072B2; --bg: #fff; --band: #f5f7f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header, main, footer { max-width: 960px; margin: 0 auto; padding: 0 16px; }
header { padding-top: 24px; border-bottom: 1px solid var(--rule); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 8px; }
h2 { font-size: 1.3rem; margin: 40px 0 8px; padding-top: 8px; border-top: 3px solid var(--accent); }
p { margin: 8px 0; overflow-wrap: anywhere; }
.meta { color: var(--muted); font-size: 0.9rem; }
nav ol { padding-left: 20px; columns: 2 220px; margin: 8px 0 16px; }
nav a { color: var(--accent); }
figure { margin: 16px 0; padding: 8px; border: 1px solid var(--rule); border-radius: 6px; background: #fff; }
figure .chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure .chart.narrow { display: none; }
@media (max-width: 600px) { figure .chart.wide { display: none; } figure .chart.narrow { display: block; } }
figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 4px; }
.table-wrap { overflow-x: auto; margin: 12px 0; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.88rem; min-width: 60%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
th, td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.omitted { background: var(--band); border-left: 4px solid var(--muted); padding: 8px 12px; margin: 12px 0; }
footer { color: var(--muted); font-size: 0.8rem; padding-bottom: 32px; margin-top: 40px; border-top: 1px solid var(--rule); }
@media (max-width: 480px) { body { font-size: 15px; } h1 { font-size: 1.35rem; } th, td { padding: 3px 6px; } }
@media print { h2 { break-before: auto; } figure { break-inside: avoid; } }
`;

/**
 * Makes an SVG fit to sit inline in the page: drops the namespace declarations (inline SVG in HTML
 * does not need them, so the file names no URL at all) and prefixes its element ids (gradients,
 * clip paths), which every vega SVG numbers from 0: two charts in one page would otherwise point at
 * each other's definitions, and at hidden ones.
 */
function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

function tableHtml(block: TableBlock): string {
  const head = block.columns.map((c, i) => `<th scope="col"${block.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body = block.rows.map((row) => `<tr>${row.map((cell, i) => `<td${block.numeric[i] ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A figure's SVG at the two widths the page shows: desktop and phone. */
export interface FigureSvgs {
  readonly wide: string;
  readonly narrow: string;
}

/** Chart widths: one for screens from tablet up, one for phones (text stays legible instead of being scaled down). */
export const WIDE = 640;
export const NARROW = 340;

/** Renders every figure to SVG at both widths (the slow part of writing HTML), reporting progress. */
export async function renderFigures(report: Report, progress?: Progress): Promise<Map<string, FigureSvgs>> {
  const figures = report.sections.flatMap((s) => s.blocks.filter((b): b is FigureBlock => b.kind === 'figure'));
  const out = new Map<string, FigureSvgs>();
  progress?.start(report.locale === 'vi' ? 'vẽ biểu đồ' : 'rendering charts');
  for (const [i, figure] of figures.entries()) {
    const at = (width: number) => (figure.at === undefined ? renderSvg(figure.spec, width) : renderSvg(figure.at(width), width));
    out.set(figure.id, { wide: await at(WIDE), narrow: await at(NARROW) });
    progress?.update((i + 1) / figures.length);
  }
  progress?.end();
  return out;
}

/** The report as one self-contained HTML page. */
export function toHtml(report: Report, svgs: ReadonlyMap<string, FigureSvgs>): string {
  const vi = report.locale === 'vi';
  const block = (b: Block): string => {
    if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`;
    if (b.kind === 'table') return tableHtml(b);
    const svg = svgs.get(b.id);
    const label = escapeHtml(b.description);
    return (
      `<figure id="fig-${escapeHtml(b.id)}">` +
      `<div class="chart wide" role="img" aria-label="${label}">${inlineSvg(svg?.wide ?? '', `${b.id}-w`)}</div>` +
      `<div class="chart narrow" role="img" aria-label="${label}">${inlineSvg(svg?.narrow ?? '', `${b.id}-n`)}</div>` +
      `<figcaption>${label}</figcaption></figure>`
    );
  };
  const toc = [...report.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`), ...report.omitted.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)].join('');
  const sections = report.sections.map((s) => `<section id="${s.id}" aria-labelledby="h-${s.id}"><h2 id="h-${s.id}">${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`).join('\n');
  const omitted = report.omitted.map((s) => `<section id="${s.id}" aria-labelledby="h-${s.id}"><h2 id="h-${s.id}">${escapeHtml(s.title)}</h2><p class="omitted">${escapeHtml(s.note)}</p></section>`).join('\n');
  return `<!doctype html>
<html lang="${report.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
<p class="meta">${escapeHtml(vi ? `Dữ liệu: ${report.generatedFrom.map((p) => basename(p)).join(', ')}. Kết thúc quan sát: ${report.observationEnd}.` : `Data: ${report.generatedFrom.map((p) => basename(p)).join(', ')}. Observation end: ${report.observationEnd}.`)}</p>
<nav aria-label="${vi ? 'Mục lục' : 'Contents'}"><ol>${toc}</ol></nav>
</header>
<main>
${sections}
${omitted}
</main>
<footer><p>${escapeHtml(vi ? 'Tạo bởi customer-metrics-report. Một tệp duy nhất: không tải gì từ mạng, đọc được không cần JavaScript.' : 'Made by customer-metrics-report. One file: loads nothing from the network, readable without JavaScript.')}</p></footer>
</body>
</html>
`;
}

/** The report as Markdown (figures as their titles and descriptions). */
export function toMarkdown(report: Report): string {
  const vi = report.locale === 'vi';
  const lines: string[] = [`# ${report.title}`, '', vi ? `Dữ liệu: ${report.generatedFrom.join(', ')}. Kết thúc quan sát: ${report.observationEnd}.` : `Data: ${report.generatedFrom.join(', ')}. Observation end: ${report.observationEnd}.`];
  for (const s of report.sections) {
    lines.push('', `## ${s.title}`);
    for (const b of s.blocks) {
      lines.push('');
      if (b.kind === 'paragraph') lines.push(escapeMarkdown(b.text));
      else if (b.kind === 'figure') lines.push(`*${vi ? 'Biểu đồ' : 'Figure'}: ${escapeMarkdown(b.title)}.* ${escapeMarkdown(b.description)}`);
      else {
        lines.push(`**${escapeMarkdown(b.caption)}**`, '', `| ${b.columns.map(escapeMarkdown).join(' | ')} |`, `|${b.numeric.map((n) => (n ? '---:' : '---')).join('|')}|`);
        for (const row of b.rows) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
      }
    }
  }
  for (const s of report.omitted) lines.push('', `## ${s.title}`, '', `> ${escapeMarkdown(s.note)}`);
  return `${lines.join('\n')}\n`;
}

/** The report as JSON: each section's key figures, its tables and its Vega-Lite specs. */
export function toJson(report: Report): string {
  return `${JSON.stringify(
    {
      title: report.title,
      locale: report.locale,
      files: report.generatedFrom,
      observationEnd: report.observationEnd,
      sections: report.sections.map((s) => ({
        id: s.id,
        title: s.title,
        data: s.data,
        tables: s.blocks.filter((b) => b.kind === 'table').map((b) => ({ caption: b.caption, columns: b.columns, rows: b.rows })),
        figures: s.blocks.filter((b): b is FigureBlock => b.kind === 'figure').map((b) => ({ id: b.id, title: b.title, description: b.description, spec: b.spec })),
      })),
      omitted: report.omitted,
    },
    // Decimal values serialise themselves (toJSON) as decimal strings.
    undefined,
    2,
  )}\n`;
}
