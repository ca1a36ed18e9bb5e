/**
 * Kernels of the BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel & Filiztekin
 * 2007) models, which differ only in when a customer may drop out: BG/NBD after each repeat
 * purchase, MBG/NBD also right after the first one. Written once with `d` = 0 (BG/NBD) or 1
 * (MBG/NBD). No validation: fed only by the public functions.
 *
 * Purchases while alive: Poisson with rate lambda ~ Gamma(r, alpha) (alpha in the data's time
 * unit); drop-out probability p ~ Beta(a, b).
 *
 * Log-likelihood of one customer (x, tx, T) (Hardie's note 027, "solution 2", generalised by d):
 *   ln L = ln Gamma(r + x) - ln Gamma(r) + r ln alpha + ln B(a, b + x + d) - ln B(a, b)
 *        + logaddexp( -(r + x) ln(alpha + T),  [x > 0 or d = 1] (ln a - ln(b + x + d - 1) - (r + x) ln(alpha + tx)) ).
 * Every factor that overflows in the naive form ((alpha + T)^(r + x), Gamma(r + x)) stays a logarithm.
 *
 * Conditional expectation of purchases in (T, T + t], with c = a + b + x + d - 1, z = t / (alpha + T + t):
 *   E = c / (a - 1) [1 - (1 - z)^(r + x) 2F1(r + x, c - a + 1; c; z)] / D,
 *   D = 1 + [x > 0 or d = 1] a / (b + x + d - 1) ((alpha + T) / (alpha + tx))^(r + x).
 * Euler's transformation turns the bracket into (1 - z)^(a - 1) 2F1(c - r - x, a - 1; c; z); writing
 * its series as 1 + (a - 1) / c V with V = sum_{n >= 1} (A)_n (a)_(n-1) / ((c + 1)_(n-1) n!) z^n and
 * A = c - r - x gives
 *   E = [c h - (1 - z)^(a - 1) V] / D,  h = (1 - (1 - z)^(a - 1)) / (a - 1)  (= -ln(1 - z) at a = 1),
 * which has no pole at c = 0 or a = 1, never takes the log of a negative 2F1, and converges faster
 * as x grows (c grows with x while A does not).
 *
 * @internal
 * @module
 */
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { DoubleIndex } from '../../_lib/doubleIndex.js';
import { digamma as digammaFast, logBeta, logGamma, regularizedBeta } from '../../_lib/math/special.js';

/** BG/NBD and MBG/NBD parameters: r, alpha (Gamma purchase rates), a, b (Beta drop-out). */
export interface BgNbdParameters {
  /** Shape of the Gamma distribution of purchase rates. */
  readonly r: number;
  /** Scale parameter of the purchase rates, in the data's time unit (rate = 1 / alpha). */
  readonly alpha: number;
  /** First Beta parameter of the drop-out probability. */
  readonly a: number;
  /** Second Beta parameter of the drop-out probability. */
  readonly b: number;
}
const EPS = 2 ** (stryMutAct_9fa48("0") ? +53 : (stryCov_9fa48("0"), -53));

// ln of the odds "dropped out after the last purchase" : "alive" is K - (r + x) ln(alpha + tx) with
// K = ln a - ln(b + x + d - 1) + (r + x) ln(alpha + T); -Infinity when dropping out is impossible.
// The batch path precomputes K per (x, T), so both paths use this association (identical results).
function logDeathOddsBase(p: BgNbdParameters, d: number, x: number, T: number): number {
  if (stryMutAct_9fa48("1")) {
    {}
  } else {
    stryCov_9fa48("1");
    if (stryMutAct_9fa48("4") ? x === 0 || d === 0 : stryMutAct_9fa48("3") ? false : stryMutAct_9fa48("2") ? true : (stryCov_9fa48("2", "3", "4"), (stryMutAct_9fa48("6") ? x !== 0 : stryMutAct_9fa48("5") ? true : (stryCov_9fa48("5", "6"), x === 0)) && (stryMutAct_9fa48("8") ? d !== 0 : stryMutAct_9fa48("7") ? true : (stryCov_9fa48("7", "8"), d === 0)))) return stryMutAct_9fa48("9") ? +Infinity : (stryCov_9fa48("9"), -Infinity);
    return stryMutAct_9fa48("10") ? Math.log(p.a) - Math.log(p.b + x + d - 1) - (p.r + x) * Math.log(p.alpha + T) : (stryCov_9fa48("10"), (stryMutAct_9fa48("11") ? Math.log(p.a) + Math.log(p.b + x + d - 1) : (stryCov_9fa48("11"), Math.log(p.a) - Math.log(stryMutAct_9fa48("12") ? p.b + x + d + 1 : (stryCov_9fa48("12"), (stryMutAct_9fa48("13") ? p.b + x - d : (stryCov_9fa48("13"), (stryMutAct_9fa48("14") ? p.b - x : (stryCov_9fa48("14"), p.b + x)) + d)) - 1)))) + (stryMutAct_9fa48("15") ? (p.r + x) / Math.log(p.alpha + T) : (stryCov_9fa48("15"), (stryMutAct_9fa48("16") ? p.r - x : (stryCov_9fa48("16"), p.r + x)) * Math.log(stryMutAct_9fa48("17") ? p.alpha - T : (stryCov_9fa48("17"), p.alpha + T)))));
  }
}
function logDeathOdds(p: BgNbdParameters, d: number, x: number, tx: number, T: number): number {
  if (stryMutAct_9fa48("18")) {
    {}
  } else {
    stryCov_9fa48("18");
    const base = logDeathOddsBase(p, d, x, T);
    return (stryMutAct_9fa48("21") ? base !== -Infinity : stryMutAct_9fa48("20") ? false : stryMutAct_9fa48("19") ? true : (stryCov_9fa48("19", "20", "21"), base === (stryMutAct_9fa48("22") ? +Infinity : (stryCov_9fa48("22"), -Infinity)))) ? base : stryMutAct_9fa48("23") ? base + (p.r + x) * Math.log(p.alpha + tx) : (stryCov_9fa48("23"), base - (stryMutAct_9fa48("24") ? (p.r + x) / Math.log(p.alpha + tx) : (stryCov_9fa48("24"), (stryMutAct_9fa48("25") ? p.r - x : (stryCov_9fa48("25"), p.r + x)) * Math.log(stryMutAct_9fa48("26") ? p.alpha - tx : (stryCov_9fa48("26"), p.alpha + tx)))));
  }
}

// 1 / (1 + e^lo) without overflow: exactly 0 when e^-lo underflows, 1 at lo = -Infinity.
function aliveShare(lo: number): number {
  if (stryMutAct_9fa48("27")) {
    {}
  } else {
    stryCov_9fa48("27");
    if (stryMutAct_9fa48("31") ? lo <= 0 : stryMutAct_9fa48("30") ? lo >= 0 : stryMutAct_9fa48("29") ? false : stryMutAct_9fa48("28") ? true : (stryCov_9fa48("28", "29", "30", "31"), lo > 0)) {
      if (stryMutAct_9fa48("32")) {
        {}
      } else {
        stryCov_9fa48("32");
        const e = Math.exp(stryMutAct_9fa48("33") ? +lo : (stryCov_9fa48("33"), -lo));
        return stryMutAct_9fa48("34") ? e * (1 + e) : (stryCov_9fa48("34"), e / (stryMutAct_9fa48("35") ? 1 - e : (stryCov_9fa48("35"), 1 + e)));
      }
    }
    return stryMutAct_9fa48("36") ? 1 * (1 + Math.exp(lo)) : (stryCov_9fa48("36"), 1 / (stryMutAct_9fa48("37") ? 1 - Math.exp(lo) : (stryCov_9fa48("37"), 1 + Math.exp(lo))));
  }
}
function probabilityAlive(p: BgNbdParameters, d: number, x: number, tx: number, T: number): number {
  if (stryMutAct_9fa48("38")) {
    {}
  } else {
    stryCov_9fa48("38");
    return aliveShare(logDeathOdds(p, d, x, tx, T));
  }
}

