/**
 * Validation and uncertainty on CDNOW (test/fixtures/data/cdnow, see its README): a 39-week calibration
 * (to 1997-09-30) and 39-week holdout (to 1998-06-30) split, as in Fader, Hardie & Lee (2005).
 * Reference: ../shared/REFERENCES.md, "BG/NBD, CDNOW": customer x = 2, t_x = 30.43, T = 38.86
 * expects 1.226 purchases in the next 39 weeks (Fader, Hardie & Lee 2005; Hardie's spreadsheet).
 */
import { describe, expect, it } from 'vitest';
import { calibrationHoldoutSplit } from '../src/clv/data/calibrationHoldoutSplit.js';
import { compareModels } from '../src/clv/validation/compareModels.js';
import { customerLifetimeValue } from '../src/clv/predictions/customerLifetimeValue.js';
import { expectedPurchases } from '../src/clv/predictions/expectedPurchases.js';
import { fitBgNbd } from '../src/clv/bgNbd/fitBgNbd.js';
import { fitGammaGamma } from '../src/clv/gammaGamma/fitGammaGamma.js';
import { fitMbgNbd } from '../src/clv/bgNbd/fitMbgNbd.js';
import { holdoutValidation } from '../src/clv/validation/holdoutValidation.js';
import { periodTransactionsHistogram } from '../src/clv/validation/periodTransactionsHistogram.js';
import { predictionInterval } from '../src/clv/validation/predictionInterval.js';
import { readFixtureData } from './helpers/fixture-data.js';

function cdnowTransactions() {
  return readFixtureData('cdnow/CDNOW_sample.txt')
    .trim()
    .split('\n')
    .map((line) => {
      const [, id, day, , value] = line.trim().split(/\s+/) as [string, string, string, string, string];
      return { customerId: Number(id), date: Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))), amount: value };
    });
}

describe('holdout validation and intervals on CDNOW', () => {
  const transactions = cdnowTransactions();
  const calibrationEnd = Date.UTC(1997, 8, 30);
  const split = calibrationHoldoutSplit(transactions, { calibrationEnd, observationEnd: Date.UTC(1998, 5, 30), period: 'day', unit: 'week' });
  const calibration = split.map((r) => ({ frequency: r.frequency, recency: r.recency, T: r.T }));
  const model = fitBgNbd(calibration, { timeUnit: 'week' });
  const result = holdoutValidation(model as never, split, { tracking: { transactions, calibrationEnd, period: 'day', unit: 'week' } });

  it('expects 1.226 holdout purchases for customer 1 (x = 2, t_x = 30.43, T = 38.86), as in Fader, Hardie & Lee (2005)', () => {
    expect(split[0]?.customerId).toBe(1);
    expect(result?.expected[0]).toBeCloseTo(1.226, 3);
  });

  it('covers all 2,357 customers; groups, totals and tracking agree with each other', () => {
    const r = result as NonNullable<typeof result>;
    expect(r.expected).toHaveLength(2357);
    expect(r.byFrequency.reduce((s, g) => s + g.customers, 0)).toBe(2357);
    expect(r.totals.actual).toBe(split.reduce((s, row) => s + row.holdoutFrequency, 0));
    const t = r.tracking as NonNullable<typeof r.tracking>;
    expect(t.end).toHaveLength(39);
    expect(t.actualCumulative[38]).toBe(r.totals.actual);
    expect(t.expectedCumulative[38]).toBeCloseTo(r.totals.expected, 6);
    // Weighted group means add back up to the totals.
    expect(r.byFrequency.reduce((s, g) => s + g.customers * g.expected, 0)).toBeCloseTo(r.totals.expected, 6);
    expect(r.byFrequency.reduce((s, g) => s + g.customers * g.actual, 0)).toBeCloseTo(r.totals.actual, 6);
  });

  it('the model tracks the holdout: expectations rise with calibration frequency, correlation with the actual is clearly positive', () => {
    const r = result as NonNullable<typeof result>;
    for (let k = 1; k < r.byFrequency.length; k++) expect(r.byFrequency[k]?.expected).toBeGreaterThan(r.byFrequency[k - 1]?.expected as number);
    expect(r.errors.correlation).toBeGreaterThan(0.5);
    expect(Math.abs(r.totals.expected - r.totals.actual) / r.totals.actual).toBeLessThan(0.2);
  });

  it('the period transactions histogram adds up to the 2,357 customers on both sides', () => {
    const bins = periodTransactionsHistogram(model as never, calibration);
    expect(bins.reduce((s, b) => s + b.actual, 0)).toBe(2357);
    expect(bins.reduce((s, b) => s + b.expected, 0)).toBeCloseTo(2357, 6);
    expect(bins[0]?.actual).toBe(1411);
    expect(Math.abs((bins[0]?.expected as number) - 1411)).toBeLessThan(40);
  });

  it('compareModels puts BG/NBD (-9582.4) and MBG/NBD (-9582.1) side by side on the same customers', () => {
    const rows = compareModels({ 'BG/NBD': model as never, 'MBG/NBD': fitMbgNbd(calibration, { timeUnit: 'week' }) });
    expect(rows[0]?.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(rows[1]?.logLikelihood).toBeCloseTo(-9582.13, 0);
    expect(rows.every((r) => r.customers === 2357 && r.parameterCount === 4)).toBe(true);
  });

  it('prediction intervals for expected purchases and for CLV work through the generic prediction functions', () => {
    const customer = calibration[0] as NonNullable<(typeof calibration)[0]>;
    const purchases = predictionInterval(model as never, (m) => expectedPurchases(m as never, customer, { length: 39, unit: 'week' }), { draws: 300, seed: 11 });
    expect(purchases.estimate).toBeCloseTo(1.226, 3);
    expect(purchases.lower).toBeLessThan(purchases.estimate);
    expect(purchases.upper).toBeGreaterThan(purchases.estimate);
    expect(purchases.upper - purchases.lower).toBeLessThan(0.5);

    const repeat = split.filter((r) => r.frequency > 0).map((r) => ({ frequency: r.frequency, monetaryValue: r.monetaryValue }));
    const spendModel = fitGammaGamma(repeat);
    const customers = split.slice(0, 3).map((r) => ({ frequency: r.frequency, recency: r.recency, T: r.T, monetaryValue: r.monetaryValue }));
    const clv = predictionInterval(
      { transactionModel: model as never, spendModel },
      (m) =>
        customerLifetimeValue({ transactionModel: m.transactionModel as never, spendModel: m.spendModel as never, customers, horizon: { length: 12, unit: 'month' }, discountRate: 0.01 }).map(
          (v) => v ?? Number.NaN,
        ),
      { draws: 200, seed: 3 },
    );
    expect(clv.estimate).toHaveLength(3);
    expect(clv.level).toBe(0.9);
    for (let i = 0; i < 3; i++) {
      expect(clv.lower[i] as number).toBeLessThanOrEqual(clv.estimate[i] as number);
      expect(clv.upper[i] as number).toBeGreaterThanOrEqual(clv.estimate[i] as number);
    }
    expect(clv.draws + clv.failedDraws).toBe(200);
  });
});
