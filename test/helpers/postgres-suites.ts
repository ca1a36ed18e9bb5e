/**
 * Every shared SQL suite on a PostgreSQL client: the PostgreSQL 15 engine test
 * (test/sql-engines/postgres.engine.ts, a server) and the PGlite test (test/sql-pglite.test.ts, in
 * process) run exactly these. `connect` gives the client (before all tests), `close` ends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rfmSummary } from '../../src/index.js';
import { rfmSummaryInSql, type SqlClient } from '../../src/sql/index.js';
import { expectSameSummaries, jsOptions, loadLog, readCdnowLog } from './sql-engine.js';
import { badRowTuples, describeBadRows, describeCdnowEquivalence, describeHostileIdentifiers, describeNpsCounts, describeScoreWorkTable, describeTextAmounts } from './sql-suite.js';
import { describeRetentionBadInput, describeRetentionEquivalence, generateSubscriptions, loadSubscriptions } from './sql-retention-suite.js';
import { describeCovariatePatterns } from './sql-covariates-suite.js';

export function describePostgresSuites(name: string, prefix: string, connect: () => Promise<SqlClient>, close: () => Promise<void>): void {
  let client: SqlClient;
  // The retention suite's generated subscription table (the same seed as the other engines).
  const subscriptions = generateSubscriptions(15, 400);

  beforeAll(async () => {
    client = await connect();
    await loadLog(client, 'cdnow', readCdnowLog());
    await loadSubscriptions(client, 'subs', subscriptions);
  }, 120_000);
  afterAll(close);

  const engine = { name, client: () => client, table: 'cdnow', scratch: (n: string) => `${prefix}_${n}`, listTables: 'SELECT tablename AS name FROM pg_tables' };
  describeCdnowEquivalence(engine);
  describeHostileIdentifiers(engine);
  describeNpsCounts(engine);
  describeTextAmounts(engine);
  // Not `${prefix}_work`: PostgreSQL reserves schema names that start with pg_ ("pg_work" is refused).
  describeScoreWorkTable(engine, `work_${prefix}`);
  describeRetentionEquivalence({ ...engine, subscriptions: 'subs' }, subscriptions);
  describeRetentionBadInput(engine);
  describeCovariatePatterns(engine);
  describeBadRows(engine, async (c, table) => {
    await c.execute(`DROP TABLE IF EXISTS ${table}`);
    await c.execute(`CREATE TABLE ${table} (customer_id INTEGER, ts TIMESTAMP, amount NUMERIC(12, 3))`);
    await c.execute(`INSERT INTO ${table} VALUES ${badRowTuples((t) => `TIMESTAMP '${t}'`)}`);
  });

  describe(`${name}: time zones at the US DST change of 2024-03-10`, () => {
    it('timestamptz under TimeZone America/New_York is grouped by UTC day, as rfmSummary groups it', async () => {
      await client.execute("SET TIME ZONE 'America/New_York'");
      const table = `${prefix}_dst`;
      try {
        const instants = [Date.UTC(2024, 2, 9, 23, 59, 59), Date.UTC(2024, 2, 10, 0, 0, 0), Date.UTC(2024, 2, 10, 6, 59, 59), Date.UTC(2024, 2, 10, 7, 0, 0), Date.UTC(2024, 2, 11, 3, 59, 59)];
        await client.execute(`DROP TABLE IF EXISTS ${table}`);
        await client.execute(`CREATE TABLE ${table} (customer_id INTEGER, ts TIMESTAMPTZ, amount NUMERIC(10, 2))`);
        await client.execute(`INSERT INTO ${table} VALUES ${instants.map((ms, i) => `(${i < 3 ? 1 : 2}, TIMESTAMPTZ '${new Date(ms).toISOString()}', ${i + 1})`).join(', ')}`);
        const log = instants.map((ms, i) => ({ customerId: i < 3 ? 1 : 2, date: ms, amount: String(i + 1) }));
        const options = { table, columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(2024, 2, 12) };
        const { customers } = await rfmSummaryInSql(client, options);
        expectSameSummaries(customers, rfmSummary(log, jsOptions(options)), 'DST');
        expect(customers.find((c) => c.customerId === 1)).toMatchObject({ frequency: 1, recency: 1, T: 3 });
      } finally {
        await client.execute("SET TIME ZONE 'UTC'");
      }
    });
  });
}