// V = sum_{n >= 1} (A)_n (a)_(n-1) / ((c + 1)_(n-1) n!) z^n.
function seriesV(A: number, a: number, c: number, z: number): number {
  if (stryMutAct_9fa48("39")) {
    {}
  } else {
    stryCov_9fa48("39");
    let term = stryMutAct_9fa48("40") ? A / z : (stryCov_9fa48("40"), A * z);
    let sum = term;
    for (let n = 1; stryMutAct_9fa48("43") ? n >= 5_000_000 : stryMutAct_9fa48("42") ? n <= 5_000_000 : stryMutAct_9fa48("41") ? false : (stryCov_9fa48("41", "42", "43"), n < 5_000_000); stryMutAct_9fa48("44") ? n-- : (stryCov_9fa48("44"), n++)) {
      if (stryMutAct_9fa48("45")) {
        {}
      } else {
        stryCov_9fa48("45");
        stryMutAct_9fa48("46") ? term /= (A + n) * (a + n - 1) * z / ((c + n) * (n + 1)) : (stryCov_9fa48("46"), term *= stryMutAct_9fa48("47") ? (A + n) * (a + n - 1) * z * ((c + n) * (n + 1)) : (stryCov_9fa48("47"), (stryMutAct_9fa48("48") ? (A + n) * (a + n - 1) / z : (stryCov_9fa48("48"), (stryMutAct_9fa48("49") ? (A + n) / (a + n - 1) : (stryCov_9fa48("49"), (stryMutAct_9fa48("50") ? A - n : (stryCov_9fa48("50"), A + n)) * (stryMutAct_9fa48("51") ? a + n + 1 : (stryCov_9fa48("51"), (stryMutAct_9fa48("52") ? a - n : (stryCov_9fa48("52"), a + n)) - 1)))) * z)) / (stryMutAct_9fa48("53") ? (c + n) / (n + 1) : (stryCov_9fa48("53"), (stryMutAct_9fa48("54") ? c - n : (stryCov_9fa48("54"), c + n)) * (stryMutAct_9fa48("55") ? n - 1 : (stryCov_9fa48("55"), n + 1))))));
        stryMutAct_9fa48("56") ? sum -= term : (stryCov_9fa48("56"), sum += term);
        const rho = stryMutAct_9fa48("57") ? Math.min(Math.abs((A + n + 1) * (a + n) * z / ((c + n + 1) * (n + 2))), z) : (stryCov_9fa48("57"), Math.max(Math.abs(stryMutAct_9fa48("58") ? (A + n + 1) * (a + n) * z * ((c + n + 1) * (n + 2)) : (stryCov_9fa48("58"), (stryMutAct_9fa48("59") ? (A + n + 1) * (a + n) / z : (stryCov_9fa48("59"), (stryMutAct_9fa48("60") ? (A + n + 1) / (a + n) : (stryCov_9fa48("60"), (stryMutAct_9fa48("61") ? A + n - 1 : (stryCov_9fa48("61"), (stryMutAct_9fa48("62") ? A - n : (stryCov_9fa48("62"), A + n)) + 1)) * (stryMutAct_9fa48("63") ? a - n : (stryCov_9fa48("63"), a + n)))) * z)) / (stryMutAct_9fa48("64") ? (c + n + 1) / (n + 2) : (stryCov_9fa48("64"), (stryMutAct_9fa48("65") ? c + n - 1 : (stryCov_9fa48("65"), (stryMutAct_9fa48("66") ? c - n : (stryCov_9fa48("66"), c + n)) + 1)) * (stryMutAct_9fa48("67") ? n - 2 : (stryCov_9fa48("67"), n + 2)))))), z));
        if (stryMutAct_9fa48("70") ? term === 0 && rho < 1 && n + 1 > -A && Math.abs(term) * rho <= EPS * (1 - rho) * Math.abs(sum) : stryMutAct_9fa48("69") ? false : stryMutAct_9fa48("68") ? true : (stryCov_9fa48("68", "69", "70"), (stryMutAct_9fa48("72") ? term !== 0 : stryMutAct_9fa48("71") ? false : (stryCov_9fa48("71", "72"), term === 0)) || (stryMutAct_9fa48("74") ? rho < 1 && n + 1 > -A || Math.abs(term) * rho <= EPS * (1 - rho) * Math.abs(sum) : stryMutAct_9fa48("73") ? false : (stryCov_9fa48("73", "74"), (stryMutAct_9fa48("76") ? rho < 1 || n + 1 > -A : stryMutAct_9fa48("75") ? true : (stryCov_9fa48("75", "76"), (stryMutAct_9fa48("79") ? rho >= 1 : stryMutAct_9fa48("78") ? rho <= 1 : stryMutAct_9fa48("77") ? true : (stryCov_9fa48("77", "78", "79"), rho < 1)) && (stryMutAct_9fa48("82") ? n + 1 <= -A : stryMutAct_9fa48("81") ? n + 1 >= -A : stryMutAct_9fa48("80") ? true : (stryCov_9fa48("80", "81", "82"), (stryMutAct_9fa48("83") ? n - 1 : (stryCov_9fa48("83"), n + 1)) > (stryMutAct_9fa48("84") ? +A : (stryCov_9fa48("84"), -A)))))) && (stryMutAct_9fa48("87") ? Math.abs(term) * rho > EPS * (1 - rho) * Math.abs(sum) : stryMutAct_9fa48("86") ? Math.abs(term) * rho < EPS * (1 - rho) * Math.abs(sum) : stryMutAct_9fa48("85") ? true : (stryCov_9fa48("85", "86", "87"), (stryMutAct_9fa48("88") ? Math.abs(term) / rho : (stryCov_9fa48("88"), Math.abs(term) * rho)) <= (stryMutAct_9fa48("89") ? EPS * (1 - rho) / Math.abs(sum) : (stryCov_9fa48("89"), (stryMutAct_9fa48("90") ? EPS / (1 - rho) : (stryCov_9fa48("90"), EPS * (stryMutAct_9fa48("91") ? 1 + rho : (stryCov_9fa48("91"), 1 - rho)))) * Math.abs(sum))))))))) break;
      }
    }
    return sum;
  }
}

