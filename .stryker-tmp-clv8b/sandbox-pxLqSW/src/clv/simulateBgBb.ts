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
import { IssueList, numberSchema, parseInput, z } from '../_lib/validate.js';
import { checkModelParameters } from './_internal/modelChecks.js';
import { betaSample, seededUniform } from './_internal/sampling.js';
import type { BgBbParameters } from './fitBgBb.js';

/** Options of {@link simulateBgBb}. */
export interface SimulateBgBbOptions {
  /** How many customers to simulate (at most 10 million). Required. */
  customers: number;
  /** The number of transaction opportunities n each customer has after the first transaction. Required. */
  opportunities: number;
  /**
   * The seed of the random generator: the same seed gives the same customers.
   *
   * @defaultValue 1
   */
  seed?: number;
}

/** One simulated customer: her summary and the hidden truth behind it. */
export interface SimulatedBgBbCustomer {
  /** Number of opportunities with a transaction. */
  readonly frequency: number;
  /** The last opportunity with a transaction (0 when none). */
  readonly recency: number;
  /** The number of opportunities. */
  readonly n: number;
  /** Whether the customer is still alive at opportunity n + 1 (not observable in real data). */
  readonly aliveNext: boolean;
  /** Her transaction probability p. */
  readonly p: number;
  /** Her dropout probability theta. */
  readonly theta: number;
}
const schema = z.strictObject(stryMutAct_9fa48("1239") ? {} : (stryCov_9fa48("1239"), {
  customers: numberSchema(stryMutAct_9fa48("1240") ? {} : (stryCov_9fa48("1240"), {
    integer: stryMutAct_9fa48("1241") ? false : (stryCov_9fa48("1241"), true),
    min: 1,
    max: 10_000_000
  })),
  opportunities: numberSchema(stryMutAct_9fa48("1242") ? {} : (stryCov_9fa48("1242"), {
    integer: stryMutAct_9fa48("1243") ? false : (stryCov_9fa48("1243"), true),
    min: 0,
    max: 100_000
  })),
  seed: numberSchema(stryMutAct_9fa48("1244") ? {} : (stryCov_9fa48("1244"), {
    integer: stryMutAct_9fa48("1245") ? false : (stryCov_9fa48("1245"), true),
    min: 0,
    max: 4294967295
  })).optional()
}));

/**
 * Simulates customers of the BG/BB model: the data a BG/BB fit should recover its parameters from.
 *
 * Definition: each customer draws p ~ Beta(alpha, beta) and theta ~ Beta(gamma, delta). Before each
 * opportunity t = 1 .. n a living customer dies with probability theta; a living customer transacts
 * at opportunity t with probability p. Also decided: whether she survives to opportunity n + 1
 * (`aliveNext`), so that P(alive) can be checked against the truth.
 *
 * Cost: O(customers * opportunities) in the worst case (every customer stays alive).
 *
 * ## Method
 * mulberry32 uniforms; Beta deviates from two Gamma deviates (Marsaglia & Tsang), in logs so that
 * extreme parameters neither underflow nor give NaN.
 *
 * ## Accuracy
 * Exact sampling up to the generator's 2^-32 resolution.
 *
 * @param model - A fitted model ({@link fitBgBb}) or `{ parameters: { alpha, beta, gamma, delta } }`.
 * @param options - See {@link SimulateBgBbOptions}.
 * @returns One row per customer; rows can be passed to {@link fitBgBb} as they are.
 * @throws {@link MetricsInputError} for invalid parameters or options.
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010), Marketing Science 29(6), section 3.
 * @example
 * ```ts
 * import { simulateBgBb } from 'customer-metrics';
 * const rows = simulateBgBb({ parameters: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } }, { customers: 3, opportunities: 6, seed: 42 });
 * rows.length; // => 3
 * rows.every((row) => row.n === 6 && row.frequency <= row.recency); // => true
 * ```
 */
