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
import { IssueList } from '../_lib/validate.js';
import { checkBgBbRows } from './_internal/bgBbInput.js';
import { bgBbFrequencyProbabilities } from './_internal/bgBbKernel.js';
import { checkModelParameters } from './_internal/modelChecks.js';
import type { BgBbCustomer, BgBbParameters } from './fitBgBb.js';

/** One row of {@link bgBbFrequencyFit}: how many customers made `frequency` transactions. */
export interface BgBbFrequencyFitRow {
  /** The number of repeat transactions x. */
  readonly frequency: number;
  /** The (weighted) number of customers observed with x transactions. */
  readonly actual: number;
  /** The number the model expects: sum over customers of P(X(n_i) = x). */
  readonly expected: number;
}

/**
 * The in-sample fit of a BG/BB model: the observed and the expected number of customers with each
 * number of repeat transactions (Fader, Hardie & Shang's Figure 3 as data).
 *
 * Definition: for each x from 0 to the largest n, `actual` is the total weight of the rows with
 * frequency x and `expected` = sum_i w_i P(X(n_i) = x), with P(X(n) = x) the BG/BB distribution of a
 * new customer's transactions in n opportunities. Both columns add up to the total weight.
 *
 * Cost: O(rows + sum over distinct n of n^2).
 *
 * ## Method
 * Rows are grouped by n; each distinct n's distribution is computed once, in log space.
 *
 * ## Accuracy
 * Relative error about 1e-13 per cell.
 *
 * @param model - A fitted model ({@link fitBgBb}) or `{ parameters: { alpha, beta, gamma, delta } }`.
 * @param customers - Rows `{ frequency, recency, n, weight? }`, as for {@link fitBgBb}; n at most 2,000.
 * @returns One row per frequency 0 .. max n.
 * @throws {@link MetricsInputError} for invalid parameters or rows.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), Marketing Science 29(6), eq. 7 and Figure 3.
 * @example
 * ```ts
 * import { bgBbFrequencyFit } from 'customer-metrics';
 * const model = { parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
 * const rows = bgBbFrequencyFit(model, [
 *   { frequency: 0, recency: 0, n: 6, weight: 3464 },
 *   { frequency: 6, recency: 6, n: 6, weight: 1203 },
 * ]);
 * rows[0].actual; // => 3464
 * rows[0].expected; // => ~1452.5
 * ```
 */
