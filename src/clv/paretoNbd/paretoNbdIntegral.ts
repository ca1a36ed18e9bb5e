/**
 * The death-time integral of the Pareto/NBD model, in log space, with its gradient.
 *
 * I = ∫_lo^hi (alpha + τ)^(-a) (beta + τ)^(-b) dτ, for a, b, alpha, beta > 0 and 0 <= lo <= hi < ∞.
 *
 * In the likelihood a = r + x, b = s + 1, lo = t_x, hi = T, and `s * I` is the probability (up to the
 * common factor) that the customer made x purchases and died between t_x and T. The usual closed
 * form writes I as the difference of two Gauss hypergeometric terms,
 * 2F1(r+s+x, s+1; r+s+x+1; z(t_x)) / (alpha + t_x)^(r+s+x) minus the same at T, which cancels
 * catastrophically as t_x approaches T. Here I is written as one sum (or one integral) of positive
 * terms instead, so that no cancellation occurs and t_x = T gives exactly I = 0.
 *
 * ## Method
 * Let p = max(alpha, beta) with exponent e_p and q = min(alpha, beta) with exponent e_q (the
 * expression is symmetric under swapping (alpha, a) and (beta, b)), A = a + b - 1, z = (p - q) / (p + lo)
 * in [0, 1), and L = ln((p + hi) / (p + lo)). The substitution u = ln((p + τ) / (p + lo)) gives
 *
 *   I = (p + lo)^(-A) S,  S = ∫_0^L e^(-A u) (1 - z e^(-u))^(-e_q) du.
 *
 * Expanding (1 - z e^(-u))^(-e_q) binomially (the branch on which rate is larger keeps every term
 * positive) gives the hypergeometric-type series
 *
 *   S = Σ_n (e_q)_n / n! · z^n · (1 - e^(-(A + n) L)) / (A + n),
 *
 * used when it needs at most about 600 terms (z <= 0.95, an early peak e_q z / (1 - z)); the factors 1 - e^(-(A+n)L)
 * come from a recurrence with positive terms only. Otherwise S is integrated with composite 10-point
 * Gauss-Legendre panels whose width is at most a quarter of the distance to the integrand's singularity at
 * u = ln z (so panels near 0 are graded geometrically when z is near 1) and at most one e-fold of the
 * integrand's decay (1 / |d ln g / du| at the panel's left end), stopping
 * once the remaining integral (bounded by g(u) / A because the integrand decreases) is below 1e-17 of
 * the sum. The partial derivatives of ln I with respect to a, b, alpha and beta are accumulated in the
 * same pass (term by term in the series; under the integral sign in the quadrature).
 *
 * ## Accuracy
 * Relative error of I about 1e-14 in both branches (the series is a sum of positive terms; the
 * quadrature panels are sized for a Bernstein-ellipse error below 1e-18 per panel). The test beside
 * this file compares the two branches with each other and with an mpmath-generated reference.
 *
 * @internal
 * @module
 */

// 10-point Gauss-Legendre nodes and weights on [-1, 1] (positive half).
const GL_X = [0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717];
const GL_W = [0.2955242247147529, 0.2692667193099963, 0.219086362515982, 0.1494513491505806, 0.0666713443086881];

/** ln I and its partial derivatives with respect to a, alpha, b, beta. */
export interface LogIntegral {
  /** ln I; `-Infinity` when lo >= hi. */
  value: number;
  /** ∂ ln I / ∂a. */
  da: number;
  /** ∂ ln I / ∂alpha. */
  dAlpha: number;
  /** ∂ ln I / ∂b. */
  db: number;
  /** ∂ ln I / ∂beta. */
  dBeta: number;
}

/** Series / quadrature result on the (p, q) scale before mapping back. */
interface Core {
  /** S. */
  s: number;
  /** ∂S/∂A (A through e^(-A u) only). */
  sA: number;
  /** ∂S/∂e_q through the binomial coefficients only. */
  sB: number;
  /** ∂S/∂z. */
  sZ: number;
  /** ∂S/∂(ln t0) where t0 = (p + lo) / (p + hi), i.e. -g(L). */
  sT: number;
  /** S and its derivatives are scaled by e^(-shift). */
  shift: number;
}

/**
 * The series is used when its terms, which rise to a peak near n = e_q z / (1 - z) and then fall like
 * z^n, need at most about 600 terms to reach 1e-17 of the sum, and the largest term stays far inside
 * the double range ((1 - z)^(-e_q) < e^600).
 */
function useSeries(eq: number, z: number): boolean {
  if (z === 0) return true;
  if (!(z <= 0.95)) return false;
  // The common case without the two logarithms below: for z <= 0.9, 40 / -ln z <= 380 and
  // -ln(1 - z) <= 2.31, so eq z / (1 - z) <= 200 and eq <= 250 pass both tests.
  if (z <= 0.9 && eq <= 250 && eq * z <= 200 * (1 - z)) return true;
  const terms = (eq * z) / (1 - z) + 40 / -Math.log(z);
  return terms <= 600 && -eq * Math.log1p(-z) < 600;
}

