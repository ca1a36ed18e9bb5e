/**
 * The transaction source shared by the CLV builders: options validation (zod at the boundary, then
 * the dialect's identifier rules) and the SQL of the valid rows, their purchase periods and the
 * per-customer summary.
 *
 * @internal
 * @module
 */
import { checkDate } from '../../_lib/dates.js';
import { IssueList, parseInput, z } from '../../_lib/validate.js';
import type { CalendarPeriod, DateInput } from '../../types.js';
import {
  type SqlDialect,
  SQL_DIALECTS,
  dayIndexOf,
  decimalTextValue,
  doubleLiteral,
  identifierProblem,
  isDecimalText,
  numberLiteral,
  quoteIdentifier,
  quoteQualified,
  toBigint,
  toDouble,
  toText,
  totalAtFirst,
} from './dialect.js';
import { periodIndexOf, periodIndexSql, unitsPerPeriod } from './periods.js';

/**
 * A table name: a string is split at dots into schema and table (`'shop.orders'`); an array gives
 * the parts as they are (for names that contain a dot).
 */
export type SqlTableName = string | readonly string[];

/** The columns of a transaction table. */
export interface TransactionColumns {
  /** Customer identifier column (any type the engine can group by). */
  readonly customerId: string;
  /**
   * Purchase time column: TIMESTAMP (read as UTC), TIMESTAMP WITH TIME ZONE (an instant) or DATE
   * (midnight UTC); in ClickHouse DateTime (an instant) or Date (midnight in the server's zone).
   */
  readonly timestamp: string;
  /** Amount column (numeric, or text with `amountType: 'text'`); without it every monetary value is 0. */
  readonly amount?: string;
}

/** The options every transaction builder shares. */
export interface TransactionSourceOptions {
  /** The SQL dialect to write. */
  readonly dialect: SqlDialect;
  /** The transaction table (a string is split at dots into schema and table). */
  readonly table: SqlTableName;
  /** Column names. */
  readonly columns: TransactionColumns;
  /**
   * The calendar period purchases are grouped into (UTC).
   * @defaultValue `'day'`
   */
  readonly period?: CalendarPeriod;
  /**
   * The unit of recency and T (convertible from `period`, as in `rfmSummary`).
   * @defaultValue the `period`
   */
  readonly unit?: CalendarPeriod;
  /**
   * The first day of a week for `period: 'week'` (0 = Sunday .. 6 = Saturday).
   * @defaultValue `1` (Monday)
   */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * Accept negative amounts (refunds); otherwise they are invalid rows.
   * @defaultValue `false`
   */
  readonly allowRefunds?: boolean;
  /**
   * Decimals kept of each amount: amounts are added as whole multiples of 10^-amountScale in a
   * 64-bit integer (exact). An amount with more decimals is an invalid row (`amountTooPrecise`).
   * @defaultValue `2` (cents)
   */
  readonly amountScale?: number;
  /**
   * How the amount column is read: `'numeric'` (a number type; text there is the engine's error) or
   * `'text'` (anything that is not a plain decimal number is an invalid row, `amountNotNumeric`).
   * @defaultValue `'numeric'`
   */
  readonly amountType?: 'numeric' | 'text';
}

/** The validated source. */
export interface Source {
  readonly dialect: SqlDialect;
  readonly table: string;
  readonly id: string;
  readonly ts: string;
  readonly amount: string | undefined;
  readonly period: CalendarPeriod;
  readonly unit: CalendarPeriod;
  readonly weekStartsOn: number;
  readonly allowRefunds: boolean;
  readonly scale: number;
  readonly amountType: 'numeric' | 'text';
  /** Units per period. */
  readonly ratio: number;
}

const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;

/** The zod shape of {@link TransactionSourceOptions} (identifiers checked afterwards, per dialect). */
export const sourceShape = {
  dialect: z.enum(SQL_DIALECTS as [SqlDialect, ...SqlDialect[]]),
  table: z.union([z.string(), z.array(z.string()).min(1).max(3)]),
  columns: z.strictObject({ customerId: z.string(), timestamp: z.string(), amount: z.string().optional() }),
  period: z.enum(PERIODS).optional(),
  unit: z.enum(PERIODS).optional(),
  weekStartsOn: z.number().int().min(0).max(6).optional(),
  allowRefunds: z.boolean().optional(),
  amountScale: z.number().int().min(0).max(6).optional(),
  amountType: z.enum(['numeric', 'text']).optional(),
};

/** Checks `options` with the extra zod shape `extra`; returns the parsed object or undefined. */
export function parseOptions<T>(options: unknown, extra: z.core.$ZodLooseShape, issues: IssueList): T | undefined {
  if (typeof options !== 'object' || options === null) {
    issues.add('invalid_type', ['options'], options === undefined ? 'is required' : 'must be an object');
    return undefined;
  }
  return parseInput(z.strictObject({ ...sourceShape, ...extra }), options, 'options', issues) as T | undefined;
}

