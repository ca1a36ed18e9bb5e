/**
 * Validation, compilation and evaluation of need-level rules. The rule set is checked and compiled
 * once per call into flat typed arrays; customers are then checked and matched in a tight loop with
 * no per-customer schema parsing.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import type { IssueList } from '../../_lib/validate.js';
import { NEED_SIGNALS, type NeedLevelRule, type NeedSignalCondition, type SignalComparison } from '../needLevelRules.js';
import type { NeedLevel } from '../needLevels.js';
import { checkLevel } from './levels.js';

type Path = readonly (string | number)[];

/** How a customer's level is chosen when several rules match. */
export type RuleMode = 'first-match' | 'highest-level';

/** The comparison operators, indexed by their code. */
export const OPS: readonly SignalComparison[] = ['>=', '>', '<=', '<', '==', '!='];
const BUILT_IN = new Set<string>(NEED_SIGNALS);
const RULE_KEYS = ['id', 'level', 'all', 'any', 'description'];
const CONDITION_KEYS = ['signal', 'op', 'value'];

/** One condition of a compiled rule, as evidence needs it. */
export interface CompiledCondition {
  readonly group: 'all' | 'any';
  readonly signal: string;
  readonly op: SignalComparison;
  readonly threshold: number;
  readonly k: number;
  readonly code: number;
}

/** A validated rule set in flat arrays. */
export interface CompiledRules {
  /** Validated copies of the rules, in order. */
  readonly rules: readonly NeedLevelRule[];
  /** The signals the rules read, in first-use order. */
  readonly signals: readonly string[];
  /** 1 when the signal at that index is built-in (and so must be non-negative). */
  readonly builtIn: Uint8Array;
  /** Level of each rule. */
  readonly levels: Uint8Array;
  /** Condition ranges per rule: all conditions are [allStart, anyStart), any conditions [anyStart, end). */
  readonly allStart: Int32Array;
  readonly anyStart: Int32Array;
  readonly end: Int32Array;
  /** Conditions: signal index, operator code, threshold. */
  readonly condSignal: Int32Array;
  readonly condOp: Uint8Array;
  readonly condValue: Float64Array;
  /** Per rule, its conditions in evidence order (all, then any) with their signal index and operator code. */
  readonly conditions: readonly (readonly CompiledCondition[])[];
  /** Working space for one customer's signal values, reused by every call (calls are synchronous). */
  readonly scratch: Float64Array;
}

/** Checks the `customSignals` option: an array of distinct, non-empty names. */
export function checkCustomSignals(value: unknown, path: Path, issues: IssueList): ReadonlySet<string> {
  if (value === undefined) return BUILT_IN;
  const known = new Set<string>(BUILT_IN);
  if (!Array.isArray(value)) {
    issues.add('invalid_type', path, 'must be an array of signal names');
    return known;
  }
  value.forEach((name: unknown, i) => {
    if (typeof name !== 'string' || name === '') issues.add('invalid_type', [...path, i], 'must be a non-empty string');
    else if (known.has(name)) issues.add('invalid_value', [...path, i], 'duplicates a built-in or an earlier signal name');
    else known.add(name);
  });
  return known;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkCondition(value: unknown, path: Path, known: ReadonlySet<string>, issues: IssueList): NeedSignalCondition | undefined {
  if (!isRecord(value)) {
    issues.add('invalid_type', path, 'must be a condition object { signal, op, value }');
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!CONDITION_KEYS.includes(key)) {
      issues.add('unrecognized_key', [...path, key], 'is not a known condition key');
      ok = false;
    }
  }
  const { signal, op, value: threshold } = value;
  if (typeof signal !== 'string') {
    issues.add('invalid_type', [...path, 'signal'], signal === undefined ? 'is required' : 'must be a signal name');
    ok = false;
  } else if (!known.has(signal)) {
    issues.add('invalid_value', [...path, 'signal'], 'refers to an unknown signal (declare custom signals in options.customSignals)');
    ok = false;
  }
  if (!OPS.includes(op as SignalComparison)) {
    issues.add('invalid_value', [...path, 'op'], `must be one of ${OPS.map((o) => JSON.stringify(o)).join(', ')}`);
    ok = false;
  }
  if (typeof threshold !== 'number') {
    issues.add('invalid_type', [...path, 'value'], threshold === undefined ? 'is required' : 'must be a number');
    ok = false;
  } else if (!Number.isFinite(threshold)) {
    issues.add('not_finite', [...path, 'value'], 'must be a finite number');
    ok = false;
  }
  return ok ? { signal: signal as string, op: op as SignalComparison, value: threshold as number } : undefined;
}

