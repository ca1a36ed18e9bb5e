/**
 * Covariate patterns in SQL (issue 18), for every engine (DuckDB in `npm test`; PostgreSQL and
 * ClickHouse in `npm run test:engines`): summaryPatternsSql with `covariates` carries per-customer
 * covariate columns (from a customer table or from the transaction rows) as part of the pattern key,
 * readSummaryPatterns reads them back, and fitting BG/NBD and Pareto/NBD with covariates on the
 * patterns equals fitting them on the per-customer rows (rfmSummary plus each customer's values).
 * Missing and conflicting covariate values are counted in the engine and refused by the reader.
 *
 * Data: the CDNOW log (2,357 customers). Covariates, invented per customer id so that the expected
 * values are known here without the engine: `referral` = 1 for ids divisible by 3; `segment` =
 * id mod 4 (four levels as a number); `ln_first` = ln(1 + dollar value of the first purchase), a
 * continuous covariate that makes most customers a pattern of their own.
 */
import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitParetoNbd, rfmSummary, type Transaction } from '../../src/index.js';
import { isMetricsInputError } from '../../src/errors.js';
import { readSummaryPatterns, summaryPatternsSql, type SqlClient } from '../../src/sql/index.js';
import type { EngineUnderTest } from './sql-suite.js';
import { jsOptions, readCdnowLog, txColumnTypes, worstParameterDifference } from './sql-engine.js';

