import {
  customerLifetimeValue,
  expectedPurchasesBatch,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  probabilityAliveBatch,
  type BgNbdModel,
  type GammaGammaModel,
  type Horizon,
  type ParetoNbdModel,
  type SpendColumns,
  type TimeUnit,
} from '../clv/index.js';
import { IssueList, z } from '../_lib/validate.js';
import { createTable, doubleLiteral, dropTable, quoteIdentifier, quoteQualified, toBigint, toDouble, toText, type SqlDialect } from './_internal/dialect.js';
import { checkClient, insertRows, queryOne, readCounts, refuseInvalid, withClientDialect, type TransactionRowCounts } from './_internal/runner.js';
import { checkTable, col, inUnits, meanMoneySql, readEndSource, summaryCoreSql, summarySelect, type Source, type SqlTableName } from './_internal/source.js';
import { invalidRowsSql } from './invalidRowsSql.js';
import { readSpendPatterns } from './readSpendPatterns.js';
import { readSummaryPatterns } from './readSummaryPatterns.js';
import type { RfmSummarySqlOptions } from './rfmSummarySql.js';
import { runQuery, runStatement } from './_internal/run.js';
import { SqlQueryError, type SqlClient } from './sqlClient.js';

/** Options of {@link scoreCustomersInSql}. */
export interface ScoreCustomersInSqlOptions extends Omit<RfmSummarySqlOptions, 'dialect'> {
  /**
   * The transaction model fitted to the patterns.
   * @defaultValue `'bg-nbd'`
   */
  readonly model?: 'bg-nbd' | 'pareto-nbd';
  /** How far ahead expected purchases and CLV look, such as `{ length: 12, unit: 'month' }`. */
  readonly horizon: Horizon;
  /**
   * The discount rate per `discountPeriod` for the CLV (0.01 = 1% a month).
   * @defaultValue `0`
   */
  readonly discountRate?: number;
  /**
   * The discounting period of the CLV (as `customerLifetimeValue`).
   * @defaultValue `'month'`
   */
  readonly discountPeriod?: TimeUnit;
  /** The per-pattern scores table to (re)create: it is dropped if it exists. */
  readonly scoresTable: SqlTableName;
  /**
   * A per-customer table to (re)create from the join of the summary with the scores (the SQL of
   * `joinSql`, run in the engine). Without it, nothing per customer is materialised.
   */
  readonly customerScoresTable?: SqlTableName;
  /**
   * What to do with invalid rows, as in {@link rfmSummaryInSql}.
   * @defaultValue `'refuse'`
   */
  readonly invalidRows?: 'refuse' | 'exclude';
}

/** What {@link scoreCustomersInSql} returns. */
export interface ScoreCustomersInSqlResult {
  /** The fitted transaction model (plain JSON), in the summary's `unit`. */
  readonly transactionModel: BgNbdModel | ParetoNbdModel;
  /** The fitted Gamma-Gamma model; `undefined` without an amount column. */
  readonly spendModel: GammaGammaModel | undefined;
  /** Number of distinct (frequency, recency, T) patterns that crossed the wire. */
  readonly patterns: number;
  /** Number of distinct spend patterns that crossed the wire. */
  readonly spendPatterns: number;
  /** How the table's rows were used. */
  readonly rows: TransactionRowCounts;
  /** The scores table, quoted for the dialect. */
  readonly scoresTable: string;
  /** The per-customer table, quoted, when `customerScoresTable` was given. */
  readonly customerScoresTable: string | undefined;
  /**
   * A SELECT giving every customer's `customer_id, frequency, recency, T, monetary_value,
   * expected_purchases, probability_alive, expected_spend, clv` (the last two only with an amount
   * column; NULL where the expected spend does not exist).
   */
  readonly joinSql: string;
}

const schemaExtra = {
  model: z.enum(['bg-nbd', 'pareto-nbd']).optional(),
  horizon: z.strictObject({ length: z.number().min(0).max(1e6), unit: z.enum(['day', 'week', 'month', 'quarter', 'year']) }),
  discountRate: z.number().gt(-1).max(1e6).optional(),
  discountPeriod: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional(),
  scoresTable: z.union([z.string(), z.array(z.string()).min(1).max(3)]),
  customerScoresTable: z.union([z.string(), z.array(z.string()).min(1).max(3)]).optional(),
  invalidRows: z.enum(['refuse', 'exclude']).optional(),
};

