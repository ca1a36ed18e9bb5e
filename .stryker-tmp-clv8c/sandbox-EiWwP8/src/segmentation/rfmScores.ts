// @ts-nocheck
import { checkDate } from '../_lib/dates.js';
import { checkMoney, Decimal, Money } from '../_lib/money.js';
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';
import { scoreValues, type BinMethod, type QuantileType } from './_internal/bins.js';

export type { BinMethod, QuantileType } from './_internal/bins.js';


/** One customer's recency, frequency and monetary value, the input of {@link rfmScores}. */
export interface RfmSummaryRow {
  /** The customer's id. */
  customerId: string | number;
  /** Time since the last purchase, in any unit (days, weeks), the same for every customer; smaller is better. */
  recency: number;
  /** Number of purchases (or any non-negative activity count). */
  frequency: number;
  /** Money spent (total or average per purchase; your choice, the same for every customer). */
  monetary: number | string | Decimal;
}

/** One purchase, for {@link rfmScores} straight from transactions. */
export interface RfmTransaction {
  /** The customer's id. */
  customerId: string | number;
  /** When the purchase happened (a `Date` or epoch milliseconds), not after the analysis date. */
  date: Date | number;
  /** The amount (number, decimal string or Decimal); refunds may be negative. */
  amount: number | string | Decimal;
}

/** Transactions and the explicit date at which recency is measured. */
export interface RfmTransactionsInput {
  /** The purchases. */
  transactions: readonly RfmTransaction[];
  /** The analysis date: recency is the number of whole days (UTC, 24 h) from the last purchase to it. */
  analysisDate: Date | number;
}

/** Options of {@link rfmScores}. */
export interface RfmScoresOptions {
  /**
   * Number of scores k (2 to 9): scores run from 1 to k.
   *
   * @defaultValue 5
   */
  bins?: number;
  /**
   * How values are binned; recency is reversed in every method (the most recent customers score k).
   * - `'quantile'`: cut at the quantiles j / k of the values; bins are right-closed (a, b], the lowest
   *   including its minimum. Ties always share a score, so identical customers get identical codes
   *   whatever their order; with many ties (frequency 1) some scores stay empty. Equals pandas
   *   `qcut(x, k)` (type 7) where pandas does not raise on duplicate edges.
   * - `'rank'`: the same cut applied to the ranks 1..n, ties broken in input order: equal-sized bins
   *   even with ties. Equals pandas `qcut(x.rank(method='first'), k)`.
   * - `'ntile'`: SQL `NTILE(k) OVER (ORDER BY x)`, ties in input order: bin sizes differ by at most
   *   one, the larger bins first (lowest scores).
   *
   * @defaultValue 'quantile'
   */
  method?: BinMethod;
  /**
   * Quantile definition for `'quantile'` and `'rank'`, numbered as in R `quantile(type =)` (Hyndman &
   * Fan 1996). 7: linear interpolation between order statistics (R's default, numpy 'linear', pandas).
   * 1: inverse empirical distribution function (no interpolation; every cut point is an observed value).
   *
   * @defaultValue 7
   */
  quantileType?: QuantileType;
  /**
   * From transactions: the monetary value is the customer's total spend or the average per purchase.
   *
   * @defaultValue 'total'
   */
  monetary?: 'total' | 'average';
}

/** One customer's RFM scores. */
export interface RfmScore {
  /** The customer's id. */
  readonly customerId: string | number;
  /** Recency as given, or whole days from the last purchase to the analysis date. */
  readonly recency: number;
  /** Frequency as given, or the number of transactions. */
  readonly frequency: number;
  /** Monetary value as given, or the exact total (or average) of the transactions as a Decimal. */
  readonly monetary: number | string | Decimal;
  /** Recency score, 1..k; k for the most recent customers. */
  readonly r: number;
  /** Frequency score, 1..k. */
  readonly f: number;
  /** Monetary score, 1..k. */
  readonly m: number;
  /** The three scores as a code such as `'545'`. */
  readonly code: string;
}

/** The cut points of the `'quantile'` method, k - 1 per dimension. */
export interface RfmEdges {
  /** Cut points of recency (before reversal: a recency above the last one scores 1). */
  readonly recency: readonly number[];
  /** Cut points of frequency. */
  readonly frequency: readonly number[];
  /** Cut points of monetary value. */
  readonly monetary: readonly number[];
}

/** The result of {@link rfmScores}. */
export interface RfmScores {
  /** Number of scores k. */
  readonly bins: number;
  /** One entry per customer: in input order for a summary, in order of first transaction in the list otherwise. */
  readonly customers: readonly RfmScore[];
  /** The k - 1 cut points of each dimension (method `'quantile'` only). */
  readonly edges: RfmEdges | undefined;
}

const schema = optionsSchema({
  bins: numberSchema({ integer: true, min: 2, max: 9 }).optional(),
  method: z.enum(['quantile', 'rank', 'ntile']).optional(),
  quantileType: z.union([z.literal(1), z.literal(7)]).optional(),
  monetary: z.enum(['total', 'average']).optional(),
});

