/**
 * Kernels of the beta-geometric/beta-binomial (BG/BB) model of Fader, Hardie & Shang (2010). No
 * validation: fed only by the public functions, which have checked their input.
 *
 * A customer has `n` transaction opportunities after the first one; `x` is the number of them with
 * a transaction and `tx` (recency) the last such opportunity (0 when x = 0). While alive, a customer
 * transacts at each opportunity with probability p ~ Beta(alpha, beta); before each opportunity a
 * customer dies with probability theta ~ Beta(gamma, delta).
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
import { digamma, logBeta, logGamma, logSumExp } from '../../_lib/math/special.js';

/** The four BG/BB parameters. */
export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

/** Distinct (x, tx, n) patterns with their total weight. */
export interface BgBbPatterns {
  x: Float64Array;
  tx: Float64Array;
  n: Float64Array;
  w: Float64Array;
}

/** Merges identical (x, tx, n) rows; weights add up. */
export function compressBgBb(x: ArrayLike<number>, tx: ArrayLike<number>, n: ArrayLike<number>, w: ArrayLike<number> | undefined): BgBbPatterns {
  if (stryMutAct_9fa48("200")) {
    {}
  } else {
    stryCov_9fa48("200");
    // Keyed by n, then by x * 1,000,001 + tx (exact: every value is a whole number <= 1,000,000).
    const index = new Map<number, Map<number, number>>();
    const xs: number[] = stryMutAct_9fa48("201") ? ["Stryker was here"] : (stryCov_9fa48("201"), []);
    const txs: number[] = stryMutAct_9fa48("202") ? ["Stryker was here"] : (stryCov_9fa48("202"), []);
    const ns: number[] = stryMutAct_9fa48("203") ? ["Stryker was here"] : (stryCov_9fa48("203"), []);
    const ws: number[] = stryMutAct_9fa48("204") ? ["Stryker was here"] : (stryCov_9fa48("204"), []);
    for (let i = 0; stryMutAct_9fa48("207") ? i >= x.length : stryMutAct_9fa48("206") ? i <= x.length : stryMutAct_9fa48("205") ? false : (stryCov_9fa48("205", "206", "207"), i < x.length); stryMutAct_9fa48("208") ? i-- : (stryCov_9fa48("208"), i++)) {
      if (stryMutAct_9fa48("209")) {
        {}
      } else {
        stryCov_9fa48("209");
        const weight = (stryMutAct_9fa48("212") ? w !== undefined : stryMutAct_9fa48("211") ? false : stryMutAct_9fa48("210") ? true : (stryCov_9fa48("210", "211", "212"), w === undefined)) ? 1 : w[i] as number;
        if (stryMutAct_9fa48("215") ? weight !== 0 : stryMutAct_9fa48("214") ? false : stryMutAct_9fa48("213") ? true : (stryCov_9fa48("213", "214", "215"), weight === 0)) continue;
        const ni = n[i] as number;
        let inner = index.get(ni);
        if (stryMutAct_9fa48("218") ? inner !== undefined : stryMutAct_9fa48("217") ? false : stryMutAct_9fa48("216") ? true : (stryCov_9fa48("216", "217", "218"), inner === undefined)) {
          if (stryMutAct_9fa48("219")) {
            {}
          } else {
            stryCov_9fa48("219");
            inner = new Map();
            index.set(ni, inner);
          }
        }
        const key = stryMutAct_9fa48("220") ? (x[i] as number) * 1_000_001 - (tx[i] as number) : (stryCov_9fa48("220"), (stryMutAct_9fa48("221") ? (x[i] as number) / 1_000_001 : (stryCov_9fa48("221"), (x[i] as number) * 1_000_001)) + (tx[i] as number));
        const at = inner.get(key);
        if (stryMutAct_9fa48("224") ? at !== undefined : stryMutAct_9fa48("223") ? false : stryMutAct_9fa48("222") ? true : (stryCov_9fa48("222", "223", "224"), at === undefined)) {
          if (stryMutAct_9fa48("225")) {
            {}
          } else {
            stryCov_9fa48("225");
            inner.set(key, xs.length);
            xs.push(x[i] as number);
            txs.push(tx[i] as number);
            ns.push(ni);
            ws.push(weight);
          }
        } else {
          if (stryMutAct_9fa48("226")) {
            {}
          } else {
            stryCov_9fa48("226");
            ws[at] = stryMutAct_9fa48("227") ? (ws[at] as number) - weight : (stryCov_9fa48("227"), (ws[at] as number) + weight);
          }
        }
      }
    }
    return stryMutAct_9fa48("228") ? {} : (stryCov_9fa48("228"), {
      x: Float64Array.from(xs),
      tx: Float64Array.from(txs),
      n: Float64Array.from(ns),
      w: Float64Array.from(ws)
    });
  }
}

/**
 * ln L for one customer: ln of
 * B(a+x, b+n-x)/B(a,b) * B(g, d+n)/B(g,d) + sum_{i=0}^{n-tx-1} B(a+x, b+tx-x+i)/B(a,b) * B(g+1, d+tx+i)/B(g,d)
 * (Fader, Hardie & Shang 2010, eq. 5), as a log-sum-exp of the positive terms.
 */
