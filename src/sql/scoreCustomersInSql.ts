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
  type TimeUnit,
} from '../clv/index.js';
import { IssueList, z } from '../_lib/validate.js';
import { createTable, doubleLiteral, dropTable, quoteIdentifier, toDouble, type SqlDialect } from './_internal/dialect.js';
import { checkClient, insertRows, queryOne, readCounts, refuseInvalid, withClientDialect, type TransactionRowCounts } from './_internal/runner.js';
import { checkTable, readEndSource, summaryCoreSql, summarySelect, type SqlTableName } from './_internal/source.js';
import { invalidRowsSql } from './invalidRowsSql.js';
import { readSpendPatterns } from './readSpendPatterns.js';
import { readInteger } from './_internal/rowValues.js';
import type { SqlRow } from './sqlClient.js';
import { readSummaryPatterns } from './readSummaryPatterns.js';
import type { RfmSummarySqlOptions } from './rfmSummarySql.js';
import { spendPatternsSql } from './spendPatternsSql.js';
import { runQuery, runStatement } from './_internal/run.js';
import type { SqlClient } from './sqlClient.js';
import { summaryPatternsSql } from './summaryPatternsSql.js';

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
 * Statements: the row counts, the two pattern queries, DROP and CREATE of the scores table, its
 * INSERTs, and with `customerScoresTable` a DROP and CREATE TABLE ... AS the join.
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

  // Patterns in the engine; fits here.
  const patternRows = await runQuery(client, summaryPatternsSql(sqlOptions));
  const patterns = readSummaryPatterns(patternRows);
  const transactionModel = kind === 'pareto-nbd' ? fitParetoNbd(patterns, { timeUnit: src.unit }) : fitBgNbd(patterns, { timeUnit: src.unit });
  let spendModel: GammaGammaModel | undefined;
  let spendCount = 0;
  if (src.amount !== undefined) {
    // Gamma-Gamma's likelihood needs each repeat customer's (x, zbar): there are about as many spend
    // patterns as repeat customers with distinct totals. The mean is passed as the double nearest to
    // the exact mean (units / (10^scale x), both exact integers), which is what the fit computes
    // with; readSpendPatterns gives the exact Decimal instead, at a Decimal per row.
    const spend = spendPatternsAsNumbers(await runQuery(client, spendPatternsSql(sqlOptions)), scale);
    spendCount = spend.length;
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

  const scores = scoresTable as string;
  await runStatement(client, dropTable(scores));
  await runStatement(client, createTable(scores, SCORE_COLUMNS.map((c, i) => [c, SCORE_TYPES[i] as 'bigint' | 'double'] as const), dialect));
  await insertRows(client, scores, [...SCORE_COLUMNS], SCORE_COLUMNS.map((c) => quoteIdentifier(c, dialect)), scoreRows);

  const q = (name: string) => quoteIdentifier(name, dialect);
  const summary = `SELECT ${summarySelect(src)} FROM (${summaryCoreSql(src, end)}) AS s`;
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
  const joinSql = `SELECT ${cols.join(', ')} FROM (${summary}) AS s ${join} ${scores} USING (${q('frequency')}, ${q('recency_periods')}, ${q('t_periods')})`;
  if (customerTable !== undefined) {
    await runStatement(client, dropTable(customerTable));
    const engine = dialect === 'clickhouse' ? ' ENGINE = Memory' : '';
    await runStatement(client, `CREATE TABLE ${customerTable}${engine} AS ${joinSql}`);
  }
  return {
    transactionModel,
    spendModel,
    patterns: patterns.length,
    spendPatterns: spendCount,
    rows: counts,
    scoresTable: scores,
    customerScoresTable: customerTable,
    joinSql,
  };
}

// Spend patterns with the mean as a double: units / (10^scale x) is one correctly rounded division of
// two exact integers while the units are safe integers; larger totals go through readSpendPatterns'
// exact Decimal.
function spendPatternsAsNumbers(rows: readonly SqlRow[], scale: number): { frequency: number; monetaryValue: number; weight: number }[] {
  const issues = new IssueList();
  const factor = 10 ** scale;
  const out: { frequency: number; monetaryValue: number; weight: number }[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SqlRow;
    const units = Number(row.repeat_total_units);
    const frequency = readInteger(row.frequency, ['rows', i, 'frequency'], 1, issues);
    const weight = readInteger(row.weight, ['rows', i, 'weight'], 1, issues);
    if (frequency === undefined || weight === undefined) continue;
    out[i] = Number.isSafeInteger(units)
      ? { frequency, monetaryValue: units / (factor * frequency), weight }
      : { frequency, monetaryValue: (readSpendPatterns([row], { amountScale: scale })[0]?.monetaryValue.toNumber() ?? 0), weight };
  }
  issues.throwIfAny();
  return out;
}
