/**
 * Input schemas shared by the NPS charts.
 *
 * @internal
 * @module
 */
import { IssueList, numberSchema, parseInput, z } from './common.js';

/** The parts of an NPS breakdown row that the trend and segment charts use. */
export const npsRowShape = {
  score: numberSchema({ min: -100, max: 100 }),
  n: numberSchema({ min: 0 }),
  confidence: numberSchema({ greaterThan: 0, lessThan: 1 }),
  interval: z.object({ lower: numberSchema({ min: -100, max: 100 }), upper: numberSchema({ min: -100, max: 100 }) }),
};

/**
 * Parses a result object with `rows` or the rows themselves (1 to 10,000) under `param`; returns
 * the rows and the path prefix of a row (`[param]` or `[param, 'rows']`).
 */
export function parseRows<T extends z.ZodType>(value: unknown, param: string, row: T, issues: IssueList): { rows: z.output<T>[]; base: (string | number)[] } | undefined {
  const rows = z.array(row).min(1).max(10_000);
  if (Array.isArray(value)) {
    const parsed = parseInput(rows, value, param, issues);
    return parsed === undefined ? undefined : { rows: parsed, base: [param] };
  }
  const parsed = parseInput(z.object({ rows }), value, param, issues);
  return parsed === undefined ? undefined : { rows: parsed.rows, base: [param, 'rows'] };
}
