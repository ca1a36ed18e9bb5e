/**
 * npsCountsSql's options, case by case (against the survivors of mutation run sql3a,
 * docs/quality.md, fourth session): every bad column at its own path, options that are not an
 * object, bands that meet (no passives), and the week start of a weekly trend.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { issueSummaries, thrownIssues } from '../../test/helpers/thrown-issues.js';
import { npsCountsSql } from './index.js';

const good = { dialect: 'duckdb', table: 'survey', columns: { score: 'score' } } as const;

describe('npsCountsSql options', () => {
  it.each<[string, unknown, string[]]>([
    ['an empty score column', { ...good, columns: { score: '' } }, ['invalid_value options.columns.score']],
    ['a timestamp column with a control character', { ...good, columns: { score: 'score', timestamp: 't\u0001s' }, period: 'week' }, ['invalid_value options.columns.timestamp']],
    ['options null', null, ['invalid_type options']],
    ['options a string', 'survey', ['invalid_type options']],
  ])('%s', (_, options, expected) => {
    expect(issueSummaries(() => npsCountsSql(options as never))).toEqual(expected);
  });

  it('messages: options missing is "is required", not an object "must be an object"', () => {
    expect(thrownIssues(() => npsCountsSql(undefined as never))[0]?.message).toBe('is required');
    expect(thrownIssues(() => npsCountsSql(null as never))[0]?.message).toBe('must be an object');
  });

  it('bands that meet (passiveMax = detractorMax) are accepted: nobody is a passive', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run('CREATE TABLE survey AS SELECT * FROM (VALUES (6), (7), (8)) AS t(score)');
    const sql = npsCountsSql({ ...good, bands: { detractorMax: 7, passiveMax: 7 } });
    expect((await db.runAndReadAll(sql)).getRowObjectsJson()).toEqual([{ detractors: '2', passives: '0', promoters: '1', invalid: '0' }]);
  });

  it('weekStartsOn decides the week of an answer: Sunday 2024-01-07 is in the week of Monday Jan 1 by default, a new week when weeks start on Sunday', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run("CREATE TABLE survey AS SELECT * FROM (VALUES (10, DATE '2024-01-01'), (10, DATE '2024-01-07')) AS t(score, day)");
    const weeks = async (weekStartsOn?: 0 | 1) => {
      const sql = npsCountsSql({ ...good, columns: { score: 'score', timestamp: 'day' }, period: 'week', ...(weekStartsOn === undefined ? {} : { weekStartsOn }) });
      return (await db.runAndReadAll(sql)).getRowObjectsJson().length;
    };
    expect(await weeks()).toBe(1);
    expect(await weeks(1)).toBe(1);
    expect(await weeks(0)).toBe(2);
  });
});
