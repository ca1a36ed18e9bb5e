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
import { isArrayOrTypedArray, type IssueList } from '../../_lib/validate.js';
import { periodIndex, type PeriodCode } from './periods.js';

/** A customer identifier. */
export type CustomerIdInput = string | number;

/** One purchase as the public functions accept it. */
export interface TransactionInput<Id extends CustomerIdInput = CustomerIdInput> {
  readonly customerId: Id;
  readonly date: DateInput;
  readonly amount?: MoneyInput;
}

/**
 * Transactions as columns: entry i of each column is transaction i. Columns are arrays or typed
 * arrays of the same length (customer ids as numbers or strings, dates as `Date`s or epoch
 * milliseconds, amounts as numbers, decimal strings or `Decimal`s).
 */
export interface TransactionArrays<Id extends string | number = string | number> {
  /** Who bought, per transaction. */
  readonly customerId: ArrayLike<Id>;
  /** When, per transaction: `Date`s or epoch milliseconds (a `Float64Array` works), read in UTC. */
  readonly date: ArrayLike<DateInput>;
  /** What each was worth; give the column for all transactions or leave it out. */
  readonly amount?: ArrayLike<MoneyInput>;
}

/** Columns read through one reused record: `get(i)` fills and returns it (valid until the next call). */
export interface ColumnCursor {
  readonly length: number;
  get(i: number): unknown;
  /**
   * The columns themselves when ids are an Int32Array or Float64Array and dates and amounts are
   * Float64Arrays: `summarizeArray` then reads them directly, and goes through `get` only for an
   * entry its quick test does not accept.
   */
  readonly typed?: TypedColumns | undefined;
  /** The records in order, as an iterable of the same reused record. */
  rows(): Iterable<unknown>;
}

/** Typed transaction columns (see {@link ColumnCursor}). */
export interface TypedColumns {
  readonly ids: Int32Array | Float64Array;
  readonly dates: Float64Array;
  readonly amounts: Float64Array;
}

/** Whether `value` is meant as columns: a plain object (not iterable) with a customerId or date key. */
export function isColumnsInput(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') return false;
  return 'customerId' in value || 'date' in value;
}

/**
 * Checks transaction columns (keys, array types, equal lengths) and gives a cursor over them; the
 * values themselves are checked record by record as in the row form (issues name them
 * `[param, i, field]`, as for row i).
 */
