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
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    // Keyed by n, then by x * 1,000,001 + tx (exact: every value is a whole number <= 1,000,000).
    const index = new Map<number, Map<number, number>>();
    const xs: number[] = stryMutAct_9fa48("1") ? ["Stryker was here"] : (stryCov_9fa48("1"), []);
    const txs: number[] = stryMutAct_9fa48("2") ? ["Stryker was here"] : (stryCov_9fa48("2"), []);
    const ns: number[] = stryMutAct_9fa48("3") ? ["Stryker was here"] : (stryCov_9fa48("3"), []);
    const ws: number[] = stryMutAct_9fa48("4") ? ["Stryker was here"] : (stryCov_9fa48("4"), []);
    for (let i = 0; stryMutAct_9fa48("7") ? i >= x.length : stryMutAct_9fa48("6") ? i <= x.length : stryMutAct_9fa48("5") ? false : (stryCov_9fa48("5", "6", "7"), i < x.length); stryMutAct_9fa48("8") ? i-- : (stryCov_9fa48("8"), i++)) {
      if (stryMutAct_9fa48("9")) {
        {}
      } else {
        stryCov_9fa48("9");
        const weight = (stryMutAct_9fa48("12") ? w !== undefined : stryMutAct_9fa48("11") ? false : stryMutAct_9fa48("10") ? true : (stryCov_9fa48("10", "11", "12"), w === undefined)) ? 1 : w[i] as number;
        if (stryMutAct_9fa48("15") ? weight !== 0 : stryMutAct_9fa48("14") ? false : stryMutAct_9fa48("13") ? true : (stryCov_9fa48("13", "14", "15"), weight === 0)) continue;
        const ni = n[i] as number;
        let inner = index.get(ni);
        if (stryMutAct_9fa48("18") ? inner !== undefined : stryMutAct_9fa48("17") ? false : stryMutAct_9fa48("16") ? true : (stryCov_9fa48("16", "17", "18"), inner === undefined)) {
          if (stryMutAct_9fa48("19")) {
            {}
          } else {
            stryCov_9fa48("19");
            inner = new Map();
            index.set(ni, inner);
          }
        }
        const key = stryMutAct_9fa48("20") ? (x[i] as number) * 1_000_001 - (tx[i] as number) : (stryCov_9fa48("20"), (stryMutAct_9fa48("21") ? (x[i] as number) / 1_000_001 : (stryCov_9fa48("21"), (x[i] as number) * 1_000_001)) + (tx[i] as number));
        const at = inner.get(key);
        if (stryMutAct_9fa48("24") ? at !== undefined : stryMutAct_9fa48("23") ? false : stryMutAct_9fa48("22") ? true : (stryCov_9fa48("22", "23", "24"), at === undefined)) {
          if (stryMutAct_9fa48("25")) {
            {}
          } else {
            stryCov_9fa48("25");
            inner.set(key, xs.length);
            xs.push(x[i] as number);
            txs.push(tx[i] as number);
            ns.push(ni);
            ws.push(weight);
          }
        } else {
          if (stryMutAct_9fa48("26")) {
            {}
          } else {
            stryCov_9fa48("26");
            ws[at] = stryMutAct_9fa48("27") ? (ws[at] as number) - weight : (stryCov_9fa48("27"), (ws[at] as number) + weight);
          }
        }
      }
    }
    return stryMutAct_9fa48("28") ? {} : (stryCov_9fa48("28"), {
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
  if (stryMutAct_9fa48("29")) {
    {}
  } else {
    stryCov_9fa48("29");
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const lbAB = logBeta(alpha, beta);
    const lbGD = logBeta(gamma, delta);
    const terms: number[] = stryMutAct_9fa48("30") ? [] : (stryCov_9fa48("30"), [stryMutAct_9fa48("31") ? logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) + lbGD : (stryCov_9fa48("31"), (stryMutAct_9fa48("32") ? logBeta(alpha + x, beta + n - x) - lbAB - logBeta(gamma, delta + n) : (stryCov_9fa48("32"), (stryMutAct_9fa48("33") ? logBeta(alpha + x, beta + n - x) + lbAB : (stryCov_9fa48("33"), logBeta(stryMutAct_9fa48("34") ? alpha - x : (stryCov_9fa48("34"), alpha + x), stryMutAct_9fa48("35") ? beta + n + x : (stryCov_9fa48("35"), (stryMutAct_9fa48("36") ? beta - n : (stryCov_9fa48("36"), beta + n)) - x)) - lbAB)) + logBeta(gamma, stryMutAct_9fa48("37") ? delta - n : (stryCov_9fa48("37"), delta + n)))) - lbGD)]);
    for (let i = 0; stryMutAct_9fa48("40") ? i >= n - tx : stryMutAct_9fa48("39") ? i <= n - tx : stryMutAct_9fa48("38") ? false : (stryCov_9fa48("38", "39", "40"), i < (stryMutAct_9fa48("41") ? n + tx : (stryCov_9fa48("41"), n - tx))); stryMutAct_9fa48("42") ? i-- : (stryCov_9fa48("42"), i++)) {
      if (stryMutAct_9fa48("43")) {
        {}
      } else {
        stryCov_9fa48("43");
        terms.push(stryMutAct_9fa48("44") ? logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) + lbGD : (stryCov_9fa48("44"), (stryMutAct_9fa48("45") ? logBeta(alpha + x, beta + tx - x + i) - lbAB - logBeta(gamma + 1, delta + tx + i) : (stryCov_9fa48("45"), (stryMutAct_9fa48("46") ? logBeta(alpha + x, beta + tx - x + i) + lbAB : (stryCov_9fa48("46"), logBeta(stryMutAct_9fa48("47") ? alpha - x : (stryCov_9fa48("47"), alpha + x), stryMutAct_9fa48("48") ? beta + tx - x - i : (stryCov_9fa48("48"), (stryMutAct_9fa48("49") ? beta + tx + x : (stryCov_9fa48("49"), (stryMutAct_9fa48("50") ? beta - tx : (stryCov_9fa48("50"), beta + tx)) - x)) + i)) - lbAB)) + logBeta(stryMutAct_9fa48("51") ? gamma - 1 : (stryCov_9fa48("51"), gamma + 1), stryMutAct_9fa48("52") ? delta + tx - i : (stryCov_9fa48("52"), (stryMutAct_9fa48("53") ? delta - tx : (stryCov_9fa48("53"), delta + tx)) + i)))) - lbGD));
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
  if (stryMutAct_9fa48("54")) {
    {}
  } else {
    stryCov_9fa48("54");
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
    const psiAB = digamma(stryMutAct_9fa48("55") ? alpha - beta : (stryCov_9fa48("55"), alpha + beta));
    const psiG = digamma(gamma);
    const psiG1 = digamma(stryMutAct_9fa48("56") ? gamma - 1 : (stryCov_9fa48("56"), gamma + 1));
    const psiD = digamma(delta);
    const psiGD = digamma(stryMutAct_9fa48("57") ? gamma - delta : (stryCov_9fa48("57"), gamma + delta));
    let total = 0;
    let gA = 0;
    let gB = 0;
    let gG = 0;
    let gD = 0;
    const logs: number[] = stryMutAct_9fa48("58") ? ["Stryker was here"] : (stryCov_9fa48("58"), []);
    const dA: number[] = stryMutAct_9fa48("59") ? ["Stryker was here"] : (stryCov_9fa48("59"), []);
    const dB: number[] = stryMutAct_9fa48("60") ? ["Stryker was here"] : (stryCov_9fa48("60"), []);
    const dG: number[] = stryMutAct_9fa48("61") ? ["Stryker was here"] : (stryCov_9fa48("61"), []);
    const dD: number[] = stryMutAct_9fa48("62") ? ["Stryker was here"] : (stryCov_9fa48("62"), []);
    for (let k = 0; stryMutAct_9fa48("65") ? k >= data.x.length : stryMutAct_9fa48("64") ? k <= data.x.length : stryMutAct_9fa48("63") ? false : (stryCov_9fa48("63", "64", "65"), k < data.x.length); stryMutAct_9fa48("66") ? k-- : (stryCov_9fa48("66"), k++)) {
      if (stryMutAct_9fa48("67")) {
        {}
      } else {
        stryCov_9fa48("67");
        const x = data.x[k] as number;
        const tx = data.tx[k] as number;
        const n = data.n[k] as number;
        const w = data.w[k] as number;
        logs.length = 0;
        dA.length = 0;
        dB.length = 0;
        dG.length = 0;
        dD.length = 0;
        const psiAx = digamma(stryMutAct_9fa48("68") ? alpha - x : (stryCov_9fa48("68"), alpha + x));
        // The term "alive through n".
        logs.push(stryMutAct_9fa48("69") ? logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) + lbGD : (stryCov_9fa48("69"), (stryMutAct_9fa48("70") ? logBeta(alpha + x, beta + n - x) - lbAB - logBeta(gamma, delta + n) : (stryCov_9fa48("70"), (stryMutAct_9fa48("71") ? logBeta(alpha + x, beta + n - x) + lbAB : (stryCov_9fa48("71"), logBeta(stryMutAct_9fa48("72") ? alpha - x : (stryCov_9fa48("72"), alpha + x), stryMutAct_9fa48("73") ? beta + n + x : (stryCov_9fa48("73"), (stryMutAct_9fa48("74") ? beta - n : (stryCov_9fa48("74"), beta + n)) - x)) - lbAB)) + logBeta(gamma, stryMutAct_9fa48("75") ? delta - n : (stryCov_9fa48("75"), delta + n)))) - lbGD));
        if (stryMutAct_9fa48("78") ? gradient === undefined : stryMutAct_9fa48("77") ? false : stryMutAct_9fa48("76") ? true : (stryCov_9fa48("76", "77", "78"), gradient !== undefined)) {
          if (stryMutAct_9fa48("79")) {
            {}
          } else {
            stryCov_9fa48("79");
            const psiABn = digamma(stryMutAct_9fa48("80") ? alpha + beta - n : (stryCov_9fa48("80"), (stryMutAct_9fa48("81") ? alpha - beta : (stryCov_9fa48("81"), alpha + beta)) + n));
            const psiGDn = digamma(stryMutAct_9fa48("82") ? gamma + delta - n : (stryCov_9fa48("82"), (stryMutAct_9fa48("83") ? gamma - delta : (stryCov_9fa48("83"), gamma + delta)) + n));
            dA.push(stryMutAct_9fa48("84") ? psiAx - psiABn - psiA - psiAB : (stryCov_9fa48("84"), (stryMutAct_9fa48("85") ? psiAx - psiABn + psiA : (stryCov_9fa48("85"), (stryMutAct_9fa48("86") ? psiAx + psiABn : (stryCov_9fa48("86"), psiAx - psiABn)) - psiA)) + psiAB));
            dB.push(stryMutAct_9fa48("87") ? digamma(beta + n - x) - psiABn - psiB - psiAB : (stryCov_9fa48("87"), (stryMutAct_9fa48("88") ? digamma(beta + n - x) - psiABn + psiB : (stryCov_9fa48("88"), (stryMutAct_9fa48("89") ? digamma(beta + n - x) + psiABn : (stryCov_9fa48("89"), digamma(stryMutAct_9fa48("90") ? beta + n + x : (stryCov_9fa48("90"), (stryMutAct_9fa48("91") ? beta - n : (stryCov_9fa48("91"), beta + n)) - x)) - psiABn)) - psiB)) + psiAB));
            dG.push(stryMutAct_9fa48("92") ? psiGD + psiGDn : (stryCov_9fa48("92"), psiGD - psiGDn));
            dD.push(stryMutAct_9fa48("93") ? digamma(delta + n) - psiGDn - psiD - psiGD : (stryCov_9fa48("93"), (stryMutAct_9fa48("94") ? digamma(delta + n) - psiGDn + psiD : (stryCov_9fa48("94"), (stryMutAct_9fa48("95") ? digamma(delta + n) + psiGDn : (stryCov_9fa48("95"), digamma(stryMutAct_9fa48("96") ? delta - n : (stryCov_9fa48("96"), delta + n)) - psiGDn)) - psiD)) + psiGD));
          }
        }
        // The terms "died after opportunity tx + i", i = 0 .. n - tx - 1.
        for (let i = 0; stryMutAct_9fa48("99") ? i >= n - tx : stryMutAct_9fa48("98") ? i <= n - tx : stryMutAct_9fa48("97") ? false : (stryCov_9fa48("97", "98", "99"), i < (stryMutAct_9fa48("100") ? n + tx : (stryCov_9fa48("100"), n - tx))); stryMutAct_9fa48("101") ? i-- : (stryCov_9fa48("101"), i++)) {
          if (stryMutAct_9fa48("102")) {
            {}
          } else {
            stryCov_9fa48("102");
            logs.push(stryMutAct_9fa48("103") ? logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) + lbGD : (stryCov_9fa48("103"), (stryMutAct_9fa48("104") ? logBeta(alpha + x, beta + tx - x + i) - lbAB - logBeta(gamma + 1, delta + tx + i) : (stryCov_9fa48("104"), (stryMutAct_9fa48("105") ? logBeta(alpha + x, beta + tx - x + i) + lbAB : (stryCov_9fa48("105"), logBeta(stryMutAct_9fa48("106") ? alpha - x : (stryCov_9fa48("106"), alpha + x), stryMutAct_9fa48("107") ? beta + tx - x - i : (stryCov_9fa48("107"), (stryMutAct_9fa48("108") ? beta + tx + x : (stryCov_9fa48("108"), (stryMutAct_9fa48("109") ? beta - tx : (stryCov_9fa48("109"), beta + tx)) - x)) + i)) - lbAB)) + logBeta(stryMutAct_9fa48("110") ? gamma - 1 : (stryCov_9fa48("110"), gamma + 1), stryMutAct_9fa48("111") ? delta + tx - i : (stryCov_9fa48("111"), (stryMutAct_9fa48("112") ? delta - tx : (stryCov_9fa48("112"), delta + tx)) + i)))) - lbGD));
            if (stryMutAct_9fa48("115") ? gradient === undefined : stryMutAct_9fa48("114") ? false : stryMutAct_9fa48("113") ? true : (stryCov_9fa48("113", "114", "115"), gradient !== undefined)) {
              if (stryMutAct_9fa48("116")) {
                {}
              } else {
                stryCov_9fa48("116");
                const psiABm = digamma(stryMutAct_9fa48("117") ? alpha + beta + tx - i : (stryCov_9fa48("117"), (stryMutAct_9fa48("118") ? alpha + beta - tx : (stryCov_9fa48("118"), (stryMutAct_9fa48("119") ? alpha - beta : (stryCov_9fa48("119"), alpha + beta)) + tx)) + i));
                const psiGDm = digamma(stryMutAct_9fa48("120") ? gamma + delta + 1 + tx - i : (stryCov_9fa48("120"), (stryMutAct_9fa48("121") ? gamma + delta + 1 - tx : (stryCov_9fa48("121"), (stryMutAct_9fa48("122") ? gamma + delta - 1 : (stryCov_9fa48("122"), (stryMutAct_9fa48("123") ? gamma - delta : (stryCov_9fa48("123"), gamma + delta)) + 1)) + tx)) + i));
                dA.push(stryMutAct_9fa48("124") ? psiAx - psiABm - psiA - psiAB : (stryCov_9fa48("124"), (stryMutAct_9fa48("125") ? psiAx - psiABm + psiA : (stryCov_9fa48("125"), (stryMutAct_9fa48("126") ? psiAx + psiABm : (stryCov_9fa48("126"), psiAx - psiABm)) - psiA)) + psiAB));
                dB.push(stryMutAct_9fa48("127") ? digamma(beta + tx - x + i) - psiABm - psiB - psiAB : (stryCov_9fa48("127"), (stryMutAct_9fa48("128") ? digamma(beta + tx - x + i) - psiABm + psiB : (stryCov_9fa48("128"), (stryMutAct_9fa48("129") ? digamma(beta + tx - x + i) + psiABm : (stryCov_9fa48("129"), digamma(stryMutAct_9fa48("130") ? beta + tx - x - i : (stryCov_9fa48("130"), (stryMutAct_9fa48("131") ? beta + tx + x : (stryCov_9fa48("131"), (stryMutAct_9fa48("132") ? beta - tx : (stryCov_9fa48("132"), beta + tx)) - x)) + i)) - psiABm)) - psiB)) + psiAB));
                dG.push(stryMutAct_9fa48("133") ? psiG1 - psiGDm - psiG - psiGD : (stryCov_9fa48("133"), (stryMutAct_9fa48("134") ? psiG1 - psiGDm + psiG : (stryCov_9fa48("134"), (stryMutAct_9fa48("135") ? psiG1 + psiGDm : (stryCov_9fa48("135"), psiG1 - psiGDm)) - psiG)) + psiGD));
                dD.push(stryMutAct_9fa48("136") ? digamma(delta + tx + i) - psiGDm - psiD - psiGD : (stryCov_9fa48("136"), (stryMutAct_9fa48("137") ? digamma(delta + tx + i) - psiGDm + psiD : (stryCov_9fa48("137"), (stryMutAct_9fa48("138") ? digamma(delta + tx + i) + psiGDm : (stryCov_9fa48("138"), digamma(stryMutAct_9fa48("139") ? delta + tx - i : (stryCov_9fa48("139"), (stryMutAct_9fa48("140") ? delta - tx : (stryCov_9fa48("140"), delta + tx)) + i)) - psiGDm)) - psiD)) + psiGD));
              }
            }
          }
        }
        const ll = logSumExp(logs);
        stryMutAct_9fa48("141") ? total -= w * ll : (stryCov_9fa48("141"), total += stryMutAct_9fa48("142") ? w / ll : (stryCov_9fa48("142"), w * ll));
        if (stryMutAct_9fa48("145") ? gradient === undefined : stryMutAct_9fa48("144") ? false : stryMutAct_9fa48("143") ? true : (stryCov_9fa48("143", "144", "145"), gradient !== undefined)) {
          if (stryMutAct_9fa48("146")) {
            {}
          } else {
            stryCov_9fa48("146");
            for (let j = 0; stryMutAct_9fa48("149") ? j >= logs.length : stryMutAct_9fa48("148") ? j <= logs.length : stryMutAct_9fa48("147") ? false : (stryCov_9fa48("147", "148", "149"), j < logs.length); stryMutAct_9fa48("150") ? j-- : (stryCov_9fa48("150"), j++)) {
              if (stryMutAct_9fa48("151")) {
                {}
              } else {
                stryCov_9fa48("151");
                const share = stryMutAct_9fa48("152") ? w / Math.exp((logs[j] as number) - ll) : (stryCov_9fa48("152"), w * Math.exp(stryMutAct_9fa48("153") ? (logs[j] as number) + ll : (stryCov_9fa48("153"), (logs[j] as number) - ll)));
                stryMutAct_9fa48("154") ? gA -= share * (dA[j] as number) : (stryCov_9fa48("154"), gA += stryMutAct_9fa48("155") ? share / (dA[j] as number) : (stryCov_9fa48("155"), share * (dA[j] as number)));
                stryMutAct_9fa48("156") ? gB -= share * (dB[j] as number) : (stryCov_9fa48("156"), gB += stryMutAct_9fa48("157") ? share / (dB[j] as number) : (stryCov_9fa48("157"), share * (dB[j] as number)));
                stryMutAct_9fa48("158") ? gG -= share * (dG[j] as number) : (stryCov_9fa48("158"), gG += stryMutAct_9fa48("159") ? share / (dG[j] as number) : (stryCov_9fa48("159"), share * (dG[j] as number)));
                stryMutAct_9fa48("160") ? gD -= share * (dD[j] as number) : (stryCov_9fa48("160"), gD += stryMutAct_9fa48("161") ? share / (dD[j] as number) : (stryCov_9fa48("161"), share * (dD[j] as number)));
              }
            }
          }
        }
      }
    }
    if (stryMutAct_9fa48("164") ? gradient === undefined : stryMutAct_9fa48("163") ? false : stryMutAct_9fa48("162") ? true : (stryCov_9fa48("162", "163", "164"), gradient !== undefined)) {
      if (stryMutAct_9fa48("165")) {
        {}
      } else {
        stryCov_9fa48("165");
        gradient[0] = stryMutAct_9fa48("166") ? gA / alpha : (stryCov_9fa48("166"), gA * alpha);
        gradient[1] = stryMutAct_9fa48("167") ? gB / beta : (stryCov_9fa48("167"), gB * beta);
        gradient[2] = stryMutAct_9fa48("168") ? gG / gamma : (stryCov_9fa48("168"), gG * gamma);
        gradient[3] = stryMutAct_9fa48("169") ? gD / delta : (stryCov_9fa48("169"), gD * delta);
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
  if (stryMutAct_9fa48("170")) {
    {}
  } else {
    stryCov_9fa48("170");
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const logNumerator = stryMutAct_9fa48("171") ? logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + 1) + logBeta(gamma, delta) : (stryCov_9fa48("171"), (stryMutAct_9fa48("172") ? logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) - logBeta(gamma, delta + n + 1) : (stryCov_9fa48("172"), (stryMutAct_9fa48("173") ? logBeta(alpha + x, beta + n - x) + logBeta(alpha, beta) : (stryCov_9fa48("173"), logBeta(stryMutAct_9fa48("174") ? alpha - x : (stryCov_9fa48("174"), alpha + x), stryMutAct_9fa48("175") ? beta + n + x : (stryCov_9fa48("175"), (stryMutAct_9fa48("176") ? beta - n : (stryCov_9fa48("176"), beta + n)) - x)) - logBeta(alpha, beta))) + logBeta(gamma, stryMutAct_9fa48("177") ? delta + n - 1 : (stryCov_9fa48("177"), (stryMutAct_9fa48("178") ? delta - n : (stryCov_9fa48("178"), delta + n)) + 1)))) - logBeta(gamma, delta));
    const value = Math.exp(stryMutAct_9fa48("179") ? logNumerator + bgBbLogLikelihoodOne(p, x, tx, n) : (stryCov_9fa48("179"), logNumerator - bgBbLogLikelihoodOne(p, x, tx, n)));
    return (stryMutAct_9fa48("183") ? value <= 1 : stryMutAct_9fa48("182") ? value >= 1 : stryMutAct_9fa48("181") ? false : stryMutAct_9fa48("180") ? true : (stryCov_9fa48("180", "181", "182", "183"), value > 1)) ? 1 : value;
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
  if (stryMutAct_9fa48("184")) {
    {}
  } else {
    stryCov_9fa48("184");
    const count = stryMutAct_9fa48("185") ? to - from - 1 : (stryCov_9fa48("185"), (stryMutAct_9fa48("186") ? to + from : (stryCov_9fa48("186"), to - from)) + 1);
    const logFirst = stryMutAct_9fa48("187") ? logGamma(delta + from) + logGamma(gamma + delta + from) : (stryCov_9fa48("187"), logGamma(stryMutAct_9fa48("188") ? delta - from : (stryCov_9fa48("188"), delta + from)) - logGamma(stryMutAct_9fa48("189") ? gamma + delta - from : (stryCov_9fa48("189"), (stryMutAct_9fa48("190") ? gamma - delta : (stryCov_9fa48("190"), gamma + delta)) + from)));
    if (stryMutAct_9fa48("193") ? count <= 1000 && Math.abs(gamma - 1) < 1e-4 : stryMutAct_9fa48("192") ? false : stryMutAct_9fa48("191") ? true : (stryCov_9fa48("191", "192", "193"), (stryMutAct_9fa48("196") ? count > 1000 : stryMutAct_9fa48("195") ? count < 1000 : stryMutAct_9fa48("194") ? false : (stryCov_9fa48("194", "195", "196"), count <= 1000)) || (stryMutAct_9fa48("199") ? Math.abs(gamma - 1) >= 1e-4 : stryMutAct_9fa48("198") ? Math.abs(gamma - 1) <= 1e-4 : stryMutAct_9fa48("197") ? false : (stryCov_9fa48("197", "198", "199"), Math.abs(stryMutAct_9fa48("200") ? gamma + 1 : (stryCov_9fa48("200"), gamma - 1)) < 1e-4)))) {
      if (stryMutAct_9fa48("201")) {
        {}
      } else {
        stryCov_9fa48("201");
        let term = 1;
        let sum = 1;
        for (let m = from; stryMutAct_9fa48("204") ? m >= to : stryMutAct_9fa48("203") ? m <= to : stryMutAct_9fa48("202") ? false : (stryCov_9fa48("202", "203", "204"), m < to); stryMutAct_9fa48("205") ? m-- : (stryCov_9fa48("205"), m++)) {
          if (stryMutAct_9fa48("206")) {
            {}
          } else {
            stryCov_9fa48("206");
            stryMutAct_9fa48("207") ? term /= (delta + m) / (gamma + delta + m) : (stryCov_9fa48("207"), term *= stryMutAct_9fa48("208") ? (delta + m) * (gamma + delta + m) : (stryCov_9fa48("208"), (stryMutAct_9fa48("209") ? delta - m : (stryCov_9fa48("209"), delta + m)) / (stryMutAct_9fa48("210") ? gamma + delta - m : (stryCov_9fa48("210"), (stryMutAct_9fa48("211") ? gamma - delta : (stryCov_9fa48("211"), gamma + delta)) + m))));
            stryMutAct_9fa48("212") ? sum -= term : (stryCov_9fa48("212"), sum += term);
          }
        }
        return stryMutAct_9fa48("213") ? logFirst - Math.log(sum) : (stryCov_9fa48("213"), logFirst + Math.log(sum));
      }
    }
    const lf = stryMutAct_9fa48("214") ? logGamma(delta + from) + logGamma(gamma + delta + from - 1) : (stryCov_9fa48("214"), logGamma(stryMutAct_9fa48("215") ? delta - from : (stryCov_9fa48("215"), delta + from)) - logGamma(stryMutAct_9fa48("216") ? gamma + delta + from + 1 : (stryCov_9fa48("216"), (stryMutAct_9fa48("217") ? gamma + delta - from : (stryCov_9fa48("217"), (stryMutAct_9fa48("218") ? gamma - delta : (stryCov_9fa48("218"), gamma + delta)) + from)) - 1)));
    const ll = stryMutAct_9fa48("219") ? logGamma(delta + to + 1) + logGamma(gamma + delta + to) : (stryCov_9fa48("219"), logGamma(stryMutAct_9fa48("220") ? delta + to - 1 : (stryCov_9fa48("220"), (stryMutAct_9fa48("221") ? delta - to : (stryCov_9fa48("221"), delta + to)) + 1)) - logGamma(stryMutAct_9fa48("222") ? gamma + delta - to : (stryCov_9fa48("222"), (stryMutAct_9fa48("223") ? gamma - delta : (stryCov_9fa48("223"), gamma + delta)) + to)));
    // (e^lf - e^ll) / (g - 1) > 0 whichever side of 1 gamma lies on.
    return stryMutAct_9fa48("224") ? lf - Math.log(-Math.expm1(ll - lf) / (gamma - 1)) : (stryCov_9fa48("224"), lf + Math.log(stryMutAct_9fa48("225") ? -Math.expm1(ll - lf) * (gamma - 1) : (stryCov_9fa48("225"), (stryMutAct_9fa48("226") ? +Math.expm1(ll - lf) : (stryCov_9fa48("226"), -Math.expm1(stryMutAct_9fa48("227") ? ll + lf : (stryCov_9fa48("227"), ll - lf)))) / (stryMutAct_9fa48("228") ? gamma + 1 : (stryCov_9fa48("228"), gamma - 1)))));
  }
}

/**
 * E[transactions in opportunities n+1 .. n+horizon | x, tx, n]
 * = B(a+x+1, b+n-x)/B(a,b) * sum_{t=1}^{horizon} B(g, d+n+t)/B(g,d) / L
 * (Fader, Hardie & Shang 2010, eq. 13, written as the sum it telescopes from).
 */
export function bgBbExpectedOne(p: BgBbParams, x: number, tx: number, n: number, horizon: number): number {
  if (stryMutAct_9fa48("229")) {
    {}
  } else {
    stryCov_9fa48("229");
    if (stryMutAct_9fa48("232") ? horizon !== 0 : stryMutAct_9fa48("231") ? false : stryMutAct_9fa48("230") ? true : (stryCov_9fa48("230", "231", "232"), horizon === 0)) return 0;
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    // B(g, d+m)/B(g,d) = Gamma(d+m) Gamma(g+d) / (Gamma(g+d+m) Gamma(d)).
    const logSurv = stryMutAct_9fa48("233") ? logSurvivalSum(gamma, delta, n + 1, n + horizon) + logGamma(gamma + delta) + logGamma(delta) : (stryCov_9fa48("233"), (stryMutAct_9fa48("234") ? logSurvivalSum(gamma, delta, n + 1, n + horizon) - logGamma(gamma + delta) : (stryCov_9fa48("234"), logSurvivalSum(gamma, delta, stryMutAct_9fa48("235") ? n - 1 : (stryCov_9fa48("235"), n + 1), stryMutAct_9fa48("236") ? n - horizon : (stryCov_9fa48("236"), n + horizon)) + logGamma(stryMutAct_9fa48("237") ? gamma - delta : (stryCov_9fa48("237"), gamma + delta)))) - logGamma(delta));
    const logNum = stryMutAct_9fa48("238") ? logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) - logSurv : (stryCov_9fa48("238"), (stryMutAct_9fa48("239") ? logBeta(alpha + x + 1, beta + n - x) + logBeta(alpha, beta) : (stryCov_9fa48("239"), logBeta(stryMutAct_9fa48("240") ? alpha + x - 1 : (stryCov_9fa48("240"), (stryMutAct_9fa48("241") ? alpha - x : (stryCov_9fa48("241"), alpha + x)) + 1), stryMutAct_9fa48("242") ? beta + n + x : (stryCov_9fa48("242"), (stryMutAct_9fa48("243") ? beta - n : (stryCov_9fa48("243"), beta + n)) - x)) - logBeta(alpha, beta))) + logSurv);
    return Math.exp(stryMutAct_9fa48("244") ? logNum + bgBbLogLikelihoodOne(p, x, tx, n) : (stryCov_9fa48("244"), logNum - bgBbLogLikelihoodOne(p, x, tx, n)));
  }
}

/** E[X(n)] for a new customer: a/(a+b) * sum_{t=1}^{n} B(g, d+t)/B(g,d) (eq. 8). */
export function bgBbExpectedNew(p: BgBbParams, horizon: number): number {
  if (stryMutAct_9fa48("245")) {
    {}
  } else {
    stryCov_9fa48("245");
    if (stryMutAct_9fa48("248") ? horizon !== 0 : stryMutAct_9fa48("247") ? false : stryMutAct_9fa48("246") ? true : (stryCov_9fa48("246", "247", "248"), horizon === 0)) return 0;
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const logSurv = stryMutAct_9fa48("249") ? logSurvivalSum(gamma, delta, 1, horizon) + logGamma(gamma + delta) + logGamma(delta) : (stryCov_9fa48("249"), (stryMutAct_9fa48("250") ? logSurvivalSum(gamma, delta, 1, horizon) - logGamma(gamma + delta) : (stryCov_9fa48("250"), logSurvivalSum(gamma, delta, 1, horizon) + logGamma(stryMutAct_9fa48("251") ? gamma - delta : (stryCov_9fa48("251"), gamma + delta)))) - logGamma(delta));
    return stryMutAct_9fa48("252") ? alpha / (alpha + beta) / Math.exp(logSurv) : (stryCov_9fa48("252"), (stryMutAct_9fa48("253") ? alpha * (alpha + beta) : (stryCov_9fa48("253"), alpha / (stryMutAct_9fa48("254") ? alpha - beta : (stryCov_9fa48("254"), alpha + beta)))) * Math.exp(logSurv));
  }
}

/**
 * P(X(n) = x) for x = 0..n, a new customer (Fader, Hardie & Shang 2010, eq. 7):
 * C(n,x) B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d) + sum_{i=x}^{n-1} C(i,x) B(a+x, b+i-x)/B(a,b) B(g+1, d+i)/B(g,d).
 */
export function bgBbFrequencyProbabilities(p: BgBbParams, n: number): Float64Array {
  if (stryMutAct_9fa48("255")) {
    {}
  } else {
    stryCov_9fa48("255");
    const {
      alpha,
      beta,
      gamma,
      delta
    } = p;
    const lbAB = logBeta(alpha, beta);
    const lbGD = logBeta(gamma, delta);
    const out = new Float64Array(stryMutAct_9fa48("256") ? n - 1 : (stryCov_9fa48("256"), n + 1));
    const logs: number[] = stryMutAct_9fa48("257") ? ["Stryker was here"] : (stryCov_9fa48("257"), []);
    for (let x = 0; stryMutAct_9fa48("260") ? x > n : stryMutAct_9fa48("259") ? x < n : stryMutAct_9fa48("258") ? false : (stryCov_9fa48("258", "259", "260"), x <= n); stryMutAct_9fa48("261") ? x-- : (stryCov_9fa48("261"), x++)) {
      if (stryMutAct_9fa48("262")) {
        {}
      } else {
        stryCov_9fa48("262");
        logs.length = 0;
        logs.push(stryMutAct_9fa48("263") ? logChoose(n, x) + logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) + lbGD : (stryCov_9fa48("263"), (stryMutAct_9fa48("264") ? logChoose(n, x) + logBeta(alpha + x, beta + n - x) - lbAB - logBeta(gamma, delta + n) : (stryCov_9fa48("264"), (stryMutAct_9fa48("265") ? logChoose(n, x) + logBeta(alpha + x, beta + n - x) + lbAB : (stryCov_9fa48("265"), (stryMutAct_9fa48("266") ? logChoose(n, x) - logBeta(alpha + x, beta + n - x) : (stryCov_9fa48("266"), logChoose(n, x) + logBeta(stryMutAct_9fa48("267") ? alpha - x : (stryCov_9fa48("267"), alpha + x), stryMutAct_9fa48("268") ? beta + n + x : (stryCov_9fa48("268"), (stryMutAct_9fa48("269") ? beta - n : (stryCov_9fa48("269"), beta + n)) - x)))) - lbAB)) + logBeta(gamma, stryMutAct_9fa48("270") ? delta - n : (stryCov_9fa48("270"), delta + n)))) - lbGD));
        for (let i = x; stryMutAct_9fa48("273") ? i >= n : stryMutAct_9fa48("272") ? i <= n : stryMutAct_9fa48("271") ? false : (stryCov_9fa48("271", "272", "273"), i < n); stryMutAct_9fa48("274") ? i-- : (stryCov_9fa48("274"), i++)) logs.push(stryMutAct_9fa48("275") ? logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB + logBeta(gamma + 1, delta + i) + lbGD : (stryCov_9fa48("275"), (stryMutAct_9fa48("276") ? logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB - logBeta(gamma + 1, delta + i) : (stryCov_9fa48("276"), (stryMutAct_9fa48("277") ? logChoose(i, x) + logBeta(alpha + x, beta + i - x) + lbAB : (stryCov_9fa48("277"), (stryMutAct_9fa48("278") ? logChoose(i, x) - logBeta(alpha + x, beta + i - x) : (stryCov_9fa48("278"), logChoose(i, x) + logBeta(stryMutAct_9fa48("279") ? alpha - x : (stryCov_9fa48("279"), alpha + x), stryMutAct_9fa48("280") ? beta + i + x : (stryCov_9fa48("280"), (stryMutAct_9fa48("281") ? beta - i : (stryCov_9fa48("281"), beta + i)) - x)))) - lbAB)) + logBeta(stryMutAct_9fa48("282") ? gamma - 1 : (stryCov_9fa48("282"), gamma + 1), stryMutAct_9fa48("283") ? delta - i : (stryCov_9fa48("283"), delta + i)))) - lbGD));
        out[x] = Math.exp(logSumExp(logs));
      }
    }
    return out;
  }
}
function logChoose(n: number, k: number): number {
  if (stryMutAct_9fa48("284")) {
    {}
  } else {
    stryCov_9fa48("284");
    return stryMutAct_9fa48("285") ? logGamma(n + 1) - logGamma(k + 1) + logGamma(n - k + 1) : (stryCov_9fa48("285"), (stryMutAct_9fa48("286") ? logGamma(n + 1) + logGamma(k + 1) : (stryCov_9fa48("286"), logGamma(stryMutAct_9fa48("287") ? n - 1 : (stryCov_9fa48("287"), n + 1)) - logGamma(stryMutAct_9fa48("288") ? k - 1 : (stryCov_9fa48("288"), k + 1)))) - logGamma(stryMutAct_9fa48("289") ? n - k - 1 : (stryCov_9fa48("289"), (stryMutAct_9fa48("290") ? n + k : (stryCov_9fa48("290"), n - k)) + 1)));
  }
}