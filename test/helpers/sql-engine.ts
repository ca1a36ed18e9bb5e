/**
 * Helpers of the SQL tests shared by every engine (DuckDB in `npm test`, PostgreSQL and two-shard
 * ClickHouse in `npm run test:engines`): loading a transaction log into a table, and comparing the
 * engine's summaries with rfmSummary's.
 */
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import type { CustomerSummary, Transaction } from '../../src/clv/index.js';
import type { SqlClient } from '../../src/sql/index.js';

export { readCdnowLog } from './fixture-data.js';

/** Column types of a transaction table per dialect. */
export function txColumnTypes(dialect: SqlClient['dialect']): { id: string; ts: string; amount: string } {
  switch (dialect) {
    case 'duckdb':
      return { id: 'BIGINT', ts: 'TIMESTAMP', amount: 'DECIMAL(18, 2)' };
    case 'postgres':
      return { id: 'BIGINT', ts: 'TIMESTAMP', amount: 'NUMERIC(18, 2)' };
    case 'clickhouse':
      return { id: 'Int64', ts: 'DateTime', amount: 'Decimal(18, 2)' };
  }
}

/** A timestamp literal (UTC) for INSERT ... VALUES. */
export function timestampLiteral(ms: number, dialect: SqlClient['dialect']): string {
  const iso = new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  return dialect === 'clickhouse' ? `'${iso.slice(0, 19)}'` : `TIMESTAMP '${iso}'`;
}

/** One VALUES tuple of a transaction (ids numeric; amount text from the log or a number). */
export function valuesTuple(t: Transaction<number>, dialect: SqlClient['dialect']): string {
  const amount = t.amount === undefined ? 'NULL' : String(t.amount);
  return `(${t.customerId}, ${timestampLiteral(t.date as number, dialect)}, ${amount})`;
}

/** Creates `table` (customer_id, ts, amount) and inserts `log`, in batches. */
export async function loadLog(client: SqlClient, table: string, log: readonly Transaction<number>[], engineClause = ''): Promise<void> {
  const types = txColumnTypes(client.dialect);
  await client.execute(`DROP TABLE IF EXISTS ${table}`);
  const engine = client.dialect === 'clickhouse' ? engineClause || ' ENGINE = MergeTree() ORDER BY customer_id' : '';
  await client.execute(`CREATE TABLE ${table} (customer_id ${types.id}, ts ${types.ts}, amount ${types.amount})${engine}`);
  for (let i = 0; i < log.length; i += 2000) {
    const values = log.slice(i, i + 2000).map((t) => valuesTuple(t, client.dialect));
    if (values.length > 0) await client.execute(`INSERT INTO ${table} (customer_id, ts, amount) VALUES ${values.join(', ')}`);
  }
}

const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/**
 * Asserts that `actual` (from the engine) equals `expected` (rfmSummary) customer by customer:
 * frequency exactly, recency and T within 1e-12 relative, monetary value exactly (the same Decimal).
 * Prints the first mismatches with input, actual, expected and tolerance.
 */
export function expectSameSummaries(actual: readonly CustomerSummary[], expected: readonly CustomerSummary[], label: string): void {
  const byId = new Map(expected.map((r) => [String(r.customerId), r]));
  const problems: string[] = [];
  for (const a of actual) {
    const e = byId.get(String(a.customerId));
    if (e === undefined) {
      problems.push(`${a.customerId}: not in rfmSummary`);
      continue;
    }
    byId.delete(String(a.customerId));
    if (a.frequency !== e.frequency || rel(a.recency, e.recency) > 1e-12 || rel(a.T, e.T) > 1e-12 || !a.monetaryValue.eq(e.monetaryValue)) {
      problems.push(
        `${a.customerId}: actual (${a.frequency}, ${a.recency}, ${a.T}, ${a.monetaryValue}) expected (${e.frequency}, ${e.recency}, ${e.T}, ${e.monetaryValue}); tol: frequency and monetary exact, recency/T 1e-12 rel`,
      );
    }
  }
  for (const id of byId.keys()) problems.push(`${id}: missing from the engine's result`);
  expect(problems.slice(0, 10), `${label}: ${problems.length} mismatches`).toEqual([]);
  expect(actual.length).toBe(expected.length);
}

/** Asserts the engine's double monetary_value column within 1e-12 relative of the exact mean. */
export function expectMonetaryDoubles(rows: readonly Readonly<Record<string, unknown>>[], expected: readonly CustomerSummary[]): void {
  const byId = new Map(expected.map((r) => [String(r.customerId), r.monetaryValue]));
  let worst = 0;
  for (const row of rows) {
    const e = byId.get(String(row.customer_id)) as Decimal;
    worst = Math.max(worst, rel(Number(row.monetary_value), e.toNumber()));
  }
  expect(worst, 'worst relative error of monetary_value (double) vs the exact mean').toBeLessThanOrEqual(1e-12);
}

/** Relative difference of two parameter records (the largest over the keys of `b`). */
export function worstParameterDifference<P extends object>(a: P, b: P): number {
  let worst = 0;
  for (const key of Object.keys(b) as (keyof P)[]) worst = Math.max(worst, rel(a[key] as number, b[key] as number));
  return worst;
}

/** decimal.js with the library's money settings (40 significant digits, half-even). */
export const Decimal40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

export { Decimal };

/** The options rfmSummary / calibrationHoldoutSplit know, picked from an SQL options object. */
export function jsOptions<T extends { observationEnd: number; period?: unknown; unit?: unknown; weekStartsOn?: unknown; allowRefunds?: unknown; calibrationEnd?: number }>(o: T): any {
  const out: Record<string, unknown> = { observationEnd: o.observationEnd };
  for (const key of ['period', 'unit', 'weekStartsOn', 'allowRefunds', 'calibrationEnd'] as const) if (o[key] !== undefined) out[key] = o[key];
  return out;
}
