/**
 * The report's four input files, read into memory in the form the sections need:
 *
 * - transactions (required): customer, date, amount; kept column-wise (typed arrays, one id table),
 *   since the file can hold tens of millions of rows;
 * - subscriptions: customer, start, end (empty while active), MRR;
 * - responses (NPS survey): date, score 0-10, optional customer and segment;
 * - signals (behaviour per customer, for need levels): customer and any of the library's signals.
 */
import { NEED_SIGNALS } from 'customer-metrics/stages';
import type { NpsDatedResponse } from 'customer-metrics/nps';
import type { SubscriptionRecord } from 'customer-metrics/retention';
import { cachedDateParser, parseCount, parseDecimal, parseIsoDate } from './csv/fields.js';
import { readTable, type ColumnIndex, type ColumnSpec } from './csv/readTable.js';
import { Rejections, type RejectReason } from './csv/rejections.js';
import { ReportError } from './errors.js';

/** Header names of the columns, after the command line's renames. */
export interface ColumnNames {
  readonly customer: string;
  readonly date: string;
  readonly amount: string;
  readonly start: string;
  readonly end: string;
  readonly mrr: string;
  readonly score: string;
  readonly segment: string;
}

/** The defaults of {@link ColumnNames}. */
export const DEFAULT_COLUMNS: ColumnNames = {
  customer: 'customer_id',
  date: 'date',
  amount: 'amount',
  start: 'start',
  end: 'end',
  mrr: 'mrr',
  score: 'score',
  segment: 'segment',
};

/** The transaction log, column-wise: row k is customer ids[customer[k]] at date[k] for amount[k]. */
export interface TransactionTable {
  readonly length: number;
  /** Index into `ids`. */
  readonly customer: Int32Array;
  /** Epoch milliseconds. */
  readonly date: Float64Array;
  readonly amount: Float64Array;
  /** Customer ids in order of first appearance. */
  readonly ids: string[];
  readonly firstDate: number;
  readonly lastDate: number;
}

/** A survey response. */
export interface ResponseRow extends NpsDatedResponse {
  readonly score: number;
  readonly date: number;
  readonly customerId?: string;
  readonly segment?: string;
}

/** A behaviour-signal row: the customer and the signals present in the file. */
export type SignalRow = { readonly customerId: string } & Record<string, number | string>;

/** Everything read. */
export interface ReportInputs {
  readonly transactions: TransactionTable;
  readonly subscriptions: SubscriptionRecord[] | undefined;
  readonly responses: ResponseRow[] | undefined;
  /** Whether the responses file had a segment column. */
  readonly responseSegments: boolean;
  readonly signals: SignalRow[] | undefined;
  /** The signal columns found in the signals file. */
  readonly signalNames: string[];
  readonly rejections: Rejections;
  /** Data rows per file (path -> rows). */
  readonly rowsRead: Map<string, number>;
}

/** Which files to read. */
export interface InputPaths {
  readonly transactions: string;
  readonly subscriptions?: string | undefined;
  readonly responses?: string | undefined;
  readonly signals?: string | undefined;
}

/** Reporting of reading progress: file label, bytes read, bytes in the file. */
export type ReadProgress = (label: string, bytesRead: number, bytesTotal: number) => void;

