/**
 * The breakdown kernel: shares, score, variance, standard error and interval from category counts.
 *
 * @internal
 * @module
 */
import { twoSidedZ } from '../../_lib/stats.js';
import { type IssueList, numberSchema, parseInput, z } from '../../_lib/validate.js';
import type { NpsBreakdown, NpsInput, NpsIntervalMethod } from '../types.js';
import type { BandTable } from './bands.js';
import { applyBands, checkAndTally, isScoreArray } from './tally.js';

/** Pseudo-responses of the adjusted Wald interval (Rocks 2016): detractor, passive, promoter. */
export const ADJUSTED_WALD_PSEUDO = [0.75, 1.5, 0.75] as const;

/** The two-sided normal quantile for a confidence level. */
export function zFor(confidence: number): number {
  return twoSidedZ(confidence);
}

/**
 * Per-response variance on the unit scale, `(p + d) - (p - d)^2`, never below 0 (rounding).
 * R package NPS: `nps_var`.
 */
export function unitVariance(promoterShare: number, detractorShare: number): number {
  const diff = promoterShare - detractorShare;
  return Math.max(0, promoterShare + detractorShare - diff * diff);
}

function clamp(value: number, limit: number): number {
  return Math.min(limit, Math.max(-limit, value));
}

/** Builds the breakdown of counts with at least one response. */
export function breakdownFromCounts(
  detractors: number,
  passives: number,
  promoters: number,
  skipped: number,
  confidence: number,
  method: NpsIntervalMethod,
): NpsBreakdown | undefined {
  const n = detractors + passives + promoters;
  if (n === 0) return undefined;
  const p = promoters / n;
  const d = detractors / n;
  // clamped: near 2^53 responses, 100 * (p - d) rounds up and the quotient can exceed 100 by an ulp
  const score = clamp((100 * (promoters - detractors)) / n, 100);
  const responseVariance = unitVariance(p, d);
  const standardError = 100 * Math.sqrt(responseVariance / n);
  const z = zFor(confidence);
  let center = score;
  let methodSe = standardError;
  if (method === 'adjusted-wald') {
    const nAdj = n + ADJUSTED_WALD_PSEUDO[0] + ADJUSTED_WALD_PSEUDO[1] + ADJUSTED_WALD_PSEUDO[2];
    const pAdj = (promoters + ADJUSTED_WALD_PSEUDO[2]) / nAdj;
    const dAdj = (detractors + ADJUSTED_WALD_PSEUDO[0]) / nAdj;
    center = 100 * (pAdj - dAdj);
    methodSe = 100 * Math.sqrt(unitVariance(pAdj, dAdj) / nAdj);
  }
  const marginOfError = z * methodSe;
  return {
    n,
    skipped,
    detractors,
    passives,
    promoters,
    detractorShare: d,
    passiveShare: passives / n,
    promoterShare: p,
    score,
    responseVariance,
    standardError,
    confidence,
    method,
    interval: { lower: clamp(center - marginOfError, 100), upper: clamp(center + marginOfError, 100) },
    marginOfError,
  };
}

// Counts up to 2^53 - 1: beyond it whole numbers are no longer exact in floating point.
const count = numberSchema({ integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
/** Counts: extra keys are allowed, so a breakdown can be passed where counts are expected. */
const countsSchema = z.object({ detractors: count, passives: count, promoters: count });

/** A validated input: a histogram of raw scores, or category counts. */
export type CheckedInput =
  | { readonly hist: Float64Array; readonly skipped: number }
  | { readonly counts: readonly [number, number, number] };

/** Category counts and skipped entries of a checked input under the bands of `table`. */
export function countsOf(input: CheckedInput, table: BandTable): { counts: readonly [number, number, number]; skipped: number } {
  return 'hist' in input ? { counts: applyBands(input.hist, table), skipped: input.skipped } : { counts: input.counts, skipped: 0 };
}

/**
 * Checks an {@link NpsInput} at `path` (raw scores or counts), or records issues and returns
 * `undefined`.
 */
export function checkNpsInput(value: unknown, path: string, skip: boolean, issues: IssueList): CheckedInput | undefined {
  if (isScoreArray(value)) {
    const tally = checkAndTally(value, [path], skip, issues);
    return tally === undefined ? undefined : { hist: tally.hist, skipped: tally.invalid };
  }
  if (typeof value !== 'object' || value === null) {
    issues.add('invalid_type', [path], value === undefined ? 'is required' : 'must be an array of scores or an object of counts');
    return undefined;
  }
  const parsed = parseInput(countsSchema, value, path, issues);
  if (parsed === undefined) return undefined;
  // the total n must be exact too (shares and the standard error divide by it)
  if (parsed.detractors + parsed.passives + parsed.promoters > Number.MAX_SAFE_INTEGER) {
    issues.add('too_big', [path], 'counts must add up to at most 2^53 - 1 responses');
    return undefined;
  }
  return { counts: [parsed.detractors, parsed.passives, parsed.promoters] };
}
