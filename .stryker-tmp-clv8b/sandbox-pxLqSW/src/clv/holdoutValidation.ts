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
import { CALENDAR_PERIODS, checkDate, type CalendarPeriod, type DateInput } from '../_lib/dates.js';
import { checkNumber, IssueList } from '../_lib/validate.js';
import { periodCode, periodIndex, unitsPerPeriod } from './_internal/periods.js';
import { checkTransactionModel } from './_internal/transactionInput.js';
import type { TransactionModelSpec } from './_internal/transactionModels.js';
import type { CustomerId } from './rfmSummary.js';

/** What {@link holdoutValidation} reads from each row of a {@link calibrationHoldoutSplit}. */
export interface HoldoutRow {
  /** The customer (needed only for tracking). */
  readonly customerId?: CustomerId;
  /** Calibration frequency. */
  readonly frequency: number;
  /** Calibration recency. */
  readonly recency: number;
  /** Calibration T. */
  readonly T: number;
  /** Purchases (purchase periods) in the holdout period. */
  readonly holdoutFrequency: number;
  /** Length of the holdout period, in the same unit as recency and T. */
  readonly holdoutDuration: number;
}

/** What the tracking of {@link holdoutValidation} reads from a transaction (other fields are ignored). */
export interface HoldoutTransaction {
  /** Who bought. */
  readonly customerId: CustomerId;
  /** When: a `Date` or epoch milliseconds, read in UTC. */
  readonly date: DateInput;
}

/** The transaction log and calendar for the per-period tracking of {@link holdoutValidation}. */
export interface HoldoutTrackingInput {
  /** The transaction log the split was made from. */
  readonly transactions: readonly HoldoutTransaction[];
  /** The split's calibration end. */
  readonly calibrationEnd: DateInput;
  /**
   * The split's grouping period: purchases in one period count once, as in the split.
   *
   * @defaultValue `'day'`
   */
  readonly period?: CalendarPeriod;
  /**
   * The unit of recency, T and the holdout duration (the split's `unit`).
   *
   * @defaultValue the model's `timeUnit`
   */
  readonly unit?: CalendarPeriod;
  /**
   * The first day of a week for `period: 'week'` (0 = Sunday .. 6 = Saturday), as in the split.
   *
   * @defaultValue 1
   */
  readonly weekStartsOn?: number;
  /**
   * The length of one tracking period, in `unit`s.
   *
   * @defaultValue 1
   */
  readonly step?: number;
}

/** Options of {@link holdoutValidation}. */
export interface HoldoutValidationOptions {
  /**
   * Calibration frequencies from this value up are pooled into one group (the last row of
   * `byFrequency`), as in the standard plot.
   *
   * @defaultValue 7
   */
  maxFrequency?: number;
  /** The transaction log and calendar for per-period tracking; without it `tracking` is `undefined`. */
  tracking?: HoldoutTrackingInput;
}

/** One calibration-frequency group of {@link HoldoutValidation.byFrequency}. */
export interface HoldoutFrequencyGroup {
  /** The calibration frequency (the last group holds this frequency and all higher ones). */
  readonly frequency: number;
  /** Number of customers in the group. */
  readonly customers: number;
  /** Mean actual holdout purchases per customer. */
  readonly actual: number;
  /** Mean expected holdout purchases per customer. */
  readonly expected: number;
}

/** Per-customer error measures of the expected holdout purchases (expected minus actual). */
export interface HoldoutErrors {
  /** Mean of |expected - actual|. */
  readonly meanAbsoluteError: number;
  /** Square root of the mean of (expected - actual)^2. */
  readonly rootMeanSquaredError: number;
  /** Mean of expected - actual: positive when the model over-predicts. */
  readonly meanError: number;
  /** Pearson correlation of expected and actual; `undefined` when either does not vary. */
  readonly correlation: number | undefined;
}

/** Aggregate tracking of the holdout period, one entry per tracking period. */
export interface HoldoutTracking {
  /** End of each tracking period, in units after the calibration end. */
  readonly end: number[];
  /** Actual purchases of the split's customers in each tracking period. */
  readonly actualIncremental: number[];
  /** Expected purchases in each tracking period. */
  readonly expectedIncremental: number[];
  /** Actual purchases up to the end of each tracking period. */
  readonly actualCumulative: number[];
  /** Expected purchases up to the end of each tracking period. */
  readonly expectedCumulative: number[];
}

/** Total holdout purchases over the split's customers. */
export interface HoldoutTotals {
  /** Expected by the model. */
  readonly expected: number;
  /** Observed. */
  readonly actual: number;
}

/** The result of {@link holdoutValidation}. */
export interface HoldoutValidation {
  /** Expected vs actual mean holdout purchases by calibration frequency: the standard diagnostic plot as data. */
  readonly byFrequency: HoldoutFrequencyGroup[];
  /** Expected holdout purchases per customer, in split order. */
  readonly expected: number[];
  /** Actual holdout purchases per customer, in split order. */
  readonly actual: number[];
  /** Per-customer error measures. */
  readonly errors: HoldoutErrors;
  /** Total expected and actual holdout purchases. */
  readonly totals: HoldoutTotals;
  /** Per-period tracking, when `options.tracking` was given. */
  readonly tracking: HoldoutTracking | undefined;
}
const TRACKING_KEYS = new Set(stryMutAct_9fa48("462") ? [] : (stryCov_9fa48("462"), [stryMutAct_9fa48("463") ? "" : (stryCov_9fa48("463"), 'transactions'), stryMutAct_9fa48("464") ? "" : (stryCov_9fa48("464"), 'calibrationEnd'), stryMutAct_9fa48("465") ? "" : (stryCov_9fa48("465"), 'period'), stryMutAct_9fa48("466") ? "" : (stryCov_9fa48("466"), 'unit'), stryMutAct_9fa48("467") ? "" : (stryCov_9fa48("467"), 'weekStartsOn'), stryMutAct_9fa48("468") ? "" : (stryCov_9fa48("468"), 'step')]));

