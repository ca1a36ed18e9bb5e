/**
 * SubscriptionRecord records: the boundary check (a tight loop, no zod per record) and the per-customer
 * activity intervals every record-based function works from.
 *
 * Conventions, shared by every function of the area:
 * - a subscription is active on the half-open interval [start, end); without `end` it is still
 *   active;
 * - a customer is active while any of their subscriptions is: overlapping or touching subscriptions
 *   merge into one activity interval, so a customer churns once, when all their subscriptions have
 *   ended;
 * - a customer is "in the base" at a boundary instant T when one of their activity intervals
 *   contains T strictly (start < T < end). So a subscription that starts exactly at a period
 *   boundary belongs to the period it starts, and one that ends exactly at a boundary churns in the
 *   period that ends there.
 *
 * @internal
 * @module
 */
// @ts-nocheck

import { Money, checkMoney, type Decimal } from '../../_lib/money.js';
import { IssueList } from '../../_lib/validate.js';

/** One subscription of a customer. */
export interface SubscriptionRecord {
  /** The customer the subscription belongs to (a string or a number). */
  readonly customerId: string | number;
  /** When it started (a `Date` or epoch milliseconds). */
  readonly start: Date | number;
  /** When it ended; absent (or `null`) while it is still active. */
  readonly end?: Date | number | null;
  /** Its monthly recurring revenue, at least 0. */
  readonly mrr?: number | string | Decimal;
}

/** How a function treats `mrr`. */
export type MrrMode = 'ignore' | 'optional' | 'required';

/** Validated subscriptions in columns. */
export interface ParsedSubscriptions {
  readonly n: number;
  readonly customerCount: number;
  /** For each customer index, the index of the first record with that customer (its id is there). */
  readonly firstRecord: Int32Array;
  /** Customer index of each subscription. */
  readonly customerOf: Int32Array;
  readonly start: Float64Array;
  /** `Infinity` while active. */
  readonly end: Float64Array;
  /** Per subscription, when MRR was read (every subscription has it). */
  readonly mrr: Decimal[] | undefined;
}

const MAX_TIME = 8.64e15;

function dateValue(v: unknown): number {
  if (typeof v === 'number') return v - v === 0 && v <= MAX_TIME && v >= -MAX_TIME ? v : Number.NaN;
  if (v instanceof Date) {
    const ms = v.getTime();
    return ms - ms === 0 ? ms : Number.NaN;
  }
  return Number.NaN;
}

function dateIssue(v: unknown, path: (string | number)[], issues: IssueList): void {
  if (v instanceof Date || typeof v === 'number') issues.add('invalid_date', path, 'must be a valid date');
  else issues.add('invalid_type', path, v === undefined ? 'is required' : 'must be a Date or epoch milliseconds');
}

/**
 * Checks `records` (an array of subscriptions, or with `activity`, of `{ customerId, first, last? }`
 * spans, which are read as `start` / `end`). Records every problem under `[param, i, key]`.
 */