const cols = { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' } as const;
const calibrationEnd = Date.UTC(1997, 8, 30);

/** The covariates of one customer (see the module comment). */
export function cdnowCovariates(log: readonly Transaction<number>[]): Map<number, { referral: number; segment: number; ln_first: number }> {
  const first = new Map<number, { date: number; amount: number }>();
  for (const t of log) {
    const at = first.get(t.customerId);
    const date = Number(t.date);
    if (at === undefined || date < at.date) first.set(t.customerId, { date, amount: Number(t.amount) });
    else if (date === at.date) at.amount += Number(t.amount);
  }
  const out = new Map<number, { referral: number; segment: number; ln_first: number }>();
  for (const [id, f] of first) out.set(id, { referral: id % 3 === 0 ? 1 : 0, segment: id % 4, ln_first: Math.log1p(Math.round(f.amount * 100) / 100) });
  return out;
}

/** The table engine clause of a CREATE TABLE (ClickHouse needs one; the others none). */
function engineOf(client: SqlClient, engineClause: string): string {
  return client.dialect === 'clickhouse' ? engineClause || ' ENGINE = MergeTree() ORDER BY customer_id' : '';
}

/** Creates `table` (customer_id, referral, segment, ln_first) with one row per CDNOW customer. */
async function createCustomerTable(client: SqlClient, table: string, log: readonly Transaction<number>[], engineClause: string): Promise<void> {
  const types = txColumnTypes(client.dialect);
  const dbl = client.dialect === 'clickhouse' ? 'Float64' : client.dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  const int = client.dialect === 'clickhouse' ? 'Int32' : 'INTEGER';
  await client.execute(`DROP TABLE IF EXISTS ${table}`);
  await client.execute(`CREATE TABLE ${table} (customer_id ${types.id}, referral ${int}, segment ${int}, ln_first ${dbl})${engineOf(client, engineClause)}`);
  const values = [...cdnowCovariates(log)].map(([id, c]) => `(${id}, ${c.referral}, ${c.segment}, ${c.ln_first.toPrecision(17)})`);
  for (let i = 0; i < values.length; i += 1000) await client.execute(`INSERT INTO ${table} VALUES ${values.slice(i, i + 1000).join(', ')}`);
}

/** Registers the covariate-pattern tests for one engine; `engineClause` is ClickHouse's ` ENGINE = ...` for the customer table. */
export function describeCovariatePatterns(engine: EngineUnderTest, engineClause = ''): void {
  const log = readCdnowLog();
  const covariates = cdnowCovariates(log);
  const customers = engine.scratch('customers');
  const options = { table: engine.table, columns: cols, observationEnd: calibrationEnd, period: 'day', unit: 'week' } as const;
  // The per-customer rows the patterns must stand for.
  const rows = rfmSummary(log, jsOptions(options)).map((r) => ({ frequency: r.frequency, recency: r.recency, T: r.T, ...(covariates.get(r.customerId as number) as object) }));

  describe(`${engine.name}: covariate patterns (summaryPatternsSql with covariates)`, () => {
    it('customer table, binary and 4-level covariates: pattern fit = row fit for BG/NBD and Pareto/NBD (log-likelihood 1e-12, estimates 1e-6), weights add up', async () => {
      const client = engine.client();
      await createCustomerTable(client, customers, log, engineClause);
      const sql = summaryPatternsSql({ ...options, dialect: client.dialect, covariates: { table: customers, columns: ['referral', 'segment'] } });
      const patterns = readSummaryPatterns(await client.query(sql), { covariates: ['referral', 'segment'] });
      expect(patterns.reduce((s, p) => s + p.weight, 0)).toBe(2357);
      // The key includes the covariates: more patterns than without, fewer than customers.
      const plain = readSummaryPatterns(await client.query(summaryPatternsSql({ ...options, dialect: client.dialect })));
      expect(patterns.length).toBeGreaterThan(plain.length);
      expect(patterns.length).toBeLessThan(2357);
      // Every (pattern, covariates) weight equals the number of rows with that key.
      const count = new Map<string, number>();
      for (const r of rows) {
        const key = `${r.frequency} ${r.recency} ${r.T} ${(r as unknown as { referral: number }).referral} ${(r as unknown as { segment: number }).segment}`;
        count.set(key, (count.get(key) ?? 0) + 1);
      }
      for (const p of patterns as unknown as { frequency: number; recency: number; T: number; weight: number; referral: number; segment: number }[]) {
        expect(p.weight).toBe(count.get(`${p.frequency} ${p.recency} ${p.T} ${p.referral} ${p.segment}`));
      }
      // The engine returns patterns in no fixed order, so the sums run in another order than over the
      // rows and the optimizer stops at another point within its gradient tolerance: the
      // log-likelihoods agree to 1e-12 (flat at the optimum), the estimates to 1e-6.
      const spec = { covariates: { purchase: ['referral', 'segment'], dropout: ['referral'] } };
      const bgPatterns = fitBgNbd(patterns, { timeUnit: 'week', ...spec });
      const bgRows = fitBgNbd(rows, { timeUnit: 'week', ...spec });
      expect(worstParameterDifference(bgPatterns.parameters, bgRows.parameters)).toBeLessThanOrEqual(1e-6);
      expect(worstParameterDifference(bgPatterns.covariates!.coefficients.purchase, bgRows.covariates!.coefficients.purchase)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(bgPatterns.logLikelihood / bgRows.logLikelihood - 1)).toBeLessThanOrEqual(1e-12);
      const pnPatterns = fitParetoNbd(patterns, { timeUnit: 'week', ...spec });
      const pnRows = fitParetoNbd(rows, { timeUnit: 'week', ...spec });
      expect(worstParameterDifference(pnPatterns.parameters, pnRows.parameters)).toBeLessThanOrEqual(1e-6);
      expect(worstParameterDifference(pnPatterns.covariates!.coefficients.dropout, pnRows.covariates!.coefficients.dropout)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(pnPatterns.logLikelihood / pnRows.logLikelihood - 1)).toBeLessThanOrEqual(1e-12);
      expect(pnPatterns.customers).toBe(2357);
    });

    it('a continuous covariate (ln first purchase value) from the customer table: the values read back equal the table’s (1e-15), the fits agree', async () => {
      const client = engine.client();
      await createCustomerTable(client, customers, log, engineClause);
      const sql = summaryPatternsSql({ ...options, dialect: client.dialect, covariates: { table: customers, customerId: 'customer_id', columns: ['ln_first'] } });
      const patterns = readSummaryPatterns(await client.query(sql), { covariates: ['ln_first'] }) as unknown as { frequency: number; recency: number; T: number; weight: number; ln_first: number }[];
      expect(patterns.reduce((s, p) => s + p.weight, 0)).toBe(2357);
      // The engine reads the 17-digit literals as decimals and converts: equal to 1e-15 relative
      // (14 significant digits), not always to the last bit.
      const values = new Set([...covariates.values()].map((c) => c.ln_first.toPrecision(14)));
      for (const p of patterns) expect(values.has(p.ln_first.toPrecision(14)), `value ${p.ln_first}`).toBe(true);
      const spec = { covariates: { purchase: ['ln_first'] } };
      const fromPatterns = fitParetoNbd(patterns, { timeUnit: 'week', ...spec });
      const fromRows = fitParetoNbd(rows, { timeUnit: 'week', ...spec });
      expect(Math.abs(fromPatterns.logLikelihood / fromRows.logLikelihood - 1)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs((fromPatterns.covariates!.coefficients.purchase.ln_first as number) - (fromRows.covariates!.coefficients.purchase.ln_first as number))).toBeLessThanOrEqual(1e-6);
    });

    it('covariates on the transaction rows (no customer table): same patterns as from the customer table', async () => {
      const client = engine.client();
      const withCov = engine.scratch('tx_cov');
      await createCustomerTable(client, customers, log, engineClause);
      await client.execute(`DROP TABLE IF EXISTS ${withCov}`);
      const create = `CREATE TABLE ${withCov}${engineOf(client, engineClause)} AS`;
      const join = client.dialect === 'clickhouse' ? 'ALL INNER JOIN' : 'INNER JOIN';
      // The transactions as a subquery: ClickHouse then joins on the initiator (a Distributed table
      // joined directly would send the join to the shards, which lack the customer table).
      await client.execute(`${create} SELECT customer_id, ts, amount, referral, segment FROM (SELECT customer_id, ts, amount FROM ${engine.table}) AS t ${join} ${customers} USING (customer_id)`);
      const fromTx = readSummaryPatterns(await client.query(summaryPatternsSql({ ...options, table: withCov, dialect: client.dialect, covariates: { columns: ['referral', 'segment'] } })), { covariates: ['referral', 'segment'] });
      const fromTable = readSummaryPatterns(await client.query(summaryPatternsSql({ ...options, dialect: client.dialect, covariates: { table: customers, columns: ['referral', 'segment'] } })), { covariates: ['referral', 'segment'] });
      const key = (p: object) => JSON.stringify(p);
      expect(fromTx.map(key).sort()).toEqual(fromTable.map(key).sort());
    });

    it('a customer missing from the customer table, and one with two disagreeing rows, are counted and refused by the reader', async () => {
      const client = engine.client();
      const partial = engine.scratch('customers_partial');
      await createCustomerTable(client, partial, log, engineClause);
      // Customer 1 disappears (ClickHouse: a new table without it), customer 2 gets a second, different row.
      const gone = engine.scratch('customers_gone');
      await client.execute(`DROP TABLE IF EXISTS ${gone}`);
      const create = `CREATE TABLE ${gone}${engineOf(client, engineClause)} AS`;
      await client.execute(`${create} SELECT * FROM ${partial} WHERE customer_id <> 1`);
      await client.execute(`INSERT INTO ${gone} VALUES (2, 1, 3, 0.5)`);
      const sql = summaryPatternsSql({ ...options, dialect: client.dialect, covariates: { table: gone, columns: ['referral', 'segment'] } });
      const result = await client.query(sql);
      const missing = result.reduce((s, r) => s + Number(r.covariate_missing), 0);
      const conflicts = result.reduce((s, r) => s + Number(r.covariate_conflicts), 0);
      expect([missing, conflicts]).toEqual([1, 1]);
      expect(result.reduce((s, r) => s + Number(r.weight), 0)).toBe(2357);
      let thrown: unknown;
      try {
        readSummaryPatterns(result, { covariates: ['referral', 'segment'] });
      } catch (e) {
        thrown = e;
      }
      expect(isMetricsInputError(thrown)).toBe(true);
      const codes = (thrown as { issues: { path: (string | number)[] }[] }).issues.map((i) => String(i.path[2]));
      expect(codes.filter((c) => c === 'covariate_missing')).toHaveLength(1);
      expect(codes.filter((c) => c === 'covariate_conflicts')).toHaveLength(1);
    });
  });
}