/**
 * Checks a fitted transaction model against a holdout period: what it expected each customer to
 * buy after the calibration end, next to what the customer bought.
 *
 * Definition: for each row of a {@link calibrationHoldoutSplit}, expected = E[X(T, T + d) | x, t_x, T]
 * (the model's `expectedPurchases` over the holdout duration d, in the split's unit, which must be
 * the unit the model was fitted in), actual = the row's holdout frequency. Reported: mean expected
 * and actual by calibration frequency (Fader, Hardie & Lee's conditional-expectations plot), error
 * measures over customers, totals, and, given the transaction log, expected and actual purchases per
 * tracking period of the holdout (incremental and cumulative; the tracking plot). Expected tracking
 * values are sum_i [E_i(T_i + end_k) - E_i(T_i + end_{k-1})].
 *
 * Cost: O(n) model evaluations, plus O(n * tracking periods + transactions) with tracking.
 *
 * @param model - A fitted transaction model (`kind`, `parameters`, and `timeUnit` for tracking),
 *   fitted on the split's calibration columns.
 * @param split - The rows of {@link calibrationHoldoutSplit} (or any rows with the same fields).
 * @param options - See {@link HoldoutValidationOptions}.
 * @returns The comparison; every list is a plain array ready to plot.
 * @throws {@link MetricsInputError} for an invalid model, inconsistent rows (recency > T,
 *   negative holdout values), or invalid options (tracking without a unit, unknown keys).
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005), "Counting your customers the easy way",
 *   Marketing Science 24(2), Figures 2-4; lifetimes' `plot_calibration_purchases_vs_holdout_purchases`.
 * @example
 * ```ts
 * import { holdoutValidation } from 'customer-metrics';
 * const model = { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' as const };
 * const result = holdoutValidation(model, [
 *   { frequency: 0, recency: 0, T: 38, holdoutFrequency: 0, holdoutDuration: 39 },
 *   { frequency: 2, recency: 30.43, T: 38.86, holdoutFrequency: 1, holdoutDuration: 39 },
 * ]);
 * result.actual; // => [0, 1]
 * result.expected[1]; // => ~1.226
 * result.byFrequency.length; // => 8
 * ```
 */
