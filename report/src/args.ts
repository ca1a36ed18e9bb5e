/**
 * The command line: flags, their defaults and their checks. Every problem is one line naming the
 * flag; `--help` prints the usage.
 */
import { parseArgs } from 'node:util';
import { parseIsoDate } from './csv/fields.js';
import { ReportError } from './errors.js';
import { DEFAULT_COLUMNS, type ColumnNames } from './inputs.js';

export type OutputFormat = 'html' | 'md' | 'json';

/** What the command line asks for. */
export interface ReportArguments {
  readonly transactions: string;
  readonly subscriptions: string | undefined;
  readonly responses: string | undefined;
  readonly signals: string | undefined;
  readonly out: string;
  readonly format: OutputFormat;
  readonly locale: 'en' | 'vi';
  readonly columns: ColumnNames;
  readonly badRows: 'report' | 'fail';
  readonly observationEnd: number | undefined;
  readonly holdoutWeeks: number;
  readonly horizonMonths: number;
  readonly discountRate: number;
  readonly title: string | undefined;
  readonly quiet: boolean;
}

export const USAGE = `Usage: customer-metrics-report --transactions tx.csv [--subscriptions subs.csv]
         [--responses nps.csv] [--signals customers.csv] --out report.html
         [--format html|md|json] [--locale en|vi] [options]

Input files (CSV with a header row, UTF-8, comma-separated, ISO dates such as 2026-03-31):
  --transactions FILE    purchases: customer, date, amount (required)
  --subscriptions FILE   subscriptions: customer, start, end (empty while active), mrr
  --responses FILE       NPS survey: date, score 0-10, optional customer and segment
  --signals FILE         behaviour per customer for need levels: customer and any of
                         problemContentViews, solutionSearches, brandComparisons,
                         pricingViews, cartAdds, quoteRequests, demoRequests, purchases,
                         repurchaseSignals, daysSinceLastActivity (or snake_case)

Column names (defaults in brackets):
  --customer-column NAME [customer_id]   --date-column NAME [date]
  --amount-column NAME [amount]          --start-column NAME [start]
  --end-column NAME [end]                --mrr-column NAME [mrr]
  --score-column NAME [score]            --segment-column NAME [segment]

Output:
  --out FILE             where to write the report (required)
  --format FORMAT        html (default), md or json
  --locale LOCALE        en (default) or vi
  --title TEXT           the report's title

Analysis:
  --observation-end DATE the last day observed [the latest date in the files]
  --holdout-weeks N      weeks held out to check the CLV model [13]
  --horizon-months N     CLV horizon [12]
  --discount-rate R      CLV discount rate per month [0.01]
  --bad-rows report|fail report: count unusable rows in a "Rejected rows" section (default);
                         fail: stop at the first one with its file, line and column
  --quiet                no progress on stderr
  --help                 this text
`;

const options = {
  transactions: { type: 'string' },
  subscriptions: { type: 'string' },
  responses: { type: 'string' },
  signals: { type: 'string' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  locale: { type: 'string' },
  title: { type: 'string' },
  'customer-column': { type: 'string' },
  'date-column': { type: 'string' },
  'amount-column': { type: 'string' },
  'start-column': { type: 'string' },
  'end-column': { type: 'string' },
  'mrr-column': { type: 'string' },
  'score-column': { type: 'string' },
  'segment-column': { type: 'string' },
  'observation-end': { type: 'string' },
  'holdout-weeks': { type: 'string' },
  'horizon-months': { type: 'string' },
  'discount-rate': { type: 'string' },
  'bad-rows': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The parsed arguments, or `'help'` when --help was given. @throws {@link ReportError} (exit code 2) listing every problem. */
export function parseArguments(argv: readonly string[]): ReportArguments | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, allowPositionals: false, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    // Node's messages name the flag ("Unknown option '--foo'"); keep them, drop the error code.
    throw new ReportError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}\n\n${USAGE}`, 2);
  }
  if (values.help === true) return 'help';
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = values[name];
    if (typeof v === 'string' && v.trim().length === 0) {
      problems.push(`--${name} needs a value`);
      return undefined;
    }
    return typeof v === 'string' ? v : undefined;
  };
  const transactions = str('transactions');
  const out = str('out');
  if (transactions === undefined && values.transactions === undefined) problems.push('--transactions FILE is required');
  if (out === undefined && values.out === undefined) problems.push('--out FILE is required');
  const format = str('format') ?? 'html';
  if (format !== 'html' && format !== 'md' && format !== 'json') problems.push(`--format must be html, md or json`);
  const locale = str('locale') ?? 'en';
  if (locale !== 'en' && locale !== 'vi') problems.push(`--locale must be en or vi`);
  const badRows = str('bad-rows') ?? 'report';
  if (badRows !== 'report' && badRows !== 'fail') problems.push('--bad-rows must be report or fail');
  const number = (name: string, fallback: number, check: (v: number) => boolean, what: string): number => {
    const text = str(name);
    if (text === undefined) return fallback;
    const v = Number(text);
    if (!/^\s*[0-9.]+\s*$/.test(text) || !Number.isFinite(v) || !check(v)) {
      problems.push(`--${name} must be ${what}`);
      return fallback;
    }
    return v;
  };
  const holdoutWeeks = number('holdout-weeks', 13, (v) => Number.isInteger(v) && v >= 1 && v <= 520, 'a whole number of weeks from 1 to 520');
  const horizonMonths = number('horizon-months', 12, (v) => Number.isInteger(v) && v >= 1 && v <= 600, 'a whole number of months from 1 to 600');
  const discountRate = number('discount-rate', 0.01, (v) => v >= 0 && v < 1, 'a rate per month from 0 to below 1 (0.01 = 1%)');
  const endText = str('observation-end');
  const observationEnd = endText === undefined ? undefined : parseIsoDate(endText);
  if (endText !== undefined && observationEnd === undefined) problems.push('--observation-end must be an ISO date such as 2026-06-30');
  const columns: ColumnNames = {
    customer: str('customer-column') ?? DEFAULT_COLUMNS.customer,
    date: str('date-column') ?? DEFAULT_COLUMNS.date,
    amount: str('amount-column') ?? DEFAULT_COLUMNS.amount,
    start: str('start-column') ?? DEFAULT_COLUMNS.start,
    end: str('end-column') ?? DEFAULT_COLUMNS.end,
    mrr: str('mrr-column') ?? DEFAULT_COLUMNS.mrr,
    score: str('score-column') ?? DEFAULT_COLUMNS.score,
    segment: str('segment-column') ?? DEFAULT_COLUMNS.segment,
  };
  const subscriptions = str('subscriptions');
  const responses = str('responses');
  const signals = str('signals');
  if (problems.length > 0) throw new ReportError(`${problems.join('\n')}\n\nRun with --help for the usage.`, 2);
  return {
    transactions: transactions as string,
    subscriptions,
    responses,
    signals,
    out: out as string,
    format: format as OutputFormat,
    locale: locale as 'en' | 'vi',
    columns,
    badRows: badRows as 'report' | 'fail',
    observationEnd,
    holdoutWeeks,
    horizonMonths,
    discountRate,
    title: str('title'),
    quiet: values.quiet === true,
  };
}