class GrowableFloat64 {
  data = new Float64Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

class GrowableInt32 {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  trimmed(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

const col = (key: string, header: string, required: boolean, flag?: string, ...aliases: string[]): ColumnSpec => ({
  key,
  headers: [header, ...aliases],
  required,
  ...(flag === undefined ? {} : { flag }),
});

/** Reads the transactions file. */
async function readTransactions(path: string, names: ColumnNames, rejections: Rejections, cutoff: number, progress?: ReadProgress): Promise<[TransactionTable, number]> {
  const customer = new GrowableInt32();
  const date = new GrowableFloat64();
  const amount = new GrowableFloat64();
  const ids: string[] = [];
  const idIndex = new Map<string, number>();
  let firstDate = Infinity;
  let lastDate = -Infinity;
  const stats = await readTable({
    path,
    flag: '--transactions',
    rejections,
    columns: [col('customer', names.customer, true, '--customer-column'), col('date', names.date, true, '--date-column'), col('amount', names.amount, true, '--amount-column')],
    onProgress: progress === undefined ? undefined : (read, total) => progress('transactions', read, total),
    onHeader: (index: ColumnIndex, header) => {
      const [ci, di, ai] = [index.customer as number, index.date as number, index.amount as number];
      const parseDate = cachedDateParser();
      let lastId = '';
      let lastIndex = 0;
      const reject = (line: number, at: number, reason: RejectReason): void => rejections.add(path, line, header[at], reason);
      return (fields, line) => {
        const id = (fields[ci] as string).trim();
        if (id.length === 0) return reject(line, ci, 'missing-value');
        const dateText = (fields[di] as string).trim();
        if (dateText.length === 0) return reject(line, di, 'missing-value');
        const ms = parseDate(dateText);
        if (ms === undefined) return reject(line, di, 'invalid-date');
        if (ms >= cutoff) return reject(line, di, 'after-observation-end');
        const amountText = (fields[ai] as string).trim();
        if (amountText.length === 0) return reject(line, ai, 'missing-value');
        const value = parseDecimal(amountText);
        if (value === undefined) return reject(line, ai, 'invalid-number');
        if (value < 0) return reject(line, ai, 'negative-amount');
        // Exports sorted by customer repeat the previous row's id: a string comparison instead of a lookup.
        let k = id === lastId ? lastIndex : idIndex.get(id);
        if (k === undefined) {
          k = ids.length;
          ids.push(id);
          idIndex.set(id, k);
        }
        lastId = id;
        lastIndex = k;
        customer.push(k);
        date.push(ms);
        amount.push(value);
        if (ms < firstDate) firstDate = ms;
        if (ms > lastDate) lastDate = ms;
      };
    },
  });
  const table: TransactionTable = { length: customer.length, customer: customer.trimmed(), date: date.trimmed(), amount: amount.trimmed(), ids, firstDate, lastDate };
  return [table, stats.rows];
}

async function readSubscriptions(path: string, names: ColumnNames, rejections: Rejections, cutoff: number): Promise<[SubscriptionRecord[], number]> {
  const out: SubscriptionRecord[] = [];
  const stats = await readTable({
    path,
    flag: '--subscriptions',
    rejections,
    columns: [
      col('customer', names.customer, true, '--customer-column'),
      col('start', names.start, true, '--start-column'),
      col('end', names.end, true, '--end-column'),
      col('mrr', names.mrr, true, '--mrr-column'),
    ],
    onHeader: (index, header) => {
      const [ci, si, ei, mi] = [index.customer as number, index.start as number, index.end as number, index.mrr as number];
      const reject = (line: number, at: number, reason: RejectReason): void => rejections.add(path, line, header[at], reason);
      return (fields, line) => {
        const id = (fields[ci] as string).trim();
        if (id.length === 0) return reject(line, ci, 'missing-value');
        const startText = (fields[si] as string).trim();
        if (startText.length === 0) return reject(line, si, 'missing-value');
        const start = parseIsoDate(startText);
        if (start === undefined) return reject(line, si, 'invalid-date');
        if (start >= cutoff) return reject(line, si, 'after-observation-end');
        const endText = (fields[ei] as string).trim();
        const end = endText.length === 0 ? undefined : parseIsoDate(endText);
        if (endText.length > 0 && end === undefined) return reject(line, ei, 'invalid-date');
        if (end !== undefined && end < start) return reject(line, ei, 'end-before-start');
        const mrrText = (fields[mi] as string).trim();
        if (mrrText.length === 0) return reject(line, mi, 'missing-value');
        const mrr = parseDecimal(mrrText);
        if (mrr === undefined) return reject(line, mi, 'invalid-number');
        if (mrr < 0) return reject(line, mi, 'negative-amount');
        out.push(end === undefined ? { customerId: id, start, mrr } : { customerId: id, start, end, mrr });
      };
    },
  });
  return [out, stats.rows];
}

async function readResponses(path: string, names: ColumnNames, rejections: Rejections, cutoff: number): Promise<[ResponseRow[], boolean, number]> {
  const out: ResponseRow[] = [];
  let hasSegment = false;
  const stats = await readTable({
    path,
    flag: '--responses',
    rejections,
    columns: [
      col('date', names.date, true, '--date-column'),
      col('score', names.score, true, '--score-column'),
      col('customer', names.customer, false),
      col('segment', names.segment, false),
    ],
    onHeader: (index, header) => {
      const [di, si, ci, gi] = [index.date as number, index.score as number, index.customer, index.segment];
      hasSegment = gi !== undefined;
      const reject = (line: number, at: number, reason: RejectReason): void => rejections.add(path, line, header[at], reason);
      return (fields, line) => {
        const dateText = (fields[di] as string).trim();
        if (dateText.length === 0) return reject(line, di, 'missing-value');
        const date = parseIsoDate(dateText);
        if (date === undefined) return reject(line, di, 'invalid-date');
        if (date >= cutoff) return reject(line, di, 'after-observation-end');
        const scoreText = (fields[si] as string).trim();
        if (scoreText.length === 0) return reject(line, si, 'missing-value');
        const score = parseCount(scoreText);
        if (score === undefined || score > 10) return reject(line, si, 'score-out-of-range');
        const row: { score: number; date: number; customerId?: string; segment?: string } = { score, date };
        if (ci !== undefined) row.customerId = (fields[ci] as string).trim();
        if (gi !== undefined) {
          const segment = (fields[gi] as string).trim();
          if (segment.length === 0) return reject(line, gi, 'missing-value');
          row.segment = segment;
        }
        out.push(row);
      };
    },
  });
  return [out, hasSegment, stats.rows];
}

/** snake_case of a camelCase signal name: `problemContentViews` -> `problem_content_views`. */
const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

async function readSignals(path: string, names: ColumnNames, rejections: Rejections): Promise<[SignalRow[], string[], number]> {
  const out: SignalRow[] = [];
  let found: string[] = [];
  const signalColumns = NEED_SIGNALS.map((name) => col(name, name, false, undefined, snake(name)));
  const stats = await readTable({
    path,
    flag: '--signals',
    rejections,
    columns: [col('customer', names.customer, true, '--customer-column'), ...signalColumns],
    onHeader: (index, header) => {
      found = NEED_SIGNALS.filter((name) => index[name] !== undefined);
      if (found.length === 0) {
        throw new ReportError(`--signals ${path}: none of the needed columns found: one or more of ${NEED_SIGNALS.join(', ')} (or their snake_case forms).`);
      }
      const ci = index.customer as number;
      const positions = found.map((name) => [name, index[name] as number] as const);
      const reject = (line: number, at: number, reason: RejectReason): void => rejections.add(path, line, header[at], reason);
      return (fields, line) => {
        const id = (fields[ci] as string).trim();
        if (id.length === 0) return reject(line, ci, 'missing-value');
        const row: Record<string, number | string> = { customerId: id };
        for (const [name, at] of positions) {
          const text = (fields[at] as string).trim();
          if (text.length === 0) continue; // an absent signal: the rules treat it as not shown
          const value = name === 'daysSinceLastActivity' ? parseDecimal(text) : parseCount(text);
          if (value === undefined || value < 0) return reject(line, at, 'invalid-count');
          row[name] = value;
        }
        out.push(row as SignalRow);
      };
    },
  });
  return [out, found, stats.rows];
}

/** Reads every given file; the optional ones only when given. */
export async function readInputs(
  paths: InputPaths,
  names: ColumnNames,
  options: { failFast?: boolean; progress?: ReadProgress; observationEnd?: number | undefined } = {},
): Promise<ReportInputs> {
  const rejections = new Rejections(options.failFast ?? false);
  // With an observation end given, rows dated after that day are counted as rejected, not used.
  const cutoff = options.observationEnd === undefined ? Infinity : Math.floor(options.observationEnd / 86_400_000) * 86_400_000 + 86_400_000;
  const rowsRead = new Map<string, number>();
  const [transactions, txRows] = await readTransactions(paths.transactions, names, rejections, cutoff, options.progress);
  rowsRead.set(paths.transactions, txRows);
  let subscriptions: SubscriptionRecord[] | undefined;
  let responses: ResponseRow[] | undefined;
  let responseSegments = false;
  let signals: SignalRow[] | undefined;
  let signalNames: string[] = [];
  if (paths.subscriptions !== undefined) {
    const [rows, n] = await readSubscriptions(paths.subscriptions, names, rejections, cutoff);
    subscriptions = rows;
    rowsRead.set(paths.subscriptions, n);
  }
  if (paths.responses !== undefined) {
    const [rows, segments, n] = await readResponses(paths.responses, names, rejections, cutoff);
    responses = rows;
    responseSegments = segments;
    rowsRead.set(paths.responses, n);
  }
  if (paths.signals !== undefined) {
    const [rows, found, n] = await readSignals(paths.signals, names, rejections);
    signals = rows;
    signalNames = found;
    rowsRead.set(paths.signals, n);
  }
  return { transactions, subscriptions, responses, responseSegments, signals, signalNames, rejections, rowsRead };
}