/** Splits and checks a table name; records issues under `path`. */
export function checkTable(table: SqlTableName, dialect: SqlDialect, path: readonly (string | number)[], issues: IssueList): string | undefined {
  const parts = typeof table === 'string' ? table.split('.') : [...table];
  if (parts.length > 3) {
    issues.add('invalid_value', path, 'must have at most three parts (database, schema, table)');
    return undefined;
  }
  let ok = true;
  parts.forEach((part, i) => {
    const problem = identifierProblem(part, dialect);
    if (problem !== undefined) {
      issues.add('invalid_value', typeof table === 'string' ? path : [...path, i], problem);
      ok = false;
    }
  });
  return ok ? quoteQualified(parts, dialect) : undefined;
}

/** Checks one column name; records an issue under `path`. */
export function checkColumn(name: string, dialect: SqlDialect, path: readonly (string | number)[], issues: IssueList): string | undefined {
  const problem = identifierProblem(name, dialect);
  if (problem === undefined) return quoteIdentifier(name, dialect);
  issues.add('invalid_value', path, problem);
  return undefined;
}

/** Checks a required date option. */
export function checkDateOption(value: unknown, key: string, issues: IssueList): number | undefined {
  if (value === undefined) {
    issues.add('invalid_type', ['options', key], 'is required');
    return undefined;
  }
  return checkDate(value, ['options', key], issues);
}

/** The parsed common options, before identifier checks. */
export interface ParsedSource {
  readonly dialect: SqlDialect;
  readonly table: SqlTableName;
  readonly columns: TransactionColumns;
  readonly period?: CalendarPeriod;
  readonly unit?: CalendarPeriod;
  readonly weekStartsOn?: number;
  readonly allowRefunds?: boolean;
  readonly amountScale?: number;
  readonly amountType?: 'numeric' | 'text';
}

/** Turns parsed options into a {@link Source}, checking identifiers and the unit. */
export function readSource(o: ParsedSource, issues: IssueList): Source | undefined {
  const table = checkTable(o.table, o.dialect, ['options', 'table'], issues);
  const id = checkColumn(o.columns.customerId, o.dialect, ['options', 'columns', 'customerId'], issues);
  const ts = checkColumn(o.columns.timestamp, o.dialect, ['options', 'columns', 'timestamp'], issues);
  const amount = o.columns.amount === undefined ? undefined : checkColumn(o.columns.amount, o.dialect, ['options', 'columns', 'amount'], issues);
  const period = o.period ?? 'day';
  const unit = o.unit ?? period;
  const ratio = unitsPerPeriod(period, unit);
  if (ratio === undefined) issues.add('invalid_value', ['options', 'unit'], 'must be convertible from the period: day and week, or month, quarter and year');
  if (table === undefined || id === undefined || ts === undefined || ratio === undefined) return undefined;
  if (o.columns.amount !== undefined && amount === undefined) return undefined;
  return {
    dialect: o.dialect,
    table,
    id,
    ts,
    amount,
    period,
    unit,
    weekStartsOn: o.weekStartsOn ?? 1,
    allowRefunds: o.allowRefunds ?? false,
    scale: o.amountScale ?? 2,
    amountType: o.amountType ?? 'numeric',
    ratio,
  };
}

/** The period index of the instant `ms` under the source's period. */
export function periodOf(src: Source, ms: number): number {
  return periodIndexOf(ms, src.period, src.weekStartsOn);
}

/** The amount as a double (text amounts parsed without error). */
function amountDouble(src: Source): string {
  const a = src.amount as string;
  return src.amountType === 'text' ? decimalTextValue(a, src.dialect) : toDouble(a, src.dialect);
}

/** The amount times 10^scale as a double. */
function scaledDouble(src: Source): string {
  return `(${amountDouble(src)} * ${numberLiteral(10 ** src.scale)})`;
}

/**
 * The reasons a row is not used, each as an SQL condition (true = the row has this problem). The
 * amount conditions hold only for rows whose amount is present (and, for the value checks, numeric).
 */
export function invalidConditions(src: Source): Record<string, string> {
  const d = src.dialect;
  const out: Record<string, string> = {
    customerIdNull: `${src.id} IS NULL`,
    timestampNull: `${src.ts} IS NULL`,
  };
  if (src.amount !== undefined) {
    const a = src.amount;
    out.amountNull = `${a} IS NULL`;
    const numeric = src.amountType === 'text' ? isDecimalText(a, d) : undefined;
    if (numeric !== undefined) out.amountNotNumeric = `(${a} IS NOT NULL AND NOT ${numeric})`;
    const present = numeric === undefined ? `${a} IS NOT NULL` : `${a} IS NOT NULL AND ${numeric}`;
    if (!src.allowRefunds) out.amountNegative = `(${present} AND ${amountDouble(src)} < 0)`;
    const v = scaledDouble(src);
    out.amountTooPrecise = `(${present} AND abs(${v} - round(${v})) > 1e-9 * greatest(1, abs(${v})))`;
  }
  return out;
}

