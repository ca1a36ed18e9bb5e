import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/paretoNbd.json' with { type: 'json' };
import { deathIntegralBranch, logDeathIntegral, logDeathIntegralWith, type LogIntegral } from './paretoNbdIntegral.js';
import {
  expRatio,
  paretoNbdDiscountedExpectedTransactions,
  paretoNbdExpectedPurchases,
  paretoNbdExpectedPurchasesNewCustomer,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
} from './paretoNbdKernel.js';
import { ageIndex, paretoNbdLogLikelihood, paretoNbdRowLogLikelihood } from './paretoNbdLikelihood.js';

type P4 = [number, number, number, number];
const CDNOW: P4 = [0.553, 10.578, 0.606, 11.669];
const relErr = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

// Reference: fixtures/generateParetoNbd.py (mpmath, 50 digits, published closed forms: Fader & Hardie
// 2005 note on the Pareto/NBD; Fader, Hardie & Lee 2005 "RFM and CLV" for DERT).
describe('Pareto/NBD kernels against mpmath', () => {
  const rows = fixture.customers.map((c) => [c.params.join('/'), c.x, c.tx, c.T, c] as const);
  it.each(rows)('params %s, x=%s, t_x=%s, T=%s', (_, x, tx, T, c) => {
    const [r, alpha, s, beta] = c.params as P4;
    const ll = paretoNbdRowLogLikelihood(r, alpha, s, beta, x, tx, T);
    expect(Math.abs(ll - c.logLikelihood), `ll ${ll} vs ${c.logLikelihood}`).toBeLessThan(1e-11 * Math.max(1, Math.abs(c.logLikelihood)));
    expect(relErr(paretoNbdProbabilityAlive(r, alpha, s, beta, x, tx, T), c.pAlive)).toBeLessThan(1e-11);
    if (c.expected39 !== null) expect(relErr(paretoNbdExpectedPurchases(r, alpha, s, beta, x, tx, T, 39), c.expected39)).toBeLessThan(1e-11);
    expect(relErr(paretoNbdDiscountedExpectedTransactions(r, alpha, s, beta, x, tx, T, Math.log(1.15) / 52), c.dert)).toBeLessThan(1e-11);
  });

  const fresh = fixture.newCustomer.map((c) => [c.params.join('/'), c.t, c] as const);
  it.each(fresh)('new customer, params %s, t=%s', (_, t, c) => {
    const [r, alpha, s, beta] = c.params as P4;
    if (c.expected !== null) expect(relErr(paretoNbdExpectedPurchasesNewCustomer(r, alpha, s, beta, t), c.expected)).toBeLessThan(1e-12);
    c.counts.forEach((p, n) => {
      expect(relErr(paretoNbdPurchaseCountProbability(r, alpha, s, beta, n, t), p), `n=${n}`).toBeLessThan(1e-11);
    });
  });
});

