import { describe, expect, it } from 'vitest';
import { issueLines, issuePaths } from '../../../test/helpers/issue-paths.js';
import { compareModels } from './compareModels.js';
import { fitShiftedBetaGeometric } from '../shiftedBetaGeometric/fitShiftedBetaGeometric.js';

const fit = (kind: string, k: number, logLikelihood: number, customers = 100) => ({
  kind,
  parameters: Object.fromEntries(Array.from({ length: k }, (_, i) => [`p${i}`, 1])),
  logLikelihood,
  customers,
});

describe('compareModels', () => {
  it('worked example: AIC = 2k - 2 ln L, BIC = k ln n - 2 ln L', () => {
    // k = 2, ln L = -50, n = 100: AIC 104, BIC 2 ln 100 + 100 = 109.2103; k = 4, ln L = -47: AIC 102, BIC 4 ln 100 + 94 = 112.4207.
    const rows = compareModels({ small: fit('a', 2, -50), large: fit('b', 4, -47) });
    expect(rows.map((r) => r.name)).toEqual(['small', 'large']);
    expect(rows.map((r) => r.parameterCount)).toEqual([2, 4]);
    expect(rows[0]?.aic).toBe(104);
    expect(rows[1]?.aic).toBe(102);
    expect(rows[0]?.bic).toBeCloseTo(2 * Math.log(100) + 100, 12);
    expect(rows[1]?.bic).toBeCloseTo(4 * Math.log(100) + 94, 12);
    // AIC prefers the larger model, BIC the smaller: the deltas say so.
    expect(rows.map((r) => r.deltaAic)).toEqual([2, 0]);
    expect(rows[0]?.deltaBic).toBe(0);
    expect(rows[1]?.deltaBic).toBeCloseTo(2 * Math.log(100) - 6, 12);
    expect(rows[0]).toMatchObject({ kind: 'a', customers: 100, logLikelihood: -50 });
  });

  it('labels array entries by kind and works on real fits', () => {
    const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
    const [row] = compareModels([model]);
    expect(row?.name).toBe('shifted-beta-geometric');
    expect(row?.parameterCount).toBe(2);
    expect(row?.aic).toBeCloseTo(4 - 2 * model.logLikelihood, 10);
    expect(row?.bic).toBeCloseTo(2 * Math.log(1000) - 2 * model.logLikelihood, 10);
    expect(row?.deltaAic).toBe(0);
  });

  it.each([
    ['nothing', undefined, ['fits']],
    ['an empty record', {}, ['fits']],
    ['an empty array', [], ['fits']],
    ['a fit without a log-likelihood', { a: { kind: 'x', parameters: { p: 1 }, customers: 3 } }, ['fits.a.logLikelihood']],
    ['a fit with NaN log-likelihood and no parameters', [{ kind: 'x', parameters: {}, logLikelihood: Number.NaN, customers: 3 }], ['fits.0.parameters', 'fits.0.logLikelihood']],
    ['fits of different data', { a: fit('a', 2, -5, 100), b: fit('b', 2, -5, 90) }, ['fits.b.customers']],
    ['a non-object and a missing kind', { a: 3, b: { parameters: { p: 1 }, logLikelihood: -1, customers: 1 } }, ['fits.a', 'fits.b.kind']],
  ])('rejects %s', (_, fits, paths) => {
    expect(issuePaths(() => compareModels(fits as never))).toEqual(paths);
  });

  it('says what is wrong, with a code and a message per problem', () => {
    expect(issueLines(() => compareModels(undefined as never))).toEqual(['invalid_type fits: is required']);
    expect(issueLines(() => compareModels(5 as never))).toEqual(['invalid_type fits: must be a record or an array of fitted models']);
    expect(issueLines(() => compareModels([]))).toEqual(['too_small fits: must have at least 1 item']);
    expect(issueLines(() => compareModels({ a: null as never }))).toEqual(['invalid_type fits.a: must be a fitted model']);
    expect(
      issueLines(() =>
        compareModels({
          a: { kind: 1, parameters: null, logLikelihood: -1, customers: 0 } as never,
          b: fit('b', 1, -1, 5),
          c: fit('c', 1, -1, 6),
        }),
      ),
    ).toEqual([
      'invalid_type fits.a.kind: must be a string',
      'invalid_type fits.a.parameters: must be an object with at least one parameter',
      'too_small fits.a.customers: must be greater than 0',
      "invalid_structure fits.c.customers: must equal the other fits' number of customers (AIC and BIC compare fits of the same data)",
    ]);
  });

  it('labels array rows without a kind by position and keeps the other fits\' rows out of an error', () => {
    expect(issuePaths(() => compareModels([fit('a', 1, -1), { parameters: { p: 1 }, logLikelihood: -1, customers: 100 } as never]))).toEqual(['fits.1.kind']);
  });
});