/** The condition of a usable row: none of {@link invalidConditions}. */
export function validCondition(src: Source): string {
  return Object.values(invalidConditions(src))
    .map((c) => `NOT (${c})`)
    .join(' AND ');
}

/**
 * SQL of the purchase cells: one row per (customer_id, p) with the period's total `total` in units
 * of 10^-scale, for the valid rows with period index <= `lastPeriod`. `filterInvalid: false` leaves
 * out the validity filter, for a caller that has just counted no invalid row (it costs a third of
 * the scan).
 */
export function cellsSql(src: Source, lastPeriod: number, filterInvalid = true): string {
  const d = src.dialect;
  const units = src.amount === undefined ? toBigint('0', d) : toBigint(`round(${scaledDouble(src)})`, d);
  const day = dayIndexOf(src.ts, d);
  const where = filterInvalid ? ` WHERE ${validCondition(src)}` : '';
  const rows = `SELECT ${src.id} AS customer_id, ${day} AS d, ${units} AS u FROM ${src.table}${where}`;
  const periods = `SELECT customer_id, ${periodIndexSql('d', src.period, src.weekStartsOn, d)} AS p, u FROM (${rows}) AS r`;
  return `SELECT customer_id, p, sum(u) AS total FROM (${periods}) AS q WHERE p <= ${numberLiteral(lastPeriod)} GROUP BY customer_id, p`;
}

/** Quoted output column name. */
export function col(name: string, src: Source): string {
  return quoteIdentifier(name, src.dialect);
}

/**
 * SQL of the per-customer summary at `endPeriod`: `customer_id, frequency, recency_periods,
 * t_periods, repeat_units` (integers; repeat_units the total of the repeat periods in 10^-scale).
 * `filterInvalid` as in {@link cellsSql}.
 */
export function summaryCoreSql(src: Source, endPeriod: number, filterInvalid = true): string {
  const d = src.dialect;
  const first = totalAtFirst('total', 'p', d);
  return (
    `SELECT customer_id, ${toBigint('count(*) - 1', d)} AS frequency, ${toBigint('max(p) - min(p)', d)} AS recency_periods, ` +
    `${toBigint(`${numberLiteral(endPeriod)} - min(p)`, d)} AS t_periods, ${toBigint(`sum(total) - ${first}`, d)} AS repeat_units ` +
    `FROM (${cellsSql(src, endPeriod, filterInvalid)}) AS c GROUP BY customer_id`
  );
}

/** `periods * ratio` as a double (the same product rfmSummary computes). */
export function inUnits(periods: string, src: Source): string {
  return `${toDouble(periods, src.dialect)} * ${doubleLiteral(src.ratio, src.dialect)}`;
}

/** Mean of `units` over `count` periods in money (a double), 0 when count is 0; no division by 0. */
export function meanMoneySql(units: string, count: string, src: Source): string {
  const d = src.dialect;
  return `CASE WHEN ${count} > 0 THEN ${toDouble(units, d)} / (${numberLiteral(10 ** src.scale)} * greatest(${count}, 1)) ELSE ${doubleLiteral(0, d)} END`;
}

/** The final summary select list over a core summary aliased `s`. */
export function summarySelect(src: Source): string {
  const d = src.dialect;
  return [
    `customer_id AS ${col('customer_id', src)}`,
    `frequency AS ${col('frequency', src)}`,
    `${inUnits('recency_periods', src)} AS ${col('recency', src)}`,
    `${inUnits('t_periods', src)} AS ${col('T', src)}`,
    `${meanMoneySql('repeat_units', 'frequency', src)} AS ${col('monetary_value', src)}`,
    `${toText('repeat_units', d)} AS ${col('repeat_total_units', src)}`,
    `recency_periods AS ${col('recency_periods', src)}`,
    `t_periods AS ${col('t_periods', src)}`,
  ].join(', ');
}

/** Validates the options of a builder that takes `observationEnd`. */
export function readEndSource(options: unknown, extra: z.core.$ZodLooseShape, issues: IssueList): { src: Source; end: number; parsed: Record<string, unknown> } | undefined {
  const raw = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : undefined;
  const shape = { ...extra, observationEnd: z.any() };
  const parsed = parseOptions<ParsedSource & Record<string, unknown>>(options, shape, issues);
  const endMs = raw === undefined ? undefined : checkDateOption(raw.observationEnd, 'observationEnd', issues);
  const src = parsed === undefined ? undefined : readSource(parsed, issues);
  if (src === undefined || endMs === undefined || parsed === undefined) return undefined;
  return { src, end: periodOf(src, endMs), parsed };
}

/** Typed re-export for builders. */
export type { DateInput };
