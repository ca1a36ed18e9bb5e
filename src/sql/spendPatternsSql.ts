import { IssueList } from '../_lib/validate.js';
import { toBigint, toText } from './_internal/dialect.js';
import { col, meanMoneySql, readEndSource, summaryCoreSql } from './_internal/source.js';
import type { RfmSummarySqlOptions } from './rfmSummarySql.js';

/**
 * SQL that reduces a transaction table to the distinct spend patterns of its repeat customers: the
 * summary of {@link rfmSummarySql} for customers with frequency > 0, grouped by
 * `(frequency, repeat total)` with `weight` = the number of customers. These are `fitGammaGamma`'s
 * weighted rows (its likelihood depends on a customer only through x and the mean repeat value).
 *
 * Result columns: `frequency`, `weight` (integers), `monetary_value` (double) and
 * `repeat_total_units` (text: the exact repeat total in 10^-amountScale; {@link readSpendPatterns}
 * turns it into the exact mean).
 *
 * @param options - The same options as {@link rfmSummarySql}.
 * @returns One SELECT statement.
 * @throws {@link MetricsInputError} as {@link rfmSummarySql}.
 * @see Fader & Hardie (2013), "The Gamma-Gamma model of monetary value".
 * @example
 * ```ts
 * import { spendPatternsSql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * await db.run(`CREATE TABLE tx AS SELECT * FROM (VALUES (1, DATE '2024-01-01', 5.00), (1, DATE '2024-01-02', 12.50), (2, DATE '2024-01-01', 9.00), (2, DATE '2024-01-03', 12.50), (3, DATE '2024-01-02', 1.00)) AS t(id, day, amount)`);
 * const sql = spendPatternsSql({ dialect: 'duckdb', table: 'tx', columns: { customerId: 'id', timestamp: 'day', amount: 'amount' }, observationEnd: Date.UTC(2024, 0, 3) });
 * const rows = (await db.runAndReadAll(sql)).getRowObjectsJson();
 * // Customers 1 and 2 each made one repeat purchase worth 12.50; customer 3 none (left out).
 * rows.map((r) => [r.frequency, r.monetary_value, r.weight]); // => [['1', 12.5, '2']]
 * ```
 */
export function spendPatternsSql(options: RfmSummarySqlOptions): string {
  const issues = new IssueList();
  const read = readEndSource(options, {}, issues);
  issues.throwIfAny();
  const { src, end } = read as NonNullable<typeof read>;
  return (
    `SELECT frequency AS ${col('frequency', src)}, ${meanMoneySql('repeat_units', 'frequency', src)} AS ${col('monetary_value', src)}, ` +
    `${toText('repeat_units', src.dialect)} AS ${col('repeat_total_units', src)}, ${toBigint('count(*)', src.dialect)} AS ${col('weight', src)} ` +
    `FROM (${summaryCoreSql(src, end)}) AS s WHERE frequency > 0 GROUP BY frequency, repeat_units`
  );
}
