/**
 * Boundary checks of model arguments shared by the BG/BB and sBG prediction functions: a model is
 * any object whose `parameters` hold the model's positive, finite parameters (a fit result, or
 * parameters typed in from a paper).
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
import { checkNumber, type IssueList } from '../../_lib/validate.js';

/**
 * Checks that `value.kind`, when present, is `kind`, and `value.parameters[name] > 0` for each name, recording issues under `[param, 'parameters', name]`.
 *
 * @returns the parameters when all are valid.
 */
export function checkModelParameters<K extends string>(value: unknown, param: string, kind: string, names: readonly K[], issues: IssueList): Record<K, number> | undefined {
  if (stryMutAct_9fa48("22")) {
    {}
  } else {
    stryCov_9fa48("22");
    if (stryMutAct_9fa48("25") ? typeof value !== 'object' && value === null : stryMutAct_9fa48("24") ? false : stryMutAct_9fa48("23") ? true : (stryCov_9fa48("23", "24", "25"), (stryMutAct_9fa48("27") ? typeof value === 'object' : stryMutAct_9fa48("26") ? false : (stryCov_9fa48("26", "27"), typeof value !== (stryMutAct_9fa48("28") ? "" : (stryCov_9fa48("28"), 'object')))) || (stryMutAct_9fa48("30") ? value !== null : stryMutAct_9fa48("29") ? false : (stryCov_9fa48("29", "30"), value === null)))) {
      if (stryMutAct_9fa48("31")) {
        {}
      } else {
        stryCov_9fa48("31");
        issues.add(stryMutAct_9fa48("32") ? "" : (stryCov_9fa48("32"), 'invalid_type'), stryMutAct_9fa48("33") ? [] : (stryCov_9fa48("33"), [param]), (stryMutAct_9fa48("36") ? value !== undefined : stryMutAct_9fa48("35") ? false : stryMutAct_9fa48("34") ? true : (stryCov_9fa48("34", "35", "36"), value === undefined)) ? stryMutAct_9fa48("37") ? "" : (stryCov_9fa48("37"), 'is required') : stryMutAct_9fa48("38") ? "" : (stryCov_9fa48("38"), 'must be a fitted model or an object with parameters'));
        return undefined;
      }
    }
    const declared = (value as {
      kind?: unknown;
    }).kind;
    if (stryMutAct_9fa48("41") ? declared !== undefined || declared !== kind : stryMutAct_9fa48("40") ? false : stryMutAct_9fa48("39") ? true : (stryCov_9fa48("39", "40", "41"), (stryMutAct_9fa48("43") ? declared === undefined : stryMutAct_9fa48("42") ? true : (stryCov_9fa48("42", "43"), declared !== undefined)) && (stryMutAct_9fa48("45") ? declared === kind : stryMutAct_9fa48("44") ? true : (stryCov_9fa48("44", "45"), declared !== kind)))) {
      if (stryMutAct_9fa48("46")) {
        {}
      } else {
        stryCov_9fa48("46");
        issues.add(stryMutAct_9fa48("47") ? "" : (stryCov_9fa48("47"), 'invalid_value'), stryMutAct_9fa48("48") ? [] : (stryCov_9fa48("48"), [param, stryMutAct_9fa48("49") ? "" : (stryCov_9fa48("49"), 'kind')]), stryMutAct_9fa48("50") ? `` : (stryCov_9fa48("50"), `must be '${kind}' (a model of another kind was given)`));
        return undefined;
      }
    }
    const parameters = (value as {
      parameters?: unknown;
    }).parameters;
    if (stryMutAct_9fa48("53") ? typeof parameters !== 'object' && parameters === null : stryMutAct_9fa48("52") ? false : stryMutAct_9fa48("51") ? true : (stryCov_9fa48("51", "52", "53"), (stryMutAct_9fa48("55") ? typeof parameters === 'object' : stryMutAct_9fa48("54") ? false : (stryCov_9fa48("54", "55"), typeof parameters !== (stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), 'object')))) || (stryMutAct_9fa48("58") ? parameters !== null : stryMutAct_9fa48("57") ? false : (stryCov_9fa48("57", "58"), parameters === null)))) {
      if (stryMutAct_9fa48("59")) {
        {}
      } else {
        stryCov_9fa48("59");
        issues.add(stryMutAct_9fa48("60") ? "" : (stryCov_9fa48("60"), 'invalid_type'), stryMutAct_9fa48("61") ? [] : (stryCov_9fa48("61"), [param, stryMutAct_9fa48("62") ? "" : (stryCov_9fa48("62"), 'parameters')]), (stryMutAct_9fa48("65") ? parameters !== undefined : stryMutAct_9fa48("64") ? false : stryMutAct_9fa48("63") ? true : (stryCov_9fa48("63", "64", "65"), parameters === undefined)) ? stryMutAct_9fa48("66") ? "" : (stryCov_9fa48("66"), 'is required') : stryMutAct_9fa48("67") ? "" : (stryCov_9fa48("67"), 'must be an object'));
        return undefined;
      }
    }
    let ok = stryMutAct_9fa48("68") ? false : (stryCov_9fa48("68"), true);
    const out = {} as Record<K, number>;
    for (const name of names) {
      if (stryMutAct_9fa48("69")) {
        {}
      } else {
        stryCov_9fa48("69");
        const v = (parameters as Record<string, unknown>)[name];
        if (stryMutAct_9fa48("71") ? false : stryMutAct_9fa48("70") ? true : (stryCov_9fa48("70", "71"), checkNumber(v, stryMutAct_9fa48("72") ? [] : (stryCov_9fa48("72"), [param, stryMutAct_9fa48("73") ? "" : (stryCov_9fa48("73"), 'parameters'), name]), stryMutAct_9fa48("74") ? {} : (stryCov_9fa48("74"), {
          greaterThan: 0
        }), issues))) out[name] = v;else ok = stryMutAct_9fa48("75") ? true : (stryCov_9fa48("75"), false);
      }
    }
    return ok ? out : undefined;
  }
}