export function bgBbLogLikelihoodOne(p: BgBbParams, x: number, tx: number, n: number): number {
  if (stryMutAct_9fa48("229")) {
    {}
  } else {
    stryCov_9fa48("229");
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const lbAB = logBeta(alpha, beta);
    const lbGD = logBeta(gamma, delta);
    const terms: number[] = stryMutAct_9fa48("230") ? [] : (stryCov_9fa48("230"), [stryMutAct_9fa48("231") ? logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) + lbGD : (stryCov_9fa48("231"), (stryMutAct_9fa48("232") ? logBeta(alpha + x, beta + n - x) - lbAB - logBeta(gamma, delta + n) : (stryCov_9fa48("232"), (stryMutAct_9fa48("233") ? logBeta(alpha + x, beta + n - x) + lbAB : (stryCov_9fa48("233"), logBeta(stryMutAct_9fa48("234") ? alpha - x : (stryCov_9fa48("234"), alpha + x), stryMutAct_9fa48("235") ? beta + n + x : (stryCov_9fa48("235"), (stryMutAct_9fa48("236") ? beta - n : (stryCov_9fa48("236"), beta + n)) - x)) - lbAB)) + logBeta(gamma, stryMutAct_9fa48("237") ? delta - n : (stryCov_9fa48("237"), delta + n)))) - lbGD)]);
    for (let i = 0; stryMutAct_9fa48("240") ? i >= n - tx : stryMutAct_9fa48("239") ? i <= n - tx : stryMutAct_9fa48("238") ? false : (stryCov_9fa48("238", "239", "240"), i < (stryMutAct_9fa48("241") ? n + tx : (stryCov_9fa48("241"), n - tx))); stryMutAct_9fa48("242") ? i-- : (stryCov_9fa48("242"), i++)) {
      if (stryMutAct_9fa48("243")) {
        {}
      } else {
        stryCov_9fa48("243");
        terms.push(stryMutAct_9fa48("244") ? logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) + lbGD : (stryCov_9fa48("244"), (stryMutAct_9fa48("245") ? logBeta(alpha + x, beta + tx - x + i) - lbAB - logBeta(gamma + 1, delta + tx + i) : (stryCov_9fa48("245"), (stryMutAct_9fa48("246") ? logBeta(alpha + x, beta + tx - x + i) + lbAB : (stryCov_9fa48("246"), logBeta(stryMutAct_9fa48("247") ? alpha - x : (stryCov_9fa48("247"), alpha + x), stryMutAct_9fa48("248") ? beta + tx - x - i : (stryCov_9fa48("248"), (stryMutAct_9fa48("249") ? beta + tx + x : (stryCov_9fa48("249"), (stryMutAct_9fa48("250") ? beta - tx : (stryCov_9fa48("250"), beta + tx)) - x)) + i)) - lbAB)) + logBeta(stryMutAct_9fa48("251") ? gamma - 1 : (stryCov_9fa48("251"), gamma + 1), stryMutAct_9fa48("252") ? delta + tx - i : (stryCov_9fa48("252"), (stryMutAct_9fa48("253") ? delta - tx : (stryCov_9fa48("253"), delta + tx)) + i)))) - lbGD));
      }
    }
    return logSumExp(terms);
  }
}

/**
 * Total weighted ln L and its gradient with respect to (ln alpha, ln beta, ln gamma, ln delta).
 * The gradient of each term is a sum of digamma differences; the terms are weighted by their
 * share of the customer's likelihood.
 */
