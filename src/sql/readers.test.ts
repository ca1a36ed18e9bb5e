/**
 * The row readers' boundary, case by case: every problem of a call is reported at its own path (a
 * bad argument never turns into a raw TypeError or DecimalError from the reading that follows), the
 * covariate names that would clash with a pattern's own fields are refused, and a covariate value
 * is a number or numeric text, nothing that only converts to one. Written against the survivors of
 * the 2026-12-07 mutation run of src/sql (docs/quality.md, fourth session).
 */
import { describe, expect, it } from 'vitest';
import { issueSummaries, thrownIssues } from '../../test/helpers/thrown-issues.js';
import { readSpendPatterns, readSummaryPatterns, readSummaryRows, readSurvivalTable } from './index.js';

describe('readSpendPatterns: bad input', () => {
  const good = { frequency: 2, repeat_total_units: '2501', weight: '7' };

  it.each<[string, unknown, string[]]>([
    ['rows missing', undefined, ['invalid_type rows']],
    ['rows not an array', 'rows', ['invalid_type rows']],
    ['a row not an object', [good, null], ['invalid_type rows.1']],
    ['a weight that is not a whole number', [{ ...good, weight: '7.5' }], ['invalid_type rows.0.weight']],
    ['a weight of 0 (a pattern stands for at least one customer)', [{ ...good, weight: 0 }], ['too_small rows.0.weight']],
    ['a frequency of 0 (spend patterns are repeat customers)', [{ ...good, frequency: '0' }], ['too_small rows.0.frequency']],
    ['every column of the second row bad', [good, { frequency: 'x', repeat_total_units: 1.5, weight: -1 }], ['invalid_type rows.1.frequency', 'invalid_type rows.1.repeat_total_units', 'too_small rows.1.weight']],
  ])('%s', (_, rows, expected) => {
    expect(issueSummaries(() => readSpendPatterns(rows as never))).toEqual(expected);
  });

  it('bad options beside valid rows: only the options issue (the rows are not read with a missing scale); both when both are bad', () => {
    expect(issueSummaries(() => readSpendPatterns([good], { amountScale: 7 }))).toEqual(['too_big options.amountScale']);
    expect(issueSummaries(() => readSpendPatterns('rows' as never, { amountScale: -1 }))).toEqual(['too_small options.amountScale', 'invalid_type rows']);
  });

  it('amountScale 3 reads the units as thousandths: 2501 over 2 periods is 1.2505', () => {
    expect(readSpendPatterns([good], { amountScale: 3 })[0]?.monetaryValue.toString()).toBe('1.2505');
  });
});

describe('readSummaryRows: bad options beside valid rows', () => {
  it('reports the options only, never a DecimalError from reading units with no scale', () => {
    const rows = [{ customer_id: 'a', frequency: 1, recency: 1, T: 2, repeat_total_units: '100' }];
    expect(issueSummaries(() => readSummaryRows(rows, { amountScale: 2.5 }))).toHaveLength(1);
    expect(issueSummaries(() => readSummaryRows(rows, { amountScale: 7 }))).toEqual(['too_big options.amountScale']);
  });
});

