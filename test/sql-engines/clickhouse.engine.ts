/**
 * The SQL path on ClickHouse 18.16 (Debian's clickhouse-server), single node and as a two-shard
 * cluster (two server processes started by scripts/sql-engines.sh) behind a Distributed table
 * sharded by customer id; `npm run test:engines`. Client: `@clickhouse/client` (it speaks to 18.16
 * over HTTP), through clickHouseClient.
 */
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickHouseClient, rfmSummarySql, type SqlClient } from '../../src/sql/index.js';
import { loadLog, readCdnowLog } from '../helpers/sql-engine.js';
import { badRowTuples, describeBadRows, describeCdnowEquivalence, describeHostileIdentifiers, describeNpsCounts, describeScoreWorkTable, describeTextAmounts } from '../helpers/sql-suite.js';
import { describeRetentionBadInput, describeRetentionEquivalence, generateSubscriptions, loadSubscriptions } from '../helpers/sql-retention-suite.js';
import { describeCovariatePatterns } from '../helpers/sql-covariates-suite.js';

const url1 = process.env.SQL_CH_URL;
const url2 = process.env.SQL_CH_URL2;
if (url1 === undefined || url2 === undefined) throw new Error('SQL_CH_URL / SQL_CH_URL2 are not set: run the engine tests with `npm run test:engines`');

let raw1: ClickHouseClient;
let raw2: ClickHouseClient;
let client: SqlClient;
// The retention suite's generated subscription table (whole seconds: DateTime's resolution).
const subscriptions = generateSubscriptions(15, 400);

beforeAll(async () => {
  raw1 = createClient({ url: url1 });
  raw2 = createClient({ url: url2 });
  client = clickHouseClient(raw1);
  const shard2 = clickHouseClient(raw2);
  const log = readCdnowLog();
  // Single node: the whole log on server 1.
  await loadLog(client, 'cdnow', log);
  // Two shards: each server holds the customers its shard owns (customer_id modulo 2, the
  // Distributed table's sharding key with equal weights), read through `cdnow_dist` on server 1.
  await loadLog(client, 'cdnow_local', log.filter((t) => t.customerId % 2 === 0));
  await loadLog(shard2, 'cdnow_local', log.filter((t) => t.customerId % 2 === 1));
  await client.execute('DROP TABLE IF EXISTS cdnow_dist');
  await client.execute('CREATE TABLE cdnow_dist AS cdnow_local ENGINE = Distributed(two_shards, default, cdnow_local, customer_id)');
  // Subscriptions: single node, and two shards by customer id behind subs_dist.
  await loadSubscriptions(client, 'subs', subscriptions);
  await loadSubscriptions(client, 'subs_local', subscriptions.filter((r) => r.customerId % 2 === 0));
  await loadSubscriptions(shard2, 'subs_local', subscriptions.filter((r) => r.customerId % 2 === 1));
  await client.execute('DROP TABLE IF EXISTS subs_dist');
  await client.execute('CREATE TABLE subs_dist AS subs_local ENGINE = Distributed(two_shards, default, subs_local, assumeNotNull(customer_id))');
});
afterAll(async () => {
  await raw1.close();
  await raw2.close();
});

const single = { name: 'ClickHouse single node', client: () => client, table: 'cdnow', scratch: (n: string) => `ch_${n}`, listTables: 'SELECT name FROM system.tables' };
const sharded = { name: 'ClickHouse two shards (Distributed)', client: () => client, table: 'cdnow_dist', scratch: (n: string) => `chd_${n}`, listTables: 'SELECT name FROM system.tables' };
describeCdnowEquivalence(single);
describeCdnowEquivalence(sharded);
describeHostileIdentifiers(single);
describeNpsCounts(single);
describeTextAmounts(single);
describeScoreWorkTable(single, 'ch_work');
describeRetentionEquivalence({ ...single, subscriptions: 'subs' }, subscriptions);
describeRetentionEquivalence({ ...sharded, subscriptions: 'subs_dist' }, subscriptions);
describeRetentionBadInput(single);
describeCovariatePatterns(single);
describeCovariatePatterns(sharded);
describeBadRows(single, async (c, table) => {
  await c.execute(`DROP TABLE IF EXISTS ${table}`);
  await c.execute(`CREATE TABLE ${table} (customer_id Nullable(Int32), ts Nullable(DateTime), amount Nullable(Decimal(12, 3))) ENGINE = Memory`);
  await c.execute(`INSERT INTO ${table} VALUES ${badRowTuples((t) => `'${t}'`)}`);
});

describe('ClickHouse: the two shards', () => {
  it('each hold part of the customers, and the distributed summary equals the single-node one row for row', async () => {
    const n1 = Number((await client.query('SELECT count(*) AS n FROM cdnow_local'))[0]?.n);
    const n2 = Number((await clickHouseClient(raw2).query('SELECT count(*) AS n FROM cdnow_local'))[0]?.n);
    expect(n1).toBeGreaterThan(0);
    expect(n2).toBeGreaterThan(0);
    expect(n1 + n2).toBe(6919);
    const options = { dialect: 'clickhouse', columns: { customerId: 'customer_id', timestamp: 'ts', amount: 'amount' }, observationEnd: Date.UTC(1998, 5, 30), period: 'week', unit: 'day' } as const;
    const order = ' ORDER BY customer_id';
    const a = await client.query(rfmSummarySql({ ...options, table: 'cdnow' }) + order);
    const b = await client.query(rfmSummarySql({ ...options, table: 'cdnow_dist' }) + order);
    expect(b).toEqual(a);
    expect(a.length).toBe(2357);
  });
});
