/**
 * Quantile binning for RFM scores: cut points by R quantile type 7 or type 1, equal-count bins by
 * rank, and SQL NTILE.
 *
 * @internal
 * @module
 */
// @ts-nocheck


/** How scores are binned; see {@link RfmScoresOptions.method}. */
export type BinMethod = 'quantile' | 'rank' | 'ntile';

/** The quantile definitions offered (Hyndman & Fan 1996 numbering, as in R `quantile(type =)`). */
export type QuantileType = 1 | 7;

/** Reads the order statistic at a 0-based position (the value at that index of the sorted data). */
type OrderStatistic = (position: number) => number;

/** The 0-based positions of the order statistics the quantile at probability `j / k` needs. */
export function quantilePositions(n: number, j: number, k: number, type: QuantileType): number[] {
  if (type === 1) return [Math.ceil((n * j) / k) - 1];
  const lo = Math.floor(((n - 1) * j) / k);
  return lo + 1 < n ? [lo, lo + 1] : [lo];
}

/**
 * The quantile at probability `j / k` (exact integer arithmetic for the position). Type 7:
 * h = (n - 1) j / k, linear interpolation between the order statistics around h (R's default,
 * numpy's 'linear', pandas `qcut`). Type 1: the inverse of the empirical distribution function, the
 * order statistic at ceil(n j / k) (1-based), no interpolation.
 */
export function quantileAt(at: OrderStatistic, n: number, j: number, k: number, type: QuantileType): number {
  if (type === 1) return at(Math.ceil((n * j) / k) - 1);
  const h = ((n - 1) * j) / k;
  const lo = Math.floor(h);
  const below = at(lo);
  const frac = h - lo;
  return frac === 0 ? below : below + frac * (at(lo + 1) - below);
}

/** The k - 1 inner cut points. */
export function quantileEdges(at: OrderStatistic, n: number, k: number, type: QuantileType): number[] {
  const edges: number[] = [];
  for (let j = 1; j < k; j++) edges.push(quantileAt(at, n, j, k, type));
  return edges;
}

/**
 * The order statistics at `wanted` positions, by selection (quickselect with a three-way partition
 * and pseudo-random pivots): expected O(n log m) for m positions, instead of a full sort. Permutes
 * `data`, which must be a private copy.
 */
export function orderStatistics(data: Float64Array, wanted: readonly number[]): Map<number, number> {
  const found = new Map<number, number>();
  let seed = 0x9e3779b9;
  const stack: [number, number, number[]][] = [[0, data.length, wanted.slice()]];
  while (stack.length > 0) {
    const [left, right, positions] = stack.pop() as [number, number, number[]];
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const pivot = data[left + (seed % (right - left))] as number;
    // Three-way partition: [left, lt) < pivot, [lt, gt] = pivot, (gt, right) > pivot.
    let lt = left;
    let i = left;
    let gt = right - 1;
    while (i <= gt) {
      const x = data[i] as number;
      if (x < pivot) {
        data[i] = data[lt] as number;
        data[lt] = x;
        lt += 1;
        i += 1;
      } else if (x > pivot) {
        data[i] = data[gt] as number;
        data[gt] = x;
        gt -= 1;
      } else i += 1;
    }
    const lower: number[] = [];
    const upper: number[] = [];
    for (const p of positions) {
      if (p < lt) lower.push(p);
      else if (p > gt) upper.push(p);
      else found.set(p, pivot);
    }
    if (lower.length > 0) stack.push([left, lt, lower]);
    if (upper.length > 0) stack.push([gt + 1, right, upper]);
  }
  return found;
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
  const scores = new Uint8Array(n);
  if (method === 'quantile') {
    // Only k - 1 quantiles are needed: select their order statistics instead of sorting.
    const positions: number[] = [];
    for (let j = 1; j < k; j++) positions.push(...quantilePositions(n, j, k, type));
    const stats = orderStatistics(values.slice(), positions);
    const edges = quantileEdges((p) => stats.get(p) as number, n, k, type);
    for (let i = 0; i < n; i++) scores[i] = binOf(values[i] as number, edges);
    return { scores, edges };
  }
  const ranks = ranksFirst(values, values.slice().sort());
  if (method === 'ntile') {
    for (let i = 0; i < n; i++) scores[i] = ntileOf(ranks[i] as number, n, k);
  } else {
    // Quantiles of the ranks 1..n, which are distinct: pandas qcut(x.rank(method='first'), k).
    const rankEdges = quantileEdges((p) => p + 1, n, k, type);
    for (let i = 0; i < n; i++) scores[i] = binOf((ranks[i] as number) + 1, rankEdges);
  }
  return { scores, edges: undefined };
}