export function bgBbLogLikelihoodAndGradient(p: BgBbParams, data: BgBbPatterns, gradient?: Float64Array): number {
  if (stryMutAct_9fa48("254")) {
    {}
  } else {
    stryCov_9fa48("254");
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const lbAB = logBeta(alpha, beta);
    const lbGD = logBeta(gamma, delta);
    const psiA = digamma(alpha);
    const psiB = digamma(beta);
    const psiAB = digamma(stryMutAct_9fa48("255") ? alpha - beta : (stryCov_9fa48("255"), alpha + beta));
    const psiG = digamma(gamma);
    const psiG1 = digamma(stryMutAct_9fa48("256") ? gamma - 1 : (stryCov_9fa48("256"), gamma + 1));
    const psiD = digamma(delta);
    const psiGD = digamma(stryMutAct_9fa48("257") ? gamma - delta : (stryCov_9fa48("257"), gamma + delta));
    let total = 0;
    let gA = 0;
    let gB = 0;
    let gG = 0;
    let gD = 0;
    const logs: number[] = stryMutAct_9fa48("258") ? ["Stryker was here"] : (stryCov_9fa48("258"), []);
    const dA: number[] = stryMutAct_9fa48("259") ? ["Stryker was here"] : (stryCov_9fa48("259"), []);
    const dB: number[] = stryMutAct_9fa48("260") ? ["Stryker was here"] : (stryCov_9fa48("260"), []);
    const dG: number[] = stryMutAct_9fa48("261") ? ["Stryker was here"] : (stryCov_9fa48("261"), []);
    const dD: number[] = stryMutAct_9fa48("262") ? ["Stryker was here"] : (stryCov_9fa48("262"), []);
    for (let k = 0; stryMutAct_9fa48("265") ? k >= data.x.length : stryMutAct_9fa48("264") ? k <= data.x.length : stryMutAct_9fa48("263") ? false : (stryCov_9fa48("263", "264", "265"), k < data.x.length); stryMutAct_9fa48("266") ? k-- : (stryCov_9fa48("266"), k++)) {
      if (stryMutAct_9fa48("267")) {
        {}
      } else {
        stryCov_9fa48("267");
        const x = data.x[k] as number;
        const tx = data.tx[k] as number;
        const n = data.n[k] as number;
        const w = data.w[k] as number;
        logs.length = 0;
        dA.length = 0;
        dB.length = 0;
        dG.length = 0;
        dD.length = 0;
        const psiAx = digamma(stryMutAct_9fa48("268") ? alpha - x : (stryCov_9fa48("268"), alpha + x));
        // The term "alive through n".
        logs.push(stryMutAct_9fa48("269") ? logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) + lbGD : (stryCov_9fa48("269"), (stryMutAct_9fa48("270") ? logBeta(alpha + x, beta + n - x) - lbAB - logBeta(gamma, delta + n) : (stryCov_9fa48("270"), (stryMutAct_9fa48("271") ? logBeta(alpha + x, beta + n - x) + lbAB : (stryCov_9fa48("271"), logBeta(stryMutAct_9fa48("272") ? alpha - x : (stryCov_9fa48("272"), alpha + x), stryMutAct_9fa48("273") ? beta + n + x : (stryCov_9fa48("273"), (stryMutAct_9fa48("274") ? beta - n : (stryCov_9fa48("274"), beta + n)) - x)) - lbAB)) + logBeta(gamma, stryMutAct_9fa48("275") ? delta - n : (stryCov_9fa48("275"), delta + n)))) - lbGD));
        if (stryMutAct_9fa48("278") ? gradient === undefined : stryMutAct_9fa48("277") ? false : stryMutAct_9fa48("276") ? true : (stryCov_9fa48("276", "277", "278"), gradient !== undefined)) {
          if (stryMutAct_9fa48("279")) {
            {}
          } else {
            stryCov_9fa48("279");
            const psiABn = digamma(stryMutAct_9fa48("280") ? alpha + beta - n : (stryCov_9fa48("280"), (stryMutAct_9fa48("281") ? alpha - beta : (stryCov_9fa48("281"), alpha + beta)) + n));
            const psiGDn = digamma(stryMutAct_9fa48("282") ? gamma + delta - n : (stryCov_9fa48("282"), (stryMutAct_9fa48("283") ? gamma - delta : (stryCov_9fa48("283"), gamma + delta)) + n));
            dA.push(stryMutAct_9fa48("284") ? psiAx - psiABn - psiA - psiAB : (stryCov_9fa48("284"), (stryMutAct_9fa48("285") ? psiAx - psiABn + psiA : (stryCov_9fa48("285"), (stryMutAct_9fa48("286") ? psiAx + psiABn : (stryCov_9fa48("286"), psiAx - psiABn)) - psiA)) + psiAB));
            dB.push(stryMutAct_9fa48("287") ? digamma(beta + n - x) - psiABn - psiB - psiAB : (stryCov_9fa48("287"), (stryMutAct_9fa48("288") ? digamma(beta + n - x) - psiABn + psiB : (stryCov_9fa48("288"), (stryMutAct_9fa48("289") ? digamma(beta + n - x) + psiABn : (stryCov_9fa48("289"), digamma(stryMutAct_9fa48("290") ? beta + n + x : (stryCov_9fa48("290"), (stryMutAct_9fa48("291") ? beta - n : (stryCov_9fa48("291"), beta + n)) - x)) - psiABn)) - psiB)) + psiAB));
            dG.push(stryMutAct_9fa48("292") ? psiGD + psiGDn : (stryCov_9fa48("292"), psiGD - psiGDn));
            dD.push(stryMutAct_9fa48("293") ? digamma(delta + n) - psiGDn - psiD - psiGD : (stryCov_9fa48("293"), (stryMutAct_9fa48("294") ? digamma(delta + n) - psiGDn + psiD : (stryCov_9fa48("294"), (stryMutAct_9fa48("295") ? digamma(delta + n) + psiGDn : (stryCov_9fa48("295"), digamma(stryMutAct_9fa48("296") ? delta - n : (stryCov_9fa48("296"), delta + n)) - psiGDn)) - psiD)) + psiGD));
          }
        }
        // The terms "died after opportunity tx + i", i = 0 .. n - tx - 1.
        for (let i = 0; stryMutAct_9fa48("299") ? i >= n - tx : stryMutAct_9fa48("298") ? i <= n - tx : stryMutAct_9fa48("297") ? false : (stryCov_9fa48("297", "298", "299"), i < (stryMutAct_9fa48("300") ? n + tx : (stryCov_9fa48("300"), n - tx))); stryMutAct_9fa48("301") ? i-- : (stryCov_9fa48("301"), i++)) {
          if (stryMutAct_9fa48("302")) {
            {}
          } else {
            stryCov_9fa48("302");
            logs.push(stryMutAct_9fa48("303") ? logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) + lbGD : (stryCov_9fa48("303"), (stryMutAct_9fa48("304") ? logBeta(alpha + x, beta + tx - x + i) - lbAB - logBeta(gamma + 1, delta + tx + i) : (stryCov_9fa48("304"), (stryMutAct_9fa48("305") ? logBeta(alpha + x, beta + tx - x + i) + lbAB : (stryCov_9fa48("305"), logBeta(stryMutAct_9fa48("306") ? alpha - x : (stryCov_9fa48("306"), alpha + x), stryMutAct_9fa48("307") ? beta + tx - x - i : (stryCov_9fa48("307"), (stryMutAct_9fa48("308") ? beta + tx + x : (stryCov_9fa48("308"), (stryMutAct_9fa48("309") ? beta - tx : (stryCov_9fa48("309"), beta + tx)) - x)) + i)) - lbAB)) + logBeta(stryMutAct_9fa48("310") ? gamma - 1 : (stryCov_9fa48("310"), gamma + 1), stryMutAct_9fa48("311") ? delta + tx - i : (stryCov_9fa48("311"), (stryMutAct_9fa48("312") ? delta - tx : (stryCov_9fa48("312"), delta + tx)) + i)))) - lbGD));
            if (stryMutAct_9fa48("315") ? gradient === undefined : stryMutAct_9fa48("314") ? false : stryMutAct_9fa48("313") ? true : (stryCov_9fa48("313", "314", "315"), gradient !== undefined)) {
              if (stryMutAct_9fa48("316")) {
                {}
              } else {
                stryCov_9fa48("316");
                const psiABm = digamma(stryMutAct_9fa48("317") ? alpha + beta + tx - i : (stryCov_9fa48("317"), (stryMutAct_9fa48("318") ? alpha + beta - tx : (stryCov_9fa48("318"), (stryMutAct_9fa48("319") ? alpha - beta : (stryCov_9fa48("319"), alpha + beta)) + tx)) + i));
                const psiGDm = digamma(stryMutAct_9fa48("320") ? gamma + delta + 1 + tx - i : (stryCov_9fa48("320"), (stryMutAct_9fa48("321") ? gamma + delta + 1 - tx : (stryCov_9fa48("321"), (stryMutAct_9fa48("322") ? gamma + delta - 1 : (stryCov_9fa48("322"), (stryMutAct_9fa48("323") ? gamma - delta : (stryCov_9fa48("323"), gamma + delta)) + 1)) + tx)) + i));
                dA.push(stryMutAct_9fa48("324") ? psiAx - psiABm - psiA - psiAB : (stryCov_9fa48("324"), (stryMutAct_9fa48("325") ? psiAx - psiABm + psiA : (stryCov_9fa48("325"), (stryMutAct_9fa48("326") ? psiAx + psiABm : (stryCov_9fa48("326"), psiAx - psiABm)) - psiA)) + psiAB));
                dB.push(stryMutAct_9fa48("327") ? digamma(beta + tx - x + i) - psiABm - psiB - psiAB : (stryCov_9fa48("327"), (stryMutAct_9fa48("328") ? digamma(beta + tx - x + i) - psiABm + psiB : (stryCov_9fa48("328"), (stryMutAct_9fa48("329") ? digamma(beta + tx - x + i) + psiABm : (stryCov_9fa48("329"), digamma(stryMutAct_9fa48("330") ? beta + tx - x - i : (stryCov_9fa48("330"), (stryMutAct_9fa48("331") ? beta + tx + x : (stryCov_9fa48("331"), (stryMutAct_9fa48("332") ? beta - tx : (stryCov_9fa48("332"), beta + tx)) - x)) + i)) - psiABm)) - psiB)) + psiAB));
                dG.push(stryMutAct_9fa48("333") ? psiG1 - psiGDm - psiG - psiGD : (stryCov_9fa48("333"), (stryMutAct_9fa48("334") ? psiG1 - psiGDm + psiG : (stryCov_9fa48("334"), (stryMutAct_9fa48("335") ? psiG1 + psiGDm : (stryCov_9fa48("335"), psiG1 - psiGDm)) - psiG)) + psiGD));
                dD.push(stryMutAct_9fa48("336") ? digamma(delta + tx + i) - psiGDm - psiD - psiGD : (stryCov_9fa48("336"), (stryMutAct_9fa48("337") ? digamma(delta + tx + i) - psiGDm + psiD : (stryCov_9fa48("337"), (stryMutAct_9fa48("338") ? digamma(delta + tx + i) + psiGDm : (stryCov_9fa48("338"), digamma(stryMutAct_9fa48("339") ? delta + tx - i : (stryCov_9fa48("339"), (stryMutAct_9fa48("340") ? delta - tx : (stryCov_9fa48("340"), delta + tx)) + i)) - psiGDm)) - psiD)) + psiGD));
              }
            }
          }
        }
        const ll = logSumExp(logs);
        stryMutAct_9fa48("341") ? total -= w * ll : (stryCov_9fa48("341"), total += stryMutAct_9fa48("342") ? w / ll : (stryCov_9fa48("342"), w * ll));
        if (stryMutAct_9fa48("345") ? gradient === undefined : stryMutAct_9fa48("344") ? false : stryMutAct_9fa48("343") ? true : (stryCov_9fa48("343", "344", "345"), gradient !== undefined)) {
          if (stryMutAct_9fa48("346")) {
            {}
          } else {
            stryCov_9fa48("346");
            for (let j = 0; stryMutAct_9fa48("349") ? j >= logs.length : stryMutAct_9fa48("348") ? j <= logs.length : stryMutAct_9fa48("347") ? false : (stryCov_9fa48("347", "348", "349"), j < logs.length); stryMutAct_9fa48("350") ? j-- : (stryCov_9fa48("350"), j++)) {
              if (stryMutAct_9fa48("351")) {
                {}
              } else {
                stryCov_9fa48("351");
                const share = stryMutAct_9fa48("352") ? w / Math.exp((logs[j] as number) - ll) : (stryCov_9fa48("352"), w * Math.exp(stryMutAct_9fa48("353") ? (logs[j] as number) + ll : (stryCov_9fa48("353"), (logs[j] as number) - ll)));
                stryMutAct_9fa48("354") ? gA -= share * (dA[j] as number) : (stryCov_9fa48("354"), gA += stryMutAct_9fa48("355") ? share / (dA[j] as number) : (stryCov_9fa48("355"), share * (dA[j] as number)));
                stryMutAct_9fa48("356") ? gB -= share * (dB[j] as number) : (stryCov_9fa48("356"), gB += stryMutAct_9fa48("357") ? share / (dB[j] as number) : (stryCov_9fa48("357"), share * (dB[j] as number)));
                stryMutAct_9fa48("358") ? gG -= share * (dG[j] as number) : (stryCov_9fa48("358"), gG += stryMutAct_9fa48("359") ? share / (dG[j] as number) : (stryCov_9fa48("359"), share * (dG[j] as number)));
                stryMutAct_9fa48("360") ? gD -= share * (dD[j] as number) : (stryCov_9fa48("360"), gD += stryMutAct_9fa48("361") ? share / (dD[j] as number) : (stryCov_9fa48("361"), share * (dD[j] as number)));
              }
            }
          }
        }
      }
    }
    if (stryMutAct_9fa48("364") ? gradient === undefined : stryMutAct_9fa48("363") ? false : stryMutAct_9fa48("362") ? true : (stryCov_9fa48("362", "363", "364"), gradient !== undefined)) {
      if (stryMutAct_9fa48("365")) {
        {}
      } else {
        stryCov_9fa48("365");
        gradient[0] = stryMutAct_9fa48("366") ? gA / alpha : (stryCov_9fa48("366"), gA * alpha);
        gradient[1] = stryMutAct_9fa48("367") ? gB / beta : (stryCov_9fa48("367"), gB * beta);
        gradient[2] = stryMutAct_9fa48("368") ? gG / gamma : (stryCov_9fa48("368"), gG * gamma);
        gradient[3] = stryMutAct_9fa48("369") ? gD / delta : (stryCov_9fa48("369"), gD * delta);
      }
    }
    return total;
  }
}

