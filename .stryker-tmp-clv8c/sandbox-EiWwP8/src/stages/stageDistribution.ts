// @ts-nocheck
import { checkNumberArray, IssueList } from '../_lib/validate.js';
import { checkLocale, checkOptions, LEVELS, levelKey, levelLabel } from './_internal/levels.js';
import type { NeedLevel, NeedLevelKey, NeedLevelLocale } from './needLevels.js';

/** Options of {@link stageDistribution}. */
export interface StageDistributionOptions {
  /** The language of the labels. @defaultValue 'en' */
  readonly locale?: NeedLevelLocale;
}

/** The customers at one level. */
export interface StageDistributionRow {
  /** The level. */
  readonly level: NeedLevel;
  /** Its stable key. */
  readonly key: NeedLevelKey;
  /** Its label in the requested locale. */
  readonly label: string;
  /** Customers at this level. */
  readonly count: number;
  /** `count / total`; `undefined` when there are no customers. */
  readonly share: number | undefined;
}

/** How many customers are at each need level. */
export interface StageDistribution {
  /** All customers. */
  readonly total: number;
  /** One row per level, 1 to 6 in order (levels with no customers included). */
  readonly levels: readonly StageDistributionRow[];
}

/**
 * Counts the customers at each need level, with labels.
 *
 * Definition: `count` is the number of entries equal to the level; `share` is `count / total`.
 *
 * Cost: O(n), a tight loop.
 *
 * @param levels - One need level (1 to 6) per customer: a plain array, or a Uint8Array such as the
 *   `levels` of {@link assignNeedLevels} (when every customer was assigned).
 * @param options - Locale.
 * @returns Per level the count and share, and the total.
 * @throws {@link MetricsInputError} listing every entry that is not a need level (path `['levels', i]`).
 * @example
 * ```ts
 * import { stageDistribution } from 'customer-metrics';
 * const d = stageDistribution([1, 3, 3, 6], { locale: 'vi' });
 * d.levels.map((row) => row.count); // => [1, 0, 2, 0, 0, 1]
 * d.levels[2]?.share; // => 0.5
 * d.levels[0]?.label; // => 'Không có vấn đề'
 * ```
 */
export function stageDistribution(levels: readonly NeedLevel[] | Uint8Array, options?: StageDistributionOptions): StageDistribution {
  const issues = new IssueList();
  checkNumberArray(levels, ['levels'], { integer: true, min: 1, max: 6 }, issues);
  const o = checkOptions(options, ['locale'], issues);
  const locale = checkLocale(o['locale'], ['options', 'locale'], issues);
  issues.throwIfAny();
  const counts = [0, 0, 0, 0, 0, 0];
  const n = levels.length;
  for (let i = 0; i < n; i++) {
    const k = (levels[i] as number) - 1;
    counts[k] = (counts[k] as number) + 1;
  }
  return {
    total: n,
    levels: LEVELS.map((level, k) => {
      const count = counts[k] as number;
      return { level, key: levelKey(level), label: levelLabel(level, locale), count, share: n > 0 ? count / n : undefined };
    }),
  };
}