function checkConditionList(value: unknown, path: Path, known: ReadonlySet<string>, issues: IssueList): NeedSignalCondition[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.add('invalid_type', path, 'must be an array of conditions');
    return undefined;
  }
  const out: NeedSignalCondition[] = [];
  let ok = true;
  value.forEach((c: unknown, i) => {
    const checked = checkCondition(c, [...path, i], known, issues);
    if (checked === undefined) ok = false;
    else out.push(checked);
  });
  return ok ? out : undefined;
}

/**
 * Checks a rule list at `path` (every problem recorded) and compiles it. Returns `undefined` when any
 * problem was found.
 */
export function checkRules(value: unknown, path: Path, known: ReadonlySet<string>, issues: IssueList): CompiledRules | undefined {
  if (!Array.isArray(value)) {
    issues.add('invalid_type', path, 'must be an array of rules');
    return undefined;
  }
  if (value.length === 0) {
    issues.add('too_small', path, 'must have at least 1 item');
    return undefined;
  }
  const rules: NeedLevelRule[] = [];
  const ids = new Set<string>();
  let ok = true;
  value.forEach((rule: unknown, i) => {
    const at = [...path, i];
    if (!isRecord(rule)) {
      issues.add('invalid_type', at, 'must be a rule object { id, level, all?, any? }');
      ok = false;
      return;
    }
    for (const key of Object.keys(rule)) {
      if (!RULE_KEYS.includes(key)) {
        issues.add('unrecognized_key', [...at, key], 'is not a known rule key');
        ok = false;
      }
    }
    const { id, level, description } = rule;
    if (typeof id !== 'string' || id === '') {
      issues.add('invalid_type', [...at, 'id'], id === undefined ? 'is required' : 'must be a non-empty string');
      ok = false;
    } else if (ids.has(id)) {
      issues.add('invalid_structure', [...at, 'id'], 'duplicates the id of an earlier rule');
      ok = false;
    } else ids.add(id);
    if (!checkLevel(level, [...at, 'level'], issues)) ok = false;
    if (description !== undefined && typeof description !== 'string') {
      issues.add('invalid_type', [...at, 'description'], 'must be a string');
      ok = false;
    }
    const all = checkConditionList(rule['all'], [...at, 'all'], known, issues);
    const any = checkConditionList(rule['any'], [...at, 'any'], known, issues);
    if (all === undefined || any === undefined || !ok) {
      ok = false;
      return;
    }
    rules.push({
      id: id as string,
      level: level as NeedLevel,
      ...(all.length > 0 ? { all } : {}),
      ...(any.length > 0 ? { any } : {}),
      ...(description !== undefined ? { description: description as string } : {}),
    });
  });
  return ok ? compileRules(rules) : undefined;
}

