/**
 * The retention builders of `customer-metrics/sql` at the edges of their valid domain (issue 14,
 * item 2), on an embedded DuckDB: one subscription, zero-length and touching subscriptions,
 * identical subscriptions, open ones, subscriptions a second long and decades long, an observation
 * end at the first instant of the data and long after it. The SQL answers must equal the library's
 * (survivalFromSubscriptions, cohortRetention); the readers take 0 rows. Fixed seeds.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cohortRetention, survivalFromSubscriptions } from '../../../src/retention/index.js';
import {
  cohortRetentionInSql,
  cohortRetentionSql,
  duckDbClient,
  invalidSubscriptionRowsSql,
  readCohortRetention,
  readSurvivalTable,
  survivalTableInSql,
  survivalTableSql,
  type SqlClient,
} from '../../../src/sql/index.js';
import { loadSubscriptions, records, survivalCounts, type SubscriptionRow } from '../../helpers/sql-retention-suite.js';
import { expectClean, SEED } from './helpers.js';

/** The names this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = [
  'cohortRetentionInSql',
  'cohortRetentionSql',
  'invalidSubscriptionRowsSql',
  'readCohortRetention',
  'readSurvivalTable',
  'survivalTableInSql',
  'survivalTableSql',
] as const;

let client: SqlClient;
beforeAll(async () => {
  client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
});

const DAY = 86_400_000;
const base = Date.UTC(2024, 0, 1);
// Whole seconds (the DuckDB TIMESTAMP literals of the loader), from the same instant to 30 years on.
const instant = fc.oneof(fc.constant(base), fc.integer({ min: 0, max: 1000 }).map((s) => base + s * 1000), fc.integer({ min: 0, max: 30 * 366 }).map((d) => base + d * DAY));
const subscription = fc.record({ customerId: fc.integer({ min: 0, max: 3 }), start: instant, length: fc.oneof(fc.constant(0), fc.constant(1000), fc.integer({ min: 0, max: 400 }).map((d) => d * DAY)), open: fc.boolean() });
const table = fc
  .array(subscription, { minLength: 1, maxLength: 12 })
  .map((subs) => subs.map((s): SubscriptionRow => ({ customerId: s.customerId, start: s.start, end: s.open ? null : s.start + s.length })));
const cols = { customerId: 'customer_id', start: 'started', end: 'ended' } as const;
let n = 0;

describe('SQL retention builders equal the library at the edges (DuckDB)', () => {
  it('survivalTableInSql equals survivalFromSubscriptions: one subscription, zero-length, touching, identical, open, decades long', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('day', 'week', 'month', 'year'), fc.integer({ min: 0, max: 40 * 366 }), async (rows, unit, endDays) => {
        const name = `edge_subs_${n++}`;
        await loadSubscriptions(client, name, rows);
        const observationEnd = base + endDays * DAY;
        const expected = (() => {
          try {
            return survivalFromSubscriptions(records(rows), { observationEnd, unit });
          } catch (error) {
            return error as Error;
          }
        })();
        const actual = await survivalTableInSql(client, { table: name, columns: cols, observationEnd, unit }).catch((e: unknown) => e as Error);
        if (expected instanceof Error) {
          // The library refuses (no subscription started by the end): the SQL runner refuses too.
          expect(actual).toBeInstanceOf(Error);
          return;
        }
        expect(actual).not.toBeInstanceOf(Error);
        const result = actual as Awaited<ReturnType<typeof survivalTableInSql>>;
        expectClean(result.survival);
        expect(survivalCounts(result.survival)).toEqual(survivalCounts(expected));
        await client.execute(`DROP TABLE ${name}`);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('cohortRetentionInSql equals cohortRetention for every period at the edges; the builders give one SELECT', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('week', 'month', 'quarter', 'year'), fc.integer({ min: 0, max: 3 * 366 }), async (rows, period, endDays) => {
        const name = `edge_cohorts_${n++}`;
        await loadSubscriptions(client, name, rows);
        const observationEnd = base + endDays * DAY;
        const expected = (() => {
          try {
            return cohortRetention(records(rows), { observationEnd, period });
          } catch (error) {
            return error as Error;
          }
        })();
        const actual = await cohortRetentionInSql(client, { table: name, columns: cols, observationEnd, period }).catch((e: unknown) => e as Error);
        if (expected instanceof Error) expect(actual).toBeInstanceOf(Error);
        else {
          expect(actual).not.toBeInstanceOf(Error);
          const { retention } = actual as Awaited<ReturnType<typeof cohortRetentionInSql>>;
          expectClean(retention);
          expect(retention).toEqual(expected);
        }
        for (const sql of [cohortRetentionSql({ dialect: 'duckdb', table: name, columns: cols, observationEnd, period }), survivalTableSql({ dialect: 'duckdb', table: name, columns: cols, observationEnd }), invalidSubscriptionRowsSql({ dialect: 'duckdb', table: name, columns: cols, observationEnd })]) {
          expect(sql.trimStart().toUpperCase().startsWith('SELECT')).toBe(true);
          expect(sql).not.toContain(';');
        }
        await client.execute(`DROP TABLE ${name}`);
      }),
      { seed: SEED, numRuns: 20 },
    );
  });

  it('invalidSubscriptionRowsSql counts every row once on a table of only bad rows, and of none', async () => {
    const name = `edge_bad_${n++}`;
    await loadSubscriptions(client, name, [
      { customerId: null, start: base, end: null },
      { customerId: 1, start: null, end: null },
      { customerId: 2, start: base + DAY, end: base },
    ]);
    const [row] = await client.query(invalidSubscriptionRowsSql({ dialect: 'duckdb', table: name, columns: cols, observationEnd: base }));
    expect(row).toMatchObject({ rows: 3, valid_rows: 0 });
    await client.execute(`DELETE FROM ${name}`);
    const [none] = await client.query(invalidSubscriptionRowsSql({ dialect: 'duckdb', table: name, columns: cols, observationEnd: base }));
    expect(Number(none?.rows)).toBe(0);
  });

  it('the readers take no rows: an empty survival table and an empty triangle', () => {
    const survival = readSurvivalTable([]);
    expect(survival.durations).toEqual([]);
    expectClean(survival);
    const triangle = readCohortRetention([], { period: 'month' });
    expectClean(triangle);
    expect(triangle.cohorts).toEqual([]);
  });
});
