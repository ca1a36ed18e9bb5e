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
 * The cents of a plain decimal string with at most two decimals ("12", "12.5", "12.34"), or `NaN`
 * for any other string (signs, exponents, spaces, more decimals: those go through decimal.js). Such
 * a string's decimal value is exactly the integer returned over 100.
 */
export function parseCents(text: string): number {
  const n = text.length;
  if (n === 0 || n > 16) return Number.NaN;
  let cents = 0;
  let decimals = -1;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 46) {
      if (decimals >= 0 || i === 0 || i === n - 1) return Number.NaN;
      decimals = 0;
    } else if (ch >= 48 && ch <= 57) {
      cents = cents * 10 + (ch - 48);
      if (decimals >= 0 && ++decimals > 2) return Number.NaN;
    } else return Number.NaN;
  }
  if (decimals <= 0) return cents * 100;
  return decimals === 1 ? cents * 10 : cents;
}

const SLOT_SCALE = 2 ** 28; // > the largest period distance between two valid dates (2e8 days)
const MAP_SLOTS = 2 ** 24; // slot keys of ids that are not small integers start here
const ABSENT = -1;

/**
 * The array form, designed for ten million transactions (the cost that dominates there is one
 * cache miss per transaction on the customer's state, so there is exactly one):
 *
 * 1. One pass over the transactions keeps, per customer, the earliest and latest period, the cents
 *    of the earliest period and the total cents (four doubles side by side), and writes one sort key
 *    `slot * 2^28 + (end period - period)` per transaction into a Float64Array. Customer ids that
 *    are small non-negative integers are their own slot; other ids get one from a `Map`.
 * 2. The keys are sorted natively (as fast as sorting any ten million doubles), and one sequential
 *    pass counts each customer's distinct periods.
 * 3. One row per customer, in order of first appearance.
 *
 * Amounts that are not whole cents are kept as Decimals beside their period (only those), and a
 * customer whose cent sums leave the exact integer range is summed again with decimal.js. Returns
 * `undefined` when the input has more distinct non-integer ids than the key layout allows (2^24);
 * the caller then uses the streaming form.
 */
