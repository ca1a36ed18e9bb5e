/**
 * Kernels of the shifted-beta-geometric (sBG) contractual model of Fader & Hardie (2007). No
 * validation: fed only by the public functions.
 *
 * Each customer churns at the end of a period with probability theta ~ Beta(alpha, beta), the same
 * for all her periods. With T the period in which the customer churns:
 * S(t) = P(T > t) = B(alpha, beta + t) / B(alpha, beta), built by S(t) = S(t-1) (beta + t - 1)/(alpha + beta + t - 1);
 * P(T = t) = S(t-1) alpha / (alpha + beta + t - 1).
 *
 * @internal
 * @module
 */

/** The two sBG parameters. */
export interface SbgParams {
  alpha: number;
  beta: number;
}

/**
 * Total ln L of cohorts of survivor counts (cohorts[c][t] alive at the start of period t + 1,
 * cohorts[c][0] the initial size) and its gradient with respect to (ln alpha, ln beta).
 * Customers lost between t - 1 and t contribute ln P(T = t); the last count, ln S(last).
 */
export function sbgLogLikelihoodAndGradient(p: SbgParams, cohorts: readonly (readonly number[])[], gradient?: Float64Array): number {
  const { alpha, beta } = p;
  let total = 0;
  let gA = 0;
  let gB = 0;
  for (const counts of cohorts) {
    // Running ln S(t-1) and its partial derivatives.
    let logS = 0;
    let dSa = 0;
    let dSb = 0;
    for (let t = 1; t < counts.length; t++) {
      const lost = (counts[t - 1] as number) - (counts[t] as number);
      const denom = alpha + beta + (t - 1);
      if (lost > 0) {
        total += lost * (Math.log(alpha) - Math.log(denom) + logS);
        gA += lost * (1 / alpha - 1 / denom + dSa);
        gB += lost * (-1 / denom + dSb);
      }
      logS += Math.log(beta + (t - 1)) - Math.log(denom);
      dSa -= 1 / denom;
      dSb += 1 / (beta + (t - 1)) - 1 / denom;
    }
    const last = counts[counts.length - 1] as number;
    if (last > 0) {
      total += last * logS;
      gA += last * dSa;
      gB += last * dSb;
    }
  }
  if (gradient !== undefined) {
    gradient[0] = gA * alpha;
    gradient[1] = gB * beta;
  }
  return total;
}

/**
 * Cohorts reduced to what the sBG likelihood reads: `lost[t]`, the customers of all cohorts lost in
 * period t (t >= 1), and `alive[t]`, the survivors of the cohorts whose last count is at period t.
 * O(total counts), once per fit; each likelihood evaluation is then O(longest cohort) instead of
 * O(total counts): 200,000 cohorts cost one pass.
 */
export interface SbgAggregate {
  readonly lost: Float64Array;
  readonly alive: Float64Array;
}

/** Adds up the cohorts (see {@link SbgAggregate}). */
export function sbgAggregate(cohorts: readonly (readonly number[])[]): SbgAggregate {
  let periods = 0;
  for (const c of cohorts) if (c.length - 1 > periods) periods = c.length - 1;
  const lost = new Float64Array(periods + 1);
  const alive = new Float64Array(periods + 1);
  for (const c of cohorts) {
    for (let t = 1; t < c.length; t++) lost[t] = (lost[t] as number) + ((c[t - 1] as number) - (c[t] as number));
    const last = c.length - 1;
    alive[last] = (alive[last] as number) + (c[last] as number);
  }
  return { lost, alive };
}

/**
 * {@link sbgLogLikelihoodAndGradient} on aggregated cohorts: the same sum, grouped by period
 * (sum_t lost_t ln P(T = t) + alive_t ln S(t)).
 */
export function sbgAggregateLogLikelihood(p: SbgParams, data: SbgAggregate, gradient?: Float64Array): number {
  const { alpha, beta } = p;
  const { lost, alive } = data;
  const lnAlpha = Math.log(alpha);
  let total = 0;
  let gA = 0;
  let gB = 0;
  let logS = 0;
  let dSa = 0;
  let dSb = 0;
  for (let t = 1; t < lost.length; t++) {
    const denom = alpha + beta + (t - 1);
    const lnDenom = Math.log(denom);
    const l = lost[t] as number;
    if (l > 0) {
      total += l * (lnAlpha - lnDenom + logS);
      gA += l * (1 / alpha - 1 / denom + dSa);
      gB += l * (-1 / denom + dSb);
    }
    logS += Math.log(beta + (t - 1)) - lnDenom;
    dSa -= 1 / denom;
    dSb += 1 / (beta + (t - 1)) - 1 / denom;
    const a = alive[t] as number;
    if (a > 0) {
      total += a * logS;
      gA += a * dSa;
      gB += a * dSb;
    }
  }
  if (gradient !== undefined) {
    gradient[0] = gA * alpha;
    gradient[1] = gB * beta;
  }
  return total;
}

/** S(0..periods) as an array. */
export function sbgSurvival(p: SbgParams, periods: number): Float64Array {
  const out = new Float64Array(periods + 1);
  let s = 1;
  out[0] = 1;
  for (let t = 1; t <= periods; t++) {
    // whole numbers first: beta + t - 1 at t = 1 would round a tiny beta to (beta + 1) - 1
    s *= (p.beta + (t - 1)) / (p.alpha + p.beta + (t - 1));
    out[t] = s;
  }
  return out;
}

/**
 * DERL after `renewals` renewals: sum_{k>=0} [S(n+k)/S(n-1)] / (1+d)^k with n = renewals + 1,
 * i.e. 2F1(1, beta+n; alpha+beta+n; 1/(1+d)) (beta+n-1)/(alpha+beta+n-1) (Fader & Hardie 2010).
 * Summed directly: the term ratio z (beta+n+k)/(alpha+beta+n+k) rises towards z = 1/(1+d), so the
 * tail after a term is at most term * z/(1-z); the sum stops when that bound is below 1e-16 of the
 * sum. Cost O(ln(1e16)/d) terms at worst.
 */
export function sbgDerl(p: SbgParams, renewals: number, discountRate: number): number {
  const { alpha, beta } = p;
  const n = renewals + 1;
  const z = 1 / (1 + discountRate);
  const tailFactor = z / (1 - z);
  let term = (beta + (n - 1)) / (alpha + beta + (n - 1));
  let sum = term;
  for (let k = 0; ; k++) {
    term *= (z * (beta + n + k)) / (alpha + beta + n + k);
    sum += term;
    if (term * tailFactor <= 1e-16 * sum) break;
  }
  return sum;
}
