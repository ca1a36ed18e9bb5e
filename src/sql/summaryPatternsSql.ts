import { IssueList, z } from '../_lib/validate.js';
import { toBigint, toDouble } from './_internal/dialect.js';
import { checkColumn, checkTable, col, inUnits, readEndSource, summaryCoreSql, type SqlTableName, type Source } from './_internal/source.js';
import type { RfmSummarySqlOptions } from './rfmSummarySql.js';

/**
 * Per-customer covariate columns for {@link summaryPatternsSql}: numeric, time-invariant attributes
 * (acquisition channel as 0/1, first order value, region indicator) that become part of the pattern
 * key, for `fitBgNbd` / `fitParetoNbd` with `options.covariates`.
 */
export interface SqlCovariateColumns {
  /**
   * The numeric columns, one per covariate; each becomes a result column of the same name (a
   * double). Not one of the result's own column names (frequency, recency, T, weight,
   * recency_periods, t_periods, covariate_missing, covariate_conflicts, customer_id), compared
   * without regard to case (DuckDB's identifiers are case-insensitive).
   */
  readonly columns: readonly string[];
  /**
   * The table that holds them (a customer table, split at dots like `table`).
   * @defaultValue the transaction table (`options.table`): the covariates are columns of every transaction row
   */
  readonly table?: SqlTableName;
  /**
   * The customer id column of `table` (it must have the type of the transactions' id column).
   * @defaultValue `options.columns.customerId`
   */
  readonly customerId?: string;
}

/** Options of {@link summaryPatternsSql}. */
export interface SummaryPatternsSqlOptions extends RfmSummarySqlOptions {
  /**
   * Per-customer covariate columns to carry (part of the pattern key).
   * @defaultValue none (patterns are keyed by frequency, recency and T only)
   */
  readonly covariates?: SqlCovariateColumns;
}

/** Result column names a covariate may not take (lower case). */
const RESERVED = new Set(['frequency', 'recency', 't', 'weight', 'recency_periods', 't_periods', 'customer_id', 'covariate_missing', 'covariate_conflicts', '__proto__', 'constructor', 'prototype']);

const covariateShape = z
  .strictObject({
    columns: z.array(z.string()).min(1),
    table: z.union([z.string(), z.array(z.string()).min(1).max(3)]).optional(),
    customerId: z.string().optional(),
  })
  .optional();

interface CheckedCovariates {
  readonly names: readonly string[];
  readonly quoted: readonly string[];
  readonly table: string;
  readonly key: string;
}

function checkCovariates(value: SqlCovariateColumns, src: Source, issues: IssueList): CheckedCovariates | undefined {
  const path = ['options', 'covariates'];
  let ok = true;
  const seen = new Set<string>();
  const quoted: string[] = [];
  value.columns.forEach((name, i) => {
    const q = checkColumn(name, src.dialect, [...path, 'columns', i], issues);
    const lower = name.toLowerCase();
    if (q === undefined) ok = false;
    else if (RESERVED.has(lower)) {
      issues.add('invalid_value', [...path, 'columns', i], 'is a column name of the result (frequency, recency, T, weight, recency_periods, t_periods, customer_id, covariate_missing, covariate_conflicts)');
      ok = false;
    } else if (seen.has(lower)) {
      issues.add('invalid_value', [...path, 'columns', i], 'is listed twice (names are compared without regard to case)');
      ok = false;
    } else {
      seen.add(lower);
      quoted.push(q);
    }
  });
  const table = value.table === undefined ? src.table : checkTable(value.table, src.dialect, [...path, 'table'], issues);
  const key = value.customerId === undefined ? src.id : checkColumn(value.customerId, src.dialect, [...path, 'customerId'], issues);
  if (!ok || table === undefined || key === undefined) return undefined;
  return { names: value.columns, quoted, table, key };
}