describe('the death integral', () => {
  const out: LogIntegral = { value: 0, da: 0, dAlpha: 0, db: 0, dBeta: 0 };
  const cases: [number, number, number, number, number, number][] = [
    [2.553, 10.578, 1.606, 11.669, 30.43, 38.86], // CDNOW customer, alpha < beta
    [0.553, 10.578, 1.606, 11.669, 0, 38.86],
    [300.5, 10.578, 1.606, 11.669, 30, 38.86], // frequent buyer
    [0.5, 20, 1.6, 1, 0, 40], // alpha > beta, z near 1: quadrature
    [0.5, 1e-3, 1.6, 1000, 0, 40], // alpha near 0, beta large
    [120.2, 50, 1.1, 0.5, 30, 31],
    [0.3, 5, 1.2, 5, 0, 40], // alpha = beta: z = 0
  ];

  it('takes the series for the CDNOW regime and quadrature where the series would be slow', () => {
    expect(deathIntegralBranch(2.553, 10.578, 1.606, 11.669, 30.43)).toBe('series');
    expect(deathIntegralBranch(0.5, 20, 1.6, 1, 0)).toBe('quadrature');
    expect(deathIntegralBranch(0.5, 1e-3, 1.6, 1000, 0)).toBe('quadrature');
  });

  it.each(cases)('series and quadrature agree where both converge: a=%s alpha=%s b=%s beta=%s [%s, %s]', (a, alpha, b, beta, lo, hi) => {
    if (deathIntegralBranch(a, alpha, b, beta, lo) === 'series') {
      expect(logDeathIntegralWith('quadrature', a, alpha, b, beta, lo, hi)).toBeCloseTo(logDeathIntegralWith('series', a, alpha, b, beta, lo, hi), 11);
    }
    // The chosen branch equals the forced one.
    const branch = deathIntegralBranch(a, alpha, b, beta, lo);
    expect(logDeathIntegral(a, alpha, b, beta, lo, hi, out).value).toBe(logDeathIntegralWith(branch, a, alpha, b, beta, lo, hi));
  });

  it.each(cases)('has the analytic gradient of ln I (central differences): a=%s alpha=%s b=%s beta=%s [%s, %s]', (a, alpha, b, beta, lo, hi) => {
    const base = [a, alpha, b, beta] as P4;
    const grad = logDeathIntegral(a, alpha, b, beta, lo, hi, out);
    const analytic = [grad.da, grad.dAlpha, grad.db, grad.dBeta];
    const scratch: LogIntegral = { value: 0, da: 0, dAlpha: 0, db: 0, dBeta: 0 };
    for (let k = 0; k < 4; k++) {
      // Central differences with one Richardson step (error O(h^4)).
      const central = (h: number) => {
        const up = [...base] as P4;
        const down = [...base] as P4;
        up[k] = (up[k] as number) + h;
        down[k] = (down[k] as number) - h;
        return (logDeathIntegral(...up, lo, hi, scratch).value - logDeathIntegral(...down, lo, hi, scratch).value) / (2 * h);
      };
      const h = 1e-3 * (base[k] as number);
      const numeric = (4 * central(h / 2) - central(h)) / 3;
      expect(Math.abs((analytic[k] as number) - numeric), `component ${k}: ${analytic[k]} vs ${numeric}`).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('is exactly zero (log -Infinity) when t_x = T, with a zero gradient', () => {
    const r = logDeathIntegral(2.5, 10, 1.6, 11, 38.86, 38.86, out);
    expect(r.value).toBe(-Infinity);
    expect([r.da, r.dAlpha, r.db, r.dBeta]).toEqual([0, 0, 0, 0]);
  });

  it('is continuous as t_x approaches T: I ~ (T - t_x) (alpha + T)^-a (beta + T)^-b', () => {
    const [a, alpha, b, beta, T] = [3.5, 10, 1.6, 11, 38];
    for (const gap of [1e-3, 1e-6, 1e-9]) {
      const approx = Math.log(gap) - a * Math.log(alpha + T) - b * Math.log(beta + T);
      expect(logDeathIntegral(a, alpha, b, beta, T - gap, T, out).value).toBeCloseTo(approx, 2);
    }
  });
});

describe('the total log-likelihood', () => {
  it('has the analytic gradient (central differences) and weights that multiply rows', () => {
    // Rows with the death term dominating (x = 1, t_x = 1.71), the alive term dominating, and t_x = T.
    const data = {
      x: Float64Array.from([0, 2, 7, 1, 4]),
      tx: Float64Array.from([0, 30.43, 29.43, 1.71, 20]),
      T: Float64Array.from([38.86, 38.86, 38.86, 20, 20]),
      w: Float64Array.from([3, 1, 2, 1, 2]),
    };
    const grad = new Float64Array(4);
    const ll = paretoNbdLogLikelihood(CDNOW, data, grad);
    const byRow = [0, 1, 2, 3, 4].reduce(
      (acc, i) => acc + (data.w[i] as number) * paretoNbdRowLogLikelihood(...CDNOW, data.x[i] as number, data.tx[i] as number, data.T[i] as number),
      0,
    );
    expect(ll).toBeCloseTo(byRow, 10);
    for (let k = 0; k < 4; k++) {
      const h = 1e-6 * (CDNOW[k] as number);
      const up = [...CDNOW] as P4;
      const down = [...CDNOW] as P4;
      up[k] = (up[k] as number) + h;
      down[k] = (down[k] as number) - h;
      const numeric = (paretoNbdLogLikelihood(up, data) - paretoNbdLogLikelihood(down, data)) / (2 * h);
      expect(grad[k] as number).toBeCloseTo(numeric, 5);
    }
  });

  it('handles frequencies beyond its per-frequency cache (x > 1e6) with the same values and gradient', () => {
    const x = 2_000_000;
    const p: P4 = [0.8, 3, 0.6, 11];
    const one = { x: Float64Array.of(x, 3), tx: Float64Array.of(38, 20), T: Float64Array.of(38.86, 38.86), w: Float64Array.of(1, 2) };
    const grad = new Float64Array(4);
    const ll = paretoNbdLogLikelihood(p, one, grad);
    expect(ll).toBeCloseTo(paretoNbdRowLogLikelihood(...p, x, 38, 38.86) + 2 * paretoNbdRowLogLikelihood(...p, 3, 20, 38.86), 4);
    // The total is about -1e7 here, so differences lose digits: a wider step and a 1e-3 tolerance.
    const h = 1e-4;
    const numeric = (paretoNbdLogLikelihood([p[0] + h, p[1], p[2], p[3]], one) - paretoNbdLogLikelihood([p[0] - h, p[1], p[2], p[3]], one)) / (2 * h);
    expect(Math.abs((grad[0] as number) - numeric) / Math.abs(numeric)).toBeLessThan(1e-3);
  });

  it('uses log-gamma for frequencies of 48 and more, continuously with the exact sums below', () => {
    const d47 = paretoNbdRowLogLikelihood(...CDNOW, 47, 35, 38.86);
    const d48 = paretoNbdRowLogLikelihood(...CDNOW, 48, 35, 38.86);
    const d49 = paretoNbdRowLogLikelihood(...CDNOW, 49, 35, 38.86);
    // Second differences of a smooth function of x are small compared to the values.
    expect(Math.abs(d49 - 2 * d48 + d47)).toBeLessThan(0.1);
    const grad = new Float64Array(4);
    const one = (x: number) => ({ x: Float64Array.of(x), tx: Float64Array.of(35), T: Float64Array.of(38.86), w: Float64Array.of(1) });
    paretoNbdLogLikelihood(CDNOW, one(60), grad);
    const h = 1e-6;
    const numeric = (paretoNbdLogLikelihood([CDNOW[0] + h, CDNOW[1], CDNOW[2], CDNOW[3]], one(60)) - paretoNbdLogLikelihood([CDNOW[0] - h, CDNOW[1], CDNOW[2], CDNOW[3]], one(60))) / (2 * h);
    expect(grad[0] as number).toBeCloseTo(numeric, 4);
  });
});

describe('robustness', () => {
  const extremes: P4[] = [CDNOW, [0.25, 1e-4, 1.5, 1e4], [0.01, 1e-6, 0.01, 1e6], [50, 0.5, 30, 0.2], [2.5, 40, 0.3, 2], [1, 5, 1, 8]];

  it('gives finite results in range for frequencies in the hundreds and extreme parameters', () => {
    for (const p of extremes) {
      for (const x of [0, 1, 100, 250, 500, 1000]) {
        const tx = x === 0 ? 0 : 10;
        const pa = paretoNbdProbabilityAlive(...p, x, tx, 100);
        const e = paretoNbdExpectedPurchases(...p, x, tx, 100, 52);
        const d = paretoNbdDiscountedExpectedTransactions(...p, x, tx, 100, 0.002);
        expect(pa, `P(alive) ${p} x=${x}`).toBeGreaterThanOrEqual(0);
        expect(pa).toBeLessThanOrEqual(1);
        expect(Number.isFinite(e) && e >= 0, `E ${p} x=${x}: ${e}`).toBe(true);
        expect(Number.isFinite(d) && d >= 0, `DERT ${p} x=${x}: ${d}`).toBe(true);
      }
    }
  });

  it('keeps a row log-likelihood finite when the death term outweighs the alive term by e^700 and more', () => {
    const ll = paretoNbdRowLogLikelihood(...CDNOW, 1000, 10, 100);
    expect(Number.isFinite(ll)).toBe(true);
    const one = { x: Float64Array.of(1000), tx: Float64Array.of(10), T: Float64Array.of(100), w: Float64Array.of(1) };
    expect(paretoNbdLogLikelihood(CDNOW, one)).toBeCloseTo(ll, 8);
    // And the reverse: the alive term far above the death term (last purchase just before T).
    const late = paretoNbdRowLogLikelihood(...CDNOW, 1000, 99.9999, 100);
    expect(paretoNbdLogLikelihood(CDNOW, { ...one, tx: Float64Array.of(99.9999) })).toBeCloseTo(late, 8);
  });

  it('gives P(alive) = 0 with no NaN for x = 1000, t_x = 10, T = 100 (the issue’s example)', () => {
    expect(paretoNbdProbabilityAlive(...CDNOW, 1000, 10, 100)).toBe(0);
    expect(paretoNbdExpectedPurchases(...CDNOW, 1000, 10, 100, 39)).toBe(0);
  });

  it('is continuous from x to x + 1 for x in the hundreds (no jump between branches)', () => {
    for (const p of extremes) {
      for (const x of [199, 200, 201, 350]) {
        const a = paretoNbdExpectedPurchases(...p, x, 90, 100, 10);
        const b = paretoNbdExpectedPurchases(...p, x + 1, 90, 100, 10);
        const c = paretoNbdExpectedPurchases(...p, x + 2, 90, 100, 10);
        // Expectations fall roughly geometrically in x here: successive ratios agree (no jump).
        expect(Math.abs(Math.log(c / b) - Math.log(b / a)), `${p} x=${x}: ${a} ${b} ${c}`).toBeLessThan(0.02);
      }
    }
  });

  it('gives P(alive) = 1 when the last purchase is at T, and E[Y] = 0 for a zero horizon', () => {
    expect(paretoNbdProbabilityAlive(...CDNOW, 3, 38.86, 38.86)).toBe(1);
    expect(paretoNbdExpectedPurchases(...CDNOW, 3, 20, 38.86, 0)).toBe(0);
    expect(paretoNbdExpectedPurchasesNewCustomer(...CDNOW, 0)).toBe(0);
    expect(paretoNbdPurchaseCountProbability(...CDNOW, 0, 0)).toBe(1);
    expect(paretoNbdPurchaseCountProbability(...CDNOW, 2, 0)).toBe(0);
  });

  it('handles s = 1 and s near 1 without a special case (h(c, u) = (1 - e^-cu) / c)', () => {
    const at1 = paretoNbdExpectedPurchasesNewCustomer(1, 5, 1, 8, 39);
    // E[X(t)] at s = 1 is r beta / alpha * ln(1 + t / beta).
    expect(at1).toBeCloseTo((1 * 8 * Math.log1p(39 / 8)) / 5, 12);
    expect(paretoNbdExpectedPurchasesNewCustomer(1, 5, 1 + 1e-12, 8, 39)).toBeCloseTo(at1, 10);
    expect(paretoNbdExpectedPurchasesNewCustomer(1, 5, 1 - 1e-7, 8, 39)).toBeCloseTo(at1, 6);
    expect(expRatio(0, 2)).toBe(2);
    // Below |c u| = 1e-9 the two-term expansion u (1 - c u / 2): (1 - e^(-1e-10)) / 1e-10 = 1 - 5e-11.
    expect(expRatio(1e-10, 1)).toBeCloseTo(1 - 5e-11, 15);
    expect(expRatio(-1e-10, 1)).toBeCloseTo(1 + 5e-11, 15);
    expect(expRatio(1, 2)).toBeCloseTo(1 - Math.exp(-2), 15);
    expect(expRatio(-1, 2)).toBeCloseTo(Math.exp(2) - 1, 13);
  });
});

describe('properties', () => {
  const params = fc.tuple(
    fc.double({ min: 0.05, max: 5, noNaN: true }),
    fc.double({ min: 0.1, max: 50, noNaN: true }),
    fc.double({ min: 0.05, max: 5, noNaN: true }),
    fc.double({ min: 0.1, max: 50, noNaN: true }),
  );
  const history = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 80, noNaN: true }))
    .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));

  it('P(alive) is in [0, 1] and expected purchases are >= 0 and increase with the horizon', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.1, max: 100, noNaN: true }), (p, h, t) => {
        const pa = paretoNbdProbabilityAlive(...p, h.x, h.tx, h.T);
        const e1 = paretoNbdExpectedPurchases(...p, h.x, h.tx, h.T, t);
        const e2 = paretoNbdExpectedPurchases(...p, h.x, h.tx, h.T, 2 * t);
        return pa >= 0 && pa <= 1 && e1 >= 0 && e2 >= e1;
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('P(alive) rises with recency (a later last purchase means more likely alive)', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.05, max: 0.9, noNaN: true }), (p, x, share) => {
        const T = 40;
        return paretoNbdProbabilityAlive(...p, x, share * T, T) <= paretoNbdProbabilityAlive(...p, x, (share + 0.05) * T, T) + 1e-12;
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('the purchase-count distribution of a new customer sums to 1 and has mean E[X(t)]', () => {
    // alpha >= 2 and t <= 40 keep the tail beyond n = 600 small (at most about 1e-9 for r near 5).
    const moderate = fc.tuple(
      fc.double({ min: 0.1, max: 5, noNaN: true }),
      fc.double({ min: 2, max: 50, noNaN: true }),
      fc.double({ min: 0.1, max: 5, noNaN: true }),
      fc.double({ min: 0.5, max: 50, noNaN: true }),
    );
    fc.assert(
      fc.property(moderate, fc.double({ min: 0.5, max: 40, noNaN: true }), (p, t) => {
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 600; n++) {
          const pn = paretoNbdPurchaseCountProbability(...p, n, t);
          if (!(pn >= 0 && pn <= 1)) return false;
          total += pn;
          mean += n * pn;
        }
        const expected = paretoNbdExpectedPurchasesNewCustomer(...p, t);
        return Math.abs(total - 1) < 1e-7 && Math.abs(mean - expected) < 1e-6 * Math.max(1, expected);
      }),
      { seed: 11, numRuns: 10 },
    );
  });

  it('DERT decreases as the discount rate rises and is below the undiscounted expectation over any horizon times e^(delta t)', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 1e-4, max: 0.1, noNaN: true }), (p, h, delta) => {
        const d1 = paretoNbdDiscountedExpectedTransactions(...p, h.x, h.tx, h.T, delta);
        const d2 = paretoNbdDiscountedExpectedTransactions(...p, h.x, h.tx, h.T, 2 * delta);
        // Purchases in the first t units are discounted at most by e^(-delta t).
        const t = 1 / delta;
        const near = paretoNbdExpectedPurchases(...p, h.x, h.tx, h.T, t) * Math.exp(-delta * t);
        return d2 <= d1 && near <= d1 * (1 + 1e-9);
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});

