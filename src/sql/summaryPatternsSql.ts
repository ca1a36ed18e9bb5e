import { IssueList } from '../_lib/validate.js';
import { toBigint } from './_internal/dialect.js';
import { col, inUnits, readEndSource, summaryCoreSql } from './_internal/source.js';
import type { RfmSummarySqlOptions } from './rfmSummarySql.js';

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
 * @param options - The same options as {@link rfmSummarySql}.
 * @returns One SELECT statement.
 * @throws {@link MetricsInputError} as {@link rfmSummarySql}.
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way" (the likelihood depends on
 *   a customer only through (x, t_x, T)).
 * @example
 * ```ts
 * import { summaryPatternsSql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * await db.run(`CREATE TABLE tx AS SELECT * FROM (VALUES (1, DATE '2024-01-01'), (2, DATE '2024-01-01'), (3, DATE '2024-01-02'), (3, DATE '2024-01-03')) AS t(id, day)`);
 * const sql = summaryPatternsSql({ dialect: 'duckdb', table: 'tx', columns: { customerId: 'id', timestamp: 'day' }, observationEnd: Date.UTC(2024, 0, 3) });
 * const rows = (await db.runAndReadAll(`${sql} ORDER BY frequency`)).getRowObjectsJson();
 * // Customers 1 and 2 share the pattern (0, 0, 2); customer 3 bought on two days.
 * rows.map((r) => [r.frequency, r.recency, r.T, r.weight]); // => [['0', 0, 2, '2'], ['1', 1, 1, '1']]
 * ```
 */
export function summaryPatternsSql(options: RfmSummarySqlOptions): string {
  const issues = new IssueList();
  const read = readEndSource(options, {}, issues);
  issues.throwIfAny();
  const { src, end } = read as NonNullable<typeof read>;
  return (
    `SELECT frequency AS ${col('frequency', src)}, ${inUnits('recency_periods', src)} AS ${col('recency', src)}, ` +
    `${inUnits('t_periods', src)} AS ${col('T', src)}, ${toBigint('count(*)', src.dialect)} AS ${col('weight', src)}, ` +
    `recency_periods AS ${col('recency_periods', src)}, t_periods AS ${col('t_periods', src)} ` +
    `FROM (${summaryCoreSql(src, end)}) AS s GROUP BY frequency, recency_periods, t_periods`
  );
}
