/**
 * The retention equivalence suite every engine passes (DuckDB in `npm test`; PostgreSQL, single-node
 * and two-shard ClickHouse in `npm run test:engines`): survivalTableSql / survivalTableInSql equal
 * survivalFromSubscriptions (and kaplanMeier of both agree), cohortRetentionSql /
 * cohortRetentionInSql equal cohortRetention, on generated subscription tables full of the edge
 * cases of the merge (overlaps, touching subscriptions, zero-length ones, returns after a churn,
 * ends exactly at the observation end and at period boundaries); bad rows are counted per reason;
 * hostile identifiers leave the table intact.
 */
import { describe, expect, it } from 'vitest';
import { isMetricsInputError } from '../../src/errors.js';
import { cohortRetention, kaplanMeier, survivalFromSubscriptions, type SubscriptionRecord } from '../../src/retention/index.js';
import { cohortRetentionInSql, survivalTableInSql, SqlQueryError, type SqlClient, type SurvivalUnit } from '../../src/sql/index.js';
import { seeded } from '../hostile/cases.js';
import { HOSTILE_NAMES, type EngineUnderTest } from './sql-suite.js';

const DAY = 86_400_000;

/** A subscription with epoch-ms start and end (null = open). */
export interface SubscriptionRow {
  readonly customerId: number;
  readonly start: number;
  readonly end: number | null;
}

/**
 * Random subscriptions of `customers` customers over 2023-2024: 1-4 each; starts on whole days
 * (often the 1st of a month or a Monday: period boundaries), or at any second; ends open, zero-length,
 * touching the next start, overlapping, or after a gap. `stepMs` is the time resolution (1000 for
 * ClickHouse's DateTime).
 */
export function generateSubscriptions(seed: number, customers: number, stepMs = 1000): SubscriptionRow[] {
  // The hostile suite's seeded generator (mulberry32): every engine sees the same tables.
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out: SubscriptionRow[] = [];
  const base = Date.UTC(2023, 0, 1);
  for (let c = 0; c < customers; c++) {
    const n = 1 + Math.floor(rnd() * 4);
    let t = base + Math.floor(rnd() * 600) * DAY;
    if (rnd() < 0.3) t = Date.UTC(2023, Math.floor(rnd() * 20), 1); // a month boundary
    for (let i = 0; i < n; i++) {
      const start = rnd() < 0.5 ? t : t + Math.floor((rnd() * DAY) / stepMs) * stepMs;
      const kind = pick(['open', 'zero', 'short', 'long', 'long', 'boundary'] as const);
      let end: number | null;
      if (kind === 'open') end = rnd() < 0.5 ? null : start + Math.floor(rnd() * 900) * DAY;
      else if (kind === 'zero') end = start;
      else if (kind === 'short') end = start + Math.floor((rnd() * 3 * DAY) / stepMs) * stepMs;
      else if (kind === 'boundary') end = Date.UTC(2023, 1 + Math.floor(rnd() * 24), 1);
      else end = start + Math.floor(rnd() * 200) * DAY;
      if (end !== null && end < start) end = start;
      out.push({ customerId: c, start, end });
      // The next subscription touches this one, overlaps it, or comes after a gap.
      const next = pick(['touch', 'overlap', 'gap', 'same'] as const);
      const e = end ?? start + 30 * DAY;
      t = next === 'touch' ? e : next === 'overlap' ? start + Math.floor((e - start) / 2 / stepMs) * stepMs : next === 'same' ? start : e + Math.floor(rnd() * 90) * DAY;
    }
  }
  return out;
}

/** A timestamp literal (UTC) for INSERT ... VALUES, or NULL. */
function ts(ms: number | null, dialect: SqlClient['dialect']): string {
  if (ms === null) return 'NULL';
  const iso = new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  return dialect === 'clickhouse' ? `'${iso.slice(0, 19)}'` : `TIMESTAMP '${iso}'`;
}

/** Creates `table` (customer_id, started, ended) and inserts `rows` (ids may be NULL, starts NULL). */
export async function loadSubscriptions(client: SqlClient, table: string, rows: readonly { customerId: number | null; start: number | null; end: number | null }[], engineClause = ''): Promise<void> {
  const d = client.dialect;
  await client.execute(`DROP TABLE IF EXISTS ${table}`);
  const types = d === 'clickhouse' ? ['Nullable(Int64)', 'Nullable(DateTime)'] : ['BIGINT', 'TIMESTAMP'];
  const engine = d === 'clickhouse' ? engineClause || ' ENGINE = Memory' : '';
  await client.execute(`CREATE TABLE ${table} (customer_id ${types[0]}, started ${types[1]}, ended ${types[1]})${engine}`);
  for (let i = 0; i < rows.length; i += 2000) {
    const values = rows.slice(i, i + 2000).map((r) => `(${r.customerId ?? 'NULL'}, ${ts(r.start, d)}, ${ts(r.end, d)})`);
    if (values.length > 0) await client.execute(`INSERT INTO ${table} (customer_id, started, ended) VALUES ${values.join(', ')}`);
  }
}

