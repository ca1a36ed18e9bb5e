/**
 * The churn-rate kernel shared by {@link churnRate}, churnFromSubscriptions and churnSeries. Fed
 * only by validated counts.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import { IssueList, checkNumber, z } from '../../_lib/validate.js';

/** The denominators a churn rate can use. */
export type ChurnDenominator = 'start' | 'start-plus-new' | 'average';

/** How customers who joined and churned within the same period count. */
export type JoinedAndChurned = 'exclude' | 'include';

/** The validated counts of one period. */
export interface PeriodCounts {
  start: number;
  new: number;
  churned: number;
  churnedNew: number;
}

export const denominatorSchema = z.enum(['start', 'start-plus-new', 'average']);
export const joinedAndChurnedSchema = z.enum(['exclude', 'include']);

/**
 * Lost customers over the chosen denominator, or `undefined` when the denominator is zero.
 * With 'exclude', joined-and-churned customers leave the numerator and the new customers alike.
 */
export function rateFromCounts(c: PeriodCounts, denominator: ChurnDenominator, joinedAndChurned: JoinedAndChurned): number | undefined {
  const excluded = joinedAndChurned === 'exclude' ? c.churnedNew : 0;
  const lost = c.churned - excluded;
  const added = c.new - excluded;
  let base: number;
  if (denominator === 'start') base = c.start;
  else if (denominator === 'start-plus-new') base = c.start + added;
  else base = (c.start + (c.start + added - lost)) / 2;
  return base > 0 ? lost / base : undefined;
}

/** Checks a counts object at `path`; returns it or records issues. */
export function checkCounts(value: unknown, path: readonly (string | number)[], issues: IssueList): PeriodCounts | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add('invalid_type', path, value === undefined ? 'is required' : 'must be an object');
    return undefined;
  }
  const record = value as Record<string, unknown>;
  let ok = true;
  for (const key of Object.keys(record)) {
    if (!['start', 'new', 'churned', 'churnedNew'].includes(key)) {
      issues.add('unrecognized_key', [...path, key], 'is not a known count');
      ok = false;
    }
  }
  const spec = { min: 0 };
  const start = record.start;
  const added = record.new ?? 0;
  const churned = record.churned;
  const churnedNew = record.churnedNew ?? 0;
  ok = checkNumber(start, [...path, 'start'], spec, issues) && ok;
  ok = checkNumber(added, [...path, 'new'], spec, issues) && ok;
  ok = checkNumber(churned, [...path, 'churned'], spec, issues) && ok;
  ok = checkNumber(churnedNew, [...path, 'churnedNew'], spec, issues) && ok;
  if (!ok) return undefined;
  const c = { start: start as number, new: added as number, churned: churned as number, churnedNew: churnedNew as number };
  if (c.churnedNew > c.new) {
    issues.add('invalid_structure', [...path, 'churnedNew'], 'must not exceed the new customers');
    return undefined;
  }
  if (c.churnedNew > c.churned) {
    issues.add('invalid_structure', [...path, 'churnedNew'], 'must not exceed the churned customers');
    return undefined;
  }
  if (c.churned - c.churnedNew > c.start) {
    issues.add('invalid_structure', [...path, 'churned'], 'must not exceed the customers at the start plus those who joined and churned');
    return undefined;
  }
  return c;
}
