import { chiSquareSurvival } from '../_lib/math/chiSquare.js';
import { IssueList } from '../_lib/validate.js';
import { checkSurvival, type ParsedSurvival, type SurvivalData } from './_internal/survival.js';

/** The result of a {@link logRankTest}. */
export interface LogRankResult {
  /** The chi-square statistic. */
  readonly chiSquare: number;
  /** Degrees of freedom: the number of groups minus 1 (the rank of the covariance when a group is never at risk at an event time). */
  readonly degreesOfFreedom: number;
  /** P(chi-square with that df >= the statistic). */
  readonly pValue: number;
  /** Observed events per group. */
  readonly observed: number[];
  /** Expected events per group if all groups shared one survival curve. */
  readonly expected: number[];
}

/** Durations and censoring of one group, as {@link logRankTest} reads them (no weights). */
export type LogRankGroup = Omit<SurvivalData, 'weights'>;

/**
 * The log-rank test: do two or more groups (plans, channels, cohorts) retain customers differently?
 *
 * Definition: at each distinct event time t_j of the pooled data, with n_j at risk and d_j events,
 * group g expects e_gj = d_j n_gj / n_j events; O - E summed over times, with the hypergeometric
 * covariance V_gh = sum_j d_j (n_j - d_j) / (n_j - 1) (n_gj / n_j) (delta_gh - n_hj / n_j), gives the
 * statistic (O - E)' V^- (O - E), chi-square with k - 1 degrees of freedom under the null hypothesis
 * of equal survival (V has rank k - 1; a group never at risk at an event time lowers the rank, and
 * the degrees of freedom with it, as in R). Risk sets as in {@link kaplanMeier}
 * (delayed entry supported).
 *
 * Method: one sweep over the pooled event times; each subject is at risk on a run of event times,
 * and between changes of a group's count every sum is a difference of prefix sums, so no k x m table
 * is built. V^- is the generalized inverse of a symmetric elimination that skips pivots below 1e-9 of
 * the largest diagonal element (R's `cholesky2` / `chsolve2` rule), df its rank; the p-value comes
 * from the regularized upper incomplete gamma function. Cost: O(n log n + n a + k^3) time for a
 * groups at risk together (at most k), O(n + m + k^2) memory for m event times.
 *
 * Limits: at most 1,000 groups. The statistic needs the (k - 1) x (k - 1) inverse of the covariance,
 * so its cost grows as k^2 memory and k^3 work (200,000 groups would need 320 GB); more groups are
 * refused up front. Merge small groups, or compare them pairwise.
 *
 * Accuracy: reproduces R survival 3.8 `survdiff` on the `aml` data to 6 decimals (tests).
 *
 * @param groups - Two or more groups (see {@link LogRankGroup}).
 * @returns The test, or `undefined` when the variance is zero (no event time with two groups at risk).
 * @throws {@link MetricsInputError} for fewer than 2 or more than 1,000 groups and invalid group data (paths
 *   `['groups', g, ...]`).
 * @see Mantel, N. (1966) Cancer Chemotherapy Reports 50(3); Peto, R. and Peto, J. (1972) JRSS A 135;
 *   R package survival, `survdiff`.
 * @example
 * ```ts
 * import { logRankTest } from 'customer-metrics/retention';
 * const test = logRankTest([
 *   { durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] },
 *   { durations: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], observed: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1] },
 * ]);
 * test?.chiSquare; // => ~3.396389
 * test?.degreesOfFreedom; // => 1
 * test?.pValue; // => ~0.065339
 * test?.observed; // => [7, 11]
 * ```
 */
export function logRankTest(groups: readonly LogRankGroup[]): LogRankResult | undefined {
  const issues = new IssueList();
  const parsed: ParsedSurvival[] = [];
  if (!Array.isArray(groups)) issues.add('invalid_type', ['groups'], groups === undefined ? 'is required' : 'must be an array');
  else {
    if (groups.length < 2) issues.add('too_small', ['groups'], 'must have at least 2 items');
    else if (groups.length > MAX_LOG_RANK_GROUPS) issues.add('too_big', ['groups'], `must have at most ${MAX_LOG_RANK_GROUPS} items (the test inverts a groups x groups covariance)`);
    for (let g = 0; g < groups.length; g++) {
      const p = checkSurvival(groups[g], ['groups', g], issues, false);
      if (p !== undefined) parsed.push(p);
    }
  }
  issues.throwIfAny();
  const { observed, expected, covariance } = logRankSums(parsed);
  const diff = observed.map((o, g) => o - (expected[g] as number));
  const form = generalizedQuadraticForm(covariance, diff);
  if (form.rank === 0) return undefined;
  const chiSquare = Math.max(0, form.value);
  return { chiSquare, degreesOfFreedom: form.rank, pValue: chiSquareSurvival(chiSquare, form.rank), observed, expected };
}