export function bgBbFrequencyFit(model: {
  readonly parameters: BgBbParameters;
}, customers: readonly BgBbCustomer[]): BgBbFrequencyFitRow[] {
  if (stryMutAct_9fa48("165")) {
    {}
  } else {
    stryCov_9fa48("165");
    const issues = new IssueList();
    const p = checkModelParameters(model, stryMutAct_9fa48("166") ? "" : (stryCov_9fa48("166"), 'model'), stryMutAct_9fa48("167") ? "" : (stryCov_9fa48("167"), 'bg-bb'), stryMutAct_9fa48("168") ? [] : (stryCov_9fa48("168"), [stryMutAct_9fa48("169") ? "" : (stryCov_9fa48("169"), 'alpha'), stryMutAct_9fa48("170") ? "" : (stryCov_9fa48("170"), 'beta'), stryMutAct_9fa48("171") ? "" : (stryCov_9fa48("171"), 'gamma'), stryMutAct_9fa48("172") ? "" : (stryCov_9fa48("172"), 'delta')]), issues);
    const cols = checkBgBbRows(customers, stryMutAct_9fa48("173") ? "" : (stryCov_9fa48("173"), 'customers'), issues, 1);
    if (stryMutAct_9fa48("176") ? cols === undefined : stryMutAct_9fa48("175") ? false : stryMutAct_9fa48("174") ? true : (stryCov_9fa48("174", "175", "176"), cols !== undefined)) {
      if (stryMutAct_9fa48("177")) {
        {}
      } else {
        stryCov_9fa48("177");
        for (let i = 0; stryMutAct_9fa48("180") ? i >= cols.n.length : stryMutAct_9fa48("179") ? i <= cols.n.length : stryMutAct_9fa48("178") ? false : (stryCov_9fa48("178", "179", "180"), i < cols.n.length); stryMutAct_9fa48("181") ? i-- : (stryCov_9fa48("181"), i++)) {
          if (stryMutAct_9fa48("182")) {
            {}
          } else {
            stryCov_9fa48("182");
            if (stryMutAct_9fa48("186") ? cols.n[i] as number <= 2000 : stryMutAct_9fa48("185") ? cols.n[i] as number >= 2000 : stryMutAct_9fa48("184") ? false : stryMutAct_9fa48("183") ? true : (stryCov_9fa48("183", "184", "185", "186"), cols.n[i] as number > 2000)) issues.add(stryMutAct_9fa48("187") ? "" : (stryCov_9fa48("187"), 'too_big'), stryMutAct_9fa48("188") ? [] : (stryCov_9fa48("188"), [stryMutAct_9fa48("189") ? "" : (stryCov_9fa48("189"), 'customers'), i, stryMutAct_9fa48("190") ? "" : (stryCov_9fa48("190"), 'n')]), stryMutAct_9fa48("191") ? "" : (stryCov_9fa48("191"), 'must be at most 2000'));
          }
        }
      }
    }
    issues.throwIfAny();
    const {
      x,
      n,
      w
    } = cols as NonNullable<typeof cols>;
    const weightByN = new Map<number, number>();
    let maxN = 0;
    for (let i = 0; stryMutAct_9fa48("194") ? i >= n.length : stryMutAct_9fa48("193") ? i <= n.length : stryMutAct_9fa48("192") ? false : (stryCov_9fa48("192", "193", "194"), i < n.length); stryMutAct_9fa48("195") ? i-- : (stryCov_9fa48("195"), i++)) {
      if (stryMutAct_9fa48("196")) {
        {}
      } else {
        stryCov_9fa48("196");
        const ni = n[i] as number;
        weightByN.set(ni, stryMutAct_9fa48("197") ? (weightByN.get(ni) ?? 0) - (w[i] as number) : (stryCov_9fa48("197"), (stryMutAct_9fa48("198") ? weightByN.get(ni) && 0 : (stryCov_9fa48("198"), weightByN.get(ni) ?? 0)) + (w[i] as number)));
        if (stryMutAct_9fa48("202") ? ni <= maxN : stryMutAct_9fa48("201") ? ni >= maxN : stryMutAct_9fa48("200") ? false : stryMutAct_9fa48("199") ? true : (stryCov_9fa48("199", "200", "201", "202"), ni > maxN)) maxN = ni;
      }
    }
    const actual = new Float64Array(stryMutAct_9fa48("203") ? maxN - 1 : (stryCov_9fa48("203"), maxN + 1));
    for (let i = 0; stryMutAct_9fa48("206") ? i >= x.length : stryMutAct_9fa48("205") ? i <= x.length : stryMutAct_9fa48("204") ? false : (stryCov_9fa48("204", "205", "206"), i < x.length); stryMutAct_9fa48("207") ? i-- : (stryCov_9fa48("207"), i++)) actual[x[i] as number] = stryMutAct_9fa48("208") ? (actual[x[i] as number] as number) - (w[i] as number) : (stryCov_9fa48("208"), (actual[x[i] as number] as number) + (w[i] as number));
    const expected = new Float64Array(stryMutAct_9fa48("209") ? maxN - 1 : (stryCov_9fa48("209"), maxN + 1));
    for (const [ni, weight] of weightByN) {
      if (stryMutAct_9fa48("210")) {
        {}
      } else {
        stryCov_9fa48("210");
        const probs = bgBbFrequencyProbabilities(p as BgBbParameters, ni);
        for (let k = 0; stryMutAct_9fa48("213") ? k > ni : stryMutAct_9fa48("212") ? k < ni : stryMutAct_9fa48("211") ? false : (stryCov_9fa48("211", "212", "213"), k <= ni); stryMutAct_9fa48("214") ? k-- : (stryCov_9fa48("214"), k++)) expected[k] = stryMutAct_9fa48("215") ? (expected[k] as number) - weight * (probs[k] as number) : (stryCov_9fa48("215"), (expected[k] as number) + (stryMutAct_9fa48("216") ? weight / (probs[k] as number) : (stryCov_9fa48("216"), weight * (probs[k] as number))));
      }
    }
    const rows: BgBbFrequencyFitRow[] = stryMutAct_9fa48("217") ? ["Stryker was here"] : (stryCov_9fa48("217"), []);
    for (let k = 0; stryMutAct_9fa48("220") ? k > maxN : stryMutAct_9fa48("219") ? k < maxN : stryMutAct_9fa48("218") ? false : (stryCov_9fa48("218", "219", "220"), k <= maxN); stryMutAct_9fa48("221") ? k-- : (stryCov_9fa48("221"), k++)) rows.push(stryMutAct_9fa48("222") ? {} : (stryCov_9fa48("222"), {
      frequency: k,
      actual: actual[k] as number,
      expected: expected[k] as number
    }));
    return rows;
  }
}