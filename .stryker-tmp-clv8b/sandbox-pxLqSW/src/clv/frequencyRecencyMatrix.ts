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
import { checkHorizon, checkTransactionModel } from './_internal/transactionInput.js';
import type { Horizon, TransactionModelSpec } from './_internal/transactionModels.js';

/** Options of {@link frequencyRecencyMatrix}. */
export interface FrequencyRecencyMatrixOptions {
  /** The customers' age T (time since the first purchase) in the model's unit. Required. */
  T: number;
  /**
   * The largest frequency (rows 0 .. maxFrequency).
   *
   * @defaultValue 20
   */
  maxFrequency?: number;
  /**
   * The number of recency steps: columns at recency T * j / recencySteps, j = 0 .. recencySteps.
   *
   * @defaultValue 20
   */
  recencySteps?: number;
}

/** The grids of {@link frequencyRecencyMatrix}: rows are frequencies, columns recencies. */
export interface FrequencyRecencyMatrix {
  /** The row labels: 0 .. maxFrequency. */
  readonly frequencies: number[];
  /** The column labels: recencies from 0 to T. */
  readonly recencies: number[];
  /**
   * Expected purchases over the horizon, `[frequency][recency]`; `undefined` where the cell is
   * impossible (frequency 0 with recency > 0, or frequency > 0 with recency 0).
   */
  readonly expectedPurchases: (number | undefined)[][];
  /** P(alive), `[frequency][recency]`; `undefined` in the same impossible cells. */
  readonly probabilityAlive: (number | undefined)[][];
}
const KEYS = new Set(stryMutAct_9fa48("374") ? [] : (stryCov_9fa48("374"), [stryMutAct_9fa48("375") ? "" : (stryCov_9fa48("375"), 'T'), stryMutAct_9fa48("376") ? "" : (stryCov_9fa48("376"), 'maxFrequency'), stryMutAct_9fa48("377") ? "" : (stryCov_9fa48("377"), 'recencySteps')]));

/**
 * The data of the two standard heat maps of a transaction model: expected purchases and P(alive)
 * for every combination of frequency and recency, at a given customer age T.
 *
 * Definition: cell (x, t_x) holds E[X(T, T + horizon) | x, t_x, T] and P(alive | x, t_x, T) from
 * the model's generic prediction functions. Recency runs from 0 to T in `recencySteps` equal steps.
 * A customer with no repeat purchase has recency 0, and one with repeat purchases a recency above 0,
 * so the other cells are `undefined` (a plotting library leaves them blank).
 *
 * Cost: O(maxFrequency * recencySteps) model evaluations.
 *
 * @param model - A fitted transaction model (`kind`, `parameters`, `timeUnit`).
 * @param horizon - The horizon of the expected purchases, with its unit (`{ length: 1, unit: 'week' }`).
 * @param options - See {@link FrequencyRecencyMatrixOptions}.
 * @returns The two grids and their labels, as plain arrays.
 * @throws {@link MetricsInputError} for an invalid model, a missing T or horizon, or grid sizes
 *   outside 1 .. 1000.
 * @see lifetimes' `plot_frequency_recency_matrix` and `plot_probability_alive_matrix`.
 * @example
 * ```ts
 * import { frequencyRecencyMatrix } from 'customer-metrics';
 * const model = { kind: 'bg-nbd' as const, parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' as const };
 * const grid = frequencyRecencyMatrix(model, { length: 1, unit: 'week' }, { T: 40, maxFrequency: 2, recencySteps: 4 });
 * grid.recencies; // => [0, 10, 20, 30, 40]
 * grid.probabilityAlive[0][0]; // => 1
 * grid.probabilityAlive[0][1]; // => undefined
 * ```
 */
