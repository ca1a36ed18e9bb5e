// @ts-nocheck
import { IssueList, numberSchema, optionsSchema, parseInput, z } from '../_lib/validate.js';

/** An inclusive range of scores, `[low, high]`. */
export type RfmScoreRange = readonly [number, number];

/**
 * One rule of a segment map: a customer matches when every given criterion holds. A rule with no
 * criterion matches everyone (a catch-all).
 */
export interface RfmSegmentRule {
  /** The segment's name. */
  segment: string;
  /** Score codes such as `'545'` (recency, frequency, monetary) that belong to the segment. */
  codes?: readonly string[];
  /** Recency scores, inclusive. */
  r?: RfmScoreRange;
  /** Frequency scores, inclusive. */
  f?: RfmScoreRange;
  /** Monetary scores, inclusive. */
  m?: RfmScoreRange;
}

/** The built-in segment maps. */
export type RfmSegmentMapName = 'eleven-segment' | 'pymc-marketing';

/** Options of {@link rfmSegments}. */
export interface RfmSegmentsOptions {
  /**
   * The segment map: a built-in name or rules, the first matching rule wins.
   * - `'eleven-segment'` (k = 5): the common grid on recency and frequency, monetary ignored:
   *   Champions, Loyal, Potential Loyalist, New, Promising, Need Attention, About to Sleep, At Risk,
   *   Can't Lose Them, Hibernating, Lost.
   * - `'pymc-marketing'` (k = 4): the five segments of PyMC-Marketing's `rfm_segments` (Premium
   *   Customer, Repeat Customer, Top Spender, At Risk Customer, Inactive Customer), listed by code,
   *   with the fallback `'Other'`.
   *
   * @defaultValue 'eleven-segment'
   */
  map?: RfmSegmentMapName | readonly RfmSegmentRule[];
  /**
   * The number of scores k of the input (2 to 9). Built-in maps require their own k.
   *
   * @defaultValue 5 (4 for `'pymc-marketing'`)
   */
  bins?: number;
  /**
   * The segment of customers that no rule matches. Without it, a map must cover every code.
   *
   * @defaultValue none (`'Other'` for `'pymc-marketing'`)
   */
  fallback?: string;
}

/** One customer's scores, as produced by {@link rfmScores}. */
export interface RfmScoreInput {
  /** Recency score, 1..k. */
  readonly r: number;
  /** Frequency score, 1..k. */
  readonly f: number;
  /** Monetary score, 1..k. */
  readonly m: number;
}

const ELEVEN: readonly RfmSegmentRule[] = [
  { segment: 'Champions', r: [5, 5], f: [4, 5] },
  { segment: 'Loyal', r: [3, 4], f: [4, 5] },
  { segment: 'Potential Loyalist', r: [4, 5], f: [2, 3] },
  { segment: 'New', r: [5, 5], f: [1, 1] },
  { segment: 'Promising', r: [4, 4], f: [1, 1] },
  { segment: 'Need Attention', r: [3, 3], f: [3, 3] },
  { segment: 'About to Sleep', r: [3, 3], f: [1, 2] },
  { segment: "Can't Lose Them", r: [1, 2], f: [5, 5] },
  { segment: 'At Risk', r: [1, 2], f: [3, 4] },
  { segment: 'Lost', r: [1, 1], f: [1, 1] },
  { segment: 'Hibernating', r: [1, 2], f: [1, 2] },
];

const PYMC: readonly RfmSegmentRule[] = [
  { segment: 'Premium Customer', codes: ['334', '443', '444', '344', '434', '433', '343', '333'] },
  { segment: 'Repeat Customer', codes: ['244', '234', '232', '332', '143', '233', '243', '242'] },
  { segment: 'Top Spender', codes: ['424', '414', '144', '314', '324', '124', '224', '423', '413', '133', '323', '313', '134'] },
  { segment: 'At Risk Customer', codes: ['422', '223', '212', '122', '222', '132', '322', '312', '412', '123', '214'] },
  { segment: 'Inactive Customer', codes: ['411', '111', '113', '114', '112', '211', '311'] },
];

const range = z.tuple([numberSchema({ integer: true }), numberSchema({ integer: true })]);
const rule = z.strictObject({
  segment: z.string().min(1),
  codes: z.array(z.string()).optional(),
  r: range.optional(),
  f: range.optional(),
  m: range.optional(),
});
const schema = optionsSchema({
  map: z.union([z.enum(['eleven-segment', 'pymc-marketing']), z.array(rule).min(1)]).optional(),
  bins: numberSchema({ integer: true, min: 2, max: 9 }).optional(),
  fallback: z.string().min(1).optional(),
});