const SCORE_COLUMNS = ['frequency', 'recency_periods', 't_periods', 'expected_purchases', 'probability_alive', 'discounted_purchases'] as const;
const SCORE_TYPES = ['bigint', 'bigint', 'bigint', 'double', 'double', 'double'] as const;
// A Gamma-Gamma model whose expected spend is exactly 1 for every customer with monetary value 1
// (p (gamma + x) / (p x + q - 1) = (1 + x) / (x + 1)): customerLifetimeValue with it gives the
// discounted expected purchases, which the engine multiplies by each customer's expected spend.
const UNIT_SPEND = { kind: 'gamma-gamma', parameters: { p: 1, q: 2, gamma: 1 } } as const;

/**
 * The whole CLV path where the data lives: transaction table -> patterns (in the engine) -> BG/NBD
 * or Pareto/NBD and Gamma-Gamma fits (here) -> per-pattern scores -> a scores table in the engine
 * that joins back to every customer. Only patterns cross the wire (10^3 to 10^5 rows whatever the
 * number of customers); the per-customer result stays in the engine.
 *
 * Definition: the patterns are those of {@link summaryPatternsSql} and {@link spendPatternsSql}; the
 * models are `fitBgNbd` (or `fitParetoNbd`) with `timeUnit` = the summary's unit and
 * `fitGammaGamma`, on weighted patterns (the same likelihood as one row per customer). Per pattern:
 * `expected_purchases` over `horizon` (`expectedPurchasesBatch`), `probability_alive`
 * (`probabilityAliveBatch`) and `discounted_purchases`, the discounted expected purchases of
 * `customerLifetimeValue`'s sum. Per customer (in the join): `expected_spend` = p (gamma + x zbar) /
 * (p x + q - 1) (the Gamma-Gamma conditional mean, NULL where it does not exist) and
 * `clv = discounted_purchases x expected_spend`, which is `customerLifetimeValue` of that customer.
 *
 * Statements: the row counts; CREATE TABLE ... AS of a work table `cm_work_<12 random hex digits>`
 * holding the per-customer summary (temporary in DuckDB; UNLOGGED in PostgreSQL and `Memory` in
 * ClickHouse, in the scores table's schema), so that the transactions are scanned once; the two
 * pattern queries over it (the spend patterns through the client's `queryNumbers` when it has one);
 * DROP and CREATE of the scores table and its INSERTs (the client's bulk `insert` when it has one);
 * with `customerScoresTable` a DROP and CREATE TABLE ... AS the join of the work table with the
 * scores; and the DROP of the work table, also when a step fails. The returned `joinSql` computes
 * the summary from the transaction table itself (it does not need the work table).
 *
 * @param client - An {@link SqlClient}.
 * @param options - See {@link ScoreCustomersInSqlOptions}.
 * @returns The fitted models, pattern counts, row counts, table names and the join SQL.
 * @throws {@link MetricsInputError} for invalid options or client, or (by default) invalid rows.
 * @throws {@link MetricsFitError} when a model cannot be fitted (no repeat customers for Gamma-Gamma).
 * @throws {@link SqlQueryError} when the engine fails.
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis".
 * @example
 * ```ts
 * import { duckDbClient, scoreCustomersInSql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const connection = await (await DuckDBInstance.create(':memory:')).connect();
 * // 500 customers over 2024: customer c buys in some of the weeks from week (c % 13) on; two in
 * // three stop within 8 weeks. Amounts 5.00 to 24.00.
 * await connection.run(`CREATE TABLE tx AS SELECT c AS id, TIMESTAMP '2024-01-01' + INTERVAL 1 DAY * (7 * k + c % 7) AS ts, CAST(5 + hash(c, k) % 20 AS DECIMAL(10, 2)) AS amount FROM range(500) r(c), range(52) s(k) WHERE k >= c % 13 AND k <= c % 13 + hash(c) % (CASE WHEN c % 3 = 0 THEN 60 ELSE 8 END) AND (k = c % 13 OR hash(c, k) % 10 < c % 4 + 1)`);
 * const client = duckDbClient(connection);
 * const result = await scoreCustomersInSql(client, {
 *   table: 'tx', columns: { customerId: 'id', timestamp: 'ts', amount: 'amount' },
 *   observationEnd: Date.UTC(2024, 11, 31), period: 'week',
 *   horizon: { length: 12, unit: 'month' }, discountRate: 0.01,
 *   scoresTable: 'scores', customerScoresTable: 'customer_scores',
 * });
 * [result.transactionModel.kind, result.transactionModel.customers, result.spendModel?.customers]; // => ['bg-nbd', 500, 315]
 * const rows = await client.query('SELECT count(*) AS n, count(clv) AS valued FROM customer_scores');
 * rows; // => [{ n: 500, valued: 500 }]
 * ```
 */
