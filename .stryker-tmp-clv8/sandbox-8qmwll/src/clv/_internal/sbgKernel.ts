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
// @ts-nocheck


/** The two sBG parameters. */function stryNS_9fa48() {
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
  if (stryMutAct_9fa48("491")) {
    {}
  } else {
    stryCov_9fa48("491");
    const {
      alpha,
      beta
    } = p;
    let total = 0;
    let gA = 0;
    let gB = 0;
    for (const counts of cohorts) {
      if (stryMutAct_9fa48("492")) {
        {}
      } else {
        stryCov_9fa48("492");
        // Running ln S(t-1) and its partial derivatives.
        let logS = 0;
        let dSa = 0;
        let dSb = 0;
        for (let t = 1; stryMutAct_9fa48("495") ? t >= counts.length : stryMutAct_9fa48("494") ? t <= counts.length : stryMutAct_9fa48("493") ? false : (stryCov_9fa48("493", "494", "495"), t < counts.length); stryMutAct_9fa48("496") ? t-- : (stryCov_9fa48("496"), t++)) {
          if (stryMutAct_9fa48("497")) {
            {}
          } else {
            stryCov_9fa48("497");
            const lost = stryMutAct_9fa48("498") ? (counts[t - 1] as number) + (counts[t] as number) : (stryCov_9fa48("498"), (counts[t - 1] as number) - (counts[t] as number));
            const denom = stryMutAct_9fa48("499") ? alpha + beta + t + 1 : (stryCov_9fa48("499"), (stryMutAct_9fa48("500") ? alpha + beta - t : (stryCov_9fa48("500"), (stryMutAct_9fa48("501") ? alpha - beta : (stryCov_9fa48("501"), alpha + beta)) + t)) - 1);
            if (stryMutAct_9fa48("505") ? lost <= 0 : stryMutAct_9fa48("504") ? lost >= 0 : stryMutAct_9fa48("503") ? false : stryMutAct_9fa48("502") ? true : (stryCov_9fa48("502", "503", "504", "505"), lost > 0)) {
              if (stryMutAct_9fa48("506")) {
                {}
              } else {
                stryCov_9fa48("506");
                stryMutAct_9fa48("507") ? total -= lost * (Math.log(alpha) - Math.log(denom) + logS) : (stryCov_9fa48("507"), total += stryMutAct_9fa48("508") ? lost / (Math.log(alpha) - Math.log(denom) + logS) : (stryCov_9fa48("508"), lost * (stryMutAct_9fa48("509") ? Math.log(alpha) - Math.log(denom) - logS : (stryCov_9fa48("509"), (stryMutAct_9fa48("510") ? Math.log(alpha) + Math.log(denom) : (stryCov_9fa48("510"), Math.log(alpha) - Math.log(denom))) + logS))));
                stryMutAct_9fa48("511") ? gA -= lost * (1 / alpha - 1 / denom + dSa) : (stryCov_9fa48("511"), gA += stryMutAct_9fa48("512") ? lost / (1 / alpha - 1 / denom + dSa) : (stryCov_9fa48("512"), lost * (stryMutAct_9fa48("513") ? 1 / alpha - 1 / denom - dSa : (stryCov_9fa48("513"), (stryMutAct_9fa48("514") ? 1 / alpha + 1 / denom : (stryCov_9fa48("514"), (stryMutAct_9fa48("515") ? 1 * alpha : (stryCov_9fa48("515"), 1 / alpha)) - (stryMutAct_9fa48("516") ? 1 * denom : (stryCov_9fa48("516"), 1 / denom)))) + dSa))));
                stryMutAct_9fa48("517") ? gB -= lost * (-1 / denom + dSb) : (stryCov_9fa48("517"), gB += stryMutAct_9fa48("518") ? lost / (-1 / denom + dSb) : (stryCov_9fa48("518"), lost * (stryMutAct_9fa48("519") ? -1 / denom - dSb : (stryCov_9fa48("519"), (stryMutAct_9fa48("520") ? -1 * denom : (stryCov_9fa48("520"), (stryMutAct_9fa48("521") ? +1 : (stryCov_9fa48("521"), -1)) / denom)) + dSb))));
              }
            }
            stryMutAct_9fa48("522") ? logS -= Math.log(beta + t - 1) - Math.log(denom) : (stryCov_9fa48("522"), logS += stryMutAct_9fa48("523") ? Math.log(beta + t - 1) + Math.log(denom) : (stryCov_9fa48("523"), Math.log(stryMutAct_9fa48("524") ? beta + t + 1 : (stryCov_9fa48("524"), (stryMutAct_9fa48("525") ? beta - t : (stryCov_9fa48("525"), beta + t)) - 1)) - Math.log(denom)));
            stryMutAct_9fa48("526") ? dSa += 1 / denom : (stryCov_9fa48("526"), dSa -= stryMutAct_9fa48("527") ? 1 * denom : (stryCov_9fa48("527"), 1 / denom));
            stryMutAct_9fa48("528") ? dSb -= 1 / (beta + t - 1) - 1 / denom : (stryCov_9fa48("528"), dSb += stryMutAct_9fa48("529") ? 1 / (beta + t - 1) + 1 / denom : (stryCov_9fa48("529"), (stryMutAct_9fa48("530") ? 1 * (beta + t - 1) : (stryCov_9fa48("530"), 1 / (stryMutAct_9fa48("531") ? beta + t + 1 : (stryCov_9fa48("531"), (stryMutAct_9fa48("532") ? beta - t : (stryCov_9fa48("532"), beta + t)) - 1)))) - (stryMutAct_9fa48("533") ? 1 * denom : (stryCov_9fa48("533"), 1 / denom))));
          }
        }
        const last = counts[counts.length - 1] as number;
        if (stryMutAct_9fa48("537") ? last <= 0 : stryMutAct_9fa48("536") ? last >= 0 : stryMutAct_9fa48("535") ? false : stryMutAct_9fa48("534") ? true : (stryCov_9fa48("534", "535", "536", "537"), last > 0)) {
          if (stryMutAct_9fa48("538")) {
            {}
          } else {
            stryCov_9fa48("538");
            stryMutAct_9fa48("539") ? total -= last * logS : (stryCov_9fa48("539"), total += stryMutAct_9fa48("540") ? last / logS : (stryCov_9fa48("540"), last * logS));
            stryMutAct_9fa48("541") ? gA -= last * dSa : (stryCov_9fa48("541"), gA += stryMutAct_9fa48("542") ? last / dSa : (stryCov_9fa48("542"), last * dSa));
            stryMutAct_9fa48("543") ? gB -= last * dSb : (stryCov_9fa48("543"), gB += stryMutAct_9fa48("544") ? last / dSb : (stryCov_9fa48("544"), last * dSb));
          }
        }
      }
    }
    if (stryMutAct_9fa48("547") ? gradient === undefined : stryMutAct_9fa48("546") ? false : stryMutAct_9fa48("545") ? true : (stryCov_9fa48("545", "546", "547"), gradient !== undefined)) {
      if (stryMutAct_9fa48("548")) {
        {}
      } else {
        stryCov_9fa48("548");
        gradient[0] = stryMutAct_9fa48("549") ? gA / alpha : (stryCov_9fa48("549"), gA * alpha);
        gradient[1] = stryMutAct_9fa48("550") ? gB / beta : (stryCov_9fa48("550"), gB * beta);
      }
    }
    return total;
  }
}

