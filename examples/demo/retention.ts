/**
 * The demo's retention section: monthly customer churn under the vendors' definitions side by side,
 * gross and net revenue retention, a monthly cohort table, and the survival curve's median lifetime.
 */
import {
  churnFromSubscriptions,
  churnSeries,
  cohortRetention,
  kaplanMeier,
  medianLifetime,
  mrrMovements,
  restrictedMeanLifetime,
  revenueRetention,
  survivalFromSubscriptions,
  survivalProbability,
  convertChurnRate,
} from '../../src/retention/index.js';
import type { SampleShop } from '../data/sample-shop.js';

const pct = (value: number | undefined): string => (value === undefined ? 'n/a' : `${(100 * value).toFixed(1)}%`);
const months = (value: number | undefined): string => (value === undefined ? 'not reached' : `${value.toFixed(1)} months`);

/** Lines of the retention section of the report. */
export function retentionSection(shop: SampleShop): string[] {
  const subs = shop.subscriptions;
  const end = shop.observationEnd.getTime();
  const lines: string[] = ['## Churn and retention', ''];
  if (subs.length === 0) return [...lines, 'No subscriptions.'];
  // The last six complete months before the end of the data.
  const endDate = shop.observationEnd;
  const to = Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth() - 1, 1);
  const from = Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth() - 6, 1);
  const series = churnSeries(subs, { from, to, trailingPeriods: 3 });
  const stripe = churnSeries(subs, { from, to, denominator: 'start-plus-new', joinedAndChurned: 'include' });
  const average = churnSeries(subs, { from, to, denominator: 'average' });
  lines.push(
    `Coffee club: ${new Set(subs.map((s) => s.customerId)).size} subscribers. Monthly customer churn, three definitions (a customer churns when all their subscriptions have ended):`,
    '',
    '| month | at start | new | lost | ChartMogul / ProfitWell (start) | Stripe (start + new) | average base | daily-compounded | 3-month trailing |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  series.forEach((row, i) => {
    const next = Date.UTC(row.periodStart.getUTCFullYear(), row.periodStart.getUTCMonth() + 1, 1);
    const daily = churnFromSubscriptions(subs, { start: row.periodStart, end: next }, { method: 'daily-compounded' });
    lines.push(
      `| ${row.label} | ${row.start} | ${row.new} | ${row.churned} | ${pct(row.rate)} | ${pct(stripe[i]?.rate)} | ${pct(average[i]?.rate)} | ${pct(daily.rate)} | ${pct(row.trailingAverage)} |`,
    );
  });
  const last = series[series.length - 1];
  if (last?.trailingAverage !== undefined) {
    lines.push('', `A 3-month average monthly churn of ${pct(last.trailingAverage)} compounds to ${pct(convertChurnRate(last.trailingAverage, { fromPeriods: 1, toPeriods: 12 }))} a year (not 12 x ${pct(last.trailingAverage)}).`);
  }

  const quarter = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2026, 3, 1) };
  const movements = mrrMovements(subs, quarter);
  const rr = revenueRetention(movements);
  lines.push(
    '',
    `Revenue, 2026-Q1: MRR ${movements.startingMrr.toFixed(2)} -> ${movements.endingMrr.toFixed(2)} (new ${movements.newMrr.toFixed(2)}, expansion ${movements.expansion.toFixed(2)}, ` +
      `contraction ${movements.contraction.toFixed(2)}, churned ${movements.churned.toFixed(2)}, reactivation ${movements.reactivation.toFixed(2)}). ` +
      `Gross revenue retention ${pct(rr.grossRevenueRetention)}, net revenue retention ${pct(rr.netRevenueRetention)}, quick ratio ${rr.quickRatio === undefined ? 'n/a' : rr.quickRatio.toFixed(2)}.`,
  );

  const cohorts = cohortRetention(subs, { observationEnd: end, period: 'quarter' });
  const width = Math.max(0, ...cohorts.cohorts.map((c) => c.retained.length));
  const header = Array.from({ length: width }, (_, k) => `Q+${k}`);
  lines.push('', 'Customer retention by acquisition quarter (share still subscribed at the end of each quarter; last row: size-weighted average):', '');
  lines.push(`| cohort | size | ${header.join(' | ')} |`, `|---|---:|${header.map(() => '---:').join('|')}|`);
  for (const c of cohorts.cohorts) {
    if (c.retention.length === 0) continue; // acquired in the current, unfinished quarter
    const cells = header.map((_, k) => (k < c.retention.length ? pct(c.retention[k]) : ''));
    lines.push(`| ${c.label} | ${c.size} | ${cells.join(' | ')} |`);
  }
  lines.push(`| average | | ${header.map((_, k) => pct(cohorts.averageRetention[k])).join(' | ')} |`);
  const revenue = cohorts.averageRevenueRetention;
  if (revenue !== undefined) lines.push(`| average MRR | | ${header.map((_, k) => pct(revenue[k])).join(' | ')} |`);

  const data = survivalFromSubscriptions(subs, { observationEnd: end, unit: 'month' });
  const km = kaplanMeier(data);
  const median = medianLifetime(km);
  const censored = data.observed.filter((o) => !o).length;
  lines.push(
    '',
    `Survival (Kaplan-Meier, ${data.durations.length} subscribers, ${censored} still active and censored): ${pct(survivalProbability(km, 6))} still subscribed after 6 months, ` +
      `${pct(survivalProbability(km, 12))} after 12. Median lifetime ${months(median.median)} (95% interval ${months(median.lower)} to ${months(median.upper)}); ` +
      `restricted mean over the first 12 months ${restrictedMeanLifetime(km, 12).toFixed(1)} months.`,
  );
  return lines;
}