/** The records of `rows` for src/retention. */
export function records(rows: readonly SubscriptionRow[]): SubscriptionRecord[] {
  return rows.map((r) => (r.end === null ? { customerId: r.customerId, start: r.start } : { customerId: r.customerId, start: r.start, end: r.end }));
}

/** survivalFromSubscriptions' result as a map "duration observed entry" -> customers. */
export function survivalCounts(data: { durations: readonly number[]; observed: readonly (boolean | number)[]; entry?: readonly number[] | undefined; weights?: readonly number[] }): Map<string, number> {
  const out = new Map<string, number>();
  data.durations.forEach((d, i) => {
    const key = `${d} ${data.observed[i] === true || data.observed[i] === 1 ? 1 : 0} ${data.entry?.[i] ?? '-'}`;
    out.set(key, (out.get(key) ?? 0) + (data.weights?.[i] ?? 1));
  });
  return out;
}

/** The observation ends / starts of the equivalence tests: inside the data, at a month start, at a Monday. */
export const OBSERVATION_CASES: readonly { end: number; start?: number; unit: SurvivalUnit }[] = [
  { end: Date.UTC(2024, 5, 30, 13, 5, 7), unit: 'day' },
  { end: Date.UTC(2024, 0, 1), unit: 'month' },
  { end: Date.UTC(2023, 9, 2), start: Date.UTC(2023, 5, 1), unit: 'week' },
  { end: Date.UTC(2025, 6, 1), start: Date.UTC(2024, 1, 29, 12), unit: 'year' },
];

/** Registers the survival and cohort equivalence tests for one engine on a generated table. */
export function describeRetentionEquivalence(engine: EngineUnderTest & { readonly subscriptions: string }, rows: readonly SubscriptionRow[]): void {
  const cols = { customerId: 'customer_id', start: 'started', end: 'ended' } as const;
  const recs = records(rows);
  describe(`${engine.name}: survival tables equal survivalFromSubscriptions (${rows.length} generated subscriptions)`, () => {
    it.each(OBSERVATION_CASES.map((c) => [new Date(c.end).toISOString(), c.start === undefined ? '-' : new Date(c.start).toISOString(), c.unit, c] as const))(
      'observationEnd %s, observationStart %s, unit %s: every (duration, observed, entry) with its count exactly, and kaplanMeier equal',
      async (_, __, ___, c) => {
        const client = engine.client();
        const options = { table: engine.subscriptions, columns: cols, observationEnd: c.end, unit: c.unit, ...(c.start === undefined ? {} : { observationStart: c.start }) };
        const result = await survivalTableInSql(client, options);
        const expected = survivalFromSubscriptions(recs, { observationEnd: c.end, unit: c.unit, ...(c.start === undefined ? {} : { observationStart: c.start }) });
        expect(survivalCounts(result.survival)).toEqual(survivalCounts(expected));
        expect(result.customers).toBe(expected.durations.length);
        expect(result.customers).toBeGreaterThan(10);
        const a = kaplanMeier(result.survival);
        const b = kaplanMeier(expected);
        expect(a.time).toEqual(b.time);
        expect(a.atRisk).toEqual(b.atRisk);
        // Weighted and unweighted event tables add the same integers: the curves agree to rounding.
        a.survival.forEach((s, i) => expect(Math.abs(s - (b.survival[i] as number))).toBeLessThanOrEqual(1e-15));
      },
    );
  });

  describe(`${engine.name}: cohort triangles equal cohortRetention`, () => {
    it.each([
      ['month', 1, Date.UTC(2024, 11, 31, 23, 59, 59)],
      ['week', 1, Date.UTC(2023, 8, 4)],
      ['week', 0, Date.UTC(2023, 11, 17, 12)],
      ['quarter', 1, Date.UTC(2025, 0, 1)],
      ['year', 1, Date.UTC(2026, 5, 1)],
    ] as const)('period %s, week start %i, observationEnd %s: the result equals cohortRetention exactly', async (period, weekStartsOn, end) => {
      const client = engine.client();
      const { retention, rows: counts } = await cohortRetentionInSql(client, { table: engine.subscriptions, columns: cols, observationEnd: end, period, weekStartsOn });
      const expected = cohortRetention(recs, { observationEnd: end, period, weekStartsOn });
      expect(retention).toEqual(expected);
      expect(expected.cohorts.length).toBeGreaterThan(1);
      expect(counts).toEqual({ rows: rows.length, validRows: rows.length, invalid: { customerIdNull: 0, startNull: 0, endBeforeStart: 0 } });
    });
  });
}

