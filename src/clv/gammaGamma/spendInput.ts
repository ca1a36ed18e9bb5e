/**
 * Boundary checks of spend models and spend histories for expectedSpend and customerLifetimeValue.
 *
 * @internal
 * @module
 */
import { checkMoney, isPlainMoneyNumber } from '../../_lib/money.js';
import { checkNumber, type IssueList } from '../../_lib/validate.js';
import { checkModelParameter } from '../shared/modelChecks.js';
import type { GammaGammaParameters } from './gammaGammaKernel.js';

/**
 * What the spend functions read from a Gamma-Gamma model: its `parameters` (and `kind`, when
 * present, must be 'gamma-gamma'). A fitted model qualifies, as does
 * `{ kind: 'gamma-gamma', parameters: { p: 6.25, q: 3.74, gamma: 15.44 } }`.
 */
export interface SpendModelSpec {
  /** 'gamma-gamma' (optional for hand-typed parameters). */
  readonly kind?: 'gamma-gamma';
  /** p, q, gamma > 0. */
  readonly parameters: GammaGammaParameters;
}

const NAMES = ['p', 'q', 'gamma'] as const;

// The parameters of a Gamma-Gamma model, or undefined with issues recorded.
export function checkSpendModel(value: unknown, path: string | readonly (string | number)[], issues: IssueList): GammaGammaParameters | undefined {
  const param = typeof path === 'string' ? [path] : [...path];
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', param, value === undefined ? 'is required' : 'must be a fitted Gamma-Gamma model');
    return undefined;
  }
  const v = value as { kind?: unknown; parameters?: unknown };
  if (v.kind !== undefined && v.kind !== 'gamma-gamma') {
    issues.add('invalid_value', [...param, 'kind'], 'must be "gamma-gamma"');
    return undefined;
  }
  if (typeof v.parameters !== 'object' || v.parameters === null) {
    issues.add('invalid_type', [...param, 'parameters'], v.parameters === undefined ? 'is required' : 'must be an object of parameters');
    return undefined;
  }
  let ok = true;
  for (const name of NAMES) ok = checkModelParameter((v.parameters as Record<string, unknown>)[name], [...param, 'parameters', name], issues) && ok;
  if (!ok) return undefined;
  const par = v.parameters as GammaGammaParameters;
  return { p: par.p, q: par.q, gamma: par.gamma };
}

// One { frequency, monetaryValue } (monetaryValue > 0 required when frequency > 0).
export function checkSpendHistory(value: unknown, path: string | readonly (string | number)[], issues: IssueList): { x: number; m: number } | undefined {
  const at = typeof path === 'string' ? [path] : [...path];
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', at, value === undefined ? 'is required' : 'must be an object with frequency and monetaryValue');
    return undefined;
  }
  const r = value as { frequency?: unknown; monetaryValue?: unknown };
  const f = checkNumber(r.frequency, [...at, 'frequency'], { integer: true, min: 0, max: 1e9 }, issues);
  let m: number | undefined;
  const mv = r.monetaryValue;
  // Plain numbers within the money range skip the decimal parse; others go through checkMoney (which
  // refuses amounts beyond 1e100).
  if (typeof mv === 'number' && isPlainMoneyNumber(mv)) m = mv;
  else m = checkMoney(mv, [...at, 'monetaryValue'], issues)?.toNumber();
  if (!f || m === undefined) return undefined;
  if ((r.frequency as number) > 0 && !(m > 0)) {
    issues.add('too_small', [...at, 'monetaryValue'], 'must be greater than 0 for a customer with repeat purchases');
    return undefined;
  }
  return { x: r.frequency as number, m };
}

// Many spend histories as columns.
export function checkSpendHistories(rows: unknown, param: string, issues: IssueList): { x: Float64Array; m: Float64Array } | undefined {
  if (!Array.isArray(rows)) {
    issues.add('invalid_type', [param], rows === undefined ? 'is required' : 'must be an array');
    return undefined;
  }
  const x = new Float64Array(rows.length);
  const m = new Float64Array(rows.length);
  let ok = true;
  for (let i = 0; i < rows.length; i++) {
    const h = checkSpendHistory(rows[i], [param, i], issues);
    if (h === undefined) ok = false;
    else {
      x[i] = h.x;
      m[i] = h.m;
    }
  }
  return ok ? { x, m } : undefined;
}