/**
 * The most groups {@link logRankTest} accepts. The statistic needs the generalized inverse of the
 * groups x groups covariance (k^2 numbers, k^3 / 3 operations): 1,000 groups take 8 MB and well under
 * a second; 200,000 groups would take 320 GB.
 */
const MAX_LOG_RANK_GROUPS = 1000;

interface LogRankSums {
  observed: number[];
  expected: number[];
  /** The k x k covariance, row-major. */
  covariance: Float64Array;
}

/** Index of the first element of the sorted `a` greater than `x`. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * O, E and the covariance V in one sweep over the pooled event times, in O(n log n + k^2) memory-light
 * work: each subject is at risk on a run of event-time indices [lo, hi]; the group counts n_g change
 * only where a run starts or ends, and between changes every sum is a difference of prefix sums over
 * the event times (d_j / N_j for E, c_j / N_j^2 for the off-diagonal V_gh = -sum_j c_j n_gj n_hj / N_j^2,
 * with c_j = d_j (N_j - d_j) / (N_j - 1)). A pair (g, h) is settled whenever either count changes, from
 * the later of their last changes, so each change costs O(groups at risk). The diagonal is minus the
 * sum of the row's off-diagonal entries (rows of V sum to 0), which keeps it accurate when one group
 * dominates. No k x m table is built (m event times), so memory is O(n + m + k^2).
 */
