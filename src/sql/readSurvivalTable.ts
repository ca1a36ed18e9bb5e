import type { SurvivalData } from '../retention/index.js';
import { IssueList, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { checkRows, readInteger } from './_internal/rowValues.js';
import { SURVIVAL_UNIT_MS, type SurvivalUnit } from './survivalTableSql.js';

/** Options of {@link readSurvivalTable}. */
export interface ReadSurvivalTableOptions {
  /**
   * The `unit` the SQL was built with (durations are recomputed from `duration_ms` in it).
   * @defaultValue `'month'`
   */
  readonly unit?: SurvivalUnit;
}

/** What {@link readSurvivalTable} returns: `kaplanMeier`'s input with a weight per row. */
export interface WeightedSurvivalData extends SurvivalData {
  readonly durations: number[];
  readonly observed: boolean[];
  /** Customers per row (whole numbers, at least 1). */
  readonly weights: number[];
  /** With `observationStart`: each row's entry age. */
  readonly entry?: number[];
}

const schema = optionsSchema({ unit: z.enum(['day', 'week', 'month', 'year']).optional() });

/**
 * Turns the rows of {@link survivalTableSql} (any engine and driver) into the weighted survival data
 * `kaplanMeier`, `nelsonAalen` and `medianLifetime` take. Durations (and entries) are recomputed from
 * the integer `duration_ms` (`entry_ms`) as `ms / unit length`, the same division
 * `survivalFromSubscriptions` does, so they do not depend on how a driver prints doubles.
 *
 * Cost: O(rows).
 *
 * @param rows - Rows with `duration_ms`, `observed` (0 or 1) and `weight`, and `entry_ms` in every
 *   row or in none.
 * @param options - The unit; see {@link ReadSurvivalTableOptions}.
 * @returns Durations, observed flags and weights in row order (and entries when the rows have them).
 * @throws {@link MetricsInputError} for rows that are not objects, or values that are missing or not
 *   whole numbers of the right range (path `['rows', i, column]`), or `entry_ms` on some rows only.
 * @example
 * ```ts
 * import { readSurvivalTable } from 'customer-metrics/sql';
 * import { kaplanMeier } from 'customer-metrics/retention';
 * // 3 customers churned after 10 days, 1 censored at 30 days (an engine's rows, with 64-bit integers as strings).
 * const data = readSurvivalTable([{ duration_ms: '864000000', observed: 1, weight: '3' }, { duration_ms: 2592000000, observed: 0, weight: 1 }], { unit: 'day' });
 * [data.durations, data.observed, data.weights]; // => [[10, 30], [true, false], [3, 1]]
 * kaplanMeier(data).survival; // => [0.25, 0.25]
 * ```
 */
export function readSurvivalTable(rows: readonly Readonly<Record<string, unknown>>[], options?: ReadSurvivalTableOptions): WeightedSurvivalData {
  const issues = new IssueList();
  const parsed = parseInput(schema, options, 'options', issues);
  // Rows that are not an array of objects cannot be read; an invalid unit does not stop the rows'
  // own checks (their problems are reported with it; the month stands in for the durations).
  if (!checkRows(rows, 'rows', issues)) issues.throwIfAny();
  const unitMs = SURVIVAL_UNIT_MS[(parsed?.unit as SurvivalUnit | undefined) ?? 'month'];
  const durations: number[] = [];
  const observed: boolean[] = [];
  const weights: number[] = [];
  // Whether the rows carry entries: decided by the first row (a hole or a non-object was reported above).
  const first: unknown = rows[0];
  const withEntry = typeof first === 'object' && first !== null && (first as Record<string, unknown>).entry_ms !== undefined;
  const entry: number[] = [];
  rows.forEach((row, i) => {
    const ms = readInteger(row.duration_ms, ['rows', i, 'duration_ms'], 0, issues);
    const o = readInteger(row.observed, ['rows', i, 'observed'], 0, issues);
    if (o !== undefined && o > 1) issues.add('too_big', ['rows', i, 'observed'], 'must be 0 or 1');
    const w = readInteger(row.weight, ['rows', i, 'weight'], 1, issues);
    let e: number | undefined;
    if (withEntry) e = readInteger(row.entry_ms, ['rows', i, 'entry_ms'], 0, issues);
    else if (row.entry_ms !== undefined) issues.add('invalid_structure', ['rows', i, 'entry_ms'], 'must be in every row or in none');
    if (ms === undefined || o === undefined || w === undefined) return;
    durations.push(ms / unitMs);
    observed.push(o === 1);
    weights.push(w);
    if (e !== undefined) entry.push(e / unitMs);
  });
  issues.throwIfAny();
  return withEntry ? { durations, observed, weights, entry } : { durations, observed, weights };
}
