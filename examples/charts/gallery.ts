/**
 * Every chart of `customer-metrics/charts`, computed from the bundled sample shop
 * (examples/data/sample-shop.ts): what scripts/render-doc-charts.ts renders into docs/charts/ and
 * what the tests check against the Vega-Lite schema and render to SVG.
 *
 * Copy any entry as a starting point: each computes a result with the library and turns it into a
 * Vega-Lite spec.
 */
import * as charts from '../../src/charts/index.js';
import { npsBreakdown, npsBy, npsTrend } from '../../src/nps/index.js';
import { churnSeries, cohortRetention, kaplanMeier, logRankTest, mrrMovements, survivalFromSubscriptions } from '../../src/retention/index.js';
import { classifyAbc, giniCoefficient, lorenzCurve, paretoAnalysis, rfmScores, rfmSegments, segmentSummary, valueTiers } from '../../src/segmentation/index.js';
import { assignNeedLevels, funnelConversion, stageDistribution, stageTransitionMatrix, type NeedLevel } from '../../src/stages/index.js';
import {
  calibrationHoldoutSplit,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitShiftedBetaGeometric,
  frequencyRecencyMatrix,
  holdoutValidation,
  periodTransactionsHistogram,
  rfmSummary,
} from '../../src/clv/index.js';
import type { SampleShop } from '../data/sample-shop.js';
import { memberships, quarterlyCohorts } from '../demo/contractual.js';
import { generateSampleBehaviour } from '../data/sample-signals.js';

/** One chart of the gallery: its file name under docs/charts/, its area, and its spec. */
export interface GalleryChart {
  /** File name without extension, e.g. `nps-distribution`. */
  readonly name: string;
  /** The area doc that shows it (docs/<area>.md). */
  readonly area: 'nps' | 'retention' | 'segmentation' | 'stages' | 'clv';
  /** The chart function that made it. */
  readonly fn: keyof typeof charts;
  /** The Vega-Lite spec. */
  readonly spec: charts.ChartSpec;
}

/** The retention data of the shop in the units the charts use. */
function retentionCharts(shop: SampleShop): GalleryChart[] {
  const subs = shop.subscriptions;
  const end = shop.observationEnd.getTime();
  const endDate = shop.observationEnd;
  const from = Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth() - 12, 1);
  const to = Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth() - 1, 1);
  const series = churnSeries(subs, { from, to, trailingPeriods: 3 });
  const movements = mrrMovements(subs, { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 3, 1) });
  const cohorts = cohortRetention(subs, { observationEnd: end, period: 'quarter' });
  const survival = survivalFromSubscriptions(subs, { observationEnd: end, unit: 'month' });
  const km = kaplanMeier(survival);
  // Groups: the customer segment of each subscriber (B2B / B2C), from the customer list.
  const segmentOf = new Map(shop.customers.map((c) => [c.id, c.segment]));
  const firstSub = new Map<string, string>();
  for (const s of subs) if (!firstSub.has(s.customerId)) firstSub.set(s.customerId, segmentOf.get(s.customerId) ?? 'B2C');
  const bySegment = (segment: string) => {
    const subsOf = subs.filter((s) => segmentOf.get(s.customerId) === segment);
    return survivalFromSubscriptions(subsOf, { observationEnd: end, unit: 'month' });
  };
  const groups = ['B2C', 'B2B'].map((name) => ({ name, data: bySegment(name) })).filter((g) => g.data.durations.length > 0);
  const test = logRankTest(groups.map((g) => g.data));
  return [
    { name: 'retention-churn-series', area: 'retention', fn: 'churnSeriesChart', spec: charts.churnSeriesChart(series) },
    { name: 'retention-mrr-movements', area: 'retention', fn: 'mrrMovementsChart', spec: charts.mrrMovementsChart(movements) },
    { name: 'retention-cohorts', area: 'retention', fn: 'cohortRetentionChart', spec: charts.cohortRetentionChart(cohorts, { timeUnit: 'quarter' }) },
    { name: 'retention-kaplan-meier', area: 'retention', fn: 'kaplanMeierChart', spec: charts.kaplanMeierChart(km, { timeUnit: 'month' }) },
    {
      name: 'retention-survival-groups',
      area: 'retention',
      fn: 'survivalGroupsChart',
      spec: charts.survivalGroupsChart(
        groups.map((g) => ({ name: g.name, curve: kaplanMeier(g.data) })),
        test,
        { timeUnit: 'month' },
      ),
    },
  ];
}