export function checkSubscriptions(records: unknown, param: string, mrrMode: MrrMode, issues: IssueList, activity = false): ParsedSubscriptions | undefined {
  if (!Array.isArray(records)) {
    issues.add('invalid_type', [param], records === undefined ? 'is required' : 'must be an array');
    return undefined;
  }
  const n = records.length;
  const customerOf = new Int32Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const ids = new Map<string | number, number>();
  // Whole-number ids below this bound take a dense lookup table instead of the Map (much faster).
  const denseLimit = 8 * n + 1024;
  let dense = new Int32Array(Math.min(denseLimit, 1024)).fill(-1);
  const firstRecord = new Int32Array(n);
  let customerCount = 0;
  const mrr: Decimal[] | undefined = mrrMode === 'ignore' ? undefined : [];
  let withMrr = 0;
  const moneyOf = new Map<number, Decimal>();
  let firstWithout = -1;
  let firstWith = -1;
  let ok = true;
  for (let i = 0; i < n; i++) {
    const r: unknown = records[i];
    if (typeof r !== 'object' || r === null) {
      issues.add('invalid_type', [param, i], 'must be an object');
      ok = false;
      continue;
    }
    const rec = r as Record<string, unknown>;
    const isSpan = activity && rec.start === undefined && rec.first !== undefined;
    const startKey = isSpan ? 'first' : 'start';
    const endKey = isSpan ? 'last' : 'end';
    const id = rec.customerId;
    if (typeof id === 'number' && id >= 0 && id < denseLimit && Math.floor(id) === id) {
      if (id >= dense.length) {
        const grown = new Int32Array(Math.min(denseLimit, Math.max(2 * dense.length, id + 1))).fill(-1);
        grown.set(dense);
        dense = grown;
      }
      let c = dense[id] as number;
      if (c < 0) {
        c = customerCount++;
        dense[id] = c;
        firstRecord[c] = i;
      }
      customerOf[i] = c;
    } else if (typeof id === 'string' || (typeof id === 'number' && id - id === 0)) {
      let c = ids.get(id);
      if (c === undefined) {
        c = customerCount++;
        ids.set(id, c);
        firstRecord[c] = i;
      }
      customerOf[i] = c;
    } else {
      issues.add('invalid_type', [param, i, 'customerId'], id === undefined ? 'is required' : 'must be a string or a finite number');
      ok = false;
    }
    const sv = isSpan ? rec.first : rec.start;
    const s = dateValue(sv);
    if (s !== s) {
      dateIssue(sv, [param, i, startKey], issues);
      ok = false;
    }
    start[i] = s;
    const ev = isSpan ? rec.last : rec.end;
    if (ev === undefined || ev === null) end[i] = Infinity;
    else {
      const e = dateValue(ev);
      if (e !== e) {
        dateIssue(ev, [param, i, endKey], issues);
        ok = false;
      } else if (e < s) {
        issues.add('invalid_order', [param, i, endKey], `must not be before ${startKey}`);
        ok = false;
      }
      end[i] = e;
    }
    if (mrr !== undefined) {
      const mv = rec.mrr;
      if (mv === undefined) {
        if (firstWithout < 0) firstWithout = i;
      } else {
        if (firstWith < 0) firstWith = i;
        withMrr++;
        let m: Decimal | undefined;
        if (typeof mv === 'number' && mv >= 0 && mv - mv === 0) {
          // Plans repeat: share one immutable Decimal per distinct amount.
          m = moneyOf.get(mv);
          if (m === undefined) {
            m = new Money(mv);
            moneyOf.set(mv, m);
          }
        } else m = checkMoney(mv, [param, i, 'mrr'], issues, true);
        if (m === undefined) ok = false;
        else mrr.push(m);
      }
    }
  }
  if (mrr !== undefined && firstWithout >= 0 && (mrrMode === 'required' || withMrr > 0)) {
    issues.add('invalid_type', [param, firstWithout, 'mrr'], mrrMode === 'required' ? 'is required' : 'must be given on every subscription or on none');
    ok = false;
  }
  if (!ok) return undefined;
  return { n, customerCount, firstRecord, customerOf, start, end, mrr: mrr !== undefined && withMrr > 0 && withMrr === n ? mrr : undefined };
}

/** Subscriptions grouped by customer (CSR), each customer's sorted by start, and merged activity. */
export interface CustomerActivity {
  readonly customerCount: number;
  /** Subscriptions of customer c: order[subOffset[c] .. subOffset[c + 1]). */
  readonly subOffset: Int32Array;
  readonly order: Int32Array;
  /** Activity intervals of customer c: [intervalStart[k], intervalEnd[k]) for k in intervalOffset[c] .. intervalOffset[c + 1]. */
  readonly intervalOffset: Int32Array;
  readonly intervalStart: Float64Array;
  readonly intervalEnd: Float64Array;
  /** Per subscription (by record index): the end of the activity interval it belongs to. */
  readonly mergedEnd: Float64Array;
}

