import type { Decimal } from 'decimal.js';
import { checkObject } from '../_lib/checkObject.js';
import { checkMoney, Money, type MoneyInput } from '../_lib/money.js';
import { marginMultiple, MULTIPLE_OVERFLOW } from '../_lib/retentionValue.js';
import { checkNumber, IssueList } from '../_lib/validate.js';

/** The benefits a customer-experience programme is expected to bring; each 0 when left out. */
export interface CxBenefits {
  /**
   * Rise in the retention rate per period, in rate points (0.05 = +5 points). Longer customer
   * lifetimes follow from it: expected lifetime is 1 / (1 - retention) periods.
   * @defaultValue `0`
   */
  readonly retentionUplift?: number;
  /**
   * Relative rise in the margin per period of a retained customer (0.1 = customers spend 10% more).
   * At least -1.
   * @defaultValue `0`
   */
  readonly spendUplift?: number;
  /**
   * Extra referrals per retained customer per period that the programme brings (word of mouth).
   * @defaultValue `0`
   */
  readonly referralsPerCustomerPerPeriod?: number;
  /**
   * Value of one referral (the CLV of a referred customer net of any referral reward), >= 0.
   * @defaultValue `0`
   */
  readonly valuePerReferral?: MoneyInput;
}

/** The costs of a customer-experience programme, by kind; each 0 when left out. All >= 0. */
export interface CxCosts {
  /** Staff: hiring, salaries of the people running the programme. @defaultValue `0` */
  readonly people?: MoneyInput;
  /** Training front-line staff. @defaultValue `0` */
  readonly training?: MoneyInput;
  /** Tools and technology: feedback platforms, CRM, analytics. @defaultValue `0` */
  readonly tools?: MoneyInput;
  /** Redesigning touch points: processes, web and app journeys, stores. @defaultValue `0` */
  readonly touchpointRedesign?: MoneyInput;
  /** Anything else. @defaultValue `0` */
  readonly other?: MoneyInput;
}

/** Inputs of {@link cxInvestmentReturn}. Rates, margins and running costs per the same period. */
export interface CxInvestmentReturnInput {
  /** Number of customers the programme reaches, a whole number >= 0. */
  readonly customers: number;
  /** Margin one retained customer brings in each period today, >= 0. */
  readonly marginPerPeriod: MoneyInput;
  /** Today's retention rate per period, in [0, 1). */
  readonly retentionRatePerPeriod: number;
  /** Discount rate per period, greater than -1. */
  readonly discountRatePerPeriod: number;
  /** The evaluation horizon: a whole number of periods from 1 to 100,000 (the payback is computed period by period). */
  readonly horizonPeriods: number;
  /** The expected benefits; see {@link CxBenefits}. */
  readonly benefits: CxBenefits;
  /**
   * One-off costs paid at the start; see {@link CxCosts}.
   * @defaultValue no one-off costs
   */
  readonly upfrontCosts?: CxCosts;
  /**
   * Running costs paid at the end of every period of the horizon; see {@link CxCosts}.
   * @defaultValue no running costs
   */
  readonly costsPerPeriod?: CxCosts;
}

/** The value of each benefit over the horizon (present values, whole base). */
export interface CxBenefitBreakdown {
  /** From the retention uplift alone, at today's margin. */
  readonly retention: Decimal;
  /** From the spend uplift, on the improved retention. */
  readonly spend: Decimal;
  /** From referrals, on the improved retention. */
  readonly referrals: Decimal;
}

/** The result of {@link cxInvestmentReturn}. */
export interface CxInvestmentReturnResult {
  /** Present value of the programme's benefits over the horizon, whole base. */
  readonly benefit: Decimal;
  /** The benefit by source. */
  readonly benefitBreakdown: CxBenefitBreakdown;
  /** Present value of the costs: upfront costs plus discounted running costs. */
  readonly cost: Decimal;
  /** `benefit - cost`: the programme's net present value. */
  readonly netValue: Decimal;
  /** Return on investment `netValue / cost`; `undefined` when the cost is 0 (or so small that the ratio exceeds the range of numbers). */
  readonly roi: number | undefined;
  /**
   * Periods until the cumulative discounted net cash flow (starting at minus the upfront costs)
   * turns non-negative for good within the horizon, linear within a period; 0 when it never is
   * negative; `undefined` when it is negative at the end of the horizon.
   */
  readonly paybackPeriods: number | undefined;
}