export function simulateBgBb(model: {
  readonly parameters: BgBbParameters;
}, options: SimulateBgBbOptions): SimulatedBgBbCustomer[] {
  if (stryMutAct_9fa48("1246")) {
    {}
  } else {
    stryCov_9fa48("1246");
    const issues = new IssueList();
    const params = checkModelParameters(model, stryMutAct_9fa48("1247") ? "" : (stryCov_9fa48("1247"), 'model'), stryMutAct_9fa48("1248") ? "" : (stryCov_9fa48("1248"), 'bg-bb'), stryMutAct_9fa48("1249") ? [] : (stryCov_9fa48("1249"), [stryMutAct_9fa48("1250") ? "" : (stryCov_9fa48("1250"), 'alpha'), stryMutAct_9fa48("1251") ? "" : (stryCov_9fa48("1251"), 'beta'), stryMutAct_9fa48("1252") ? "" : (stryCov_9fa48("1252"), 'gamma'), stryMutAct_9fa48("1253") ? "" : (stryCov_9fa48("1253"), 'delta')]), issues);
    const opts = parseInput(schema, options, stryMutAct_9fa48("1254") ? "" : (stryCov_9fa48("1254"), 'options'), issues);
    issues.throwIfAny();
    const {
      alpha,
      beta,
      gamma,
      delta
    } = params as BgBbParameters;
    const {
      customers,
      opportunities: n,
      seed = 1
    } = opts as SimulateBgBbOptions;
    const random = seededUniform(seed);
    const out: SimulatedBgBbCustomer[] = stryMutAct_9fa48("1255") ? new Array() : (stryCov_9fa48("1255"), new Array(customers));
    for (let i = 0; stryMutAct_9fa48("1258") ? i >= customers : stryMutAct_9fa48("1257") ? i <= customers : stryMutAct_9fa48("1256") ? false : (stryCov_9fa48("1256", "1257", "1258"), i < customers); stryMutAct_9fa48("1259") ? i-- : (stryCov_9fa48("1259"), i++)) {
      if (stryMutAct_9fa48("1260")) {
        {}
      } else {
        stryCov_9fa48("1260");
        const p = betaSample(alpha, beta, random);
        const theta = betaSample(gamma, delta, random);
        let x = 0;
        let tx = 0;
        let alive = stryMutAct_9fa48("1261") ? false : (stryCov_9fa48("1261"), true);
        for (let t = 1; stryMutAct_9fa48("1264") ? t > n : stryMutAct_9fa48("1263") ? t < n : stryMutAct_9fa48("1262") ? false : (stryCov_9fa48("1262", "1263", "1264"), t <= n); stryMutAct_9fa48("1265") ? t-- : (stryCov_9fa48("1265"), t++)) {
          if (stryMutAct_9fa48("1266")) {
            {}
          } else {
            stryCov_9fa48("1266");
            if (stryMutAct_9fa48("1270") ? random() >= theta : stryMutAct_9fa48("1269") ? random() <= theta : stryMutAct_9fa48("1268") ? false : stryMutAct_9fa48("1267") ? true : (stryCov_9fa48("1267", "1268", "1269", "1270"), random() < theta)) {
              if (stryMutAct_9fa48("1271")) {
                {}
              } else {
                stryCov_9fa48("1271");
                alive = stryMutAct_9fa48("1272") ? true : (stryCov_9fa48("1272"), false);
                break;
              }
            }
            if (stryMutAct_9fa48("1276") ? random() >= p : stryMutAct_9fa48("1275") ? random() <= p : stryMutAct_9fa48("1274") ? false : stryMutAct_9fa48("1273") ? true : (stryCov_9fa48("1273", "1274", "1275", "1276"), random() < p)) {
              if (stryMutAct_9fa48("1277")) {
                {}
              } else {
                stryCov_9fa48("1277");
                stryMutAct_9fa48("1278") ? x-- : (stryCov_9fa48("1278"), x++);
                tx = t;
              }
            }
          }
        }
        const aliveNext = stryMutAct_9fa48("1281") ? alive || !(random() < theta) : stryMutAct_9fa48("1280") ? false : stryMutAct_9fa48("1279") ? true : (stryCov_9fa48("1279", "1280", "1281"), alive && (stryMutAct_9fa48("1282") ? random() < theta : (stryCov_9fa48("1282"), !(stryMutAct_9fa48("1286") ? random() >= theta : stryMutAct_9fa48("1285") ? random() <= theta : stryMutAct_9fa48("1284") ? false : stryMutAct_9fa48("1283") ? true : (stryCov_9fa48("1283", "1284", "1285", "1286"), random() < theta)))));
        out[i] = stryMutAct_9fa48("1287") ? {} : (stryCov_9fa48("1287"), {
          frequency: x,
          recency: tx,
          n,
          aliveNext,
          p,
          theta
        });
      }
    }
    return out;
  }
}