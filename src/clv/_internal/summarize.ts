/**
 * The engine behind `rfmSummary` and `calibrationHoldoutSplit`: reads transactions (validating each
 * once), groups them into (customer, period) cells and reduces each customer to frequency, recency,
 * T and mean repeat value.
 *
 * Exactness of money. Amounts are added up exactly, as decimal.js would add them, but without a
 * `Decimal` per transaction where that is provably unnecessary: a JavaScript number `a` whose value
 * `c / 100` for the integer `c = round(100 a)` is `a` itself, with `|c| <= 1e15`, is the double
 * nearest to the decimal `c / 100`, and since doubles below 2^46 are less than 0.01 apart, the
 * shortest decimal that reads back as `a` (what `a.toString()`, and hence `new Decimal(a)`, uses)
 * is exactly `c / 100`. Such amounts are added as integer cents, and integer sums are exact while
 * they stay within `Number.MAX_SAFE_INTEGER`; every other amount (strings, `Decimal`s, numbers with
 * more than two decimals, overflowing sums) goes through decimal.js.
 *
 * @internal
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { DateInput } from '../../_lib/dates.js';
import { Money, checkMoney, type MoneyInput } from '../../_lib/money.js';
import type { IssueList } from '../../_lib/validate.js';
import { periodIndex, type PeriodCode } from './periods.js';

/** A customer identifier. */
export type CustomerIdInput = string | number;

/** One purchase as the public functions accept it. */
export interface TransactionInput<Id extends CustomerIdInput = CustomerIdInput> {
  readonly customerId: Id;
  readonly date: DateInput;
  readonly amount?: MoneyInput;
}

/** How transactions are grouped. */
export interface GroupingSpec {
  /** Period code (see periods.ts). */
  readonly code: PeriodCode;
  /** First day of the week, 0 = Sunday. */
  readonly weekStartsOn: number;
  /** Whether negative amounts (refunds) are accepted. */
  readonly allowRefunds: boolean;
}

const MAX_CENTS = 1e15;
const MAX_TIME = 8.64e15;
const DAY_MS = 86_400_000;

/** The fields of one transaction after reading; reused between calls to avoid allocation. */
export interface ReadTransaction {
  id: CustomerIdInput;
  period: number;
  /** The amount in integer cents, or `NaN` when it is in `dec`. 0 when the amount is missing. */
  cents: number;
  dec: Decimal | undefined;
  hasAmount: boolean;
}

/** Tracks whether amounts were given for all transactions or for none. */
export class AmountPresence {
  private firstWith = -1;
  private firstWithout = -1;

  /** Records the presence of an amount at position `index`. */
  note(has: boolean, index: number): void {
    if (has) {
      if (this.firstWith < 0) this.firstWith = index;
    } else if (this.firstWithout < 0) this.firstWithout = index;
  }

  /** Whether any transaction carried an amount. */
  get anyAmount(): boolean {
    return this.firstWith >= 0;
  }

  /** Reports mixed presence at the later of the two first positions. */
  report(param: string, issues: IssueList): void {
    if (this.firstWith >= 0 && this.firstWithout >= 0) {
      issues.add(
        'invalid_structure',
        [param, Math.max(this.firstWith, this.firstWithout), 'amount'],
        'must be given for every transaction or for none',
      );
    }
  }
}

/**
 * Validates transaction `t` at position `index` and fills `out`. Returns `false` (after recording
 * issues) when it is invalid.
 */