function npsCharts(shop: SampleShop): GalleryChart[] {
  const responses = shop.npsResponses;
  const breakdown = npsBreakdown(responses.map((r) => r.score));
  const charted: GalleryChart[] = [];
  if (breakdown !== undefined) charted.push({ name: 'nps-distribution', area: 'nps', fn: 'npsDistributionChart', spec: charts.npsDistributionChart(breakdown) });
  charted.push(
    { name: 'nps-trend', area: 'nps', fn: 'npsTrendChart', spec: charts.npsTrendChart(npsTrend(responses, { period: 'quarter' })) },
    { name: 'nps-segments', area: 'nps', fn: 'npsSegmentsChart', spec: charts.npsSegmentsChart(npsBy(responses, (r) => `${r.segment} ${r.region}`), { sort: 'score' }) },
    // One chart in Vietnamese, to show the locale.
    { name: 'nps-segments-vi', area: 'nps', fn: 'npsSegmentsChart', spec: charts.npsSegmentsChart(npsBy(responses, (r) => r.region), { sort: 'score', locale: 'vi' }) },
  );
  return charted;
}

function segmentationCharts(shop: SampleShop): GalleryChart[] {
  const rfm = rfmScores({ transactions: shop.transactions, analysisDate: shop.observationEnd });
  if (rfm === undefined) return [];
  const revenueById = new Map(rfm.customers.map((c) => [c.customerId, c.monetary]));
  const revenue = shop.customers.map((c) => revenueById.get(c.id) ?? 0);
  const out: GalleryChart[] = [];
  const lorenz = lorenzCurve(revenue, { points: 101 });
  if (lorenz !== undefined) out.push({ name: 'segmentation-lorenz', area: 'segmentation', fn: 'lorenzChart', spec: charts.lorenzChart({ lorenz, gini: giniCoefficient(revenue) }) });
  const pareto = paretoAnalysis(revenue);
  if (pareto !== undefined) out.push({ name: 'segmentation-pareto', area: 'segmentation', fn: 'paretoChart', spec: charts.paretoChart(pareto) });
  const abc = classifyAbc(revenue);
  if (abc !== undefined) out.push({ name: 'segmentation-abc', area: 'segmentation', fn: 'abcClassesChart', spec: charts.abcClassesChart(abc) });
  const tiers = valueTiers(revenue);
  if (tiers !== undefined) out.push({ name: 'segmentation-value-tiers', area: 'segmentation', fn: 'valueTiersChart', spec: charts.valueTiersChart(tiers) });
  const summary = segmentSummary(
    rfm.customers.map((c) => c.monetary),
    rfmSegments(rfm.customers),
  );
  if (summary !== undefined) out.push({ name: 'segmentation-rfm', area: 'segmentation', fn: 'rfmSegmentsChart', spec: charts.rfmSegmentsChart(summary) });
  // An illustrative profit per customer: a 40% gross margin on revenue less a cost to serve of 15
  // per customer, so that customers who buy little destroy value and the whale curve has its hump.
  const profit = revenue.map((r) => 0.4 * Number(r) - 15);
  const whale = valueTiers(profit)?.whaleCurve;
  if (whale !== undefined) out.push({ name: 'segmentation-whale', area: 'segmentation', fn: 'whaleCurveChart', spec: charts.whaleCurveChart(whale) });
  return out;
}

function stagesCharts(shop: SampleShop): GalleryChart[] {
  const behaviour = generateSampleBehaviour(shop);
  const now = assignNeedLevels(shop.signals);
  const before = assignNeedLevels(behaviour.previousSignals);
  const distribution = stageDistribution(now.levels);
  const funnel = funnelConversion(
    behaviour.levelObservations.map((h) => h.observations),
    { fromLevel: 2 },
  );
  const snapshot = (levels: Uint8Array) => shop.signals.map((s, i) => ({ id: s.customerId, level: levels[i] as NeedLevel }));
  const matrix = stageTransitionMatrix(snapshot(before.levels), snapshot(now.levels));
  return [
    { name: 'stages-distribution', area: 'stages', fn: 'needLevelDistributionChart', spec: charts.needLevelDistributionChart(distribution) },
    { name: 'stages-distribution-vi', area: 'stages', fn: 'needLevelDistributionChart', spec: charts.needLevelDistributionChart(distribution, { locale: 'vi' }) },
    { name: 'stages-funnel', area: 'stages', fn: 'needLevelFunnelChart', spec: charts.needLevelFunnelChart(funnel) },
    { name: 'stages-transitions', area: 'stages', fn: 'stageTransitionChart', spec: charts.stageTransitionChart(matrix) },
  ];
}

const DAY = 86_400_000;