const DAY_MS = 86_400_000;
const DECIMAL_STRING = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * RFM scores: recency, frequency and monetary value of each customer, each turned into a score from 1
 * to k (default 5) by quantile bins, with recency reversed so that k is always best.
 *
 * Definition: see {@link RfmScoresOptions.method} for the three binning rules (quantile cut points,
 * equal-sized bins by rank, SQL NTILE) and {@link RfmScoresOptions.quantileType} for the quantile
 * definitions; the recency score is k + 1 minus the bin of the recency. Straight from transactions,
 * recency is the whole days from a customer's last purchase to the explicit `analysisDate`,
 * frequency the number of transactions, monetary the exact total (or average) of the amounts.
 * Scores are monotone: a larger value never gets a smaller score (a more recent customer never a
 * smaller recency score).
 *
 * Cost: O(n log n): three native sorts of Float64Arrays (plus a binary search per customer for
 * `'rank'` and `'ntile'`); from transactions, O(t) grouping with exact Decimal sums.
 *
 * @param data - One summary row per customer, or `{ transactions, analysisDate }`.
 * @param options - See {@link RfmScoresOptions}.
 * @returns The scores, or `undefined` when there are no customers.
 * @throws {@link MetricsInputError} when a recency or frequency is not a finite non-negative number,
 *   an amount is invalid, a date is invalid or after the analysis date (`invalid_order`), or an option
 *   is invalid.
 * @see Hughes (1994), "Strategic Database Marketing"; Hyndman & Fan (1996), "Sample quantiles in
 *   statistical packages", The American Statistician 50(4); pandas `qcut`; SQL `NTILE`.
 * @example
 * ```ts
 * import { rfmScores } from 'customer-metrics';
 * const result = rfmScores(
 *   [
 *     { customerId: 'a', recency: 3, frequency: 12, monetary: '980.00' },
 *     { customerId: 'b', recency: 40, frequency: 2, monetary: '45.50' },
 *     { customerId: 'c', recency: 200, frequency: 1, monetary: '12.00' },
 *     { customerId: 'd', recency: 10, frequency: 5, monetary: '310.00' },
 *   ],
 *   { bins: 2 },
 * );
 * result?.customers.map((c) => c.code); // => ['222', '111', '111', '222']
 * result?.edges?.recency; // => [25]
 * const fromTransactions = rfmScores(
 *   {
 *     analysisDate: Date.UTC(2026, 0, 31),
 *     transactions: [
 *       { customerId: 'x', date: Date.UTC(2026, 0, 30), amount: '20.10' },
 *       { customerId: 'y', date: Date.UTC(2025, 11, 1), amount: '5.00' },
 *       { customerId: 'x', date: Date.UTC(2026, 0, 2), amount: '0.20' },
 *     ],
 *   },
 *   { bins: 2 },
 * );
 * const rows = fromTransactions?.customers.map((c) => [c.customerId, c.recency, c.frequency, String(c.monetary), c.code]);
 * rows; // => [['x', 1, 2, '20.3', '222'], ['y', 61, 1, '5', '111']]
 * ```
 */
export function rfmScores(data: readonly RfmSummaryRow[] | RfmTransactionsInput, options?: RfmScoresOptions): RfmScores | undefined {
  const issues = new IssueList();
  const opts = parseInput(schema, options, 'options', issues);
  const rows = Array.isArray(data) ? readSummary(data, issues) : readTransactions(data as RfmTransactionsInput, opts?.monetary ?? 'total', issues);
  issues.throwIfAny();
  const { ids, recency, frequency, monetary, given } = rows as NonNullable<typeof rows>;
  const n = ids.length;
  if (n === 0) return undefined;
  const k = opts?.bins ?? 5;
  const method = opts?.method ?? 'quantile';
  const type = opts?.quantileType ?? 7;
  const r = scoreValues(recency, k, method, type);
  const f = scoreValues(frequency, k, method, type);
  const m = scoreValues(monetary, k, method, type);
  // The k^3 codes, built once: no string is built per customer.
  const codes: string[] = [];
  for (let a = 1; a <= k; a++) for (let b = 1; b <= k; b++) for (let c = 1; c <= k; c++) codes.push(`${a}${b}${c}`);
  const customers: RfmScore[] = new Array<RfmScore>(n);
  for (let i = 0; i < n; i++) {
    const rs = k + 1 - (r.scores[i] as number);
    const fs = f.scores[i] as number;
    const ms = m.scores[i] as number;
    customers[i] = {
      customerId: ids[i] as string | number,
      recency: recency[i] as number,
      frequency: frequency[i] as number,
      monetary: given[i] as number | string | Decimal,
      r: rs,
      f: fs,
      m: ms,
      code: codes[((rs - 1) * k + fs - 1) * k + ms - 1] as string,
    };
  }
  const edges = r.edges === undefined ? undefined : { recency: r.edges, frequency: f.edges as number[], monetary: m.edges as number[] };
  return { bins: k, customers, edges };
}