// The part of the conditional expectation that does not depend on recency: c h - (1 - z)^(a - 1) V.
function numerator(p: BgNbdParameters, d: number, x: number, T: number, t: number): number {
  if (stryMutAct_9fa48("92")) {
    {}
  } else {
    stryCov_9fa48("92");
    const {
      r,
      alpha,
      a,
      b
    } = p;
    const c = stryMutAct_9fa48("93") ? a + b + x + d + 1 : (stryCov_9fa48("93"), (stryMutAct_9fa48("94") ? a + b + x - d : (stryCov_9fa48("94"), (stryMutAct_9fa48("95") ? a + b - x : (stryCov_9fa48("95"), (stryMutAct_9fa48("96") ? a - b : (stryCov_9fa48("96"), a + b)) + x)) + d)) - 1);
    const L = Math.log1p(stryMutAct_9fa48("97") ? t * (alpha + T) : (stryCov_9fa48("97"), t / (stryMutAct_9fa48("98") ? alpha - T : (stryCov_9fa48("98"), alpha + T)))); // -ln(1 - z)
    const z = stryMutAct_9fa48("99") ? t * (alpha + T + t) : (stryCov_9fa48("99"), t / (stryMutAct_9fa48("100") ? alpha + T - t : (stryCov_9fa48("100"), (stryMutAct_9fa48("101") ? alpha - T : (stryCov_9fa48("101"), alpha + T)) + t)));
    const u = stryMutAct_9fa48("102") ? (a - 1) / L : (stryCov_9fa48("102"), (stryMutAct_9fa48("103") ? a + 1 : (stryCov_9fa48("103"), a - 1)) * L);
    const h = (stryMutAct_9fa48("107") ? Math.abs(u) >= 1e-8 : stryMutAct_9fa48("106") ? Math.abs(u) <= 1e-8 : stryMutAct_9fa48("105") ? false : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105", "106", "107"), Math.abs(u) < 1e-8)) ? stryMutAct_9fa48("108") ? L / (1 - u / 2) : (stryCov_9fa48("108"), L * (stryMutAct_9fa48("109") ? 1 + u / 2 : (stryCov_9fa48("109"), 1 - (stryMutAct_9fa48("110") ? u * 2 : (stryCov_9fa48("110"), u / 2))))) : stryMutAct_9fa48("111") ? -Math.expm1(-u) * (a - 1) : (stryCov_9fa48("111"), (stryMutAct_9fa48("112") ? +Math.expm1(-u) : (stryCov_9fa48("112"), -Math.expm1(stryMutAct_9fa48("113") ? +u : (stryCov_9fa48("113"), -u)))) / (stryMutAct_9fa48("114") ? a + 1 : (stryCov_9fa48("114"), a - 1)));
    return stryMutAct_9fa48("115") ? c * h + Math.exp(-u) * seriesV(c - r - x, a, c, z) : (stryCov_9fa48("115"), (stryMutAct_9fa48("116") ? c / h : (stryCov_9fa48("116"), c * h)) - (stryMutAct_9fa48("117") ? Math.exp(-u) / seriesV(c - r - x, a, c, z) : (stryCov_9fa48("117"), Math.exp(stryMutAct_9fa48("118") ? +u : (stryCov_9fa48("118"), -u)) * seriesV(stryMutAct_9fa48("119") ? c - r + x : (stryCov_9fa48("119"), (stryMutAct_9fa48("120") ? c + r : (stryCov_9fa48("120"), c - r)) - x), a, c, z))));
  }
}

// Numerator / D with D = 1 + e^lo, without overflow; clamped at 0 against rounding.
function divide(num: number, lo: number): number {
  if (stryMutAct_9fa48("121")) {
    {}
  } else {
    stryCov_9fa48("121");
    const value = (stryMutAct_9fa48("124") ? lo !== -Infinity : stryMutAct_9fa48("123") ? false : stryMutAct_9fa48("122") ? true : (stryCov_9fa48("122", "123", "124"), lo === (stryMutAct_9fa48("125") ? +Infinity : (stryCov_9fa48("125"), -Infinity)))) ? num : stryMutAct_9fa48("126") ? num / aliveShare(lo) : (stryCov_9fa48("126"), num * aliveShare(lo));
    return (stryMutAct_9fa48("130") ? value <= 0 : stryMutAct_9fa48("129") ? value >= 0 : stryMutAct_9fa48("128") ? false : stryMutAct_9fa48("127") ? true : (stryCov_9fa48("127", "128", "129", "130"), value > 0)) ? value : 0;
  }
}
function expectedPurchases(p: BgNbdParameters, d: number, x: number, tx: number, T: number, t: number): number {
  if (stryMutAct_9fa48("131")) {
    {}
  } else {
    stryCov_9fa48("131");
    if (stryMutAct_9fa48("134") ? t !== 0 : stryMutAct_9fa48("133") ? false : stryMutAct_9fa48("132") ? true : (stryCov_9fa48("132", "133", "134"), t === 0)) return 0;
    return divide(numerator(p, d, x, T, t), logDeathOdds(p, d, x, tx, T));
  }
}

// Many customers: the series depends on (x, T) only, so customers sharing them (cohorts observed for
// the same time) share it; recency enters only through the denominator.
function expectedPurchasesMany(p: BgNbdParameters, d: number, x: Float64Array, tx: Float64Array, T: Float64Array, t: number, out: Float64Array): void {
  if (stryMutAct_9fa48("135")) {
    {}
  } else {
    stryCov_9fa48("135");
    const n = x.length;
    if (stryMutAct_9fa48("138") ? t !== 0 : stryMutAct_9fa48("137") ? false : stryMutAct_9fa48("136") ? true : (stryCov_9fa48("136", "137", "138"), t === 0)) {
      if (stryMutAct_9fa48("139")) {
        {}
      } else {
        stryCov_9fa48("139");
        out.fill(0);
        return;
      }
    }
    let maxX = 0;
    for (let i = 0; stryMutAct_9fa48("142") ? i >= n : stryMutAct_9fa48("141") ? i <= n : stryMutAct_9fa48("140") ? false : (stryCov_9fa48("140", "141", "142"), i < n); stryMutAct_9fa48("143") ? i-- : (stryCov_9fa48("143"), i++)) if (stryMutAct_9fa48("147") ? x[i] as number <= maxX : stryMutAct_9fa48("146") ? x[i] as number >= maxX : stryMutAct_9fa48("145") ? false : stryMutAct_9fa48("144") ? true : (stryCov_9fa48("144", "145", "146", "147"), x[i] as number > maxX)) maxX = x[i] as number;
    const stride = stryMutAct_9fa48("148") ? maxX - 1 : (stryCov_9fa48("148"), maxX + 1);
    const ages = new DoubleIndex(64);
    const ageIndex = new Int32Array(n);
    for (let i = 0; stryMutAct_9fa48("151") ? i >= n : stryMutAct_9fa48("150") ? i <= n : stryMutAct_9fa48("149") ? false : (stryCov_9fa48("149", "150", "151"), i < n); stryMutAct_9fa48("152") ? i-- : (stryCov_9fa48("152"), i++)) ageIndex[i] = ages.add(T[i] as number);
    // Slot of (x, T): a dense table when it is small, a hash index otherwise.
    const cells = stryMutAct_9fa48("153") ? ages.size / stride : (stryCov_9fa48("153"), ages.size * stride);
    const dense = (stryMutAct_9fa48("157") ? cells > 4_000_000 : stryMutAct_9fa48("156") ? cells < 4_000_000 : stryMutAct_9fa48("155") ? false : stryMutAct_9fa48("154") ? true : (stryCov_9fa48("154", "155", "156", "157"), cells <= 4_000_000)) ? new Int32Array(cells).fill(stryMutAct_9fa48("158") ? +1 : (stryCov_9fa48("158"), -1)) : undefined;
    const keys = (stryMutAct_9fa48("161") ? dense !== undefined : stryMutAct_9fa48("160") ? false : stryMutAct_9fa48("159") ? true : (stryCov_9fa48("159", "160", "161"), dense === undefined)) ? new DoubleIndex(64) : undefined;
    let cache = new Float64Array(64);
    let base = new Float64Array(64);
    let computed = 0;
    const {
      r,
      alpha
    } = p;
    for (let i = 0; stryMutAct_9fa48("164") ? i >= n : stryMutAct_9fa48("163") ? i <= n : stryMutAct_9fa48("162") ? false : (stryCov_9fa48("162", "163", "164"), i < n); stryMutAct_9fa48("165") ? i-- : (stryCov_9fa48("165"), i++)) {
      if (stryMutAct_9fa48("166")) {
        {}
      } else {
        stryCov_9fa48("166");
        const xi = x[i] as number;
        const cell = stryMutAct_9fa48("167") ? (ageIndex[i] as number) * stride - xi : (stryCov_9fa48("167"), (stryMutAct_9fa48("168") ? (ageIndex[i] as number) / stride : (stryCov_9fa48("168"), (ageIndex[i] as number) * stride)) + xi);
        let slot: number;
        if (stryMutAct_9fa48("171") ? dense === undefined : stryMutAct_9fa48("170") ? false : stryMutAct_9fa48("169") ? true : (stryCov_9fa48("169", "170", "171"), dense !== undefined)) {
          if (stryMutAct_9fa48("172")) {
            {}
          } else {
            stryCov_9fa48("172");
            slot = dense[cell] as number;
            if (stryMutAct_9fa48("175") ? slot !== -1 : stryMutAct_9fa48("174") ? false : stryMutAct_9fa48("173") ? true : (stryCov_9fa48("173", "174", "175"), slot === (stryMutAct_9fa48("176") ? +1 : (stryCov_9fa48("176"), -1)))) {
              if (stryMutAct_9fa48("177")) {
                {}
              } else {
                stryCov_9fa48("177");
                slot = computed;
                dense[cell] = slot;
              }
            }
          }
        } else {
          if (stryMutAct_9fa48("178")) {
            {}
          } else {
            stryCov_9fa48("178");
            slot = (keys as DoubleIndex).add(cell);
          }
        }
        if (stryMutAct_9fa48("181") ? slot !== computed : stryMutAct_9fa48("180") ? false : stryMutAct_9fa48("179") ? true : (stryCov_9fa48("179", "180", "181"), slot === computed)) {
          if (stryMutAct_9fa48("182")) {
            {}
          } else {
            stryCov_9fa48("182");
            // Slots are dense, in order of first appearance: a new key gets the next one.
            if (stryMutAct_9fa48("185") ? slot !== cache.length : stryMutAct_9fa48("184") ? false : stryMutAct_9fa48("183") ? true : (stryCov_9fa48("183", "184", "185"), slot === cache.length)) {
              if (stryMutAct_9fa48("186")) {
                {}
              } else {
                stryCov_9fa48("186");
                const grownCache = new Float64Array(stryMutAct_9fa48("187") ? cache.length / 2 : (stryCov_9fa48("187"), cache.length * 2));
                grownCache.set(cache);
                cache = grownCache;
                const grownBase = new Float64Array(stryMutAct_9fa48("188") ? base.length / 2 : (stryCov_9fa48("188"), base.length * 2));
                grownBase.set(base);
                base = grownBase;
              }
            }
            const Ti = T[i] as number;
            cache[slot] = numerator(p, d, xi, Ti, t);
            base[slot] = logDeathOddsBase(p, d, xi, Ti);
            stryMutAct_9fa48("189") ? computed -= 1 : (stryCov_9fa48("189"), computed += 1);
          }
        }
        const k = base[slot] as number;
        out[i] = divide(cache[slot] as number, (stryMutAct_9fa48("192") ? k !== -Infinity : stryMutAct_9fa48("191") ? false : stryMutAct_9fa48("190") ? true : (stryCov_9fa48("190", "191", "192"), k === (stryMutAct_9fa48("193") ? +Infinity : (stryCov_9fa48("193"), -Infinity)))) ? k : stryMutAct_9fa48("194") ? k + (r + xi) * Math.log(alpha + (tx[i] as number)) : (stryCov_9fa48("194"), k - (stryMutAct_9fa48("195") ? (r + xi) / Math.log(alpha + (tx[i] as number)) : (stryCov_9fa48("195"), (stryMutAct_9fa48("196") ? r - xi : (stryCov_9fa48("196"), r + xi)) * Math.log(stryMutAct_9fa48("197") ? alpha - (tx[i] as number) : (stryCov_9fa48("197"), alpha + (tx[i] as number)))))));
      }
    }
  }
}

// ln of the NB (Poisson-Gamma) probability of j purchases in t while alive.
function logNbPmf(r: number, alpha: number, j: number, t: number): number {
  if (stryMutAct_9fa48("198")) {
    {}
  } else {
    stryCov_9fa48("198");
    return stryMutAct_9fa48("199") ? logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * (Math.log(alpha) - Math.log(alpha + t)) - (j === 0 ? 0 : j * (Math.log(t) - Math.log(alpha + t))) : (stryCov_9fa48("199"), (stryMutAct_9fa48("200") ? logGamma(r + j) - logGamma(r) - logGamma(j + 1) - r * (Math.log(alpha) - Math.log(alpha + t)) : (stryCov_9fa48("200"), (stryMutAct_9fa48("201") ? logGamma(r + j) - logGamma(r) + logGamma(j + 1) : (stryCov_9fa48("201"), (stryMutAct_9fa48("202") ? logGamma(r + j) + logGamma(r) : (stryCov_9fa48("202"), logGamma(stryMutAct_9fa48("203") ? r - j : (stryCov_9fa48("203"), r + j)) - logGamma(r))) - logGamma(stryMutAct_9fa48("204") ? j - 1 : (stryCov_9fa48("204"), j + 1)))) + (stryMutAct_9fa48("205") ? r / (Math.log(alpha) - Math.log(alpha + t)) : (stryCov_9fa48("205"), r * (stryMutAct_9fa48("206") ? Math.log(alpha) + Math.log(alpha + t) : (stryCov_9fa48("206"), Math.log(alpha) - Math.log(stryMutAct_9fa48("207") ? alpha - t : (stryCov_9fa48("207"), alpha + t)))))))) + ((stryMutAct_9fa48("210") ? j !== 0 : stryMutAct_9fa48("209") ? false : stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208", "209", "210"), j === 0)) ? 0 : stryMutAct_9fa48("211") ? j / (Math.log(t) - Math.log(alpha + t)) : (stryCov_9fa48("211"), j * (stryMutAct_9fa48("212") ? Math.log(t) + Math.log(alpha + t) : (stryCov_9fa48("212"), Math.log(t) - Math.log(stryMutAct_9fa48("213") ? alpha - t : (stryCov_9fa48("213"), alpha + t)))))));
  }
}

// P(N(t) >= n) for the NB count: the regularized incomplete beta I_q(n, r), q = t / (alpha + t).
function nbTail(r: number, alpha: number, n: number, t: number): number {
  if (stryMutAct_9fa48("214")) {
    {}
  } else {
    stryCov_9fa48("214");
    if (stryMutAct_9fa48("218") ? n > 0 : stryMutAct_9fa48("217") ? n < 0 : stryMutAct_9fa48("216") ? false : stryMutAct_9fa48("215") ? true : (stryCov_9fa48("215", "216", "217", "218"), n <= 0)) return 1;
    if (stryMutAct_9fa48("221") ? t !== 0 : stryMutAct_9fa48("220") ? false : stryMutAct_9fa48("219") ? true : (stryCov_9fa48("219", "220", "221"), t === 0)) return 0;
    return regularizedBeta(stryMutAct_9fa48("222") ? t * (alpha + t) : (stryCov_9fa48("222"), t / (stryMutAct_9fa48("223") ? alpha - t : (stryCov_9fa48("223"), alpha + t))), n, r);
  }
}
function purchaseCountProbability(p: BgNbdParameters, d: number, n: number, t: number): number {
  if (stryMutAct_9fa48("224")) {
    {}
  } else {
    stryCov_9fa48("224");
    const {
      r,
      alpha,
      a,
      b
    } = p;
    const lbab = logBeta(a, b);
    const alive = (stryMutAct_9fa48("227") ? t !== 0 : stryMutAct_9fa48("226") ? false : stryMutAct_9fa48("225") ? true : (stryCov_9fa48("225", "226", "227"), t === 0)) ? (stryMutAct_9fa48("230") ? n !== 0 : stryMutAct_9fa48("229") ? false : stryMutAct_9fa48("228") ? true : (stryCov_9fa48("228", "229", "230"), n === 0)) ? Math.exp(stryMutAct_9fa48("231") ? logBeta(a, b + d) + lbab : (stryCov_9fa48("231"), logBeta(a, stryMutAct_9fa48("232") ? b - d : (stryCov_9fa48("232"), b + d)) - lbab)) : 0 : Math.exp(stryMutAct_9fa48("233") ? logBeta(a, b + n + d) - lbab - logNbPmf(r, alpha, n, t) : (stryCov_9fa48("233"), (stryMutAct_9fa48("234") ? logBeta(a, b + n + d) + lbab : (stryCov_9fa48("234"), logBeta(a, stryMutAct_9fa48("235") ? b + n - d : (stryCov_9fa48("235"), (stryMutAct_9fa48("236") ? b - n : (stryCov_9fa48("236"), b + n)) + d)) - lbab)) + logNbPmf(r, alpha, n, t)));
    const dead = (stryMutAct_9fa48("239") ? n === 0 || d === 0 : stryMutAct_9fa48("238") ? false : stryMutAct_9fa48("237") ? true : (stryCov_9fa48("237", "238", "239"), (stryMutAct_9fa48("241") ? n !== 0 : stryMutAct_9fa48("240") ? true : (stryCov_9fa48("240", "241"), n === 0)) && (stryMutAct_9fa48("243") ? d !== 0 : stryMutAct_9fa48("242") ? true : (stryCov_9fa48("242", "243"), d === 0)))) ? 0 : stryMutAct_9fa48("244") ? Math.exp(logBeta(a + 1, b + n + d - 1) - lbab) / nbTail(r, alpha, n, t) : (stryCov_9fa48("244"), Math.exp(stryMutAct_9fa48("245") ? logBeta(a + 1, b + n + d - 1) + lbab : (stryCov_9fa48("245"), logBeta(stryMutAct_9fa48("246") ? a - 1 : (stryCov_9fa48("246"), a + 1), stryMutAct_9fa48("247") ? b + n + d + 1 : (stryCov_9fa48("247"), (stryMutAct_9fa48("248") ? b + n - d : (stryCov_9fa48("248"), (stryMutAct_9fa48("249") ? b - n : (stryCov_9fa48("249"), b + n)) + d)) - 1)) - lbab)) * nbTail(r, alpha, n, t));
    const value = stryMutAct_9fa48("250") ? alive - dead : (stryCov_9fa48("250"), alive + dead);
    return (stryMutAct_9fa48("254") ? value >= 0 : stryMutAct_9fa48("253") ? value <= 0 : stryMutAct_9fa48("252") ? false : stryMutAct_9fa48("251") ? true : (stryCov_9fa48("251", "252", "253", "254"), value < 0)) ? 0 : (stryMutAct_9fa48("258") ? value <= 1 : stryMutAct_9fa48("257") ? value >= 1 : stryMutAct_9fa48("256") ? false : stryMutAct_9fa48("255") ? true : (stryCov_9fa48("255", "256", "257", "258"), value > 1)) ? 1 : value;
  }
}

/**
 * The data of a fit, compressed once: distinct T values, distinct recency values, distinct x values,
 * and the distinct (x, recency, T) patterns with their total weights. Per evaluation the logarithms
 * ln(alpha + T) and ln(alpha + t_x) are computed once per distinct value, the Gamma and Beta terms
 * once per distinct x, and the mixture once per pattern.
 */
export interface LikelihoodData {
  /** Distinct T values. */
  readonly Tv: Float64Array;
  /** Distinct recency values. */
  readonly txv: Float64Array;
  /** Distinct x values. */
  readonly xs: Float64Array;
  /** Total weight per distinct x. */
  readonly wx: Float64Array;
  /** Per pattern: index into xs. */
  readonly pX: Int32Array;
  /** Per pattern: index into txv. */
  readonly pTx: Int32Array;
  /** Per pattern: index into Tv. */
  readonly pT: Int32Array;
  /** Per pattern: total weight. */
  readonly pW: Float64Array;
}
function indexValues(values: Float64Array, expected: number): {
  index: Int32Array;
  distinct: Float64Array;
} {
  if (stryMutAct_9fa48("259")) {
    {}
  } else {
    stryCov_9fa48("259");
    const map = new DoubleIndex(expected);
    const index = new Int32Array(values.length);
    for (let i = 0; stryMutAct_9fa48("262") ? i >= values.length : stryMutAct_9fa48("261") ? i <= values.length : stryMutAct_9fa48("260") ? false : (stryCov_9fa48("260", "261", "262"), i < values.length); stryMutAct_9fa48("263") ? i-- : (stryCov_9fa48("263"), i++)) index[i] = map.add(values[i] as number);
    return stryMutAct_9fa48("264") ? {} : (stryCov_9fa48("264"), {
      index,
      distinct: map.distinct()
    });
  }
}

// Whole numbers >= 0 (the frequencies) indexed through a dense table when their range is moderate.
function indexCounts(values: Float64Array): {
  index: Int32Array;
  distinct: Float64Array;
} {
  if (stryMutAct_9fa48("265")) {
    {}
  } else {
    stryCov_9fa48("265");
    let max = 0;
    for (let i = 0; stryMutAct_9fa48("268") ? i >= values.length : stryMutAct_9fa48("267") ? i <= values.length : stryMutAct_9fa48("266") ? false : (stryCov_9fa48("266", "267", "268"), i < values.length); stryMutAct_9fa48("269") ? i-- : (stryCov_9fa48("269"), i++)) if (stryMutAct_9fa48("273") ? values[i] as number <= max : stryMutAct_9fa48("272") ? values[i] as number >= max : stryMutAct_9fa48("271") ? false : stryMutAct_9fa48("270") ? true : (stryCov_9fa48("270", "271", "272", "273"), values[i] as number > max)) max = values[i] as number;
    if (stryMutAct_9fa48("277") ? max <= 4 * values.length + 1024 : stryMutAct_9fa48("276") ? max >= 4 * values.length + 1024 : stryMutAct_9fa48("275") ? false : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275", "276", "277"), max > (stryMutAct_9fa48("278") ? 4 * values.length - 1024 : (stryCov_9fa48("278"), (stryMutAct_9fa48("279") ? 4 / values.length : (stryCov_9fa48("279"), 4 * values.length)) + 1024)))) return indexValues(values, 1024);
    const table = new Int32Array(stryMutAct_9fa48("280") ? max - 1 : (stryCov_9fa48("280"), max + 1)).fill(stryMutAct_9fa48("281") ? +1 : (stryCov_9fa48("281"), -1));
    const index = new Int32Array(values.length);
    const distinct: number[] = stryMutAct_9fa48("282") ? ["Stryker was here"] : (stryCov_9fa48("282"), []);
    for (let i = 0; stryMutAct_9fa48("285") ? i >= values.length : stryMutAct_9fa48("284") ? i <= values.length : stryMutAct_9fa48("283") ? false : (stryCov_9fa48("283", "284", "285"), i < values.length); stryMutAct_9fa48("286") ? i-- : (stryCov_9fa48("286"), i++)) {
      if (stryMutAct_9fa48("287")) {
        {}
      } else {
        stryCov_9fa48("287");
        const v = values[i] as number;
        let k = table[v] as number;
        if (stryMutAct_9fa48("290") ? k !== -1 : stryMutAct_9fa48("289") ? false : stryMutAct_9fa48("288") ? true : (stryCov_9fa48("288", "289", "290"), k === (stryMutAct_9fa48("291") ? +1 : (stryCov_9fa48("291"), -1)))) {
          if (stryMutAct_9fa48("292")) {
            {}
          } else {
            stryCov_9fa48("292");
            k = distinct.length;
            table[v] = k;
            distinct.push(v);
          }
        }
        index[i] = k;
      }
    }
    return stryMutAct_9fa48("293") ? {} : (stryCov_9fa48("293"), {
      index,
      distinct: Float64Array.from(distinct)
    });
  }
}

/** Builds the compressed likelihood data from columns (rows of weight 0 are dropped). */
export function likelihoodData(x: Float64Array, tx: Float64Array, T: Float64Array, w: Float64Array): LikelihoodData {
  if (stryMutAct_9fa48("294")) {
    {}
  } else {
    stryCov_9fa48("294");
    const ix = indexCounts(x);
    const itx = indexValues(tx, stryMutAct_9fa48("295") ? Math.max(tx.length, 1 << 20) : (stryCov_9fa48("295"), Math.min(tx.length, 1 << 20)));
    const iT = indexValues(T, 1024);
    const nTx = itx.distinct.length;
    const nT = iT.distinct.length;
    const wx = new Float64Array(ix.distinct.length);
    // Pattern keys are exact integers below 2^53; beyond that (never in practice) rows stay uncompressed.
    const exactKeys = stryMutAct_9fa48("299") ? ix.distinct.length * nTx * nT >= 2 ** 53 : stryMutAct_9fa48("298") ? ix.distinct.length * nTx * nT <= 2 ** 53 : stryMutAct_9fa48("297") ? false : stryMutAct_9fa48("296") ? true : (stryCov_9fa48("296", "297", "298", "299"), (stryMutAct_9fa48("300") ? ix.distinct.length * nTx / nT : (stryCov_9fa48("300"), (stryMutAct_9fa48("301") ? ix.distinct.length / nTx : (stryCov_9fa48("301"), ix.distinct.length * nTx)) * nT)) < 2 ** 53);
    const patterns = new DoubleIndex(stryMutAct_9fa48("302") ? Math.max(x.length, 1 << 20) : (stryCov_9fa48("302"), Math.min(x.length, 1 << 20)));
    const pX = new Int32Array(x.length);
    const pTx = new Int32Array(x.length);
    const pT = new Int32Array(x.length);
    const pW = new Float64Array(x.length);
    let count = 0;
    for (let i = 0; stryMutAct_9fa48("305") ? i >= x.length : stryMutAct_9fa48("304") ? i <= x.length : stryMutAct_9fa48("303") ? false : (stryCov_9fa48("303", "304", "305"), i < x.length); stryMutAct_9fa48("306") ? i-- : (stryCov_9fa48("306"), i++)) {
      if (stryMutAct_9fa48("307")) {
        {}
      } else {
        stryCov_9fa48("307");
        const wi = w[i] as number;
        if (stryMutAct_9fa48("310") ? wi !== 0 : stryMutAct_9fa48("309") ? false : stryMutAct_9fa48("308") ? true : (stryCov_9fa48("308", "309", "310"), wi === 0)) continue;
        const a = ix.index[i] as number;
        const b = itx.index[i] as number;
        const c = iT.index[i] as number;
        wx[a] = stryMutAct_9fa48("311") ? (wx[a] as number) - wi : (stryCov_9fa48("311"), (wx[a] as number) + wi);
        const k = exactKeys ? patterns.add(stryMutAct_9fa48("312") ? (a * nTx + b) * nT - c : (stryCov_9fa48("312"), (stryMutAct_9fa48("313") ? (a * nTx + b) / nT : (stryCov_9fa48("313"), (stryMutAct_9fa48("314") ? a * nTx - b : (stryCov_9fa48("314"), (stryMutAct_9fa48("315") ? a / nTx : (stryCov_9fa48("315"), a * nTx)) + b)) * nT)) + c)) : count;
        if (stryMutAct_9fa48("318") ? k !== count : stryMutAct_9fa48("317") ? false : stryMutAct_9fa48("316") ? true : (stryCov_9fa48("316", "317", "318"), k === count)) {
          if (stryMutAct_9fa48("319")) {
            {}
          } else {
            stryCov_9fa48("319");
            pX[k] = a;
            pTx[k] = b;
            pT[k] = c;
            stryMutAct_9fa48("320") ? count -= 1 : (stryCov_9fa48("320"), count += 1);
          }
        }
        pW[k] = stryMutAct_9fa48("321") ? (pW[k] as number) - wi : (stryCov_9fa48("321"), (pW[k] as number) + wi);
      }
    }
    return stryMutAct_9fa48("322") ? {} : (stryCov_9fa48("322"), {
      Tv: iT.distinct,
      txv: itx.distinct,
      xs: ix.distinct,
      wx,
      pX: stryMutAct_9fa48("323") ? pX : (stryCov_9fa48("323"), pX.slice(0, count)),
      pTx: stryMutAct_9fa48("324") ? pTx : (stryCov_9fa48("324"), pTx.slice(0, count)),
      pT: stryMutAct_9fa48("325") ? pT : (stryCov_9fa48("325"), pT.slice(0, count)),
      pW: stryMutAct_9fa48("326") ? pW : (stryCov_9fa48("326"), pW.slice(0, count))
    });
  }
}

/**
 * Total log-likelihood at (r, alpha, a, b) and its gradient with respect to (ln r, ln alpha, ln a,
 * ln b), written into `grad`.
 */
export function logLikelihoodAndGradient(data: LikelihoodData, d: number, r: number, alpha: number, a: number, b: number, grad: Float64Array | undefined): number {
  if (stryMutAct_9fa48("327")) {
    {}
  } else {
    stryCov_9fa48("327");
    const {
      Tv,
      txv,
      xs,
      wx,
      pX,
      pTx,
      pT,
      pW
    } = data;
    const k = xs.length;
    const lnK = new Float64Array(k);
    const dKdb = new Float64Array(k);
    let total = 0;
    let gr = 0;
    let galpha = 0;
    let ga = 0;
    let gb = 0;
    const lnAlpha = Math.log(alpha);
    const lgr = logGamma(r);
    const lgab = logGamma(stryMutAct_9fa48("328") ? a - b : (stryCov_9fa48("328"), a + b));
    const lgb = logGamma(b);
    const lnA = Math.log(a);
    const withGrad = stryMutAct_9fa48("331") ? grad === undefined : stryMutAct_9fa48("330") ? false : stryMutAct_9fa48("329") ? true : (stryCov_9fa48("329", "330", "331"), grad !== undefined);
    const dgr = withGrad ? digammaFast(r) : 0;
    const dgab = withGrad ? digammaFast(stryMutAct_9fa48("332") ? a - b : (stryCov_9fa48("332"), a + b)) : 0;
    const dgb = withGrad ? digammaFast(b) : 0;
    for (let s = 0; stryMutAct_9fa48("335") ? s >= k : stryMutAct_9fa48("334") ? s <= k : stryMutAct_9fa48("333") ? false : (stryCov_9fa48("333", "334", "335"), s < k); stryMutAct_9fa48("336") ? s-- : (stryCov_9fa48("336"), s++)) {
      if (stryMutAct_9fa48("337")) {
        {}
      } else {
        stryCov_9fa48("337");
        const xv = xs[s] as number;
        const weight = wx[s] as number;
        if (stryMutAct_9fa48("340") ? weight !== 0 : stryMutAct_9fa48("339") ? false : stryMutAct_9fa48("338") ? true : (stryCov_9fa48("338", "339", "340"), weight === 0)) continue;
        stryMutAct_9fa48("341") ? total -= weight * (logGamma(r + xv) - lgr + r * lnAlpha + lgab + logGamma(b + xv + d) - lgb - logGamma(a + b + xv + d)) : (stryCov_9fa48("341"), total += stryMutAct_9fa48("342") ? weight / (logGamma(r + xv) - lgr + r * lnAlpha + lgab + logGamma(b + xv + d) - lgb - logGamma(a + b + xv + d)) : (stryCov_9fa48("342"), weight * (stryMutAct_9fa48("343") ? logGamma(r + xv) - lgr + r * lnAlpha + lgab + logGamma(b + xv + d) - lgb + logGamma(a + b + xv + d) : (stryCov_9fa48("343"), (stryMutAct_9fa48("344") ? logGamma(r + xv) - lgr + r * lnAlpha + lgab + logGamma(b + xv + d) + lgb : (stryCov_9fa48("344"), (stryMutAct_9fa48("345") ? logGamma(r + xv) - lgr + r * lnAlpha + lgab - logGamma(b + xv + d) : (stryCov_9fa48("345"), (stryMutAct_9fa48("346") ? logGamma(r + xv) - lgr + r * lnAlpha - lgab : (stryCov_9fa48("346"), (stryMutAct_9fa48("347") ? logGamma(r + xv) - lgr - r * lnAlpha : (stryCov_9fa48("347"), (stryMutAct_9fa48("348") ? logGamma(r + xv) + lgr : (stryCov_9fa48("348"), logGamma(stryMutAct_9fa48("349") ? r - xv : (stryCov_9fa48("349"), r + xv)) - lgr)) + (stryMutAct_9fa48("350") ? r / lnAlpha : (stryCov_9fa48("350"), r * lnAlpha)))) + lgab)) + logGamma(stryMutAct_9fa48("351") ? b + xv - d : (stryCov_9fa48("351"), (stryMutAct_9fa48("352") ? b - xv : (stryCov_9fa48("352"), b + xv)) + d)))) - lgb)) - logGamma(stryMutAct_9fa48("353") ? a + b + xv - d : (stryCov_9fa48("353"), (stryMutAct_9fa48("354") ? a + b - xv : (stryCov_9fa48("354"), (stryMutAct_9fa48("355") ? a - b : (stryCov_9fa48("355"), a + b)) + xv)) + d))))));
        lnK[s] = (stryMutAct_9fa48("358") ? xv === 0 || d === 0 : stryMutAct_9fa48("357") ? false : stryMutAct_9fa48("356") ? true : (stryCov_9fa48("356", "357", "358"), (stryMutAct_9fa48("360") ? xv !== 0 : stryMutAct_9fa48("359") ? true : (stryCov_9fa48("359", "360"), xv === 0)) && (stryMutAct_9fa48("362") ? d !== 0 : stryMutAct_9fa48("361") ? true : (stryCov_9fa48("361", "362"), d === 0)))) ? stryMutAct_9fa48("363") ? +Infinity : (stryCov_9fa48("363"), -Infinity) : stryMutAct_9fa48("364") ? lnA + Math.log(b + xv + d - 1) : (stryCov_9fa48("364"), lnA - Math.log(stryMutAct_9fa48("365") ? b + xv + d + 1 : (stryCov_9fa48("365"), (stryMutAct_9fa48("366") ? b + xv - d : (stryCov_9fa48("366"), (stryMutAct_9fa48("367") ? b - xv : (stryCov_9fa48("367"), b + xv)) + d)) - 1)));
        dKdb[s] = (stryMutAct_9fa48("370") ? xv === 0 || d === 0 : stryMutAct_9fa48("369") ? false : stryMutAct_9fa48("368") ? true : (stryCov_9fa48("368", "369", "370"), (stryMutAct_9fa48("372") ? xv !== 0 : stryMutAct_9fa48("371") ? true : (stryCov_9fa48("371", "372"), xv === 0)) && (stryMutAct_9fa48("374") ? d !== 0 : stryMutAct_9fa48("373") ? true : (stryCov_9fa48("373", "374"), d === 0)))) ? 0 : stryMutAct_9fa48("375") ? -1 * (b + xv + d - 1) : (stryCov_9fa48("375"), (stryMutAct_9fa48("376") ? +1 : (stryCov_9fa48("376"), -1)) / (stryMutAct_9fa48("377") ? b + xv + d + 1 : (stryCov_9fa48("377"), (stryMutAct_9fa48("378") ? b + xv - d : (stryCov_9fa48("378"), (stryMutAct_9fa48("379") ? b - xv : (stryCov_9fa48("379"), b + xv)) + d)) - 1)));
        if (stryMutAct_9fa48("381") ? false : stryMutAct_9fa48("380") ? true : (stryCov_9fa48("380", "381"), withGrad)) {
          if (stryMutAct_9fa48("382")) {
            {}
          } else {
            stryCov_9fa48("382");
            stryMutAct_9fa48("383") ? gr -= weight * (digammaFast(r + xv) - dgr + lnAlpha) : (stryCov_9fa48("383"), gr += stryMutAct_9fa48("384") ? weight / (digammaFast(r + xv) - dgr + lnAlpha) : (stryCov_9fa48("384"), weight * (stryMutAct_9fa48("385") ? digammaFast(r + xv) - dgr - lnAlpha : (stryCov_9fa48("385"), (stryMutAct_9fa48("386") ? digammaFast(r + xv) + dgr : (stryCov_9fa48("386"), digammaFast(stryMutAct_9fa48("387") ? r - xv : (stryCov_9fa48("387"), r + xv)) - dgr)) + lnAlpha))));
            stryMutAct_9fa48("388") ? galpha -= weight * r / alpha : (stryCov_9fa48("388"), galpha += stryMutAct_9fa48("389") ? weight * r * alpha : (stryCov_9fa48("389"), (stryMutAct_9fa48("390") ? weight / r : (stryCov_9fa48("390"), weight * r)) / alpha));
            const abx = digammaFast(stryMutAct_9fa48("391") ? a + b + xv - d : (stryCov_9fa48("391"), (stryMutAct_9fa48("392") ? a + b - xv : (stryCov_9fa48("392"), (stryMutAct_9fa48("393") ? a - b : (stryCov_9fa48("393"), a + b)) + xv)) + d));
            stryMutAct_9fa48("394") ? ga -= weight * (dgab - abx) : (stryCov_9fa48("394"), ga += stryMutAct_9fa48("395") ? weight / (dgab - abx) : (stryCov_9fa48("395"), weight * (stryMutAct_9fa48("396") ? dgab + abx : (stryCov_9fa48("396"), dgab - abx))));
            stryMutAct_9fa48("397") ? gb -= weight * (dgab + digammaFast(b + xv + d) - dgb - abx) : (stryCov_9fa48("397"), gb += stryMutAct_9fa48("398") ? weight / (dgab + digammaFast(b + xv + d) - dgb - abx) : (stryCov_9fa48("398"), weight * (stryMutAct_9fa48("399") ? dgab + digammaFast(b + xv + d) - dgb + abx : (stryCov_9fa48("399"), (stryMutAct_9fa48("400") ? dgab + digammaFast(b + xv + d) + dgb : (stryCov_9fa48("400"), (stryMutAct_9fa48("401") ? dgab - digammaFast(b + xv + d) : (stryCov_9fa48("401"), dgab + digammaFast(stryMutAct_9fa48("402") ? b + xv - d : (stryCov_9fa48("402"), (stryMutAct_9fa48("403") ? b - xv : (stryCov_9fa48("403"), b + xv)) + d)))) - dgb)) - abx))));
          }
        }
      }
    }
    const LT = new Float64Array(Tv.length);
    const IT = new Float64Array(Tv.length);
    for (let j = 0; stryMutAct_9fa48("406") ? j >= Tv.length : stryMutAct_9fa48("405") ? j <= Tv.length : stryMutAct_9fa48("404") ? false : (stryCov_9fa48("404", "405", "406"), j < Tv.length); stryMutAct_9fa48("407") ? j-- : (stryCov_9fa48("407"), j++)) {
      if (stryMutAct_9fa48("408")) {
        {}
      } else {
        stryCov_9fa48("408");
        LT[j] = Math.log(stryMutAct_9fa48("409") ? alpha - (Tv[j] as number) : (stryCov_9fa48("409"), alpha + (Tv[j] as number)));
        IT[j] = stryMutAct_9fa48("410") ? 1 * (alpha + (Tv[j] as number)) : (stryCov_9fa48("410"), 1 / (stryMutAct_9fa48("411") ? alpha - (Tv[j] as number) : (stryCov_9fa48("411"), alpha + (Tv[j] as number))));
      }
    }
    const LX = new Float64Array(txv.length);
    const IX = new Float64Array(txv.length);
    for (let j = 0; stryMutAct_9fa48("414") ? j >= txv.length : stryMutAct_9fa48("413") ? j <= txv.length : stryMutAct_9fa48("412") ? false : (stryCov_9fa48("412", "413", "414"), j < txv.length); stryMutAct_9fa48("415") ? j-- : (stryCov_9fa48("415"), j++)) {
      if (stryMutAct_9fa48("416")) {
        {}
      } else {
        stryCov_9fa48("416");
        LX[j] = Math.log(stryMutAct_9fa48("417") ? alpha - (txv[j] as number) : (stryCov_9fa48("417"), alpha + (txv[j] as number)));
        IX[j] = stryMutAct_9fa48("418") ? 1 * (alpha + (txv[j] as number)) : (stryCov_9fa48("418"), 1 / (stryMutAct_9fa48("419") ? alpha - (txv[j] as number) : (stryCov_9fa48("419"), alpha + (txv[j] as number))));
      }
    }
    const n = pW.length;
    for (let i = 0; stryMutAct_9fa48("422") ? i >= n : stryMutAct_9fa48("421") ? i <= n : stryMutAct_9fa48("420") ? false : (stryCov_9fa48("420", "421", "422"), i < n); stryMutAct_9fa48("423") ? i-- : (stryCov_9fa48("423"), i++)) {
      if (stryMutAct_9fa48("424")) {
        {}
      } else {
        stryCov_9fa48("424");
        const wi = pW[i] as number;
        const s = pX[i] as number;
        const rx = stryMutAct_9fa48("425") ? r - (xs[s] as number) : (stryCov_9fa48("425"), r + (xs[s] as number));
        const jT = pT[i] as number;
        const lT = LT[jT] as number;
        const u3 = stryMutAct_9fa48("426") ? -rx / lT : (stryCov_9fa48("426"), (stryMutAct_9fa48("427") ? +rx : (stryCov_9fa48("427"), -rx)) * lT);
        const lk = lnK[s] as number;
        if (stryMutAct_9fa48("430") ? lk !== -Infinity : stryMutAct_9fa48("429") ? false : stryMutAct_9fa48("428") ? true : (stryCov_9fa48("428", "429", "430"), lk === (stryMutAct_9fa48("431") ? +Infinity : (stryCov_9fa48("431"), -Infinity)))) {
          if (stryMutAct_9fa48("432")) {
            {}
          } else {
            stryCov_9fa48("432");
            stryMutAct_9fa48("433") ? total -= wi * u3 : (stryCov_9fa48("433"), total += stryMutAct_9fa48("434") ? wi / u3 : (stryCov_9fa48("434"), wi * u3));
            if (stryMutAct_9fa48("436") ? false : stryMutAct_9fa48("435") ? true : (stryCov_9fa48("435", "436"), withGrad)) {
              if (stryMutAct_9fa48("437")) {
                {}
              } else {
                stryCov_9fa48("437");
                stryMutAct_9fa48("438") ? gr += wi * lT : (stryCov_9fa48("438"), gr -= stryMutAct_9fa48("439") ? wi / lT : (stryCov_9fa48("439"), wi * lT));
                stryMutAct_9fa48("440") ? galpha += wi * rx * (IT[jT] as number) : (stryCov_9fa48("440"), galpha -= stryMutAct_9fa48("441") ? wi * rx / (IT[jT] as number) : (stryCov_9fa48("441"), (stryMutAct_9fa48("442") ? wi / rx : (stryCov_9fa48("442"), wi * rx)) * (IT[jT] as number)));
              }
            }
            continue;
          }
        }
        const jX = pTx[i] as number;
        const ltx = LX[jX] as number;
        const u4 = stryMutAct_9fa48("443") ? lk + rx * ltx : (stryCov_9fa48("443"), lk - (stryMutAct_9fa48("444") ? rx / ltx : (stryCov_9fa48("444"), rx * ltx)));
        const diff = stryMutAct_9fa48("445") ? u4 + u3 : (stryCov_9fa48("445"), u4 - u3);
        let w4: number;
        if (stryMutAct_9fa48("449") ? diff <= 0 : stryMutAct_9fa48("448") ? diff >= 0 : stryMutAct_9fa48("447") ? false : stryMutAct_9fa48("446") ? true : (stryCov_9fa48("446", "447", "448", "449"), diff > 0)) {
          if (stryMutAct_9fa48("450")) {
            {}
          } else {
            stryCov_9fa48("450");
            const e = Math.exp(stryMutAct_9fa48("451") ? +diff : (stryCov_9fa48("451"), -diff));
            stryMutAct_9fa48("452") ? total -= wi * (u4 + Math.log1p(e)) : (stryCov_9fa48("452"), total += stryMutAct_9fa48("453") ? wi / (u4 + Math.log1p(e)) : (stryCov_9fa48("453"), wi * (stryMutAct_9fa48("454") ? u4 - Math.log1p(e) : (stryCov_9fa48("454"), u4 + Math.log1p(e)))));
            w4 = stryMutAct_9fa48("455") ? 1 * (1 + e) : (stryCov_9fa48("455"), 1 / (stryMutAct_9fa48("456") ? 1 - e : (stryCov_9fa48("456"), 1 + e)));
          }
        } else {
          if (stryMutAct_9fa48("457")) {
            {}
          } else {
            stryCov_9fa48("457");
            const e = Math.exp(diff);
            stryMutAct_9fa48("458") ? total -= wi * (u3 + Math.log1p(e)) : (stryCov_9fa48("458"), total += stryMutAct_9fa48("459") ? wi / (u3 + Math.log1p(e)) : (stryCov_9fa48("459"), wi * (stryMutAct_9fa48("460") ? u3 - Math.log1p(e) : (stryCov_9fa48("460"), u3 + Math.log1p(e)))));
            w4 = stryMutAct_9fa48("461") ? e * (1 + e) : (stryCov_9fa48("461"), e / (stryMutAct_9fa48("462") ? 1 - e : (stryCov_9fa48("462"), 1 + e)));
          }
        }
        if (stryMutAct_9fa48("464") ? false : stryMutAct_9fa48("463") ? true : (stryCov_9fa48("463", "464"), withGrad)) {
          if (stryMutAct_9fa48("465")) {
            {}
          } else {
            stryCov_9fa48("465");
            const w3 = stryMutAct_9fa48("466") ? 1 + w4 : (stryCov_9fa48("466"), 1 - w4);
            stryMutAct_9fa48("467") ? gr += wi * (w3 * lT + w4 * ltx) : (stryCov_9fa48("467"), gr -= stryMutAct_9fa48("468") ? wi / (w3 * lT + w4 * ltx) : (stryCov_9fa48("468"), wi * (stryMutAct_9fa48("469") ? w3 * lT - w4 * ltx : (stryCov_9fa48("469"), (stryMutAct_9fa48("470") ? w3 / lT : (stryCov_9fa48("470"), w3 * lT)) + (stryMutAct_9fa48("471") ? w4 / ltx : (stryCov_9fa48("471"), w4 * ltx))))));
            stryMutAct_9fa48("472") ? galpha += wi * rx * (w3 * (IT[jT] as number) + w4 * (IX[jX] as number)) : (stryCov_9fa48("472"), galpha -= stryMutAct_9fa48("473") ? wi * rx / (w3 * (IT[jT] as number) + w4 * (IX[jX] as number)) : (stryCov_9fa48("473"), (stryMutAct_9fa48("474") ? wi / rx : (stryCov_9fa48("474"), wi * rx)) * (stryMutAct_9fa48("475") ? w3 * (IT[jT] as number) - w4 * (IX[jX] as number) : (stryCov_9fa48("475"), (stryMutAct_9fa48("476") ? w3 / (IT[jT] as number) : (stryCov_9fa48("476"), w3 * (IT[jT] as number))) + (stryMutAct_9fa48("477") ? w4 / (IX[jX] as number) : (stryCov_9fa48("477"), w4 * (IX[jX] as number)))))));
            stryMutAct_9fa48("478") ? ga -= wi * w4 / a : (stryCov_9fa48("478"), ga += stryMutAct_9fa48("479") ? wi * w4 * a : (stryCov_9fa48("479"), (stryMutAct_9fa48("480") ? wi / w4 : (stryCov_9fa48("480"), wi * w4)) / a));
            stryMutAct_9fa48("481") ? gb -= wi * w4 * (dKdb[s] as number) : (stryCov_9fa48("481"), gb += stryMutAct_9fa48("482") ? wi * w4 / (dKdb[s] as number) : (stryCov_9fa48("482"), (stryMutAct_9fa48("483") ? wi / w4 : (stryCov_9fa48("483"), wi * w4)) * (dKdb[s] as number)));
          }
        }
      }
    }
    if (stryMutAct_9fa48("486") ? grad === undefined : stryMutAct_9fa48("485") ? false : stryMutAct_9fa48("484") ? true : (stryCov_9fa48("484", "485", "486"), grad !== undefined)) {
      if (stryMutAct_9fa48("487")) {
        {}
      } else {
        stryCov_9fa48("487");
        grad[0] = stryMutAct_9fa48("488") ? gr / r : (stryCov_9fa48("488"), gr * r);
        grad[1] = stryMutAct_9fa48("489") ? galpha / alpha : (stryCov_9fa48("489"), galpha * alpha);
        grad[2] = stryMutAct_9fa48("490") ? ga / a : (stryCov_9fa48("490"), ga * a);
        grad[3] = stryMutAct_9fa48("491") ? gb / b : (stryCov_9fa48("491"), gb * b);
      }
    }
    return total;
  }
}

/** The BG/NBD kernel (d = 0). */
export const bgNbdKernel = stryMutAct_9fa48("492") ? {} : (stryCov_9fa48("492"), {
  parameterNames: ['r', 'alpha', 'a', 'b'] as const satisfies readonly (keyof BgNbdParameters)[],
  probabilityAlive: stryMutAct_9fa48("493") ? () => undefined : (stryCov_9fa48("493"), (p: BgNbdParameters, x: number, tx: number, T: number) => probabilityAlive(p, 0, x, tx, T)),
  expectedPurchases: stryMutAct_9fa48("494") ? () => undefined : (stryCov_9fa48("494"), (p: BgNbdParameters, x: number, tx: number, T: number, t: number) => expectedPurchases(p, 0, x, tx, T, t)),
  purchaseCountProbability: stryMutAct_9fa48("495") ? () => undefined : (stryCov_9fa48("495"), (p: BgNbdParameters, n: number, t: number) => purchaseCountProbability(p, 0, n, t)),
  expectedPurchasesNewCustomer: stryMutAct_9fa48("496") ? () => undefined : (stryCov_9fa48("496"), (p: BgNbdParameters, t: number) => expectedPurchases(p, 0, 0, 0, 0, t)),
  expectedPurchasesBatch: stryMutAct_9fa48("497") ? () => undefined : (stryCov_9fa48("497"), (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, t: number, out: Float64Array) => expectedPurchasesMany(p, 0, x, tx, T, t, out))
});

/** The MBG/NBD kernel (d = 1). */
export const mbgNbdKernel = stryMutAct_9fa48("498") ? {} : (stryCov_9fa48("498"), {
  parameterNames: ['r', 'alpha', 'a', 'b'] as const satisfies readonly (keyof BgNbdParameters)[],
  probabilityAlive: stryMutAct_9fa48("499") ? () => undefined : (stryCov_9fa48("499"), (p: BgNbdParameters, x: number, tx: number, T: number) => probabilityAlive(p, 1, x, tx, T)),
  expectedPurchases: stryMutAct_9fa48("500") ? () => undefined : (stryCov_9fa48("500"), (p: BgNbdParameters, x: number, tx: number, T: number, t: number) => expectedPurchases(p, 1, x, tx, T, t)),
  purchaseCountProbability: stryMutAct_9fa48("501") ? () => undefined : (stryCov_9fa48("501"), (p: BgNbdParameters, n: number, t: number) => purchaseCountProbability(p, 1, n, t)),
  expectedPurchasesNewCustomer: stryMutAct_9fa48("502") ? () => undefined : (stryCov_9fa48("502"), (p: BgNbdParameters, t: number) => expectedPurchases(p, 1, 0, 0, 0, t)),
  expectedPurchasesBatch: stryMutAct_9fa48("503") ? () => undefined : (stryCov_9fa48("503"), (p: BgNbdParameters, x: Float64Array, tx: Float64Array, T: Float64Array, t: number, out: Float64Array) => expectedPurchasesMany(p, 1, x, tx, T, t, out))
});