// The series' coefficients that depend on (A, e_q) and n only: 1 / (A + n), 1 / (e_q + n) and
// (e_q + n) / (n + 1), filled as far as a call needs and kept while (A, e_q) stay the same (the
// likelihood visits its rows by frequency, so consecutive rows share them). The same divisions as
// in the loop, so the results are identical; only the divisions are saved.
const coefficients = { bigA: Number.NaN, eq: Number.NaN, filled: 0, inv: new Float64Array(5000), hInc: new Float64Array(5000), ratio: new Float64Array(5000) };

function seriesCore(bigA: number, eq: number, z: number, bigL: number, t0: number, oneMinusT0: number, out: Core): void {
  const table = coefficients;
  if (table.bigA !== bigA || table.eq !== eq) {
    table.bigA = bigA;
    table.eq = eq;
    table.filled = 0;
  }
  const finiteL = bigL !== Infinity;
  // e_n = 1 - t0^(A + n); e_0 = -expm1(-A L); e_{n+1} = t0 e_n + (1 - t0) (positive terms only).
  let tp = finiteL ? Math.exp(-bigA * bigL) : 0; // t0^(A + n)
  let e = tp < 0.5 ? 1 - tp : -Math.expm1(-bigA * bigL);
  let c = 1; // (e_q)_n / n! z^n
  let cPrev = 0; // (e_q)_{n-1} / (n-1)! z^(n-1), for the z-derivative
  let h = 0; // Σ_{k<n} 1 / (e_q + k)
  let s = 0;
  let sA = 0;
  let sB = 0;
  let sZ = 0;
  let sT = 0;
  const lnT0 = finiteL ? -bigL : 0;
  for (let n = 0; n < 5000; n++) {
    if (n === table.filled) {
      table.inv[n] = 1 / (bigA + n);
      table.hInc[n] = 1 / (eq + n);
      table.ratio[n] = (eq + n) / (n + 1);
      table.filled = n + 1;
    }
    const inv = table.inv[n] as number;
    const ce = c * e;
    const term = ce * inv;
    s += term;
    sA -= (term + c * tp * lnT0) * inv;
    sB += term * h;
    sZ += (eq + n - 1) * cPrev * e * inv;
    sT -= c * tp;
    if (term <= 1e-17 * s && (eq + n) * z < n + 1) break;
    cPrev = c;
    c *= (table.ratio[n] as number) * z;
    h += table.hInc[n] as number;
    e = t0 * e + oneMinusT0;
    tp *= t0;
  }
  out.s = s;
  out.sA = sA;
  out.sB = sB;
  out.sZ = sZ;
  out.sT = sT;
  out.shift = 0;
}

function quadratureCore(bigA: number, eq: number, z: number, oneMinusZ: number, bigL: number, out: Core): void {
  // ln z from 1 - z where z is near 1 (z itself may have rounded to 1: beta = 1e-9 beside
  // alpha = 1e8), from z otherwise (where 1 - z carries no digit of a tiny z).
  const lnZ = z > 0 ? (oneMinusZ < 0.5 ? Math.log1p(-oneMinusZ) : Math.log(z)) : -Infinity;
  const distance0 = -lnZ; // distance from u = 0 to the singularity at u = ln z
  const hMax = Math.min(1, 1 / bigA);
  let s = 0;
  let sA = 0;
  let sB = 0;
  let sZ = 0;
  let u = 0;
  // The integrand decreases from its maximum g(0) = (1 - z)^(-e_q), which can exceed the double range:
  // integrate g / g(0) and return ln g(0) in `out.shift`.
  // 1 - z e^(-u) = (1 - z) - z expm1(-u), with 1 - z = (q + lo) / (p + lo) from the caller, and the
  // integrand as exp(-A u - e_q ln(1 + t)) with 1 + t = (1 - z e^(-u)) / (1 - z): accurate where
  // e^(-u) rounds to 1 (u < 1e-16), which a huge decay rate makes the whole range of u. Written as
  // 1 - z e^(-u) the integrand looked constant there and every evaluation ran all 100,000 panels.
  const lnOneMinusZ = Math.log(oneMinusZ);
  const shift = -eq * lnOneMinusZ;
  let gAtU = 1;
  for (let panel = 0; panel < 100000 && u < bigL; panel++) {
    // At most one e-fold of decay per panel: the integrand's log-derivative is -(A + e_q z e^-u / (1 - z e^-u)),
    // largest in magnitude at the panel's left end.
    const emu1 = Math.expm1(-u);
    const rate = bigA + (eq * z * (1 + emu1)) / (oneMinusZ - z * emu1);
    const width = Math.min(hMax, 1 / rate, 0.25 * (u + distance0), bigL - u);
    const half = width / 2;
    const mid = u + half;
    for (let k = 0; k < 5; k++) {
      const dx = half * (GL_X[k] as number);
      const w = half * (GL_W[k] as number);
      for (let side = -1; side <= 1; side += 2) {
        const x = mid + side * dx;
        const em1 = Math.expm1(-x);
        const em = 1 + em1;
        // (1 - z e^-x) / (1 - z) = 1 + t: the shift cancels analytically, not in rounding.
        const t = (-z * em1) / oneMinusZ;
        const logRatio = Math.log1p(t);
        const oneMinus = oneMinusZ * (1 + t);
        const g = Math.exp(-bigA * x - eq * logRatio);
        const wg = w * g;
        s += wg;
        sA -= x * wg;
        sB -= (lnOneMinusZ + logRatio) * wg;
        sZ += ((eq * em) / oneMinus) * wg;
      }
    }
    u += width;
    gAtU = Math.exp(-bigA * u - eq * Math.log1p((-z * Math.expm1(-u)) / oneMinusZ));
    if (gAtU / bigA <= 1e-17 * s) break;
    // NaN (overflow at absurd parameters) would otherwise run all 100,000 panels; the NaN result
    // makes the optimizer step back.
    if (gAtU !== gAtU || s !== s) break;
  }
  out.s = s;
  out.sA = sA;
  out.sB = sB;
  out.sZ = sZ;
  out.sT = bigL === Infinity || u < bigL ? 0 : -gAtU;
  out.shift = shift;
}

