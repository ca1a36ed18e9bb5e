/**
 * What the runners share: checking the client, counting and refusing invalid rows, writing
 * numeric rows back.
 *
 * @internal
 * @module
 */
import { MetricsInputError, type MetricsIssue } from '../../errors.js';
import { IssueList } from '../../_lib/validate.js';
import { SQL_DIALECTS, doubleLiteral, numberLiteral, type SqlDialect } from './dialect.js';
import { readInteger } from './rowValues.js';
import { runQuery, runStatement } from './run.js';
import type { SqlClient } from '../sqlClient.js';

/** Counts of a source table's rows, as the runners return them. */
export interface TransactionRowCounts {
  /** All rows of the table. */
  readonly rows: number;
  /** Rows used (valid and not after the observation end's period). */
  readonly usedRows: number;
  /** Valid rows in periods after the observation end's (ignored, as `rfmSummary` ignores them). */
  readonly afterObservationEnd: number;
  /** Invalid rows per reason (a row with several problems counts under each). */
  readonly invalid: Readonly<Record<string, number>>;
}

/** Checks the client argument (param `client`). */
export function checkClient(client: unknown, issues: IssueList): client is SqlClient {
  if (typeof client !== 'object' || client === null) {
    issues.add('invalid_type', ['client'], client === undefined ? 'is required' : 'must be an SQL client (see duckDbClient, postgresClient, clickHouseClient)');
    return false;
  }
  const c = client as { dialect?: unknown; query?: unknown; execute?: unknown };
  let ok = true;
  if (!SQL_DIALECTS.includes(c.dialect as SqlDialect)) {
    issues.add('invalid_value', ['client', 'dialect'], `must be one of ${SQL_DIALECTS.map((d) => JSON.stringify(d)).join(', ')}`);
    ok = false;
  }
  if (typeof c.query !== 'function') {
    issues.add('invalid_type', ['client', 'query'], 'must be a function');
    ok = false;
  }
  if (typeof c.execute !== 'function') {
    issues.add('invalid_type', ['client', 'execute'], 'must be a function');
    ok = false;
  }
  // The optional bulk paths: absent, or functions.
  for (const key of ['insert', 'queryNumbers'] as const) {
    const value = (client as Record<string, unknown>)[key];
    if (value !== undefined && typeof value !== 'function') {
      issues.add('invalid_type', ['client', key], 'must be a function when given');
      ok = false;
    }
  }
  return ok;
}

const REASON_COLUMNS: Record<string, string> = {
  customerIdNull: 'customer_id_null',
  timestampNull: 'timestamp_null',
  amountNull: 'amount_null',
  amountNotNumeric: 'amount_not_numeric',
  amountNegative: 'amount_negative',
  amountTooPrecise: 'amount_too_precise',
};

const REASON_TEXT: Record<string, string> = {
  customerIdNull: 'rows have a NULL customer id',
  timestampNull: 'rows have a NULL timestamp',
  amountNull: 'rows have a NULL amount',
  amountNotNumeric: 'rows have an amount that is not a decimal number',
  amountNegative: 'rows have a negative amount (set allowRefunds to accept refunds)',
  amountTooPrecise: 'rows have an amount with more decimals than amountScale',
};

/** Reads the one row of `invalidRowsSql`. */
export function readCounts(row: Readonly<Record<string, unknown>> | undefined, issues: IssueList): TransactionRowCounts | undefined {
  if (row === undefined) return undefined;
  const rows = readInteger(row.rows, ['counts', 'rows'], 0, issues);
  const valid = readInteger(row.valid_rows, ['counts', 'valid_rows'], 0, issues);
  const after = readInteger(row.after_observation_end, ['counts', 'after_observation_end'], 0, issues);
  const invalid: Record<string, number> = {};
  for (const [reason, column] of Object.entries(REASON_COLUMNS)) {
    if (!(column in row)) continue;
    const n = readInteger(row[column], ['counts', column], 0, issues);
    if (n !== undefined) invalid[reason] = n;
  }
  if (rows === undefined || valid === undefined || after === undefined) return undefined;
  return { rows, usedRows: valid - after, afterObservationEnd: after, invalid };
}

/** Throws a MetricsInputError listing each reason with a count > 0. */
export function refuseInvalid(counts: TransactionRowCounts): void {
  const issues: MetricsIssue[] = [];
  for (const [reason, n] of Object.entries(counts.invalid)) {
    if (n > 0) issues.push({ code: 'invalid_value', path: ['options', 'table', reason], message: `${n} ${REASON_TEXT[reason] ?? 'rows are invalid'} (set invalidRows: 'exclude' to leave them out and count them)` });
  }
  if (issues.length > 0) throw new MetricsInputError(issues);
}

/** Runs a query expected to give one row. */
export async function queryOne(client: SqlClient, sql: string): Promise<Readonly<Record<string, unknown>> | undefined> {
  const rows = await runQuery(client, sql);
  return rows[0];
}

/** Writes numeric rows into `table` (quoted) with the client's insert or INSERT ... VALUES batches. */
export async function insertRows(client: SqlClient, table: string, columns: readonly string[], quotedColumns: readonly string[], rows: readonly (readonly number[])[]): Promise<void> {
  if (rows.length === 0) return;
  if (client.insert !== undefined) {
    await client.insert(table, columns, rows);
    return;
  }
  const batch = 2000;
  // DuckDB: every value as an exact double literal (a plain literal would go through DECIMAL).
  const literal = client.dialect === 'duckdb' ? (v: number) => doubleLiteral(v, 'duckdb') : numberLiteral;
  for (let start = 0; start < rows.length; start += batch) {
    const values = rows
      .slice(start, start + batch)
      .map((r) => `(${r.map((v) => literal(v)).join(', ')})`)
      .join(', ');
    await runStatement(client, `INSERT INTO ${table} (${quotedColumns.join(', ')}) VALUES ${values}`);
  }
}

/**
 * `options` with the client's dialect added, for validation with the builders' schema. A `dialect`
 * given in a runner's options is an issue: the client decides it.
 */
export function withClientDialect(options: unknown, dialect: SqlDialect, issues: IssueList): unknown {
  if (typeof options !== 'object' || options === null) return options;
  if ('dialect' in options) issues.add('unrecognized_key', ['options', 'dialect'], 'is not an option here: the client decides the dialect');
  return { ...options, dialect };
}

/** Throws a MetricsInputError unless `driver` is an object with the functions `methods`. */
export function checkDriver(driver: unknown, param: string, methods: readonly string[]): void {
  const issues = new IssueList();
  if (typeof driver !== 'object' || driver === null) issues.add('invalid_type', [param], driver === undefined ? 'is required' : 'must be a driver object');
  else for (const m of methods) if (typeof (driver as Record<string, unknown>)[m] !== 'function') issues.add('invalid_type', [param, m], 'must be a function');
  issues.throwIfAny();
}
