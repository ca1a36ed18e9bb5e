import { describe, expect, it } from 'vitest';
import { issuePairs } from '../../../test/helpers/retention-issues.js';
import { IssueList } from '../../_lib/validate.js';
import { churnFromSubscriptions } from '../churnFromSubscriptions.js';
import { checkPeriod } from './period.js';

describe('checkPeriod', () => {
  it('returns [start, end] in epoch ms for Dates and numbers', () => {
    const issues = new IssueList();
    expect(checkPeriod({ start: new Date(5), end: 9 }, 'period', issues)).toEqual([5, 9]);
    expect(issues.isEmpty).toBe(true);
  });

  it.each([
    // null is an object to typeof: it must be refused before its keys are read.
    ['a null period', null, [['invalid_type', ['period']]]],
    ['an array period', [1, 2], [['invalid_type', ['period']]]],
    // One side invalid: that side's issue only, no order issue built from the missing side.
    ['an invalid start beside a valid end', { start: 'x', end: 5 }, [['invalid_type', ['period', 'start']]]],
    ['an invalid Date start beside a valid end', { start: new Date(Number.NaN), end: 5 }, [['invalid_date', ['period', 'start']]]],
    ['a valid start beside an invalid end', { start: 5, end: 'x' }, [['invalid_type', ['period', 'end']]]],
  ])('refuses %s with one issue per problem', (_, period, expected) => {
    expect(issuePairs(() => churnFromSubscriptions([], period as never))).toEqual(expected);
  });
});
