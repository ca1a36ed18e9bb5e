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
  if (stryMutAct_9fa48("246")) {
    {}
  } else {
    stryCov_9fa48("246");
    const issues = new IssueList();
    const entries: [string, unknown, string | number][] = stryMutAct_9fa48("247") ? ["Stryker was here"] : (stryCov_9fa48("247"), []);
    if (stryMutAct_9fa48("249") ? false : stryMutAct_9fa48("248") ? true : (stryCov_9fa48("248", "249"), Array.isArray(fits))) fits.forEach(stryMutAct_9fa48("250") ? () => undefined : (stryCov_9fa48("250"), (fit, i) => entries.push(stryMutAct_9fa48("251") ? [] : (stryCov_9fa48("251"), [(stryMutAct_9fa48("254") ? typeof fit?.kind !== 'string' : stryMutAct_9fa48("253") ? false : stryMutAct_9fa48("252") ? true : (stryCov_9fa48("252", "253", "254"), typeof (stryMutAct_9fa48("255") ? fit.kind : (stryCov_9fa48("255"), fit?.kind)) === (stryMutAct_9fa48("256") ? "" : (stryCov_9fa48("256"), 'string')))) ? fit.kind : String(i), fit, i]))));else if (stryMutAct_9fa48("259") ? typeof fits === 'object' || fits !== null : stryMutAct_9fa48("258") ? false : stryMutAct_9fa48("257") ? true : (stryCov_9fa48("257", "258", "259"), (stryMutAct_9fa48("261") ? typeof fits !== 'object' : stryMutAct_9fa48("260") ? true : (stryCov_9fa48("260", "261"), typeof fits === (stryMutAct_9fa48("262") ? "" : (stryCov_9fa48("262"), 'object')))) && (stryMutAct_9fa48("264") ? fits === null : stryMutAct_9fa48("263") ? true : (stryCov_9fa48("263", "264"), fits !== null)))) for (const [name, fit] of Object.entries(fits)) entries.push(stryMutAct_9fa48("265") ? [] : (stryCov_9fa48("265"), [name, fit, name]));else issues.add(stryMutAct_9fa48("266") ? "" : (stryCov_9fa48("266"), 'invalid_type'), stryMutAct_9fa48("267") ? [] : (stryCov_9fa48("267"), [stryMutAct_9fa48("268") ? "" : (stryCov_9fa48("268"), 'fits')]), (stryMutAct_9fa48("271") ? fits !== undefined : stryMutAct_9fa48("270") ? false : stryMutAct_9fa48("269") ? true : (stryCov_9fa48("269", "270", "271"), fits === undefined)) ? stryMutAct_9fa48("272") ? "" : (stryCov_9fa48("272"), 'is required') : stryMutAct_9fa48("273") ? "" : (stryCov_9fa48("273"), 'must be a record or an array of fitted models'));
    if (stryMutAct_9fa48("276") ? issues.isEmpty || entries.length === 0 : stryMutAct_9fa48("275") ? false : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275", "276"), issues.isEmpty && (stryMutAct_9fa48("278") ? entries.length !== 0 : stryMutAct_9fa48("277") ? true : (stryCov_9fa48("277", "278"), entries.length === 0)))) issues.add(stryMutAct_9fa48("279") ? "" : (stryCov_9fa48("279"), 'too_small'), stryMutAct_9fa48("280") ? [] : (stryCov_9fa48("280"), [stryMutAct_9fa48("281") ? "" : (stryCov_9fa48("281"), 'fits')]), stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), 'must have at least 1 item'));
    const rows: Omit<ModelComparisonRow, 'deltaAic' | 'deltaBic'>[] = stryMutAct_9fa48("283") ? ["Stryker was here"] : (stryCov_9fa48("283"), []);
    let sampleSize: number | undefined;
    for (const [name, fit, key] of entries) {
      if (stryMutAct_9fa48("284")) {
        {}
      } else {
        stryCov_9fa48("284");
        if (stryMutAct_9fa48("287") ? typeof fit !== 'object' && fit === null : stryMutAct_9fa48("286") ? false : stryMutAct_9fa48("285") ? true : (stryCov_9fa48("285", "286", "287"), (stryMutAct_9fa48("289") ? typeof fit === 'object' : stryMutAct_9fa48("288") ? false : (stryCov_9fa48("288", "289"), typeof fit !== (stryMutAct_9fa48("290") ? "" : (stryCov_9fa48("290"), 'object')))) || (stryMutAct_9fa48("292") ? fit !== null : stryMutAct_9fa48("291") ? false : (stryCov_9fa48("291", "292"), fit === null)))) {
          if (stryMutAct_9fa48("293")) {
            {}
          } else {
            stryCov_9fa48("293");
            issues.add(stryMutAct_9fa48("294") ? "" : (stryCov_9fa48("294"), 'invalid_type'), stryMutAct_9fa48("295") ? [] : (stryCov_9fa48("295"), [stryMutAct_9fa48("296") ? "" : (stryCov_9fa48("296"), 'fits'), key]), stryMutAct_9fa48("297") ? "" : (stryCov_9fa48("297"), 'must be a fitted model'));
            continue;
          }
        }
        const f = fit as Partial<ComparableFit>;
        let ok = stryMutAct_9fa48("298") ? false : (stryCov_9fa48("298"), true);
        if (stryMutAct_9fa48("301") ? typeof f.kind === 'string' : stryMutAct_9fa48("300") ? false : stryMutAct_9fa48("299") ? true : (stryCov_9fa48("299", "300", "301"), typeof f.kind !== (stryMutAct_9fa48("302") ? "" : (stryCov_9fa48("302"), 'string')))) {
          if (stryMutAct_9fa48("303")) {
            {}
          } else {
            stryCov_9fa48("303");
            issues.add(stryMutAct_9fa48("304") ? "" : (stryCov_9fa48("304"), 'invalid_type'), stryMutAct_9fa48("305") ? [] : (stryCov_9fa48("305"), [stryMutAct_9fa48("306") ? "" : (stryCov_9fa48("306"), 'fits'), key, stryMutAct_9fa48("307") ? "" : (stryCov_9fa48("307"), 'kind')]), stryMutAct_9fa48("308") ? "" : (stryCov_9fa48("308"), 'must be a string'));
            ok = stryMutAct_9fa48("309") ? true : (stryCov_9fa48("309"), false);
          }
        }
        const parameterCount = (stryMutAct_9fa48("312") ? typeof f.parameters === 'object' || f.parameters !== null : stryMutAct_9fa48("311") ? false : stryMutAct_9fa48("310") ? true : (stryCov_9fa48("310", "311", "312"), (stryMutAct_9fa48("314") ? typeof f.parameters !== 'object' : stryMutAct_9fa48("313") ? true : (stryCov_9fa48("313", "314"), typeof f.parameters === (stryMutAct_9fa48("315") ? "" : (stryCov_9fa48("315"), 'object')))) && (stryMutAct_9fa48("317") ? f.parameters === null : stryMutAct_9fa48("316") ? true : (stryCov_9fa48("316", "317"), f.parameters !== null)))) ? Object.keys(f.parameters).length : 0;
        if (stryMutAct_9fa48("320") ? parameterCount !== 0 : stryMutAct_9fa48("319") ? false : stryMutAct_9fa48("318") ? true : (stryCov_9fa48("318", "319", "320"), parameterCount === 0)) {
          if (stryMutAct_9fa48("321")) {
            {}
          } else {
            stryCov_9fa48("321");
            issues.add(stryMutAct_9fa48("322") ? "" : (stryCov_9fa48("322"), 'invalid_type'), stryMutAct_9fa48("323") ? [] : (stryCov_9fa48("323"), [stryMutAct_9fa48("324") ? "" : (stryCov_9fa48("324"), 'fits'), key, stryMutAct_9fa48("325") ? "" : (stryCov_9fa48("325"), 'parameters')]), stryMutAct_9fa48("326") ? "" : (stryCov_9fa48("326"), 'must be an object with at least one parameter'));
            ok = stryMutAct_9fa48("327") ? true : (stryCov_9fa48("327"), false);
          }
        }
        if (stryMutAct_9fa48("330") ? false : stryMutAct_9fa48("329") ? true : stryMutAct_9fa48("328") ? checkNumber(f.logLikelihood, ['fits', key, 'logLikelihood'], {}, issues) : (stryCov_9fa48("328", "329", "330"), !checkNumber(f.logLikelihood, stryMutAct_9fa48("331") ? [] : (stryCov_9fa48("331"), [stryMutAct_9fa48("332") ? "" : (stryCov_9fa48("332"), 'fits'), key, stryMutAct_9fa48("333") ? "" : (stryCov_9fa48("333"), 'logLikelihood')]), {}, issues))) ok = stryMutAct_9fa48("334") ? true : (stryCov_9fa48("334"), false);
        if (stryMutAct_9fa48("337") ? false : stryMutAct_9fa48("336") ? true : stryMutAct_9fa48("335") ? checkNumber(f.customers, ['fits', key, 'customers'], {
          greaterThan: 0
        }, issues) : (stryCov_9fa48("335", "336", "337"), !checkNumber(f.customers, stryMutAct_9fa48("338") ? [] : (stryCov_9fa48("338"), [stryMutAct_9fa48("339") ? "" : (stryCov_9fa48("339"), 'fits'), key, stryMutAct_9fa48("340") ? "" : (stryCov_9fa48("340"), 'customers')]), stryMutAct_9fa48("341") ? {} : (stryCov_9fa48("341"), {
          greaterThan: 0
        }), issues))) ok = stryMutAct_9fa48("342") ? true : (stryCov_9fa48("342"), false);else if (stryMutAct_9fa48("345") ? sampleSize !== undefined : stryMutAct_9fa48("344") ? false : stryMutAct_9fa48("343") ? true : (stryCov_9fa48("343", "344", "345"), sampleSize === undefined)) sampleSize = f.customers;else if (stryMutAct_9fa48("348") ? f.customers === sampleSize : stryMutAct_9fa48("347") ? false : stryMutAct_9fa48("346") ? true : (stryCov_9fa48("346", "347", "348"), f.customers !== sampleSize)) {
          if (stryMutAct_9fa48("349")) {
            {}
          } else {
            stryCov_9fa48("349");
            issues.add(stryMutAct_9fa48("350") ? "" : (stryCov_9fa48("350"), 'invalid_structure'), stryMutAct_9fa48("351") ? [] : (stryCov_9fa48("351"), [stryMutAct_9fa48("352") ? "" : (stryCov_9fa48("352"), 'fits'), key, stryMutAct_9fa48("353") ? "" : (stryCov_9fa48("353"), 'customers')]), stryMutAct_9fa48("354") ? "" : (stryCov_9fa48("354"), 'must equal the other fits\' number of customers (AIC and BIC compare fits of the same data)'));
            ok = stryMutAct_9fa48("355") ? true : (stryCov_9fa48("355"), false);
          }
        }
        if (stryMutAct_9fa48("358") ? false : stryMutAct_9fa48("357") ? true : stryMutAct_9fa48("356") ? ok : (stryCov_9fa48("356", "357", "358"), !ok)) continue;
        const ll = f.logLikelihood as number;
        const n = f.customers as number;
        rows.push(stryMutAct_9fa48("359") ? {} : (stryCov_9fa48("359"), {
          name,
          kind: f.kind as string,
          parameterCount,
          customers: n,
          logLikelihood: ll,
          aic: stryMutAct_9fa48("360") ? 2 * parameterCount + 2 * ll : (stryCov_9fa48("360"), (stryMutAct_9fa48("361") ? 2 / parameterCount : (stryCov_9fa48("361"), 2 * parameterCount)) - (stryMutAct_9fa48("362") ? 2 / ll : (stryCov_9fa48("362"), 2 * ll))),
          bic: stryMutAct_9fa48("363") ? parameterCount * Math.log(n) + 2 * ll : (stryCov_9fa48("363"), (stryMutAct_9fa48("364") ? parameterCount / Math.log(n) : (stryCov_9fa48("364"), parameterCount * Math.log(n))) - (stryMutAct_9fa48("365") ? 2 / ll : (stryCov_9fa48("365"), 2 * ll)))
        }));
      }
    }
    issues.throwIfAny();
    const bestAic = stryMutAct_9fa48("366") ? Math.max(...rows.map(r => r.aic)) : (stryCov_9fa48("366"), Math.min(...rows.map(stryMutAct_9fa48("367") ? () => undefined : (stryCov_9fa48("367"), r => r.aic))));
    const bestBic = stryMutAct_9fa48("368") ? Math.max(...rows.map(r => r.bic)) : (stryCov_9fa48("368"), Math.min(...rows.map(stryMutAct_9fa48("369") ? () => undefined : (stryCov_9fa48("369"), r => r.bic))));
    return rows.map(stryMutAct_9fa48("370") ? () => undefined : (stryCov_9fa48("370"), r => stryMutAct_9fa48("371") ? {} : (stryCov_9fa48("371"), {
      ...r,
      deltaAic: stryMutAct_9fa48("372") ? r.aic + bestAic : (stryCov_9fa48("372"), r.aic - bestAic),
      deltaBic: stryMutAct_9fa48("373") ? r.bic + bestBic : (stryCov_9fa48("373"), r.bic - bestBic)
    })));
  }
}