/**
 * P(alive at opportunity n + 1 | x, tx, n) = B(a+x, b+n-x)/B(a,b) * B(g, d+n+1)/B(g,d) / L
 * (Fader, Hardie & Shang 2010, eq. 11).
 */
export function bgBbProbabilityAliveOne(p: BgBbParams, x: number, tx: number, n: number): number {
  if (stryMutAct_9fa48("370")) {
    {}
  } else {
    stryCov_9fa48("370");
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const logNumerator = stryMutAct_9fa48("371") ? logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + 1) + logBeta(gamma, delta) : (stryCov_9fa48("371"), (stryMutAct_9fa48("372") ? logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) - logBeta(gamma, delta + n + 1) : (stryCov_9fa48("372"), (stryMutAct_9fa48("373") ? logBeta(alpha + x, beta + n - x) + logBeta(alpha, beta) : (stryCov_9fa48("373"), logBeta(stryMutAct_9fa48("374") ? alpha - x : (stryCov_9fa48("374"), alpha + x), stryMutAct_9fa48("375") ? beta + n + x : (stryCov_9fa48("375"), (stryMutAct_9fa48("376") ? beta - n : (stryCov_9fa48("376"), beta + n)) - x)) - logBeta(alpha, beta))) + logBeta(gamma, stryMutAct_9fa48("377") ? delta + n - 1 : (stryCov_9fa48("377"), (stryMutAct_9fa48("378") ? delta - n : (stryCov_9fa48("378"), delta + n)) + 1)))) - logBeta(gamma, delta));
    const value = Math.exp(stryMutAct_9fa48("379") ? logNumerator + bgBbLogLikelihoodOne(p, x, tx, n) : (stryCov_9fa48("379"), logNumerator - bgBbLogLikelihoodOne(p, x, tx, n)));
    return (stryMutAct_9fa48("383") ? value <= 1 : stryMutAct_9fa48("382") ? value >= 1 : stryMutAct_9fa48("381") ? false : stryMutAct_9fa48("380") ? true : (stryCov_9fa48("380", "381", "382", "383"), value > 1)) ? 1 : value;
  }
}