/**
 * SQL that reduces a transaction table to its distinct purchase-history patterns: the summary of
 * {@link rfmSummarySql} grouped by `(frequency, recency, T)` with `weight` = the number of customers.
 * These rows are what `fitBgNbd`, `fitMbgNbd` and `fitParetoNbd` take as weighted customers: their
 * likelihood is a sum over customers, so a pattern of weight w counts as w identical customers.
 *
 * Result columns: `frequency` (integer), `recency`, `T` (doubles, in `unit`), `weight` (integer),
 * `recency_periods`, `t_periods` (integers: the key the scores table joins on). There are at most
 * (number of periods)^2 / 2 patterns whatever the number of customers: about 10^3 to 10^5.
 *
 * **Covariates** (`options.covariates`): each customer's values of the named numeric columns,
 * read from a customer table (`covariates.table`, joined on `covariates.customerId`) or, without
 * one, from the transaction rows themselves, become part of the pattern key: the result has one
 * more column per covariate (a double, named like the column) and a pattern per distinct
 * (frequency, recency, T, covariates). Per customer the value is the one its rows agree on: a
 * customer whose rows disagree (two customer-table rows, or transactions, with different values) is
 * counted in `covariate_conflicts`; a customer with no covariate row or a NULL value in
 * `covariate_missing` (both integer columns, per pattern). {@link readSummaryPatterns} with the same
 * names refuses a pattern where either is not 0, so a customer never silently gets a value it does
 * not have. Customers of the customer table without transactions are not counted (the transactions
 * decide who is a customer). With many distinct values (a continuous covariate) almost every
 * customer is a pattern of its own.
 *
 * @param options - The options of {@link rfmSummarySql} and `covariates`; see {@link SummaryPatternsSqlOptions}.
 * @returns One SELECT statement.
 * @throws {@link MetricsInputError} as {@link rfmSummarySql}, and for covariate column names that are
 *   not valid identifiers, repeat one another or a result column name.
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way" (the likelihood depends on
 *   a customer only through (x, t_x, T)); Fader & Hardie (2007), note 019 (covariates enter through
 *   the customer's own alpha_i, beta_i or a_i, b_i, so customers with equal covariates share a pattern).
 * @example
 * ```ts
 * import { readSummaryPatterns, summaryPatternsSql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * await db.run(`CREATE TABLE tx AS SELECT * FROM (VALUES (1, DATE '2024-01-01'), (2, DATE '2024-01-01'), (3, DATE '2024-01-02'), (3, DATE '2024-01-03')) AS t(id, day)`);
 * const sql = summaryPatternsSql({ dialect: 'duckdb', table: 'tx', columns: { customerId: 'id', timestamp: 'day' }, observationEnd: Date.UTC(2024, 0, 3) });
 * const rows = (await db.runAndReadAll(`${sql} ORDER BY frequency`)).getRowObjectsJson();
 * // Customers 1 and 2 share the pattern (0, 0, 2); customer 3 bought on two days.
 * rows.map((r) => [r.frequency, r.recency, r.T, r.weight]); // => [['0', 0, 2, '2'], ['1', 1, 1, '1']]
 * // With a customer table: customer 2 was referred, so it no longer shares customer 1's pattern.
 * await db.run(`CREATE TABLE customers AS SELECT * FROM (VALUES (1, 0), (2, 1), (3, 0)) AS t(id, referral)`);
 * const withCovariates = summaryPatternsSql({ dialect: 'duckdb', table: 'tx', columns: { customerId: 'id', timestamp: 'day' }, observationEnd: Date.UTC(2024, 0, 3), covariates: { table: 'customers', columns: ['referral'] } });
 * const patterns = readSummaryPatterns((await db.runAndReadAll(`${withCovariates} ORDER BY frequency, referral`)).getRowObjectsJson(), { covariates: ['referral'] });
 * patterns; // => [{ frequency: 0, recency: 0, T: 2, weight: 1, referral: 0 }, { frequency: 0, recency: 0, T: 2, weight: 1, referral: 1 }, { frequency: 1, recency: 1, T: 1, weight: 1, referral: 0 }]
 * ```
 */
export function summaryPatternsSql(options: SummaryPatternsSqlOptions): string {
  const issues = new IssueList();
  const read = readEndSource(options, { covariates: covariateShape }, issues);
  const covariates = read?.parsed['covariates'] === undefined ? undefined : checkCovariates(read.parsed['covariates'] as SqlCovariateColumns, read.src, issues);
  issues.throwIfAny();
  const { src, end } = read as NonNullable<typeof read>;
  const base =
    `SELECT frequency AS ${col('frequency', src)}, ${inUnits('recency_periods', src)} AS ${col('recency', src)}, ` +
    `${inUnits('t_periods', src)} AS ${col('T', src)}, ${toBigint('count(*)', src.dialect)} AS ${col('weight', src)}, ` +
    `recency_periods AS ${col('recency_periods', src)}, t_periods AS ${col('t_periods', src)}`;
  if (covariates === undefined) return `${base} FROM (${summaryCoreSql(src, end)}) AS s GROUP BY frequency, recency_periods, t_periods`;
  return `${base}, ${covariateSql(src, end, covariates)}`;
}

// The covariate columns, the two check counts, FROM the summary joined with the per-customer values.
function covariateSql(src: Source, end: number, c: CheckedCovariates): string {
  const d = src.dialect;
  const k = c.quoted.length;
  const z = (j: number) => `cov_min_${j}`;
  const zmax = (j: number) => `cov_max_${j}`;
  // Per customer: the smallest and largest value over its rows (they differ: a conflict), and a
  // marker that the customer has a covariate row (a LEFT JOIN miss leaves it NULL, or 0 in ClickHouse).
  const perCustomer =
    `SELECT ${c.key} AS customer_id, ` +
    c.quoted.map((q, j) => `min(${toDouble(q, d)}) AS ${z(j)}, max(${toDouble(q, d)}) AS ${zmax(j)}`).join(', ') +
    `, ${toBigint('1', d)} AS cov_found FROM ${c.table} WHERE ${c.key} IS NOT NULL GROUP BY ${c.key}`;
  const all = Array.from({ length: k }, (_, j) => j);
  const present = ['cov_found = 1', ...all.map((j) => `${z(j)} IS NOT NULL`)].join(' AND ');
  const differ = all.map((j) => `${zmax(j)} <> ${z(j)}`).join(' OR ');
  const join = d === 'clickhouse' ? `ALL LEFT JOIN (${perCustomer}) USING (customer_id)` : `LEFT JOIN (${perCustomer}) AS c USING (customer_id)`;
  return (
    all.map((j) => `${z(j)} AS ${c.quoted[j] as string}`).join(', ') +
    `, ${toBigint(`sum(CASE WHEN ${present} THEN 0 ELSE 1 END)`, d)} AS ${col('covariate_missing', src)}` +
    `, ${toBigint(`sum(CASE WHEN ${differ} THEN 1 ELSE 0 END)`, d)} AS ${col('covariate_conflicts', src)}` +
    ` FROM (${summaryCoreSql(src, end)}) AS s ${join}` +
    ` GROUP BY frequency, recency_periods, t_periods, ${all.map(z).join(', ')}`
  );
}
