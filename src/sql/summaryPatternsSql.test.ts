/**
 * summaryPatternsSql's `covariates` option and readSummaryPatterns' `covariates`: bad options (every
 * problem with its path), the SQL shape per dialect, and the reader's refusals. Engine results (the
 * pattern fit equals the row fit) are in test/helpers/sql-covariates-suite.ts, run on DuckDB by
 * test/sql-duckdb.test.ts and on PostgreSQL and ClickHouse by the engine suites.
 */
import { describe, expect, it } from 'vitest';
import { issueSummaries } from '../../test/helpers/thrown-issues.js';
import { readSummaryPatterns, summaryPatternsSql } from './index.js';

const good = { dialect: 'duckdb', table: 'tx', columns: { customerId: 'id', timestamp: 'ts' }, observationEnd: Date.UTC(2024, 0, 31) } as const;

describe('summaryPatternsSql: covariates option', () => {
  it.each<[string, unknown, string[]]>([
    ['not an object', 'referral', ['invalid_type options.covariates']],
    ['no columns', {}, ['invalid_type options.covariates.columns']],
    ['empty columns', { columns: [] }, ['too_small options.covariates.columns']],
    ['a reserved name (case-insensitive)', { columns: ['Weight'] }, ['invalid_value options.covariates.columns.0']],
    ['T and t both reserved', { columns: ['t'] }, ['invalid_value options.covariates.columns.0']],
    ['a duplicate differing in case', { columns: ['referral', 'Referral'] }, ['invalid_value options.covariates.columns.1']],
    ['a control character', { columns: ['a\nb'] }, ['invalid_value options.covariates.columns.0']],
    ['a bad customer table', { columns: ['x'], table: 'a..b' }, ['invalid_value options.covariates.table']],
    ['a bad key column', { columns: ['x'], customerId: '' }, ['invalid_value options.covariates.customerId']],
    ['an unknown key', { columns: ['x'], on: 'id' }, ['unrecognized_key options.covariates.on']],
    ['several at once', { columns: ['frequency', 'x', 'x'], customerId: '' }, ['invalid_value options.covariates.columns.0', 'invalid_value options.covariates.columns.2', 'invalid_value options.covariates.customerId']],
  ])('%s', (_, covariates, expected) => {
    expect(issueSummaries(() => summaryPatternsSql({ ...good, covariates } as never))).toEqual(expected);
  });

  it('a backtick in a covariate column is refused for ClickHouse', () => {
    expect(issueSummaries(() => summaryPatternsSql({ ...good, dialect: 'clickhouse', covariates: { columns: ['a`b'] } }))).toEqual(['invalid_value options.covariates.columns.0']);
  });

  it('without covariates the SQL is unchanged; with them, quoted columns, a LEFT JOIN on the customer table and the two check counts', () => {
    const plain = summaryPatternsSql(good);
    expect(plain).not.toContain('JOIN');
    const sql = summaryPatternsSql({ ...good, covariates: { table: 'crm.customers', customerId: 'cid', columns: ['we"ird'] } });
    expect(sql).toContain('LEFT JOIN (SELECT "cid" AS customer_id');
    expect(sql).toContain('FROM "crm"."customers"');
    expect(sql).toContain('AS "we""ird"');
    expect(sql).toContain('"covariate_missing"');
    expect(sql).toContain('"covariate_conflicts"');
    // ClickHouse: its join syntax; the transaction table when no customer table is named.
    const ch = summaryPatternsSql({ ...good, dialect: 'clickhouse', covariates: { columns: ['referral'] } });
    expect(ch).toContain('ALL LEFT JOIN (SELECT `id` AS customer_id');
    expect(ch).toContain('FROM `tx` WHERE `id` IS NOT NULL');
  });
});

describe('readSummaryPatterns: covariates', () => {
  const row = { frequency: '1', recency: 2, T: 5, weight: '3', referral: 1, value: '2.5', covariate_missing: '0', covariate_conflicts: 0 };

  it('reads the named covariates as numbers (numeric strings too) and keeps nothing else', () => {
    expect(readSummaryPatterns([row], { covariates: ['referral', 'value'] })).toEqual([{ frequency: 1, recency: 2, T: 5, weight: 3, referral: 1, value: 2.5 }]);
    expect(readSummaryPatterns([row])).toEqual([{ frequency: 1, recency: 2, T: 5, weight: 3 }]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a missing customer', { ...row, covariate_missing: '2', referral: null }, ['invalid_value rows.0.covariate_missing']],
    ['conflicting rows', { ...row, covariate_conflicts: 1 }, ['invalid_value rows.0.covariate_conflicts']],
    ['no check columns (not from summaryPatternsSql with covariates)', { frequency: 1, recency: 2, T: 5, weight: 3, referral: 1, value: 2 }, ['invalid_type rows.0.covariate_missing', 'invalid_type rows.0.covariate_conflicts']],
    ['a covariate column absent', { ...row, value: undefined }, ['invalid_type rows.0.value']],
    ['a NULL value with no missing count', { ...row, referral: null }, ['invalid_type rows.0.referral']],
    ['not finite', { ...row, referral: Number.POSITIVE_INFINITY }, ['not_finite rows.0.referral']],
    ['text that is not a number', { ...row, value: 'high' }, ['invalid_type rows.0.value']],
  ])('refuses %s', (_, bad, expected) => {
    expect(issueSummaries(() => readSummaryPatterns([bad], { covariates: ['referral', 'value'] }))).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['options not an object', 3, ['invalid_type options']],
    ['covariates not an array', { covariates: 'referral' }, ['invalid_type options.covariates']],
    ['a reserved name', { covariates: ['weight'] }, ['invalid_value options.covariates.0']],
    ['a duplicate', { covariates: ['a', 'a'] }, ['invalid_value options.covariates.1']],
    ['an unknown option', { covariate: ['a'] }, ['unrecognized_key options.covariate']],
  ])('refuses options: %s', (_, options, expected) => {
    expect(issueSummaries(() => readSummaryPatterns([row], options as never))).toEqual(expected);
  });
});
