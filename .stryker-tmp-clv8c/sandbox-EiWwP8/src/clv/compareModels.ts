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
import { checkNumber, IssueList } from '../_lib/validate.js';

/** What {@link compareModels} reads from a fitted model: every fit result of this library has it. */
export interface ComparableFit {
  /** The model kind, such as `'bg-nbd'`. */
  readonly kind: string;
  /** The estimates: their number is the model's number of free parameters. */
  readonly parameters: object;
  /** The total log-likelihood at the estimates. */
  readonly logLikelihood: number;
  /** The number of customers fitted (the sample size in BIC). */
  readonly customers: number;
}

/** One row of {@link compareModels}. */
export interface ModelComparisonRow {
  /** The key of the fit in the input record, or its kind for an array. */
  readonly name: string;
  /** The model kind. */
  readonly kind: string;
  /** Number of free parameters k. */
  readonly parameterCount: number;
  /** Number of customers n. */
  readonly customers: number;
  /** Total log-likelihood ln L. */
  readonly logLikelihood: number;
  /** Akaike's information criterion 2k - 2 ln L (lower is better). */
  readonly aic: number;
  /** The Bayesian (Schwarz) information criterion k ln(n) - 2 ln L (lower is better). */
  readonly bic: number;
  /** AIC minus the smallest AIC of the comparison (0 for the best model). */
  readonly deltaAic: number;
  /** BIC minus the smallest BIC of the comparison (0 for the best model). */
  readonly deltaBic: number;
}

/**
 * Puts fitted models side by side: log-likelihood, AIC and BIC, and each model's distance from the
 * best.
 *
 * Definition: AIC = 2k - 2 ln L and BIC = k ln(n) - 2 ln L, with k the number of parameters, ln L
 * the total log-likelihood and n the number of customers. Lower is better; a difference below
 * about 2 is no real evidence either way, above 10 is strong (Burnham & Anderson). The fits must
 * be of the same customers (same n) and their log-likelihoods of the same data in the same time
 * unit: BG/NBD, MBG/NBD and Pareto/NBD fitted to one summary table qualify.
 *
 * Cost: O(number of fits).
 *
 * @param fits - Fitted models as a record `{ name: fit }` (the names label the rows) or an array
 *   (rows labelled by kind), at least one.
 * @returns One row per fit, in input order.
 * @throws {@link MetricsInputError} when a fit lacks a finite log-likelihood, a positive number of
 *   customers or its parameters, or when the fits were made on different numbers of customers.
 * @see Burnham, K. P. & Anderson, D. R. (2002), Model Selection and Multimodel Inference, 2nd ed.
 * @example
 * ```ts
 * import { compareModels } from 'customer-metrics';
 * const rows = compareModels({
 *   three: { kind: 'a', parameters: { x: 1, y: 1, z: 1 }, logLikelihood: -100, customers: 50 },
 *   four: { kind: 'b', parameters: { x: 1, y: 1, z: 1, w: 1 }, logLikelihood: -98, customers: 50 },
 * });
 * rows.map((row) => row.aic); // => [206, 204]
 * rows.map((row) => row.deltaAic); // => [2, 0]
 * rows[1].bic; // => ~211.648
 * ```
 */