export function frequencyRecencyMatrix(model: TransactionModelSpec, horizon: Horizon, options: FrequencyRecencyMatrixOptions): FrequencyRecencyMatrix {
  if (stryMutAct_9fa48("378")) {
    {}
  } else {
    stryCov_9fa48("378");
    const issues = new IssueList();
    const m = checkTransactionModel(model, stryMutAct_9fa48("379") ? "" : (stryCov_9fa48("379"), 'model'), issues);
    const t = checkHorizon(horizon, stryMutAct_9fa48("380") ? "" : (stryCov_9fa48("380"), 'horizon'), stryMutAct_9fa48("381") ? m.timeUnit : (stryCov_9fa48("381"), m?.timeUnit), stryMutAct_9fa48("382") ? "" : (stryCov_9fa48("382"), 'model'), issues);
    let T = 0;
    let maxFrequency = 20;
    let steps = 20;
    if (stryMutAct_9fa48("385") ? typeof options !== 'object' && options === null : stryMutAct_9fa48("384") ? false : stryMutAct_9fa48("383") ? true : (stryCov_9fa48("383", "384", "385"), (stryMutAct_9fa48("387") ? typeof options === 'object' : stryMutAct_9fa48("386") ? false : (stryCov_9fa48("386", "387"), typeof options !== (stryMutAct_9fa48("388") ? "" : (stryCov_9fa48("388"), 'object')))) || (stryMutAct_9fa48("390") ? options !== null : stryMutAct_9fa48("389") ? false : (stryCov_9fa48("389", "390"), options === null)))) issues.add(stryMutAct_9fa48("391") ? "" : (stryCov_9fa48("391"), 'invalid_type'), stryMutAct_9fa48("392") ? [] : (stryCov_9fa48("392"), [stryMutAct_9fa48("393") ? "" : (stryCov_9fa48("393"), 'options')]), (stryMutAct_9fa48("396") ? options !== undefined : stryMutAct_9fa48("395") ? false : stryMutAct_9fa48("394") ? true : (stryCov_9fa48("394", "395", "396"), options === undefined)) ? stryMutAct_9fa48("397") ? "" : (stryCov_9fa48("397"), 'is required') : stryMutAct_9fa48("398") ? "" : (stryCov_9fa48("398"), 'must be an object'));else {
      if (stryMutAct_9fa48("399")) {
        {}
      } else {
        stryCov_9fa48("399");
        for (const key of Object.keys(options)) if (stryMutAct_9fa48("402") ? false : stryMutAct_9fa48("401") ? true : stryMutAct_9fa48("400") ? KEYS.has(key) : (stryCov_9fa48("400", "401", "402"), !KEYS.has(key))) issues.add(stryMutAct_9fa48("403") ? "" : (stryCov_9fa48("403"), 'unrecognized_key'), stryMutAct_9fa48("404") ? [] : (stryCov_9fa48("404"), [stryMutAct_9fa48("405") ? "" : (stryCov_9fa48("405"), 'options'), key]), stryMutAct_9fa48("406") ? "" : (stryCov_9fa48("406"), 'is not a known option'));
        if (stryMutAct_9fa48("408") ? false : stryMutAct_9fa48("407") ? true : (stryCov_9fa48("407", "408"), checkNumber(options.T, stryMutAct_9fa48("409") ? [] : (stryCov_9fa48("409"), [stryMutAct_9fa48("410") ? "" : (stryCov_9fa48("410"), 'options'), stryMutAct_9fa48("411") ? "" : (stryCov_9fa48("411"), 'T')]), stryMutAct_9fa48("412") ? {} : (stryCov_9fa48("412"), {
          greaterThan: 0
        }), issues))) T = options.T;
        if (stryMutAct_9fa48("415") ? options.maxFrequency !== undefined || checkNumber(options.maxFrequency, ['options', 'maxFrequency'], {
          integer: true,
          min: 1,
          max: 1000
        }, issues) : stryMutAct_9fa48("414") ? false : stryMutAct_9fa48("413") ? true : (stryCov_9fa48("413", "414", "415"), (stryMutAct_9fa48("417") ? options.maxFrequency === undefined : stryMutAct_9fa48("416") ? true : (stryCov_9fa48("416", "417"), options.maxFrequency !== undefined)) && checkNumber(options.maxFrequency, stryMutAct_9fa48("418") ? [] : (stryCov_9fa48("418"), [stryMutAct_9fa48("419") ? "" : (stryCov_9fa48("419"), 'options'), stryMutAct_9fa48("420") ? "" : (stryCov_9fa48("420"), 'maxFrequency')]), stryMutAct_9fa48("421") ? {} : (stryCov_9fa48("421"), {
          integer: stryMutAct_9fa48("422") ? false : (stryCov_9fa48("422"), true),
          min: 1,
          max: 1000
        }), issues))) maxFrequency = options.maxFrequency;
        if (stryMutAct_9fa48("425") ? options.recencySteps !== undefined || checkNumber(options.recencySteps, ['options', 'recencySteps'], {
          integer: true,
          min: 1,
          max: 1000
        }, issues) : stryMutAct_9fa48("424") ? false : stryMutAct_9fa48("423") ? true : (stryCov_9fa48("423", "424", "425"), (stryMutAct_9fa48("427") ? options.recencySteps === undefined : stryMutAct_9fa48("426") ? true : (stryCov_9fa48("426", "427"), options.recencySteps !== undefined)) && checkNumber(options.recencySteps, stryMutAct_9fa48("428") ? [] : (stryCov_9fa48("428"), [stryMutAct_9fa48("429") ? "" : (stryCov_9fa48("429"), 'options'), stryMutAct_9fa48("430") ? "" : (stryCov_9fa48("430"), 'recencySteps')]), stryMutAct_9fa48("431") ? {} : (stryCov_9fa48("431"), {
          integer: stryMutAct_9fa48("432") ? false : (stryCov_9fa48("432"), true),
          min: 1,
          max: 1000
        }), issues))) steps = options.recencySteps;
      }
    }
    issues.throwIfAny();
    const {
      kernel,
      parameters
    } = m as NonNullable<typeof m>;
    const frequencies = Array.from(stryMutAct_9fa48("433") ? {} : (stryCov_9fa48("433"), {
      length: stryMutAct_9fa48("434") ? maxFrequency - 1 : (stryCov_9fa48("434"), maxFrequency + 1)
    }), stryMutAct_9fa48("435") ? () => undefined : (stryCov_9fa48("435"), (_, x) => x));
    const recencies = Array.from(stryMutAct_9fa48("436") ? {} : (stryCov_9fa48("436"), {
      length: stryMutAct_9fa48("437") ? steps - 1 : (stryCov_9fa48("437"), steps + 1)
    }), stryMutAct_9fa48("438") ? () => undefined : (stryCov_9fa48("438"), (_, j) => (stryMutAct_9fa48("441") ? j !== steps : stryMutAct_9fa48("440") ? false : stryMutAct_9fa48("439") ? true : (stryCov_9fa48("439", "440", "441"), j === steps)) ? T : stryMutAct_9fa48("442") ? T * j * steps : (stryCov_9fa48("442"), (stryMutAct_9fa48("443") ? T / j : (stryCov_9fa48("443"), T * j)) / steps)));
    const expectedPurchases: (number | undefined)[][] = stryMutAct_9fa48("444") ? ["Stryker was here"] : (stryCov_9fa48("444"), []);
    const probabilityAlive: (number | undefined)[][] = stryMutAct_9fa48("445") ? ["Stryker was here"] : (stryCov_9fa48("445"), []);
    for (const x of frequencies) {
      if (stryMutAct_9fa48("446")) {
        {}
      } else {
        stryCov_9fa48("446");
        const e: (number | undefined)[] = stryMutAct_9fa48("447") ? ["Stryker was here"] : (stryCov_9fa48("447"), []);
        const p: (number | undefined)[] = stryMutAct_9fa48("448") ? ["Stryker was here"] : (stryCov_9fa48("448"), []);
        for (const tx of recencies) {
          if (stryMutAct_9fa48("449")) {
            {}
          } else {
            stryCov_9fa48("449");
            if (stryMutAct_9fa48("452") ? x === 0 === (tx === 0) : stryMutAct_9fa48("451") ? false : stryMutAct_9fa48("450") ? true : (stryCov_9fa48("450", "451", "452"), (stryMutAct_9fa48("455") ? x !== 0 : stryMutAct_9fa48("454") ? false : stryMutAct_9fa48("453") ? true : (stryCov_9fa48("453", "454", "455"), x === 0)) !== (stryMutAct_9fa48("458") ? tx !== 0 : stryMutAct_9fa48("457") ? false : stryMutAct_9fa48("456") ? true : (stryCov_9fa48("456", "457", "458"), tx === 0)))) {
              if (stryMutAct_9fa48("459")) {
                {}
              } else {
                stryCov_9fa48("459");
                e.push(undefined);
                p.push(undefined);
              }
            } else {
              if (stryMutAct_9fa48("460")) {
                {}
              } else {
                stryCov_9fa48("460");
                e.push(kernel.expectedPurchases(parameters, x, tx, T, t as number));
                p.push(kernel.probabilityAlive(parameters, x, tx, T));
              }
            }
          }
        }
        expectedPurchases.push(e);
        probabilityAlive.push(p);
      }
    }
    return stryMutAct_9fa48("461") ? {} : (stryCov_9fa48("461"), {
      frequencies,
      recencies,
      expectedPurchases,
      probabilityAlive
    });
  }
}