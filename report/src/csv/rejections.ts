/**
 * Rows the report could not use: counted per file and reason, with the first few locations (file,
 * line, column) so that the reader can find them. Nothing is dropped without being counted here.
 */
import { ReportError } from '../errors.js';

/** Why a row was rejected. */
export type RejectReason =
  | 'field-count'
  | 'malformed-quotes'
  | 'missing-value'
  | 'invalid-date'
  | 'invalid-number'
  | 'negative-amount'
  | 'score-out-of-range'
  | 'end-before-start'
  | 'invalid-count'
  | 'after-observation-end';

/** Plain-English text of each reason (the report translates them itself). */
export const REASON_TEXT: Record<RejectReason, string> = {
  'field-count': 'number of fields differs from the header',
  'malformed-quotes': 'text after a closing quote',
  'missing-value': 'empty value in a required column',
  'invalid-date': 'not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)',
  'invalid-number': 'not a plain decimal number',
  'negative-amount': 'negative amount (refunds are not netted by this report)',
  'score-out-of-range': 'score is not a whole number from 0 to 10',
  'end-before-start': 'end date before start date',
  'invalid-count': 'not a whole number of at least 0',
  'after-observation-end': 'dated after the observation end',
};

/** Where a rejected row is. */
export interface RowLocation {
  readonly file: string;
  readonly line: number;
  /** The header name of the offending column, when one column is to blame. */
  readonly column: string | undefined;
}

/** One file's rejections for one reason. */
export interface RejectionGroup {
  readonly file: string;
  readonly reason: RejectReason;
  count: number;
  /** The first few rows, in file order. */
  readonly examples: RowLocation[];
}

const EXAMPLES = 5;

/** Formats a location as `file:line (column "x")`. */
export function formatLocation(location: RowLocation): string {
  return `${location.file}:${location.line}${location.column === undefined ? '' : ` (column "${location.column}")`}`;
}

/** The rejections of a whole run. With `failFast`, the first rejection stops the run instead. */
export class Rejections {
  private readonly groups = new Map<string, RejectionGroup>();

  constructor(private readonly failFast = false) {}

  add(file: string, line: number, column: string | undefined, reason: RejectReason): void {
    if (this.failFast) {
      throw new ReportError(`${formatLocation({ file, line, column })}: ${REASON_TEXT[reason]}. (Without --bad-rows fail, such rows are counted in the report instead.)`);
    }
    const key = `${file}\u0000${reason}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { file, reason, count: 0, examples: [] };
      this.groups.set(key, group);
    }
    group.count++;
    if (group.examples.length < EXAMPLES) group.examples.push({ file, line, column });
  }

  /** Every group, by file then by count (largest first). */
  list(): RejectionGroup[] {
    return [...this.groups.values()].sort((a, b) => a.file.localeCompare(b.file) || b.count - a.count || a.reason.localeCompare(b.reason));
  }

  /** Total rejected rows of one file. */
  total(file?: string): number {
    let sum = 0;
    for (const g of this.groups.values()) if (file === undefined || g.file === file) sum += g.count;
    return sum;
  }
}
