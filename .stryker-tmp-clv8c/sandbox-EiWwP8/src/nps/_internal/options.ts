/**
 * Option schemas shared by the functions of the `nps` area.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import { numberSchema, z } from '../../_lib/validate.js';

/** A confidence level strictly between 0 and 1. */
export const confidenceSchema = numberSchema({ greaterThan: 0, lessThan: 1 }).optional();

/** The interval method. */
export const methodSchema = z.enum(['wald', 'adjusted-wald']).optional();

/** The policy for invalid responses. */
export const invalidSchema = z.enum(['throw', 'skip']).optional();

/** Bands are checked by `checkBands`; the schema only lets the key through. */
export const bandsSchema = z.unknown().optional();

/** The default confidence level. */
export const DEFAULT_CONFIDENCE = 0.95;