/** The bad subscription rows (customer_id, start, end) and what each is. */
export const BAD_SUBSCRIPTIONS: readonly { customerId: number | null; start: number | null; end: number | null }[] = [
  { customerId: 1, start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 11) }, // valid: 10 days, churned
  { customerId: 2, start: Date.UTC(2024, 0, 5), end: null }, // valid: open, censored
  { customerId: 2, start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 5) }, // valid: touches the open one
  { customerId: null, start: Date.UTC(2024, 0, 1), end: null }, // customerIdNull
  { customerId: 3, start: null, end: Date.UTC(2024, 0, 9) }, // startNull
  { customerId: 4, start: Date.UTC(2024, 0, 9), end: Date.UTC(2024, 0, 8) }, // endBeforeStart
  { customerId: null, start: null, end: null }, // customerIdNull and startNull
];

/** Registers the bad-row and hostile-identifier tests of the retention builders for one engine. */
export function describeRetentionBadInput(engine: EngineUnderTest): void {
  const cols = { customerId: 'customer_id', start: 'started', end: 'ended' } as const;
  const observationEnd = Date.UTC(2024, 0, 31);
  describe(`${engine.name}: bad subscription rows`, () => {
    it('are counted per reason, refused by default, excluded on request (then equal to the library on the valid rows)', async () => {
      const client = engine.client();
      const table = engine.scratch('bad_subs');
      await loadSubscriptions(client, table, BAD_SUBSCRIPTIONS);
      const options = { table, columns: cols, observationEnd, unit: 'day' } as const;
      for (const run of [() => survivalTableInSql(client, options), () => cohortRetentionInSql(client, { table, columns: cols, observationEnd })]) {
        const error = await run().catch((e: unknown) => e);
        expect(isMetricsInputError(error)).toBe(true);
        const tail = " (set invalidRows: 'exclude' to leave them out and count them)";
        expect((error as { issues: unknown[] }).issues).toEqual([
          { code: 'invalid_value', path: ['options', 'table', 'customerIdNull'], message: `2 rows have a NULL customer id${tail}` },
          { code: 'invalid_value', path: ['options', 'table', 'startNull'], message: `2 rows have a NULL start${tail}` },
          { code: 'invalid_value', path: ['options', 'table', 'endBeforeStart'], message: `1 rows end before they start${tail}` },
        ]);
      }
      // Only the reasons with rows are refused: the valid rows and the one that ends before it starts.
      const oneReason = engine.scratch('bad_subs_one');
      await loadSubscriptions(client, oneReason, [...BAD_SUBSCRIPTIONS.slice(0, 3), BAD_SUBSCRIPTIONS[5] as SubscriptionRow]);
      const refused = await survivalTableInSql(client, { ...options, table: oneReason }).catch((e: unknown) => e);
      expect(isMetricsInputError(refused) && refused.issues.map((i) => i.path.join('.'))).toEqual(['options.table.endBeforeStart']);
      const survival = await survivalTableInSql(client, { ...options, invalidRows: 'exclude' });
      const counts = { rows: 7, validRows: 3, invalid: { customerIdNull: 2, startNull: 2, endBeforeStart: 1 } };
      expect(survival.rows).toEqual(counts);
      const valid = records(BAD_SUBSCRIPTIONS.slice(0, 3) as SubscriptionRow[]);
      // 1: Jan 1 .. Jan 11, 10 days, churned; 2: Jan 1 .. (touching) open, censored at Jan 31 after 30 days.
      expect(survivalCounts(survival.survival)).toEqual(new Map([['10 1 -', 1], ['30 0 -', 1]]));
      expect(survivalCounts(survival.survival)).toEqual(survivalCounts(survivalFromSubscriptions(valid, { observationEnd, unit: 'day' })));
      const cohorts = await cohortRetentionInSql(client, { table, columns: cols, observationEnd, invalidRows: 'exclude' });
      expect(cohorts.rows).toEqual(counts);
      expect(cohorts.retention).toEqual(cohortRetention(valid, { observationEnd }));
    });
  });

  describe(`${engine.name}: hostile identifiers in the retention builders`, () => {
    it.each(HOSTILE_NAMES.map((n) => [JSON.stringify(n.length > 40 ? `${n.slice(0, 10)}... (${n.length} chars)` : n), n]))('%s as table and as each column: refused or quoted, table intact', async (_, name) => {
      const client = engine.client();
      const table = engine.scratch('hostile_subs');
      await loadSubscriptions(client, table, BAD_SUBSCRIPTIONS.slice(0, 3));
      const count = async () => Number((await client.query(`SELECT count(*) AS n FROM ${table}`))[0]?.n);
      for (const options of [
        { table: name, columns: cols, observationEnd },
        { table, columns: { ...cols, customerId: name }, observationEnd },
        { table, columns: { ...cols, start: name }, observationEnd },
        { table, columns: { ...cols, end: name }, observationEnd },
      ]) {
        for (const run of [() => survivalTableInSql(client, options), () => cohortRetentionInSql(client, options)]) {
          const error = await run().then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(isMetricsInputError(error) || error instanceof SqlQueryError, `outcome for ${JSON.stringify(name.slice(0, 30))}: ${String(error)}`).toBe(true);
        }
      }
      expect(await count()).toBe(3);
    });
  });
}
