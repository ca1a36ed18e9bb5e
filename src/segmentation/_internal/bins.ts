/**
 * Quantile binning for RFM scores: cut points by R quantile type 7 or type 1, equal-count bins by
 * rank, and SQL NTILE.
 *
 * @internal
 * @module
 */

/** How scores are binned; see {@link RfmScoresOptions.method}. */
export type BinMethod = 'quantile' | 'rank' | 'ntile';

/** The quantile definitions offered (Hyndman & Fan 1996 numbering, as in R `quantile(type =)`). */
export type QuantileType = 1 | 7;

/**
 * The quantile of sorted values at probability `j / k` (exact integer arithmetic for the position).
 * Type 7: h = (n - 1) j / k, linear interpolation between the order statistics around h (R's
 * default, numpy's 'linear', pandas `qcut`). Type 1: the inverse of the empirical distribution
 * function, x at position ceil(n j / k) (1-based), no interpolation.
 */
export function quantileAt(sorted: Float64Array, j: number, k: number, type: QuantileType): number {
  const n = sorted.length;
  if (type === 1) return sorted[Math.ceil((n * j) / k) - 1] as number;
  const h = ((n - 1) * j) / k;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const frac = h - lo;
  return frac === 0 ? below : below + frac * ((sorted[lo + 1] as number) - below);
}

/** The k - 1 inner cut points of sorted values. */
export function quantileEdges(sorted: Float64Array, k: number, type: QuantileType): number[] {
  const edges: number[] = [];
  for (let j = 1; j < k; j++) edges.push(quantileAt(sorted, j, k, type));
  return edges;
}

/** Bin 1..k of x for right-closed bins (a, b] cut at `edges` (the lowest bin includes its minimum). */
export function binOf(x: number, edges: readonly number[]): number {
  let bin = 1;
  for (const edge of edges) if (x > edge) bin += 1;
  return bin;
}

/** The bucket 1..k of 0-based rank r among n by SQL NTILE(k): sizes differ by at most one, larger first. */
export function ntileOf(r: number, n: number, k: number): number {
  const size = Math.floor(n / k);
  const big = n % k;
  const bigRows = big * (size + 1);
  return r < bigRows ? Math.floor(r / (size + 1)) + 1 : big + Math.floor((r - bigRows) / size) + 1;
}

/**
 * The 0-based rank of every value, ascending, ties in input order (pandas `rank(method='first')` - 1).
 * Cost: one binary search per value for the first position of its value in `sorted`; a counter per
 * first position hands out the positions of tied values in input order.
 */
export function ranksFirst(values: Float64Array, sorted: Float64Array): Uint32Array {
  const n = values.length;
  const ranks = new Uint32Array(n);
  const taken = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = lo + (taken[lo] as number);
    taken[lo] = (taken[lo] as number) + 1;
  }
  return ranks;
}

/** The scores 1..k of `values` (higher value, higher score) under `method`, and the cut points of 'quantile'. */
export function scoreValues(values: Float64Array, k: number, method: BinMethod, type: QuantileType): { scores: Uint8Array; edges: number[] | undefined } {
  const n = values.length;
  const sorted = values.slice().sort();
  const scores = new Uint8Array(n);
  if (method === 'quantile') {
    const edges = quantileEdges(sorted, k, type);
    for (let i = 0; i < n; i++) scores[i] = binOf(values[i] as number, edges);
    return { scores, edges };
  }
  const ranks = ranksFirst(values, sorted);
  if (method === 'ntile') {
    for (let i = 0; i < n; i++) scores[i] = ntileOf(ranks[i] as number, n, k);
  } else {
    // Quantiles of the ranks 1..n, which are distinct: pandas qcut(x.rank(method='first'), k).
    const rankEdges = quantileEdges(Float64Array.from({ length: n }, (_, i) => i + 1), k, type);
    for (let i = 0; i < n; i++) scores[i] = binOf((ranks[i] as number) + 1, rankEdges);
  }
  return { scores, edges: undefined };
}