/**
 * ln of sum_{m=from}^{to} Gamma(d + m) / Gamma(g + d + m), 1 <= from <= to: the survival sum of the
 * BG/BB expectations (B(g, d+m)/B(g,d) is this term times Gamma(g+d)/Gamma(d)).
 *
 * Short sums (up to 1,000 terms) and sums with g within 1e-4 of 1 are added term by term with the
 * ratio (d+m)/(g+d+m) between neighbours (relative error about 1e-15 per term). Longer sums use the
 * telescoped form [f(from) - f(to+1)] / (g - 1) with f(m) = Gamma(d+m)/Gamma(g+d+m-1), whose
 * relative error is at most about 1e-16 * ln Gamma(d+to) / (|g - 1| ln(to/from)), below 1e-6
 * even for a million opportunities.
 */
export function logSurvivalSum(gamma: number, delta: number, from: number, to: number): number {
  if (stryMutAct_9fa48("384")) {
    {}
  } else {
    stryCov_9fa48("384");
    const count = stryMutAct_9fa48("385") ? to - from - 1 : (stryCov_9fa48("385"), (stryMutAct_9fa48("386") ? to + from : (stryCov_9fa48("386"), to - from)) + 1);
    const logFirst = stryMutAct_9fa48("387") ? logGamma(delta + from) + logGamma(gamma + delta + from) : (stryCov_9fa48("387"), logGamma(stryMutAct_9fa48("388") ? delta - from : (stryCov_9fa48("388"), delta + from)) - logGamma(stryMutAct_9fa48("389") ? gamma + delta - from : (stryCov_9fa48("389"), (stryMutAct_9fa48("390") ? gamma - delta : (stryCov_9fa48("390"), gamma + delta)) + from)));
    if (stryMutAct_9fa48("393") ? count <= 1000 && Math.abs(gamma - 1) < 1e-4 : stryMutAct_9fa48("392") ? false : stryMutAct_9fa48("391") ? true : (stryCov_9fa48("391", "392", "393"), (stryMutAct_9fa48("396") ? count > 1000 : stryMutAct_9fa48("395") ? count < 1000 : stryMutAct_9fa48("394") ? false : (stryCov_9fa48("394", "395", "396"), count <= 1000)) || (stryMutAct_9fa48("399") ? Math.abs(gamma - 1) >= 1e-4 : stryMutAct_9fa48("398") ? Math.abs(gamma - 1) <= 1e-4 : stryMutAct_9fa48("397") ? false : (stryCov_9fa48("397", "398", "399"), Math.abs(stryMutAct_9fa48("400") ? gamma + 1 : (stryCov_9fa48("400"), gamma - 1)) < 1e-4)))) {
      if (stryMutAct_9fa48("401")) {
        {}
      } else {
        stryCov_9fa48("401");
        let term = 1;
        let sum = 1;
        for (let m = from; stryMutAct_9fa48("404") ? m >= to : stryMutAct_9fa48("403") ? m <= to : stryMutAct_9fa48("402") ? false : (stryCov_9fa48("402", "403", "404"), m < to); stryMutAct_9fa48("405") ? m-- : (stryCov_9fa48("405"), m++)) {
          if (stryMutAct_9fa48("406")) {
            {}
          } else {
            stryCov_9fa48("406");
            stryMutAct_9fa48("407") ? term /= (delta + m) / (gamma + delta + m) : (stryCov_9fa48("407"), term *= stryMutAct_9fa48("408") ? (delta + m) * (gamma + delta + m) : (stryCov_9fa48("408"), (stryMutAct_9fa48("409") ? delta - m : (stryCov_9fa48("409"), delta + m)) / (stryMutAct_9fa48("410") ? gamma + delta - m : (stryCov_9fa48("410"), (stryMutAct_9fa48("411") ? gamma - delta : (stryCov_9fa48("411"), gamma + delta)) + m))));
            stryMutAct_9fa48("412") ? sum -= term : (stryCov_9fa48("412"), sum += term);
          }
        }
        return stryMutAct_9fa48("413") ? logFirst - Math.log(sum) : (stryCov_9fa48("413"), logFirst + Math.log(sum));
      }
    }
    const lf = stryMutAct_9fa48("414") ? logGamma(delta + from) + logGamma(gamma + delta + from - 1) : (stryCov_9fa48("414"), logGamma(stryMutAct_9fa48("415") ? delta - from : (stryCov_9fa48("415"), delta + from)) - logGamma(stryMutAct_9fa48("416") ? gamma + delta + from + 1 : (stryCov_9fa48("416"), (stryMutAct_9fa48("417") ? gamma + delta - from : (stryCov_9fa48("417"), (stryMutAct_9fa48("418") ? gamma - delta : (stryCov_9fa48("418"), gamma + delta)) + from)) - 1)));
    const ll = stryMutAct_9fa48("419") ? logGamma(delta + to + 1) + logGamma(gamma + delta + to) : (stryCov_9fa48("419"), logGamma(stryMutAct_9fa48("420") ? delta + to - 1 : (stryCov_9fa48("420"), (stryMutAct_9fa48("421") ? delta - to : (stryCov_9fa48("421"), delta + to)) + 1)) - logGamma(stryMutAct_9fa48("422") ? gamma + delta - to : (stryCov_9fa48("422"), (stryMutAct_9fa48("423") ? gamma - delta : (stryCov_9fa48("423"), gamma + delta)) + to)));
    // (e^lf - e^ll) / (g - 1) > 0 whichever side of 1 gamma lies on.
    return stryMutAct_9fa48("424") ? lf - Math.log(-Math.expm1(ll - lf) / (gamma - 1)) : (stryCov_9fa48("424"), lf + Math.log(stryMutAct_9fa48("425") ? -Math.expm1(ll - lf) * (gamma - 1) : (stryCov_9fa48("425"), (stryMutAct_9fa48("426") ? +Math.expm1(ll - lf) : (stryCov_9fa48("426"), -Math.expm1(stryMutAct_9fa48("427") ? ll + lf : (stryCov_9fa48("427"), ll - lf)))) / (stryMutAct_9fa48("428") ? gamma + 1 : (stryCov_9fa48("428"), gamma - 1)))));
  }
}