export function readTransaction(t: unknown, index: number, param: string, spec: GroupingSpec, issues: IssueList, out: ReadTransaction): boolean {
  if (typeof t !== 'object' || t === null) {
    issues.add('invalid_type', [param, index], t === undefined ? 'is required' : 'must be an object with customerId and date');
    return false;
  }
  const record = t as { customerId?: unknown; date?: unknown; amount?: unknown };
  let ok = true;
  const id = record.customerId;
  if (typeof id === 'string') {
    // any string is an identifier
  } else if (typeof id === 'number') {
    if (!Number.isFinite(id)) {
      issues.add('not_finite', [param, index, 'customerId'], 'must be a finite number or a string');
      ok = false;
    }
  } else {
    issues.add('invalid_type', [param, index, 'customerId'], id === undefined ? 'is required' : 'must be a string or a number');
    ok = false;
  }
  const date = record.date;
  let ms: number;
  if (typeof date === 'number') ms = date;
  else if (date instanceof Date) ms = date.getTime();
  else {
    issues.add('invalid_type', [param, index, 'date'], date === undefined ? 'is required' : 'must be a Date or epoch milliseconds');
    ms = 0;
    ok = false;
  }
  if (ok || typeof date === 'number' || date instanceof Date) {
    if (!(ms >= -MAX_TIME && ms <= MAX_TIME)) {
      issues.add('invalid_date', [param, index, 'date'], 'must be a valid date');
      ok = false;
    }
  }
  const amount = record.amount;
  out.dec = undefined;
  if (amount === undefined) {
    out.hasAmount = false;
    out.cents = 0;
  } else {
    out.hasAmount = true;
    if (typeof amount === 'number' && amount >= 0) {
      const c = Math.round(amount * 100);
      if (c / 100 === amount && c <= MAX_CENTS) out.cents = c;
      else if (amount - amount === 0) {
        out.cents = Number.NaN;
        out.dec = new Money(amount);
      } else {
        issues.add('not_finite', [param, index, 'amount'], 'must be a finite amount');
        ok = false;
      }
    } else {
      const money = checkMoney(amount, [param, index, 'amount'], issues);
      if (money === undefined) ok = false;
      else if (money.isNegative() && !spec.allowRefunds) {
        issues.add('too_small', [param, index, 'amount'], 'must be at least 0 (set allowRefunds to accept refunds)');
        ok = false;
      } else if (typeof amount === 'number') {
        const c = Math.round(amount * 100);
        if (c / 100 === amount && c >= -MAX_CENTS) out.cents = c;
        else {
          out.cents = Number.NaN;
          out.dec = money;
        }
      } else {
        out.cents = Number.NaN;
        out.dec = money;
      }
    }
  }
  if (!ok) return false;
  out.id = id as CustomerIdInput;
  out.period = periodIndex(ms, spec.code, spec.weekStartsOn);
  return true;
}

/** A running money total: exact integer cents while they fit, decimal.js beyond. */
export class MoneySum {
  cents = 0;
  dec: Decimal | undefined = undefined;

  /** Adds an amount read by {@link readTransaction}. */
  add(cents: number, dec: Decimal | undefined): void {
    if (dec !== undefined) {
      this.dec = this.dec === undefined ? dec : this.dec.plus(dec);
      return;
    }
    const s = this.cents + cents;
    if (s > Number.MAX_SAFE_INTEGER || s < -Number.MAX_SAFE_INTEGER) {
      const moved = new Money(cents).div(100);
      this.dec = this.dec === undefined ? moved : this.dec.plus(moved);
    } else this.cents = s;
  }

  /** The total as a Decimal. */
  value(): Decimal {
    const base = new Money(this.cents).div(100);
    return this.dec === undefined ? base : base.plus(this.dec);
  }
}

/** Zero, shared by rows without repeat purchases (Decimals are immutable). */
export const ZERO: Decimal = new Money(0);

/**
 * The mean `(cents / 100 + dec) / count` as a Decimal; `count` > 0. Integer cents are turned into a
 * Decimal through the number `m / 100`, whose shortest decimal form is exact (see the module note).
 */
export function meanMoney(cents: number, dec: Decimal | undefined, count: number): Decimal {
  if (dec === undefined) {
    if (cents % count === 0) {
      const m = cents / count;
      if (m <= MAX_CENTS && m >= -MAX_CENTS) return new Money(m / 100);
    }
    return new Money(cents).div(100 * count);
  }
  return new Money(cents).div(100).plus(dec).div(count);
}

/**
 * Per-customer state of the streaming form: the distinct periods, the total of the earliest period
 * seen so far and the total of the others. Amounts are only ever added (never subtracted), so the
 * repeat total is as exact as a direct sum.
 */
export class CustomerRecord {
  /** Distinct purchase periods, ascending. */
  readonly periods: number[];
  /** Total of the purchases in the earliest period seen so far. */
  first = new MoneySum();
  /** Total of the purchases in every later period. */
  readonly repeat = new MoneySum();

  constructor(period: number) {
    this.periods = [period];
  }

  /** Adds one purchase. */
  add(period: number, cents: number, dec: Decimal | undefined): void {
    const periods = this.periods;
    const first = periods[0] as number;
    if (period < first) {
      // The former first period becomes a repeat period.
      this.repeat.add(this.first.cents, undefined);
      if (this.first.dec !== undefined) this.repeat.add(0, this.first.dec);
      this.first = new MoneySum();
      this.first.add(cents, dec);
      periods.unshift(period);
      return;
    }
    if (period === first) {
      this.first.add(cents, dec);
      return;
    }
    this.repeat.add(cents, dec);
    const last = periods[periods.length - 1] as number;
    if (period > last) {
      periods.push(period);
      return;
    }
    // Binary search for an earlier period.
    let lo = 0;
    let hi = periods.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = periods[mid] as number;
      if (v === period) return;
      if (v < period) lo = mid + 1;
      else hi = mid - 1;
    }
    periods.splice(lo, 0, period);
  }
}

/** Accumulates customers from a stream of transactions, one {@link CustomerRecord} each. */
export class StreamAccumulator {
  readonly customers = new Map<CustomerIdInput, CustomerRecord>();
  private readonly scratch: ReadTransaction = { id: '', period: 0, cents: 0, dec: undefined, hasAmount: false };
  readonly presence = new AmountPresence();
  count = 0;