interface Columns {
  ids: (string | number)[];
  recency: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  given: (number | string | Decimal)[];
}

function isId(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** The number a money input ranks by; `undefined` when invalid (the issue then comes from checkMoney). */
function moneyNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return DECIMAL_STRING.test(value) ? Number(value) : undefined;
  if (Decimal.isDecimal(value) && (value as Decimal).isFinite()) return (value as Decimal).toNumber();
  return undefined;
}

function readSummary(data: readonly RfmSummaryRow[], issues: IssueList): Columns | undefined {
  const n = data.length;
  const cols: Columns = { ids: new Array(n), recency: new Float64Array(n), frequency: new Float64Array(n), monetary: new Float64Array(n), given: new Array(n) };
  let ok = true;
  for (let i = 0; i < n; i++) {
    const row = data[i] as RfmSummaryRow | undefined;
    if (typeof row !== 'object' || row === null) {
      issues.add('invalid_type', ['data', i], 'must be an object with customerId, recency, frequency and monetary');
      ok = false;
      continue;
    }
    const { customerId, recency, frequency, monetary } = row;
    if (!isId(customerId)) {
      issues.add('invalid_type', ['data', i, 'customerId'], 'must be a string or a finite number');
      ok = false;
    }
    ok = checkCount(recency, ['data', i, 'recency'], issues) && ok;
    ok = checkCount(frequency, ['data', i, 'frequency'], issues) && ok;
    const amount = moneyNumber(monetary);
    if (amount === undefined) {
      checkMoney(monetary, ['data', i, 'monetary'], issues);
      ok = false;
    }
    if (!ok) continue;
    cols.ids[i] = customerId;
    cols.recency[i] = recency;
    cols.frequency[i] = frequency;
    cols.monetary[i] = amount as number;
    cols.given[i] = monetary;
  }
  return ok ? cols : undefined;
}

function checkCount(value: unknown, path: (string | number)[], issues: IssueList): boolean {
  if (typeof value === 'number' && value >= 0 && value - value === 0) return true;
  if (typeof value !== 'number') issues.add('invalid_type', path, value === undefined ? 'is required' : 'must be a number');
  else if (!Number.isFinite(value)) issues.add('not_finite', path, 'must be a finite number');
  else issues.add('too_small', path, 'must be at least 0');
  return false;
}

function readTransactions(data: RfmTransactionsInput, monetary: 'total' | 'average', issues: IssueList): Columns | undefined {
  if (typeof data !== 'object' || data === null) {
    issues.add('invalid_type', ['data'], 'must be an array of summary rows or { transactions, analysisDate }');
    return undefined;
  }
  const end = checkDate(data.analysisDate, ['data', 'analysisDate'], issues);
  const list: unknown = data.transactions;
  if (!Array.isArray(list)) {
    issues.add('invalid_type', ['data', 'transactions'], list === undefined ? 'is required' : 'must be an array');
    return undefined;
  }
  const byCustomer = new Map<string | number, { last: number; count: number; sum: Decimal }>();
  list.forEach((t: unknown, i) => {
    const path = ['data', 'transactions', i];
    if (typeof t !== 'object' || t === null) {
      issues.add('invalid_type', path, 'must be an object with customerId, date and amount');
      return;
    }
    const { customerId, date, amount } = t as RfmTransaction;
    const idOk = isId(customerId);
    if (!idOk) issues.add('invalid_type', [...path, 'customerId'], 'must be a string or a finite number');
    const ms = checkDate(date, [...path, 'date'], issues);
    if (ms !== undefined && end !== undefined && ms > end) issues.add('invalid_order', [...path, 'date'], 'must not be after the analysis date');
    const money = checkMoney(amount, [...path, 'amount'], issues);
    if (!idOk || ms === undefined || money === undefined) return;
    const entry = byCustomer.get(customerId);
    if (entry === undefined) byCustomer.set(customerId, { last: ms, count: 1, sum: money });
    else {
      entry.last = Math.max(entry.last, ms);
      entry.count += 1;
      entry.sum = entry.sum.plus(money);
    }
  });
  if (!issues.isEmpty) return undefined;
  const n = byCustomer.size;
  const cols: Columns = { ids: [], recency: new Float64Array(n), frequency: new Float64Array(n), monetary: new Float64Array(n), given: [] };
  let i = 0;
  for (const [id, { last, count, sum }] of byCustomer) {
    const value = monetary === 'total' ? sum : sum.div(count);
    cols.ids.push(id);
    cols.recency[i] = Math.floor(((end as number) - last) / DAY_MS);
    cols.frequency[i] = count;
    cols.monetary[i] = value.toNumber();
    cols.given.push(new Money(value));
    i += 1;
  }
  return cols;
}