/**
 * E[transactions in opportunities n+1 .. n+horizon | x, tx, n]
 * = B(a+x+1, b+n-x)/B(a,b) * sum_{t=1}^{horizon} B(g, d+n+t)/B(g,d) / L
 * (Fader, Hardie & Shang 2010, eq. 13, written as the sum it telescopes from).
 */
export function bgBbExpectedOne(p: BgBbParams, x: number, tx: number, n: number, horizon: number): number {
  if (stryMutAct_9fa48("429")) {
    {}
  } else {
    stryCov_9fa48("429");
    if (stryMutAct_9fa48("432") ? horizon !== 0 : stryMutAct_9fa48("431") ? false : stryMutAct_9fa48("430") ? true : (stryCov_9fa48("430", "431", "432"), horizon === 0)) return 0;
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    // B(g, d+m)/B(g,d) = Gamma(d+m) Gamma(g+d) / (Gamma(g+d+m) Gamma(d)).
    const logSurv = stryMutAct_9fa48("433") ? logSurvivalSum(gamma, delta, n + 1, n + horizon) + logGamma(gamma + delta) + logGamma(delta) : (stryCov_9fa48("433"), (stryMutAct_9fa48("434") ? logSurvivalSum(gamma, delta, n + 1, n + horizon) - logGamma(gamma + delta) : (stryCov_9fa48("434"), logSurvivalSum(gamma, delta, stryMutAct_9fa48("435") ? n - 1 : (stryCov_9fa48("435"), n + 1), stryMutAct_9fa48("436") ? n - horizon : (stryCov_9fa48("436"), n + horizon)) + logGamma(stryMutAct_9fa48("437") ? gamma - delta : (stryCov_9fa48("437"), gamma + delta)))) - logGamma(delta));
    const logNum = stryMutAct_9fa48("438") ? logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) - logSurv : (stryCov_9fa48("438"), (stryMutAct_9fa48("439") ? logBeta(alpha + x + 1, beta + n - x) + logBeta(alpha, beta) : (stryCov_9fa48("439"), logBeta(stryMutAct_9fa48("440") ? alpha + x - 1 : (stryCov_9fa48("440"), (stryMutAct_9fa48("441") ? alpha - x : (stryCov_9fa48("441"), alpha + x)) + 1), stryMutAct_9fa48("442") ? beta + n + x : (stryCov_9fa48("442"), (stryMutAct_9fa48("443") ? beta - n : (stryCov_9fa48("443"), beta + n)) - x)) - logBeta(alpha, beta))) + logSurv);
    return Math.exp(stryMutAct_9fa48("444") ? logNum + bgBbLogLikelihoodOne(p, x, tx, n) : (stryCov_9fa48("444"), logNum - bgBbLogLikelihoodOne(p, x, tx, n)));
  }
}