/** S(0..periods) as an array. */
export function sbgSurvival(p: SbgParams, periods: number): Float64Array {
  if (stryMutAct_9fa48("551")) {
    {}
  } else {
    stryCov_9fa48("551");
    const out = new Float64Array(stryMutAct_9fa48("552") ? periods - 1 : (stryCov_9fa48("552"), periods + 1));
    let s = 1;
    out[0] = 1;
    for (let t = 1; stryMutAct_9fa48("555") ? t > periods : stryMutAct_9fa48("554") ? t < periods : stryMutAct_9fa48("553") ? false : (stryCov_9fa48("553", "554", "555"), t <= periods); stryMutAct_9fa48("556") ? t-- : (stryCov_9fa48("556"), t++)) {
      if (stryMutAct_9fa48("557")) {
        {}
      } else {
        stryCov_9fa48("557");
        stryMutAct_9fa48("558") ? s /= (p.beta + t - 1) / (p.alpha + p.beta + t - 1) : (stryCov_9fa48("558"), s *= stryMutAct_9fa48("559") ? (p.beta + t - 1) * (p.alpha + p.beta + t - 1) : (stryCov_9fa48("559"), (stryMutAct_9fa48("560") ? p.beta + t + 1 : (stryCov_9fa48("560"), (stryMutAct_9fa48("561") ? p.beta - t : (stryCov_9fa48("561"), p.beta + t)) - 1)) / (stryMutAct_9fa48("562") ? p.alpha + p.beta + t + 1 : (stryCov_9fa48("562"), (stryMutAct_9fa48("563") ? p.alpha + p.beta - t : (stryCov_9fa48("563"), (stryMutAct_9fa48("564") ? p.alpha - p.beta : (stryCov_9fa48("564"), p.alpha + p.beta)) + t)) - 1))));
        out[t] = s;
      }
    }
    return out;
  }
}