export function readColumns(value: Record<string, unknown>, param: string, issues: IssueList): ColumnCursor | undefined {
  let ok = true;
  for (const key of Object.keys(value)) {
    if (key !== 'customerId' && key !== 'date' && key !== 'amount') {
      issues.add('unrecognized_key', [param, key], 'is not a transaction column (customerId, date, amount)');
      ok = false;
    }
  }
  for (const key of ['customerId', 'date', 'amount'] as const) {
    const column = value[key];
    if (key === 'amount' && column === undefined) continue;
    if (!isArrayOrTypedArray(column)) {
      issues.add('invalid_type', [param, key], column === undefined ? 'is required' : 'must be an array or a typed array');
      ok = false;
    }
  }
  if (!ok) return undefined;
  const ids = value.customerId as ArrayLike<unknown>;
  const dates = value.date as ArrayLike<unknown>;
  const amounts = value.amount as ArrayLike<unknown> | undefined;
  const n = ids.length;
  if (dates.length !== n || (amounts !== undefined && amounts.length !== n)) {
    issues.add('invalid_value', [param], `columns must have the same length (customerId ${n}, date ${dates.length}${amounts === undefined ? '' : `, amount ${amounts.length}`})`);
    return undefined;
  }
  // The reused record starts with the columns' first values, so that its fields take the columns'
  // representation (a double field for a Float64Array of dates: no number boxed per record) and its
  // shape is that of a row literal { customerId, date, amount }.
  const record: { customerId: unknown; date: unknown; amount: unknown } = { customerId: ids[0], date: dates[0], amount: amounts?.[0] };
  const get =
    amounts === undefined
      ? (i: number): unknown => {
          record.customerId = ids[i];
          record.date = dates[i];
          return record;
        }
      : (i: number): unknown => {
          record.customerId = ids[i];
          record.date = dates[i];
          record.amount = amounts[i];
          return record;
        };
  const typed = (ids instanceof Int32Array || ids instanceof Float64Array) && dates instanceof Float64Array && amounts instanceof Float64Array ? { ids, dates, amounts } : undefined;
  return {
    length: n,
    get,
    typed,
    *rows() {
      for (let i = 0; i < n; i++) yield get(i);
    },
  };
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
  // (A date of the wrong type left ms at 0, which passes this check.)
  if (!(ms >= -MAX_TIME && ms <= MAX_TIME)) {
    issues.add('invalid_date', [param, index, 'date'], 'must be a valid date');
    ok = false;
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
      // A plain decimal string such as "12.50" is exact cents; anything else goes to decimal.js.
      const stringCents = typeof amount === 'string' ? parseCents(amount) : Number.NaN;
      const money = stringCents === stringCents ? undefined : checkMoney(amount, [param, index, 'amount'], issues);
      if (stringCents === stringCents) out.cents = stringCents;
      else if (money === undefined) ok = false;
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
 * for any other string (signs, exponents, spaces, more decimals, more than 1e15 cents: those go
 * through decimal.js). Such a string's decimal value is exactly the integer returned over 100.
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
  // Beyond MAX_CENTS the digits may exceed 2^53 (a 16-digit string is not exact as a double):
  // such amounts go through decimal.js like any other.
  const result = decimals <= 0 ? cents * 100 : decimals === 1 ? cents * 10 : cents;
  return result <= MAX_CENTS ? result : Number.NaN;
}

const BUCKET_BITS = 13; // 8,192 customers per bucket: their state fits in a core's cache
const BUCKET_SIZE = 1 << BUCKET_BITS;
const NOT_COUNTED = -2_147_483_648;

/**
 * The array form, designed for ten million transactions. What dominates at that size is memory
 * latency: touching a per-customer counter in a table of a million customers costs a cache miss
 * (100-200 ns) per transaction, more than sorting the same number of doubles. So the work is laid
 * out as a cache-conscious radix partition:
 *
 * 1. One sequential pass validates each transaction and records its customer slot, period and
 *    cents in typed arrays, counting transactions per bucket of 8,192 slots. A customer id that is a
 *    small non-negative integer is its own slot (no lookup at all); other ids get one from a `Map`.
 * 2. One pass scatters the transactions into their buckets (a few hundred sequential streams).
 * 3. Each bucket is grouped by customer with a counting sort whose counters stay in cache, and each
 *    customer is reduced to its row (distinct periods by a small sort of its periods).
 * 4. The rows are put in order of the customers' first appearance.
 *
 * O(n) plus the per-customer sorts. Amounts that are not whole cents keep their Decimal beside the
 * transaction index; a customer with such an amount, or with cent sums beyond 2^53, is summed with
 * decimal.js.
 */
export function summarizeArray<Id>(
  transactions: readonly unknown[] | ColumnCursor,
  param: string,
  spec: GroupingSpec,
  issues: IssueList,
  endPeriod: number,
  ratio: number,
): SummaryRow<Id>[] {
  const n = transactions.length;
  // Records by position: the array's own, or the columns' reused record.
  const array = Array.isArray(transactions) ? (transactions as readonly unknown[]) : undefined;
  const recordAt = array !== undefined ? (i: number): unknown => array[i] : (transactions as ColumnCursor).get;
  const tableLimit = Math.min(2 ** 26, Math.max(2 ** 16, 2 * n));
  const state: ReadState = {
    intBuckets: new Int32Array(64),
    mapBuckets: new Int32Array(64),
    maxIntSlot: -1,
    index: new Map(),
    mapIds: [],
    tableLimit,
    r: { id: '', period: 0, cents: 0, dec: undefined, hasAmount: false },
  };
  const presence = new AmountPresence();
  // Pass 1: validate, assign slots, count per bucket. Nothing is stored per transaction: reading
  // the records again in pass 2 costs less than the memory (and the garbage collections) of
  // per-transaction arrays.
  let inWindow = 0;
  const typed = array === undefined ? (transactions as ColumnCursor).typed : undefined;
  for (let i = 0; i < n; i++) {
    const slot =
      typed === undefined
        ? readSlot(recordAt(i), i, param, spec, issues, endPeriod, state, true, presence)
        : readTypedSlot(typed, recordAt, i, param, spec, issues, endPeriod, state, true, presence);
    if (slot !== NOT_COUNTED) inWindow++;
  }
  presence.report(param, issues);
  issues.throwIfAny();

  // Buckets: the integer slots first, then the map slots (global slot = mapBase + map index).
  const { maxIntSlot, mapIds } = state;
  // No integer id (maxIntSlot -1): no integer buckets (-1 >>> 13 would be 524,287).
  const intBucketCount = maxIntSlot >= 0 ? (maxIntSlot >>> BUCKET_BITS) + 1 : 0;
  const mapBase = intBucketCount * BUCKET_SIZE;
  const bucketCount = intBucketCount + Math.ceil(mapIds.length / BUCKET_SIZE);
  const bucketStart = new Int32Array(bucketCount + 1);
  for (let b = 0; b < bucketCount; b++) {
    const count = b < intBucketCount ? (state.intBuckets[b] as number) : (state.mapBuckets[b - intBucketCount] as number);
    bucketStart[b + 1] = (bucketStart[b] as number) + count;
  }
  // Pass 2: scatter (slot in bucket, period) keys, cents and input positions into the buckets.
  const fill = bucketStart.slice(0, bucketCount);
  const bKey = new Float64Array(inWindow); // slot in bucket * 2^28 + (end period - period)
  const bCents = new Float64Array(inWindow);
  const bOrigin = new Int32Array(inWindow);
  let decAt: Map<number, Decimal> | undefined;
  const r = state.r;
  for (let i = 0; i < n; i++) {
    const slot =
      typed === undefined
        ? readSlot(recordAt(i), i, param, spec, issues, endPeriod, state, false, presence)
        : readTypedSlot(typed, recordAt, i, param, spec, issues, endPeriod, state, false, presence);
    if (slot === NOT_COUNTED) continue;
    const g = slot >= 0 ? slot : mapBase - slot - 1;
    const b = g >>> BUCKET_BITS;
    const at = fill[b] as number;
    fill[b] = at + 1;
    bKey[at] = (g & (BUCKET_SIZE - 1)) * REL_SCALE + (endPeriod - r.period);
    bCents[at] = r.cents;
    bOrigin[at] = i;
    if (r.cents !== r.cents) (decAt ??= new Map()).set(at, r.dec as Decimal);
  }

  // Per bucket: counting sort by slot (counters in cache), then one row per customer.
  const count = new Int32Array(BUCKET_SIZE + 1);
  const firstSeen = new Int32Array(BUCKET_SIZE);
  let maxBucket = 0;
  for (let b = 0; b < bucketCount; b++) maxBucket = Math.max(maxBucket, (bucketStart[b + 1] as number) - (bucketStart[b] as number));
  const grouped = new Float64Array(2 * maxBucket); // (period, cents) pairs, grouped by slot
  const groupedAt = new Int32Array(maxBucket); // their positions in the bucket arrays
  const scratch = new Int32Array(maxBucket);
  const rowAtFirst = new Int32Array(n); // customer number + 1 at the index of its first transaction
  const built: SummaryRow<Id>[] = [];
  for (let b = 0; b < bucketCount; b++) {
    const s = bucketStart[b] as number;
    const e = bucketStart[b + 1] as number;
    if (s === e) continue;
    count.fill(0);
    // Slots at or above `top` are empty in this bucket: the loops over slots stop there (a small
    // input has one bucket with a few customers, not 8,192).
    let top = 0;
    for (let j = s; j < e; j++) {
      const local = Math.floor((bKey[j] as number) / REL_SCALE);
      if (local >= top) top = local + 1;
      if (count[local + 1] === 0) firstSeen[local] = bOrigin[j] as number; // input order: the first one
      count[local + 1] = (count[local + 1] as number) + 1;
    }
    for (let q = 0; q < top; q++) count[q + 1] = (count[q + 1] as number) + (count[q] as number);
    for (let j = s; j < e; j++) {
      const key = bKey[j] as number;
      const local = Math.floor(key / REL_SCALE);
      const at = count[local] as number;
      count[local] = at + 1;
      grouped[2 * at] = endPeriod - (key - local * REL_SCALE);
      grouped[2 * at + 1] = bCents[j] as number;
      groupedAt[at] = j;
    }
    // After the placement count[q] is the end of slot q's group and count[q - 1] its start.
    let lo = 0;
    for (let q = 0; q < top; q++) {
      const hi = count[q] as number;
      if (hi === lo) continue;
      const g = b * BUCKET_SIZE + q;
      const id = g < mapBase ? g : (mapIds[g - mapBase] as CustomerIdInput);
      built.push(customerRow<Id>(id as Id, grouped, groupedAt, lo, hi, scratch, decAt, endPeriod, ratio));
      rowAtFirst[firstSeen[q] as number] = built.length;
      lo = hi;
    }
  }
  const rows: SummaryRow<Id>[] = new Array(built.length);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const at = rowAtFirst[i] as number;
    if (at !== 0) rows[next++] = built[at - 1] as SummaryRow<Id>;
  }
  return rows;
}