function logRankSums(parsed: readonly ParsedSurvival[]): LogRankSums {
  const k = parsed.length;
  let total = 0;
  let eventCount = 0;
  for (const p of parsed) {
    total += p.n;
    for (let i = 0; i < p.n; i++) eventCount += p.observed[i] as number;
  }
  const times = new Float64Array(eventCount);
  let e = 0;
  for (const p of parsed) for (let i = 0; i < p.n; i++) if (p.observed[i] === 1) times[e++] = p.durations[i] as number;
  times.sort();
  let m = 0;
  for (let i = 0; i < times.length; i++) if (i === 0 || times[i] !== times[m - 1]) times[m++] = times[i] as number;
  const distinct = times.subarray(0, m);
  // Runs of event-time indices per subject, and the pooled counts N_j (difference array) and d_j.
  const lo = new Int32Array(total);
  const hi = new Int32Array(total);
  const groupOf = new Int32Array(total);
  const atRisk = new Float64Array(m + 1);
  const deaths = new Float64Array(m);
  const observed = new Array<number>(k).fill(0);
  let s = 0;
  for (let g = 0; g < k; g++) {
    const p = parsed[g] as ParsedSurvival;
    for (let i = 0; i < p.n; i++, s++) {
      const duration = p.durations[i] as number;
      const first = p.entry === undefined ? 0 : upperBound(distinct, p.entry[i] as number);
      const last = upperBound(distinct, duration) - 1;
      lo[s] = first;
      hi[s] = last;
      groupOf[s] = g;
      if (first <= last) {
        atRisk[first] = (atRisk[first] as number) + 1;
        atRisk[last + 1] = (atRisk[last + 1] as number) - 1;
      }
      if (p.observed[i] === 1) {
        deaths[last] = (deaths[last] as number) + 1;
        observed[g] = (observed[g] as number) + 1;
      }
    }
  }
  // Prefix sums over event times: hazard d_j / N_j and covariance weight c_j / N_j^2.
  const hazard = new Float64Array(m + 1);
  const weight = new Float64Array(m + 1);
  let nj = 0;
  for (let j = 0; j < m; j++) {
    nj += atRisk[j] as number;
    const dj = deaths[j] as number;
    const cj = nj > 1 ? (dj * (nj - dj)) / (nj - 1) : 0;
    hazard[j + 1] = (hazard[j] as number) + (nj > 0 ? dj / nj : 0);
    weight[j + 1] = (weight[j] as number) + (nj > 0 ? cj / (nj * nj) : 0);
  }
  // Changes of the group counts, bucketed by index (CSR): +1 at lo, -1 at hi + 1.
  const start = new Int32Array(m + 2);
  for (let i = 0; i < total; i++) {
    if ((lo[i] as number) > (hi[i] as number)) continue;
    const a = (lo[i] as number) + 1;
    const b = (hi[i] as number) + 2;
    start[a] = (start[a] as number) + 1;
    start[b] = (start[b] as number) + 1;
  }
  for (let j = 0; j <= m; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const fill = start.slice(0, m + 1);
  const changeGroup = new Int32Array(start[m + 1] as number);
  const changeDelta = new Int8Array(start[m + 1] as number);
  for (let i = 0; i < total; i++) {
    if ((lo[i] as number) > (hi[i] as number)) continue;
    const up = lo[i] as number;
    const down = (hi[i] as number) + 1;
    let at = fill[up] as number;
    fill[up] = at + 1;
    changeGroup[at] = groupOf[i] as number;
    changeDelta[at] = 1;
    at = fill[down] as number;
    fill[down] = at + 1;
    changeGroup[at] = groupOf[i] as number;
    changeDelta[at] = -1;
  }
  const count = new Float64Array(k);
  const since = new Int32Array(k);
  const stamp = new Int32Array(k).fill(-1);
  const active: number[] = [];
  const activeAt = new Int32Array(k).fill(-1);
  const expected = new Array<number>(k).fill(0);
  const covariance = new Float64Array(k * k);
  for (let j = 0; j <= m; j++) {
    const from = start[j] as number;
    const to = start[j + 1] as number;
    if (from === to) continue;
    // Settle every changing group's sums up to j (each group once per index).
    for (let c = from; c < to; c++) {
      const g = changeGroup[c] as number;
      if (stamp[g] === j) continue;
      stamp[g] = j;
      const ng = count[g] as number;
      if (ng > 0) {
        const sg = since[g] as number;
        expected[g] = (expected[g] as number) + ng * ((hazard[j] as number) - (hazard[sg] as number));
        const wj = weight[j] as number;
        for (let a = 0; a < active.length; a++) {
          const h = active[a] as number;
          if (h === g) continue;
          const sh = since[h] as number;
          const b = ng * (count[h] as number) * (wj - (weight[sg > sh ? sg : sh] as number));
          covariance[g * k + h] = (covariance[g * k + h] as number) - b;
          covariance[h * k + g] = (covariance[h * k + g] as number) - b;
        }
      }
      since[g] = j;
    }
    for (let c = from; c < to; c++) {
      const g = changeGroup[c] as number;
      const before = count[g] as number;
      const after = before + (changeDelta[c] as number);
      count[g] = after;
      if (before === 0 && after > 0) {
        activeAt[g] = active.length;
        active.push(g);
      } else if (before > 0 && after === 0) {
        const at = activeAt[g] as number;
        const moved = active.pop() as number;
        if (moved !== g) {
          active[at] = moved;
          activeAt[moved] = at;
        }
        activeAt[g] = -1;
      }
    }
  }
  for (let g = 0; g < k; g++) {
    let sum = 0;
    for (let h = 0; h < k; h++) if (h !== g) sum -= covariance[g * k + h] as number;
    covariance[g * k + g] = sum;
  }
  return { observed, expected, covariance };
}

/**
 * x' V^- x for a symmetric positive semi-definite V (k x k, row-major; overwritten), with the
 * generalized inverse of a symmetric elimination that skips pivots below 1e-9 of the largest diagonal
 * element (as R's cholesky2 and chsolve2 do); `rank` counts the pivots kept.
 */
function generalizedQuadraticForm(a: Float64Array, x: number[]): { value: number; rank: number } {
  const k = x.length;
  const y = [...x];
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, a[i * k + i] as number);
  const tolerance = scale * 1e-9;
  let value = 0;
  let rank = 0;
  for (let i = 0; i < k; i++) {
    const pivot = a[i * k + i] as number;
    if (!(pivot > tolerance)) continue;
    rank++;
    value += ((y[i] as number) * (y[i] as number)) / pivot;
    for (let j = i + 1; j < k; j++) {
      const f = (a[j * k + i] as number) / pivot;
      if (f === 0) continue;
      for (let l = i; l < k; l++) a[j * k + l] = (a[j * k + l] as number) - f * (a[i * k + l] as number);
      y[j] = (y[j] as number) - f * (y[i] as number);
    }
  }
  return { value, rank };
}