/** E[X(n)] for a new customer: a/(a+b) * sum_{t=1}^{n} B(g, d+t)/B(g,d) (eq. 8). */
export function bgBbExpectedNew(p: BgBbParams, horizon: number): number {
  if (stryMutAct_9fa48("445")) {
    {}
  } else {
    stryCov_9fa48("445");
    if (stryMutAct_9fa48("448") ? horizon !== 0 : stryMutAct_9fa48("447") ? false : stryMutAct_9fa48("446") ? true : (stryCov_9fa48("446", "447", "448"), horizon === 0)) return 0;
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const logSurv = stryMutAct_9fa48("449") ? logSurvivalSum(gamma, delta, 1, horizon) + logGamma(gamma + delta) + logGamma(delta) : (stryCov_9fa48("449"), (stryMutAct_9fa48("450") ? logSurvivalSum(gamma, delta, 1, horizon) - logGamma(gamma + delta) : (stryCov_9fa48("450"), logSurvivalSum(gamma, delta, 1, horizon) + logGamma(stryMutAct_9fa48("451") ? gamma - delta : (stryCov_9fa48("451"), gamma + delta)))) - logGamma(delta));
    return stryMutAct_9fa48("452") ? alpha / (alpha + beta) / Math.exp(logSurv) : (stryCov_9fa48("452"), (stryMutAct_9fa48("453") ? alpha * (alpha + beta) : (stryCov_9fa48("453"), alpha / (stryMutAct_9fa48("454") ? alpha - beta : (stryCov_9fa48("454"), alpha + beta)))) * Math.exp(logSurv));
  }
}

