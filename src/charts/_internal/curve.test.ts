/**
 * The share-curve check of the Lorenz and whale charts (`_internal/curve.ts`): a curve runs from 0
 * to all customers in order; a Lorenz curve's value shares stay within 0..1 and never fall, while a
 * whale curve's may (losses). Each problem is reported at its point.
 */
import { describe, expect, it } from 'vitest';
import { issueSummaries } from '../../../test/helpers/thrown-issues.js';
import { IssueList } from './common.js';
import { parseShareCurve } from './curve.js';

const p = (customerShare: number, valueShare: number) => ({ customerShare, valueShare });

function check(points: unknown, lorenz: boolean): { parsed: unknown; issues: string[] | string } {
  const issues = new IssueList();
  const parsed = parseShareCurve(points, ['curve', 'points'], issues, lorenz);
  return { parsed, issues: issueSummaries(() => issues.throwIfAny()) };
}

describe('parseShareCurve', () => {
  it('accepts a curve from 0 to 1 (a whale curve may rise above 1 and fall)', () => {
    const lorenz = [p(0, 0), p(0.5, 0.2), p(1, 1)];
    expect(check(lorenz, true)).toEqual({ parsed: lorenz, issues: 'did not throw' });
    const whale = [p(0, 0), p(0.5, 1.3), p(1, 1)];
    expect(check(whale, false)).toEqual({ parsed: whale, issues: 'did not throw' });
  });

  it('the ends: 0 customers first, all customers last', () => {
    expect(check([p(0.1, 0), p(1, 1)], true)).toEqual({ parsed: undefined, issues: ['invalid_value curve.points.0.customerShare'] });
    expect(check([p(0, 0), p(0.5, 0.5), p(0.9, 1)], false)).toEqual({ parsed: undefined, issues: ['invalid_value curve.points.2.customerShare'] });
  });

  it('customer shares never fall', () => {
    expect(check([p(0, 0), p(0.6, 0.3), p(0.5, 0.4), p(1, 1)], false)).toEqual({ parsed: undefined, issues: ['invalid_order curve.points.2.customerShare'] });
    // equal customer shares are fine (ties)
    expect(check([p(0, 0), p(0.5, 0.3), p(0.5, 0.4), p(1, 1)], true).parsed).toBeDefined();
  });

  it('a Lorenz curve: value shares within 0..1 and never falling', () => {
    expect(check([p(0, -0.1), p(1, 1)], true)).toEqual({ parsed: undefined, issues: ['too_small curve.points.0.valueShare'] });
    expect(check([p(0, 0), p(0.5, 1.2), p(1, 1)], true)).toEqual({ parsed: undefined, issues: ['too_big curve.points.1.valueShare', 'invalid_order curve.points.2.valueShare'] });
    expect(check([p(0, 0), p(0.5, 0.7), p(1, 1.1)], true)).toEqual({ parsed: undefined, issues: ['too_big curve.points.2.valueShare'] });
    expect(check([p(0, 0), p(0.5, 0.6), p(0.7, 0.5), p(1, 1)], true)).toEqual({ parsed: undefined, issues: ['invalid_order curve.points.2.valueShare'] });
    // at the bounds exactly: fine
    expect(check([p(0, 0), p(1, 1)], true).parsed).toBeDefined();
    // the same points as a whale curve: fine
    expect(check([p(0, 0), p(0.5, 1.2), p(0.7, 0.5), p(1, 1)], false).parsed).toBeDefined();
    expect(check([p(0, -0.1), p(1, 1)], false).parsed).toBeDefined();
  });

  it('reports every problem of a curve at once', () => {
    expect(check([p(0.2, 0), p(0.1, 0.5), p(0.9, 0.4)], true).issues).toEqual([
      'invalid_value curve.points.0.customerShare',
      'invalid_value curve.points.2.customerShare',
      'invalid_order curve.points.1.customerShare',
      'invalid_order curve.points.2.valueShare',
    ]);
  });

  it('2 to 100,000 points', () => {
    expect(check([p(0, 0)], true).issues).toEqual(['too_small curve.points']);
    expect(check('x', true).issues).toEqual(['invalid_type curve.points']);
  });
});