/**
 * Names each customer's RFM segment from a segment map: the first rule whose criteria all hold wins.
 *
 * Definition: a rule matches scores (r, f, m) when each of its ranges contains the score and, when
 * it lists codes, the code `${r}${f}${m}` is one of them. The map is checked against every one of the
 * k^3 codes before use: a code that no rule matches needs a `fallback` (a gap is an error), and a rule
 * that matches no code left by the rules before it can never apply (an overlap that hides it entirely
 * is an error). Partial overlaps are allowed and resolved in order.
 *
 * Cost: O(k^3 rules) to check the map, then O(1) per customer (a lookup table by code).
 *
 * @param scores - Each customer's scores, for example the `customers` of {@link rfmScores}.
 * @param options - See {@link RfmSegmentsOptions}.
 * @returns Each customer's segment, in input order.
 * @throws {@link MetricsInputError} when a score is not a whole number in 1..k, a rule's range is out
 *   of 1..k or reversed (`invalid_order`), a code is malformed, the map leaves codes without a segment
 *   or has a rule that can never match (`invalid_structure`), or an option is invalid.
 * @see Hughes (1994), "Strategic Database Marketing"; PyMC-Marketing, `pymc_marketing.clv.utils.rfm_segments`.
 * @example
 * ```ts
 * import { rfmSegments } from 'customer-metrics';
 * rfmSegments([{ r: 5, f: 5, m: 4 }, { r: 1, f: 1, m: 1 }, { r: 2, f: 5, m: 5 }]); // => ['Champions', 'Lost', "Can't Lose Them"]
 * rfmSegments([{ r: 4, f: 4, m: 4 }, { r: 1, f: 4, m: 1 }], { map: 'pymc-marketing' }); // => ['Premium Customer', 'Other']
 * const rules = [{ segment: 'Best', r: [3, 3] as const }, { segment: 'Rest' }];
 * rfmSegments([{ r: 3, f: 1, m: 2 }, { r: 2, f: 3, m: 3 }], { map: rules, bins: 3 }); // => ['Best', 'Rest']
 * ```
 */
export function rfmSegments(scores: readonly RfmScoreInput[], options?: RfmSegmentsOptions): string[] {
  const issues = new IssueList();
  const opts = parseInput(schema, options, 'options', issues);
  const mapOption = opts?.map ?? 'eleven-segment';
  const builtIn = typeof mapOption === 'string';
  const k = opts?.bins ?? (mapOption === 'pymc-marketing' ? 4 : 5);
  const rules = mapOption === 'pymc-marketing' ? PYMC : mapOption === 'eleven-segment' ? ELEVEN : mapOption;
  const fallback = opts?.fallback ?? (mapOption === 'pymc-marketing' ? 'Other' : undefined);
  let table: (string | undefined)[] = [];
  if (opts !== undefined || options === undefined) {
    if (builtIn && k !== (mapOption === 'pymc-marketing' ? 4 : 5)) issues.add('invalid_value', ['options', 'bins'], 'does not match the built-in map');
    else table = buildTable(rules, k, fallback, issues);
  }
  checkScores(scores, k, issues);
  issues.throwIfAny();
  return scores.map(({ r, f, m }) => table[((r - 1) * k + (f - 1)) * k + (m - 1)] as string);
}

/** The segment of every code (index ((r-1) k + f-1) k + m-1), checking gaps and hidden rules. */
function buildTable(rules: readonly RfmSegmentRule[], k: number, fallback: string | undefined, issues: IssueList): (string | undefined)[] {
  const size = k * k * k;
  const table = new Array<string | undefined>(size).fill(undefined);
  rules.forEach((rule, j) => {
    const path = ['options', 'map', j];
    let valid = true;
    for (const key of ['r', 'f', 'm'] as const) {
      const bounds = rule[key];
      if (bounds === undefined) continue;
      const [lo, hi] = bounds;
      if (lo < 1) issues.add('too_small', [...path, key], 'scores start at 1');
      else if (hi > k) issues.add('too_big', [...path, key], 'scores end at the number of bins');
      else if (lo > hi) issues.add('invalid_order', [...path, key], 'the low end must not exceed the high end');
      else continue;
      valid = false;
    }
    const codes = new Set(rule.codes);
    rule.codes?.forEach((code, c) => {
      if (!isCode(code, k)) {
        issues.add('invalid_value', [...path, 'codes', c], 'must be three digits from 1 to the number of bins, such as "545"');
        valid = false;
      }
    });
    if (!valid) return;
    let claimed = 0;
    for (let r = 1; r <= k; r++)
      for (let f = 1; f <= k; f++)
        for (let m = 1; m <= k; m++) {
          const index = ((r - 1) * k + (f - 1)) * k + (m - 1);
          if (table[index] !== undefined || !matches(rule, codes, r, f, m)) continue;
          table[index] = rule.segment;
          claimed += 1;
        }
    if (claimed === 0) issues.add('invalid_structure', path, 'never matches: every score code it covers is taken by an earlier rule');
  });
  const gaps = table.filter((segment) => segment === undefined).length;
  if (fallback !== undefined) return table.map((segment) => segment ?? fallback);
  if (gaps > 0) issues.add('invalid_structure', ['options', 'map'], `leaves ${gaps} score code${gaps === 1 ? '' : 's'} without a segment: add rules or a fallback`);
  return table;
}

function isCode(code: string, k: number): boolean {
  return code.length === 3 && [...code].every((digit) => digit >= '1' && digit <= String(k));
}

function matches(rule: RfmSegmentRule, codes: ReadonlySet<string>, r: number, f: number, m: number): boolean {
  const within = (bounds: RfmScoreRange | undefined, score: number): boolean => bounds === undefined || (score >= bounds[0] && score <= bounds[1]);
  return within(rule.r, r) && within(rule.f, f) && within(rule.m, m) && (rule.codes === undefined || codes.has(`${r}${f}${m}`));
}

function checkScores(scores: unknown, k: number, issues: IssueList): void {
  if (!Array.isArray(scores)) {
    issues.add('invalid_type', ['scores'], scores === undefined ? 'is required' : 'must be an array');
    return;
  }
  scores.forEach((row: unknown, i) => {
    if (typeof row !== 'object' || row === null) {
      issues.add('invalid_type', ['scores', i], 'must be an object with r, f and m');
      return;
    }
    for (const key of ['r', 'f', 'm'] as const) {
      const value = (row as Record<string, unknown>)[key];
      if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= k)) {
        issues.add(typeof value === 'number' ? 'invalid_value' : 'invalid_type', ['scores', i, key], 'must be a whole score from 1 to the number of bins');
      }
    }
  });
}
