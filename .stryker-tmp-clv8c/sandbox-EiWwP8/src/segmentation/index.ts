/**
 * The `segmentation` area: Pareto analysis, Lorenz curve and Gini coefficient, ABC classes, value
 * tiers (the customer pyramid), RFM scores and segments, and per-segment summaries.
 *
 * @module segmentation
 */
// @ts-nocheck

export { paretoAnalysis } from './paretoAnalysis.js';
export type { ParetoAnalysis, ParetoAnalysisOptions, ParetoTarget, ParetoTopShare, ValuesInput } from './paretoAnalysis.js';
export { lorenzCurve } from './lorenzCurve.js';
export type { LorenzCurveOptions, LorenzPoint } from './lorenzCurve.js';
export { giniCoefficient } from './giniCoefficient.js';
export type { GiniCoefficientOptions } from './giniCoefficient.js';
export { classifyAbc } from './classifyAbc.js';
export type { AbcClass, AbcClassification, AbcClassSummary, ClassifyAbcOptions } from './classifyAbc.js';
export { valueTiers } from './valueTiers.js';
export type { ValueTierSpec, ValueTiers, ValueTiersOptions, ValueTierSummary, WhaleCurve, WhalePoint } from './valueTiers.js';
export { rfmScores } from './rfmScores.js';
export type { BinMethod, QuantileType, RfmEdges, RfmScore, RfmScores, RfmScoresOptions, RfmSummaryRow, RfmTransaction, RfmTransactionsInput } from './rfmScores.js';
export { rfmSegments } from './rfmSegments.js';
export type { RfmScoreInput, RfmScoreRange, RfmSegmentMapName, RfmSegmentRule, RfmSegmentsOptions } from './rfmSegments.js';
export { segmentSummary } from './segmentSummary.js';
export type { SegmentSummaryRow } from './segmentSummary.js';
