/**
 * The demo's report-tool part: writes the sample shop as the four CSV files a user would export
 * (transactions, subscriptions, survey responses, behaviour signals), then runs the report tool
 * (report/, the `customer-metrics-report` command) on them, in English and in Vietnamese.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArguments, runReport, type ReportArguments } from '../../report/src/index.js';
import type { SampleShop } from '../data/sample-shop.js';

const day = (d: Date): string => d.toISOString().slice(0, 10);
const SIGNAL_COLUMNS = [
  'daysSinceLastActivity',
  'problemContentViews',
  'solutionSearches',
  'brandComparisons',
  'pricingViews',
  'cartAdds',
  'demoRequests',
  'purchases',
  'repurchaseSignals',
] as const;

/** The four CSV files of the shop, written to `dir`; returns their paths. */
export function writeShopCsv(shop: SampleShop, dir: string): { transactions: string; subscriptions: string; responses: string; signals: string } {
  mkdirSync(dir, { recursive: true });
  const paths = {
    transactions: join(dir, 'transactions.csv'),
    subscriptions: join(dir, 'subscriptions.csv'),
    responses: join(dir, 'nps-responses.csv'),
    signals: join(dir, 'customers.csv'),
  };
  writeFileSync(paths.transactions, ['customer_id,date,amount', ...shop.transactions.map((t) => `${t.customerId},${day(t.date)},${t.amount}`)].join('\n') + '\n');
  writeFileSync(
    paths.subscriptions,
    ['customer_id,start,end,mrr', ...shop.subscriptions.map((s) => `${s.customerId},${day(s.start)},${s.end === undefined ? '' : day(s.end)},${s.mrr}`)].join('\n') + '\n',
  );
  writeFileSync(paths.responses, ['customer_id,date,score,segment', ...shop.npsResponses.map((r) => `${r.customerId},${day(r.date)},${r.score},${r.segment}`)].join('\n') + '\n');
  writeFileSync(paths.signals, [`customer_id,${SIGNAL_COLUMNS.join(',')}`, ...shop.signals.map((s) => [s.customerId, ...SIGNAL_COLUMNS.map((c) => s[c])].join(','))].join('\n') + '\n');
  return paths;
}

/** Writes the CSV files to `dir` and the report in both locales; returns the report paths. */
export async function demoReport(shop: SampleShop, dir: string, quiet = true): Promise<{ en: string; vi: string; csv: ReturnType<typeof writeShopCsv> }> {
  const csv = writeShopCsv(shop, join(dir, 'csv'));
  const files = ['--transactions', csv.transactions, '--subscriptions', csv.subscriptions, '--responses', csv.responses, '--signals', csv.signals];
  const out = { en: join(dir, 'report.html'), vi: join(dir, 'report.vi.html') };
  for (const locale of ['en', 'vi'] as const) {
    const args = parseArguments([...files, '--out', out[locale], '--locale', locale, ...(quiet ? ['--quiet'] : [])]) as ReportArguments;
    await runReport(args, process.stderr);
  }
  return { ...out, csv };
}