function clvCharts(shop: SampleShop): GalleryChart[] {
  const end = shop.observationEnd.getTime();
  const calibrationEnd = end - 13 * 7 * DAY;
  // Calibration / holdout: fit on all but the last 13 weeks, check on those weeks.
  const split = calibrationHoldoutSplit(shop.transactions, { calibrationEnd, observationEnd: end, period: 'day', unit: 'week' });
  const calibrationModel = fitBgNbd(split, { timeUnit: 'week' });
  const validation = holdoutValidation(calibrationModel, split, { tracking: { transactions: shop.transactions, calibrationEnd, unit: 'week' } });
  // The full-period model.
  const summary = rfmSummary(shop.transactions, { observationEnd: shop.observationEnd, period: 'day', unit: 'week' });
  const model = fitBgNbd(summary, { timeUnit: 'week' });
  const spend = fitGammaGamma(summary);
  const T = Math.max(...summary.map((c) => c.T));
  const matrix = frequencyRecencyMatrix(model, { length: 13, unit: 'week' }, { T: Math.round(T), maxFrequency: 15, recencySteps: 15 });
  const clv = customerLifetimeValue({ transactionModel: model, spendModel: spend, customers: summary, horizon: { length: 12, unit: 'month' }, discountRate: 0.01 });
  // One customer's history: the first customer (by id) with 8 purchase days, in weeks from the first.
  const days = new Map<string, Set<number>>();
  for (const t of shop.transactions) days.set(t.customerId, (days.get(t.customerId) ?? new Set<number>()).add(Math.floor(t.date.getTime() / DAY)));
  const chosen = [...days].filter(([, d]) => d.size === 8).sort(([a], [b]) => (a < b ? -1 : 1))[0]?.[1] ?? new Set([Math.floor(end / DAY)]);
  const firstDay = Math.min(...chosen);
  const first = firstDay * DAY;
  const purchaseTimes = [...chosen].sort((a, b) => a - b).map((d) => (d - firstDay) / 7);
  const out: GalleryChart[] = [
    { name: 'clv-expected-purchases-matrix', area: 'clv', fn: 'expectedPurchasesMatrixChart', spec: charts.expectedPurchasesMatrixChart(matrix) },
    { name: 'clv-probability-alive-matrix', area: 'clv', fn: 'probabilityAliveMatrixChart', spec: charts.probabilityAliveMatrixChart(matrix) },
    { name: 'clv-period-transactions', area: 'clv', fn: 'periodTransactionsChart', spec: charts.periodTransactionsChart(periodTransactionsHistogram(model, summary)) },
    { name: 'clv-calibration-holdout', area: 'clv', fn: 'calibrationHoldoutChart', spec: charts.calibrationHoldoutChart(validation) },
  ];
  if (validation.tracking !== undefined) {
    out.push(
      { name: 'clv-tracking-cumulative', area: 'clv', fn: 'holdoutTrackingChart', spec: charts.holdoutTrackingChart(validation.tracking) },
      { name: 'clv-tracking-incremental', area: 'clv', fn: 'holdoutTrackingChart', spec: charts.holdoutTrackingChart(validation.tracking, { view: 'incremental' }) },
    );
  }
  out.push(
    { name: 'clv-probability-alive-history', area: 'clv', fn: 'probabilityAliveHistoryChart', spec: charts.probabilityAliveHistoryChart(model, { purchaseTimes, T: (end - first) / (7 * DAY) }) },
    { name: 'clv-distribution', area: 'clv', fn: 'clvDistributionChart', spec: charts.clvDistributionChart(clv, { upperQuantile: 0.95 }) },
    { name: 'clv-purchase-rate-heterogeneity', area: 'clv', fn: 'purchaseRateHeterogeneityChart', spec: charts.purchaseRateHeterogeneityChart(model) },
    { name: 'clv-dropout-heterogeneity', area: 'clv', fn: 'dropoutHeterogeneityChart', spec: charts.dropoutHeterogeneityChart(model) },
  );
  const cohorts = quarterlyCohorts(memberships(shop), end);
  if (cohorts.length > 0) {
    const sbg = fitShiftedBetaGeometric(cohorts.map((c) => c.counts));
    const oldest = cohorts[0]?.counts ?? [1];
    out.push({
      name: 'clv-sbg-curves',
      area: 'clv',
      fn: 'sbgCurvesChart',
      spec: charts.sbgCurvesChart(sbg, { periods: 12, timeUnit: 'month', observedSurvival: oldest.slice(0, 13).map((c) => c / (oldest[0] ?? 1)) }),
    });
  }
  return out;
}

/** Every chart of the gallery, in documentation order. */
export function galleryCharts(shop: SampleShop): GalleryChart[] {
  return [...npsCharts(shop), ...retentionCharts(shop), ...segmentationCharts(shop), ...stagesCharts(shop), ...clvCharts(shop)];
}
