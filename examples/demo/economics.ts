/**
 * The demo's economics section: unit economics of the coffee club and a customer-experience
 * what-if: what five more points of retention are worth, and whether a programme that costs a
 * given amount pays for itself. Every input is written out: the library has no industry defaults.
 */
import { cacPayback, cxInvestmentReturn, ltvToCac, retentionUpliftValue } from '../../src/economics/index.js';
import { ltvFromChurn } from '../../src/clv/index.js';
import type { SampleShop } from '../data/sample-shop.js';

const money = (value: { toFixed(digits: number): string }): string => value.toFixed(0);

/** Lines of the economics section of the report. */
export function economicsSection(shop: SampleShop): string[] {
  const lines: string[] = ['## Economics: what retention is worth', ''];
  // The coffee club's monthly economics from the sample subscriptions.
  const active = shop.subscriptions.filter((s) => s.end === undefined || s.end > shop.observationEnd);
  const arpa = active.length === 0 ? 0 : active.reduce((sum, s) => sum + s.mrr, 0) / active.length;
  const churned = shop.subscriptions.filter((s) => s.end !== undefined && s.end <= shop.observationEnd).length;
  const months = 15; // 2025-01 to 2026-03
  const monthlyChurn = Math.min(0.99, Math.max(0.005, churned / Math.max(1, shop.subscriptions.length) / months));
  const grossMargin = 0.4; // assumed for the example
  const cac = 60; // assumed acquisition cost per subscriber
  const ltv = ltvFromChurn({ arpaPerPeriod: arpa.toFixed(2), grossMargin, churnRatePerPeriod: monthlyChurn });
  const payback = cacPayback({ cac, arpaPerPeriod: arpa.toFixed(2), grossMargin });
  lines.push(
    `Coffee club: ${active.length} active subscribers, ARPA ${arpa.toFixed(2)} a month, monthly churn about ${(100 * monthlyChurn).toFixed(1)}%. ` +
      `At a ${grossMargin * 100}% gross margin (assumed) the margin LTV is ${money(ltv)}; with an assumed CAC of ${cac}, LTV:CAC is ` +
      `${ltvToCac({ ltv, cac })?.toFixed(1)} and the CAC is recovered in ${payback === undefined ? 'never' : `${payback.toFixed(1)} months`}.`,
    '',
  );

  // What-if: +5 points of yearly retention (periods of a year, so that five points is a modest
  // change: monthly retention is already near 97%), over 5 years at a 10% yearly discount rate.
  const retention = (1 - monthlyChurn) ** 12;
  const uplift = 0.05;
  const marginPerYear = (arpa * 12 * grossMargin).toFixed(2);
  const base = { customers: active.length, marginPerPeriod: marginPerYear, retentionRatePerPeriod: retention, discountRatePerPeriod: 0.1, horizonPeriods: 5 };
  const value = retentionUpliftValue({ ...base, retentionUplift: uplift });
  lines.push(
    `What-if: yearly retention up 5 points (${(100 * retention).toFixed(1)}% to ${(100 * (retention + uplift)).toFixed(1)}%), ` +
      `over 5 years at a 10% yearly discount rate: CLV per subscriber ${money(value.baselineClv)} to ${money(value.improvedClv)} ` +
      `(${value.relativeGain === undefined ? '-' : `+${(100 * value.relativeGain).toFixed(1)}%`}), worth ${money(value.totalGain)} over the current base.`,
    '',
  );
  const programme = cxInvestmentReturn({
    ...base,
    benefits: { retentionUplift: uplift, spendUplift: 0.02 },
    upfrontCosts: { training: 2500, tools: 1500, touchpointRedesign: 3000 },
    costsPerPeriod: { people: 4000, tools: 1000 },
  });
  lines.push(
    '| CX programme (assumed figures) | value |',
    '|---|---:|',
    `| benefit: retention | ${money(programme.benefitBreakdown.retention)} |`,
    `| benefit: spending (+2%) | ${money(programme.benefitBreakdown.spend)} |`,
    `| cost: 7,000 upfront + 5,000 a year | ${money(programme.cost)} |`,
    `| net present value | ${money(programme.netValue)} |`,
    `| return on investment | ${programme.roi === undefined ? '-' : `${(100 * programme.roi).toFixed(0)}%`} |`,
    `| payback | ${programme.paybackPeriods === undefined ? 'not within 5 years' : `${programme.paybackPeriods.toFixed(1)} years`} |`,
  );
  return lines;
}
