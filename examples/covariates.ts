/**
 * "Do referred customers buy more often, and do they stay longer?" Pareto/NBD with time-invariant
 * covariates (issue 18), on simulated customers with a known answer.
 *
 * Run on its own: `npx tsx examples/covariates.ts`. The demo can include it as a section:
 * `import { covariatesSection } from './covariates.js'` and add `covariatesSection()` lines.
 *
 * The data: 20,000 customers observed for 52 weeks after their first purchase, acquired through
 * search, ads or referral (referral 1 in 3), simulated with a purchase rate 1.8 times as high for
 * referred customers (coefficient ln 1.8 = 0.588) and a dropout rate 0.6 times as high
 * (coefficient ln 0.6 = -0.511), the two other channels alike.
 */
import { pathToFileURL } from 'node:url';
import { addCategoryIndicators, expectedPurchases, fitParetoNbd, probabilityAlive, simulateParetoNbd } from '../src/index.js';

const channels = ['search', 'ads', 'referral'] as const;

/** The section's lines (Markdown). */
export function covariatesSection(): string[] {
  const simulated = simulateParetoNbd(
    { parameters: { r: 0.6, alpha: 12, s: 0.8, beta: 20 } },
    {
      customers: 20_000,
      T: 52,
      seed: 42,
      covariates: {
        values: channels.map((channel) => ({ referral: channel === 'referral' ? 1 : 0 })),
        purchase: { referral: Math.log(1.8) },
        dropout: { referral: Math.log(0.6) },
      },
    },
  );
  // What a shop has: a summary per customer and the acquisition channel.
  const rows = simulated.map((c, i) => ({ frequency: c.frequency, recency: c.recency, T: c.T, channel: channels[i % 3] as string }));
  // The channel as 0/1 columns against the reference 'search'.
  const coded = addCategoryIndicators(rows, 'channel', { reference: 'search' });
  const model = fitParetoNbd(coded.rows, { timeUnit: 'week', covariates: { purchase: coded.names, dropout: coded.names } });
  const effects = model.covariates!;
  const lines = ['## Do referred customers buy more often? (Pareto/NBD with covariates, simulated shop)', '', '| channel vs search | purchase rate ratio (95% CI) | dropout rate ratio (95% CI) |', '|---|---|---|'];
  const ratio = (g: number, se: number) => `${Math.exp(g).toFixed(2)} (${Math.exp(g - 1.96 * se).toFixed(2)}-${Math.exp(g + 1.96 * se).toFixed(2)})`;
  for (const name of coded.names) {
    const se = effects.standardErrors!;
    lines.push(`| ${name.replace('channel=', '')} | ${ratio(effects.coefficients.purchase[name] as number, se.purchase[name] as number)} | ${ratio(effects.coefficients.dropout[name] as number, se.dropout[name] as number)} |`);
  }
  const customer = { frequency: 2, recency: 30, T: 52 };
  const search = { ...customer, 'channel=ads': 0, 'channel=referral': 0 };
  const referral = { ...customer, 'channel=ads': 0, 'channel=referral': 1 };
  const horizon = { length: 26, unit: 'week' } as const;
  lines.push(
    '',
    `True ratios: referral 1.80 (purchase) and 0.60 (dropout), ads 1 and 1. Log-likelihood ${model.logLikelihood.toFixed(1)}.`,
    `Same history (2 repeat purchases, last in week 30 of 52): next 26 weeks ${expectedPurchases(model, search, horizon).toFixed(2)} purchases if acquired by search,`,
    `${expectedPurchases(model, referral, horizon).toFixed(2)} if referred; P(alive) ${probabilityAlive(model, search).toFixed(2)} vs ${probabilityAlive(model, referral).toFixed(2)}.`,
  );
  return lines;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(covariatesSection().join('\n'));