const COST_KEYS = ['people', 'training', 'tools', 'touchpointRedesign', 'other'] as const;

/**
 * The return on a customer-experience (CX) investment: what its expected rise in retention, in
 * spending and in referrals is worth over the customer base, through CLV, net of what it costs.
 *
 * Definition: with margin m, retention r, discount rate i per period, N customers, the margin
 * multiple `M(q) = sum_{t=1..H} (q / (1 + i))^t` and the benefits u (retention points), s (spend
 * uplift), rho (referrals per customer per period) and V (value per referral):
 * - retention benefit `N * m * (M(r + u) - M(r))`;
 * - spend benefit `N * m * s * M(r + u)`;
 * - referral benefit `N * rho * V * M(r + u)`;
 * - cost = upfront costs + running costs x `sum_{t=1..H} (1 + i)^-t`.
 * ROI is `(benefit - cost) / cost`; the payback period is when the cumulative discounted net cash
 * flow, starting at minus the upfront costs, turns non-negative. Every benefit and cost is an
 * explicit input: the function has no industry defaults. (Widely quoted figures, such as Bain's
 * "+5 points of retention raise profits by 25% to 95%", are claims about particular businesses,
 * not constants; see docs/economics.md.)
 *
 * Cost: O(H) (the payback period walks the horizon).
 *
 * @param input - The base, today's economics, the horizon, the benefits and the costs; see
 * {@link CxInvestmentReturnInput}.
 * @returns Benefit (with its breakdown), cost, net value, ROI and payback period.
 * @throws {@link MetricsInputError} for rates out of range (retention outside [0, 1), discount
 * <= -1, an improved retention outside [0, 1), spend uplift < -1), negative or non-finite amounts
 * or counts, a horizon that is not a whole number >= 1, unknown keys, or a horizon so long for a
 * negative discount rate that the discounted sum exceeds the range of numbers.
 * @see Reichheld & Sasser (1990), "Zero defections", Harvard Business Review; Gupta & Lehmann
 * (2003), "Customers as assets"; Forrester, "The business impact of customer experience".
 * @example
 * ```ts
 * import { cxInvestmentReturn } from 'customer-metrics';
 * const result = cxInvestmentReturn({
 *   customers: 1000,
 *   marginPerPeriod: 100,
 *   retentionRatePerPeriod: 0.8,
 *   discountRatePerPeriod: 0.1,
 *   horizonPeriods: 3,
 *   benefits: { retentionUplift: 0.05 },
 *   upfrontCosts: { training: 5000, tools: 5000 },
 * });
 * // Multiples over 3 periods: M(0.85) = 1.83124, M(0.80) = 1.64087; 1000 * 100 * 0.19036 = 19,036
 * result.benefit.toFixed(0); // => '19036'
 * result.cost.toNumber(); // => 10000
 * result.roi; // => ~0.9036
 * // Discounted gains 4,545.45 in period 1 and 6,818.18 in period 2: 1 + 5,454.55 / 6,818.18 = 1.8
 * result.paybackPeriods; // => ~1.80
 * ```
 */
