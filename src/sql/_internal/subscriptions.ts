/**
 * The subscription source shared by the retention builders (survivalTableSql, cohortRetentionSql):
 * options validation, the instants in epoch milliseconds, the invalid-row conditions, and the SQL of
 * each distinct subscription with the two facts the activity merge needs.
 *
 * The merge without window functions (ClickHouse 18.16 has none). `customerActivity` (src/retention)
 * sorts a customer's subscriptions [s, e] by start and merges each one that starts at or before the
 * running end. Its merged intervals are exactly these:
 * - a start `s_j` begins a merged interval iff no subscription i has `s_i < s_j <= e_i`
 *   (nothing reaches it from the left; touching counts as reaching);
 * - an end `e_j` closes a merged interval iff no subscription i has `s_i <= e_j < e_i`
 *   (nothing carries on past it).
 * (Proof sketch: the merged intervals are the connected components of the union of the closed
 * intervals [s, e]; a point is a component's left end iff no interval covers it from the left, its
 * right end iff no interval covers it from the right.) Both are per-customer pairwise tests: a
 * self-join on the customer id in DuckDB and PostgreSQL, an ARRAY JOIN over the customer's
 * `groupArray`s with `arrayExists` in ClickHouse (where a self-join of a Distributed table would be a
 * refused "double-distributed" join). Cost: O(sum over customers of k^2) for k subscriptions of a
 * customer; customers have few.
 *
 * An open subscription (NULL end) has the end {@link OPEN_END_MS}, later than any valid date, so
 * every comparison stays NULL-free (ClickHouse 18 propagates NULL through AND and NOT).
 *
 * @internal
 * @module
 */
import { MetricsInputError, type MetricsIssue } from '../../errors.js';
import { type IssueList, parseInput, z } from '../../_lib/validate.js';
import { SQL_DIALECTS, numberLiteral, quoteIdentifier, toBigint, type SqlDialect } from './dialect.js';
import { checkColumn, checkDateOption, checkTable, type SqlTableName } from './source.js';
import { readInteger } from './rowValues.js';

/** The columns of a subscription table. */
export interface SubscriptionColumns {
  /** Customer identifier column (any type the engine can group by). */
  readonly customerId: string;
  /**
   * Start column: TIMESTAMP (read as UTC), TIMESTAMP WITH TIME ZONE (an instant) or DATE (midnight
   * UTC); in ClickHouse DateTime or Date. Read to the millisecond (finer digits are dropped, floor).
   */
  readonly start: string;
  /** End column, of the same kinds; NULL while the subscription is active. */
  readonly end: string;
}

/** The options every subscription builder shares. */
export interface SubscriptionSourceOptions {
  /** The SQL dialect to write. */
  readonly dialect: SqlDialect;
  /** The subscription table (a string is split at dots into schema and table). */
  readonly table: SqlTableName;
  /** Column names. */
  readonly columns: SubscriptionColumns;
  /** The end of the data (as in src/retention): required. */
  readonly observationEnd: Date | number;
}

/** The validated source. */
export interface SubscriptionSource {
  readonly dialect: SqlDialect;
  readonly table: string;
  readonly id: string;
  readonly start: string;
  readonly end: string;
  /** observationEnd in epoch ms. */
  readonly endMs: number;
}

/** The end of an open subscription: after the last valid `Date` (8.64e15 ms). */
export const OPEN_END_MS = 9e15;

const DAY_MS = 86_400_000;

/** The zod shape of {@link SubscriptionSourceOptions} (identifiers and dates checked afterwards). */
export const subscriptionShape = {
  dialect: z.enum(SQL_DIALECTS as [SqlDialect, ...SqlDialect[]]),
  table: z.union([z.string(), z.array(z.string()).min(1).max(3)]),
  columns: z.strictObject({ customerId: z.string(), start: z.string(), end: z.string() }),
  observationEnd: z.any(),
};

/**
 * Checks the options of a subscription builder with the extra zod shape `extra`; returns the source
 * and the parsed options (for the extra keys), or undefined after recording issues.
 */
