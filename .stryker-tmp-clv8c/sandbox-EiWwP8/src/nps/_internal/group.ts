/**
 * Grouping of survey responses for `npsBy` and `npsTrend`: one checked pass over the responses
 * into one score histogram per group.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import { checkNumber, type IssueList } from '../../_lib/validate.js';
import { SCORE_SPEC } from './tally.js';

/** A group's histogram of scores 0..10 and its invalid scores. */
export interface GroupTally {
  /** `hist[s]` = answers equal to `s`. */
  readonly hist: Float64Array;
  /** Responses of this group whose score was invalid (skipped). */
  skipped: number;
}

/** The result of {@link groupResponses}. */
export interface Grouped<K> {
  /** Histograms by key, in order of first appearance. */
  readonly groups: Map<K, GroupTally>;
  /** Every skipped response, including those without a valid key. */
  readonly skipped: number;
}

/**
 * Reads `responses[i].score` and a key (by `keyOf`, which records its own issues and returns
 * `undefined` for an invalid key) for every response. Without `skip`, every problem is recorded in
 * `issues`; with `skip`, responses with an invalid score or key are counted as skipped. Structural
 * problems (not an array, an element that is not an object) are always recorded. The result is
 * only meaningful when no issue was recorded; `undefined` when `responses` is not an array.
 */
export function groupResponses<K>(
  responses: unknown,
  skip: boolean,
  issues: IssueList,
  keyOf: (response: Record<string, unknown>, index: number, issues: IssueList | undefined) => K | undefined,
): Grouped<K> | undefined {
  if (!Array.isArray(responses)) {
    issues.add('invalid_type', ['responses'], responses === undefined ? 'is required' : 'must be an array');
    return undefined;
  }
  const groups = new Map<K, GroupTally>();
  let skipped = 0;
  const n = responses.length;
  for (let i = 0; i < n; i++) {
    const r: unknown = responses[i];
    if (typeof r !== 'object' || r === null) {
      issues.add('invalid_type', ['responses', i], 'must be an object with a score');
      continue;
    }
    const record = r as Record<string, unknown>;
    const score = record['score'];
    // typeof first: a BigInt would pass the comparisons and make `|` throw.
    const validScore = typeof score === 'number' && score >= 0 && score <= 10 && (score | 0) === score;
    if (!validScore && !skip) checkNumber(score, ['responses', i, 'score'], SCORE_SPEC, issues);
    const key = keyOf(record, i, skip ? undefined : issues);
    // Without skip, an invalid response has recorded an issue and the caller throws: counting it as
    // skipped there is harmless.
    if (key === undefined) {
      skipped++;
      continue;
    }
    let group = groups.get(key);
    if (group === undefined) {
      group = { hist: new Float64Array(11), skipped: 0 };
      groups.set(key, group);
    }
    if (validScore) group.hist[score] = (group.hist[score] as number) + 1;
    else {
      group.skipped++;
      skipped++;
    }
  }
  return { groups, skipped };
}

/** Sort order of segment keys: numbers first, ascending; then strings by UTF-16 code units. */
export function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
