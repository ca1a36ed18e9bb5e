/**
 * Reference tests of the BG/NBD, MBG/NBD and Gamma-Gamma models on CDNOW (test/fixtures/data/cdnow),
 * against the rows of ../shared/REFERENCES.md. Sources are named per test.
 */
import { describe, expect, it } from 'vitest';
import {
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  probabilityAlive,
} from '../src/clv/index.js';
import { likelihoodData, logLikelihoodAndGradient } from '../src/clv/bgNbd/bgFamilyKernel.js';
import { readFixtureData } from './helpers/fixture-data.js';

function parseCsv(text: string): Record<string, number>[] {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const names = (head as string).split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const row: Record<string, number> = {};
    names.forEach((name, i) => (row[name] = Number(cells[i])));
    return row;
  });
}

function expectRelative(actual: number, expected: number, tolerance: number, label: string): void {
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  expect(rel, `${label}: actual ${actual}, expected ${expected}, relative tolerance ${tolerance}`).toBeLessThanOrEqual(tolerance);
}

const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const cdnowModel = { kind: 'bg-nbd', parameters: published, timeUnit: 'week' } as const;

describe('CDNOW calibration summaries (weeks)', () => {
  const summary = parseCsv(readFixtureData('cdnow/cdnow_customers_summary.csv'));
  const customers = summary.map((row) => ({ frequency: row.frequency as number, recency: row.recency as number, T: row.T as number }));
  const withSpend = parseCsv(readFixtureData('cdnow/cdnow_customers_summary_with_transactions.csv'));

  it('has the 2,357 customers of the sample', () => {
    expect(customers.length).toBe(2357);
  });

  // Fader, Hardie & Lee (2005); Hardie's BG/NBD spreadsheet: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4.
  it('BG/NBD fit reproduces the published parameters (2e-3 relative) and log-likelihood (0.1)', () => {
    const model = fitBgNbd(customers, { timeUnit: 'week' });
    expect(model.convergence.converged).toBe(true);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expectRelative(model.parameters[name], published[name], 2e-3, name);
    expect(Math.abs(model.logLikelihood - -9582.4)).toBeLessThan(0.1);
    expect(model.customers).toBe(2357);
    // Standard errors exist and the covariance is symmetric with the variances on its diagonal.
    const se = model.standardErrors as NonNullable<typeof model.standardErrors>;
    const cov = model.covariance as NonNullable<typeof model.covariance>;
    expect(se.r).toBeCloseTo(Math.sqrt(cov[0]?.[0] as number), 12);
    expect(cov[1]?.[2]).toBeCloseTo(cov[2]?.[1] as number, 12);
    expect(se.r).toBeGreaterThan(0.005);
    expect(se.r).toBeLessThan(0.05);
    // Serialisable: the JSON round trip predicts the same.
    const copy = JSON.parse(JSON.stringify(model));
    expect(expectedPurchases(copy, { frequency: 2, recency: 30.43, T: 38.86 }, { length: 39, unit: 'week' })).toBe(
      expectedPurchases(model, { frequency: 2, recency: 30.43, T: 38.86 }, { length: 39, unit: 'week' }),
    );
  });

  // Hardie's spreadsheet: unconditional E[X(t)] at the MLE for t = 1, 3, 32, 78 weeks.
  it('gives the unconditional expectations 0.0532, 0.1506, 1.0437, 1.858 at the MLE', () => {
    const model = fitBgNbd(customers, { timeUnit: 'week' });
    const expected: [number, number, number][] = [
      [1, 0.0532, 4],
      [3, 0.1506, 4],
      [32, 1.0437, 4],
      [78, 1.858, 3],
    ];
    for (const [t, value, digits] of expected) {
      const actual = expectedPurchasesNewCustomer(model, { length: t, unit: 'week' });
      expect(Math.abs(actual - value), `t=${t}: actual ${actual}, expected ${value}`).toBeLessThanOrEqual(0.5 * 10 ** -digits);
    }
  });

  // Batislam et al. (2007) model, estimates as in R BTYDplus: r 0.525, alpha 6.183, a 0.891, b 1.614, LL -9582.13.
  it('MBG/NBD fit reproduces the published parameters and log-likelihood', () => {
    const model = fitMbgNbd(customers, { timeUnit: 'week' });
    const expected = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    for (const name of ['r', 'alpha', 'a', 'b'] as const) expectRelative(model.parameters[name], expected[name], 2e-3, name);
    expect(Math.abs(model.logLikelihood - -9582.13)).toBeLessThan(0.1);
  });

  // Fader & Hardie (2013) note 025: p 6.25, q 3.74, gamma 15.44, LL -4055.92, mean spend 35.17 (946 repeat customers).
  it('Gamma-Gamma fit reproduces note 025', () => {
    const rows = withSpend.map((row) => ({ frequency: row.x as number, monetaryValue: row.zbar as number }));
    const model = fitGammaGamma(rows);
    expect(model.customers).toBe(946);
    expectRelative(model.parameters.p, 6.25, 2e-3, 'p');
    expectRelative(model.parameters.q, 3.74, 2e-3, 'q');
    expectRelative(model.parameters.gamma, 15.44, 2e-3, 'gamma');
    expect(Math.abs(model.logLikelihood - -4055.92)).toBeLessThan(0.1);
    expect(model.meanSpend).toBeCloseTo(35.17, 2);
    // With q > 1 enforced the optimum (q = 3.74) is unchanged.
    const bounded = fitGammaGamma(rows, { requireFiniteMean: true });
    expectRelative(bounded.parameters.q, model.parameters.q, 1e-6, 'q bounded');
  });
});