const REL_SCALE = 2 ** 28; // > the largest period distance between two valid dates (2e8 days)

/** What the two passes of {@link summarizeArray} share. */
interface ReadState {
  intBuckets: Int32Array<ArrayBuffer>;
  mapBuckets: Int32Array<ArrayBuffer>;
  maxIntSlot: number;
  readonly index: Map<CustomerIdInput, number>;
  readonly mapIds: CustomerIdInput[];
  readonly tableLimit: number;
  /** The transaction just read: its period, and its cents (NaN with a Decimal in `dec`). */
  readonly r: ReadTransaction;
}

/**
 * Reads transaction `t` into `state.r` and returns its slot (>= 0: an integer id; < 0: -(map index
 * + 1)), or NOT_COUNTED when it is invalid or after the end. The first pass (`counting`) validates,
 * assigns map slots and counts per bucket; the second only reads.
 */
function readSlot(
  t0: unknown,
  i: number,
  param: string,
  spec: GroupingSpec,
  issues: IssueList,
  endPeriod: number,
  state: ReadState,
  counting: boolean,
  presence: AmountPresence,
): number {
  const t = t0 as { customerId?: unknown; date?: unknown; amount?: unknown } | null | undefined;
  const r = state.r;
  let id: CustomerIdInput;
  // Fast path: a number or string id, an epoch-ms date and a whole-cents amount, as a number or a
  // plain decimal string (see the module note); anything else is read (and validated) by
  // readTransaction.
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
    r.period = spec.code === 0 ? Math.floor(d / DAY_MS) : periodIndex(d, spec.code, spec.weekStartsOn);
    r.cents = c100;
    r.dec = undefined;
    if (counting) presence.note(true, i);
  } else {
    if (!readTransaction(t, i, param, spec, issues, r)) return NOT_COUNTED;
    if (counting) presence.note(r.hasAmount, i);
    id = r.id;
  }
  if (r.period > endPeriod) return NOT_COUNTED;
  return slotOf(id, state, counting);
}