describe('the log-likelihood in closed form at t_x = T (no death term)', () => {
  // At t_x = T the death integral is exactly 0, so one customer's log-likelihood is
  //   sum_{k<x} ln(r + k) + r ln alpha + s ln beta - (r + x) ln(alpha + T) - s ln(beta + T).
  // With alpha = 1 and T = 1e-20 (ln(1 + 1e-20) rounds to 0, beta + T to beta) it is the rising
  // factorial alone, ln(r (r + 1) ... (r + x - 1)), and d/dr is sum_{k<x} 1 / (r + k). At r = 1e8 the
  // difference ln Gamma(r + x) - ln Gamma(r) would lose about 7 digits to cancellation, so these
  // values show that small frequencies are summed exactly.
  const r = 1e8;
  const T = 1e-20;

  it('is ln r for one repeat purchase and ln r + ln(r + 1) + ln(r + 2) for three, at r = 1e8', () => {
    expect(paretoNbdRowLogLikelihood(r, 1, 0.5, 2, 1, T, T)).toBe(Math.log(r));
    const three = Math.log(r) + Math.log(r + 1) + Math.log(r + 2);
    expect(relErr(paretoNbdRowLogLikelihood(r, 1, 0.5, 2, 3, T, T), three)).toBeLessThan(1e-14);
  });

  it('has d/dr = sum 1 / (r + k) and d/dalpha = r / alpha - (r + x) / (alpha + T), in the cached and the uncached path', () => {
    const grad = new Float64Array(4);
    const one = { x: Float64Array.of(1), tx: Float64Array.of(T), T: Float64Array.of(T), w: Float64Array.of(1) };
    expect(paretoNbdLogLikelihood([r, 1, 0.5, 2], one, grad)).toBe(Math.log(r));
    // 1 / 1e8, and 1e8 / 1 - (1e8 + 1) / 1 = -1
    expect(Array.from(grad)).toEqual([1e-8, -1, 0, 0]);
    // A second row with x = 2e6 and weight 0 turns the per-frequency cache off (x > 1e6).
    const uncached = { x: Float64Array.of(3, 2e6), tx: Float64Array.of(T, T), T: Float64Array.of(T, T), w: Float64Array.of(1, 0) };
    const ll = paretoNbdLogLikelihood([r, 1, 0.5, 2], uncached, grad);
    expect(relErr(ll, Math.log(r) + Math.log(r + 1) + Math.log(r + 2))).toBeLessThan(1e-14);
    expect(relErr(grad[0] as number, 1 / r + 1 / (r + 1) + 1 / (r + 2))).toBeLessThan(1e-14);
    expect(grad[1]).toBe(-3);
  });
});

