/**
 * The demo's probabilistic CLV section: BG/NBD and Gamma-Gamma fitted on the sample shop's
 * transactions (daily purchase periods, reported in weeks), parameters with standard errors, a
 * holdout check of expected against actual purchases, and the top customers by 12-month CLV.
 */
import {
  customerLifetimeValue,
  expectedPurchasesBatch,
  fitBgNbd,
  fitGammaGamma,
  probabilityAliveBatch,
  rfmSummary,
  type BgNbdModel,
  type GammaGammaModel,
} from '../../src/clv/index.js';
import type { SampleShop } from '../data/sample-shop.js';

const DAY = 86_400_000;
const HOLDOUT_WEEKS = 13;

function parameterTable(model: BgNbdModel | GammaGammaModel): string[] {
  const parameters = model.parameters as unknown as Record<string, number>;
  const se = model.standardErrors as unknown as Record<string, number> | undefined;
  return [
    '| parameter | estimate | standard error |',
    '|---|---:|---:|',
    ...Object.keys(parameters).map((name) => `| ${name} | ${(parameters[name] as number).toFixed(3)} | ${se === undefined ? 'n/a' : (se[name] as number).toFixed(3)} |`),
  ];
}

/** Lines of the probabilistic CLV section of the report. */
export function clvModelsSection(shop: SampleShop): string[] {
  const lines: string[] = ['## Probabilistic CLV: BG/NBD and Gamma-Gamma', ''];
  const end = shop.observationEnd.getTime();
  const calibrationEnd = end - HOLDOUT_WEEKS * 7 * DAY;

  // 1. Holdout check: fit on the data up to 13 weeks before the end, predict the last 13 weeks.
  const calibration = rfmSummary(shop.transactions, { observationEnd: new Date(calibrationEnd), period: 'day', unit: 'week' });
  const holdoutModel = fitBgNbd(calibration, { timeUnit: 'week' });
  const expected = expectedPurchasesBatch(holdoutModel, calibration, { length: HOLDOUT_WEEKS, unit: 'week' });
  const actualDays = new Map<string, Set<number>>();
  for (const t of shop.transactions) {
    const ms = t.date.getTime();
    if (ms <= calibrationEnd || ms > end) continue;
    const days = actualDays.get(t.customerId) ?? new Set<number>();
    days.add(Math.floor(ms / DAY));
    actualDays.set(t.customerId, days);
  }
  const groups = new Map<string, { n: number; expected: number; actual: number }>();
  calibration.forEach((c, i) => {
    const key = c.frequency >= 7 ? '7+' : String(c.frequency);
    const g = groups.get(key) ?? { n: 0, expected: 0, actual: 0 };
    g.n += 1;
    g.expected += expected[i] as number;
    g.actual += actualDays.get(c.customerId)?.size ?? 0;
    groups.set(key, g);
  });
  lines.push(
    `Fitted on ${calibration.length} customers up to ${new Date(calibrationEnd).toISOString().slice(0, 10)} (weeks; converged: ${holdoutModel.convergence.converged}, ${holdoutModel.convergence.iterations} iterations), then checked on the last ${HOLDOUT_WEEKS} weeks:`,
    '',
    '| repeat purchases in calibration | customers | expected purchases per customer | actual |',
    '|---|---:|---:|---:|',
    ...['0', '1', '2', '3', '4', '5', '6', '7+']
      .filter((key) => groups.has(key))
      .map((key) => {
        const g = groups.get(key) as { n: number; expected: number; actual: number };
        return `| ${key} | ${g.n} | ${(g.expected / g.n).toFixed(2)} | ${(g.actual / g.n).toFixed(2)} |`;
      }),
    '',
  );

  // 2. The full-period fit: parameters, spend model, 12-month CLV.
  const summary = rfmSummary(shop.transactions, { observationEnd: shop.observationEnd, period: 'day', unit: 'week' });
  const model = fitBgNbd(summary, { timeUnit: 'week' });
  const spend = fitGammaGamma(summary);
  lines.push(`BG/NBD on all ${summary.length} customers (log-likelihood ${model.logLikelihood.toFixed(1)}):`, '', ...parameterTable(model), '');
  lines.push(
    `Gamma-Gamma on ${spend.customers} repeat customers: mean spend per purchase ${spend.meanSpend === undefined ? 'undefined (q <= 1)' : spend.meanSpend.toFixed(2)}.`,
    '',
    ...parameterTable(spend),
    '',
  );
  const clv = customerLifetimeValue({ transactionModel: model, spendModel: spend, customers: summary, horizon: { length: 12, unit: 'month' }, discountRate: 0.01 });
  const alive = probabilityAliveBatch(model, summary);
  const next = expectedPurchasesBatch(model, summary, { length: 12, unit: 'month' });
  const ranked = summary.map((c, i) => ({ c, i, value: clv[i] ?? 0 })).sort((x, y) => y.value - x.value);
  const total = ranked.reduce((sum, r) => sum + r.value, 0);
  lines.push(
    `12-month CLV (1% a month, discrete monthly discounting): ${total.toFixed(0)} over all customers. Top 10:`,
    '',
    '| customer | repeat purchases | weeks since last purchase | P(alive) | expected purchases (12 months) | CLV |',
    '|---|---:|---:|---:|---:|---:|',
    ...ranked
      .slice(0, 10)
      .map(({ c, i, value }) => `| ${c.customerId} | ${c.frequency} | ${(c.T - c.recency).toFixed(1)} | ${(alive[i] as number).toFixed(2)} | ${(next[i] as number).toFixed(2)} | ${value.toFixed(2)} |`),
  );
  return lines;
}