export async function scoreCustomersInSql(client: SqlClient, options: ScoreCustomersInSqlOptions): Promise<ScoreCustomersInSqlResult> {
  const issues = new IssueList();
  const okClient = checkClient(client, issues);
  const dialect: SqlDialect = okClient ? client.dialect : 'duckdb';
  const read = readEndSource(withClientDialect(options, dialect, issues), schemaExtra, issues);
  let scoresTable: string | undefined;
  let customerTable: string | undefined;
  if (read !== undefined) {
    scoresTable = checkTable(options.scoresTable, dialect, ['options', 'scoresTable'], issues);
    if (options.customerScoresTable !== undefined) customerTable = checkTable(options.customerScoresTable, dialect, ['options', 'customerScoresTable'], issues);
  }
  issues.throwIfAny();
  const { src, end } = read as NonNullable<typeof read>;
  const {
    model: kind = 'bg-nbd',
    horizon,
    discountRate = 0,
    discountPeriod = 'month',
    scoresTable: _s,
    customerScoresTable: _c,
    invalidRows = 'refuse',
    ...rest
  } = options;
  const sqlOptions = { ...rest, dialect } as RfmSummarySqlOptions;
  const scale = rest.amountScale ?? 2;

  const countIssues = new IssueList();
  const counts = readCounts(await queryOne(client, invalidRowsSql(sqlOptions)), countIssues);
  countIssues.throwIfAny();
  if (counts === undefined) throw new TypeError('scoreCustomersInSql: the count query returned no row');
  if (invalidRows === 'refuse') refuseInvalid(counts);

  // The per-customer summary is computed once, into a work table in the engine: the patterns, the
  // spend patterns and the per-customer join then read 10^6 summary rows instead of scanning the
  // transactions three times. The work table is dropped at the end, whatever happens.
  const work = workTableName(options.scoresTable, dialect);
  const core = summaryCoreSql(src, end);
  // Without invalid rows (just counted) the work table skips the validity filter.
  const clean = Object.values(counts.invalid).every((n) => n === 0);
  const workCore = clean ? summaryCoreSql(src, end, false) : core;
  const scores = scoresTable as string;
  let result: ScoreCustomersInSqlResult;
  let failed = true;
  try {
    await runStatement(client, createWorkTable(work, workCore, dialect));

    // Patterns in the engine; fits here.
    const patternRows = await runQuery(client, patternsSql(work, src));
    const patterns = readSummaryPatterns(patternRows);
    const transactionModel = kind === 'pareto-nbd' ? fitParetoNbd(patterns, { timeUnit: src.unit }) : fitBgNbd(patterns, { timeUnit: src.unit });
    let spendModel: GammaGammaModel | undefined;
    let spendCount = 0;
    if (src.amount !== undefined) {
      // Gamma-Gamma's likelihood needs each repeat customer's (x, zbar): there are about as many
      // spend patterns as repeat customers with distinct totals (10^5 and more), read in columns.
      const { length, ...spend } = await readSpend(client, work, src, scale);
      spendCount = length;
      spendModel = fitGammaGamma(spend);
    }

    // Per-pattern scores.
    const expected = expectedPurchasesBatch(transactionModel, patterns, horizon);
    const alive = probabilityAliveBatch(transactionModel, patterns);
    const discounted = customerLifetimeValue({
      transactionModel,
      spendModel: UNIT_SPEND,
      customers: patterns.map((p) => ({ frequency: p.frequency, recency: p.recency, T: p.T, monetaryValue: 1 })),
      horizon,
      discountRate,
      discountPeriod,
    });
    const keys = patternRows.map((row) => [Number(row.recency_periods), Number(row.t_periods)] as const);
    const scoreRows = patterns.map((p, i) => [p.frequency, keys[i]?.[0] ?? 0, keys[i]?.[1] ?? 0, expected[i] as number, alive[i] as number, discounted[i] ?? 0]);

    await runStatement(client, dropTable(scores));
    await runStatement(client, createTable(scores, SCORE_COLUMNS.map((c, i) => [c, SCORE_TYPES[i] as 'bigint' | 'double'] as const), dialect));
    await insertRows(client, scores, [...SCORE_COLUMNS], SCORE_COLUMNS.map((c) => quoteIdentifier(c, dialect)), scoreRows);

    const joinSql = scoresJoinSql(`(${core})`, scores, src, spendModel);
    if (customerTable !== undefined) {
      await runStatement(client, dropTable(customerTable));
      const engine = dialect === 'clickhouse' ? ' ENGINE = Memory' : '';
      await runStatement(client, `CREATE TABLE ${customerTable}${engine} AS ${scoresJoinSql(work, scores, src, spendModel)}`);
    }
    result = {
      transactionModel,
      spendModel,
      patterns: patterns.length,
      spendPatterns: spendCount,
      rows: counts,
      scoresTable: scores,
      customerScoresTable: customerTable,
      joinSql,
    };
    failed = false;
  } finally {
    // A failure to drop the work table is reported unless an earlier error is already on its way.
    await runStatement(client, dropTable(work)).catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
  return result;
}

/**
 * The work table of one call: `cm_work_` and 12 random hex digits, in the scores table's schema
 * (PostgreSQL, ClickHouse; a temporary table in DuckDB), quoted.
 */
function workTableName(scoresTable: SqlTableName, dialect: SqlDialect): string {
  let name = 'cm_work_';
  for (let i = 0; i < 12; i++) name += Math.floor(Math.random() * 16).toString(16);
  if (dialect === 'duckdb') return quoteIdentifier(name, dialect);
  const parts = typeof scoresTable === 'string' ? scoresTable.split('.') : [...scoresTable];
  return quoteQualified([...parts.slice(0, -1), name], dialect);
}

/** CREATE of the work table holding the per-customer summary core. */
function createWorkTable(work: string, core: string, dialect: SqlDialect): string {
  if (dialect === 'clickhouse') return `CREATE TABLE ${work} ENGINE = Memory AS ${core}`;
  if (dialect === 'postgres') return `CREATE UNLOGGED TABLE ${work} AS ${core}`;
  return `CREATE TEMPORARY TABLE ${work} AS ${core}`;
}

/**
 * The transaction patterns of {@link summaryPatternsSql}, over a per-customer summary core `from`,
 * in a fixed order: an engine's GROUP BY returns groups in any order (DuckDB's parallel hash
 * aggregation changes it from run to run), and the fits add up the patterns in input order, so an
 * unordered result made the estimates differ in the last digits between two identical calls.
 */
function patternsSql(from: string, src: Source): string {
  return (
    `SELECT frequency AS ${col('frequency', src)}, ${inUnits('recency_periods', src)} AS ${col('recency', src)}, ` +
    `${inUnits('t_periods', src)} AS ${col('T', src)}, ${toBigint('count(*)', src.dialect)} AS ${col('weight', src)}, ` +
    `recency_periods AS ${col('recency_periods', src)}, t_periods AS ${col('t_periods', src)} ` +
    `FROM ${from} AS s GROUP BY frequency, recency_periods, t_periods ORDER BY frequency, recency_periods, t_periods`
  );
}

// The largest repeat total (in 10^-scale units) whose double is exact: below it, the engine's
// double division units / (10^scale x) is the correctly rounded mean, the same double JavaScript
// computes; the few patterns at or above it are read as text and divided exactly (decimal.js).
const EXACT_UNITS = 2 ** 53;

/**
 * The spend patterns of {@link spendPatternsSql} over the work table, as `fitGammaGamma`'s weighted
 * columns with the mean as the double nearest to the exact mean. Read in columns when the client
 * can (no object per pattern).
 */
async function readSpend(client: SqlClient, work: string, src: Source, scale: number): Promise<SpendColumns & { readonly length: number }> {
  const d = src.dialect;
  const small = `abs(repeat_units) < ${EXACT_UNITS}`;
  const numbers =
    `SELECT ${toDouble('frequency', d)} AS ${col('frequency', src)}, ${meanMoneySql('repeat_units', 'frequency', src)} AS ${col('monetary_value', src)}, ` +
    `${toDouble('count(*)', d)} AS ${col('weight', src)} FROM ${work} AS s WHERE frequency > 0 AND ${small} GROUP BY frequency, repeat_units ORDER BY frequency, repeat_units`;
  let columns: Readonly<Record<string, Float64Array>>;
  if (client.queryNumbers !== undefined) {
    try {
      columns = await client.queryNumbers(numbers);
    } catch (error) {
      throw new SqlQueryError(d, numbers, error);
    }
  } else {
    const rows = await runQuery(client, numbers);
    columns = Object.fromEntries(['frequency', 'monetary_value', 'weight'].map((name) => [name, Float64Array.from(rows, (row) => Number(row[name]))]));
  }
  const big =
    `SELECT frequency AS ${col('frequency', src)}, ${toText('repeat_units', d)} AS ${col('repeat_total_units', src)}, ${toBigint('count(*)', d)} AS ${col('weight', src)} ` +
    `FROM ${work} AS s WHERE frequency > 0 AND NOT (${small}) GROUP BY frequency, repeat_units ORDER BY frequency, repeat_units`;
  const exact = readSpendPatterns(await runQuery(client, big), { amountScale: scale });
  const join = (column: Float64Array | undefined, extra: readonly number[]): Float64Array => {
    const base = column ?? new Float64Array(0);
    if (extra.length === 0) return base;
    const out = new Float64Array(base.length + extra.length);
    out.set(base);
    out.set(extra, base.length);
    return out;
  };
  const frequency = join(columns.frequency, exact.map((p) => p.frequency));
  return {
    frequency,
    monetaryValue: join(columns.monetary_value, exact.map((p) => p.monetaryValue.toNumber())),
    weight: join(columns.weight, exact.map((p) => p.weight)),
    length: frequency.length,
  };
}

/** SELECT of every customer's summary joined to the scores, over a per-customer summary core `from`. */
function scoresJoinSql(from: string, scores: string, src: Source, spendModel: GammaGammaModel | undefined): string {
  const dialect = src.dialect;
  const q = (name: string) => quoteIdentifier(name, dialect);
  const summary = `SELECT ${summarySelect(src)} FROM ${from} AS s`;
  const join = dialect === 'clickhouse' ? 'ALL INNER JOIN' : 'INNER JOIN';
  const cols = [q('customer_id'), q('frequency'), q('recency'), q('T'), q('monetary_value'), q('expected_purchases'), q('probability_alive')];
  if (spendModel !== undefined) {
    const { p, q: qq, gamma } = spendModel.parameters;
    const x = toDouble(q('frequency'), dialect);
    const z = q('monetary_value');
    const denom = `(${doubleLiteral(p, dialect)} * ${x} + ${doubleLiteral(qq - 1, dialect)})`;
    const spend = `CASE WHEN ${denom} > 0 THEN ${doubleLiteral(p, dialect)} * (${doubleLiteral(gamma, dialect)} + ${x} * ${z}) / greatest(${denom}, 1e-300) ELSE NULL END`;
    cols.push(`${spend} AS ${q('expected_spend')}`, `${q('discounted_purchases')} * (${spend}) AS ${q('clv')}`);
  }
  return `SELECT ${cols.join(', ')} FROM (${summary}) AS s ${join} ${scores} USING (${q('frequency')}, ${q('recency_periods')}, ${q('t_periods')})`;
}
