/**
 * Boundary checks of BG/BB customer rows `{ frequency, recency, n, weight? }`: a tight loop rather
 * than zod per row, because pattern tables are small but individual rows can number millions.
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

/** Checked rows as columns. */
export interface BgBbColumns {
  x: Float64Array;
  tx: Float64Array;
  n: Float64Array;
  w: Float64Array;
}
const WHOLE = {
  integer: true,
  min: 0
} as const;

/**
 * Checks one row at `path`; records issues and returns whether it is valid. Rules: whole numbers
 * >= 0; frequency <= n and recency <= n; frequency 0 requires recency 0; otherwise
 * recency >= frequency (x transactions need at least x opportunities up to the last one).
 */
export function checkBgBbRow(row: unknown, path: readonly (string | number)[], issues: IssueList, allowWeight: boolean): boolean {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    if (stryMutAct_9fa48("3") ? typeof row !== 'object' && row === null : stryMutAct_9fa48("2") ? false : stryMutAct_9fa48("1") ? true : (stryCov_9fa48("1", "2", "3"), (stryMutAct_9fa48("5") ? typeof row === 'object' : stryMutAct_9fa48("4") ? false : (stryCov_9fa48("4", "5"), typeof row !== (stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), 'object')))) || (stryMutAct_9fa48("8") ? row !== null : stryMutAct_9fa48("7") ? false : (stryCov_9fa48("7", "8"), row === null)))) {
      if (stryMutAct_9fa48("9")) {
        {}
      } else {
        stryCov_9fa48("9");
        issues.add(stryMutAct_9fa48("10") ? "" : (stryCov_9fa48("10"), 'invalid_type'), path, (stryMutAct_9fa48("13") ? row !== undefined : stryMutAct_9fa48("12") ? false : stryMutAct_9fa48("11") ? true : (stryCov_9fa48("11", "12", "13"), row === undefined)) ? stryMutAct_9fa48("14") ? "" : (stryCov_9fa48("14"), 'is required') : stryMutAct_9fa48("15") ? "" : (stryCov_9fa48("15"), 'must be an object with frequency, recency and n'));
        return stryMutAct_9fa48("16") ? true : (stryCov_9fa48("16"), false);
      }
    }
    const r = row as {
      frequency?: unknown;
      recency?: unknown;
      n?: unknown;
      weight?: unknown;
    };
    const okX = checkNumber(r.frequency, stryMutAct_9fa48("17") ? [] : (stryCov_9fa48("17"), [...path, stryMutAct_9fa48("18") ? "" : (stryCov_9fa48("18"), 'frequency')]), WHOLE, issues);
    const okT = checkNumber(r.recency, stryMutAct_9fa48("19") ? [] : (stryCov_9fa48("19"), [...path, stryMutAct_9fa48("20") ? "" : (stryCov_9fa48("20"), 'recency')]), WHOLE, issues);
    const okN = checkNumber(r.n, stryMutAct_9fa48("21") ? [] : (stryCov_9fa48("21"), [...path, stryMutAct_9fa48("22") ? "" : (stryCov_9fa48("22"), 'n')]), stryMutAct_9fa48("23") ? {} : (stryCov_9fa48("23"), {
      integer: stryMutAct_9fa48("24") ? false : (stryCov_9fa48("24"), true),
      min: 0,
      max: 1_000_000
    }), issues);
    let ok = stryMutAct_9fa48("27") ? okX && okT || okN : stryMutAct_9fa48("26") ? false : stryMutAct_9fa48("25") ? true : (stryCov_9fa48("25", "26", "27"), (stryMutAct_9fa48("29") ? okX || okT : stryMutAct_9fa48("28") ? true : (stryCov_9fa48("28", "29"), okX && okT)) && okN);
    if (stryMutAct_9fa48("32") ? allowWeight && r.weight !== undefined || !checkNumber(r.weight, [...path, 'weight'], {
      min: 0
    }, issues) : stryMutAct_9fa48("31") ? false : stryMutAct_9fa48("30") ? true : (stryCov_9fa48("30", "31", "32"), (stryMutAct_9fa48("34") ? allowWeight || r.weight !== undefined : stryMutAct_9fa48("33") ? true : (stryCov_9fa48("33", "34"), allowWeight && (stryMutAct_9fa48("36") ? r.weight === undefined : stryMutAct_9fa48("35") ? true : (stryCov_9fa48("35", "36"), r.weight !== undefined)))) && (stryMutAct_9fa48("37") ? checkNumber(r.weight, [...path, 'weight'], {
      min: 0
    }, issues) : (stryCov_9fa48("37"), !checkNumber(r.weight, stryMutAct_9fa48("38") ? [] : (stryCov_9fa48("38"), [...path, stryMutAct_9fa48("39") ? "" : (stryCov_9fa48("39"), 'weight')]), stryMutAct_9fa48("40") ? {} : (stryCov_9fa48("40"), {
      min: 0
    }), issues))))) ok = stryMutAct_9fa48("41") ? true : (stryCov_9fa48("41"), false);
    if (stryMutAct_9fa48("44") ? false : stryMutAct_9fa48("43") ? true : stryMutAct_9fa48("42") ? ok : (stryCov_9fa48("42", "43", "44"), !ok)) return stryMutAct_9fa48("45") ? true : (stryCov_9fa48("45"), false);
    const x = r.frequency as number;
    const tx = r.recency as number;
    const n = r.n as number;
    if (stryMutAct_9fa48("49") ? x <= n : stryMutAct_9fa48("48") ? x >= n : stryMutAct_9fa48("47") ? false : stryMutAct_9fa48("46") ? true : (stryCov_9fa48("46", "47", "48", "49"), x > n)) {
      if (stryMutAct_9fa48("50")) {
        {}
      } else {
        stryCov_9fa48("50");
        issues.add(stryMutAct_9fa48("51") ? "" : (stryCov_9fa48("51"), 'too_big'), stryMutAct_9fa48("52") ? [] : (stryCov_9fa48("52"), [...path, stryMutAct_9fa48("53") ? "" : (stryCov_9fa48("53"), 'frequency')]), stryMutAct_9fa48("54") ? "" : (stryCov_9fa48("54"), 'must be at most n, the number of transaction opportunities'));
        ok = stryMutAct_9fa48("55") ? true : (stryCov_9fa48("55"), false);
      }
    }
    if (stryMutAct_9fa48("59") ? tx <= n : stryMutAct_9fa48("58") ? tx >= n : stryMutAct_9fa48("57") ? false : stryMutAct_9fa48("56") ? true : (stryCov_9fa48("56", "57", "58", "59"), tx > n)) {
      if (stryMutAct_9fa48("60")) {
        {}
      } else {
        stryCov_9fa48("60");
        issues.add(stryMutAct_9fa48("61") ? "" : (stryCov_9fa48("61"), 'too_big'), stryMutAct_9fa48("62") ? [] : (stryCov_9fa48("62"), [...path, stryMutAct_9fa48("63") ? "" : (stryCov_9fa48("63"), 'recency')]), stryMutAct_9fa48("64") ? "" : (stryCov_9fa48("64"), 'must be at most n, the number of transaction opportunities'));
        ok = stryMutAct_9fa48("65") ? true : (stryCov_9fa48("65"), false);
      }
    }
    if (stryMutAct_9fa48("68") ? false : stryMutAct_9fa48("67") ? true : stryMutAct_9fa48("66") ? ok : (stryCov_9fa48("66", "67", "68"), !ok)) return stryMutAct_9fa48("69") ? true : (stryCov_9fa48("69"), false);
    if (stryMutAct_9fa48("72") ? x === 0 || tx !== 0 : stryMutAct_9fa48("71") ? false : stryMutAct_9fa48("70") ? true : (stryCov_9fa48("70", "71", "72"), (stryMutAct_9fa48("74") ? x !== 0 : stryMutAct_9fa48("73") ? true : (stryCov_9fa48("73", "74"), x === 0)) && (stryMutAct_9fa48("76") ? tx === 0 : stryMutAct_9fa48("75") ? true : (stryCov_9fa48("75", "76"), tx !== 0)))) {
      if (stryMutAct_9fa48("77")) {
        {}
      } else {
        stryCov_9fa48("77");
        issues.add(stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), 'invalid_structure'), stryMutAct_9fa48("79") ? [] : (stryCov_9fa48("79"), [...path, stryMutAct_9fa48("80") ? "" : (stryCov_9fa48("80"), 'recency')]), stryMutAct_9fa48("81") ? "" : (stryCov_9fa48("81"), 'must be 0 when frequency is 0'));
        ok = stryMutAct_9fa48("82") ? true : (stryCov_9fa48("82"), false);
      }
    } else if (stryMutAct_9fa48("85") ? x > 0 || tx < x : stryMutAct_9fa48("84") ? false : stryMutAct_9fa48("83") ? true : (stryCov_9fa48("83", "84", "85"), (stryMutAct_9fa48("88") ? x <= 0 : stryMutAct_9fa48("87") ? x >= 0 : stryMutAct_9fa48("86") ? true : (stryCov_9fa48("86", "87", "88"), x > 0)) && (stryMutAct_9fa48("91") ? tx >= x : stryMutAct_9fa48("90") ? tx <= x : stryMutAct_9fa48("89") ? true : (stryCov_9fa48("89", "90", "91"), tx < x)))) {
      if (stryMutAct_9fa48("92")) {
        {}
      } else {
        stryCov_9fa48("92");
        issues.add(stryMutAct_9fa48("93") ? "" : (stryCov_9fa48("93"), 'invalid_structure'), stryMutAct_9fa48("94") ? [] : (stryCov_9fa48("94"), [...path, stryMutAct_9fa48("95") ? "" : (stryCov_9fa48("95"), 'recency')]), stryMutAct_9fa48("96") ? "" : (stryCov_9fa48("96"), 'must be at least frequency (the last transaction opportunity)'));
        ok = stryMutAct_9fa48("97") ? true : (stryCov_9fa48("97"), false);
      }
    }
    return ok;
  }
}