export function readSubscriptionSource(options: unknown, extra: z.core.$ZodLooseShape, issues: IssueList): { src: SubscriptionSource; parsed: Record<string, unknown> } | undefined {
  if (typeof options !== 'object' || options === null) {
    issues.add('invalid_type', ['options'], options === undefined ? 'is required' : 'must be an object');
    return undefined;
  }
  const parsed = parseInput(z.strictObject({ ...subscriptionShape, ...extra }), options, 'options', issues) as
    | (Record<string, unknown> & { dialect: SqlDialect; table: SqlTableName; columns: SubscriptionColumns })
    | undefined;
  const endMs = checkDateOption((options as Record<string, unknown>).observationEnd, 'observationEnd', issues);
  if (parsed === undefined) return undefined;
  const d = parsed.dialect;
  const table = checkTable(parsed.table, d, ['options', 'table'], issues);
  const id = checkColumn(parsed.columns.customerId, d, ['options', 'columns', 'customerId'], issues);
  const start = checkColumn(parsed.columns.start, d, ['options', 'columns', 'start'], issues);
  const end = checkColumn(parsed.columns.end, d, ['options', 'columns', 'end'], issues);
  if (table === undefined || id === undefined || start === undefined || end === undefined || endMs === undefined) return undefined;
  return { src: { dialect: d, table, id, start, end, endMs }, parsed };
}

/**
 * Epoch milliseconds of the instant in column `col` (floor; NULL stays NULL), as a 64-bit integer.
 * DuckDB: `epoch_us` floored to ms in integer arithmetic; PostgreSQL: `EXTRACT(EPOCH ...)` (numeric,
 * exact) x 1000 floored; ClickHouse: the DateTime's Unix time x 1000.
 */
export function epochMsOf(col: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb': {
      const us = `epoch_us(${col})`;
      return `((${us} - ((${us} % 1000) + 1000) % 1000) // 1000)`;
    }
    case 'postgres':
      return `CAST(floor(EXTRACT(EPOCH FROM ${col}) * 1000) AS BIGINT)`;
    case 'clickhouse':
      return `(toInt64(toUInt32(toDateTime(${col}))) * 1000)`;
  }
}

/**
 * An integer literal typed as a 64-bit signed integer (ClickHouse reads a large literal as UInt64,
 * which has no common type with Int64 in least, CASE or ifNull).
 */
export function int64Literal(value: number, dialect: SqlDialect): string {
  return dialect === 'clickhouse' ? `toInt64(${numberLiteral(value)})` : numberLiteral(value);
}

/** The day index (days since 1970-01-01 UTC) of an epoch-ms integer expression. */
export function dayOfMs(ms: string, dialect: SqlDialect): string {
  return toBigint(`floor((${ms}) / ${numberLiteral(DAY_MS)}.0)`, dialect);
}

/** The reasons a subscription row is not used, as counted by `invalidSubscriptionRowsSql`. */
export type InvalidSubscriptionRowReason = 'customerIdNull' | 'startNull' | 'endBeforeStart';

/** Each reason's SQL condition (true = the row has the problem); never NULL. */
export function invalidSubscriptionConditions(src: SubscriptionSource): Record<InvalidSubscriptionRowReason, string> {
  const d = src.dialect;
  const s = epochMsOf(src.start, d);
  const e = epochMsOf(src.end, d);
  return {
    customerIdNull: `${src.id} IS NULL`,
    startNull: `${src.start} IS NULL`,
    // An end before its start (to the millisecond); a NULL on either side is not this problem.
    endBeforeStart: `coalesce(${e}, ${int64Literal(OPEN_END_MS, d)}) < coalesce(${s}, ${int64Literal(-OPEN_END_MS, d)})`,
  };
}

/** The condition of a usable row. */
export function validSubscriptionCondition(src: SubscriptionSource): string {
  const c = invalidSubscriptionConditions(src);
  return `NOT (${c.customerIdNull}) AND NOT (${c.startNull}) AND NOT (${c.endBeforeStart})`;
}

/** SQL of the distinct valid subscriptions: `customer_id, s, e` (epoch ms; e = OPEN_END_MS when open). */
export function distinctSubscriptionsSql(src: SubscriptionSource): string {
  const d = src.dialect;
  const s = epochMsOf(src.start, d);
  const e = epochMsOf(src.end, d);
  const nn = (x: string, fallback: number) => `${d === 'clickhouse' ? 'ifNull' : 'coalesce'}(${x}, ${int64Literal(fallback, d)})`;
  return `SELECT DISTINCT ${src.id} AS customer_id, ${toBigint(nn(s, 0), d)} AS s, ${toBigint(nn(e, OPEN_END_MS), d)} AS e FROM ${src.table} WHERE ${validSubscriptionCondition(src)}`;
}

/**
 * SQL of one row per distinct subscription: `customer_id, first` (the customer's earliest start),
 * `s, e`, `start_open` (1 when s begins a merged interval) and `end_open` (1 when e closes one).
 */