/** Groups subscriptions by customer and merges overlapping or touching ones. O(n) plus sorting each customer's own few. */
export function customerActivity(p: ParsedSubscriptions): CustomerActivity {
  const { n, customerCount: C, customerOf, start, end } = p;
  const subOffset = new Int32Array(C + 1);
  for (let i = 0; i < n; i++) { const k = (customerOf[i] as number) + 1; subOffset[k] = (subOffset[k] as number) + 1; }
  for (let c = 0; c < C; c++) subOffset[c + 1] = (subOffset[c + 1] as number) + (subOffset[c] as number);
  const fill = subOffset.slice(0, C);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = customerOf[i] as number;
    order[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  const intervalOffset = new Int32Array(C + 1);
  const iStart = new Float64Array(n);
  const iEnd = new Float64Array(n);
  const mergedEnd = new Float64Array(n);
  let k = 0;
  for (let c = 0; c < C; c++) {
    const lo = subOffset[c] as number;
    const hi = subOffset[c + 1] as number;
    intervalOffset[c] = k;
    if (hi - lo === 1) {
      // The common case: one subscription, one interval.
      const i = order[lo] as number;
      iStart[k] = start[i] as number;
      iEnd[k] = end[i] as number;
      mergedEnd[i] = end[i] as number;
      k++;
      continue;
    }
    if (hi - lo > 16) {
      const own = Array.from(order.subarray(lo, hi)).sort((a, b) => (start[a] as number) - (start[b] as number) || (end[a] as number) - (end[b] as number));
      order.set(own, lo);
    } else {
      // Insertion sort: customers have few subscriptions.
      for (let j = lo + 1; j < hi; j++) {
        const i = order[j] as number;
        const si = start[i] as number;
        const ei = end[i] as number;
        let q = j - 1;
        while (q >= lo) {
          const o = order[q] as number;
          const so = start[o] as number;
          if (so < si || (so === si && (end[o] as number) <= ei)) break;
          order[q + 1] = o;
          q--;
        }
        order[q + 1] = i;
      }
    }
    let groupFirst = lo;
    for (let j = lo; j < hi; j++) {
      const i = order[j] as number;
      const s = start[i] as number;
      const e = end[i] as number;
      if (j > lo && s <= (iEnd[k - 1] as number)) {
        if (e > (iEnd[k - 1] as number)) iEnd[k - 1] = e;
      } else {
        if (j > lo) for (let g = groupFirst; g < j; g++) mergedEnd[order[g] as number] = iEnd[k - 1] as number;
        groupFirst = j;
        iStart[k] = s;
        iEnd[k] = e;
        k++;
      }
    }
    if (hi > lo) for (let g = groupFirst; g < hi; g++) mergedEnd[order[g] as number] = iEnd[k - 1] as number;
  }
  intervalOffset[C] = k;
  return { customerCount: C, subOffset, order, intervalOffset, intervalStart: iStart.subarray(0, k), intervalEnd: iEnd.subarray(0, k), mergedEnd };
}

/**
 * The smallest index b with T[b] > x (T.length when none), for strictly ascending T. Calendar
 * boundaries are nearly evenly spaced, so an interpolated guess corrected by a step or two replaces
 * a binary search: O(1) in practice.
 */
export function firstAbove(T: Float64Array, x: number): number {
  const n = T.length;
  if (n === 0) return 0;
  const t0 = T[0] as number;
  const tn = T[n - 1] as number;
  if (x < t0) return 0;
  if (x >= tn) return n;
  // Here n >= 2 and T[0] <= x < T[n - 1].
  let i = Math.floor(((x - t0) / (tn - t0)) * (n - 1));
  while ((T[i] as number) > x) i--;
  while ((T[i + 1] as number) <= x) i++;
  return i + 1;
}

/** The smallest index b with T[b] >= x (T.length when none), for strictly ascending T. */
export function firstAtLeast(T: Float64Array, x: number): number {
  const n = T.length;
  if (n === 0) return 0;
  const t0 = T[0] as number;
  const tn = T[n - 1] as number;
  if (x <= t0) return 0;
  if (x > tn) return n;
  // Here n >= 2 and T[0] < x <= T[n - 1].
  let i = Math.floor(((x - t0) / (tn - t0)) * (n - 1));
  if (i > n - 2) i = n - 2;
  while ((T[i] as number) >= x) i--;
  while ((T[i + 1] as number) < x) i++;
  return i + 1;
}

/** Customer counts of consecutive periods [T[p], T[p + 1]). */
export interface PeriodTable {
  readonly start: Float64Array;
  readonly new: Float64Array;
  readonly reactivated: Float64Array;
  readonly churned: Float64Array;
  readonly churnedNew: Float64Array;
  readonly end: Float64Array;
}

/**
 * Counts, for each period between consecutive boundaries `T` (ascending), the customers in the base
 * at its start, those who joined or came back in it, those lost, and those who joined and were lost
 * within it. O(intervals log periods + periods).
 */
export function countPeriods(a: CustomerActivity, T: Float64Array): PeriodTable {
  const P = T.length - 1;
  const inBase = new Float64Array(T.length + 1); // difference array over boundaries
  const added = new Float64Array(P);
  const reactivated = new Float64Array(P);
  const churnedNew = new Float64Array(P);
  const { intervalOffset, intervalStart, intervalEnd } = a;
  const first = T[0] as number;
  const last = T[P] as number;
  for (let c = 0; c < a.customerCount; c++) {
    const lo = intervalOffset[c] as number;
    const hi = intervalOffset[c + 1] as number;
    let containedUpTo = -1; // the largest boundary an earlier interval contains strictly
    let k = lo;
    while (k < hi) {
      const s = intervalStart[k] as number;
      const e = intervalEnd[k] as number;
      // Boundaries strictly inside (s, e).
      const bLo = firstAbove(T, s);
      const bHi = firstAtLeast(T, e);
      if (bHi > bLo) {
        inBase[bLo] = (inBase[bLo] as number) + 1;
        inBase[bHi] = (inBase[bHi] as number) - 1;
      }
      if (s < first || s >= last) {
        if (bHi > bLo) containedUpTo = bHi - 1;
        k++;
        continue;
      }
      const period = bLo - 1; // T[period] <= s < T[period + 1]
      // Every interval of this customer that starts in the same period.
      let kLast = k;
      let lastHi = bHi;
      while (kLast + 1 < hi && (intervalStart[kLast + 1] as number) < (T[period + 1] as number)) {
        kLast++;
        const e2 = intervalEnd[kLast] as number;
        const s2 = intervalStart[kLast] as number;
        const b2Lo = firstAbove(T, s2);
        const b2Hi = firstAtLeast(T, e2);
        if (b2Hi > b2Lo) {
          inBase[b2Lo] = (inBase[b2Lo] as number) + 1;
          inBase[b2Hi] = (inBase[b2Hi] as number) - 1;
        }
        lastHi = b2Hi;
      }
      if (containedUpTo !== period) {
        added[period] = (added[period] as number) + 1;
        if (lo < k) reactivated[period] = (reactivated[period] as number) + 1;
        if (lastHi <= period + 1) churnedNew[period] = (churnedNew[period] as number) + 1;
      }
      if (lastHi - 1 > containedUpTo) containedUpTo = lastHi - 1;
      k = kLast + 1;
    }
  }
  const base = new Float64Array(T.length);
  let run = 0;
  for (let b = 0; b < T.length; b++) {
    run += inBase[b] as number;
    base[b] = run;
  }
  const start = base.slice(0, P);
  const end = base.slice(1);
  const churned = new Float64Array(P);
  for (let p = 0; p < P; p++) churned[p] = (start[p] as number) + (added[p] as number) - (end[p] as number);
  return { start, new: added, reactivated, churned, churnedNew, end };
}

/**
 * Each customer's MRR at boundary `t`: 0 unless the customer is in the base at `t`; then the sum of
 * the MRR of their subscriptions with start < t <= end (the value just before t, so a change at t
 * belongs to the period that starts there).
 */
export function mrrAt(p: ParsedSubscriptions, a: CustomerActivity, c: number, t: number): Decimal {
  let sum: Decimal = new Money(0);
  const mrr = p.mrr as Decimal[];
  for (let j = a.subOffset[c] as number; j < (a.subOffset[c + 1] as number); j++) {
    const i = a.order[j] as number;
    const s = p.start[i] as number;
    const e = p.end[i] as number;
    if (s < t && t <= e && (a.mergedEnd[i] as number) > t) sum = sum.plus(mrr[i] as Decimal);
  }
  return sum;
}