export function holdoutValidation(model: TransactionModelSpec, split: readonly HoldoutRow[], options?: HoldoutValidationOptions): HoldoutValidation {
  if (stryMutAct_9fa48("469")) {
    {}
  } else {
    stryCov_9fa48("469");
    const issues = new IssueList();
    const m = checkTransactionModel(model, stryMutAct_9fa48("470") ? "" : (stryCov_9fa48("470"), 'model'), issues);
    const rows = checkRows(split, issues);
    let maxFrequency = 7;
    let tracking: HoldoutTrackingInput | undefined;
    if (stryMutAct_9fa48("473") ? options === undefined : stryMutAct_9fa48("472") ? false : stryMutAct_9fa48("471") ? true : (stryCov_9fa48("471", "472", "473"), options !== undefined)) {
      if (stryMutAct_9fa48("474")) {
        {}
      } else {
        stryCov_9fa48("474");
        if (stryMutAct_9fa48("477") ? typeof options !== 'object' && options === null : stryMutAct_9fa48("476") ? false : stryMutAct_9fa48("475") ? true : (stryCov_9fa48("475", "476", "477"), (stryMutAct_9fa48("479") ? typeof options === 'object' : stryMutAct_9fa48("478") ? false : (stryCov_9fa48("478", "479"), typeof options !== (stryMutAct_9fa48("480") ? "" : (stryCov_9fa48("480"), 'object')))) || (stryMutAct_9fa48("482") ? options !== null : stryMutAct_9fa48("481") ? false : (stryCov_9fa48("481", "482"), options === null)))) issues.add(stryMutAct_9fa48("483") ? "" : (stryCov_9fa48("483"), 'invalid_type'), stryMutAct_9fa48("484") ? [] : (stryCov_9fa48("484"), [stryMutAct_9fa48("485") ? "" : (stryCov_9fa48("485"), 'options')]), stryMutAct_9fa48("486") ? "" : (stryCov_9fa48("486"), 'must be an object'));else {
          if (stryMutAct_9fa48("487")) {
            {}
          } else {
            stryCov_9fa48("487");
            for (const key of Object.keys(options)) if (stryMutAct_9fa48("490") ? key !== 'maxFrequency' || key !== 'tracking' : stryMutAct_9fa48("489") ? false : stryMutAct_9fa48("488") ? true : (stryCov_9fa48("488", "489", "490"), (stryMutAct_9fa48("492") ? key === 'maxFrequency' : stryMutAct_9fa48("491") ? true : (stryCov_9fa48("491", "492"), key !== (stryMutAct_9fa48("493") ? "" : (stryCov_9fa48("493"), 'maxFrequency')))) && (stryMutAct_9fa48("495") ? key === 'tracking' : stryMutAct_9fa48("494") ? true : (stryCov_9fa48("494", "495"), key !== (stryMutAct_9fa48("496") ? "" : (stryCov_9fa48("496"), 'tracking')))))) issues.add(stryMutAct_9fa48("497") ? "" : (stryCov_9fa48("497"), 'unrecognized_key'), stryMutAct_9fa48("498") ? [] : (stryCov_9fa48("498"), [stryMutAct_9fa48("499") ? "" : (stryCov_9fa48("499"), 'options'), key]), stryMutAct_9fa48("500") ? "" : (stryCov_9fa48("500"), 'is not a known option'));
            if (stryMutAct_9fa48("503") ? options.maxFrequency !== undefined || checkNumber(options.maxFrequency, ['options', 'maxFrequency'], {
              integer: true,
              min: 1,
              max: 1000
            }, issues) : stryMutAct_9fa48("502") ? false : stryMutAct_9fa48("501") ? true : (stryCov_9fa48("501", "502", "503"), (stryMutAct_9fa48("505") ? options.maxFrequency === undefined : stryMutAct_9fa48("504") ? true : (stryCov_9fa48("504", "505"), options.maxFrequency !== undefined)) && checkNumber(options.maxFrequency, stryMutAct_9fa48("506") ? [] : (stryCov_9fa48("506"), [stryMutAct_9fa48("507") ? "" : (stryCov_9fa48("507"), 'options'), stryMutAct_9fa48("508") ? "" : (stryCov_9fa48("508"), 'maxFrequency')]), stryMutAct_9fa48("509") ? {} : (stryCov_9fa48("509"), {
              integer: stryMutAct_9fa48("510") ? false : (stryCov_9fa48("510"), true),
              min: 1,
              max: 1000
            }), issues))) {
              if (stryMutAct_9fa48("511")) {
                {}
              } else {
                stryCov_9fa48("511");
                maxFrequency = options.maxFrequency;
              }
            }
            tracking = options.tracking;
          }
        }
      }
    }
    const calendar = (stryMutAct_9fa48("514") ? tracking !== undefined : stryMutAct_9fa48("513") ? false : stryMutAct_9fa48("512") ? true : (stryCov_9fa48("512", "513", "514"), tracking === undefined)) ? undefined : checkTracking(tracking, stryMutAct_9fa48("515") ? m.timeUnit : (stryCov_9fa48("515"), m?.timeUnit), issues);
    issues.throwIfAny();
    const {
      kernel,
      parameters
    } = m as NonNullable<typeof m>;
    const data = rows as Row[];
    const n = data.length;
    const expected = stryMutAct_9fa48("516") ? new Array() : (stryCov_9fa48("516"), new Array<number>(n));
    const actual = stryMutAct_9fa48("517") ? new Array() : (stryCov_9fa48("517"), new Array<number>(n));
    for (let i = 0; stryMutAct_9fa48("520") ? i >= n : stryMutAct_9fa48("519") ? i <= n : stryMutAct_9fa48("518") ? false : (stryCov_9fa48("518", "519", "520"), i < n); stryMutAct_9fa48("521") ? i-- : (stryCov_9fa48("521"), i++)) {
      if (stryMutAct_9fa48("522")) {
        {}
      } else {
        stryCov_9fa48("522");
        const r = data[i] as Row;
        expected[i] = kernel.expectedPurchases(parameters, r.frequency, r.recency, r.T, r.holdoutDuration);
        actual[i] = r.holdoutFrequency;
      }
    }
    const groups = Array.from(stryMutAct_9fa48("523") ? {} : (stryCov_9fa48("523"), {
      length: stryMutAct_9fa48("524") ? maxFrequency - 1 : (stryCov_9fa48("524"), maxFrequency + 1)
    }), stryMutAct_9fa48("525") ? () => undefined : (stryCov_9fa48("525"), () => stryMutAct_9fa48("526") ? {} : (stryCov_9fa48("526"), {
      customers: 0,
      actual: 0,
      expected: 0
    })));
    for (let i = 0; stryMutAct_9fa48("529") ? i >= n : stryMutAct_9fa48("528") ? i <= n : stryMutAct_9fa48("527") ? false : (stryCov_9fa48("527", "528", "529"), i < n); stryMutAct_9fa48("530") ? i-- : (stryCov_9fa48("530"), i++)) {
      if (stryMutAct_9fa48("531")) {
        {}
      } else {
        stryCov_9fa48("531");
        const g = groups[Math.min((data[i] as Row).frequency, maxFrequency)] as {
          customers: number;
          actual: number;
          expected: number;
        };
        stryMutAct_9fa48("532") ? g.customers-- : (stryCov_9fa48("532"), g.customers++);
        stryMutAct_9fa48("533") ? g.actual -= actual[i] as number : (stryCov_9fa48("533"), g.actual += actual[i] as number);
        stryMutAct_9fa48("534") ? g.expected -= expected[i] as number : (stryCov_9fa48("534"), g.expected += expected[i] as number);
      }
    }
    const byFrequency = groups.map(stryMutAct_9fa48("535") ? () => undefined : (stryCov_9fa48("535"), (g, frequency) => stryMutAct_9fa48("536") ? {} : (stryCov_9fa48("536"), {
      frequency,
      customers: g.customers,
      actual: (stryMutAct_9fa48("539") ? g.customers !== 0 : stryMutAct_9fa48("538") ? false : stryMutAct_9fa48("537") ? true : (stryCov_9fa48("537", "538", "539"), g.customers === 0)) ? 0 : stryMutAct_9fa48("540") ? g.actual * g.customers : (stryCov_9fa48("540"), g.actual / g.customers),
      expected: (stryMutAct_9fa48("543") ? g.customers !== 0 : stryMutAct_9fa48("542") ? false : stryMutAct_9fa48("541") ? true : (stryCov_9fa48("541", "542", "543"), g.customers === 0)) ? 0 : stryMutAct_9fa48("544") ? g.expected * g.customers : (stryCov_9fa48("544"), g.expected / g.customers)
    })));
    return stryMutAct_9fa48("545") ? {} : (stryCov_9fa48("545"), {
      byFrequency,
      expected,
      actual,
      errors: errorMeasures(expected, actual),
      totals: stryMutAct_9fa48("546") ? {} : (stryCov_9fa48("546"), {
        expected: sum(expected),
        actual: sum(actual)
      }),
      tracking: (stryMutAct_9fa48("549") ? calendar !== undefined : stryMutAct_9fa48("548") ? false : stryMutAct_9fa48("547") ? true : (stryCov_9fa48("547", "548", "549"), calendar === undefined)) ? undefined : track(kernel, parameters, data, calendar)
    });
  }
}
interface Row extends HoldoutRow {
  readonly customerId?: CustomerId;
}
function checkRows(split: unknown, issues: IssueList): Row[] | undefined {
  if (stryMutAct_9fa48("550")) {
    {}
  } else {
    stryCov_9fa48("550");
    if (stryMutAct_9fa48("553") ? false : stryMutAct_9fa48("552") ? true : stryMutAct_9fa48("551") ? Array.isArray(split) : (stryCov_9fa48("551", "552", "553"), !Array.isArray(split))) {
      if (stryMutAct_9fa48("554")) {
        {}
      } else {
        stryCov_9fa48("554");
        issues.add(stryMutAct_9fa48("555") ? "" : (stryCov_9fa48("555"), 'invalid_type'), stryMutAct_9fa48("556") ? [] : (stryCov_9fa48("556"), [stryMutAct_9fa48("557") ? "" : (stryCov_9fa48("557"), 'split')]), (stryMutAct_9fa48("560") ? split !== undefined : stryMutAct_9fa48("559") ? false : stryMutAct_9fa48("558") ? true : (stryCov_9fa48("558", "559", "560"), split === undefined)) ? stryMutAct_9fa48("561") ? "" : (stryCov_9fa48("561"), 'is required') : stryMutAct_9fa48("562") ? "" : (stryCov_9fa48("562"), 'must be an array of calibration/holdout rows'));
        return undefined;
      }
    }
    if (stryMutAct_9fa48("565") ? split.length !== 0 : stryMutAct_9fa48("564") ? false : stryMutAct_9fa48("563") ? true : (stryCov_9fa48("563", "564", "565"), split.length === 0)) {
      if (stryMutAct_9fa48("566")) {
        {}
      } else {
        stryCov_9fa48("566");
        issues.add(stryMutAct_9fa48("567") ? "" : (stryCov_9fa48("567"), 'too_small'), stryMutAct_9fa48("568") ? [] : (stryCov_9fa48("568"), [stryMutAct_9fa48("569") ? "" : (stryCov_9fa48("569"), 'split')]), stryMutAct_9fa48("570") ? "" : (stryCov_9fa48("570"), 'must have at least 1 item'));
        return undefined;
      }
    }
    let ok = stryMutAct_9fa48("571") ? false : (stryCov_9fa48("571"), true);
    split.forEach((row: unknown, i) => {
      if (stryMutAct_9fa48("572")) {
        {}
      } else {
        stryCov_9fa48("572");
        const path = stryMutAct_9fa48("573") ? [] : (stryCov_9fa48("573"), [stryMutAct_9fa48("574") ? "" : (stryCov_9fa48("574"), 'split'), i]);
        if (stryMutAct_9fa48("577") ? typeof row !== 'object' && row === null : stryMutAct_9fa48("576") ? false : stryMutAct_9fa48("575") ? true : (stryCov_9fa48("575", "576", "577"), (stryMutAct_9fa48("579") ? typeof row === 'object' : stryMutAct_9fa48("578") ? false : (stryCov_9fa48("578", "579"), typeof row !== (stryMutAct_9fa48("580") ? "" : (stryCov_9fa48("580"), 'object')))) || (stryMutAct_9fa48("582") ? row !== null : stryMutAct_9fa48("581") ? false : (stryCov_9fa48("581", "582"), row === null)))) {
          if (stryMutAct_9fa48("583")) {
            {}
          } else {
            stryCov_9fa48("583");
            issues.add(stryMutAct_9fa48("584") ? "" : (stryCov_9fa48("584"), 'invalid_type'), path, stryMutAct_9fa48("585") ? "" : (stryCov_9fa48("585"), 'must be a calibration/holdout row'));
            ok = stryMutAct_9fa48("586") ? true : (stryCov_9fa48("586"), false);
            return;
          }
        }
        const r = row as Record<string, unknown>;
        const fields = stryMutAct_9fa48("587") ? [] : (stryCov_9fa48("587"), [checkNumber(r.frequency, stryMutAct_9fa48("588") ? [] : (stryCov_9fa48("588"), [...path, stryMutAct_9fa48("589") ? "" : (stryCov_9fa48("589"), 'frequency')]), stryMutAct_9fa48("590") ? {} : (stryCov_9fa48("590"), {
          integer: stryMutAct_9fa48("591") ? false : (stryCov_9fa48("591"), true),
          min: 0
        }), issues), checkNumber(r.recency, stryMutAct_9fa48("592") ? [] : (stryCov_9fa48("592"), [...path, stryMutAct_9fa48("593") ? "" : (stryCov_9fa48("593"), 'recency')]), stryMutAct_9fa48("594") ? {} : (stryCov_9fa48("594"), {
          min: 0
        }), issues), checkNumber(r.T, stryMutAct_9fa48("595") ? [] : (stryCov_9fa48("595"), [...path, stryMutAct_9fa48("596") ? "" : (stryCov_9fa48("596"), 'T')]), stryMutAct_9fa48("597") ? {} : (stryCov_9fa48("597"), {
          min: 0
        }), issues), checkNumber(r.holdoutFrequency, stryMutAct_9fa48("598") ? [] : (stryCov_9fa48("598"), [...path, stryMutAct_9fa48("599") ? "" : (stryCov_9fa48("599"), 'holdoutFrequency')]), stryMutAct_9fa48("600") ? {} : (stryCov_9fa48("600"), {
          integer: stryMutAct_9fa48("601") ? false : (stryCov_9fa48("601"), true),
          min: 0
        }), issues), checkNumber(r.holdoutDuration, stryMutAct_9fa48("602") ? [] : (stryCov_9fa48("602"), [...path, stryMutAct_9fa48("603") ? "" : (stryCov_9fa48("603"), 'holdoutDuration')]), stryMutAct_9fa48("604") ? {} : (stryCov_9fa48("604"), {
          min: 0
        }), issues)]);
        if (stryMutAct_9fa48("607") ? false : stryMutAct_9fa48("606") ? true : stryMutAct_9fa48("605") ? fields.every(Boolean) : (stryCov_9fa48("605", "606", "607"), !(stryMutAct_9fa48("608") ? fields.some(Boolean) : (stryCov_9fa48("608"), fields.every(Boolean))))) {
          if (stryMutAct_9fa48("609")) {
            {}
          } else {
            stryCov_9fa48("609");
            ok = stryMutAct_9fa48("610") ? true : (stryCov_9fa48("610"), false);
            return;
          }
        }
        if (stryMutAct_9fa48("614") ? r.recency as number <= (r.T as number) : stryMutAct_9fa48("613") ? r.recency as number >= (r.T as number) : stryMutAct_9fa48("612") ? false : stryMutAct_9fa48("611") ? true : (stryCov_9fa48("611", "612", "613", "614"), r.recency as number > (r.T as number))) {
          if (stryMutAct_9fa48("615")) {
            {}
          } else {
            stryCov_9fa48("615");
            issues.add(stryMutAct_9fa48("616") ? "" : (stryCov_9fa48("616"), 'invalid_order'), stryMutAct_9fa48("617") ? [] : (stryCov_9fa48("617"), [...path, stryMutAct_9fa48("618") ? "" : (stryCov_9fa48("618"), 'recency')]), stryMutAct_9fa48("619") ? "" : (stryCov_9fa48("619"), 'must not be greater than T'));
            ok = stryMutAct_9fa48("620") ? true : (stryCov_9fa48("620"), false);
          }
        } else if (stryMutAct_9fa48("623") ? r.frequency === 0 || r.recency !== 0 : stryMutAct_9fa48("622") ? false : stryMutAct_9fa48("621") ? true : (stryCov_9fa48("621", "622", "623"), (stryMutAct_9fa48("625") ? r.frequency !== 0 : stryMutAct_9fa48("624") ? true : (stryCov_9fa48("624", "625"), r.frequency === 0)) && (stryMutAct_9fa48("627") ? r.recency === 0 : stryMutAct_9fa48("626") ? true : (stryCov_9fa48("626", "627"), r.recency !== 0)))) {
          if (stryMutAct_9fa48("628")) {
            {}
          } else {
            stryCov_9fa48("628");
            issues.add(stryMutAct_9fa48("629") ? "" : (stryCov_9fa48("629"), 'invalid_structure'), stryMutAct_9fa48("630") ? [] : (stryCov_9fa48("630"), [...path, stryMutAct_9fa48("631") ? "" : (stryCov_9fa48("631"), 'recency')]), stryMutAct_9fa48("632") ? "" : (stryCov_9fa48("632"), 'must be 0 when frequency is 0'));
            ok = stryMutAct_9fa48("633") ? true : (stryCov_9fa48("633"), false);
          }
        }
      }
    });
    return ok ? split as Row[] : undefined;
  }
}
interface Calendar {
  transactions: readonly HoldoutTransaction[];
  calibrationEnd: number;
  period: CalendarPeriod;
  weekStartsOn: number;
  unitsPerPeriod: number;
  step: number;
  dates: number[];
}
function checkTracking(value: unknown, modelUnit: CalendarPeriod | undefined, issues: IssueList): Calendar | undefined {
  if (stryMutAct_9fa48("634")) {
    {}
  } else {
    stryCov_9fa48("634");
    const path = stryMutAct_9fa48("635") ? [] : (stryCov_9fa48("635"), [stryMutAct_9fa48("636") ? "" : (stryCov_9fa48("636"), 'options'), stryMutAct_9fa48("637") ? "" : (stryCov_9fa48("637"), 'tracking')]);
    if (stryMutAct_9fa48("640") ? typeof value !== 'object' && value === null : stryMutAct_9fa48("639") ? false : stryMutAct_9fa48("638") ? true : (stryCov_9fa48("638", "639", "640"), (stryMutAct_9fa48("642") ? typeof value === 'object' : stryMutAct_9fa48("641") ? false : (stryCov_9fa48("641", "642"), typeof value !== (stryMutAct_9fa48("643") ? "" : (stryCov_9fa48("643"), 'object')))) || (stryMutAct_9fa48("645") ? value !== null : stryMutAct_9fa48("644") ? false : (stryCov_9fa48("644", "645"), value === null)))) {
      if (stryMutAct_9fa48("646")) {
        {}
      } else {
        stryCov_9fa48("646");
        issues.add(stryMutAct_9fa48("647") ? "" : (stryCov_9fa48("647"), 'invalid_type'), path, stryMutAct_9fa48("648") ? "" : (stryCov_9fa48("648"), 'must be an object with transactions and calibrationEnd'));
        return undefined;
      }
    }
    const t = value as Record<string, unknown>;
    let ok = stryMutAct_9fa48("649") ? false : (stryCov_9fa48("649"), true);
    for (const key of Object.keys(t)) {
      if (stryMutAct_9fa48("650")) {
        {}
      } else {
        stryCov_9fa48("650");
        if (stryMutAct_9fa48("653") ? false : stryMutAct_9fa48("652") ? true : stryMutAct_9fa48("651") ? TRACKING_KEYS.has(key) : (stryCov_9fa48("651", "652", "653"), !TRACKING_KEYS.has(key))) {
          if (stryMutAct_9fa48("654")) {
            {}
          } else {
            stryCov_9fa48("654");
            issues.add(stryMutAct_9fa48("655") ? "" : (stryCov_9fa48("655"), 'unrecognized_key'), stryMutAct_9fa48("656") ? [] : (stryCov_9fa48("656"), [...path, key]), stryMutAct_9fa48("657") ? "" : (stryCov_9fa48("657"), 'is not a known option'));
            ok = stryMutAct_9fa48("658") ? true : (stryCov_9fa48("658"), false);
          }
        }
      }
    }
    const calibrationEnd = checkDate(t.calibrationEnd, stryMutAct_9fa48("659") ? [] : (stryCov_9fa48("659"), [...path, stryMutAct_9fa48("660") ? "" : (stryCov_9fa48("660"), 'calibrationEnd')]), issues);
    const period = (t.period ?? 'day') as CalendarPeriod;
    if (stryMutAct_9fa48("663") ? false : stryMutAct_9fa48("662") ? true : stryMutAct_9fa48("661") ? CALENDAR_PERIODS.includes(period) : (stryCov_9fa48("661", "662", "663"), !CALENDAR_PERIODS.includes(period))) {
      if (stryMutAct_9fa48("664")) {
        {}
      } else {
        stryCov_9fa48("664");
        issues.add(stryMutAct_9fa48("665") ? "" : (stryCov_9fa48("665"), 'invalid_value'), stryMutAct_9fa48("666") ? [] : (stryCov_9fa48("666"), [...path, stryMutAct_9fa48("667") ? "" : (stryCov_9fa48("667"), 'period')]), stryMutAct_9fa48("668") ? `` : (stryCov_9fa48("668"), `must be one of ${CALENDAR_PERIODS.map(stryMutAct_9fa48("669") ? () => undefined : (stryCov_9fa48("669"), p => JSON.stringify(p))).join(stryMutAct_9fa48("670") ? "" : (stryCov_9fa48("670"), ', '))}`));
        ok = stryMutAct_9fa48("671") ? true : (stryCov_9fa48("671"), false);
      }
    }
    const unit = (t.unit ?? modelUnit) as CalendarPeriod | undefined;
    if (stryMutAct_9fa48("674") ? unit !== undefined : stryMutAct_9fa48("673") ? false : stryMutAct_9fa48("672") ? true : (stryCov_9fa48("672", "673", "674"), unit === undefined)) {
      if (stryMutAct_9fa48("675")) {
        {}
      } else {
        stryCov_9fa48("675");
        issues.add(stryMutAct_9fa48("676") ? "" : (stryCov_9fa48("676"), 'invalid_type'), stryMutAct_9fa48("677") ? [] : (stryCov_9fa48("677"), [...path, stryMutAct_9fa48("678") ? "" : (stryCov_9fa48("678"), 'unit')]), stryMutAct_9fa48("679") ? "" : (stryCov_9fa48("679"), 'is required when the model has no timeUnit'));
        ok = stryMutAct_9fa48("680") ? true : (stryCov_9fa48("680"), false);
      }
    } else if (stryMutAct_9fa48("683") ? false : stryMutAct_9fa48("682") ? true : stryMutAct_9fa48("681") ? CALENDAR_PERIODS.includes(unit) : (stryCov_9fa48("681", "682", "683"), !CALENDAR_PERIODS.includes(unit))) {
      if (stryMutAct_9fa48("684")) {
        {}
      } else {
        stryCov_9fa48("684");
        issues.add(stryMutAct_9fa48("685") ? "" : (stryCov_9fa48("685"), 'invalid_value'), stryMutAct_9fa48("686") ? [] : (stryCov_9fa48("686"), [...path, stryMutAct_9fa48("687") ? "" : (stryCov_9fa48("687"), 'unit')]), stryMutAct_9fa48("688") ? `` : (stryCov_9fa48("688"), `must be one of ${CALENDAR_PERIODS.map(stryMutAct_9fa48("689") ? () => undefined : (stryCov_9fa48("689"), p => JSON.stringify(p))).join(stryMutAct_9fa48("690") ? "" : (stryCov_9fa48("690"), ', '))}`));
        ok = stryMutAct_9fa48("691") ? true : (stryCov_9fa48("691"), false);
      }
    }
    const weekStartsOn = stryMutAct_9fa48("692") ? t.weekStartsOn && 1 : (stryCov_9fa48("692"), t.weekStartsOn ?? 1);
    if (stryMutAct_9fa48("695") ? false : stryMutAct_9fa48("694") ? true : stryMutAct_9fa48("693") ? checkNumber(weekStartsOn, [...path, 'weekStartsOn'], {
      integer: true,
      min: 0,
      max: 6
    }, issues) : (stryCov_9fa48("693", "694", "695"), !checkNumber(weekStartsOn, stryMutAct_9fa48("696") ? [] : (stryCov_9fa48("696"), [...path, stryMutAct_9fa48("697") ? "" : (stryCov_9fa48("697"), 'weekStartsOn')]), stryMutAct_9fa48("698") ? {} : (stryCov_9fa48("698"), {
      integer: stryMutAct_9fa48("699") ? false : (stryCov_9fa48("699"), true),
      min: 0,
      max: 6
    }), issues))) ok = stryMutAct_9fa48("700") ? true : (stryCov_9fa48("700"), false);
    const step = stryMutAct_9fa48("701") ? t.step && 1 : (stryCov_9fa48("701"), t.step ?? 1);
    if (stryMutAct_9fa48("704") ? false : stryMutAct_9fa48("703") ? true : stryMutAct_9fa48("702") ? checkNumber(step, [...path, 'step'], {
      greaterThan: 0
    }, issues) : (stryCov_9fa48("702", "703", "704"), !checkNumber(step, stryMutAct_9fa48("705") ? [] : (stryCov_9fa48("705"), [...path, stryMutAct_9fa48("706") ? "" : (stryCov_9fa48("706"), 'step')]), stryMutAct_9fa48("707") ? {} : (stryCov_9fa48("707"), {
      greaterThan: 0
    }), issues))) ok = stryMutAct_9fa48("708") ? true : (stryCov_9fa48("708"), false);
    let ratio: number | undefined;
    if (stryMutAct_9fa48("711") ? ok || unit !== undefined : stryMutAct_9fa48("710") ? false : stryMutAct_9fa48("709") ? true : (stryCov_9fa48("709", "710", "711"), ok && (stryMutAct_9fa48("713") ? unit === undefined : stryMutAct_9fa48("712") ? true : (stryCov_9fa48("712", "713"), unit !== undefined)))) {
      if (stryMutAct_9fa48("714")) {
        {}
      } else {
        stryCov_9fa48("714");
        ratio = unitsPerPeriod(period, unit);
        if (stryMutAct_9fa48("717") ? ratio !== undefined : stryMutAct_9fa48("716") ? false : stryMutAct_9fa48("715") ? true : (stryCov_9fa48("715", "716", "717"), ratio === undefined)) {
          if (stryMutAct_9fa48("718")) {
            {}
          } else {
            stryCov_9fa48("718");
            issues.add(stryMutAct_9fa48("719") ? "" : (stryCov_9fa48("719"), 'invalid_value'), stryMutAct_9fa48("720") ? [] : (stryCov_9fa48("720"), [...path, stryMutAct_9fa48("721") ? "" : (stryCov_9fa48("721"), 'unit')]), stryMutAct_9fa48("722") ? "" : (stryCov_9fa48("722"), 'must be convertible from the period (days and weeks, or months, quarters and years)'));
            ok = stryMutAct_9fa48("723") ? true : (stryCov_9fa48("723"), false);
          }
        }
      }
    }
    const dates: number[] = stryMutAct_9fa48("724") ? ["Stryker was here"] : (stryCov_9fa48("724"), []);
    if (stryMutAct_9fa48("727") ? false : stryMutAct_9fa48("726") ? true : stryMutAct_9fa48("725") ? Array.isArray(t.transactions) : (stryCov_9fa48("725", "726", "727"), !Array.isArray(t.transactions))) {
      if (stryMutAct_9fa48("728")) {
        {}
      } else {
        stryCov_9fa48("728");
        issues.add(stryMutAct_9fa48("729") ? "" : (stryCov_9fa48("729"), 'invalid_type'), stryMutAct_9fa48("730") ? [] : (stryCov_9fa48("730"), [...path, stryMutAct_9fa48("731") ? "" : (stryCov_9fa48("731"), 'transactions')]), (stryMutAct_9fa48("734") ? t.transactions !== undefined : stryMutAct_9fa48("733") ? false : stryMutAct_9fa48("732") ? true : (stryCov_9fa48("732", "733", "734"), t.transactions === undefined)) ? stryMutAct_9fa48("735") ? "" : (stryCov_9fa48("735"), 'is required') : stryMutAct_9fa48("736") ? "" : (stryCov_9fa48("736"), 'must be an array'));
        ok = stryMutAct_9fa48("737") ? true : (stryCov_9fa48("737"), false);
      }
    } else {
      if (stryMutAct_9fa48("738")) {
        {}
      } else {
        stryCov_9fa48("738");
        t.transactions.forEach((tr: unknown, i) => {
          if (stryMutAct_9fa48("739")) {
            {}
          } else {
            stryCov_9fa48("739");
            if (stryMutAct_9fa48("742") ? typeof tr !== 'object' && tr === null : stryMutAct_9fa48("741") ? false : stryMutAct_9fa48("740") ? true : (stryCov_9fa48("740", "741", "742"), (stryMutAct_9fa48("744") ? typeof tr === 'object' : stryMutAct_9fa48("743") ? false : (stryCov_9fa48("743", "744"), typeof tr !== (stryMutAct_9fa48("745") ? "" : (stryCov_9fa48("745"), 'object')))) || (stryMutAct_9fa48("747") ? tr !== null : stryMutAct_9fa48("746") ? false : (stryCov_9fa48("746", "747"), tr === null)))) {
              if (stryMutAct_9fa48("748")) {
                {}
              } else {
                stryCov_9fa48("748");
                issues.add(stryMutAct_9fa48("749") ? "" : (stryCov_9fa48("749"), 'invalid_type'), stryMutAct_9fa48("750") ? [] : (stryCov_9fa48("750"), [...path, stryMutAct_9fa48("751") ? "" : (stryCov_9fa48("751"), 'transactions'), i]), stryMutAct_9fa48("752") ? "" : (stryCov_9fa48("752"), 'must be a transaction'));
                ok = stryMutAct_9fa48("753") ? true : (stryCov_9fa48("753"), false);
                return;
              }
            }
            const ms = checkDate((tr as {
              date?: unknown;
            }).date, stryMutAct_9fa48("754") ? [] : (stryCov_9fa48("754"), [...path, stryMutAct_9fa48("755") ? "" : (stryCov_9fa48("755"), 'transactions'), i, stryMutAct_9fa48("756") ? "" : (stryCov_9fa48("756"), 'date')]), issues);
            if (stryMutAct_9fa48("759") ? ms !== undefined : stryMutAct_9fa48("758") ? false : stryMutAct_9fa48("757") ? true : (stryCov_9fa48("757", "758", "759"), ms === undefined)) ok = stryMutAct_9fa48("760") ? true : (stryCov_9fa48("760"), false);else dates.push(ms);
          }
        });
      }
    }
    if (stryMutAct_9fa48("763") ? !ok && calibrationEnd === undefined : stryMutAct_9fa48("762") ? false : stryMutAct_9fa48("761") ? true : (stryCov_9fa48("761", "762", "763"), (stryMutAct_9fa48("764") ? ok : (stryCov_9fa48("764"), !ok)) || (stryMutAct_9fa48("766") ? calibrationEnd !== undefined : stryMutAct_9fa48("765") ? false : (stryCov_9fa48("765", "766"), calibrationEnd === undefined)))) return undefined;
    return stryMutAct_9fa48("767") ? {} : (stryCov_9fa48("767"), {
      transactions: t.transactions as Calendar['transactions'],
      calibrationEnd,
      period,
      weekStartsOn: weekStartsOn as number,
      unitsPerPeriod: ratio as number,
      step: step as number,
      dates
    });
  }
}
function track(kernel: NonNullable<ReturnType<typeof checkTransactionModel>>['kernel'], parameters: Record<string, number>, rows: Row[], calendar: Calendar): HoldoutTracking {
  if (stryMutAct_9fa48("768")) {
    {}
  } else {
    stryCov_9fa48("768");
    const duration = stryMutAct_9fa48("769") ? Math.min(...rows.map(r => r.holdoutDuration)) : (stryCov_9fa48("769"), Math.max(...rows.map(stryMutAct_9fa48("770") ? () => undefined : (stryCov_9fa48("770"), r => r.holdoutDuration))));
    const periods = stryMutAct_9fa48("771") ? Math.min(1, Math.ceil(duration / calendar.step - 1e-9)) : (stryCov_9fa48("771"), Math.max(1, Math.ceil(stryMutAct_9fa48("772") ? duration / calendar.step + 1e-9 : (stryCov_9fa48("772"), (stryMutAct_9fa48("773") ? duration * calendar.step : (stryCov_9fa48("773"), duration / calendar.step)) - 1e-9))));
    const end = Array.from(stryMutAct_9fa48("774") ? {} : (stryCov_9fa48("774"), {
      length: periods
    }), stryMutAct_9fa48("775") ? () => undefined : (stryCov_9fa48("775"), (_, k) => stryMutAct_9fa48("776") ? Math.max((k + 1) * calendar.step, duration) : (stryCov_9fa48("776"), Math.min(stryMutAct_9fa48("777") ? (k + 1) / calendar.step : (stryCov_9fa48("777"), (stryMutAct_9fa48("778") ? k - 1 : (stryCov_9fa48("778"), k + 1)) * calendar.step), duration))));
    // Expected: cumulative E over the split's customers at each end.
    const expectedCumulative = end.map(e => {
      if (stryMutAct_9fa48("779")) {
        {}
      } else {
        stryCov_9fa48("779");
        let total = 0;
        for (const r of rows) stryMutAct_9fa48("780") ? total -= kernel.expectedPurchases(parameters, r.frequency, r.recency, r.T, Math.min(e, r.holdoutDuration)) : (stryCov_9fa48("780"), total += kernel.expectedPurchases(parameters, r.frequency, r.recency, r.T, stryMutAct_9fa48("781") ? Math.max(e, r.holdoutDuration) : (stryCov_9fa48("781"), Math.min(e, r.holdoutDuration))));
        return total;
      }
    });
    // Actual: the split's customers' holdout purchase periods (each counted once), by tracking period.
    const code = periodCode(calendar.period);
    const endIndex = periodIndex(calendar.calibrationEnd, code, calendar.weekStartsOn);
    const customers = new Set(rows.map(stryMutAct_9fa48("782") ? () => undefined : (stryCov_9fa48("782"), r => r.customerId)));
    const seen = new Set<string>();
    const actualIncremental = (stryMutAct_9fa48("783") ? new Array() : (stryCov_9fa48("783"), new Array<number>(periods))).fill(0);
    calendar.transactions.forEach((tr, i) => {
      if (stryMutAct_9fa48("784")) {
        {}
      } else {
        stryCov_9fa48("784");
        if (stryMutAct_9fa48("787") ? false : stryMutAct_9fa48("786") ? true : stryMutAct_9fa48("785") ? customers.has(tr.customerId) : (stryCov_9fa48("785", "786", "787"), !customers.has(tr.customerId))) return;
        const index = periodIndex(calendar.dates[i] as number, code, calendar.weekStartsOn);
        const elapsed = stryMutAct_9fa48("788") ? (index - endIndex) / calendar.unitsPerPeriod : (stryCov_9fa48("788"), (stryMutAct_9fa48("789") ? index + endIndex : (stryCov_9fa48("789"), index - endIndex)) * calendar.unitsPerPeriod);
        if (stryMutAct_9fa48("792") ? elapsed <= 0 && elapsed > duration + 1e-9 : stryMutAct_9fa48("791") ? false : stryMutAct_9fa48("790") ? true : (stryCov_9fa48("790", "791", "792"), (stryMutAct_9fa48("795") ? elapsed > 0 : stryMutAct_9fa48("794") ? elapsed < 0 : stryMutAct_9fa48("793") ? false : (stryCov_9fa48("793", "794", "795"), elapsed <= 0)) || (stryMutAct_9fa48("798") ? elapsed <= duration + 1e-9 : stryMutAct_9fa48("797") ? elapsed >= duration + 1e-9 : stryMutAct_9fa48("796") ? false : (stryCov_9fa48("796", "797", "798"), elapsed > (stryMutAct_9fa48("799") ? duration - 1e-9 : (stryCov_9fa48("799"), duration + 1e-9)))))) return;
        const key = stryMutAct_9fa48("800") ? `` : (stryCov_9fa48("800"), `${typeof tr.customerId}:${String(tr.customerId)}:${index}`);
        if (stryMutAct_9fa48("802") ? false : stryMutAct_9fa48("801") ? true : (stryCov_9fa48("801", "802"), seen.has(key))) return;
        seen.add(key);
        const k = stryMutAct_9fa48("803") ? Math.max(periods - 1, Math.max(0, Math.ceil(elapsed / calendar.step - 1e-9) - 1)) : (stryCov_9fa48("803"), Math.min(stryMutAct_9fa48("804") ? periods + 1 : (stryCov_9fa48("804"), periods - 1), stryMutAct_9fa48("805") ? Math.min(0, Math.ceil(elapsed / calendar.step - 1e-9) - 1) : (stryCov_9fa48("805"), Math.max(0, stryMutAct_9fa48("806") ? Math.ceil(elapsed / calendar.step - 1e-9) + 1 : (stryCov_9fa48("806"), Math.ceil(stryMutAct_9fa48("807") ? elapsed / calendar.step + 1e-9 : (stryCov_9fa48("807"), (stryMutAct_9fa48("808") ? elapsed * calendar.step : (stryCov_9fa48("808"), elapsed / calendar.step)) - 1e-9)) - 1)))));
        actualIncremental[k] = stryMutAct_9fa48("809") ? (actualIncremental[k] as number) - 1 : (stryCov_9fa48("809"), (actualIncremental[k] as number) + 1);
      }
    });
    const actualCumulative: number[] = stryMutAct_9fa48("810") ? ["Stryker was here"] : (stryCov_9fa48("810"), []);
    let running = 0;
    for (const v of actualIncremental) actualCumulative.push(stryMutAct_9fa48("811") ? running -= v : (stryCov_9fa48("811"), running += v));
    const expectedIncremental = expectedCumulative.map(stryMutAct_9fa48("812") ? () => undefined : (stryCov_9fa48("812"), (v, k) => stryMutAct_9fa48("813") ? v + (k === 0 ? 0 : expectedCumulative[k - 1] as number) : (stryCov_9fa48("813"), v - ((stryMutAct_9fa48("816") ? k !== 0 : stryMutAct_9fa48("815") ? false : stryMutAct_9fa48("814") ? true : (stryCov_9fa48("814", "815", "816"), k === 0)) ? 0 : expectedCumulative[k - 1] as number))));
    return stryMutAct_9fa48("817") ? {} : (stryCov_9fa48("817"), {
      end,
      actualIncremental,
      expectedIncremental,
      actualCumulative,
      expectedCumulative
    });
  }
}
function sum(values: readonly number[]): number {
  if (stryMutAct_9fa48("818")) {
    {}
  } else {
    stryCov_9fa48("818");
    let s = 0;
    for (const v of values) stryMutAct_9fa48("819") ? s -= v : (stryCov_9fa48("819"), s += v);
    return s;
  }
}
function errorMeasures(expected: readonly number[], actual: readonly number[]): HoldoutErrors {
  if (stryMutAct_9fa48("820")) {
    {}
  } else {
    stryCov_9fa48("820");
    const n = expected.length;
    let abs = 0;
    let sq = 0;
    let diff = 0;
    for (let i = 0; stryMutAct_9fa48("823") ? i >= n : stryMutAct_9fa48("822") ? i <= n : stryMutAct_9fa48("821") ? false : (stryCov_9fa48("821", "822", "823"), i < n); stryMutAct_9fa48("824") ? i-- : (stryCov_9fa48("824"), i++)) {
      if (stryMutAct_9fa48("825")) {
        {}
      } else {
        stryCov_9fa48("825");
        const d = stryMutAct_9fa48("826") ? (expected[i] as number) + (actual[i] as number) : (stryCov_9fa48("826"), (expected[i] as number) - (actual[i] as number));
        stryMutAct_9fa48("827") ? abs -= Math.abs(d) : (stryCov_9fa48("827"), abs += Math.abs(d));
        stryMutAct_9fa48("828") ? sq -= d * d : (stryCov_9fa48("828"), sq += stryMutAct_9fa48("829") ? d / d : (stryCov_9fa48("829"), d * d));
        stryMutAct_9fa48("830") ? diff -= d : (stryCov_9fa48("830"), diff += d);
      }
    }
    const me = stryMutAct_9fa48("831") ? sum(expected) * n : (stryCov_9fa48("831"), sum(expected) / n);
    const ma = stryMutAct_9fa48("832") ? sum(actual) * n : (stryCov_9fa48("832"), sum(actual) / n);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; stryMutAct_9fa48("835") ? i >= n : stryMutAct_9fa48("834") ? i <= n : stryMutAct_9fa48("833") ? false : (stryCov_9fa48("833", "834", "835"), i < n); stryMutAct_9fa48("836") ? i-- : (stryCov_9fa48("836"), i++)) {
      if (stryMutAct_9fa48("837")) {
        {}
      } else {
        stryCov_9fa48("837");
        const a = stryMutAct_9fa48("838") ? (expected[i] as number) + me : (stryCov_9fa48("838"), (expected[i] as number) - me);
        const b = stryMutAct_9fa48("839") ? (actual[i] as number) + ma : (stryCov_9fa48("839"), (actual[i] as number) - ma);
        stryMutAct_9fa48("840") ? sxy -= a * b : (stryCov_9fa48("840"), sxy += stryMutAct_9fa48("841") ? a / b : (stryCov_9fa48("841"), a * b));
        stryMutAct_9fa48("842") ? sxx -= a * a : (stryCov_9fa48("842"), sxx += stryMutAct_9fa48("843") ? a / a : (stryCov_9fa48("843"), a * a));
        stryMutAct_9fa48("844") ? syy -= b * b : (stryCov_9fa48("844"), syy += stryMutAct_9fa48("845") ? b / b : (stryCov_9fa48("845"), b * b));
      }
    }
    const correlation = (stryMutAct_9fa48("848") ? sxx > 0 || syy > 0 : stryMutAct_9fa48("847") ? false : stryMutAct_9fa48("846") ? true : (stryCov_9fa48("846", "847", "848"), (stryMutAct_9fa48("851") ? sxx <= 0 : stryMutAct_9fa48("850") ? sxx >= 0 : stryMutAct_9fa48("849") ? true : (stryCov_9fa48("849", "850", "851"), sxx > 0)) && (stryMutAct_9fa48("854") ? syy <= 0 : stryMutAct_9fa48("853") ? syy >= 0 : stryMutAct_9fa48("852") ? true : (stryCov_9fa48("852", "853", "854"), syy > 0)))) ? stryMutAct_9fa48("855") ? Math.min(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) : (stryCov_9fa48("855"), Math.max(stryMutAct_9fa48("856") ? +1 : (stryCov_9fa48("856"), -1), stryMutAct_9fa48("857") ? Math.max(1, sxy / Math.sqrt(sxx * syy)) : (stryCov_9fa48("857"), Math.min(1, stryMutAct_9fa48("858") ? sxy * Math.sqrt(sxx * syy) : (stryCov_9fa48("858"), sxy / Math.sqrt(stryMutAct_9fa48("859") ? sxx / syy : (stryCov_9fa48("859"), sxx * syy))))))) : undefined;
    return stryMutAct_9fa48("860") ? {} : (stryCov_9fa48("860"), {
      meanAbsoluteError: stryMutAct_9fa48("861") ? abs * n : (stryCov_9fa48("861"), abs / n),
      rootMeanSquaredError: Math.sqrt(stryMutAct_9fa48("862") ? sq * n : (stryCov_9fa48("862"), sq / n)),
      meanError: stryMutAct_9fa48("863") ? diff * n : (stryCov_9fa48("863"), diff / n),
      correlation
    });
  }
}