/**
 * The `retention` area: churn as the SaaS tools define it (ChartMogul, Baremetrics, Stripe,
 * ProfitWell), revenue retention, cohorts, and survival analysis (Kaplan-Meier, Nelson-Aalen,
 * log-rank) with confidence intervals.
 *
 * @module retention
 */
// @ts-nocheck

export { churnRate } from './churnRate.js';
export type { ChurnCounts, ChurnRateOptions } from './churnRate.js';
export { retentionRate } from './retentionRate.js';
export type { RetentionRateOptions } from './retentionRate.js';
export { convertChurnRate } from './convertChurnRate.js';
export type { ConvertChurnRateOptions } from './convertChurnRate.js';
export { expectedLifetime } from './expectedLifetime.js';
export { revenueRetention } from './revenueRetention.js';
export type { RevenueMovements, RevenueRetention } from './revenueRetention.js';
export { churnFromSubscriptions } from './churnFromSubscriptions.js';
export type { ChurnFromSubscriptionsOptions, SubscriptionChurn } from './churnFromSubscriptions.js';
export { mrrMovements } from './mrrMovements.js';
export type { MrrMovements } from './mrrMovements.js';
export { churnSeries } from './churnSeries.js';
export type { ChurnSeriesOptions, ChurnSeriesRow } from './churnSeries.js';
export { cohortRetention } from './cohortRetention.js';
export type { ActivitySpan, CohortRetentionOptions, CohortRetentionResult, CohortRow } from './cohortRetention.js';
export { kaplanMeier } from './kaplanMeier.js';
export type { KaplanMeierOptions, KaplanMeierResult, SurvivalIntervalMethod } from './kaplanMeier.js';
export { survivalProbability } from './survivalProbability.js';
export { medianLifetime } from './medianLifetime.js';
export type { MedianLifetime } from './medianLifetime.js';
export { restrictedMeanLifetime } from './restrictedMeanLifetime.js';
export { nelsonAalen } from './nelsonAalen.js';
export type { NelsonAalenResult } from './nelsonAalen.js';
export { logRankTest } from './logRankTest.js';
export type { LogRankGroup, LogRankResult } from './logRankTest.js';
export { survivalFromSubscriptions } from './survivalFromSubscriptions.js';
export type { SubscriptionSurvival, SurvivalFromSubscriptionsOptions } from './survivalFromSubscriptions.js';
export type { SubscriptionRecord } from './_internal/subscriptions.js';
export type { ChurnPeriod } from './_internal/period.js';
export type { SurvivalData } from './_internal/survival.js';
export type { ChurnDenominator, JoinedAndChurned } from './_internal/rate.js';
