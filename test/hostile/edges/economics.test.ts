/**
 * The valid domain of `customer-metrics/economics` at its edges (issue 14, item 2): amounts from
 * 1e-8 to 1e8 and the money limits, rates at 0 and next to 1, discount rates from -1 + 1e-8 to 1e8,
 * horizons from 1 to the cap of 100,000 periods, one customer and 1e5 customers. Each property
 * states the answer or an invariant; fixed seeds.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacPayback, customerProfitability, cxInvestmentReturn, ltvToCac, retentionUpliftValue, shareOfWallet, walletAllocationShare } from '../../../src/economics/index.js';
import { attempt, expectClean, logUniform, money, nonIncreasing, probability, runs, within01 } from './helpers.js';

/** The functions this file covers (test/hostile/edges/coverage.test.ts checks every export is listed). */
export const covered = ['cacPayback', 'customerProfitability', 'cxInvestmentReturn', 'ltvToCac', 'retentionUpliftValue', 'shareOfWallet', 'walletAllocationShare'] as const;

const Exact = Decimal.clone({ precision: 400 });
const bigMoney = fc.oneof(money, fc.constantFrom(1e-100, 1e100));
/** Retention strictly below 1 (documented range [0, 1)). */
const retention = fc.oneof(fc.constantFrom(0, 0.5, 1 - 1e-8, 1 - 2 ** -52), fc.double({ min: 0, max: 1 - 2 ** -52, noNaN: true }));
const discount = fc.oneof(fc.constantFrom(0, -1 + 1e-8, 1e8), logUniform(-8, 8), fc.double({ min: -1 + 1e-8, max: 0, noNaN: true }));
const customers = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 100_000 }));

describe('ratios at the edges', () => {
  it('cacPayback = cac / (arpa x margin) >= 0, 0 for no CAC, undefined only without margin or beyond the numbers', () => {
    fc.assert(
      fc.property(bigMoney, bigMoney, probability, (cac, arpa, m) => {
        const p = cacPayback({ cac, arpaPerPeriod: arpa, grossMargin: m });
        if (cac === 0) return p === 0;
        if (p === undefined) return arpa * m === 0 || !Number.isFinite(cac / (arpa * m)) || arpa * m < 1e-300;
        expectClean(p);
        expect(p).toBeGreaterThanOrEqual(0);
        // margins are read as decimals (5e-324 is 5e-324, not the double 4.94e-324): compare where m is normal
        if (m > 1e-300) expect(p / (cac / arpa / m)).toBeCloseTo(1, 9);
        return true;
      }),
      runs(300),
    );
  });

  it('ltvToCac = ltv / cac, undefined for a CAC of 0; shareOfWallet in [0, 1] with a consistent status', () => {
    fc.assert(
      fc.property(bigMoney, bigMoney, (a, b) => {
        const r = ltvToCac({ ltv: a, cac: b });
        if (b === 0) expect(r).toBeUndefined();
        else if (r !== undefined) {
          expectClean(r);
          if (a === 0) expect(r).toBe(0);
          else expect(r / (a / b)).toBeCloseTo(1, 9);
        } else expect(Number.isFinite(a / b) && a / b > 0).toBe(false);
        const w = shareOfWallet({ ourSpend: a, otherSpend: b });
        expectClean(w);
        if (a === 0 && b === 0) return w.share === undefined && w.buysFrom === 'neither';
        expect(within01(w.share as number)).toBe(true);
        expect(w.buysFrom).toBe(a === 0 ? 'others' : b === 0 ? 'us' : 'both');
        return true;
      }),
      runs(300),
    );
  });

  it('walletAllocationShare: in (0, 1], non-increasing in rank, the shares of all ranks add up to 1 (1 to 100,000 brands)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 100_000 })), (brands) => {
        const shares = Array.from({ length: brands }, (_, i) => walletAllocationShare(i + 1, brands));
        expect(shares.every((s) => s > 0 && s <= 1)).toBe(true);
        expect(nonIncreasing(shares, 0)).toBe(true);
        expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
        return true;
      }),
      runs(30),
    );
    expect(walletAllocationShare(1, 1)).toBe(1);
  });
});

describe('customerProfitability at the edges', () => {
  it('profit = revenue - costs per customer; totals add up; unprofitable counts the negative profits; margin undefined without revenue', () => {
    const row = fc.record({ revenue: bigMoney, costOfGoods: bigMoney, costToServe: bigMoney });
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 300 }), (rows) => {
        const out = customerProfitability(rows.map((r, i) => ({ customerId: i, ...r })));
        expectClean(out);
        const tol = (x: Decimal.Value) => new Exact(x).abs().times(1e-38);
        let total = new Exact(0);
        let magnitude = new Exact(0);
        out.customers.forEach((c, i) => {
          const r = rows[i] as (typeof rows)[number];
          const exact = new Exact(r.revenue).minus(r.costOfGoods).minus(r.costToServe);
          expect(new Exact(c.profit).minus(exact).abs().lte(tol(r.revenue + r.costOfGoods + r.costToServe))).toBe(true);
          if (r.revenue === 0) expect(c.profitMargin).toBeUndefined();
          total = total.plus(exact);
          magnitude = magnitude.plus(r.revenue + r.costOfGoods + r.costToServe);
        });
        expect(new Exact(out.totals.profit).minus(total).abs().lte(tol(magnitude))).toBe(true);
        expect(out.totals.unprofitableCustomers).toBe(out.customers.filter((c) => c.profit.isNegative() && !c.profit.isZero()).length);
        return true;
      }),
      runs(150),
    );
  });
});

