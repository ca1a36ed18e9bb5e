/**
 * Need-level labels for the charts, from the stages area's own English and Vietnamese labels.
 *
 * @internal
 * @module
 */
import { NEED_LEVELS } from '../../stages/index.js';
import type { ChartLocale } from './common.js';

/** `"3. Has a need, looking for a solution"`: the level number and its label in `locale`. */
export function levelLabel(level: number, locale: ChartLocale): string {
  const info = NEED_LEVELS[level - 1];
  return `${level}. ${info === undefined ? '' : info.label[locale]}`;
}

/** The six labels, level 1 first. */
export function levelLabels(locale: ChartLocale): string[] {
  return NEED_LEVELS.map((info) => levelLabel(info.level, locale));
}
