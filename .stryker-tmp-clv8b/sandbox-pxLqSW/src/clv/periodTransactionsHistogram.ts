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
import { checkHistoryRows, checkTransactionModel } from './_internal/transactionInput.js';
import type { TransactionModelSpec } from './_internal/transactionModels.js';
import type { SummaryPattern } from './compressSummaries.js';

/** Options of {@link periodTransactionsHistogram}. */
export interface PeriodTransactionsHistogramOptions {
  /**
   * Frequencies from this value up are pooled into the last bin.
   *
   * @defaultValue 7
   */
  maxFrequency?: number;
}

/** One bin of {@link periodTransactionsHistogram}. */
export interface PeriodTransactionsBin {
  /** The number of repeat purchases (the last bin: this many or more). */
  readonly frequency: number;
  /** Customers observed with that many repeat purchases (weights counted). */
  readonly actual: number;
  /** Customers the model expects with that many: sum_i w_i P(X(T_i) = frequency). */
  readonly expected: number;
}

/**
 * The in-sample check of a transaction model: how many customers made 0, 1, 2, ... repeat
 * purchases during their observation, next to how many the model expects (the "period
 * transactions" plot as data).
 *
 * Definition: `actual` counts the customers (weights included) by frequency; `expected` adds up,
 * over customers, the model's probability P(X(T_i) = k) that a customer observed for T_i makes k
 * repeat purchases. The last bin pools k >= maxFrequency (its expected value is the total minus the
 * other bins), so both columns add up to the number of customers. Computed exactly from the model
 * rather than by simulation (lifetimes simulates).
 *
 * Cost: O(customers * maxFrequency) model evaluations (compress identical rows first for speed).
 *
 * @param model - A fitted transaction model (`kind`, `parameters`).
 * @param customers - The calibration rows `{ frequency, recency, T, weight? }` the model was fitted on.
 * @param options - See {@link PeriodTransactionsHistogramOptions}.
 * @returns One bin per frequency 0 .. maxFrequency.
 * @throws {@link MetricsInputError} for an invalid model, rows or options.
 * @see lifetimes' `plot_period_transactions`; Fader, Hardie & Lee (2005), Figure 1.
 * @example
 * ```ts
 * import { periodTransactionsHistogram } from 'customer-metrics';
 * const model = { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * const bins = periodTransactionsHistogram(model, [{ frequency: 0, recency: 0, T: 39, weight: 3 }, { frequency: 2, recency: 30, T: 39 }], { maxFrequency: 2 });
 * bins.map((bin) => bin.actual); // => [3, 0, 1]
 * bins.reduce((sum, bin) => sum + bin.expected, 0); // => ~4
 * ```
 */
