/**
 * The `{ start, end }` period argument.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import { checkDate } from '../../_lib/dates.js';
import type { IssueList } from '../../_lib/validate.js';

/** A time range [start, end). */
export interface ChurnPeriod {
  /** The first instant of the period. */
  readonly start: Date | number;
  /** The instant just after the period (exclusive); after `start`. */
  readonly end: Date | number;
}

/** Checks a period at `param`; returns [start, end] in epoch ms. */
export function checkPeriod(value: unknown, param: string, issues: IssueList): [number, number] | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Date || Array.isArray(value)) {
    issues.add('invalid_type', [param], value === undefined ? 'is required' : 'must be an object with start and end');
    return undefined;
  }
  const rec = value as Record<string, unknown>;
  for (const key of Object.keys(rec)) if (key !== 'start' && key !== 'end') issues.add('unrecognized_key', [param, key], 'is not a known key');
  const s = checkDate(rec.start, [param, 'start'], issues);
  const e = checkDate(rec.end, [param, 'end'], issues);
  if (s === undefined || e === undefined) return undefined;
  if (!(e > s)) {
    issues.add('invalid_order', [param, 'end'], 'must be after start');
    return undefined;
  }
  return [s, e];
}
