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
  if (stryMutAct_9fa48("291")) {
    {}
  } else {
    stryCov_9fa48("291");
    const {
      alpha,
      beta
    } = p;
    let total = 0;
    let gA = 0;
    let gB = 0;
    for (const counts of cohorts) {
      if (stryMutAct_9fa48("292")) {
        {}
      } else {
        stryCov_9fa48("292");
        // Running ln S(t-1) and its partial derivatives.
        let logS = 0;
        let dSa = 0;
        let dSb = 0;
        for (let t = 1; stryMutAct_9fa48("295") ? t >= counts.length : stryMutAct_9fa48("294") ? t <= counts.length : stryMutAct_9fa48("293") ? false : (stryCov_9fa48("293", "294", "295"), t < counts.length); stryMutAct_9fa48("296") ? t-- : (stryCov_9fa48("296"), t++)) {
          if (stryMutAct_9fa48("297")) {
            {}
          } else {
            stryCov_9fa48("297");
            const lost = stryMutAct_9fa48("298") ? (counts[t - 1] as number) + (counts[t] as number) : (stryCov_9fa48("298"), (counts[t - 1] as number) - (counts[t] as number));
            const denom = stryMutAct_9fa48("299") ? alpha + beta + t + 1 : (stryCov_9fa48("299"), (stryMutAct_9fa48("300") ? alpha + beta - t : (stryCov_9fa48("300"), (stryMutAct_9fa48("301") ? alpha - beta : (stryCov_9fa48("301"), alpha + beta)) + t)) - 1);
            if (stryMutAct_9fa48("305") ? lost <= 0 : stryMutAct_9fa48("304") ? lost >= 0 : stryMutAct_9fa48("303") ? false : stryMutAct_9fa48("302") ? true : (stryCov_9fa48("302", "303", "304", "305"), lost > 0)) {
              if (stryMutAct_9fa48("306")) {
                {}
              } else {
                stryCov_9fa48("306");
                stryMutAct_9fa48("307") ? total -= lost * (Math.log(alpha) - Math.log(denom) + logS) : (stryCov_9fa48("307"), total += stryMutAct_9fa48("308") ? lost / (Math.log(alpha) - Math.log(denom) + logS) : (stryCov_9fa48("308"), lost * (stryMutAct_9fa48("309") ? Math.log(alpha) - Math.log(denom) - logS : (stryCov_9fa48("309"), (stryMutAct_9fa48("310") ? Math.log(alpha) + Math.log(denom) : (stryCov_9fa48("310"), Math.log(alpha) - Math.log(denom))) + logS))));
                stryMutAct_9fa48("311") ? gA -= lost * (1 / alpha - 1 / denom + dSa) : (stryCov_9fa48("311"), gA += stryMutAct_9fa48("312") ? lost / (1 / alpha - 1 / denom + dSa) : (stryCov_9fa48("312"), lost * (stryMutAct_9fa48("313") ? 1 / alpha - 1 / denom - dSa : (stryCov_9fa48("313"), (stryMutAct_9fa48("314") ? 1 / alpha + 1 / denom : (stryCov_9fa48("314"), (stryMutAct_9fa48("315") ? 1 * alpha : (stryCov_9fa48("315"), 1 / alpha)) - (stryMutAct_9fa48("316") ? 1 * denom : (stryCov_9fa48("316"), 1 / denom)))) + dSa))));
                stryMutAct_9fa48("317") ? gB -= lost * (-1 / denom + dSb) : (stryCov_9fa48("317"), gB += stryMutAct_9fa48("318") ? lost / (-1 / denom + dSb) : (stryCov_9fa48("318"), lost * (stryMutAct_9fa48("319") ? -1 / denom - dSb : (stryCov_9fa48("319"), (stryMutAct_9fa48("320") ? -1 * denom : (stryCov_9fa48("320"), (stryMutAct_9fa48("321") ? +1 : (stryCov_9fa48("321"), -1)) / denom)) + dSb))));
              }
            }
            stryMutAct_9fa48("322") ? logS -= Math.log(beta + t - 1) - Math.log(denom) : (stryCov_9fa48("322"), logS += stryMutAct_9fa48("323") ? Math.log(beta + t - 1) + Math.log(denom) : (stryCov_9fa48("323"), Math.log(stryMutAct_9fa48("324") ? beta + t + 1 : (stryCov_9fa48("324"), (stryMutAct_9fa48("325") ? beta - t : (stryCov_9fa48("325"), beta + t)) - 1)) - Math.log(denom)));
            stryMutAct_9fa48("326") ? dSa += 1 / denom : (stryCov_9fa48("326"), dSa -= stryMutAct_9fa48("327") ? 1 * denom : (stryCov_9fa48("327"), 1 / denom));
            stryMutAct_9fa48("328") ? dSb -= 1 / (beta + t - 1) - 1 / denom : (stryCov_9fa48("328"), dSb += stryMutAct_9fa48("329") ? 1 / (beta + t - 1) + 1 / denom : (stryCov_9fa48("329"), (stryMutAct_9fa48("330") ? 1 * (beta + t - 1) : (stryCov_9fa48("330"), 1 / (stryMutAct_9fa48("331") ? beta + t + 1 : (stryCov_9fa48("331"), (stryMutAct_9fa48("332") ? beta - t : (stryCov_9fa48("332"), beta + t)) - 1)))) - (stryMutAct_9fa48("333") ? 1 * denom : (stryCov_9fa48("333"), 1 / denom))));
          }
        }
        const last = counts[counts.length - 1] as number;
        if (stryMutAct_9fa48("337") ? last <= 0 : stryMutAct_9fa48("336") ? last >= 0 : stryMutAct_9fa48("335") ? false : stryMutAct_9fa48("334") ? true : (stryCov_9fa48("334", "335", "336", "337"), last > 0)) {
          if (stryMutAct_9fa48("338")) {
            {}
          } else {
            stryCov_9fa48("338");
            stryMutAct_9fa48("339") ? total -= last * logS : (stryCov_9fa48("339"), total += stryMutAct_9fa48("340") ? last / logS : (stryCov_9fa48("340"), last * logS));
            stryMutAct_9fa48("341") ? gA -= last * dSa : (stryCov_9fa48("341"), gA += stryMutAct_9fa48("342") ? last / dSa : (stryCov_9fa48("342"), last * dSa));
            stryMutAct_9fa48("343") ? gB -= last * dSb : (stryCov_9fa48("343"), gB += stryMutAct_9fa48("344") ? last / dSb : (stryCov_9fa48("344"), last * dSb));
          }
        }
      }
    }
    if (stryMutAct_9fa48("347") ? gradient === undefined : stryMutAct_9fa48("346") ? false : stryMutAct_9fa48("345") ? true : (stryCov_9fa48("345", "346", "347"), gradient !== undefined)) {
      if (stryMutAct_9fa48("348")) {
        {}
      } else {
        stryCov_9fa48("348");
        gradient[0] = stryMutAct_9fa48("349") ? gA / alpha : (stryCov_9fa48("349"), gA * alpha);
        gradient[1] = stryMutAct_9fa48("350") ? gB / beta : (stryCov_9fa48("350"), gB * beta);
      }
    }
    return total;
  }
}

