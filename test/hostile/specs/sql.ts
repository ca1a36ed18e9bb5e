/**
 * Hostile-input specs of the `customer-metrics/sql` subpath (contract: test/hostile/spec.ts).
 * The runners get a fresh in-memory DuckDB with a small transaction table per call.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { duckDbClient } from '../../../src/sql/index.js';
import type { HostileSpecs } from '../spec.js';

const columns = { customerId: 'id', timestamp: 'ts', amount: 'amount' };
const source = () => ({ dialect: 'duckdb', table: 'tx', columns: { ...columns }, observationEnd: Date.UTC(2024, 0, 31), period: 'day', unit: 'day' });
const hostileNames = {
  quoteInjection: 'tx"; DROP TABLE tx; --',
  backtickForClickHouse: 'tx`; DROP TABLE tx; --',
  nul: 'tx\u0000',
  tenThousandChars: 'x'.repeat(10_000),
  empty: '',
};
// Each hostile name as the table of a ClickHouse builder call: refused (ClickHouse refuses backticks,
// every dialect refuses NUL, empty and over-long names; a double quote is quoted for DuckDB and
// PostgreSQL, so it is only refused here through ClickHouse's rules where it is a backtick).
const refuseNames = Object.fromEntries(
  Object.entries(hostileNames)
    .filter(([key]) => key !== 'quoteInjection')
    .map(([key, name]) => [key, () => [{ ...source(), dialect: 'clickhouse', table: name }]]),
);

async function duck(): Promise<ReturnType<typeof duckDbClient>> {
  const client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
  await client.execute(
    `CREATE TABLE tx AS SELECT * FROM (VALUES (1, TIMESTAMP '2024-01-01', 5.00), (1, TIMESTAMP '2024-01-09', 7.50), (2, TIMESTAMP '2024-01-03', 2.00), (3, TIMESTAMP '2024-01-02', 1.00), (3, TIMESTAMP '2024-01-20', 4.00)) AS t(id, ts, amount)`,
  );
  return client;
}

const subscriptionColumns = { customerId: 'id', start: 'started', end: 'ended' };
const subscriptionSource = () => ({ dialect: 'duckdb', table: 'subs', columns: { ...subscriptionColumns }, observationEnd: Date.UTC(2024, 2, 31) });
const subscriptionRefuseNames = Object.fromEntries(
  Object.entries(hostileNames)
    .filter(([key]) => key !== 'quoteInjection')
    .map(([key, name]) => [key, () => [{ ...subscriptionSource(), dialect: 'clickhouse', table: name }]]),
);

async function duckSubscriptions(): Promise<ReturnType<typeof duckDbClient>> {
  const client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
  await client.execute(
    `CREATE TABLE subs AS SELECT * FROM (VALUES (1, TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-20'), (1, TIMESTAMP '2024-01-20', NULL), (2, TIMESTAMP '2024-01-03', TIMESTAMP '2024-02-10'), (3, TIMESTAMP '2024-02-02', NULL)) AS t(id, started, ended)`,
  );
  return client;
}

const clientKeep = {
  '0.query': "the caller's driver method",
  '0.execute': "the caller's driver method",
};

export const specs: HostileSpecs = {
  rfmSummarySql: { valid: () => [source()], refuse: refuseNames },
  summaryPatternsSql: {
    // With covariates from a customer table, so the fuzzing reaches the covariate option too.
    valid: () => [{ ...source(), covariates: { table: 'customers', customerId: 'id', columns: ['referral', 'first_value'] } }],
    refuse: { ...refuseNames, reservedCovariate: () => [{ ...source(), covariates: { columns: ['weight'] } }], covariateBacktick: () => [{ ...source(), dialect: 'clickhouse', covariates: { columns: ['a`b'] } }] },
  },
  spendPatternsSql: { valid: () => [source()], refuse: refuseNames },
  invalidRowsSql: { valid: () => [source()], refuse: refuseNames },
  npsCountsSql: {
    valid: () => [{ dialect: 'duckdb', table: 'survey', columns: { score: 'score', segment: 'channel', timestamp: 'ts' }, period: 'month', bands: { detractorMax: 6, passiveMax: 8 } }],
    refuse: { periodWithoutTimestamp: () => [{ dialect: 'duckdb', table: 'survey', columns: { score: 'score' }, period: 'month' }] },
  },
  calibrationHoldoutSql: {
    valid: () => [{ ...source(), calibrationEnd: Date.UTC(2024, 0, 10) }],
    refuse: { observationEndBeforeCalibration: () => [{ ...source(), calibrationEnd: Date.UTC(2024, 1, 10) }] },
  },
  readSummaryRows: {
    valid: () => [[{ customer_id: 'a', frequency: '2', recency: 3, T: 5, repeat_total_units: '1000' }], { amountScale: 2 }],
  },
  readSummaryPatterns: {
    valid: () => [[{ frequency: '2', recency: 3, T: 5, weight: '4', referral: 1, covariate_missing: '0', covariate_conflicts: '0' }, { frequency: 0, recency: 0, T: 5, weight: 1, referral: '0', covariate_missing: 0, covariate_conflicts: 0 }], { covariates: ['referral'] }],
    refuse: {
      recencyAboveT: () => [[{ frequency: 1, recency: 6, T: 5, weight: 1 }]],
      missingCovariate: () => [[{ frequency: 1, recency: 2, T: 5, weight: 1, referral: null, covariate_missing: 1, covariate_conflicts: 0 }], { covariates: ['referral'] }],
      conflictingCovariate: () => [[{ frequency: 1, recency: 2, T: 5, weight: 1, referral: 1, covariate_missing: 0, covariate_conflicts: 2 }], { covariates: ['referral'] }],
    },
  },
  readSpendPatterns: {
    valid: () => [[{ frequency: 2, repeat_total_units: '2501', weight: 3 }], { amountScale: 2 }],
  },
  SqlQueryError: { kind: 'class', valid: () => ['duckdb', 'SELECT 1', new Error('engine error')] },
  duckDbClient: {
    valid: () => [{ runAndReadAll: async () => ({ getRowObjects: () => [] }), run: async () => undefined }],
    keep: { '0.runAndReadAll': "the caller's driver method", '0.run': "the caller's driver method" },
  },
  postgresClient: {
    valid: () => [{ query: async () => ({ rows: [] }) }],
    keep: { '0.query': "the caller's driver method" },
  },
  clickHouseClient: {
    valid: () => [{ query: async () => ({ json: async () => [] }), command: async () => ({}) }],
    keep: { '0.query': "the caller's driver method", '0.command': "the caller's driver method" },
  },
  rfmSummaryInSql: {
    async: true,
    valid: async () => {
      const { dialect: _d, ...options } = source();
      return [await duck(), options];
    },
    keep: clientKeep,
    refuse: {
      dialectOption: async () => [await duck(), source()],
      hostileTableForDuckDbIsQuotedButColumnNulRefused: async () => {
        const { dialect: _d, ...options } = source();
        return [await duck(), { ...options, columns: { ...columns, amount: 'amount\u0000' } }];
      },
    },
    deadlineMs: 20_000,
  },
  scoreCustomersInSql: {
    async: true,
    valid: async () => {
      const { dialect: _d, ...options } = source();
      return [await duck(), { ...options, horizon: { length: 4, unit: 'week' }, discountRate: 0.01, scoresTable: 'scores' }];
    },
    keep: clientKeep,
    refuse: {
      hostileScoresTable: async () => {
        const { dialect: _d, ...options } = source();
        return [await duck(), { ...options, horizon: { length: 4, unit: 'week' }, scoresTable: 'scores\u0000' }];
      },
    },
    deadlineMs: 20_000,
  },
  invalidSubscriptionRowsSql: { valid: () => [subscriptionSource()], refuse: subscriptionRefuseNames },
  survivalTableSql: {
    valid: () => [{ ...subscriptionSource(), unit: 'week', observationStart: Date.UTC(2024, 0, 10) }],
    refuse: { ...subscriptionRefuseNames, startNotBeforeEnd: () => [{ ...subscriptionSource(), observationStart: Date.UTC(2024, 2, 31) }] },
  },
  cohortRetentionSql: {
    valid: () => [{ ...subscriptionSource(), period: 'week', weekStartsOn: 0 }],
    refuse: { ...subscriptionRefuseNames, dayPeriod: () => [{ ...subscriptionSource(), period: 'day' }] },
  },
  readSurvivalTable: {
    valid: () => [[{ duration_ms: '864000000', observed: 1, weight: '3', entry_ms: 0 }, { duration_ms: 2_592_000_000, observed: 0, weight: 1, entry_ms: '86400000' }], { unit: 'day' }],
    refuse: { entryOnSomeRows: () => [[{ duration_ms: 1, observed: 1, weight: 1 }, { duration_ms: 1, observed: 1, weight: 1, entry_ms: 0 }]] },
  },
  readCohortRetention: {
    valid: () => [[{ cohort: '24300', size: '2', k: '0', retained: '2' }, { cohort: '24300', size: '2', k: '1', retained: '1' }, { cohort: 24301, size: 1, k: 0, retained: 1 }], { period: 'month' }],
    refuse: { retainedAboveSize: () => [[{ cohort: 1, size: 1, k: 0, retained: 2 }]] },
  },
  survivalTableInSql: {
    async: true,
    valid: async () => {
      const { dialect: _d, ...options } = subscriptionSource();
      return [await duckSubscriptions(), { ...options, unit: 'day', invalidRows: 'exclude' }];
    },
    keep: clientKeep,
    refuse: {
      dialectOption: async () => [await duckSubscriptions(), subscriptionSource()],
      nulInEndColumn: async () => {
        const { dialect: _d, ...options } = subscriptionSource();
        return [await duckSubscriptions(), { ...options, columns: { ...subscriptionColumns, end: 'ended\u0000' } }];
      },
    },
    deadlineMs: 20_000,
  },
  cohortRetentionInSql: {
    async: true,
    valid: async () => {
      const { dialect: _d, ...options } = subscriptionSource();
      return [await duckSubscriptions(), { ...options, period: 'month' }];
    },
    keep: clientKeep,
    refuse: {
      dialectOption: async () => [await duckSubscriptions(), subscriptionSource()],
    },
    deadlineMs: 20_000,
  },
};