  constructor(
    private readonly param: string,
    private readonly spec: GroupingSpec,
    private readonly issues: IssueList,
    /** Periods after this one are ignored. */
    private readonly endPeriod: number,
    /** Called for valid transactions after the end period (the holdout of a split). */
    private readonly onLate?: (t: ReadTransaction) => void,
  ) {}

  /** Reads and adds one transaction. */
  add(t: unknown): void {
    const index = this.count++;
    const r = this.scratch;
    if (!readTransaction(t, index, this.param, this.spec, this.issues, r)) return;
    this.presence.note(r.hasAmount, index);
    if (r.period > this.endPeriod) {
      this.onLate?.(r);
      return;
    }
    const rec = this.customers.get(r.id);
    if (rec === undefined) {
      const created = new CustomerRecord(r.period);
      created.first.add(r.cents, r.dec);
      this.customers.set(r.id, created);
    } else rec.add(r.period, r.cents, r.dec);
  }
}

/** One summary row (the public `CustomerSummary` shape). */
export interface SummaryRow<Id> {
  customerId: Id;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: Decimal;
}

/** One summary row; the mean repeat value is computed with {@link meanMoney}. */
export function summaryRow<Id>(customerId: Id, frequency: number, recency: number, T: number, cents: number, dec: Decimal | undefined): SummaryRow<Id> {
  return { customerId, frequency, recency, T, monetaryValue: frequency === 0 ? ZERO : meanMoney(cents, dec, frequency) };
}

/** Turns streaming records into rows. `ratio` converts periods to the reporting unit. */
export function rowsFromRecords<Id>(customers: Map<CustomerIdInput, CustomerRecord>, endPeriod: number, ratio: number): SummaryRow<Id>[] {
  const rows: SummaryRow<Id>[] = [];
  for (const [id, rec] of customers) {
    const periods = rec.periods;
    const first = periods[0] as number;
    const last = periods[periods.length - 1] as number;
    const frequency = periods.length - 1;
    rows.push(summaryRow(id as Id, frequency, (last - first) * ratio, (endPeriod - first) * ratio, rec.repeat.cents, rec.repeat.dec));
  }
  return rows;
}

/**
 * The array form: two passes over the array with typed arrays (a counting sort by customer), then
 * one small sort of each customer's periods. O(n) plus the per-customer sorts; no per-transaction
 * objects.
 */
