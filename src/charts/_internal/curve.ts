/**
 * Validation of share curves (Lorenz, whale): points from (0, 0) to (1, 1), customer shares rising.
 *
 * @internal
 * @module
 */
import { IssueList, numberSchema, parseInput, z } from './common.js';

const pointSchema = z.object({ customerShare: numberSchema({ min: 0, max: 1 }), valueShare: numberSchema() });

/** A validated point. */
export type SharePoint = z.output<typeof pointSchema>;

/**
 * Parses curve points at `path` (2 to 100,000): customer shares from 0 to 1, never decreasing;
 * with `lorenz`, value shares in [0, 1] and never decreasing too.
 */
export function parseShareCurve(value: unknown, path: readonly (string | number)[], issues: IssueList, lorenz: boolean): SharePoint[] | undefined {
  const points = parseInput(z.array(pointSchema).min(2).max(100_000), value, path, issues);
  if (points === undefined) return undefined;
  let ok = true;
  const first = points[0] as SharePoint;
  const last = points[points.length - 1] as SharePoint;
  if (first.customerShare !== 0) {
    issues.add('invalid_value', [...path, 0, 'customerShare'], 'must be 0 (the curve starts at no customers)');
    ok = false;
  }
  if (last.customerShare !== 1) {
    issues.add('invalid_value', [...path, points.length - 1, 'customerShare'], 'must be 1 (the curve ends at all customers)');
    ok = false;
  }
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev !== undefined && p.customerShare < prev.customerShare) {
      issues.add('invalid_order', [...path, i, 'customerShare'], 'must not be below the previous point');
      ok = false;
    }
    if (lorenz && (p.valueShare < 0 || p.valueShare > 1)) {
      issues.add(p.valueShare < 0 ? 'too_small' : 'too_big', [...path, i, 'valueShare'], 'must be between 0 and 1');
      ok = false;
    } else if (lorenz && prev !== undefined && p.valueShare < prev.valueShare) {
      issues.add('invalid_order', [...path, i, 'valueShare'], 'must not be below the previous point');
      ok = false;
    }
  });
  return ok ? points : undefined;
}
