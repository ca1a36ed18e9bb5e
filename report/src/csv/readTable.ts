/**
 * Reads one CSV file with a header row: checks that the file can be read and is not empty, finds
 * the needed columns by name (case and surrounding spaces ignored), and hands each data row to the
 * caller with its line number. Rows with the wrong number of fields or broken quoting are counted
 * as rejected here; the caller rejects rows whose values it cannot read.
 */
import { createReadStream, statSync } from 'node:fs';
import { ReportError } from '../errors.js';
import { CsvSyntaxError, CsvTokenizer, type CsvRecord } from './parseCsv.js';
import type { Rejections } from './rejections.js';

/** One column the caller wants. */
export interface ColumnSpec {
  /** The caller's name for it. */
  readonly key: string;
  /** The header names accepted, the first being the one the user chose (flag or default). */
  readonly headers: readonly string[];
  /** Whether the file is unusable without it. */
  readonly required: boolean;
  /** The command-line flag that renames it, for the error message. */
  readonly flag?: string;
}

/** The position of each found column in a row, by key. */
export type ColumnIndex = Readonly<Record<string, number | undefined>>;

/** What the caller sees for each data row. */
export type RowHandler = (fields: string[], line: number) => void;

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** The file's path, as given. */
  readonly path: string;
  /** The flag that named the file (`--transactions`), for messages. */
  readonly flag: string;
  readonly columns: readonly ColumnSpec[];
  readonly rejections: Rejections;
  /** Called with the column positions once the header is read; returns the handler for the rows. */
  readonly onHeader: (index: ColumnIndex, header: readonly string[]) => RowHandler;
  /** Called after each chunk with the bytes read so far. */
  readonly onProgress?: (bytesRead: number, bytesTotal: number) => void;
}

/** What {@link readTable} found. */
export interface TableStats {
  /** Data rows in the file (rejected ones included). */
  readonly rows: number;
  readonly bytes: number;
}

const normalise = (name: string): string => name.trim().toLowerCase();

function fileError(flag: string, path: string, error: unknown): ReportError {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ENOENT') return new ReportError(`${flag}: file not found: ${path}`);
  if (code === 'EACCES' || code === 'EPERM') return new ReportError(`${flag}: permission denied: ${path}`);
  if (code === 'EISDIR') return new ReportError(`${flag}: is a folder, not a CSV file: ${path}`);
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return new ReportError(`${flag}: not UTF-8 text: ${path}`);
  return new ReportError(`${flag}: cannot read ${path}${code === undefined ? '' : ` (${code})`}`);
}

/**
 * Reads the file row by row.
 *
 * @throws {@link ReportError} when the file is missing, unreadable, empty, without data rows, has
 * none (or not all) of the required columns, or ends inside a quoted field.
 */
export async function readTable(options: ReadTableOptions): Promise<TableStats> {
  const { path, flag, columns, rejections } = options;
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    throw fileError(flag, path, error);
  }
  if (size === 0) throw new ReportError(`${flag}: the file is empty: ${path}`);

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let header: string[] | undefined;
  let handler: RowHandler | undefined;
  let width = 0;
  let rows = 0;
  let blank = true;
  const tokenizer = new CsvTokenizer();
  const onRecord = (fields: string[], line: number, malformed: CsvRecord['malformed']): void => {
    if (header === undefined) {
      header = fields.map((f) => f.trim());
      width = header.length;
      handler = options.onHeader(findColumns(header, columns, flag, path), header);
      return;
    }
    rows++;
    if (malformed !== undefined) {
      rejections.add(path, line, header[malformed.column - 1], 'malformed-quotes');
      return;
    }
    if (fields.length !== width) {
      rejections.add(path, line, undefined, 'field-count');
      return;
    }
    blank = false;
    (handler as RowHandler)(fields, line);
  };
  try {
    for await (const chunk of stream) {
      tokenizer.push(chunk as string, onRecord);
      options.onProgress?.(stream.bytesRead, size);
    }
    tokenizer.end(onRecord);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    if (error instanceof CsvSyntaxError) throw new ReportError(`${path}:${error.line}: ${error.message}`);
    throw fileError(flag, path, error);
  }
  if (header === undefined) throw new ReportError(`${flag}: the file is empty: ${path}`);
  if (rows === 0) throw new ReportError(`${flag}: the file has a header but no data rows: ${path}`);
  if (blank && rejections.total(path) === rows) {
    // Every row was rejected for its shape: the file is not the CSV we think it is (another separator?).
    throw new ReportError(`${flag}: none of the ${rows} rows has the header's ${width} fields: is ${path} comma-separated?`);
  }
  return { rows, bytes: size };
}

function findColumns(header: readonly string[], columns: readonly ColumnSpec[], flag: string, path: string): ColumnIndex {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normalise(name);
    if (!positions.has(key)) positions.set(key, i);
  });
  const index: Record<string, number | undefined> = {};
  const missing: ColumnSpec[] = [];
  let found = 0;
  for (const column of columns) {
    const at = column.headers.map((h) => positions.get(normalise(h))).find((p) => p !== undefined);
    index[column.key] = at;
    if (at !== undefined) found++;
    else if (column.required) missing.push(column);
  }
  if (missing.length > 0) {
    const shown = header.length > 12 ? [...header.slice(0, 12), '...'] : header;
    const wanted = missing.map((c) => `"${c.headers[0]}"${c.flag === undefined ? '' : ` (rename with ${c.flag})`}`).join(', ');
    const lead = found === 0 ? 'none of the needed columns found' : 'missing column(s)';
    throw new ReportError(`${flag} ${path}: ${lead}: ${wanted}. The header has: ${shown.join(', ')}.`);
  }
  return index;
}