export function summarizeArray<Id>(
  transactions: readonly unknown[],
  param: string,
  spec: GroupingSpec,
  issues: IssueList,
  endPeriod: number,
  ratio: number,
): SummaryRow<Id>[] | undefined {
  const n = transactions.length;
  const tableLimit = Math.min(MAP_SLOTS, Math.max(2 ** 16, n >>> 1));
  let table = new Float64Array(4 * 1024); // per id: earliest+1, latest+1 (as end - period + 1), first cents, total cents
  let mapped = new Float64Array(4 * 64); // the same for ids from the Map
  const index = new Map<CustomerIdInput, number>();
  const ids: CustomerIdInput[] = []; // in order of first appearance
  let slots = new Int32Array(1024); // slot key of each customer, in that order
  const keys = new Float64Array(n);
  let slow: Map<number, { rel: number; amount: Decimal }[]> | undefined;
  let overflow: Set<number> | undefined;
  const presence = new AmountPresence();
  const r: ReadTransaction = { id: '', period: 0, cents: 0, dec: undefined, hasAmount: false };
  const code = spec.code;
  const weekStartsOn = spec.weekStartsOn;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const t = transactions[i] as { customerId?: unknown; date?: unknown; amount?: unknown } | null | undefined;
    let id: CustomerIdInput;
    let period: number;
    let cents: number;
    // Fast path: a number or string id, an epoch-ms date and a whole-cents amount (see the module
    // note); anything else is read (and validated) by readTransaction.
    const isObject = typeof t === 'object' && t !== null;
    const d = isObject ? t.date : undefined;
    const a = isObject ? t.amount : undefined;
    const rawId = isObject ? t.customerId : undefined;
    let c100 = Number.NaN;
    if (typeof a === 'number') {
      c100 = Math.round(a * 100);
      if (!(c100 / 100 === a && c100 >= 0 && c100 <= MAX_CENTS)) c100 = Number.NaN;
    } else if (typeof a === 'string') c100 = parseCents(a);
    if (
      typeof d === 'number' &&
      d >= -MAX_TIME &&
      d <= MAX_TIME &&
      c100 === c100 &&
      (typeof rawId === 'string' || (typeof rawId === 'number' && rawId - rawId === 0))
    ) {
      id = rawId;
      period = code === 0 ? Math.floor(d / DAY_MS) : periodIndex(d, code, weekStartsOn);
      cents = c100;
      presence.note(true, i);
    } else {
      if (!readTransaction(t, i, param, spec, issues, r)) continue;
      presence.note(r.hasAmount, i);
      id = r.id;
      period = r.period;
      cents = r.cents;
    }
    if (period > endPeriod) continue;
    const rel = endPeriod - period;
    const v = rel + 1;
    let acc: Float64Array;
    let base: number;
    let slotKey: number;
    if (typeof id === 'number' && id >= 0 && id < tableLimit && Math.floor(id) === id) {
      if (4 * id >= table.length) {
        const grown = new Float64Array(4 * Math.min(tableLimit, Math.max(id + 1, table.length >>> 1)));
        grown.set(table);
        table = grown;
      }
      acc = table;
      base = 4 * id;
      slotKey = id;
    } else {
      let m = index.get(id);
      if (m === undefined) {
        m = index.size;
        if (m >= MAP_SLOTS) return undefined;
        index.set(id, m);
        if (4 * m >= mapped.length) {
          const grown = new Float64Array(mapped.length * 2);
          grown.set(mapped);
          mapped = grown;
        }
      }
      acc = mapped;
      base = 4 * m;
      slotKey = MAP_SLOTS + m;
    }
    const amountCents = cents === cents ? cents : 0; // NaN: the amount is a Decimal (below)
    const earliest = acc[base] as number;
    if (earliest === 0) {
      acc[base] = v;
      acc[base + 1] = v;
      acc[base + 2] = amountCents;
      acc[base + 3] = amountCents;
      if (ids.length >= slots.length) {
        const grown = new Int32Array(slots.length * 2);
        grown.set(slots);
        slots = grown;
      }
      slots[ids.length] = slotKey;
      ids.push(id);
    } else {
      if (v > earliest) {
        acc[base] = v;
        acc[base + 2] = amountCents;
      } else if (v === earliest) {
        const firstCents = (acc[base + 2] as number) + amountCents;
        acc[base + 2] = firstCents;
        if (!(firstCents <= Number.MAX_SAFE_INTEGER && firstCents >= -Number.MAX_SAFE_INTEGER)) (overflow ??= new Set()).add(slotKey);
      }
      if (v < (acc[base + 1] as number)) acc[base + 1] = v;
      const total = (acc[base + 3] as number) + amountCents;
      acc[base + 3] = total;
      // Integer sums are exact up to 2^53; a customer beyond is added up again with decimal.js.
      if (!(total <= Number.MAX_SAFE_INTEGER && total >= -Number.MAX_SAFE_INTEGER)) (overflow ??= new Set()).add(slotKey);
    }
    if (cents !== cents) {
      slow ??= new Map();
      const list = slow.get(slotKey);
      const entry = { rel, amount: r.dec as Decimal };
      if (list === undefined) slow.set(slotKey, [entry]);
      else list.push(entry);
    }
    keys[w++] = slotKey * SLOT_SCALE + rel;
  }
  presence.report(param, issues);
  issues.throwIfAny();

  // Distinct periods per customer: equal keys are one (customer, period) cell.
  const sorted = keys.subarray(0, w).sort();
  const distinctById = new Int32Array(table.length >>> 2);
  const distinctMapped = new Int32Array(index.size);
  let previous = -1;
  for (let j = 0; j < w; j++) {
    const key = sorted[j] as number;
    if (key === previous) continue;
    previous = key;
    const slotKey = Math.floor(key / SLOT_SCALE);
    if (slotKey < MAP_SLOTS) distinctById[slotKey] = (distinctById[slotKey] as number) + 1;
    else distinctMapped[slotKey - MAP_SLOTS] = (distinctMapped[slotKey - MAP_SLOTS] as number) + 1;
  }

  // Customers whose cent sums left the exact range are added up again with decimal.js.
  const exactRepeat = overflow === undefined ? undefined : repeatTotals(transactions, overflow, spec, endPeriod, tableLimit, index, table, mapped, param, issues);

  const k = ids.length;
  const rows: SummaryRow<Id>[] = new Array(k);
  for (let c = 0; c < k; c++) {
    const slotKey = slots[c] as number;
    const isMapped = slotKey >= MAP_SLOTS;
    const acc = isMapped ? mapped : table;
    const base = 4 * (isMapped ? slotKey - MAP_SLOTS : slotKey);
    const earliest = acc[base] as number;
    const frequency = (isMapped ? (distinctMapped[slotKey - MAP_SLOTS] as number) : (distinctById[slotKey] as number)) - 1;
    const recency = (earliest - (acc[base + 1] as number)) * ratio;
    const T = (earliest - 1) * ratio;
    let dec: Decimal | undefined;
    const list = slow?.get(slotKey);
    if (list !== undefined) {
      for (const entry of list) if (entry.rel !== earliest - 1) dec = dec === undefined ? entry.amount : dec.plus(entry.amount);
    }
    const exact = exactRepeat?.get(slotKey);
    rows[c] =
      exact !== undefined
        ? summaryRow(ids[c] as Id, frequency, recency, T, 0, exact)
        : summaryRow(ids[c] as Id, frequency, recency, T, (acc[base + 3] as number) - (acc[base + 2] as number), dec);
  }
  return rows;
}

/**
 * The exact repeat totals (decimal.js) of the customers in `wanted`, by a second pass over the
 * (already validated) transactions. Only for cent sums beyond 2^53 cents (90 trillion).
 */
function repeatTotals(
  transactions: readonly unknown[],
  wanted: Set<number>,
  spec: GroupingSpec,
  endPeriod: number,
  tableLimit: number,
  index: Map<CustomerIdInput, number>,
  table: Float64Array,
  mapped: Float64Array,
  param: string,
  issues: IssueList,
): Map<number, Decimal> {
  const totals = new Map<number, Decimal>();
  const r: ReadTransaction = { id: '', period: 0, cents: 0, dec: undefined, hasAmount: false };
  for (let i = 0; i < transactions.length; i++) {
    readTransaction(transactions[i], i, param, spec, issues, r);
    if (r.period > endPeriod) continue;
    const id = r.id;
    const isTable = typeof id === 'number' && id >= 0 && id < tableLimit && Math.floor(id) === id;
    const slotKey = isTable ? id : MAP_SLOTS + (index.get(id) as number);
    if (!wanted.has(slotKey)) continue;
    const earliest = (isTable ? table[4 * id] : mapped[4 * (slotKey - MAP_SLOTS)]) as number;
    if (endPeriod - r.period === earliest - 1) continue; // the first period is not a repeat
    const amount = r.dec ?? new Money(r.cents).div(100);
    const sum = totals.get(slotKey);
    totals.set(slotKey, sum === undefined ? amount : sum.plus(amount));
  }
  for (const slotKey of wanted) if (!totals.has(slotKey)) totals.set(slotKey, ZERO);
  return totals;
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
