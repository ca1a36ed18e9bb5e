/**
 * The retention SQL builders on DuckDB (embedded, part of `npm test`): survivalTableSql and
 * cohortRetentionSql against survivalFromSubscriptions and cohortRetention on a generated table and
 * on random small tables (fast-check), worked examples with the arithmetic, bad rows counted per
 * reason, bad options, readers' bad rows, and hostile identifiers. The same suite runs on PostgreSQL
 * and two-shard ClickHouse in test/sql-engines/.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cohortRetention, kaplanMeier, survivalFromSubscriptions } from '../src/retention/index.js';
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
} from '../src/sql/index.js';
import { issueSummaries } from './helpers/thrown-issues.js';
import { describeRetentionBadInput, describeRetentionEquivalence, generateSubscriptions, loadSubscriptions, records, survivalCounts, type SubscriptionRow } from './helpers/sql-retention-suite.js';

let client: SqlClient;
const DAY = 86_400_000;
const cols = { customerId: 'customer_id', start: 'started', end: 'ended' } as const;
// DuckDB keeps microseconds: the generated table uses any millisecond.
const generated = generateSubscriptions(15, 400, 1);

beforeAll(async () => {
  client = duckDbClient(await (await DuckDBInstance.create(':memory:')).connect());
  await loadSubscriptions(client, 'subs', generated);
});

const engine = { name: 'DuckDB', client: () => client, table: 'subs', subscriptions: 'subs', scratch: (n: string) => `duck_${n}`, listTables: 'SELECT table_name AS name FROM duckdb_tables()' };
describeRetentionEquivalence(engine, generated);
describeRetentionBadInput(engine);

const WORKED: SubscriptionRow[] = [
  { customerId: 1, start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 11) },
  { customerId: 2, start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 6) },
  { customerId: 2, start: Date.UTC(2024, 0, 5), end: Date.UTC(2024, 0, 21) },
  { customerId: 3, start: Date.UTC(2024, 0, 3), end: Date.UTC(2024, 0, 10) },
  { customerId: 3, start: Date.UTC(2024, 0, 10), end: null },
  { customerId: 4, start: Date.UTC(2024, 0, 2), end: Date.UTC(2024, 0, 3) },
  { customerId: 4, start: Date.UTC(2024, 0, 20), end: null },
  { customerId: 5, start: Date.UTC(2024, 0, 31), end: null },
];

describe('survivalTableSql: instants read to the millisecond (floor), far from 1970 too', () => {
  it('microsecond timestamps in the year 2515 and 3058 give the floored milliseconds (a double of the epoch seconds would not)', async () => {
    // At these instants the epoch in seconds as a double, times 1000, lands on the wrong side of a
    // millisecond: 19:14:28.361998 would read as .362 and 08:55:15.324000 as .323. The builders
    // read microseconds as integers: durations .361 -> .363 = 2 ms and .324 -> .330 = 6 ms.
    await client.execute(`CREATE TABLE far AS SELECT * FROM (VALUES
      (1, TIMESTAMP '2515-08-07 19:14:28.361998', TIMESTAMP '2515-08-07 19:14:28.363'),
      (2, TIMESTAMP '3058-11-20 08:55:15.324000', TIMESTAMP '3058-11-20 08:55:15.330')) AS t(customer_id, started, ended)`);
    const sql = survivalTableSql({ dialect: 'duckdb', table: 'far', columns: cols, observationEnd: Date.UTC(3100, 0, 1), unit: 'day' });
    const rows = await client.query(`${sql} ORDER BY duration_ms`);
    expect(rows.map((r) => [r.duration_ms, r.observed, r.weight])).toEqual([
      [2, 1, 1],
      [6, 1, 1],
    ]);
  });
});

describe('survivalTableSql: worked examples', () => {
  it('merges overlapping and touching subscriptions, ignores a return, censors at the end (days)', async () => {
    // a: Jan 1 .. Jan 11 -> 10 days, churned.
    // b: Jan 1 .. Jan 6 and Jan 5 .. Jan 21 overlap -> one life Jan 1 .. Jan 21 = 20 days, churned.
    // c: Jan 3 .. Jan 10 touches Jan 10 .. open -> still active: censored at Jan 31 = 28 days.
    // d: Jan 2 .. Jan 3, back Jan 20 .. open: the first life, 1 day, churned (the return is no new life).
    // e: starts Jan 31 = observationEnd: left out.
    await loadSubscriptions(client, 'worked', WORKED);
    const observationEnd = Date.UTC(2024, 0, 31);
    const raw = await client.query(`${survivalTableSql({ dialect: 'duckdb', table: 'worked', columns: cols, observationEnd, unit: 'day' })} ORDER BY duration`);
    expect(raw).toEqual([
      { duration: 1, observed: 1, weight: 1, duration_ms: DAY },
      { duration: 10, observed: 1, weight: 1, duration_ms: 10 * DAY },
      { duration: 20, observed: 1, weight: 1, duration_ms: 20 * DAY },
      { duration: 28, observed: 0, weight: 1, duration_ms: 28 * DAY },
    ]);
    // Kaplan-Meier: 4 at risk at day 1, one churns: 3/4; day 10: 3/4 x 2/3 = 1/2; day 20: 1/2 x 1/2 = 1/4.
    const { survival } = await survivalTableInSql(client, { table: 'worked', columns: cols, observationEnd, unit: 'day' });
    expect(kaplanMeier(survival).survival).toEqual([0.75, 0.5, 0.25, 0.25]);
    expect(survivalCounts(survival)).toEqual(survivalCounts(survivalFromSubscriptions(records(WORKED), { observationEnd, unit: 'day' })));
  });

  it('observationStart: entry ages, and lives that ended before it left out (weeks)', async () => {
    // Data start Jan 8: a (churned Jan 11, started Jan 1) enters at 7 days = 1 week, lasts 10/7 weeks;
    // b enters at 1 week, lasts 20/7; c (from Jan 3) at 5/7, censored at 28/7 = 4; d (churned Jan 3) is out.
    const options = { table: 'worked', columns: cols, observationEnd: Date.UTC(2024, 0, 31), observationStart: Date.UTC(2024, 0, 8), unit: 'week' } as const;
    const raw = await client.query(`${survivalTableSql({ ...options, dialect: 'duckdb' })} ORDER BY duration`);
    expect(raw.map((r) => [r.duration, r.observed, r.entry, r.weight])).toEqual([
      [10 / 7, 1, 1, 1],
      [20 / 7, 1, 1, 1],
      [4, 0, 5 / 7, 1],
    ]);
    const { survival } = await survivalTableInSql(client, options);
    const { table: _t, columns: _c, ...libraryOptions } = options;
    expect(survivalCounts(survival)).toEqual(survivalCounts(survivalFromSubscriptions(records(WORKED), libraryOptions)));
    expect(survival.entry).toEqual(survival.durations.map((d) => (d === 4 ? 5 / 7 : 1)));
  });

  it('months are 30.436875 days and years 365.2425 days, as in survivalFromSubscriptions', async () => {
    const [month] = await client.query(`${survivalTableSql({ dialect: 'duckdb', table: 'worked', columns: cols, observationEnd: Date.UTC(2024, 0, 31) })} ORDER BY duration LIMIT 1`);
    // 1 day in months: 86,400,000 ms / 2,629,746,000 ms.
    expect(month?.duration).toBe(86_400_000 / 2_629_746_000);
  });
});

describe('cohortRetentionSql: worked example', () => {
  it('counts a return after a churn again, and a touching subscription as no churn', async () => {
    // Months of 2025 (index 12 x 2025 + month - 1: January = 24300).
    // a: Jan 3 .. open.                 In the base at the ends of Jan, Feb, Mar.
    // b: Jan 9 .. Feb 20, back Mar 10 .. open. End of Jan: in; end of Feb: out; end of Mar: in again.
    // c: Feb 2 .. Mar 1, Mar 1 .. open (touching: one interval). Ends of Feb and Mar: in.
    // d: Feb 2 .. Feb 2 (zero length): in the cohort of February, never in the base.
    // January cohort: size 2, retained [2, 1, 2]; February cohort: size 2, retained [1, 1].
    const rows: SubscriptionRow[] = [
      { customerId: 1, start: Date.UTC(2025, 0, 3), end: null },
      { customerId: 2, start: Date.UTC(2025, 0, 9), end: Date.UTC(2025, 1, 20) },
      { customerId: 2, start: Date.UTC(2025, 2, 10), end: null },
      { customerId: 3, start: Date.UTC(2025, 1, 2), end: Date.UTC(2025, 2, 1) },
      { customerId: 3, start: Date.UTC(2025, 2, 1), end: null },
      { customerId: 4, start: Date.UTC(2025, 1, 2), end: Date.UTC(2025, 1, 2) },
    ];
    await loadSubscriptions(client, 'cohort_worked', rows);
    const observationEnd = Date.UTC(2025, 3, 1);
    const raw = await client.query(`${cohortRetentionSql({ dialect: 'duckdb', table: 'cohort_worked', columns: cols, observationEnd })} ORDER BY cohort, k`);
    expect(raw.map((r) => [r.cohort, r.size, r.k, r.retained])).toEqual([
      [24300, 2, 0, 2],
      [24300, 2, 1, 1],
      [24300, 2, 2, 2],
      [24301, 2, 0, 1],
      [24301, 2, 1, 1],
    ]);
    const { retention } = await cohortRetentionInSql(client, { table: 'cohort_worked', columns: cols, observationEnd });
    // Average: column 0 (2 + 1) / (2 + 2) = 0.75; column 1 (1 + 1) / 4 = 0.5; column 2: 2 / 2 = 1.
    expect(retention.averageRetention).toEqual([0.75, 0.5, 1]);
    expect(retention).toEqual(cohortRetention(records(rows), { observationEnd }));
  });

  it('a cohort acquired in the period of observationEnd has no column: one row with k and retained NULL', async () => {
    const raw = await client.query(`${cohortRetentionSql({ dialect: 'duckdb', table: 'cohort_worked', columns: cols, observationEnd: Date.UTC(2025, 1, 15) })} ORDER BY cohort, k`);
    expect(raw.map((r) => [r.cohort, r.size, r.k, r.retained])).toEqual([
      [24300, 2, 0, 2],
      [24301, 2, null, null],
    ]);
    expect(readCohortRetention(raw).cohorts.map((c) => [c.label, c.retained])).toEqual([
      ['2025-01', [2]],
      ['2025-02', []],
    ]);
  });
});

// Random small tables: ids 0..5, starts on a 12-hour grid over 2024 (so that touching, equal and
// boundary instants are frequent), lengths 0..40 half-days or open.
const subArb = fc.record({
  customerId: fc.integer({ min: 0, max: 5 }),
  start: fc.integer({ min: 0, max: 700 }).map((h) => Date.UTC(2024, 0, 1) + h * 12 * 3_600_000),
  length: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 4 }),
});

describe('random subscription tables equal the library (fast-check, seed 15)', () => {
  it('survivalTableInSql = survivalFromSubscriptions and cohortRetentionInSql = cohortRetention: 40 tables, random ends, units and periods', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(subArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 800 }).map((h) => Date.UTC(2024, 0, 1) + h * 12 * 3_600_000),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        fc.constantFrom('day', 'week', 'month', 'year'),
        fc.constantFrom('week', 'month', 'quarter'),
        fc.integer({ min: 0, max: 6 }),
        async (subs, end, startHalfDays, unit, period, weekStartsOn) => {
          const rows: SubscriptionRow[] = subs.map((s) => ({ customerId: s.customerId, start: s.start, end: s.length === null ? null : s.start + s.length * 12 * 3_600_000 }));
          const table = `prop_subs_${n++}`;
          await loadSubscriptions(client, table, rows);
          const observationStart = startHalfDays === undefined ? undefined : Date.UTC(2024, 0, 1) + startHalfDays * 12 * 3_600_000;
          const withStart = observationStart !== undefined && observationStart < end ? { observationStart } : {};
          const survival = await survivalTableInSql(client, { table, columns: cols, observationEnd: end, unit, ...withStart });
          const expected = survivalFromSubscriptions(records(rows), { observationEnd: end, unit, ...withStart });
          expect(survivalCounts(survival.survival), JSON.stringify({ rows, end, unit, withStart })).toEqual(survivalCounts(expected));
          const cohorts = await cohortRetentionInSql(client, { table, columns: cols, observationEnd: end, period, weekStartsOn: weekStartsOn as 0 });
          expect(cohorts.retention, JSON.stringify({ rows, end, period, weekStartsOn })).toEqual(cohortRetention(records(rows), { observationEnd: end, period, weekStartsOn: weekStartsOn as 0 }));
          await client.execute(`DROP TABLE ${table}`);
        },
      ),
      { seed: 15, numRuns: 40 },
    );
  });
});

describe('DuckDB: a hostile table name that exists is quoted and read', () => {
  it('"su""bs; DROP TABLE subs; --" gives the same survival table, and subs stays intact', async () => {
    await client.execute(`CREATE TABLE "su""bs; DROP TABLE subs; --" AS SELECT * FROM subs`);
    const options = { columns: cols, observationEnd: Date.UTC(2024, 5, 30), unit: 'day' } as const;
    const a = await survivalTableInSql(client, { ...options, table: 'su"bs; DROP TABLE subs; --' });
    const b = await survivalTableInSql(client, { ...options, table: 'subs' });
    expect(survivalCounts(a.survival)).toEqual(survivalCounts(b.survival));
    expect(Number((await client.query('SELECT count(*) AS n FROM subs'))[0]?.n)).toBe(generated.length);
  });
});

const good = { dialect: 'postgres', table: 'subs', columns: cols, observationEnd: Date.UTC(2024, 0, 1) } as const;

describe('bad options', () => {
  it.each([
    ['no options', undefined, ['invalid_type options']],
    ['unknown dialect', { ...good, dialect: 'mysql' }, ['invalid_value options.dialect']],
    ['missing end column', { ...good, columns: { customerId: 'id', start: 's' } }, ['invalid_type options.columns.end']],
    ['backtick column for ClickHouse', { ...good, dialect: 'clickhouse', columns: { ...cols, start: 'a`b' } }, ['invalid_value options.columns.start']],
    ['NUL in the table name', { ...good, table: 'su\u0000bs' }, ['invalid_value options.table']],
    ['invalid observationEnd', { ...good, observationEnd: Number.NaN }, ['invalid_date options.observationEnd']],
    ['missing observationEnd', { ...good, observationEnd: undefined }, ['invalid_type options.observationEnd']],
    ['unknown unit', { ...good, unit: 'hour' }, ['invalid_value options.unit']],
    ['observationStart not before the end', { ...good, observationStart: Date.UTC(2024, 0, 1) }, ['invalid_order options.observationStart']],
    ['invalid observationStart', { ...good, observationStart: 'yesterday' }, ['invalid_type options.observationStart']],
    ['a period (not a survival option)', { ...good, period: 'month' }, ['unrecognized_key options.period']],
  ])('survivalTableSql: %s', (_, options, expected) => {
    expect(issueSummaries(() => survivalTableSql(options as never))).toEqual(expected);
  });

  it.each([
    ['no options', undefined, ['invalid_type options']],
    ['day periods (cohortRetention has none)', { ...good, period: 'day' }, ['invalid_value options.period']],
    ['week start 7', { ...good, weekStartsOn: 7 }, ['too_big options.weekStartsOn']],
    ['a unit (not a cohort option)', { ...good, unit: 'day' }, ['unrecognized_key options.unit']],
    ['10,000-character column', { ...good, columns: { ...cols, customerId: 'x'.repeat(10_000) } }, ['invalid_value options.columns.customerId']],
  ])('cohortRetentionSql: %s', (_, options, expected) => {
    expect(issueSummaries(() => cohortRetentionSql(options as never))).toEqual(expected);
  });

  it.each([
    ['an option of another builder', { ...good, unit: 'day' }, ['unrecognized_key options.unit']],
    ['an empty column name', { ...good, columns: { ...cols, end: '' } }, ['invalid_value options.columns.end']],
  ])('invalidSubscriptionRowsSql: %s', (_, options, expected) => {
    expect(issueSummaries(() => invalidSubscriptionRowsSql(options as never))).toEqual(expected);
  });

  it('runners: the client decides the dialect; a bad client and bad invalidRows are reported together', async () => {
    const issues = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as { issues: { code: string; path: unknown[] }[] }).issues.map((i) => `${i.code} ${i.path.join('.')}`);
    expect(await issues(survivalTableInSql(client, { ...good } as never))).toEqual(['unrecognized_key options.dialect']);
    expect(await issues(cohortRetentionInSql({} as never, { table: 'subs', columns: cols, observationEnd: 0, invalidRows: 'skip' } as never))).toEqual([
      'invalid_value client.dialect',
      'invalid_type client.query',
      'invalid_type client.execute',
      'invalid_value options.invalidRows',
    ]);
  });
});

describe('readers: bad rows', () => {
  it.each([
    ['not an array', 'rows', undefined, ['invalid_type rows']],
    ['a fractional duration', [{ duration_ms: 1.5, observed: 1, weight: 1 }], undefined, ['invalid_type rows.0.duration_ms']],
    ['observed 2', [{ duration_ms: 1, observed: 2, weight: 1 }], undefined, ['too_big rows.0.observed']],
    ['weight 0', [{ duration_ms: 1, observed: 1, weight: 0 }], undefined, ['too_small rows.0.weight']],
    ['entry on some rows only', [{ duration_ms: 1, observed: 1, weight: 1 }, { duration_ms: 1, observed: 1, weight: 1, entry_ms: 0 }], undefined, ['invalid_structure rows.1.entry_ms']],
    ['a bad unit', [], { unit: 'hour' }, ['invalid_value options.unit']],
    ['a bad unit and a bad row (both reported)', [{ duration_ms: 1, observed: 1, weight: 1 }, { duration_ms: -1, observed: 1, weight: 1 }], { unit: 'hour' }, ['invalid_value options.unit', 'too_small rows.1.duration_ms']],
    ['options that are not an object and a bad row', [{ duration_ms: 1, observed: 3, weight: 1 }], 'day', ['invalid_type options', 'too_big rows.0.observed']],
  ])('readSurvivalTable: %s', (_, rows, options, expected) => {
    expect(issueSummaries(() => readSurvivalTable(rows as never, options as never))).toEqual(expected);
  });

  it.each([
    ['retained above the size', [{ cohort: 1, size: 2, k: 0, retained: 3 }], ['too_big rows.0.retained']],
    ['a gap in the columns', [{ cohort: 1, size: 2, k: 0, retained: 1 }, { cohort: 1, size: 2, k: 2, retained: 1 }], ['invalid_structure rows.0.k']],
    ['sizes that differ', [{ cohort: 1, size: 2, k: 0, retained: 1 }, { cohort: 1, size: 3, k: 1, retained: 1 }], ['invalid_structure rows.1.size']],
    ['cohorts ending at different columns', [{ cohort: 1, size: 2, k: 0, retained: 1 }, { cohort: 2, size: 1, k: 0, retained: 1 }], ['invalid_structure rows.1.cohort']],
    ['retained without k', [{ cohort: 1, size: 2, k: null, retained: 1 }], ['invalid_structure rows.0.retained']],
    ['two cohorts without columns in different periods', [{ cohort: 0, size: 1, k: null, retained: null }, { cohort: 2000, size: 1, k: null, retained: null }], ['invalid_structure rows.1.cohort']],
    ['a repeated column', [{ cohort: 1, size: 2, k: 0, retained: 1 }, { cohort: 1, size: 2, k: 0, retained: 1 }], ['invalid_structure rows.1.k']],
  ])('readCohortRetention: %s', (_, rows, expected) => {
    expect(issueSummaries(() => readCohortRetention(rows as never))).toEqual(expected);
  });

  it('readCohortRetention refuses a table of more than 2,000 periods, as cohortRetention does', () => {
    const rows = [
      { cohort: 0, size: 1, k: 0, retained: 1 },
      ...Array.from({ length: 2000 }, (_, k) => ({ cohort: 0, size: 1, k: k + 1, retained: 1 })),
    ];
    expect(issueSummaries(() => readCohortRetention(rows))).toEqual(['too_big rows']);
    expect(() => cohortRetention([{ customerId: 1, start: 0 }], { observationEnd: Date.UTC(2137, 0, 1) })).toThrow(/at most 2000 periods/);
  });

  it('cohortRetentionInSql refuses an observationEnd more than 2,000 periods after the earliest start with cohortRetention\'s issue; the engine stops its grid at 2,000 columns', async () => {
    // worked table: earliest start 2024-01-01; weeks to 2070 are about 2,400 periods.
    const options = { table: 'worked', columns: cols, observationEnd: Date.UTC(2070, 0, 1), period: 'week' } as const;
    const summary = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as { issues: { code: string; path: unknown[] }[] }).issues.map((i) => `${i.code} ${i.path.join('.')}`);
    expect(await summary(cohortRetentionInSql(client, options))).toEqual(['too_big options.observationEnd']);
    expect(issueSummaries(() => cohortRetention(records(WORKED), { observationEnd: options.observationEnd, period: 'week' }))).toEqual(['too_big options.observationEnd']);
    const [row] = await client.query(`SELECT max(k) AS k FROM (${cohortRetentionSql({ ...options, dialect: 'duckdb' })}) AS t`);
    expect(row?.k).toBe(1999);
    // Just inside: 1,999 columns for the earliest cohort (2,000 periods) is what cohortRetention still tabulates.
    const end = Date.UTC(2024, 0, 1) + (2000 * 7 - 1) * DAY;
    const inside = await cohortRetentionInSql(client, { ...options, observationEnd: end });
    expect(inside.retention).toEqual(cohortRetention(records(WORKED), { observationEnd: end, period: 'week' }));
  });
});
