/**
 * The report as data, before it is written as HTML, Markdown or JSON: sections made of paragraphs,
 * tables and figures (Vega-Lite specifications, rendered to SVG by the HTML writer), and the notes
 * for the sections that the given files do not allow.
 */

/** A Vega-Lite specification (plain JSON). */
export type VegaLiteSpec = Record<string, unknown>;

/** A table: header cells, rows of cells, and which columns hold numbers (right-aligned). */
export interface TableBlock {
  readonly kind: 'table';
  readonly caption: string;
  readonly columns: readonly string[];
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly string[])[];
}

/** A paragraph of plain text. */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
}

/** A chart. */
export interface FigureBlock {
  readonly kind: 'figure';
  /** Unique in the report (used for file names and anchors). */
  readonly id: string;
  readonly title: string;
  /** What the chart shows, for screen readers and for the Markdown and JSON forms. */
  readonly description: string;
  /** The spec at the default size (what the JSON form carries). */
  readonly spec: VegaLiteSpec;
  /**
   * The spec for a total width in pixels, when the chart's size is built into it (the
   * `customer-metrics/charts` functions take the plotting area's width); otherwise the renderer
   * sets the width of `spec`.
   */
  readonly at?: (width: number) => VegaLiteSpec;
}

export type Block = ParagraphBlock | TableBlock | FigureBlock;

/** The sections, in report order. */
export type SectionId = 'overview' | 'nps' | 'churn' | 'survival' | 'cohorts' | 'value' | 'needLevels' | 'clv' | 'rejected';

/** A section of the report. */
export interface Section {
  readonly id: SectionId;
  readonly title: string;
  readonly blocks: Block[];
  /** The section's key figures, for the JSON form. */
  readonly data: Record<string, unknown>;
}

/** A section left out, and the file (flag) that would enable it. */
export interface OmittedSection {
  readonly id: SectionId;
  readonly title: string;
  readonly note: string;
}

/** The whole report. */
export interface Report {
  readonly title: string;
  readonly locale: 'en' | 'vi';
  readonly generatedFrom: readonly string[];
  readonly observationEnd: string;
  readonly sections: Section[];
  readonly omitted: OmittedSection[];
}

/** Builds a table block. */
export function table(caption: string, columns: readonly string[], rows: readonly (readonly string[])[], numeric?: readonly boolean[]): TableBlock {
  return { kind: 'table', caption, columns, rows, numeric: numeric ?? columns.map((_, i) => i > 0) };
}

/** Builds a paragraph block. */
export function paragraph(text: string): ParagraphBlock {
  return { kind: 'paragraph', text };
}

/** Room that axes, titles and legends of a `customer-metrics/charts` spec take beside the plotting area. */
const FRAME = 110;

/** A figure from a `customer-metrics/charts` function: called at the default size and at each width rendered. */
export function chartFigure(
  id: string,
  make: (size: { width?: number }) => VegaLiteSpec,
): FigureBlock {
  const spec = make({});
  const title = spec.title as string | { text?: string | string[] } | undefined;
  const text = typeof title === 'string' ? title : Array.isArray(title?.text) ? title.text.join(' ') : (title?.text ?? id);
  return { kind: 'figure', id, title: text, description: String(spec.description ?? text), spec, at: (width) => make({ width: Math.max(120, width - FRAME) }) };
}
