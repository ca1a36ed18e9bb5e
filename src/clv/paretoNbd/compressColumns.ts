/**
 * Merging of identical (frequency, recency, T) rows into weighted patterns, on columns: an
 * open-addressing hash over the three numbers' bits, O(n) expected time and no string keys, so that
 * a fit to a million customers costs what their distinct patterns cost.
 *
 * @internal
 * @module
 */
import { radixOrder } from '../../_lib/radixOrder.js';
import type { SummaryColumns } from './paretoNbdLikelihood.js';

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function mix(h: number, v: number): number {
  bits[0] = v === 0 ? 0 : v; // -0 and 0 hash alike
  h = Math.imul(h ^ (words[0] as number), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ (words[1] as number), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Merges rows with equal (x, t_x, T) and drops rows of weight 0. O(n) expected time. The order of
 * the patterns is that of their first row.
 */
export function compressColumns(data: SummaryColumns): SummaryColumns {
  const n = data.x.length;
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const wi = data.w[i] as number;
    if (wi === 0) continue;
    const xi = data.x[i] as number;
    const ti = data.tx[i] as number;
    const Ti = data.T[i] as number;
    let slot = mix(mix(mix(0x9747b28c, xi), ti), Ti) & mask;
    for (;;) {
      const k = slots[slot] as number;
      if (k === -1) {
        slots[slot] = m;
        x[m] = xi;
        tx[m] = ti;
        T[m] = Ti;
        w[m] = wi;
        m++;
        break;
      }
      if (x[k] === xi && tx[k] === ti && T[k] === Ti) {
        w[k] = (w[k] as number) + wi;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { x: x.slice(0, m), tx: tx.slice(0, m), T: T.slice(0, m), w: w.slice(0, m) };
}

/**
 * The patterns sorted by (x, t_x, T): a canonical order, so that a fit on them is a function of the
 * multiset of customers and not of their order. The likelihood and the start values are
 * floating-point sums over the patterns; the same customers in another order (rows in a different
 * order, or the weighted patterns an SQL engine returns in its own order) would round differently in
 * the last bits and, on the flat (s, beta) ridge of the Pareto/NBD likelihood, stop the optimizer
 * ~1e-8 (relative) elsewhere.
 *
 * Method: a least-significant-digit radix sort of the pattern indices ({@link radixOrder}) on the
 * three keys' IEEE 754 bits, T first and x last. For numbers >= 0 the bits, read as an unsigned
 * 64-bit integer, order as the numbers do (-0 is read as 0); a digit that is the same in every
 * pattern is skipped (whole-number T, small x). Each pass is stable, so the result is the order by
 * (x, t_x, T).
 * O(m) per pass, at most 12 passes: on 392,467 patterns the whole function (order and the four
 * gathered columns) took 73 ms, the order by a comparison sort alone 154 ms (2026-12-08). Requires finite keys >= 0 (the checked histories); patterns are distinct after
 * {@link compressColumns}, so the order is total.
 */
export function sortPatterns(data: SummaryColumns): SummaryColumns {
  const { x, tx, T, w } = data;
  const m = x.length;
  let order = new Uint32Array(m);
  let spare = new Uint32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  const key = new Float64Array(m);
  const words = new Uint32Array(key.buffer);
  for (const column of [T, tx, x]) {
    for (let k = 0; k < m; k++) {
      const v = column[k] as number;
      key[k] = v === 0 ? 0 : v; // -0 sorts as 0
    }
    const sorted = radixOrder(order, spare, words);
    if (sorted !== order) [order, spare] = [sorted, order];
  }
  const take = (v: ArrayLike<number>) => {
    const out = new Float64Array(m);
    for (let k = 0; k < m; k++) out[k] = v[order[k] as number] as number;
    return out;
  };
  return { x: take(x), tx: take(tx), T: take(T), w: take(w) };
}