/**
 * {@link readSlot} for typed columns, read directly: a finite id, a date within +-8.64e15 ms and
 * an amount of whole cents from 0 to 1e15 cents take the quick path; any other entry is read through
 * its record by `readSlot`, which checks it and names its problems.
 */
function readTypedSlot(
  columns: TypedColumns,
  recordAt: (i: number) => unknown,
  i: number,
  param: string,
  spec: GroupingSpec,
  issues: IssueList,
  endPeriod: number,
  state: ReadState,
  counting: boolean,
  presence: AmountPresence,
): number {
  const d = columns.dates[i] as number;
  const a = columns.amounts[i] as number;
  const id = columns.ids[i] as number;
  const c100 = Math.round(a * 100);
  if (!(c100 / 100 === a && c100 >= 0 && c100 <= MAX_CENTS && d >= -MAX_TIME && d <= MAX_TIME && id - id === 0)) {
    return readSlot(recordAt(i), i, param, spec, issues, endPeriod, state, counting, presence);
  }
  const r = state.r;
  r.period = spec.code === 0 ? Math.floor(d / DAY_MS) : periodIndex(d, spec.code, spec.weekStartsOn);
  r.cents = c100;
  r.dec = undefined;
  if (counting) presence.note(true, i);
  if (r.period > endPeriod) return NOT_COUNTED;
  return slotOf(id, state, counting);
}