export function periodTransactionsHistogram(model: TransactionModelSpec, customers: readonly SummaryPattern[], options?: PeriodTransactionsHistogramOptions): PeriodTransactionsBin[] {
  if (stryMutAct_9fa48("864")) {
    {}
  } else {
    stryCov_9fa48("864");
    const issues = new IssueList();
    const m = checkTransactionModel(model, stryMutAct_9fa48("865") ? "" : (stryCov_9fa48("865"), 'model'), issues);
    const cols = checkHistoryRows(customers, stryMutAct_9fa48("866") ? "" : (stryCov_9fa48("866"), 'customers'), issues, stryMutAct_9fa48("867") ? {} : (stryCov_9fa48("867"), {
      weights: stryMutAct_9fa48("868") ? false : (stryCov_9fa48("868"), true),
      minRows: 1
    }));
    let maxFrequency = 7;
    if (stryMutAct_9fa48("871") ? options === undefined : stryMutAct_9fa48("870") ? false : stryMutAct_9fa48("869") ? true : (stryCov_9fa48("869", "870", "871"), options !== undefined)) {
      if (stryMutAct_9fa48("872")) {
        {}
      } else {
        stryCov_9fa48("872");
        if (stryMutAct_9fa48("875") ? typeof options !== 'object' && options === null : stryMutAct_9fa48("874") ? false : stryMutAct_9fa48("873") ? true : (stryCov_9fa48("873", "874", "875"), (stryMutAct_9fa48("877") ? typeof options === 'object' : stryMutAct_9fa48("876") ? false : (stryCov_9fa48("876", "877"), typeof options !== (stryMutAct_9fa48("878") ? "" : (stryCov_9fa48("878"), 'object')))) || (stryMutAct_9fa48("880") ? options !== null : stryMutAct_9fa48("879") ? false : (stryCov_9fa48("879", "880"), options === null)))) issues.add(stryMutAct_9fa48("881") ? "" : (stryCov_9fa48("881"), 'invalid_type'), stryMutAct_9fa48("882") ? [] : (stryCov_9fa48("882"), [stryMutAct_9fa48("883") ? "" : (stryCov_9fa48("883"), 'options')]), stryMutAct_9fa48("884") ? "" : (stryCov_9fa48("884"), 'must be an object'));else {
          if (stryMutAct_9fa48("885")) {
            {}
          } else {
            stryCov_9fa48("885");
            for (const key of Object.keys(options)) if (stryMutAct_9fa48("888") ? key === 'maxFrequency' : stryMutAct_9fa48("887") ? false : stryMutAct_9fa48("886") ? true : (stryCov_9fa48("886", "887", "888"), key !== (stryMutAct_9fa48("889") ? "" : (stryCov_9fa48("889"), 'maxFrequency')))) issues.add(stryMutAct_9fa48("890") ? "" : (stryCov_9fa48("890"), 'unrecognized_key'), stryMutAct_9fa48("891") ? [] : (stryCov_9fa48("891"), [stryMutAct_9fa48("892") ? "" : (stryCov_9fa48("892"), 'options'), key]), stryMutAct_9fa48("893") ? "" : (stryCov_9fa48("893"), 'is not a known option'));
            if (stryMutAct_9fa48("896") ? options.maxFrequency !== undefined || checkNumber(options.maxFrequency, ['options', 'maxFrequency'], {
              integer: true,
              min: 1,
              max: 1000
            }, issues) : stryMutAct_9fa48("895") ? false : stryMutAct_9fa48("894") ? true : (stryCov_9fa48("894", "895", "896"), (stryMutAct_9fa48("898") ? options.maxFrequency === undefined : stryMutAct_9fa48("897") ? true : (stryCov_9fa48("897", "898"), options.maxFrequency !== undefined)) && checkNumber(options.maxFrequency, stryMutAct_9fa48("899") ? [] : (stryCov_9fa48("899"), [stryMutAct_9fa48("900") ? "" : (stryCov_9fa48("900"), 'options'), stryMutAct_9fa48("901") ? "" : (stryCov_9fa48("901"), 'maxFrequency')]), stryMutAct_9fa48("902") ? {} : (stryCov_9fa48("902"), {
              integer: stryMutAct_9fa48("903") ? false : (stryCov_9fa48("903"), true),
              min: 1,
              max: 1000
            }), issues))) maxFrequency = options.maxFrequency;
          }
        }
      }
    }
    issues.throwIfAny();
    const {
      kernel,
      parameters
    } = m as NonNullable<typeof m>;
    const {
      x,
      T,
      w
    } = cols as NonNullable<typeof cols>;
    const actual = (stryMutAct_9fa48("904") ? new Array() : (stryCov_9fa48("904"), new Array<number>(stryMutAct_9fa48("905") ? maxFrequency - 1 : (stryCov_9fa48("905"), maxFrequency + 1)))).fill(0);
    const expected = (stryMutAct_9fa48("906") ? new Array() : (stryCov_9fa48("906"), new Array<number>(stryMutAct_9fa48("907") ? maxFrequency - 1 : (stryCov_9fa48("907"), maxFrequency + 1)))).fill(0);
    let total = 0;
    // Customers with the same T share their probabilities.
    const byT = new Map<number, number>();
    for (let i = 0; stryMutAct_9fa48("910") ? i >= x.length : stryMutAct_9fa48("909") ? i <= x.length : stryMutAct_9fa48("908") ? false : (stryCov_9fa48("908", "909", "910"), i < x.length); stryMutAct_9fa48("911") ? i-- : (stryCov_9fa48("911"), i++)) {
      if (stryMutAct_9fa48("912")) {
        {}
      } else {
        stryCov_9fa48("912");
        const weight = w[i] as number;
        stryMutAct_9fa48("913") ? total -= weight : (stryCov_9fa48("913"), total += weight);
        const bin = stryMutAct_9fa48("914") ? Math.max(x[i] as number, maxFrequency) : (stryCov_9fa48("914"), Math.min(x[i] as number, maxFrequency));
        actual[bin] = stryMutAct_9fa48("915") ? (actual[bin] as number) - weight : (stryCov_9fa48("915"), (actual[bin] as number) + weight);
        byT.set(T[i] as number, stryMutAct_9fa48("916") ? (byT.get(T[i] as number) ?? 0) - weight : (stryCov_9fa48("916"), (stryMutAct_9fa48("917") ? byT.get(T[i] as number) && 0 : (stryCov_9fa48("917"), byT.get(T[i] as number) ?? 0)) + weight));
      }
    }
    for (const [t, weight] of byT) {
      if (stryMutAct_9fa48("918")) {
        {}
      } else {
        stryCov_9fa48("918");
        for (let k = 0; stryMutAct_9fa48("921") ? k >= maxFrequency : stryMutAct_9fa48("920") ? k <= maxFrequency : stryMutAct_9fa48("919") ? false : (stryCov_9fa48("919", "920", "921"), k < maxFrequency); stryMutAct_9fa48("922") ? k-- : (stryCov_9fa48("922"), k++)) expected[k] = stryMutAct_9fa48("923") ? (expected[k] as number) - weight * kernel.purchaseCountProbability(parameters, k, t) : (stryCov_9fa48("923"), (expected[k] as number) + (stryMutAct_9fa48("924") ? weight / kernel.purchaseCountProbability(parameters, k, t) : (stryCov_9fa48("924"), weight * kernel.purchaseCountProbability(parameters, k, t))));
      }
    }
    let rest = total;
    for (let k = 0; stryMutAct_9fa48("927") ? k >= maxFrequency : stryMutAct_9fa48("926") ? k <= maxFrequency : stryMutAct_9fa48("925") ? false : (stryCov_9fa48("925", "926", "927"), k < maxFrequency); stryMutAct_9fa48("928") ? k-- : (stryCov_9fa48("928"), k++)) stryMutAct_9fa48("929") ? rest += expected[k] as number : (stryCov_9fa48("929"), rest -= expected[k] as number);
    expected[maxFrequency] = stryMutAct_9fa48("930") ? Math.min(0, rest) : (stryCov_9fa48("930"), Math.max(0, rest));
    return actual.map(stryMutAct_9fa48("931") ? () => undefined : (stryCov_9fa48("931"), (a, frequency) => stryMutAct_9fa48("932") ? {} : (stryCov_9fa48("932"), {
      frequency,
      actual: a,
      expected: expected[frequency] as number
    })));
  }
}