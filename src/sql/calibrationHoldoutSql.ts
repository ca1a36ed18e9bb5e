import { IssueList, z } from '../_lib/validate.js';
import type { DateInput } from '../types.js';
import { numberLiteral, toBigint, toText, totalAtFirst } from './_internal/dialect.js';
import { cellsSql, checkDateOption, col, inUnits, meanMoneySql, periodOf, readEndSource, summarySelect, type TransactionSourceOptions } from './_internal/source.js';

/** Options of {@link calibrationHoldoutSql}. */
export interface CalibrationHoldoutSqlOptions extends TransactionSourceOptions {
  /** The last day of calibration: its period is the last calibration period. */
  readonly calibrationEnd: DateInput;
  /** The end of observation (of the holdout); must come after `calibrationEnd`. */
  readonly observationEnd: DateInput;
}

/**
 * SQL that splits a transaction table into a calibration summary and holdout counts per customer,
 * with exactly the semantics of `calibrationHoldoutSplit`.
 *
 * Definition: the calibration summary is `rfmSummarySql` at `calibrationEnd` (customers whose first
 * purchase comes later are left out); `holdout_frequency` is the number of purchase periods after the
 * calibration end's period up to the observation end's period (every one counts), and
 * `holdout_monetary_value` the mean of their totals (0 when there are none); `holdout_duration` is
 * the number of periods between the two ends in `unit`s.
 *
 * Result columns: those of {@link rfmSummarySql} plus `holdout_frequency` (integer),
 * `holdout_monetary_value` (double), `holdout_total_units` (text, exact) and `holdout_duration`.
 * Cost in the engine: one scan and two hash aggregations.
 *
 * @param options - The source, the calibration end and the observation end; see {@link CalibrationHoldoutSqlOptions}.
 * @returns One SELECT statement.
 * @throws {@link MetricsInputError} for the problems of {@link rfmSummarySql}, a missing or invalid
 *   `calibrationEnd`, or an observation end not after it.
 * @see lifetimes' `calibration_and_holdout_data`; docs/sql.md.
 * @example
 * ```ts
 * import { calibrationHoldoutSql } from 'customer-metrics/sql';
 * import { DuckDBInstance } from '@duckdb/node-api';
 * const db = await (await DuckDBInstance.create(':memory:')).connect();
 * await db.run(`CREATE TABLE tx AS SELECT * FROM (VALUES (1, DATE '2024-01-01', 10.00), (1, DATE '2024-01-05', 5.00), (1, DATE '2024-01-12', 8.00), (1, DATE '2024-01-14', 4.00)) AS t(id, day, amount)`);
 * const sql = calibrationHoldoutSql({ dialect: 'duckdb', table: 'tx', columns: { customerId: 'id', timestamp: 'day', amount: 'amount' }, calibrationEnd: Date.UTC(2024, 0, 10), observationEnd: Date.UTC(2024, 0, 20) });
 * const [row] = (await db.runAndReadAll(sql)).getRowObjectsJson();
 * // Calibration: Jan 1 and Jan 5 (one repeat worth 5); holdout: Jan 12 and Jan 14, mean (8 + 4) / 2 = 6.
 * [row?.frequency, row?.recency, row?.T, row?.holdout_frequency, row?.holdout_monetary_value, row?.holdout_duration]; // => ['1', 4, 9, '2', 6, 10]
 * ```
 */
export function calibrationHoldoutSql(options: CalibrationHoldoutSqlOptions): string {
  const issues = new IssueList();
  const read = readEndSource(options, { calibrationEnd: z.any() }, issues);
  const raw = typeof options === 'object' && options !== null ? (options as unknown as Record<string, unknown>) : {};
  const calMs = checkDateOption(raw.calibrationEnd, 'calibrationEnd', issues);
  if (read !== undefined && calMs !== undefined) {
    const endMs = raw.observationEnd instanceof Date ? raw.observationEnd.getTime() : (raw.observationEnd as number);
    if (!(endMs > calMs)) issues.add('invalid_order', ['options', 'observationEnd'], 'must be after the calibration end');
  }
  issues.throwIfAny();
  const { src, end } = read as NonNullable<typeof read>;
  const d = src.dialect;
  const cal = numberLiteral(periodOf(src, calMs as number));
  const inCal = `p <= ${cal}`;
  const core =
    `SELECT customer_id, ${toBigint(`sum(CASE WHEN ${inCal} THEN 1 ELSE 0 END) - 1`, d)} AS frequency, ` +
    `${toBigint(`max(CASE WHEN ${inCal} THEN p ELSE -1000000000000000 END) - min(p)`, d)} AS recency_periods, ` +
    `${toBigint(`${cal} - min(p)`, d)} AS t_periods, ` +
    `${toBigint(`sum(CASE WHEN ${inCal} THEN total ELSE 0 END) - ${totalAtFirst('total', 'p', d)}`, d)} AS repeat_units, ` +
    `${toBigint(`sum(CASE WHEN ${inCal} THEN 0 ELSE 1 END)`, d)} AS holdout_frequency, ` +
    `${toBigint(`sum(CASE WHEN ${inCal} THEN 0 ELSE total END)`, d)} AS holdout_units ` +
    `FROM (${cellsSql(src, end)}) AS c GROUP BY customer_id HAVING min(p) <= ${cal}`;
  const holdoutPeriods = `${toBigint(`${numberLiteral(end)} - ${cal}`, d)}`;
  return (
    `SELECT ${summarySelect(src)}, holdout_frequency AS ${col('holdout_frequency', src)}, ` +
    `${meanMoneySql('holdout_units', 'holdout_frequency', src)} AS ${col('holdout_monetary_value', src)}, ` +
    `${toText('holdout_units', d)} AS ${col('holdout_total_units', src)}, ` +
    `${inUnits(holdoutPeriods, src)} AS ${col('holdout_duration', src)} FROM (${core}) AS s`
  );
}