export function subscriptionPointsSql(src: SubscriptionSource): string {
  const d = src.dialect;
  const subs = distinctSubscriptionsSql(src);
  if (d === 'clickhouse') {
    const perCustomer = `SELECT customer_id, groupArray(s) AS ss, groupArray(e) AS es, min(s) AS first FROM (${subs}) AS u GROUP BY customer_id`;
    return (
      `SELECT customer_id, first, s, e, ` +
      `toInt64(NOT arrayExists((a, b) -> a < s AND b >= s, ss, es)) AS start_open, ` +
      `toInt64(NOT arrayExists((a, b) -> a <= e AND b > e, ss, es)) AS end_open ` +
      `FROM (${perCustomer}) AS g ARRAY JOIN ss AS s, es AS e`
    );
  }
  return (
    `SELECT j.customer_id AS customer_id, min(i.s) AS first, j.s AS s, j.e AS e, ` +
    `1 - max(CASE WHEN i.s < j.s AND i.e >= j.s THEN 1 ELSE 0 END) AS start_open, ` +
    `1 - max(CASE WHEN i.s <= j.e AND i.e > j.e THEN 1 ELSE 0 END) AS end_open ` +
    `FROM (${subs}) AS j JOIN (${subs}) AS i ON i.customer_id = j.customer_id GROUP BY j.customer_id, j.s, j.e`
  );
}

/**
 * SQL of one row per customer: `customer_id, first` (earliest start) and `churn` (the end of the
 * first merged activity interval; OPEN_END_MS while it is open).
 */
export function customerLifetimesSql(src: SubscriptionSource): string {
  const d = src.dialect;
  return `SELECT customer_id, min(first) AS first, ${toBigint(`min(CASE WHEN end_open = 1 THEN e ELSE ${int64Literal(OPEN_END_MS, d)} END)`, d)} AS churn FROM (${subscriptionPointsSql(src)}) AS p GROUP BY customer_id`;
}

/** Quoted output column name. */
export function outCol(name: string, src: SubscriptionSource): string {
  return quoteIdentifier(name, src.dialect);
}

/** Counts of a subscription table's rows, as the subscription runners return them. */
export interface SubscriptionRowCounts {
  /** All rows of the table. */
  readonly rows: number;
  /** Rows used (none of the invalid reasons). */
  readonly validRows: number;
  /** Invalid rows per reason (a row with several problems counts under each). */
  readonly invalid: Readonly<Record<InvalidSubscriptionRowReason, number>>;
}

const REASONS: readonly [InvalidSubscriptionRowReason, string, string][] = [
  ['customerIdNull', 'customer_id_null', 'rows have a NULL customer id'],
  ['startNull', 'start_null', 'rows have a NULL start'],
  ['endBeforeStart', 'end_before_start', 'rows end before they start'],
];

/** The column name of each reason in `invalidSubscriptionRowsSql`'s row. */
export function reasonColumn(reason: InvalidSubscriptionRowReason): string {
  return (REASONS.find((r) => r[0] === reason) as [string, string, string])[1];
}

/** Reads the one row of `invalidSubscriptionRowsSql`. */
export function readSubscriptionCounts(row: Readonly<Record<string, unknown>> | undefined, issues: IssueList): SubscriptionRowCounts | undefined {
  if (row === undefined) {
    issues.add('invalid_structure', ['counts'], 'the count query returned no row');
    return undefined;
  }
  const rows = readInteger(row.rows, ['counts', 'rows'], 0, issues);
  const valid = readInteger(row.valid_rows, ['counts', 'valid_rows'], 0, issues);
  const invalid: Partial<Record<InvalidSubscriptionRowReason, number>> = {};
  for (const [reason, column] of REASONS) {
    const n = readInteger(row[column], ['counts', column], 0, issues);
    if (n !== undefined) invalid[reason] = n;
  }
  if (rows === undefined || valid === undefined || Object.keys(invalid).length !== REASONS.length) return undefined;
  return { rows, validRows: valid, invalid: invalid as Record<InvalidSubscriptionRowReason, number> };
}

/** Throws a MetricsInputError listing each reason with a count > 0 (as src/retention refuses such records). */
export function refuseInvalidSubscriptions(counts: SubscriptionRowCounts): void {
  const issues: MetricsIssue[] = [];
  for (const [reason, , text] of REASONS) {
    const n = counts.invalid[reason];
    if (n > 0) issues.push({ code: 'invalid_value', path: ['options', 'table', reason], message: `${n} ${text} (set invalidRows: 'exclude' to leave them out and count them)` });
  }
  if (issues.length > 0) throw new MetricsInputError(issues);
}

/** The zod schema of a runner's `invalidRows` option. */
export const invalidRowsOption = z.enum(['refuse', 'exclude']).optional();

/** checkDateOption, re-exported for the builders' optional dates. */
export { checkDateOption };
