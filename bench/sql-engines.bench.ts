/**
 * The SQL path at scale on PostgreSQL 15 and on two-shard ClickHouse 18.16 (issue 15): the same 10
 * million generated transactions as bench/sql.bench.ts (made by DuckDB, copied in as CSV), then
 * scoreCustomersInSql end to end (patterns -> BG/NBD + Gamma-Gamma -> scores joined back to every
 * customer). Target for PostgreSQL: <= 30 s.
 *
 * Needs the engines: `scripts/sql-engines.sh start` prints SQL_PG_URL, SQL_CH_URL and SQL_CH_URL2;
 * export them, then `npm run bench -- sql-engines` (under `flock /tmp/bench.lock`), then
 * `scripts/sql-engines.sh stop`. SQL_BENCH_TRANSACTIONS overrides the size (default 10,000,000).
 */
import { createReadStream, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { createClient } from '@clickhouse/client';
import pg from 'pg';
import { clickHouseClient, duckDbClient, postgresClient, scoreCustomersInSql, type SqlClient } from '../src/sql/index.js';
import { machine } from './harness.js';

const pgUrl = process.env.SQL_PG_URL;
const ch1 = process.env.SQL_CH_URL;
const ch2 = process.env.SQL_CH_URL2;
if (pgUrl === undefined || ch1 === undefined || ch2 === undefined) {
  console.log('\n## SQL on PostgreSQL and ClickHouse\n\nSkipped: SQL_PG_URL, SQL_CH_URL and SQL_CH_URL2 are not set (see the header of bench/sql-engines.bench.ts).');
  process.exit(0);
}
const N = Number(process.env.SQL_BENCH_TRANSACTIONS ?? 10_000_000);
const CUSTOMERS = Math.round(N / 10);

// The data, written by DuckDB as CSV files: all rows, and the two shards (customer_id mod 2).
const duck = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
let t0 = performance.now();
await duck.execute(`CREATE TABLE tx AS
  SELECT c AS customer_id,
         TIMESTAMP '2023-01-01' + to_days(CAST(hash(c, 4) % 365 + hash(i, 1) % (CASE WHEN hash(c, 5) % 3 = 0 THEN 700 ELSE hash(c, 6) % 120 END + 1) AS INTEGER))
           + to_seconds(CAST(hash(i, 2) % 86400 AS BIGINT)) AS ts,
         CAST((500 + hash(c, 7) % 9500) * (50 + hash(i, 3) % 101) / 10000 AS DECIMAL(12, 2)) AS amount
  FROM (SELECT i, CAST(hash(i) % ${CUSTOMERS} AS BIGINT) AS c FROM range(${N}) t(i))`);
const files = { all: '/tmp/cm-sql-bench-all.csv', even: '/tmp/cm-sql-bench-even.csv', odd: '/tmp/cm-sql-bench-odd.csv' };
await duck.execute(`COPY (SELECT customer_id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, amount FROM tx) TO '${files.all}' (HEADER false)`);
await duck.execute(`COPY (SELECT customer_id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, amount FROM tx WHERE customer_id % 2 = 0) TO '${files.even}' (HEADER false)`);
await duck.execute(`COPY (SELECT customer_id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, amount FROM tx WHERE customer_id % 2 = 1) TO '${files.odd}' (HEADER false)`);
console.log(`\n## SQL on PostgreSQL and two-shard ClickHouse\n\nData: ${N} transactions of about ${CUSTOMERS} customers (CSV written in ${(performance.now() - t0).toFixed(0)} ms).`);

const options = { table: 'tx', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(2024, 11, 31), period: 'week', unit: 'week' } as const;
async function run(label: string, client: SqlClient, table: string): Promise<void> {
  const start = performance.now();
  const result = await scoreCustomersInSql(client, { ...options, table, horizon: { length: 12, unit: 'month' }, discountRate: 0.01, scoresTable: 'scores', customerScoresTable: 'customer_scores' });
  const ms = performance.now() - start;
  const n = (await client.query('SELECT count(*) AS n FROM customer_scores'))[0]?.n;
  console.log(`| ${label} | ${ms.toFixed(0)} | ${result.patterns} | ${result.spendPatterns} | ${String(n)} |`);
}

// PostgreSQL: COPY from the file (the server reads it; trust authentication as postgres).
const pgc = new pg.Client({ connectionString: pgUrl });
await pgc.connect();
const pgClient = postgresClient(pgc);
await pgClient.execute('DROP TABLE IF EXISTS tx');
await pgClient.execute('CREATE TABLE tx (customer_id BIGINT, ts TIMESTAMP, amount NUMERIC(12, 2))');
t0 = performance.now();
await pgClient.execute(`COPY tx FROM '${files.all}' (FORMAT csv)`);
await pgClient.execute('ANALYZE tx');
const pgLoad = performance.now() - t0;

// ClickHouse: each shard's rows into its server's MergeTree table; a Distributed table on server 1.
const raw1 = createClient({ url: ch1, request_timeout: 600_000 });
const raw2 = createClient({ url: ch2, request_timeout: 600_000 });
const c1 = clickHouseClient(raw1);
const c2 = clickHouseClient(raw2);
t0 = performance.now();
for (const [c, raw, file] of [[c1, raw1, files.even], [c2, raw2, files.odd]] as const) {
  await c.execute('DROP TABLE IF EXISTS tx_local');
  await c.execute('CREATE TABLE tx_local (customer_id Int64, ts DateTime, amount Decimal(12, 2)) ENGINE = MergeTree() ORDER BY customer_id');
  await raw.insert({ table: 'tx_local', values: createReadStream(file), format: 'CSV' });
}
await c1.execute('DROP TABLE IF EXISTS tx_dist');
await c1.execute('CREATE TABLE tx_dist AS tx_local ENGINE = Distributed(two_shards, default, tx_local, customer_id)');
const chLoad = performance.now() - t0;
for (const f of Object.values(files)) rmSync(f, { force: true });

console.log(`\nLoad: PostgreSQL COPY + ANALYZE ${pgLoad.toFixed(0)} ms; ClickHouse two shards ${chLoad.toFixed(0)} ms (not part of the timings below).\n`);
console.log('| engine | end to end (ms) | patterns | spend patterns | customers scored |\n|---|---:|---:|---:|---:|');
await run('PostgreSQL 15', pgClient, 'tx');
await run('ClickHouse 18.16, two shards (Distributed)', c1, 'tx_dist');
console.log(`\nMachine: ${machine()}`);
await pgc.end();
await raw1.close();
await raw2.close();
