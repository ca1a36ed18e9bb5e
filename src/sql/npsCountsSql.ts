import { IssueList, parseInput, z } from '../_lib/validate.js';
import { SQL_DIALECTS, dayIndexOf, numberLiteral, quoteIdentifier, toBigint, type SqlDialect } from './_internal/dialect.js';
import { periodIndexSql } from './_internal/periods.js';
import { checkColumn, checkTable, type SqlTableName } from './_internal/source.js';
import type { CalendarPeriod } from '../types.js';
import type { rfmSummarySql } from './rfmSummarySql.js';

/** Options of {@link npsCountsSql}. */
export interface NpsCountsSqlOptions {
  /** The SQL dialect to write. */
  readonly dialect: SqlDialect;
  /** The survey table (a string is split at dots into schema and table). */
  readonly table: SqlTableName;
  /** Column names: the 0-10 score, and optionally a segment and the answer time. */
  readonly columns: {
    /** The 0-10 score column (numeric). */
    readonly score: string;
    /** A segment column to group by (any type). */
    readonly segment?: string;
    /** The answer time column (a timestamp, as in {@link rfmSummarySql}). */
    readonly timestamp?: string;
  };
  /**
   * Group by this calendar period of `columns.timestamp` (UTC, as `npsTrend`); needs the timestamp column.
   * @defaultValue no grouping by time
   */
  readonly period?: CalendarPeriod;
  /**
   * The first day of a week for `period: 'week'` (0 = Sunday .. 6 = Saturday).
   * @defaultValue `1` (Monday)
   */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /**
   * The highest detractor score and the highest passive score: detractors are 0..`detractorMax`,
   * passives up to `passiveMax`, promoters the rest up to 10.
   * @defaultValue `{ detractorMax: 6, passiveMax: 8 }` (the standard bands)
   */
  readonly bands?: {
    /** The highest detractor score (0..8). */
    readonly detractorMax: number;
    /** The highest passive score (detractorMax..9). */
    readonly passiveMax: number;
  };
}

const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
const schema = z.strictObject({
  dialect: z.enum(SQL_DIALECTS as [SqlDialect, ...SqlDialect[]]),
  table: z.union([z.string(), z.array(z.string()).min(1).max(3)]),
  columns: z.strictObject({ score: z.string(), segment: z.string().optional(), timestamp: z.string().optional() }),
  period: z.enum(PERIODS).optional(),
  weekStartsOn: z.number().int().min(0).max(6).optional(),
  bands: z.strictObject({ detractorMax: z.number().int().min(0).max(8), passiveMax: z.number().int().min(0).max(9) }).optional(),
});

/**
 * SQL that counts survey answers per segment and period into detractors, passives and promoters:
 * the counts `npsBreakdown`, `npsBy` and `compareNps` accept instead of raw scores, so only one row
 * per group leaves the engine.
 *
 * Definition: an answer is valid when its score is a whole number from 0 to 10 (as `npsBreakdown`
 * requires); valid answers are counted per band; the others (NULL, fractional, out of range) are
 * counted as `invalid` (what `npsBreakdown` with `invalid: 'skip'` reports as `skipped`). With
 * `period`, answers are grouped by the UTC calendar period of the timestamp (the rules of
 * `rfmSummarySql`); the `period` column is the period index (days since 1970-01-01, weeks since the
 * week containing it, `12 year + month - 1`, ...; NULL for answers without a time).
 *
 * Result columns: `segment` (with a segment column), `period` (with `period`), `detractors`,
 * `passives`, `promoters`, `invalid` (integers). Cost in the engine: one scan, one hash aggregation.
 *
 * @param options - See {@link NpsCountsSqlOptions}.
 * @returns One SELECT statement.
 * @throws {@link MetricsInputError} for an unknown dialect, an identifier that cannot be quoted
 *   safely, `period` without a timestamp column, or bands out of order.
 * @see Reichheld (2003), "The one number you need to grow", Harvard Business Review.
 * @example
 * ```ts
 * import { npsCountsSql } from 'customer-metrics/sql';
 * import { npsBreakdown } from 'customer-metrics/nps';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * await db.run(`CREATE TABLE survey AS SELECT * FROM (VALUES ('web', 10), ('web', 9), ('web', 3), ('app', 8), ('app', NULL)) AS t(channel, score)`);
 * const sql = npsCountsSql({ dialect: 'duckdb', table: 'survey', columns: { score: 'score', segment: 'channel' } });
 * const rows = (await db.runAndReadAll(`${sql} ORDER BY segment`)).getRowObjectsJson();
 * rows.map((r) => [r.segment, r.detractors, r.passives, r.promoters, r.invalid]); // => [['app', '0', '1', '0', '1'], ['web', '1', '0', '2', '0']]
 * // web: 2 promoters and 1 detractor of 3: NPS (2 - 1) / 3 = 33.3.
 * npsBreakdown({ detractors: 1, passives: 0, promoters: 2 })?.score; // => ~33.33
 * ```
 */