export function summarizeArray<Id>(
  transactions: readonly unknown[],
  param: string,
  spec: GroupingSpec,
  issues: IssueList,
  endPeriod: number,
  ratio: number,
): SummaryRow<Id>[] {
  const n = transactions.length;
  const customerOf = new Int32Array(n);
  const periodOf = new Int32Array(n);
  const centsOf = new Float64Array(n);
  let decOf: Map<number, Decimal> | undefined;
  // Customer ids that are small non-negative integers index a table; any other id goes to a Map.
  const tableLimit = Math.min(2 ** 25, Math.max(2 ** 16, 2 * n));
  let table = new Int32Array(1024); // id -> customer index + 1 (0 = not seen yet)
  const index = new Map<CustomerIdInput, number>();
  const ids: CustomerIdInput[] = [];
  let counts = new Int32Array(1024);
  const presence = new AmountPresence();
  const r: ReadTransaction = { id: '', period: 0, cents: 0, dec: undefined, hasAmount: false };
  const code = spec.code;
  const weekStartsOn = spec.weekStartsOn;
  let inWindow = 0;
  for (let i = 0; i < n; i++) {
    const t = transactions[i] as { customerId?: unknown; date?: unknown; amount?: unknown } | null | undefined;
    let id: CustomerIdInput;
    let period: number;
    let cents: number;
    // Fast path: a number id or a string id, an epoch-ms date and a whole-cents amount (see the module
    // note); anything else is read (and validated) by readTransaction.
    const d = typeof t === 'object' && t !== null ? t.date : undefined;
    const a = typeof t === 'object' && t !== null ? t.amount : undefined;
    const rawId = typeof t === 'object' && t !== null ? t.customerId : undefined;
    const c100 = typeof a === 'number' ? Math.round(a * 100) : Number.NaN;
    if (
      typeof d === 'number' &&
      d >= -MAX_TIME &&
      d <= MAX_TIME &&
      typeof a === 'number' &&
      a >= 0 &&
      c100 / 100 === a &&
      c100 <= MAX_CENTS &&
      (typeof rawId === 'string' || (typeof rawId === 'number' && rawId - rawId === 0))
    ) {
      id = rawId;
      period = code === 0 ? Math.floor(d / DAY_MS) : periodIndex(d, code, weekStartsOn);
      cents = c100;
      presence.note(true, i);
    } else {
      if (!readTransaction(t, i, param, spec, issues, r)) {
        customerOf[i] = -1;
        continue;
      }
      presence.note(r.hasAmount, i);
      id = r.id;
      period = r.period;
      cents = r.cents;
      if (r.dec !== undefined && period <= endPeriod) (decOf ??= new Map()).set(i, r.dec);
    }
    if (period > endPeriod) {
      customerOf[i] = -1;
      continue;
    }
    let c: number;
    if (typeof id === 'number' && id >= 0 && id < tableLimit && Math.floor(id) === id) {
      if (id >= table.length) {
        const grown = new Int32Array(Math.min(tableLimit, Math.max(id + 1, table.length * 2)));
        grown.set(table);
        table = grown;
      }
      c = (table[id] as number) - 1;
      if (c < 0) {
        c = ids.length;
        table[id] = c + 1;
        ids.push(id);
      }
    } else {
      const known = index.get(id);
      if (known === undefined) {
        c = ids.length;
        index.set(id, c);
        ids.push(id);
      } else c = known;
    }
    if (c >= counts.length) {
      const grown = new Int32Array(counts.length * 2);
      grown.set(counts);
      counts = grown;
    }
    customerOf[i] = c;
    periodOf[i] = period;
    centsOf[i] = cents;
    counts[c] = (counts[c] as number) + 1;
    inWindow++;
  }
  presence.report(param, issues);
  issues.throwIfAny();

  const k = ids.length;
  const start = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) start[c + 1] = (start[c] as number) + (counts[c] as number);
  const fill = start.slice(0, k);
  const periods = new Int32Array(inWindow);
  const cents = new Float64Array(inWindow);
  const origin = decOf === undefined ? undefined : new Int32Array(inWindow);
  for (let i = 0; i < n; i++) {
    const c = customerOf[i] as number;
    if (c < 0) continue;
    const at = fill[c] as number;
    fill[c] = at + 1;
    periods[at] = periodOf[i] as number;
    cents[at] = centsOf[i] as number;
    if (origin !== undefined) origin[at] = i;
  }

  const rows: SummaryRow<Id>[] = new Array(k);
  for (let c = 0; c < k; c++) {
    const a = start[c] as number;
    const b = start[c + 1] as number;
    // Earliest period, the total of that period and the total of all.
    let first = periods[a] as number;
    let last = first;
    let firstCents = 0;
    let totalCents = 0;
    for (let j = a; j < b; j++) {
      const p = periods[j] as number;
      const v = cents[j] as number;
      if (p < first) {
        first = p;
        firstCents = v;
      } else if (p === first) firstCents += v;
      if (p > last) last = p;
      totalCents += v;
    }
    // NaN marks an amount held as a Decimal; beyond 2^53 integer sums are no longer exact. Then
    // this customer's amounts are added again with decimal.js (before the periods are sorted).
    let slowRepeat: Decimal | undefined;
    if (!(Math.abs(totalCents) <= Number.MAX_SAFE_INTEGER && Math.abs(firstCents) <= Number.MAX_SAFE_INTEGER)) {
      let repeat = new Money(0);
      for (let j = a; j < b; j++) {
        if (periods[j] === first) continue;
        const v = cents[j] as number;
        repeat = repeat.plus(Number.isNaN(v) ? (decOf?.get(origin?.[j] as number) as Decimal) : new Money(v).div(100));
      }
      slowRepeat = repeat;
    }
    let distinct = 1;
    if (b - a > 1) {
      sortRange(periods, a, b);
      for (let j = a + 1; j < b; j++) if (periods[j] !== periods[j - 1]) distinct++;
    }
    const frequency = distinct - 1;
    const recency = (last - first) * ratio;
    const T = (endPeriod - first) * ratio;
    rows[c] =
      slowRepeat === undefined
        ? summaryRow(ids[c] as Id, frequency, recency, T, totalCents - firstCents, undefined)
        : summaryRow(ids[c] as Id, frequency, recency, T, 0, slowRepeat);
  }
  return rows;
}

/** Sorts `values[a..b)` ascending: insertion sort for short ranges, the native sort otherwise. */
function sortRange(values: Int32Array, a: number, b: number): void {
  if (b - a > 24) {
    values.subarray(a, b).sort();
    return;
  }
  for (let i = a + 1; i < b; i++) {
    const v = values[i] as number;
    let j = i - 1;
    while (j >= a && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = v;
  }
}

/** Which of the three accepted forms `value` is. */
export function inputForm(value: unknown): 'array' | 'iterable' | 'async' | undefined {
  if (Array.isArray(value)) return 'array';
  if (typeof value !== 'object' || value === null) return undefined;
  if (typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function') return 'iterable';
  if (typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') return 'async';
  return undefined;
}
