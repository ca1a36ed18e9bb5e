/**
 * customer-metrics-report: from CSV exports to a report (HTML, Markdown or JSON) with the
 * customer-metrics library. `runReport` is what the command line runs; it is exported for scripts
 * (the repository's demo calls it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReportArguments } from './args.js';
import { buildReport } from './buildReport.js';
import { ReportError } from './errors.js';
import { readInputs } from './inputs.js';
import type { Report } from './model.js';
import { Progress, type ProgressSink } from './progress.js';
import { renderFigures, toHtml, toJson, toMarkdown } from './render/writers.js';

export { parseArguments, USAGE, type ReportArguments, type OutputFormat } from './args.js';
export { buildReport, type BuildReportOptions } from './buildReport.js';
export { ReportError } from './errors.js';
export { readInputs, DEFAULT_COLUMNS, type ColumnNames, type ReportInputs } from './inputs.js';
export type { Report, Section, OmittedSection, Block } from './model.js';
export { renderSvg } from './render/svg.js';
export { renderFigures, toHtml, toJson, toMarkdown } from './render/writers.js';

/** What a run produced. */
export interface ReportRun {
  readonly report: Report;
  readonly out: string;
  readonly bytes: number;
}

/**
 * Reads the files, builds the report and writes it to `args.out`.
 *
 * @throws {@link ReportError} for unusable inputs or an unwritable output.
 */
export async function runReport(args: ReportArguments, stderr?: ProgressSink): Promise<ReportRun> {
  const progress = new Progress(args.quiet ? undefined : stderr);
  const vi = args.locale === 'vi';
  progress.start(vi ? 'đọc tệp' : 'reading files');
  const inputs = await readInputs(args, args.columns, {
    failFast: args.badRows === 'fail',
    observationEnd: args.observationEnd,
    progress: (_label, read, total) => progress.update(read / total),
  });
  progress.end();
  if (inputs.transactions.length === 0) {
    throw new ReportError(`--transactions ${args.transactions}: no usable rows: all ${inputs.rowsRead.get(args.transactions) ?? 0} were rejected (run with --bad-rows fail to see the first one).`);
  }
  const report = buildReport(inputs, args, {
    locale: args.locale,
    progress,
    holdoutWeeks: args.holdoutWeeks,
    horizonMonths: args.horizonMonths,
    discountRatePerMonth: args.discountRate,
    ...(args.observationEnd === undefined ? {} : { observationEnd: args.observationEnd }),
    ...(args.title === undefined ? {} : { title: args.title }),
  });
  let text: string;
  if (args.format === 'html') text = toHtml(report, await renderFigures(report, progress));
  else if (args.format === 'md') text = toMarkdown(report);
  else text = toJson(report);
  try {
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, text);
  } catch (error) {
    throw new ReportError(`--out: cannot write ${args.out} (${(error as { code?: string }).code ?? 'error'})`);
  }
  return { report, out: args.out, bytes: Buffer.byteLength(text) };
}