/** Compiles validated rules into flat arrays. */
export function compileRules(rules: readonly NeedLevelRule[]): CompiledRules {
  const signals: string[] = [];
  const index = new Map<string, number>();
  const nRules = rules.length;
  let nConditions = 0;
  for (const rule of rules) nConditions += (rule.all?.length ?? 0) + (rule.any?.length ?? 0);
  const levels = new Uint8Array(nRules);
  const allStart = new Int32Array(nRules);
  const anyStart = new Int32Array(nRules);
  const end = new Int32Array(nRules);
  const condSignal = new Int32Array(nConditions);
  const condOp = new Uint8Array(nConditions);
  const condValue = new Float64Array(nConditions);
  let c = 0;
  const add = (condition: NeedSignalCondition): void => {
    let k = index.get(condition.signal);
    if (k === undefined) {
      k = signals.length;
      signals.push(condition.signal);
      index.set(condition.signal, k);
    }
    condSignal[c] = k;
    condOp[c] = OPS.indexOf(condition.op);
    condValue[c] = condition.value;
    c++;
  };
  rules.forEach((rule, r) => {
    levels[r] = rule.level;
    allStart[r] = c;
    for (const condition of rule.all ?? []) add(condition);
    anyStart[r] = c;
    for (const condition of rule.any ?? []) add(condition);
    end[r] = c;
  });
  const conditions = rules.map((rule) => {
    const list: CompiledCondition[] = [];
    for (const [group, conds] of [['all', rule.all], ['any', rule.any]] as const) {
      for (const c of conds ?? []) list.push({ group, signal: c.signal, op: c.op, threshold: c.value, k: index.get(c.signal) as number, code: OPS.indexOf(c.op) });
    }
    return list;
  });
  const builtIn = new Uint8Array(signals.length);
  signals.forEach((name, k) => {
    builtIn[k] = BUILT_IN.has(name) ? 1 : 0;
  });
  return { rules, signals, builtIn, levels, allStart, anyStart, end, condSignal, condOp, condValue, conditions, scratch: new Float64Array(signals.length) };
}

/**
 * Reads the signals the rules use from one customer's record into `scratch` (NaN = missing), checking
 * each: a finite number, non-negative for built-in signals. Records issues under `path`.
 *
 * @returns whether the record is valid.
 */
export function readSignals(record: unknown, compiled: CompiledRules, scratch: Float64Array, path: Path, issues: IssueList): boolean {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    issues.add('invalid_type', path, record === undefined ? 'is required' : 'must be an object of signals');
    return false;
  }
  const { signals, builtIn } = compiled;
  const n = signals.length;
  let ok = true;
  for (let k = 0; k < n; k++) {
    const name = signals[k] as string;
    const v: unknown = (record as Record<string, unknown>)[name];
    if (typeof v === 'number' && v - v === 0 && (v >= 0 || builtIn[k] === 0)) {
      scratch[k] = v;
    } else if (v === undefined) {
      scratch[k] = Number.NaN;
    } else {
      ok = false;
      if (typeof v !== 'number') issues.add('invalid_type', [...path, name], 'must be a number');
      else if (v - v !== 0) issues.add('not_finite', [...path, name], 'must be a finite number');
      else issues.add('too_small', [...path, name], 'must be at least 0');
    }
  }
  return ok;
}

/** Whether `v op t` holds; a missing signal (NaN) never satisfies a condition. */
export function conditionHolds(op: number, v: number, t: number): boolean {
  switch (op) {
    case 0:
      return v >= t;
    case 1:
      return v > t;
    case 2:
      return v <= t;
    case 3:
      return v < t;
    case 4:
      return v === t;
    default:
      return v === v && v !== t;
  }
}

function ruleMatches(compiled: CompiledRules, r: number, scratch: Float64Array): boolean {
  const { allStart, anyStart, end, condSignal, condOp, condValue } = compiled;
  const a = allStart[r] as number;
  const b = anyStart[r] as number;
  const e = end[r] as number;
  for (let c = a; c < b; c++) {
    if (!conditionHolds(condOp[c] as number, scratch[condSignal[c] as number] as number, condValue[c] as number)) return false;
  }
  if (b === e) return true;
  for (let c = b; c < e; c++) {
    if (conditionHolds(condOp[c] as number, scratch[condSignal[c] as number] as number, condValue[c] as number)) return true;
  }
  return false;
}

/** The index of the rule that decides the level, or -1 when none matches. */
export function matchRules(compiled: CompiledRules, scratch: Float64Array, highest: boolean): number {
  const { levels } = compiled;
  const n = levels.length;
  let best = -1;
  let bestLevel = 0;
  for (let r = 0; r < n; r++) {
    const level = levels[r] as number;
    if (highest && level <= bestLevel) continue;
    if (!ruleMatches(compiled, r, scratch)) continue;
    if (!highest) return r;
    best = r;
    bestLevel = level;
  }
  return best;
}
