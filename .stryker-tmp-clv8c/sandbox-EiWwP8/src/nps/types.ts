/**
 * Types shared by the functions of the `nps` area.
 *
 * @module
 */
// @ts-nocheck


/** The category of one 0-10 "how likely are you to recommend us" answer. */
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/**
 * Custom bands: the inclusive score range `[from, to]` of each category on the 0-10 scale. They must
 * partition the scale in order: `detractor` starts at 0, `passive` starts right after `detractor`
 * ends, `promoter` starts right after `passive` ends and ends at 10 (no gap, no overlap).
 *
 * The standard bands are `{ detractor: [0, 6], passive: [7, 8], promoter: [9, 10] }`.
 */
export interface NpsBands {
  /** Scores counted as detractors, `[from, to]` inclusive; `from` must be 0. */
  readonly detractor: readonly [number, number];
  /** Scores counted as passives, `[from, to]` inclusive. */
  readonly passive: readonly [number, number];
  /** Scores counted as promoters, `[from, to]` inclusive; `to` must be 10. */
  readonly promoter: readonly [number, number];
}

/**
 * Named band presets.
 *
 * - `'standard'`: 0-6 detractor, 7-8 passive, 9-10 promoter (Bain & Company; Qualtrics). The NPS
 *   everybody reports; use it to compare with anyone else.
 * - `'lenient'`: 0-5 detractor, 6-7 passive, 8-10 promoter, the variant used in the project's
 *   source articles ("0-5 bad experience, 8-10 good"). It counts more promoters and fewer
 *   detractors from the same answers, so its score is higher by construction and **not comparable
 *   with standard NPS**: never put the two on one chart.
 */
export type NpsBandPreset = 'standard' | 'lenient';

/** Counts of responses per category: the "category map" accepted wherever raw scores are. */
export interface NpsCounts {
  /** Number of detractors (a whole number, at least 0). */
  readonly detractors: number;
  /** Number of passives (a whole number, at least 0). */
  readonly passives: number;
  /** Number of promoters (a whole number, at least 0). */
  readonly promoters: number;
}

/** Raw 0-10 scores: a plain array or a typed array such as `Uint8Array`. */
export type NpsScores =
  | readonly number[]
  | Uint8Array
  | Uint8ClampedArray
  | Uint16Array
  | Uint32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Float32Array
  | Float64Array;

/**
 * Raw 0-10 scores or counts per category. A {@link NpsBreakdown} is itself a valid `NpsInput` (its
 * counts are used; other properties are ignored).
 */
export type NpsInput = NpsScores | NpsCounts;

/**
 * How the confidence interval of a score is computed.
 *
 * - `'adjusted-wald'` (default): add 0.75 detractor, 1.5 passive and 0.75 promoter pseudo-responses
 *   (n + 3), then apply the Wald formula around the adjusted estimate. Better coverage for small
 *   samples and extreme scores (Rocks 2016).
 * - `'wald'`: the score plus or minus z times its standard error.
 */
export type NpsIntervalMethod = 'wald' | 'adjusted-wald';

/** What to do with an invalid response (a score that is not a whole number from 0 to 10, ...). */
export type NpsInvalidPolicy = 'throw' | 'skip';

/** A confidence interval, in NPS points. */
export interface NpsInterval {
  /** Lower bound. */
  readonly lower: number;
  /** Upper bound. */
  readonly upper: number;
}

/**
 * An NPS with its categories, uncertainty and interval. Scores, standard errors, intervals and
 * margins are in **NPS points** (the -100..100 scale); shares are fractions (0..1);
 * `responseVariance` is on the unit scale (-1..1), as in the R package NPS.
 */
export interface NpsBreakdown extends NpsCounts {
  /** Number of responses counted (`detractors + passives + promoters`), at least 1. */
  readonly n: number;
  /** Number of invalid responses skipped (always 0 unless `invalid: 'skip'` was asked for). */
  readonly skipped: number;
  /** `detractors / n`. */
  readonly detractorShare: number;
  /** `passives / n`. */
  readonly passiveShare: number;
  /** `promoters / n`. */
  readonly promoterShare: number;
  /** The NPS, `100 * (promoters - detractors) / n`, in points (-100..100). */
  readonly score: number;
  /**
   * Variance of one response on the unit scale (promoter = 1, passive = 0, detractor = -1):
   * `(p + d) - (p - d)^2` with `p`, `d` the promoter and detractor shares; between 0 and 1.
   */
  readonly responseVariance: number;
  /** Standard error of the score, in points: `100 * sqrt(responseVariance / n)` (Wald). */
  readonly standardError: number;
  /** The confidence level of `interval` (for example 0.95). */
  readonly confidence: number;
  /** How `interval` was computed. */
  readonly method: NpsIntervalMethod;
  /** The confidence interval of the score, in points, clamped to [-100, 100]. */
  readonly interval: NpsInterval;
  /**
   * Half the width of the interval before clamping, in points: z times the standard error of the
   * method (for `'adjusted-wald'`, the standard error of the adjusted estimate).
   */
  readonly marginOfError: number;
}
