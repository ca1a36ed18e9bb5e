/**
 * The demo's contractual section: the coffee club's subscription cohorts, a shifted-beta-geometric
 * fit, its retention projection, and the discounted expected residual lifetime (DERL) of members at
 * different tenures, with a parametric-bootstrap interval.
 */
import {
  discountedExpectedResidualLifetime,
  fitShiftedBetaGeometric,
  predictionInterval,
  retentionCurve,
  survivalCurve,
} from '../../src/clv/index.js';
import type { SampleShop } from '../data/sample-shop.js';

const DAY = 86_400_000;
/** The coffee club bills every 30 days: one renewal decision per billing period. */
const BILLING = 30 * DAY;

export interface Membership {
  start: number;
  end: number | undefined;
  mrr: number;
}

/** One membership per customer: an upgrade continues the same membership. */
export function memberships(shop: SampleShop): Membership[] {
  const byCustomer = new Map<string, Membership>();
  for (const s of shop.subscriptions) {
    const start = s.start.getTime();
    const end = s.end?.getTime();
    const m = byCustomer.get(s.customerId);
    if (m === undefined) byCustomer.set(s.customerId, { start, end, mrr: s.mrr });
    else {
      m.start = Math.min(m.start, start);
      if (start >= (m.end ?? -Infinity) || end === undefined) m.end = end;
      m.mrr = Math.max(m.mrr, s.mrr);
    }
  }
  return [...byCustomer.values()];
}

/**
 * Survivor counts of quarterly cohorts: counts[t] = members still subscribed after t billing periods,
 * for every t that all of the cohort's members have been observed for.
 */
export function quarterlyCohorts(list: Membership[], observationEnd: number): { label: string; counts: number[] }[] {
  const groups = new Map<string, Membership[]>();
  for (const m of list) {
    const d = new Date(m.start);
    const label = `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    groups.set(label, [...(groups.get(label) ?? []), m]);
  }
  const out: { label: string; counts: number[] }[] = [];
  for (const [label, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const lastStart = Math.max(...members.map((m) => m.start));
    const periods = Math.floor((observationEnd - lastStart) / BILLING);
    if (periods < 1) continue;
    const counts: number[] = [];
    for (let t = 0; t <= periods; t++) counts.push(members.filter((m) => m.end === undefined || m.end - m.start > t * BILLING).length);
    out.push({ label, counts });
  }
  return out;
}

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

/** Lines of the contractual (subscription) section of the report. */
export function contractualSection(shop: SampleShop): string[] {
  const lines: string[] = ['## Subscriptions: retention projection and residual value (sBG)', ''];
  const list = memberships(shop);
  const cohorts = quarterlyCohorts(list, shop.observationEnd.getTime());
  if (cohorts.length === 0) return [...lines, 'Not enough subscription history.'];
  const model = fitShiftedBetaGeometric(cohorts.map((c) => c.counts));
  const se = model.standardErrors;
  lines.push(
    `${list.length} coffee-club members in ${cohorts.length} quarterly cohorts, 30-day billing periods. ` +
      `Shifted-beta-geometric fit: alpha ${model.parameters.alpha.toFixed(3)}${se ? ` (SE ${se.alpha.toFixed(3)})` : ''}, ` +
      `beta ${model.parameters.beta.toFixed(3)}${se ? ` (SE ${se.beta.toFixed(3)})` : ''}; ` +
      `mean churn per period ${pct(model.parameters.alpha / (model.parameters.alpha + model.parameters.beta))}, log-likelihood ${model.logLikelihood.toFixed(1)}.`,
    '',
  );

  // The oldest cohort: actual survival next to the model, and the projection beyond the data.
  const oldest = cohorts[0] as { label: string; counts: number[] };
  const horizon = 24;
  const survival = survivalCurve(model, { periods: horizon });
  const retention = retentionCurve(model, { periods: horizon });
  lines.push(`Cohort ${oldest.label} (${oldest.counts[0]} members): actual vs fitted share still subscribed, then the projection.`, '');
  lines.push('| period | actual | model | retention in period |', '|---:|---:|---:|---:|');
  for (const t of [1, 2, 3, 6, 9, 12, 15, 18, 24]) {
    const actual = t < oldest.counts.length ? pct((oldest.counts[t] as number) / (oldest.counts[0] as number)) : '(projected)';
    lines.push(`| ${t} | ${actual} | ${pct(survival[t] as number)} | ${pct(retention[t - 1] as number)} |`);
  }

  // DERL at 1% per billing period, in payments and in money for a member paying the mean fee.
  const meanFee = list.reduce((s, m) => s + m.mrr, 0) / list.length;
  const discountRate = 0.01;
  lines.push(
    '',
    `Discounted expected residual lifetime (DERL) at ${pct(discountRate)} per period: future payments a member is still expected to make, ` +
      `evaluated just before her next renewal; residual value at the mean fee of ${meanFee.toFixed(2)} per period, with a 90% parametric-bootstrap interval.`,
    '',
    '| renewals so far | DERL (payments) | 90% interval | residual value |',
    '|---:|---:|---|---:|',
  );
  for (const renewals of [0, 3, 6, 12]) {
    const derl = (m: typeof model) => discountedExpectedResidualLifetime(m, { renewals, discountRate });
    const interval = predictionInterval(model, derl, { draws: 400, seed: 2026 });
    lines.push(
      `| ${renewals} | ${interval.estimate.toFixed(2)} | [${interval.lower.toFixed(2)}, ${interval.upper.toFixed(2)}] | ${(interval.estimate * meanFee).toFixed(2)} |`,
    );
  }
  lines.push('', 'Members who have renewed many times are worth more: the ones likely to churn have already left.');
  return lines;
}
