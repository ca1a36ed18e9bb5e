import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputIssues } from '../../../test/helpers/input-issues.js';
import { simulateParetoNbd } from '../paretoNbd/simulateParetoNbd.js';
import { betaSample, logGammaSample, seededUniform } from '../shared/sampling.js';
import { conditionalPurchaseCountProbability } from './conditionalPurchaseCountProbability.js';
import { expectedPurchases } from './expectedPurchases.js';
import { probabilityAlive } from './probabilityAlive.js';
import { purchaseCountProbability } from './purchaseCountProbability.js';

// CDNOW estimates: Pareto/NBD (Fader, Hardie & Lee 2005, "RFM and CLV", r = 0.553, alpha = 10.578,
// s = 0.606, beta = 11.669), BG/NBD (Fader, Hardie & Lee 2005, Marketing Science), MBG/NBD (Batislam et al. 2007).
const pareto = { kind: 'pareto-nbd', parameters: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.67 }, timeUnit: 'week' } as const;
const bg = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
const mbg = { kind: 'mbg-nbd', parameters: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week' } as const;
const weeks = (length: number) => ({ length, unit: 'week' as const });
const hardie = { frequency: 2, recency: 30.43, T: 38.86 };

describe('conditionalPurchaseCountProbability', () => {
  it('is (1 - P(alive)) + P(alive) P_new(0) at n = 0 for Pareto/NBD (worked example)', () => {
    // Posterior of an alive customer: r + x = 2.553, alpha + T = 49.44, s = 0.606, beta + T = 50.53.
    const pa = probabilityAlive(pareto, hardie);
    const pNew = purchaseCountProbability({ kind: 'pareto-nbd', parameters: { r: 2.553, alpha: 49.44, s: 0.606, beta: 50.53 }, timeUnit: 'week' }, 0, weeks(39));
    expect(conditionalPurchaseCountProbability(pareto, hardie, 0, weeks(39))).toBeCloseTo(1 - pa + pa * pNew, 14);
    // n = 3: only alive customers can buy.
    const pNew3 = purchaseCountProbability({ kind: 'pareto-nbd', parameters: { r: 2.553, alpha: 49.44, s: 0.606, beta: 50.53 }, timeUnit: 'week' }, 3, weeks(39));
    expect(conditionalPurchaseCountProbability(pareto, hardie, 3, weeks(39))).toBeCloseTo(pa * pNew3, 14);
  });

  it('equals the new-customer distribution for a customer with no history (x = 0, T = 0)', () => {
    for (const model of [pareto, bg]) {
      for (const n of [0, 1, 4]) {
        const a = conditionalPurchaseCountProbability(model, { frequency: 0, recency: 0, T: 0 }, n, weeks(26));
        expect(a).toBeCloseTo(purchaseCountProbability(model, n, weeks(26)), 14);
      }
    }
  });

  it.each([pareto, bg, mbg])('sums to 1 over n and its mean is expectedPurchases ($kind)', (model) => {
    const histories = [hardie, { frequency: 0, recency: 0, T: 20 }, { frequency: 30, recency: 10, T: 38 }, { frequency: 7, recency: 38, T: 38 }];
    for (const customer of histories) {
      for (const t of [1, 39, 150]) {
        let sum = 0;
        let mean = 0;
        for (let n = 0; n < 1500; n++) {
          const p = conditionalPurchaseCountProbability(model, customer, n, weeks(t));
          sum += p;
          mean += n * p;
        }
        const expected = expectedPurchases(model, customer, weeks(t));
        expect(Math.abs(sum - 1), `sum ${JSON.stringify(customer)} t=${t}`).toBeLessThan(1e-10);
        expect(Math.abs(mean - expected), `mean ${mean} vs ${expected}`).toBeLessThan(1e-9 * Math.max(1, expected));
      }
    }
  });

  it('matches 10^6 simulated new Pareto/NBD customers within 3 standard errors (unconditional, T = 39)', () => {
    const draws = 1_000_000;
    const sim = simulateParetoNbd(pareto, { customers: draws, T: 39, seed: 11 });
    const counts = new Float64Array(8);
    for (const c of sim) if (c.frequency < 8) counts[c.frequency] = (counts[c.frequency] as number) + 1;
    for (let n = 0; n < 8; n++) {
      const p = purchaseCountProbability(pareto, n, weeks(39));
      const observed = (counts[n] as number) / draws;
      const se = Math.sqrt((p * (1 - p)) / draws);
      expect(Math.abs(observed - p), `n=${n}: simulated ${observed}, formula ${p}, se ${se}`).toBeLessThan(3 * se);
    }
  });

  it('matches a weighted Monte Carlo over the individual-level likelihood (10^6 draws) within 3 standard errors (Pareto/NBD)', () => {
    // Independent of the posterior argument: draw (lambda, mu) from the prior, weight each draw by the
    // individual likelihood of the history (Schmittlein et al. 1987):
    // L = lambda^x mu / (lambda + mu) e^(-(lambda + mu) t_x) + lambda^(x + 1) / (lambda + mu) e^(-(lambda + mu) T),
    // decide alive at T with probability lambda^x e^(-(lambda + mu) T) / L, then simulate (T, T + t].
    const { r, alpha, s, beta } = pareto.parameters;
    const { frequency: x, recency: tx, T } = hardie;
    const t = 39;
    const random = seededUniform(2024);
    const draws = 1_000_000;
    const weights = new Float64Array(draws);
    const counts = new Int32Array(draws);
    for (let i = 0; i < draws; i++) {
      const lambda = Math.exp(logGammaSample(r, random)) / alpha;
      const mu = Math.exp(logGammaSample(s, random)) / beta;
      const sum = lambda + mu;
      const aliveTerm = lambda ** x * Math.exp(-sum * T);
      const L = (lambda ** x * mu * Math.exp(-sum * tx)) / sum + (lambda ** (x + 1) * Math.exp(-sum * T)) / sum;
      weights[i] = L;
      let n = 0;
      if (random() * L < aliveTerm) {
        const remaining = -Math.log(1 - random()) / mu;
        const end = Math.min(remaining, t);
        let clock = -Math.log(1 - random()) / lambda;
        while (clock <= end) {
          n++;
          clock += -Math.log(1 - random()) / lambda;
        }
      }
      counts[i] = n;
    }
    let total = 0;
    for (let i = 0; i < draws; i++) total += weights[i] as number;
    for (let n = 0; n < 5; n++) {
      let hit = 0;
      for (let i = 0; i < draws; i++) if (counts[i] === n) hit += weights[i] as number;
      const estimate = hit / total;
      let v = 0;
      for (let i = 0; i < draws; i++) v += ((weights[i] as number) * ((counts[i] === n ? 1 : 0) - estimate)) ** 2;
      const se = Math.sqrt(v) / total;
      const p = conditionalPurchaseCountProbability(pareto, hardie, n, weeks(t));
      expect(Math.abs(estimate - p), `n=${n}: Monte Carlo ${estimate}, formula ${p}, se ${se}`).toBeLessThan(3 * se);
    }
  });

  it('matches a weighted Monte Carlo (2 * 10^5 draws) within 3 standard errors (BG/NBD)', () => {
    // L = (1 - p)^x lambda^x e^(-lambda T) + [x > 0] p (1 - p)^(x - 1) lambda^x e^(-lambda t_x) (Fader et al. 2005, eq. 3);
    // alive with probability of the first term / L; each future purchase is followed by dropout w.p. p.
    const { r, alpha, a, b } = bg.parameters;
    const { frequency: x, recency: tx, T } = hardie;
    const t = 39;
    const random = seededUniform(77);
    const draws = 200_000;
    const weights = new Float64Array(draws);
    const counts = new Int32Array(draws);
    for (let i = 0; i < draws; i++) {
      const lambda = Math.exp(logGammaSample(r, random)) / alpha;
      const p = betaSample(a, b, random);
      const aliveTerm = (1 - p) ** x * lambda ** x * Math.exp(-lambda * T);
      const L = aliveTerm + p * (1 - p) ** (x - 1) * lambda ** x * Math.exp(-lambda * tx);
      weights[i] = L;
      let n = 0;
      if (random() * L < aliveTerm) {
        let clock = -Math.log(1 - random()) / lambda;
        while (clock <= t) {
          n++;
          if (random() < p) break;
          clock += -Math.log(1 - random()) / lambda;
        }
      }
      counts[i] = n;
    }
    let total = 0;
    for (let i = 0; i < draws; i++) total += weights[i] as number;
    for (let n = 0; n < 4; n++) {
      let hit = 0;
      for (let i = 0; i < draws; i++) if (counts[i] === n) hit += weights[i] as number;
      const estimate = hit / total;
      let v = 0;
      for (let i = 0; i < draws; i++) v += ((weights[i] as number) * ((counts[i] === n ? 1 : 0) - estimate)) ** 2;
      const se = Math.sqrt(v) / total;
      const q = conditionalPurchaseCountProbability(bg, hardie, n, weeks(t));
      expect(Math.abs(estimate - q), `n=${n}: Monte Carlo ${estimate}, formula ${q}, se ${se}`).toBeLessThan(3 * se);
    }
  });

  it('is 1 for n = 0 and 0 otherwise at a zero horizon, and converts the horizon unit', () => {
    expect(conditionalPurchaseCountProbability(pareto, hardie, 0, weeks(0))).toBe(1);
    expect(conditionalPurchaseCountProbability(pareto, hardie, 2, weeks(0))).toBe(0);
    expect(conditionalPurchaseCountProbability(pareto, hardie, 1, { length: 14, unit: 'day' })).toBe(conditionalPurchaseCountProbability(pareto, hardie, 1, weeks(2)));
  });

  it('stays in [0, 1] for extreme parameters, histories and counts (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 500, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.constantFrom('pareto-nbd' as const, 'bg-nbd' as const, 'mbg-nbd' as const),
        (p1, p2, p3, p4, x, frac, T, n, t, kind) => {
          const parameters = kind === 'pareto-nbd' ? { r: p1, alpha: p2, s: p3, beta: p4 } : { r: p1, alpha: p2, a: p3, b: p4 };
          // repeat purchases come after the first: recency > 0 when frequency > 0
          const customer = { frequency: x, recency: x === 0 ? 0 : frac * T, T };
          const p = conditionalPurchaseCountProbability({ kind, parameters, timeUnit: 'week' } as never, customer, n, weeks(t));
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
      { seed: 9, numRuns: 150 },
    );
  });

  it.each([
    ['a negative n', pareto, hardie, -1, weeks(1), [{ code: 'too_small', path: ['n'], message: 'must be at least 0' }]],
    ['a fractional n', pareto, hardie, 1.5, weeks(1), [{ code: 'not_integer', path: ['n'], message: expect.any(String) }]],
    ['recency > T', pareto, { frequency: 1, recency: 5, T: 4 }, 0, weeks(1), [{ code: 'invalid_order', path: ['customer', 'recency'], message: 'must not be greater than T' }]],
    ['a missing history', pareto, undefined, 0, weeks(1), [{ code: 'invalid_type', path: ['customer'], message: 'is required' }]],
    ['a bare-number horizon', pareto, hardie, 0, 5, [{ code: 'invalid_type', path: ['horizon'], message: expect.any(String) }]],
    ['a model without timeUnit', { kind: 'pareto-nbd', parameters: pareto.parameters }, hardie, 0, weeks(1), [{ code: 'invalid_value', path: ['model', 'timeUnit'], message: expect.any(String) }]],
    ['a negative parameter', { ...pareto, parameters: { ...pareto.parameters, s: -1 } }, hardie, 0, weeks(1), [
      // The model check failed, so the horizon cannot be converted either (as in every prediction function).
      { code: 'too_small', path: ['model', 'parameters', 's'], message: expect.any(String) },
      { code: 'invalid_value', path: ['model', 'timeUnit'], message: expect.any(String) },
    ]],
    ['a missing covariate of a model with covariates', { ...pareto, covariates: { purchase: ['vip'], dropout: [], coefficients: { purchase: { vip: Math.LN2 }, dropout: {} } } }, hardie, 0, weeks(1), [
      { code: 'invalid_type', path: ['customer', 'vip'], message: expect.any(String) },
    ]],
  ])('rejects %s with one MetricsInputError naming the path', (_, model, customer, n, horizon, issues) => {
    expect(inputIssues(() => conditionalPurchaseCountProbability(model as never, customer as never, n as never, horizon as never))).toEqual(issues);
  });
});