/**
 * DERL after `renewals` renewals: sum_{k>=0} [S(n+k)/S(n-1)] / (1+d)^k with n = renewals + 1,
 * i.e. 2F1(1, beta+n; alpha+beta+n; 1/(1+d)) (beta+n-1)/(alpha+beta+n-1) (Fader & Hardie 2010).
 * Summed directly: the term ratio z (beta+n+k)/(alpha+beta+n+k) rises towards z = 1/(1+d), so the
 * tail after a term is at most term * z/(1-z); the sum stops when that bound is below 1e-16 of the
 * sum. Cost O(ln(1e16)/d) terms at worst.
 */
export function sbgDerl(p: SbgParams, renewals: number, discountRate: number): number {
  if (stryMutAct_9fa48("565")) {
    {}
  } else {
    stryCov_9fa48("565");
    const {
      alpha,
      beta
    } = p;
    const n = stryMutAct_9fa48("566") ? renewals - 1 : (stryCov_9fa48("566"), renewals + 1);
    const z = stryMutAct_9fa48("567") ? 1 * (1 + discountRate) : (stryCov_9fa48("567"), 1 / (stryMutAct_9fa48("568") ? 1 - discountRate : (stryCov_9fa48("568"), 1 + discountRate)));
    const tailFactor = stryMutAct_9fa48("569") ? z * (1 - z) : (stryCov_9fa48("569"), z / (stryMutAct_9fa48("570") ? 1 + z : (stryCov_9fa48("570"), 1 - z)));
    let term = stryMutAct_9fa48("571") ? (beta + n - 1) * (alpha + beta + n - 1) : (stryCov_9fa48("571"), (stryMutAct_9fa48("572") ? beta + n + 1 : (stryCov_9fa48("572"), (stryMutAct_9fa48("573") ? beta - n : (stryCov_9fa48("573"), beta + n)) - 1)) / (stryMutAct_9fa48("574") ? alpha + beta + n + 1 : (stryCov_9fa48("574"), (stryMutAct_9fa48("575") ? alpha + beta - n : (stryCov_9fa48("575"), (stryMutAct_9fa48("576") ? alpha - beta : (stryCov_9fa48("576"), alpha + beta)) + n)) - 1)));
    let sum = term;
    if (stryMutAct_9fa48("577")) {
      for (let k = 0; false; k++) {
        term *= z * (beta + n + k) / (alpha + beta + n + k);
        sum += term;
        if (term * tailFactor <= 1e-16 * sum) break;
      }
    } else {
      stryCov_9fa48("577");
      for (let k = 0;; stryMutAct_9fa48("578") ? k-- : (stryCov_9fa48("578"), k++)) {
        if (stryMutAct_9fa48("579")) {
          {}
        } else {
          stryCov_9fa48("579");
          stryMutAct_9fa48("580") ? term /= z * (beta + n + k) / (alpha + beta + n + k) : (stryCov_9fa48("580"), term *= stryMutAct_9fa48("581") ? z * (beta + n + k) * (alpha + beta + n + k) : (stryCov_9fa48("581"), (stryMutAct_9fa48("582") ? z / (beta + n + k) : (stryCov_9fa48("582"), z * (stryMutAct_9fa48("583") ? beta + n - k : (stryCov_9fa48("583"), (stryMutAct_9fa48("584") ? beta - n : (stryCov_9fa48("584"), beta + n)) + k)))) / (stryMutAct_9fa48("585") ? alpha + beta + n - k : (stryCov_9fa48("585"), (stryMutAct_9fa48("586") ? alpha + beta - n : (stryCov_9fa48("586"), (stryMutAct_9fa48("587") ? alpha - beta : (stryCov_9fa48("587"), alpha + beta)) + n)) + k))));
          stryMutAct_9fa48("588") ? sum -= term : (stryCov_9fa48("588"), sum += term);
          if (stryMutAct_9fa48("592") ? term * tailFactor > 1e-16 * sum : stryMutAct_9fa48("591") ? term * tailFactor < 1e-16 * sum : stryMutAct_9fa48("590") ? false : stryMutAct_9fa48("589") ? true : (stryCov_9fa48("589", "590", "591", "592"), (stryMutAct_9fa48("593") ? term / tailFactor : (stryCov_9fa48("593"), term * tailFactor)) <= (stryMutAct_9fa48("594") ? 1e-16 / sum : (stryCov_9fa48("594"), 1e-16 * sum)))) break;
        }
      }
    }
    return sum;
  }
}