/**
 * npsCountsSql's boundary and a worked example; the engine comparisons are in
 * test/sql-duckdb.test.ts and the engine suites (describeNpsCounts).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { npsCountsSql } from './index.js';

const good = { dialect: 'postgres', table: 'survey', columns: { score: 'score' } } as const;

describe('npsCountsSql', () => {
  it('worked example with lenient bands (0-5 detractors, 6-8 passives): scores 5, 6, 9, 10, 12 -> 1, 1, 2 and 1 invalid', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run('CREATE TABLE survey AS SELECT * FROM (VALUES (5), (6), (9), (10), (12)) AS t(score)');
    const sql = npsCountsSql({ dialect: 'duckdb', table: 'survey', columns: { score: 'score' }, bands: { detractorMax: 5, passiveMax: 8 } });
    expect((await db.runAndReadAll(sql)).getRowObjectsJson()).toEqual([{ detractors: '1', passives: '1', promoters: '2', invalid: '1' }]);
  });

  it.each([
    ['no options', undefined, ['invalid_type options']],
    ['period without a timestamp column', { ...good, period: 'month' }, ['invalid_structure options.period']],
    ['bands out of order', { ...good, bands: { detractorMax: 7, passiveMax: 6 } }, ['invalid_order options.bands.passiveMax']],
    ['band above 10', { ...good, bands: { detractorMax: 6, passiveMax: 10 } }, ['too_big options.bands.passiveMax']],
    ['hostile segment column for ClickHouse', { ...good, dialect: 'clickhouse', columns: { score: 'score', segment: 'a`b' } }, ['invalid_value options.columns.segment']],
    ['NUL in the table name', { ...good, table: 'sur\u0000vey' }, ['invalid_value options.table']],
    ['unknown option', { ...good, observationEnd: 0 }, ['unrecognized_key options.observationEnd']],
  ])('bad options: %s', (_, options, expected) => {
    expect(issueSummaries(() => npsCountsSql(options as never))).toEqual(expected);
  });

  it('quotes the identifiers and groups by them', () => {
    expect(npsCountsSql({ ...good, columns: { score: 'Score', segment: 'Chan"nel' } })).toContain('FROM "survey" GROUP BY "Chan""nel"');
  });
});
