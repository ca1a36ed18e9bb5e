/**
 * The options shared by {@link assignNeedLevel} and {@link assignNeedLevels}, checked once per call.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import type { IssueList } from '../../_lib/validate.js';
import { DEFAULT_NEED_LEVEL_RULES } from '../needLevelRules.js';
import type { NeedLevelLocale } from '../needLevels.js';
import { checkChoice, checkLocale, checkOptions } from './levels.js';
import { checkCustomSignals, checkRules, compileRules, type CompiledRules, type RuleMode } from './rules.js';

const KEYS = ['rules', 'mode', 'customSignals', 'locale'];
const MODES: readonly RuleMode[] = ['first-match', 'highest-level'];

let defaultCompiled: CompiledRules | undefined;

/** The default rules, compiled once per process. */
export function defaultRules(): CompiledRules {
  defaultCompiled ??= compileRules(DEFAULT_NEED_LEVEL_RULES);
  return defaultCompiled;
}

/** Checked assignment options. */
export interface CheckedAssignOptions {
  readonly compiled: CompiledRules | undefined;
  readonly highest: boolean;
  readonly locale: NeedLevelLocale;
}

/** Checks the options of an assignment call, recording every problem. */
export function checkAssignOptions(options: unknown, issues: IssueList, withLocale: boolean): CheckedAssignOptions {
  if (options === undefined) return { compiled: defaultRules(), highest: false, locale: 'en' };
  const o = checkOptions(options, withLocale ? KEYS : KEYS.filter((k) => k !== 'locale'), issues);
  const mode = checkChoice(o['mode'], MODES, 'first-match', ['options', 'mode'], issues);
  const locale = checkLocale(o['locale'], ['options', 'locale'], issues);
  const known = checkCustomSignals(o['customSignals'], ['options', 'customSignals'], issues);
  const compiled = o['rules'] === undefined ? defaultRules() : checkRules(o['rules'], ['options', 'rules'], known, issues);
  return { compiled, highest: mode === 'highest-level', locale };
}