export function cxInvestmentReturn(input: CxInvestmentReturnInput): CxInvestmentReturnResult {
  const issues = new IssueList();
  const o = checkObject(
    input,
    'input',
    ['customers', 'marginPerPeriod', 'retentionRatePerPeriod', 'discountRatePerPeriod', 'horizonPeriods', 'benefits', 'upfrontCosts', 'costsPerPeriod'],
    issues,
  );
  if (o === undefined) issues.throwIfAny();
  const v = o as Record<string, unknown>;
  checkNumber(v.customers, ['input', 'customers'], { integer: true, min: 0 }, issues);
  const margin = checkMoney(v.marginPerPeriod, ['input', 'marginPerPeriod'], issues, true);
  const rOk = checkNumber(v.retentionRatePerPeriod, ['input', 'retentionRatePerPeriod'], { min: 0, lessThan: 1 }, issues);
  checkNumber(v.discountRatePerPeriod, ['input', 'discountRatePerPeriod'], { greaterThan: -1 }, issues);
  checkNumber(v.horizonPeriods, ['input', 'horizonPeriods'], { integer: true, min: 1, max: MAX_HORIZON_PERIODS }, issues);

  const b = checkObject(v.benefits, ['input', 'benefits'], ['retentionUplift', 'spendUplift', 'referralsPerCustomerPerPeriod', 'valuePerReferral'], issues);
  let u = 0;
  let s = 0;
  let rho = 0;
  let referralValue = new Money(0);
  if (b !== undefined) {
    if (b.retentionUplift !== undefined && checkNumber(b.retentionUplift, ['input', 'benefits', 'retentionUplift'], {}, issues)) u = b.retentionUplift;
    if (b.spendUplift !== undefined && checkNumber(b.spendUplift, ['input', 'benefits', 'spendUplift'], { min: -1 }, issues)) s = b.spendUplift;
    if (b.referralsPerCustomerPerPeriod !== undefined && checkNumber(b.referralsPerCustomerPerPeriod, ['input', 'benefits', 'referralsPerCustomerPerPeriod'], { min: 0 }, issues)) {
      rho = b.referralsPerCustomerPerPeriod;
    }
    if (b.valuePerReferral !== undefined) referralValue = checkMoney(b.valuePerReferral, ['input', 'benefits', 'valuePerReferral'], issues, true) ?? referralValue;
  }
  const r = v.retentionRatePerPeriod as number;
  if (rOk && !(r + u >= 0 && r + u < 1)) issues.add('invalid_structure', ['input', 'benefits', 'retentionUplift'], 'must keep the improved retention rate in [0, 1)');
  const upfront = readCosts(v.upfrontCosts, 'upfrontCosts', issues);
  const running = readCosts(v.costsPerPeriod, 'costsPerPeriod', issues);
  issues.throwIfAny();

  const i = v.discountRatePerPeriod as number;
  const H = v.horizonPeriods as number;
  const N = v.customers as number;
  const m = margin as Decimal;
  const before = marginMultiple(r, i, H);
  const after = marginMultiple(r + u, i, H);
  const annuity = marginMultiple(1, i, H); // sum of (1 + i)^-t
  if (!Number.isFinite(before) || !Number.isFinite(after) || !Number.isFinite(annuity)) {
    issues.add('too_big', ['input', 'horizonPeriods'], MULTIPLE_OVERFLOW);
    issues.throwIfAny();
  }
  const retention = m.times(N).times(after - before);
  const spend = m.times(N).times(s).times(after);
  const referrals = referralValue.times(N).times(rho).times(after);
  const benefit = retention.plus(spend).plus(referrals);
  const cost = upfront.plus(running.times(annuity));
  const netValue = benefit.minus(cost);

  // Payback: cumulative discounted net cash flow, period by period.
  const mN = m.toNumber() * N;
  const refN = referralValue.toNumber() * N * rho;
  const runningCost = running.toNumber();
  let cumulative = -upfront.toNumber();
  let paybackPeriods: number | undefined = cumulative >= 0 ? 0 : undefined;
  let qOld = 1;
  let qNew = 1;
  let d = 1;
  for (let t = 1; t <= H; t++) {
    qOld *= r;
    qNew *= r + u;
    d /= 1 + i;
    const flow = (mN * ((1 + s) * qNew - qOld) + refN * qNew - runningCost) * d;
    const next = cumulative + flow;
    // The payback is the last time the cumulative flow turns non-negative for good.
    if (cumulative < 0 && next >= 0) paybackPeriods = t - 1 + -cumulative / flow;
    else if (next < 0) paybackPeriods = undefined;
    cumulative = next;
  }
  return {
    benefit,
    benefitBreakdown: { retention, spend, referrals },
    cost,
    netValue,
    roi: cost.isZero() ? undefined : finiteOrUndefined(netValue.div(cost).toNumber()),
    paybackPeriods,
  };
}

/** The longest horizon: the payback is found period by period. */
const MAX_HORIZON_PERIODS = 100_000;

const finiteOrUndefined = (x: number): number | undefined => (Number.isFinite(x) ? x : undefined);

function readCosts(value: unknown, key: string, issues: IssueList): Decimal {
  let total = new Money(0);
  if (value === undefined) return total;
  const costs = checkObject(value, ['input', key], COST_KEYS, issues);
  if (costs === undefined) return total;
  for (const kind of COST_KEYS) {
    if (costs[kind] === undefined) continue;
    const amount = checkMoney(costs[kind], ['input', key, kind], issues, true);
    if (amount !== undefined) total = total.plus(amount);
  }
  return total;
}