describe('paretoNbdLogLikelihood: sums carried with their rounding errors', () => {
  // 100,000 copies of two rows (alternating): the exact total is 100,000 (l1 + l2), one rounding
  // away. Plain summation of 200,000 terms near -10 into a total near -2e6 drifts by far more
  // (each addition rounds to 2^-32 there); the carried error keeps the total within a few units in
  // the last place, and likewise the gradient (whose terms cancel).
  it('the total and the gradient of 200,000 rows equal the per-row values times the counts', () => {
    const params = [0.55, 10.6, 0.6, 11.6] as const;
    const n = 100_000;
    const rows = { x: new Float64Array(2 * n), tx: new Float64Array(2 * n), T: new Float64Array(2 * n), w: new Float64Array(2 * n).fill(1) };
    for (let i = 0; i < 2 * n; i++) {
      const second = i % 2 === 1;
      rows.x[i] = second ? 3 : 1;
      rows.tx[i] = second ? 20.25 : 3.5;
      rows.T[i] = second ? 38 : 30;
    }
    const one = (k: number) => ({ x: rows.x.subarray(k, k + 1), tx: rows.tx.subarray(k, k + 1), T: rows.T.subarray(k, k + 1), w: rows.w.subarray(k, k + 1) });
    const g1 = new Float64Array(4);
    const g2 = new Float64Array(4);
    const l1 = paretoNbdLogLikelihood(params, one(0), g1);
    const l2 = paretoNbdLogLikelihood(params, one(1), g2);
    const grad = new Float64Array(4);
    const total = paretoNbdLogLikelihood(params, rows, grad);
    const ulp = (v: number) => 2 ** (Math.floor(Math.log2(Math.abs(v))) - 52);
    const expected = n * l1 + n * l2; // each product exact to one rounding, the sum one more
    expect(Math.abs(total - expected)).toBeLessThanOrEqual(4 * ulp(expected));
    for (let k = 0; k < 4; k++) {
      const e = n * (g1[k] as number) + n * (g2[k] as number);
      expect(Math.abs((grad[k] as number) - e), `gradient ${k}`).toBeLessThanOrEqual(4 * ulp(n * Math.max(Math.abs(g1[k] as number), Math.abs(g2[k] as number))));
    }
  });
});

