/**
 * Input schemas shared by the NPS charts.
 *
 * @internal
 * @module
 */
import { numberSchema, z } from './common.js';

/** The parts of an NPS breakdown row that the trend and segment charts use. */
export const npsRowShape = {
  score: numberSchema({ min: -100, max: 100 }),
  n: numberSchema({ min: 0 }),
  confidence: numberSchema({ greaterThan: 0, lessThan: 1 }),
  interval: z.object({ lower: numberSchema({ min: -100, max: 100 }), upper: numberSchema({ min: -100, max: 100 }) }),
};

/** Accepts a result object with `rows` or the rows themselves; returns the rows schema. */
export function rowsOrResult<T extends z.ZodType>(row: T) {
  const rows = z.array(row).min(1).max(10_000);
  return z.union([rows, z.object({ rows })]);
}
