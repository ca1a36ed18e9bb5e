/**
 * The contract between the whole-API hostile-input suite (test/hostile/) and the areas.
 *
 * Every runtime export of every subpath (`customer-metrics`, `customer-metrics/nps`, ...) has one
 * spec, in `test/hostile/specs/<subpath>.ts` (`root.ts` is not needed: the root re-exports the
 * areas and the suite looks each name up in the area that defines it). Each file exports
 * `specs: HostileSpecs`, keyed by the export's name. An export without a spec fails the suite.
 *
 * The suite starts from the valid call that a spec gives, replaces each argument, and each field
 * inside it (to a bounded depth), with every value of one shared catalogue of hostile values, runs
 * the call in a worker with a deadline, and checks the outcome: a result without NaN, ±Infinity or
 * Invalid Date, or a MetricsInputError / MetricsFitError with well-formed issues; the caller's
 * arguments and the built-in prototypes unchanged.
 */
export interface HostileSpec {
  /**
   * What the export is. Functions are called; a class (an error class) is constructed from
   * `valid()`; a constant is checked to be frozen (or a primitive) and unchanged by use.
   * @defaultValue 'function'
   */
  readonly kind?: 'function' | 'class' | 'constant';
  /** Builds a fresh valid argument list; called once per hostile variant. May be async. */
  readonly valid?: () => unknown[] | Promise<unknown[]>;
  /** The call returns a Promise, which the suite awaits. */
  readonly async?: boolean;
  /**
   * Argument paths (dot-separated from the argument index, e.g. `'0.columns.customerId'`) that the
   * suite must not replace, each with the reason (for example a caller's client object whose
   * methods are the caller's business). The suite prints the reasons.
   */
  readonly keep?: Readonly<Record<string, string>>;
  /** Extra named hostile calls beyond the catalogue; each must end in a MetricsInputError. */
  readonly refuse?: Readonly<Record<string, () => unknown[] | Promise<unknown[]>>>;
  /** Per-call deadline in milliseconds. @defaultValue 5000 */
  readonly deadlineMs?: number;
}

/** The specs of one subpath, keyed by export name. */
export type HostileSpecs = Readonly<Record<string, HostileSpec>>;