describe('retentionUpliftValue and cxInvestmentReturn at the edges', () => {
  const horizon = fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 50 }), fc.constantFrom(1, 100_000));

  it('retentionUpliftValue: gain = improved - baseline, total = customers x gain, improved >= baseline for a positive uplift', () => {
    fc.assert(
      fc.property(customers, bigMoney, retention, fc.double({ min: 0, max: 1, noNaN: true }), discount, horizon, (n, m, r, share, i, h) => {
        const u = r + (1 - r) * share * (1 - 1e-12) < 1 ? (1 - r) * share * (1 - 1e-12) : 0;
        const out = attempt(() => retentionUpliftValue({ customers: n, marginPerPeriod: m, retentionRatePerPeriod: r, retentionUplift: u, discountRatePerPeriod: i, ...(h === undefined ? {} : { horizonPeriods: h }) }));
        if (out.refused) {
          // documented: the discounted sum exceeds the range of numbers (a negative discount rate over a long horizon)
          // or (infinite horizon) 1 + i - r <= 0, where the sum diverges
          const paths = (out.refused as unknown as { issues: { path: unknown[] }[] }).issues.map((x) => x.path[1]);
          return i < 0 && paths.every((p) => p === (h === undefined ? 'discountRatePerPeriod' : 'horizonPeriods'));
        }
        const v = out.value;
        const gain = new Exact(v.improvedClv).minus(v.baselineClv);
        expect(new Exact(v.gainPerCustomer).minus(gain).abs().lte(gain.abs().times(1e-30).plus(1e-90))).toBe(true);
        expect(new Exact(v.totalGain).minus(new Exact(v.gainPerCustomer).times(n)).abs().lte(new Exact(v.totalGain).abs().times(1e-30).plus(1e-90))).toBe(true);
        expect(v.improvedClv.gte(v.baselineClv)).toBe(true);
        if (v.relativeGain !== undefined) expect(v.relativeGain).toBeGreaterThanOrEqual(0);
        return true;
      }),
      runs(300),
    );
  });

  it('cxInvestmentReturn: benefit = sum of its parts, net = benefit - cost, payback within the horizon, up to the 100,000-period cap', () => {
    fc.assert(
      fc.property(
        customers,
        bigMoney,
        retention,
        fc.double({ min: 0, max: 1, noNaN: true }),
        discount,
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(1, 100_000)),
        fc.record({ spend: fc.double({ min: -1, max: 10, noNaN: true }), refs: logUniform(-8, 2), value: money, upfront: money, running: money }),
        (n, m, r, share, i, h, x) => {
          const out = attempt(() =>
            cxInvestmentReturn({
              customers: n,
              marginPerPeriod: m,
              retentionRatePerPeriod: r,
              discountRatePerPeriod: i,
              horizonPeriods: h,
              benefits: { retentionUplift: r + (1 - r) * share * (1 - 1e-12) < 1 ? (1 - r) * share * (1 - 1e-12) : 0, spendUplift: x.spend, referralsPerCustomerPerPeriod: x.refs, valuePerReferral: x.value },
              upfrontCosts: { tools: x.upfront },
              costsPerPeriod: { people: x.running },
            }),
          );
          // documented: the discounted sum exceeds the range of numbers (a negative discount rate over a long horizon)
          if (out.refused) return i < 0 && (out.refused as unknown as { issues: { path: unknown[] }[] }).issues.every((x) => x.path[1] === 'horizonPeriods');
          const v = out.value;
          const parts = new Exact(v.benefitBreakdown.retention).plus(v.benefitBreakdown.spend).plus(v.benefitBreakdown.referrals);
          expect(new Exact(v.benefit).minus(parts).abs().lte(parts.abs().times(1e-30).plus(1e-90))).toBe(true);
          const net = new Exact(v.benefit).minus(v.cost);
          expect(new Exact(v.netValue).minus(net).abs().lte(new Exact(v.benefit).abs().plus(new Exact(v.cost).abs()).times(1e-30).plus(1e-90))).toBe(true);
          expect(v.cost.gte(0)).toBe(true);
          if (v.paybackPeriods !== undefined) expect(v.paybackPeriods >= 0 && v.paybackPeriods <= h).toBe(true);
          if (v.cost.isZero()) expect(v.roi).toBeUndefined();
          return true;
        },
      ),
      runs(200),
    );
  });
});