export function npsCountsSql(options: NpsCountsSqlOptions): string {
  const issues = new IssueList();
  if (typeof options !== 'object' || options === null) issues.add('invalid_type', ['options'], options === undefined ? 'is required' : 'must be an object');
  const o = options === undefined || options === null || typeof options !== 'object' ? undefined : parseInput(schema, options, 'options', issues);
  let table: string | undefined;
  let score: string | undefined;
  let segment: string | undefined;
  let ts: string | undefined;
  if (o !== undefined) {
    const d = o.dialect;
    table = checkTable(o.table, d, ['options', 'table'], issues);
    score = checkColumn(o.columns.score, d, ['options', 'columns', 'score'], issues);
    if (o.columns.segment !== undefined) segment = checkColumn(o.columns.segment, d, ['options', 'columns', 'segment'], issues);
    if (o.columns.timestamp !== undefined) ts = checkColumn(o.columns.timestamp, d, ['options', 'columns', 'timestamp'], issues);
    if (o.period !== undefined && o.columns.timestamp === undefined) issues.add('invalid_structure', ['options', 'period'], 'needs columns.timestamp');
    if (o.bands !== undefined && !(o.bands.passiveMax >= o.bands.detractorMax)) issues.add('invalid_order', ['options', 'bands', 'passiveMax'], 'must be at least detractorMax');
  }
  issues.throwIfAny();
  const opts = o as NonNullable<typeof o>;
  const d = opts.dialect;
  const dMax = opts.bands?.detractorMax ?? 6;
  const pMax = opts.bands?.passiveMax ?? 8;
  // NULL becomes -1 (invalid) before any logic: ClickHouse 18's AND and NOT propagate NULL where
  // SQL's three-valued logic would give false, which would drop NULL answers from every count.
  const s = `coalesce(${score as string}, -1)`;
  const valid = `(${s} >= 0 AND ${s} <= 10 AND ${s} = floor(${s}))`;
  const count = (cond: string) => toBigint(`sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`, d);
  const q = (name: string) => quoteIdentifier(name, d);
  const keys: string[] = [];
  const select: string[] = [];
  if (segment !== undefined) {
    select.push(`${segment} AS ${q('segment')}`);
    keys.push(segment);
  }
  if (opts.period !== undefined) {
    const period = periodIndexSql(dayIndexOf(ts as string, d), opts.period, opts.weekStartsOn ?? 1, d);
    select.push(`${period} AS ${q('period')}`);
    keys.push(period);
  }
  select.push(
    `${count(`${valid} AND ${s} <= ${numberLiteral(dMax)}`)} AS ${q('detractors')}`,
    `${count(`${valid} AND ${s} > ${numberLiteral(dMax)} AND ${s} <= ${numberLiteral(pMax)}`)} AS ${q('passives')}`,
    `${count(`${valid} AND ${s} > ${numberLiteral(pMax)}`)} AS ${q('promoters')}`,
    `${count(`NOT ${valid}`)} AS ${q('invalid')}`,
  );
  return `SELECT ${select.join(', ')} FROM ${table as string}${keys.length > 0 ? ` GROUP BY ${keys.join(', ')}` : ''}`;
}