/** S(0..periods) as an array. */
export function sbgSurvival(p: SbgParams, periods: number): Float64Array {
  if (stryMutAct_9fa48("351")) {
    {}
  } else {
    stryCov_9fa48("351");
    const out = new Float64Array(stryMutAct_9fa48("352") ? periods - 1 : (stryCov_9fa48("352"), periods + 1));
    let s = 1;
    out[0] = 1;
    for (let t = 1; stryMutAct_9fa48("355") ? t > periods : stryMutAct_9fa48("354") ? t < periods : stryMutAct_9fa48("353") ? false : (stryCov_9fa48("353", "354", "355"), t <= periods); stryMutAct_9fa48("356") ? t-- : (stryCov_9fa48("356"), t++)) {
      if (stryMutAct_9fa48("357")) {
        {}
      } else {
        stryCov_9fa48("357");
        stryMutAct_9fa48("358") ? s /= (p.beta + t - 1) / (p.alpha + p.beta + t - 1) : (stryCov_9fa48("358"), s *= stryMutAct_9fa48("359") ? (p.beta + t - 1) * (p.alpha + p.beta + t - 1) : (stryCov_9fa48("359"), (stryMutAct_9fa48("360") ? p.beta + t + 1 : (stryCov_9fa48("360"), (stryMutAct_9fa48("361") ? p.beta - t : (stryCov_9fa48("361"), p.beta + t)) - 1)) / (stryMutAct_9fa48("362") ? p.alpha + p.beta + t + 1 : (stryCov_9fa48("362"), (stryMutAct_9fa48("363") ? p.alpha + p.beta - t : (stryCov_9fa48("363"), (stryMutAct_9fa48("364") ? p.alpha - p.beta : (stryCov_9fa48("364"), p.alpha + p.beta)) + t)) - 1))));
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
  if (stryMutAct_9fa48("365")) {
    {}
  } else {
    stryCov_9fa48("365");
    const {
      alpha,
      beta
    } = p;
    const n = stryMutAct_9fa48("366") ? renewals - 1 : (stryCov_9fa48("366"), renewals + 1);
    const z = stryMutAct_9fa48("367") ? 1 * (1 + discountRate) : (stryCov_9fa48("367"), 1 / (stryMutAct_9fa48("368") ? 1 - discountRate : (stryCov_9fa48("368"), 1 + discountRate)));
    const tailFactor = stryMutAct_9fa48("369") ? z * (1 - z) : (stryCov_9fa48("369"), z / (stryMutAct_9fa48("370") ? 1 + z : (stryCov_9fa48("370"), 1 - z)));
    let term = stryMutAct_9fa48("371") ? (beta + n - 1) * (alpha + beta + n - 1) : (stryCov_9fa48("371"), (stryMutAct_9fa48("372") ? beta + n + 1 : (stryCov_9fa48("372"), (stryMutAct_9fa48("373") ? beta - n : (stryCov_9fa48("373"), beta + n)) - 1)) / (stryMutAct_9fa48("374") ? alpha + beta + n + 1 : (stryCov_9fa48("374"), (stryMutAct_9fa48("375") ? alpha + beta - n : (stryCov_9fa48("375"), (stryMutAct_9fa48("376") ? alpha - beta : (stryCov_9fa48("376"), alpha + beta)) + n)) - 1)));
    let sum = term;
    if (stryMutAct_9fa48("377")) {
      for (let k = 0; false; k++) {
        term *= z * (beta + n + k) / (alpha + beta + n + k);
        sum += term;
        if (term * tailFactor <= 1e-16 * sum) break;
      }
    } else {
      stryCov_9fa48("377");
      for (let k = 0;; stryMutAct_9fa48("378") ? k-- : (stryCov_9fa48("378"), k++)) {
        if (stryMutAct_9fa48("379")) {
          {}
        } else {
          stryCov_9fa48("379");
          stryMutAct_9fa48("380") ? term /= z * (beta + n + k) / (alpha + beta + n + k) : (stryCov_9fa48("380"), term *= stryMutAct_9fa48("381") ? z * (beta + n + k) * (alpha + beta + n + k) : (stryCov_9fa48("381"), (stryMutAct_9fa48("382") ? z / (beta + n + k) : (stryCov_9fa48("382"), z * (stryMutAct_9fa48("383") ? beta + n - k : (stryCov_9fa48("383"), (stryMutAct_9fa48("384") ? beta - n : (stryCov_9fa48("384"), beta + n)) + k)))) / (stryMutAct_9fa48("385") ? alpha + beta + n - k : (stryCov_9fa48("385"), (stryMutAct_9fa48("386") ? alpha + beta - n : (stryCov_9fa48("386"), (stryMutAct_9fa48("387") ? alpha - beta : (stryCov_9fa48("387"), alpha + beta)) + n)) + k))));
          stryMutAct_9fa48("388") ? sum -= term : (stryCov_9fa48("388"), sum += term);
          if (stryMutAct_9fa48("392") ? term * tailFactor > 1e-16 * sum : stryMutAct_9fa48("391") ? term * tailFactor < 1e-16 * sum : stryMutAct_9fa48("390") ? false : stryMutAct_9fa48("389") ? true : (stryCov_9fa48("389", "390", "391", "392"), (stryMutAct_9fa48("393") ? term / tailFactor : (stryCov_9fa48("393"), term * tailFactor)) <= (stryMutAct_9fa48("394") ? 1e-16 / sum : (stryCov_9fa48("394"), 1e-16 * sum)))) break;
        }
      }
    }
    return sum;
  }
}