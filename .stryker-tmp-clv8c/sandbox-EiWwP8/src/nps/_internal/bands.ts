/**
 * Band handling for the `nps` area: presets, validation of custom bands, and the lookup table that
 * maps a 0-10 score to its category.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import type { IssueList } from '../../_lib/validate.js';
import type { NpsBandPreset, NpsBands, NpsCategory } from '../types.js';

/** Category codes used by the kernels: index into {@link CATEGORY_NAMES}. */
export const DETRACTOR = 0;
/** See {@link DETRACTOR}. */
export const PASSIVE = 1;
/** See {@link DETRACTOR}. */
export const PROMOTER = 2;

/** Category names by code. */
export const CATEGORY_NAMES: readonly NpsCategory[] = ['detractor', 'passive', 'promoter'];

/** The presets as ranges. */
export const BAND_PRESETS: Readonly<Record<NpsBandPreset, NpsBands>> = {
  standard: { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] },
  lenient: { detractor: [0, 5], passive: [6, 7], promoter: [8, 10] },
};

/** A table of 11 category codes, one per score 0..10. */
export type BandTable = Uint8Array;

/** Builds the lookup table of valid bands. */
export function bandTable(bands: NpsBands): BandTable {
  const table = new Uint8Array(11);
  for (let s = 0; s <= 10; s++) table[s] = s <= bands.detractor[1] ? DETRACTOR : s <= bands.passive[1] ? PASSIVE : PROMOTER;
  return table;
}

/** The table of the standard bands, shared. */
export const STANDARD_TABLE: BandTable = bandTable(BAND_PRESETS.standard);

const BAND_NAMES: readonly string[] = ['detractor', 'passive', 'promoter'];

/**
 * Checks the `bands` option at `path` (a preset name or custom ranges that partition 0..10 in
 * order) and returns its lookup table. When it records issues, the returned table is meaningless
 * (the caller throws).
 */
export function checkBands(value: unknown, path: readonly (string | number)[], issues: IssueList): BandTable {
  if (value === undefined || value === 'standard') return STANDARD_TABLE;
  if (value === 'lenient') return bandTable(BAND_PRESETS.lenient);
  if (typeof value === 'string') {
    issues.add('invalid_value', path, 'must be "standard", "lenient" or an object of ranges');
    return STANDARD_TABLE;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add('invalid_type', path, 'must be a preset name or an object of ranges');
    return STANDARD_TABLE;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!BAND_NAMES.includes(key)) issues.add('unrecognized_key', [...path, key], 'is not a known band');
  }
  const detractor = checkRange(record['detractor'], [...path, 'detractor'], issues);
  const passive = checkRange(record['passive'], [...path, 'passive'], issues);
  const promoter = checkRange(record['promoter'], [...path, 'promoter'], issues);
  if (detractor === undefined || passive === undefined || promoter === undefined) return STANDARD_TABLE;
  if (detractor[0] !== 0) issues.add('invalid_structure', [...path, 'detractor'], 'must start at 0, or scores below it belong to no band');
  checkJoin(detractor, passive, 'detractor', [...path, 'passive'], issues);
  checkJoin(passive, promoter, 'passive', [...path, 'promoter'], issues);
  if (promoter[1] !== 10) issues.add('invalid_structure', [...path, 'promoter'], 'must end at 10, or scores above it belong to no band');
  // When issues were recorded the caller throws, so the table of invalid bands is never used.
  return bandTable({ detractor, passive, promoter });
}

function checkJoin(previous: [number, number], next: [number, number], previousName: string, path: (string | number)[], issues: IssueList): void {
  if (next[0] <= previous[1]) issues.add('invalid_structure', path, `overlaps the ${previousName} band (or comes before it)`);
  else if (next[0] > previous[1] + 1) issues.add('invalid_structure', path, `leaves a gap after the ${previousName} band`);
}

function checkRange(value: unknown, path: (string | number)[], issues: IssueList): [number, number] | undefined {
  if (value === undefined) {
    issues.add('invalid_type', path, 'is required');
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2) {
    issues.add('invalid_type', path, 'must be a [from, to] pair of scores');
    return undefined;
  }
  let ok = true;
  for (let i = 0; i < 2; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number') {
      issues.add('invalid_type', [...path, i], 'must be a number');
      ok = false;
    } else if (!Number.isInteger(v)) {
      issues.add(Number.isFinite(v) ? 'not_integer' : 'not_finite', [...path, i], Number.isFinite(v) ? 'must be a whole number' : 'must be a finite number');
      ok = false;
    } else if (v < 0) {
      issues.add('too_small', [...path, i], 'must be at least 0');
      ok = false;
    } else if (v > 10) {
      issues.add('too_big', [...path, i], 'must be at most 10');
      ok = false;
    }
  }
  if (!ok) return undefined;
  const range = [value[0], value[1]] as [number, number];
  if (range[0] > range[1]) {
    issues.add('invalid_order', path, 'must not end before it starts');
    return undefined;
  }
  return range;
}