describe('BG/NBD anchors with the published parameters', () => {
  // Fader, Hardie & Lee (2005) / Hardie's spreadsheet: customer x = 2, t_x = 30.43, T = 38.86, next 39 weeks: 1.226.
  it("gives Hardie's conditional expectation 1.226", () => {
    const value = expectedPurchases(cdnowModel, { frequency: 2, recency: 30.43, T: 38.86 }, { length: 39, unit: 'week' });
    expect(Math.abs(value - 1.226), `actual ${value}`).toBeLessThan(5e-4);
  });

  // Hardie's spreadsheet: E[X(78)] = 1.8605 with the rounded parameters.
  it('gives the unconditional expectation 1.8605 at 78 weeks', () => {
    expect(expectedPurchasesNewCustomer(cdnowModel, { length: 78, unit: 'week' })).toBeCloseTo(1.8605, 4);
  });

  // Hardie note 027, "solution 2": a 0.80, b 2.50, r 0.25, alpha 4.00, T 40.
  it('computes the stable log-likelihood values of note 027', () => {
    const ll = (x: number, tx: number) =>
      logLikelihoodAndGradient(likelihoodData(Float64Array.of(x), Float64Array.of(tx), Float64Array.of(40), Float64Array.of(1)), 0, 0.25, 4, 0.8, 2.5, undefined);
    expect(ll(0, 0)).toBeCloseTo(-0.59947382, 8);
    expect(ll(200, 38)).toBeCloseTo(100.7957, 4);
  });

  // REFERENCES.md, reproduced with scipy and mpmath: r 0.11, alpha 2.24, a 0.31, b 0.50, x 0, T 1, horizon 30: 0.56459.
  it('gives 0.56459 where the hypergeometric value is negative', () => {
    const model = { kind: 'bg-nbd', parameters: { r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 }, timeUnit: 'week' } as const;
    expect(expectedPurchases(model, { frequency: 0, recency: 0, T: 1 }, { length: 30, unit: 'week' })).toBeCloseTo(0.56459, 5);
  });

  it('P(alive) for x = 1000, t_x = 10, T = 100 is exactly 0', () => {
    expect(probabilityAlive(cdnowModel, { frequency: 1000, recency: 10, T: 100 })).toBe(0);
    const e = expectedPurchases(cdnowModel, { frequency: 1000, recency: 10, T: 100 }, { length: 39, unit: 'week' });
    expect(e).toBe(0);
  });
});