export function compareModels(fits: Readonly<Record<string, ComparableFit>> | readonly ComparableFit[]): ModelComparisonRow[] {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const issues = new IssueList();
    const entries: [string, unknown, string | number][] = stryMutAct_9fa48("1") ? ["Stryker was here"] : (stryCov_9fa48("1"), []);
    if (stryMutAct_9fa48("3") ? false : stryMutAct_9fa48("2") ? true : (stryCov_9fa48("2", "3"), Array.isArray(fits))) fits.forEach(stryMutAct_9fa48("4") ? () => undefined : (stryCov_9fa48("4"), (fit, i) => entries.push(stryMutAct_9fa48("5") ? [] : (stryCov_9fa48("5"), [(stryMutAct_9fa48("8") ? typeof fit?.kind !== 'string' : stryMutAct_9fa48("7") ? false : stryMutAct_9fa48("6") ? true : (stryCov_9fa48("6", "7", "8"), typeof (stryMutAct_9fa48("9") ? fit.kind : (stryCov_9fa48("9"), fit?.kind)) === (stryMutAct_9fa48("10") ? "" : (stryCov_9fa48("10"), 'string')))) ? fit.kind : String(i), fit, i]))));else if (stryMutAct_9fa48("13") ? typeof fits === 'object' || fits !== null : stryMutAct_9fa48("12") ? false : stryMutAct_9fa48("11") ? true : (stryCov_9fa48("11", "12", "13"), (stryMutAct_9fa48("15") ? typeof fits !== 'object' : stryMutAct_9fa48("14") ? true : (stryCov_9fa48("14", "15"), typeof fits === (stryMutAct_9fa48("16") ? "" : (stryCov_9fa48("16"), 'object')))) && (stryMutAct_9fa48("18") ? fits === null : stryMutAct_9fa48("17") ? true : (stryCov_9fa48("17", "18"), fits !== null)))) for (const [name, fit] of Object.entries(fits)) entries.push(stryMutAct_9fa48("19") ? [] : (stryCov_9fa48("19"), [name, fit, name]));else issues.add(stryMutAct_9fa48("20") ? "" : (stryCov_9fa48("20"), 'invalid_type'), stryMutAct_9fa48("21") ? [] : (stryCov_9fa48("21"), [stryMutAct_9fa48("22") ? "" : (stryCov_9fa48("22"), 'fits')]), (stryMutAct_9fa48("25") ? fits !== undefined : stryMutAct_9fa48("24") ? false : stryMutAct_9fa48("23") ? true : (stryCov_9fa48("23", "24", "25"), fits === undefined)) ? stryMutAct_9fa48("26") ? "" : (stryCov_9fa48("26"), 'is required') : stryMutAct_9fa48("27") ? "" : (stryCov_9fa48("27"), 'must be a record or an array of fitted models'));
    if (stryMutAct_9fa48("30") ? issues.isEmpty || entries.length === 0 : stryMutAct_9fa48("29") ? false : stryMutAct_9fa48("28") ? true : (stryCov_9fa48("28", "29", "30"), issues.isEmpty && (stryMutAct_9fa48("32") ? entries.length !== 0 : stryMutAct_9fa48("31") ? true : (stryCov_9fa48("31", "32"), entries.length === 0)))) issues.add(stryMutAct_9fa48("33") ? "" : (stryCov_9fa48("33"), 'too_small'), stryMutAct_9fa48("34") ? [] : (stryCov_9fa48("34"), [stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), 'fits')]), stryMutAct_9fa48("36") ? "" : (stryCov_9fa48("36"), 'must have at least 1 item'));
    const rows: Omit<ModelComparisonRow, 'deltaAic' | 'deltaBic'>[] = stryMutAct_9fa48("37") ? ["Stryker was here"] : (stryCov_9fa48("37"), []);
    let sampleSize: number | undefined;
    for (const [name, fit, key] of entries) {
      if (stryMutAct_9fa48("38")) {
        {}
      } else {
        stryCov_9fa48("38");
        if (stryMutAct_9fa48("41") ? typeof fit !== 'object' && fit === null : stryMutAct_9fa48("40") ? false : stryMutAct_9fa48("39") ? true : (stryCov_9fa48("39", "40", "41"), (stryMutAct_9fa48("43") ? typeof fit === 'object' : stryMutAct_9fa48("42") ? false : (stryCov_9fa48("42", "43"), typeof fit !== (stryMutAct_9fa48("44") ? "" : (stryCov_9fa48("44"), 'object')))) || (stryMutAct_9fa48("46") ? fit !== null : stryMutAct_9fa48("45") ? false : (stryCov_9fa48("45", "46"), fit === null)))) {
          if (stryMutAct_9fa48("47")) {
            {}
          } else {
            stryCov_9fa48("47");
            issues.add(stryMutAct_9fa48("48") ? "" : (stryCov_9fa48("48"), 'invalid_type'), stryMutAct_9fa48("49") ? [] : (stryCov_9fa48("49"), [stryMutAct_9fa48("50") ? "" : (stryCov_9fa48("50"), 'fits'), key]), stryMutAct_9fa48("51") ? "" : (stryCov_9fa48("51"), 'must be a fitted model'));
            continue;
          }
        }
        const f = fit as Partial<ComparableFit>;
        let ok = stryMutAct_9fa48("52") ? false : (stryCov_9fa48("52"), true);
        if (stryMutAct_9fa48("55") ? typeof f.kind === 'string' : stryMutAct_9fa48("54") ? false : stryMutAct_9fa48("53") ? true : (stryCov_9fa48("53", "54", "55"), typeof f.kind !== (stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), 'string')))) {
          if (stryMutAct_9fa48("57")) {
            {}
          } else {
            stryCov_9fa48("57");
            issues.add(stryMutAct_9fa48("58") ? "" : (stryCov_9fa48("58"), 'invalid_type'), stryMutAct_9fa48("59") ? [] : (stryCov_9fa48("59"), [stryMutAct_9fa48("60") ? "" : (stryCov_9fa48("60"), 'fits'), key, stryMutAct_9fa48("61") ? "" : (stryCov_9fa48("61"), 'kind')]), stryMutAct_9fa48("62") ? "" : (stryCov_9fa48("62"), 'must be a string'));
            ok = stryMutAct_9fa48("63") ? true : (stryCov_9fa48("63"), false);
          }
        }
        const parameterCount = (stryMutAct_9fa48("66") ? typeof f.parameters === 'object' || f.parameters !== null : stryMutAct_9fa48("65") ? false : stryMutAct_9fa48("64") ? true : (stryCov_9fa48("64", "65", "66"), (stryMutAct_9fa48("68") ? typeof f.parameters !== 'object' : stryMutAct_9fa48("67") ? true : (stryCov_9fa48("67", "68"), typeof f.parameters === (stryMutAct_9fa48("69") ? "" : (stryCov_9fa48("69"), 'object')))) && (stryMutAct_9fa48("71") ? f.parameters === null : stryMutAct_9fa48("70") ? true : (stryCov_9fa48("70", "71"), f.parameters !== null)))) ? Object.keys(f.parameters).length : 0;
        if (stryMutAct_9fa48("74") ? parameterCount !== 0 : stryMutAct_9fa48("73") ? false : stryMutAct_9fa48("72") ? true : (stryCov_9fa48("72", "73", "74"), parameterCount === 0)) {
          if (stryMutAct_9fa48("75")) {
            {}
          } else {
            stryCov_9fa48("75");
            issues.add(stryMutAct_9fa48("76") ? "" : (stryCov_9fa48("76"), 'invalid_type'), stryMutAct_9fa48("77") ? [] : (stryCov_9fa48("77"), [stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), 'fits'), key, stryMutAct_9fa48("79") ? "" : (stryCov_9fa48("79"), 'parameters')]), stryMutAct_9fa48("80") ? "" : (stryCov_9fa48("80"), 'must be an object with at least one parameter'));
            ok = stryMutAct_9fa48("81") ? true : (stryCov_9fa48("81"), false);
          }
        }
        if (stryMutAct_9fa48("84") ? false : stryMutAct_9fa48("83") ? true : stryMutAct_9fa48("82") ? checkNumber(f.logLikelihood, ['fits', key, 'logLikelihood'], {}, issues) : (stryCov_9fa48("82", "83", "84"), !checkNumber(f.logLikelihood, stryMutAct_9fa48("85") ? [] : (stryCov_9fa48("85"), [stryMutAct_9fa48("86") ? "" : (stryCov_9fa48("86"), 'fits'), key, stryMutAct_9fa48("87") ? "" : (stryCov_9fa48("87"), 'logLikelihood')]), {}, issues))) ok = stryMutAct_9fa48("88") ? true : (stryCov_9fa48("88"), false);
        if (stryMutAct_9fa48("91") ? false : stryMutAct_9fa48("90") ? true : stryMutAct_9fa48("89") ? checkNumber(f.customers, ['fits', key, 'customers'], {
          greaterThan: 0
        }, issues) : (stryCov_9fa48("89", "90", "91"), !checkNumber(f.customers, stryMutAct_9fa48("92") ? [] : (stryCov_9fa48("92"), [stryMutAct_9fa48("93") ? "" : (stryCov_9fa48("93"), 'fits'), key, stryMutAct_9fa48("94") ? "" : (stryCov_9fa48("94"), 'customers')]), stryMutAct_9fa48("95") ? {} : (stryCov_9fa48("95"), {
          greaterThan: 0
        }), issues))) ok = stryMutAct_9fa48("96") ? true : (stryCov_9fa48("96"), false);else if (stryMutAct_9fa48("99") ? sampleSize !== undefined : stryMutAct_9fa48("98") ? false : stryMutAct_9fa48("97") ? true : (stryCov_9fa48("97", "98", "99"), sampleSize === undefined)) sampleSize = f.customers;else if (stryMutAct_9fa48("102") ? f.customers === sampleSize : stryMutAct_9fa48("101") ? false : stryMutAct_9fa48("100") ? true : (stryCov_9fa48("100", "101", "102"), f.customers !== sampleSize)) {
          if (stryMutAct_9fa48("103")) {
            {}
          } else {
            stryCov_9fa48("103");
            issues.add(stryMutAct_9fa48("104") ? "" : (stryCov_9fa48("104"), 'invalid_structure'), stryMutAct_9fa48("105") ? [] : (stryCov_9fa48("105"), [stryMutAct_9fa48("106") ? "" : (stryCov_9fa48("106"), 'fits'), key, stryMutAct_9fa48("107") ? "" : (stryCov_9fa48("107"), 'customers')]), stryMutAct_9fa48("108") ? "" : (stryCov_9fa48("108"), 'must equal the other fits\' number of customers (AIC and BIC compare fits of the same data)'));
            ok = stryMutAct_9fa48("109") ? true : (stryCov_9fa48("109"), false);
          }
        }
        if (stryMutAct_9fa48("112") ? false : stryMutAct_9fa48("111") ? true : stryMutAct_9fa48("110") ? ok : (stryCov_9fa48("110", "111", "112"), !ok)) continue;
        const ll = f.logLikelihood as number;
        const n = f.customers as number;
        rows.push(stryMutAct_9fa48("113") ? {} : (stryCov_9fa48("113"), {
          name,
          kind: f.kind as string,
          parameterCount,
          customers: n,
          logLikelihood: ll,
          aic: stryMutAct_9fa48("114") ? 2 * parameterCount + 2 * ll : (stryCov_9fa48("114"), (stryMutAct_9fa48("115") ? 2 / parameterCount : (stryCov_9fa48("115"), 2 * parameterCount)) - (stryMutAct_9fa48("116") ? 2 / ll : (stryCov_9fa48("116"), 2 * ll))),
          bic: stryMutAct_9fa48("117") ? parameterCount * Math.log(n) + 2 * ll : (stryCov_9fa48("117"), (stryMutAct_9fa48("118") ? parameterCount / Math.log(n) : (stryCov_9fa48("118"), parameterCount * Math.log(n))) - (stryMutAct_9fa48("119") ? 2 / ll : (stryCov_9fa48("119"), 2 * ll)))
        }));
      }
    }
    issues.throwIfAny();
    const bestAic = stryMutAct_9fa48("120") ? Math.max(...rows.map(r => r.aic)) : (stryCov_9fa48("120"), Math.min(...rows.map(stryMutAct_9fa48("121") ? () => undefined : (stryCov_9fa48("121"), r => r.aic))));
    const bestBic = stryMutAct_9fa48("122") ? Math.max(...rows.map(r => r.bic)) : (stryCov_9fa48("122"), Math.min(...rows.map(stryMutAct_9fa48("123") ? () => undefined : (stryCov_9fa48("123"), r => r.bic))));
    return rows.map(stryMutAct_9fa48("124") ? () => undefined : (stryCov_9fa48("124"), r => stryMutAct_9fa48("125") ? {} : (stryCov_9fa48("125"), {
      ...r,
      deltaAic: stryMutAct_9fa48("126") ? r.aic + bestAic : (stryCov_9fa48("126"), r.aic - bestAic),
      deltaBic: stryMutAct_9fa48("127") ? r.bic + bestBic : (stryCov_9fa48("127"), r.bic - bestBic)
    })));
  }
}