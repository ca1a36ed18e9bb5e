/**
 * Shared boundary checks and label look-ups of the `stages` area.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import type { IssueList } from '../../_lib/validate.js';
import { NEED_LEVELS, type NeedLevel, type NeedLevelKey, type NeedLevelLocale } from '../needLevels.js';

type Path = readonly (string | number)[];

/** Whether `value` is a need level (a whole number from 1 to 6). */
export function isNeedLevel(value: unknown): value is NeedLevel {
  return typeof value === 'number' && (value === 1 || value === 2 || value === 3 || value === 4 || value === 5 || value === 6);
}

/** Checks a need level at `path`, recording one issue when it is not 1..6. */
export function checkLevel(value: unknown, path: Path, issues: IssueList): value is NeedLevel {
  if (isNeedLevel(value)) return true;
  if (typeof value !== 'number') issues.add('invalid_type', path, value === undefined ? 'is required' : 'must be a need level (a number from 1 to 6)');
  else issues.add('invalid_value', path, 'must be a need level: a whole number from 1 to 6');
  return false;
}

/** Checks the `locale` option; returns the locale to use ('en' when absent or invalid). */
export function checkLocale(value: unknown, path: Path, issues: IssueList): NeedLevelLocale {
  if (value === undefined || value === 'en') return 'en';
  if (value === 'vi') return 'vi';
  issues.add('invalid_value', path, 'must be one of "en", "vi"');
  return 'en';
}

/**
 * Checks that `options` is undefined or a plain object whose keys are all in `known`; returns it as a
 * record (empty when absent or invalid).
 */
export function checkOptions(options: unknown, known: readonly string[], issues: IssueList, param = 'options'): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    issues.add('invalid_type', [param], 'must be an object');
    return {};
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) issues.add('unrecognized_key', [param, key], 'is not a known option');
  }
  return options as Record<string, unknown>;
}

/** Checks a choice among `allowed` at `path`; returns `fallback` when absent or invalid. */
export function checkChoice<T extends string>(value: unknown, allowed: readonly T[], fallback: T, path: Path, issues: IssueList): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  issues.add('invalid_value', path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  return fallback;
}

/** The label of `level` in `locale`. */
export function levelLabel(level: NeedLevel, locale: NeedLevelLocale): string {
  return (NEED_LEVELS[level - 1] as (typeof NEED_LEVELS)[number]).label[locale];
}

/** The stable key of `level`. */
export function levelKey(level: NeedLevel): NeedLevelKey {
  return (NEED_LEVELS[level - 1] as (typeof NEED_LEVELS)[number]).key;
}

/** The six levels in order. */
export const LEVELS: readonly NeedLevel[] = [1, 2, 3, 4, 5, 6];