const core: Core = { s: 0, sA: 0, sB: 0, sZ: 0, sT: 0, shift: 0 };

/**
 * ln ∫_lo^hi (alpha + τ)^(-a) (beta + τ)^(-b) dτ and its gradient, written into `out`.
 * Requires a, b, alpha, beta > 0, a + b > 1, 0 <= lo; returns value -Infinity (gradient 0) when
 * hi <= lo.
 */
export function logDeathIntegral(a: number, alpha: number, b: number, beta: number, lo: number, hi: number, out: LogIntegral): LogIntegral {
  if (!(hi > lo)) {
    out.value = -Infinity;
    out.da = 0;
    out.dAlpha = 0;
    out.db = 0;
    out.dBeta = 0;
    return out;
  }
  const alphaLarger = alpha >= beta;
  const p = alphaLarger ? alpha : beta;
  const q = alphaLarger ? beta : alpha;
  const ep = alphaLarger ? a : b;
  const eq = alphaLarger ? b : a;
  const bigA = a + b - 1;
  const pLo = p + lo;
  const z = (p - q) / pLo;
  const bigL = Math.log1p((hi - lo) / pLo);
  if (useSeries(eq, z)) seriesCore(bigA, eq, z, bigL, pLo / (p + hi), (hi - lo) / (p + hi), core);
  else quadratureCore(bigA, eq, z, (q + lo) / pLo, bigL, core);
  const { s, sA, sB, sZ, sT } = core;
  const lnPLo = Math.log(pLo);
  const dA = -lnPLo + sA / s;
  const dEp = dA;
  const dEq = dA + sB / s;
  const dLnT0dP = (hi - lo) / (pLo * (p + hi)); // = 1 / (p + lo) - 1 / (p + hi), without cancellation as lo -> hi
  const dP = -bigA / pLo + ((sZ / s) * (q + lo)) / (pLo * pLo) + (sT / s) * dLnT0dP;
  const dQ = -(sZ / s) / pLo;
  out.value = -bigA * lnPLo + Math.log(s) + core.shift;
  if (alphaLarger) {
    out.da = dEp;
    out.dAlpha = dP;
    out.db = dEq;
    out.dBeta = dQ;
  } else {
    out.da = dEq;
    out.dAlpha = dQ;
    out.db = dEp;
    out.dBeta = dP;
  }
  return out;
}

/** Which branch {@link logDeathIntegral} takes (for tests): `'series'` or `'quadrature'`. */
export function deathIntegralBranch(a: number, alpha: number, b: number, beta: number, lo: number): 'series' | 'quadrature' {
  const alphaLarger = alpha >= beta;
  const p = alphaLarger ? alpha : beta;
  const q = alphaLarger ? beta : alpha;
  const eq = alphaLarger ? b : a;
  const z = (p - q) / (p + lo);
  return useSeries(eq, z) ? 'series' : 'quadrature';
}

/** Forces a branch (tests compare the two on the same input). */
export function logDeathIntegralWith(branch: 'series' | 'quadrature', a: number, alpha: number, b: number, beta: number, lo: number, hi: number): number {
  const alphaLarger = alpha >= beta;
  const p = alphaLarger ? alpha : beta;
  const q = alphaLarger ? beta : alpha;
  const eq = alphaLarger ? b : a;
  const bigA = a + b - 1;
  const pLo = p + lo;
  const z = (p - q) / pLo;
  const bigL = Math.log1p((hi - lo) / pLo);
  if (branch === 'series') seriesCore(bigA, eq, z, bigL, pLo / (p + hi), (hi - lo) / (p + hi), core);
  else quadratureCore(bigA, eq, z, (q + lo) / pLo, bigL, core);
  return -bigA * Math.log(pLo) + Math.log(core.s) + core.shift;
}