/** Checks an array of rows under `param`; returns columns when all rows are valid. */
export function checkBgBbRows(rows: unknown, param: string, issues: IssueList, minLength: number): BgBbColumns | undefined {
  if (stryMutAct_9fa48("98")) {
    {}
  } else {
    stryCov_9fa48("98");
    if (stryMutAct_9fa48("101") ? false : stryMutAct_9fa48("100") ? true : stryMutAct_9fa48("99") ? Array.isArray(rows) : (stryCov_9fa48("99", "100", "101"), !Array.isArray(rows))) {
      if (stryMutAct_9fa48("102")) {
        {}
      } else {
        stryCov_9fa48("102");
        issues.add(stryMutAct_9fa48("103") ? "" : (stryCov_9fa48("103"), 'invalid_type'), stryMutAct_9fa48("104") ? [] : (stryCov_9fa48("104"), [param]), (stryMutAct_9fa48("107") ? rows !== undefined : stryMutAct_9fa48("106") ? false : stryMutAct_9fa48("105") ? true : (stryCov_9fa48("105", "106", "107"), rows === undefined)) ? stryMutAct_9fa48("108") ? "" : (stryCov_9fa48("108"), 'is required') : stryMutAct_9fa48("109") ? "" : (stryCov_9fa48("109"), 'must be an array'));
        return undefined;
      }
    }
    if (stryMutAct_9fa48("113") ? rows.length >= minLength : stryMutAct_9fa48("112") ? rows.length <= minLength : stryMutAct_9fa48("111") ? false : stryMutAct_9fa48("110") ? true : (stryCov_9fa48("110", "111", "112", "113"), rows.length < minLength)) {
      if (stryMutAct_9fa48("114")) {
        {}
      } else {
        stryCov_9fa48("114");
        issues.add(stryMutAct_9fa48("115") ? "" : (stryCov_9fa48("115"), 'too_small'), stryMutAct_9fa48("116") ? [] : (stryCov_9fa48("116"), [param]), stryMutAct_9fa48("117") ? `` : (stryCov_9fa48("117"), `must have at least ${minLength} item${(stryMutAct_9fa48("120") ? minLength !== 1 : stryMutAct_9fa48("119") ? false : stryMutAct_9fa48("118") ? true : (stryCov_9fa48("118", "119", "120"), minLength === 1)) ? stryMutAct_9fa48("121") ? "Stryker was here!" : (stryCov_9fa48("121"), '') : stryMutAct_9fa48("122") ? "" : (stryCov_9fa48("122"), 's')}`));
        return undefined;
      }
    }
    const size = rows.length;
    const cols: BgBbColumns = stryMutAct_9fa48("123") ? {} : (stryCov_9fa48("123"), {
      x: new Float64Array(size),
      tx: new Float64Array(size),
      n: new Float64Array(size),
      w: new Float64Array(size)
    });
    let ok = stryMutAct_9fa48("124") ? false : (stryCov_9fa48("124"), true);
    for (let i = 0; stryMutAct_9fa48("127") ? i >= size : stryMutAct_9fa48("126") ? i <= size : stryMutAct_9fa48("125") ? false : (stryCov_9fa48("125", "126", "127"), i < size); stryMutAct_9fa48("128") ? i-- : (stryCov_9fa48("128"), i++)) {
      if (stryMutAct_9fa48("129")) {
        {}
      } else {
        stryCov_9fa48("129");
        const row = rows[i] as {
          frequency: number;
          recency: number;
          n: number;
          weight?: number;
        };
        // Fast path for the common valid row; anything else is examined field by field.
        if (stryMutAct_9fa48("132") ? typeof row === 'object' || row !== null : stryMutAct_9fa48("131") ? false : stryMutAct_9fa48("130") ? true : (stryCov_9fa48("130", "131", "132"), (stryMutAct_9fa48("134") ? typeof row !== 'object' : stryMutAct_9fa48("133") ? true : (stryCov_9fa48("133", "134"), typeof row === (stryMutAct_9fa48("135") ? "" : (stryCov_9fa48("135"), 'object')))) && (stryMutAct_9fa48("137") ? row === null : stryMutAct_9fa48("136") ? true : (stryCov_9fa48("136", "137"), row !== null)))) {
          if (stryMutAct_9fa48("138")) {
            {}
          } else {
            stryCov_9fa48("138");
            const {
              frequency: x,
              recency: tx,
              n,
              weight
            } = row;
            if (stryMutAct_9fa48("141") ? Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(n) && x >= 0 && n <= 1_000_000 && tx <= n && (x === 0 ? tx === 0 : tx >= x) || weight === undefined || typeof weight === 'number' && weight >= 0 && weight < Infinity : stryMutAct_9fa48("140") ? false : stryMutAct_9fa48("139") ? true : (stryCov_9fa48("139", "140", "141"), (stryMutAct_9fa48("143") ? Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(n) && x >= 0 && n <= 1_000_000 && tx <= n || (x === 0 ? tx === 0 : tx >= x) : stryMutAct_9fa48("142") ? true : (stryCov_9fa48("142", "143"), (stryMutAct_9fa48("145") ? Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(n) && x >= 0 && n <= 1_000_000 || tx <= n : stryMutAct_9fa48("144") ? true : (stryCov_9fa48("144", "145"), (stryMutAct_9fa48("147") ? Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(n) && x >= 0 || n <= 1_000_000 : stryMutAct_9fa48("146") ? true : (stryCov_9fa48("146", "147"), (stryMutAct_9fa48("149") ? Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(n) || x >= 0 : stryMutAct_9fa48("148") ? true : (stryCov_9fa48("148", "149"), (stryMutAct_9fa48("151") ? Number.isInteger(x) && Number.isInteger(tx) || Number.isInteger(n) : stryMutAct_9fa48("150") ? true : (stryCov_9fa48("150", "151"), (stryMutAct_9fa48("153") ? Number.isInteger(x) || Number.isInteger(tx) : stryMutAct_9fa48("152") ? true : (stryCov_9fa48("152", "153"), Number.isInteger(x) && Number.isInteger(tx))) && Number.isInteger(n))) && (stryMutAct_9fa48("156") ? x < 0 : stryMutAct_9fa48("155") ? x > 0 : stryMutAct_9fa48("154") ? true : (stryCov_9fa48("154", "155", "156"), x >= 0)))) && (stryMutAct_9fa48("159") ? n > 1_000_000 : stryMutAct_9fa48("158") ? n < 1_000_000 : stryMutAct_9fa48("157") ? true : (stryCov_9fa48("157", "158", "159"), n <= 1_000_000)))) && (stryMutAct_9fa48("162") ? tx > n : stryMutAct_9fa48("161") ? tx < n : stryMutAct_9fa48("160") ? true : (stryCov_9fa48("160", "161", "162"), tx <= n)))) && ((stryMutAct_9fa48("165") ? x !== 0 : stryMutAct_9fa48("164") ? false : stryMutAct_9fa48("163") ? true : (stryCov_9fa48("163", "164", "165"), x === 0)) ? stryMutAct_9fa48("168") ? tx !== 0 : stryMutAct_9fa48("167") ? false : stryMutAct_9fa48("166") ? true : (stryCov_9fa48("166", "167", "168"), tx === 0) : stryMutAct_9fa48("172") ? tx < x : stryMutAct_9fa48("171") ? tx > x : stryMutAct_9fa48("170") ? false : stryMutAct_9fa48("169") ? true : (stryCov_9fa48("169", "170", "171", "172"), tx >= x)))) && (stryMutAct_9fa48("174") ? weight === undefined && typeof weight === 'number' && weight >= 0 && weight < Infinity : stryMutAct_9fa48("173") ? true : (stryCov_9fa48("173", "174"), (stryMutAct_9fa48("176") ? weight !== undefined : stryMutAct_9fa48("175") ? false : (stryCov_9fa48("175", "176"), weight === undefined)) || (stryMutAct_9fa48("178") ? typeof weight === 'number' && weight >= 0 || weight < Infinity : stryMutAct_9fa48("177") ? false : (stryCov_9fa48("177", "178"), (stryMutAct_9fa48("180") ? typeof weight === 'number' || weight >= 0 : stryMutAct_9fa48("179") ? true : (stryCov_9fa48("179", "180"), (stryMutAct_9fa48("182") ? typeof weight !== 'number' : stryMutAct_9fa48("181") ? true : (stryCov_9fa48("181", "182"), typeof weight === (stryMutAct_9fa48("183") ? "" : (stryCov_9fa48("183"), 'number')))) && (stryMutAct_9fa48("186") ? weight < 0 : stryMutAct_9fa48("185") ? weight > 0 : stryMutAct_9fa48("184") ? true : (stryCov_9fa48("184", "185", "186"), weight >= 0)))) && (stryMutAct_9fa48("189") ? weight >= Infinity : stryMutAct_9fa48("188") ? weight <= Infinity : stryMutAct_9fa48("187") ? true : (stryCov_9fa48("187", "188", "189"), weight < Infinity)))))))) {
              if (stryMutAct_9fa48("190")) {
                {}
              } else {
                stryCov_9fa48("190");
                cols.x[i] = x;
                cols.tx[i] = tx;
                cols.n[i] = n;
                cols.w[i] = stryMutAct_9fa48("191") ? weight && 1 : (stryCov_9fa48("191"), weight ?? 1);
                continue;
              }
            }
          }
        }
        if (stryMutAct_9fa48("194") ? false : stryMutAct_9fa48("193") ? true : stryMutAct_9fa48("192") ? checkBgBbRow(row, [param, i], issues, true) : (stryCov_9fa48("192", "193", "194"), !checkBgBbRow(row, stryMutAct_9fa48("195") ? [] : (stryCov_9fa48("195"), [param, i]), issues, stryMutAct_9fa48("196") ? false : (stryCov_9fa48("196"), true)))) {
          if (stryMutAct_9fa48("197")) {
            {}
          } else {
            stryCov_9fa48("197");
            ok = stryMutAct_9fa48("198") ? true : (stryCov_9fa48("198"), false);
            continue;
          }
        }
        cols.x[i] = row.frequency;
        cols.tx[i] = row.recency;
        cols.n[i] = row.n;
        cols.w[i] = stryMutAct_9fa48("199") ? row.weight && 1 : (stryCov_9fa48("199"), row.weight ?? 1);
      }
    }
    return ok ? cols : undefined;
  }
}