describe('readSummaryPatterns: bad input', () => {
  const good = { frequency: '1', recency: 2, T: 5, weight: '3' };

  it.each<[string, unknown, string[]]>([
    ['rows missing', undefined, ['invalid_type rows']],
    ['rows not an array', { 0: good }, ['invalid_type rows']],
    ['a fractional frequency', [{ ...good, frequency: '1.5' }], ['invalid_type rows.0.frequency']],
    ['a negative frequency', [{ ...good, frequency: -1 }], ['too_small rows.0.frequency']],
    ['a recency that is not a number', [{ ...good, recency: 'two' }], ['invalid_type rows.0.recency']],
    ['a negative recency', [{ ...good, recency: -2 }], ['too_small rows.0.recency']],
    ['an infinite T', [{ ...good, T: Number.POSITIVE_INFINITY }], ['not_finite rows.0.T']],
    ['a weight of 0', [{ ...good, weight: 0 }], ['too_small rows.0.weight']],
    ['recency after T', [{ ...good, recency: 6 }], ['invalid_order rows.0.recency']],
    ['a recency with frequency 0', [{ ...good, frequency: 0 }], ['invalid_structure rows.0.recency']],
  ])('%s', (_, rows, expected) => {
    expect(issueSummaries(() => readSummaryPatterns(rows as never))).toEqual(expected);
  });

  it('an options object without covariates reads no covariate (the same patterns as no options)', () => {
    expect(readSummaryPatterns([good], {})).toEqual([{ frequency: 1, recency: 2, T: 5, weight: 3 }]);
    expect(readSummaryPatterns([good], { covariates: undefined })).toEqual([{ frequency: 1, recency: 2, T: 5, weight: 3 }]);
  });

  it('options null or a string: one invalid_type issue, the rows not read', () => {
    expect(issueSummaries(() => readSummaryPatterns([good], null as never))).toEqual(['invalid_type options']);
    expect(issueSummaries(() => readSummaryPatterns([good], 'referral' as never))).toEqual(['invalid_type options']);
  });

  it.each(['frequency', 'recency', 'T', 'weight', '__proto__', 'constructor', 'prototype'])('the covariate name %j is refused (a pattern field or an object key with a meaning)', (name) => {
    expect(issueSummaries(() => readSummaryPatterns([good], { covariates: ['referral', name] }))).toEqual(['invalid_value options.covariates.1']);
  });

  it('a covariate name that is empty or not a string is refused', () => {
    expect(issueSummaries(() => readSummaryPatterns([good], { covariates: [''] }))).toEqual(['invalid_value options.covariates.0']);
    expect(issueSummaries(() => readSummaryPatterns([good], { covariates: ['a', 3, null] } as never))).toEqual(['invalid_value options.covariates.1', 'invalid_value options.covariates.2']);
  });

  it('a covariate value must be a number or numeric text: an array or an object that converts to a number is refused', () => {
    const row = { ...good, covariate_missing: 0, covariate_conflicts: '0' };
    expect(readSummaryPatterns([{ ...row, referral: '1e0' }], { covariates: ['referral'] })).toEqual([{ frequency: 1, recency: 2, T: 5, weight: 3, referral: 1 }]);
    expect(issueSummaries(() => readSummaryPatterns([{ ...row, referral: [1] }], { covariates: ['referral'] }))).toEqual(['invalid_type rows.0.referral']);
    expect(issueSummaries(() => readSummaryPatterns([{ ...row, referral: { valueOf: () => 1, toString: () => '1' } }], { covariates: ['referral'] }))).toEqual(['invalid_type rows.0.referral']);
    expect(issueSummaries(() => readSummaryPatterns([{ ...row, referral: true }], { covariates: ['referral'] }))).toEqual(['invalid_type rows.0.referral']);
  });

  it('messages say whether the covariate column is absent or its value is not a finite number', () => {
    const row = { ...good, covariate_missing: 0, covariate_conflicts: 0 };
    const [absent] = thrownIssues(() => readSummaryPatterns([row], { covariates: ['referral'] }));
    expect(absent?.message).toBe('is required: it is named in the covariates');
    const [bad] = thrownIssues(() => readSummaryPatterns([{ ...row, referral: 'high' }], { covariates: ['referral'] }));
    expect(bad?.message).toBe('must be a finite number');
    const [nullValue] = thrownIssues(() => readSummaryPatterns([{ ...row, referral: null }], { covariates: ['referral'] }));
    expect(nullValue?.message).toBe('must be a finite number');
  });

  it('a pattern with missing customers and a NULL value: only the covariate_missing issue, with a message that says why', () => {
    const issues = thrownIssues(() => readSummaryPatterns([{ ...good, covariate_missing: 1, covariate_conflicts: 0, referral: null }], { covariates: ['referral'] }));
    expect(issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(['invalid_value rows.0.covariate_missing']);
    expect(issues[0]?.message).toContain('no covariate row or a NULL covariate value');
  });

  it('a pattern with both missing and conflicting customers gets both issues', () => {
    expect(issueSummaries(() => readSummaryPatterns([{ ...good, covariate_missing: 1, covariate_conflicts: 2, referral: 0 }], { covariates: ['referral'] }))).toEqual([
      'invalid_value rows.0.covariate_missing',
      'invalid_value rows.0.covariate_conflicts',
    ]);
  });
});

describe('readSurvivalTable: default unit and the observed column', () => {
  it('without options durations are in months of 30.436875 days (as survivalFromSubscriptions)', () => {
    expect(readSurvivalTable([{ duration_ms: 2_629_746_000, observed: 1, weight: 1 }, { duration_ms: '5259492000', observed: 0, weight: '2' }])).toEqual({ durations: [1, 2], observed: [true, false], weights: [1, 2] });
  });

  it('an observed flag that is not a whole number is reported at its path', () => {
    expect(issueSummaries(() => readSurvivalTable([{ duration_ms: 1, observed: 'yes', weight: 1 }], { unit: 'day' }))).toEqual(['invalid_type rows.0.observed']);
  });
});
