/**
 * The `charts` area: Vega-Lite specifications (plain JSON objects) of the library's own results,
 * one function per chart. Each spec has a title, axis titles with units, a colour-blind-safe
 * palette (Okabe-Ito; viridis for heat maps), a `description` for screen readers, and labels in
 * English or Vietnamese (`locale: 'vi'`). Render them with `vega-lite` + `vega` (SVG, canvas) or
 * `vega-embed` in a page; the library itself depends on neither.
 *
 * @module charts
 */
export type { ChartLocale, ChartOptions, ChartSpec, ChartTitle } from './_internal/common.js';
export { npsDistributionChart } from './npsDistributionChart.js';
export type { NpsDistributionChartOptions } from './npsDistributionChart.js';
export { npsTrendChart } from './npsTrendChart.js';
export type { NpsTrendChartOptions } from './npsTrendChart.js';
export { npsSegmentsChart } from './npsSegmentsChart.js';
export type { NpsSegmentsChartOptions } from './npsSegmentsChart.js';
export { churnSeriesChart } from './churnSeriesChart.js';
export type { ChurnSeriesChartOptions } from './churnSeriesChart.js';
export { mrrMovementsChart } from './mrrMovementsChart.js';
export type { MrrMovementsChartOptions } from './mrrMovementsChart.js';
export { cohortRetentionChart } from './cohortRetentionChart.js';
export type { CohortRetentionChartOptions } from './cohortRetentionChart.js';
export { kaplanMeierChart } from './kaplanMeierChart.js';
export type { KaplanMeierChartOptions } from './kaplanMeierChart.js';
export { survivalGroupsChart } from './survivalGroupsChart.js';
export type { SurvivalGroup, SurvivalGroupsChartOptions } from './survivalGroupsChart.js';
export type { ChartTimeUnit } from './_internal/units.js';
export { lorenzChart } from './lorenzChart.js';
export type { LorenzChartInput, LorenzChartOptions } from './lorenzChart.js';
export { paretoChart } from './paretoChart.js';
export type { ParetoChartOptions } from './paretoChart.js';
export { abcClassesChart } from './abcClassesChart.js';
export type { AbcClassesChartOptions } from './abcClassesChart.js';
export { valueTiersChart } from './valueTiersChart.js';
export type { ValueTiersChartOptions } from './valueTiersChart.js';
export { rfmSegmentsChart } from './rfmSegmentsChart.js';
export type { RfmSegmentsChartOptions } from './rfmSegmentsChart.js';
export { whaleCurveChart } from './whaleCurveChart.js';
export type { WhaleCurveChartOptions } from './whaleCurveChart.js';
export { needLevelDistributionChart } from './needLevelDistributionChart.js';
export type { NeedLevelDistributionChartOptions } from './needLevelDistributionChart.js';
export { needLevelFunnelChart } from './needLevelFunnelChart.js';
export type { NeedLevelFunnelChartOptions } from './needLevelFunnelChart.js';
export { stageTransitionChart } from './stageTransitionChart.js';
export type { StageTransitionChartOptions } from './stageTransitionChart.js';
export { expectedPurchasesMatrixChart } from './expectedPurchasesMatrixChart.js';
export type { ExpectedPurchasesMatrixChartOptions } from './expectedPurchasesMatrixChart.js';
export { probabilityAliveMatrixChart } from './probabilityAliveMatrixChart.js';
export type { ProbabilityAliveMatrixChartOptions } from './probabilityAliveMatrixChart.js';
export { periodTransactionsChart } from './periodTransactionsChart.js';
export type { PeriodTransactionsChartOptions } from './periodTransactionsChart.js';
export { calibrationHoldoutChart } from './calibrationHoldoutChart.js';
export type { CalibrationHoldoutChartOptions } from './calibrationHoldoutChart.js';
export { holdoutTrackingChart } from './holdoutTrackingChart.js';
export type { HoldoutTrackingChartOptions } from './holdoutTrackingChart.js';
export { probabilityAliveHistoryChart } from './probabilityAliveHistoryChart.js';
export type { ProbabilityAliveHistoryChartOptions, PurchaseTimeline } from './probabilityAliveHistoryChart.js';
export { clvDistributionChart } from './clvDistributionChart.js';
export type { ClvDistributionChartOptions } from './clvDistributionChart.js';
export { purchaseRateHeterogeneityChart } from './purchaseRateHeterogeneityChart.js';
export type { PurchaseRateHeterogeneityChartOptions } from './purchaseRateHeterogeneityChart.js';
export { dropoutHeterogeneityChart } from './dropoutHeterogeneityChart.js';
export type { DropoutHeterogeneityChartOptions } from './dropoutHeterogeneityChart.js';
export { sbgCurvesChart } from './sbgCurvesChart.js';
export type { SbgCurvesChartOptions } from './sbgCurvesChart.js';