/** The slot of customer `id` (see {@link readSlot}), assigning map slots and counting when `counting`. */
function slotOf(id: CustomerIdInput, state: ReadState, counting: boolean): number {
  if (typeof id === 'number' && id >= 0 && id < state.tableLimit && Math.floor(id) === id) {
    if (counting) {
      const b = id >>> BUCKET_BITS;
      if (b >= state.intBuckets.length) state.intBuckets = grow(state.intBuckets, b + 1);
      state.intBuckets[b] = (state.intBuckets[b] as number) + 1;
      if (id > state.maxIntSlot) state.maxIntSlot = id;
    }
    return id;
  }
  let m = state.index.get(id);
  if (m === undefined) {
    m = state.mapIds.length;
    state.index.set(id, m);
    state.mapIds.push(id);
  }
  if (counting) {
    const b = m >>> BUCKET_BITS;
    if (b >= state.mapBuckets.length) state.mapBuckets = grow(state.mapBuckets, b + 1);
    state.mapBuckets[b] = (state.mapBuckets[b] as number) + 1;
  }
  return -(m + 1);
}

function grow(values: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(atLeast, values.length * 2));
  grown.set(values);
  return grown;
}

/** One customer's row from its (period, cents) pairs `grouped[2 lo .. 2 hi)`. */
function customerRow<Id>(
  id: Id,
  grouped: Float64Array,
  at: Int32Array,
  lo: number,
  hi: number,
  scratch: Int32Array,
  decAt: Map<number, Decimal> | undefined,
  endPeriod: number,
  ratio: number,
): SummaryRow<Id> {
  // Earliest and latest period, the total of the earliest period and the total of all.
  let first = grouped[2 * lo] as number;
  let last = first;
  let firstCents = 0;
  let totalCents = 0;
  for (let j = lo; j < hi; j++) {
    const p = grouped[2 * j] as number;
    const v = grouped[2 * j + 1] as number;
    if (p < first) {
      first = p;
      firstCents = v;
    } else if (p === first) firstCents += v;
    if (p > last) last = p;
    totalCents += v;
  }
  let distinct = 1;
  const m = hi - lo;
  if (m > 1 && last !== first) {
    for (let j = 0; j < m; j++) scratch[j] = grouped[2 * (lo + j)] as number;
    sortRange(scratch, 0, m);
    for (let j = 1; j < m; j++) if (scratch[j] !== scratch[j - 1]) distinct++;
  }
  const frequency = distinct - 1;
  const recency = (last - first) * ratio;
  const T = (endPeriod - first) * ratio;
  // NaN marks an amount held as a Decimal; beyond 2^53 integer sums are no longer exact. Then the
  // repeat amounts are added again with decimal.js.
  if (Math.abs(totalCents) <= Number.MAX_SAFE_INTEGER && Math.abs(firstCents) <= Number.MAX_SAFE_INTEGER) {
    return summaryRow(id, frequency, recency, T, totalCents - firstCents, undefined);
  }
  let repeat = new Money(0);
  for (let j = lo; j < hi; j++) {
    if (grouped[2 * j] === first) continue;
    const v = grouped[2 * j + 1] as number;
    repeat = repeat.plus(Number.isNaN(v) ? (decAt?.get(at[j] as number) as Decimal) : new Money(v).div(100));
  }
  return summaryRow(id, frequency, recency, T, 0, repeat);
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