describe('ageIndex (ln(alpha + T) and ln(beta + T) once per distinct age)', () => {
  const columns = (T: number[]) => ({ x: new Float64Array(T.length), tx: new Float64Array(T.length), T: Float64Array.from(T), w: new Float64Array(T.length).fill(1) });

  it('indexes ages that repeat (at most one distinct age in four rows), in order of first appearance', () => {
    const data = columns([39, 27, 39, 39, 27, 27, 39, 27]);
    const index = ageIndex(data);
    expect(index && [...index.values]).toEqual([39, 27]);
    expect(index && [...index.index]).toEqual([0, 1, 0, 0, 1, 1, 0, 1]);
    // Made once per data object: the second call returns the same index.
    expect(ageIndex(data)).toBe(index);
  });

  it('at the limit: 1 distinct age in 4 rows is indexed, 2 in 8 are, 2 in 7 are not', () => {
    expect(ageIndex(columns([5, 5, 5, 5]))?.values.length).toBe(1);
    expect(ageIndex(columns([5, 5, 5, 5, 5, 5, 5, 6]))?.values.length).toBe(2);
    expect(ageIndex(columns([5, 5, 5, 5, 5, 5, 6]))).toBeUndefined();
    expect(ageIndex(columns([1, 2, 3]))).toBeUndefined();
    expect(ageIndex(columns([]))?.values.length).toBe(0); // no rows: an empty index
    // Continuous ages (one per row): no index, and asked again, still none.
    const distinct = columns(Array.from({ length: 64 }, (_, i) => 20 + i / 64));
    expect(ageIndex(distinct)).toBeUndefined();
    expect(ageIndex(distinct)).toBeUndefined();
  });

  it('the likelihood with indexed ages equals the sum over its rows one by one (each row alone takes no index)', () => {
    const params = [0.55, 10.6, 0.6, 11.6] as const;
    const rows = { x: Float64Array.of(0, 2, 1, 4, 0, 3, 2, 5), tx: Float64Array.of(0, 10, 3, 20, 0, 30, 1, 25), T: Float64Array.of(27, 27, 39, 39, 39, 39, 27, 27), w: Float64Array.of(3, 1, 2, 1, 5, 1, 1, 2) };
    expect(ageIndex(rows)).toBeDefined();
    const grad = new Float64Array(4);
    const total = paretoNbdLogLikelihood(params, rows, grad);
    let expected = 0;
    const expectedGrad = [0, 0, 0, 0];
    for (let i = 0; i < 8; i++) {
      const g = new Float64Array(4);
      expected += paretoNbdLogLikelihood(params, { x: rows.x.subarray(i, i + 1), tx: rows.tx.subarray(i, i + 1), T: rows.T.subarray(i, i + 1), w: rows.w.subarray(i, i + 1) }, g);
      g.forEach((v, k) => (expectedGrad[k] = (expectedGrad[k] as number) + v));
    }
    expect(total).toBeCloseTo(expected, 10);
    grad.forEach((v, k) => expect(v).toBeCloseTo(expectedGrad[k] as number, 10));
  });
});