/**
 * P(X(n) = x) for x = 0..n, a new customer (Fader, Hardie & Shang 2010, eq. 7):
 * C(n,x) B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d) + sum_{i=x}^{n-1} C(i,x) B(a+x, b+i-x)/B(a,b) B(g+1, d+i)/B(g,d).
 */
export function bgBbFrequencyProbabilities(p: BgBbParams, n: number): Float64Array {
  if (stryMutAct_9fa48("455")) {
    {}
  } else {
    stryCov_9fa48("455");
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const lbAB = logBeta(alpha, beta);
    const lbGD = logBeta(gamma, delta);
    const out = new Float64Array(stryMutAct_9fa48("456") ? n - 1 : (stryCov_9fa48("456"), n + 1));
    const logs: number[] = stryMutAct_9fa48("457") ? ["Stryker was here"] : (stryCov_9fa48("457"), []);
    for (let x = 0; stryMutAct_9fa48("460") ? x > n : stryMutAct_9fa48("459") ? x < n : stryMutAct_9fa48("458") ? false : (stryCov_9fa48("458", "459", "460"), x <= n); stryMutAct_9fa48("461") ? x-- : (stryCov_9fa48("461"), x++)) {
      if (stryMutAct_9fa48("462")) {
        {}
      } else {
        stryCov_9fa48("462");
        logs.length = 0;
        logs.push(stryMutAct_9fa48("463") ? logChoose(n, x) + logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) + lbGD : (stryCov_9fa48("463"), (stryMutAct_9fa48("464") ? logChoose(n, x) + logBeta(alpha + x, beta + n - x) - lbAB - logBeta(gamma, delta + n) : (stryCov_9fa48("464"), (stryMutAct_9fa48("465") ? logChoose(n, x) + logBeta(alpha + x, beta + n - x) + lbAB : (stryCov_9fa48("465"), (stryMutAct_9fa48("466") ? logChoose(n, x) - logBeta(alpha + x, beta + n - x) : (stryCov_9fa48("466"), logChoose(n, x) + logBeta(stryMutAct_9fa48("467") ? alpha - x : (stryCov_9fa48("467"), alpha + x), stryMutAct_9fa48("468") ? beta + n + x : (stryCov_9fa48("468"), (stryMutAct_9fa48("469") ? beta - n : (stryCov_9fa48("469"), beta + n)) - x)))) - lbAB)) + logBeta(gamma, stryMutAct_9fa48("470") ? delta - n : (stryCov_9fa48("470"), delta + n)))) - lbGD));
        for (let i = x; stryMutAct_9fa48("473") ? i >= n : stryMutAct_9fa48("472") ? i <= n : stryMutAct_9fa48("471") ? false : (stryCov_9fa48("471", "472", "473"), i < n); stryMutAct_9fa48("474") ? i-- : (stryCov_9fa48("474"), i++)) logs.push(stryMutAct_9fa48("475") ? logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB + logBeta(gamma + 1, delta + i) + lbGD : (stryCov_9fa48("475"), (stryMutAct_9fa48("476") ? logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB - logBeta(gamma + 1, delta + i) : (stryCov_9fa48("476"), (stryMutAct_9fa48("477") ? logChoose(i, x) + logBeta(alpha + x, beta + i - x) + lbAB : (stryCov_9fa48("477"), (stryMutAct_9fa48("478") ? logChoose(i, x) - logBeta(alpha + x, beta + i - x) : (stryCov_9fa48("478"), logChoose(i, x) + logBeta(stryMutAct_9fa48("479") ? alpha - x : (stryCov_9fa48("479"), alpha + x), stryMutAct_9fa48("480") ? beta + i + x : (stryCov_9fa48("480"), (stryMutAct_9fa48("481") ? beta - i : (stryCov_9fa48("481"), beta + i)) - x)))) - lbAB)) + logBeta(stryMutAct_9fa48("482") ? gamma - 1 : (stryCov_9fa48("482"), gamma + 1), stryMutAct_9fa48("483") ? delta - i : (stryCov_9fa48("483"), delta + i)))) - lbGD));
        out[x] = Math.exp(logSumExp(logs));
      }
    }
    return out;
  }
}
function logChoose(n: number, k: number): number {
  if (stryMutAct_9fa48("484")) {
    {}
  } else {
    stryCov_9fa48("484");
    return stryMutAct_9fa48("485") ? logGamma(n + 1) - logGamma(k + 1) + logGamma(n - k + 1) : (stryCov_9fa48("485"), (stryMutAct_9fa48("486") ? logGamma(n + 1) + logGamma(k + 1) : (stryCov_9fa48("486"), logGamma(stryMutAct_9fa48("487") ? n - 1 : (stryCov_9fa48("487"), n + 1)) - logGamma(stryMutAct_9fa48("488") ? k - 1 : (stryCov_9fa48("488"), k + 1)))) - logGamma(stryMutAct_9fa48("489") ? n - k - 1 : (stryCov_9fa48("489"), (stryMutAct_9fa48("490") ? n + k : (stryCov_9fa48("490"), n - k)) + 1)));
  }
}