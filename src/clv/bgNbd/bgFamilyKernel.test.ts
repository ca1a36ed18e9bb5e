import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type BgNbdParameters, bgNbdKernel, likelihoodData, logLikelihoodAndGradient, mbgNbdKernel } from './bgFamilyKernel.js';

// Reference values: mpmath 1.2.1 at 50 digits (Debian /usr/bin/python3), from the closed forms
// (Fader, Hardie & Lee 2005 eq. 10/11/8, generalised by d = 0 BG/NBD, d = 1 MBG/NBD):
//   D  = 1 + [x > 0 or d = 1] a / (b + x + d - 1) ((alpha + T) / (alpha + tx))^(r + x)
//   PA = 1 / D
//   E  = c / (a - 1) [1 - ((alpha + T) / (alpha + T + t))^(r + x) hyp2f1(r + x, b + x + d, c, t / (alpha + T + t))] / D,
//        c = a + b + x + d - 1
//   P(N(t) = n) = B(a, b + n + d) / B(a, b) NB(n) + [n > 0 or d = 1] B(a + 1, b + n + d - 1) / B(a, b) (1 - sum_{j<n} NB(j)),
//        NB(j) = Gamma(r + j) / (Gamma(r) j!) (alpha / (alpha + t))^r (t / (alpha + t))^j
// e.g. python3 -c "import mpmath as m; m.mp.dps=50; ..." with the formulas above written out
// (a = 1 evaluated at a = 1 + 1e-30).
const cdnow: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const mbg: BgNbdParameters = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

function close(actual: number, expected: number, rel = 1e-12): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const cases = [
  {
    name: 'BG/NBD',
    kernel: bgNbdKernel,
    p: cdnow,
    pa: [
      [0, 0, 38.86, 1.0],
      [2, 30.43, 38.86, 0.72657857008067291192],
      [7, 29.43, 35.38, 0.76678011996001506667],
      [1, 5, 38, 0.32019237644572542649],
    ],
    e: [
      [0, 0, 38.86, 39, 0.1950980520112626375],
      [2, 30.43, 38.86, 39, 1.2260281747671444631],
      [7, 29.43, 35.38, 52, 5.3535592220073335353],
      [1, 5, 38, 10, 0.089540782713592115285],
    ],
    enew: [
      [1, 0.05326789117165828208],
      [39, 1.1967231933208168667],
      [78, 1.860519057942768561],
    ],
    pc: [
      [0, 39, 0.57378635209600940476],
      [1, 39, 0.19939528083591145379],
      [3, 39, 0.04586035384799972523],
      [0, 0, 1.0],
      [2, 0, 0.0],
    ],
  },
  {
    name: 'MBG/NBD',
    kernel: mbgNbdKernel,
    p: mbg,
    pa: [
      [0, 0, 38.86, 0.38973508091876290007],
      [2, 30.43, 38.86, 0.7062022651184872794],
      [7, 29.43, 35.38, 0.75141814302037273511],
      [1, 5, 38, 0.26522726909393997293],
    ],
    e: [
      [0, 0, 38.86, 39, 0.15401274667514668797],
      [2, 30.43, 38.86, 39, 1.2629606232673657107],
      [7, 29.43, 35.38, 52, 5.0833691090199758],
      [1, 5, 38, 10, 0.086795981199984514331],
    ],
    enew: [
      [1, 0.053084795263701842742],
      [39, 1.1829536655971727295],
      [78, 1.8047575775531417832],
    ],
    pc: [
      [0, 39, 0.58247318949328895016],
      [1, 39, 0.18278307728754051524],
      [3, 39, 0.04857044295156921168],
      [0, 0, 1.0],
      [2, 0, 0.0],
    ],
  },
  {
    name: 'MBG/NBD with the CDNOW parameters',
    kernel: mbgNbdKernel,
    p: cdnow,
    pa: [
      [0, 0, 38.86, 0.63725333796489528171],
      [2, 30.43, 38.86, 0.77441924262364616627],
      [7, 29.43, 35.38, 0.78623325222909166021],
      [1, 5, 38, 0.39945456520523391123],
    ],
    e: [
      [0, 0, 38.86, 39, 0.12746138254566130159],
      [2, 30.43, 38.86, 39, 1.3404974284912132345],
      [7, 29.43, 35.38, 52, 5.6089127995354945455],
      [1, 5, 38, 10, 0.11267782246402323518],
    ],
    enew: [
      [1, 0.040451100918479525749],
      [39, 0.99112653358404040391],
      [78, 1.5804734554010732693],
    ],
    pc: [
      [0, 39, 0.67878399819351314439],
      [1, 39, 0.13703024082634010561],
      [3, 39, 0.036558130548364523485],
      [0, 0, 1.0],
      [2, 0, 0.0],
    ],
  },
] as const;

describe.each(cases)('$name kernel against mpmath', ({ kernel, p, pa, e, enew, pc }) => {
  it('probabilityAlive', () => {
    for (const [x, tx, T, ref] of pa) close(kernel.probabilityAlive(p, x, tx, T), ref);
  });

  it('expectedPurchases', () => {
    for (const [x, tx, T, t, ref] of e) close(kernel.expectedPurchases(p, x, tx, T, t), ref);
    expect(kernel.expectedPurchases(p, 2, 30.43, 38.86, 0)).toBe(0);
  });

  it('expectedPurchasesNewCustomer', () => {
    for (const [t, ref] of enew) close(kernel.expectedPurchasesNewCustomer(p, t), ref);
    expect(kernel.expectedPurchasesNewCustomer(p, 0)).toBe(0);
  });

  it('purchaseCountProbability', () => {
    for (const [n, t, ref] of pc) {
      if (ref === 0) expect(kernel.purchaseCountProbability(p, n, t)).toBe(0);
      else close(kernel.purchaseCountProbability(p, n, t), ref, 1e-11);
    }
  });

  it('purchaseCountProbability sums to 1 over n', () => {
    let total = 0;
    for (let n = 0; n < 400; n++) total += kernel.purchaseCountProbability(p, n, 39);
    expect(total).toBeCloseTo(1, 10);
  });

  it('expectedPurchasesBatch equals the one-customer path, with repeated and distinct (x, T)', () => {
    const rows = [...e.map(([x, tx, T]) => [x, tx, T] as const), [2, 10, 38.86], [2, 30.43, 38.86], [7, 29.43, 35.38], [0, 0, 20], [3, 1, 38.86]] as const;
    const x = Float64Array.from(rows.map((r) => r[0]));
    const tx = Float64Array.from(rows.map((r) => r[1]));
    const T = Float64Array.from(rows.map((r) => r[2]));
    for (const t of [39, 52]) {
      const out = new Float64Array(rows.length);
      kernel.expectedPurchasesBatch(p, x, tx, T, t, out);
      rows.forEach(([xi, txi, Ti], i) => expect(out[i]).toBe(kernel.expectedPurchases(p, xi, txi, Ti, t)));
    }
    const zero = new Float64Array(rows.length).fill(7);
    kernel.expectedPurchasesBatch(p, x, tx, T, 0, zero);
    expect([...zero]).toEqual(new Array(rows.length).fill(0));
  });
});

describe('bgFamilyKernel edge cases', () => {
  it('handles a = 1 (no pole in h) for both models', () => {
    const p = { ...cdnow, a: 1 };
    close(bgNbdKernel.expectedPurchases(p, 2, 30.43, 38.86, 39), 1.1021367860399558136, 1e-10);
    close(bgNbdKernel.expectedPurchasesNewCustomer(p, 39), 1.0842790105915187835, 1e-10);
    close(mbgNbdKernel.expectedPurchases(p, 2, 30.43, 38.86, 39), 1.2244346222743100539, 1e-10);
    close(mbgNbdKernel.expectedPurchasesNewCustomer(p, 39), 0.8519924264861676042, 1e-10);
    // Continuous across a = 1.
    const near = bgNbdKernel.expectedPurchases({ ...cdnow, a: 1 + 1e-9 }, 2, 30.43, 38.86, 39);
    close(near, 1.1021367860399558136, 1e-8);
  });

  it('is positive where the 2F1 of the closed form is negative (REFERENCES.md case)', () => {
    const p = { r: 0.11, alpha: 2.24, a: 0.31, b: 0.5 };
    close(bgNbdKernel.expectedPurchases(p, 0, 0, 1, 30), 0.56458861553278470387, 1e-11);
    close(mbgNbdKernel.expectedPurchases(p, 0, 0, 1, 30), 0.43990620904175979452, 1e-11);
  });

  it('probabilityAlive: tiny odds of being alive without overflow, and exactly 1 for BG/NBD at x = 0', () => {
    close(bgNbdKernel.probabilityAlive(cdnow, 50, 1, 100), 1.7281125273979287681e-63, 1e-10);
    expect(bgNbdKernel.probabilityAlive(cdnow, 5000, 1, 1e6)).toBe(0);
    expect(bgNbdKernel.probabilityAlive(cdnow, 0, 0, 1e6)).toBe(1);
    expect(mbgNbdKernel.probabilityAlive(cdnow, 0, 0, 1e6)).toBeLessThan(1);
    expect(bgNbdKernel.expectedPurchases(cdnow, 5000, 1, 1e6, 10)).toBe(0);
  });

  it('exposes the parameter names', () => {
    expect(bgNbdKernel.parameterNames).toEqual(['r', 'alpha', 'a', 'b']);
    expect(mbgNbdKernel.parameterNames).toEqual(['r', 'alpha', 'a', 'b']);
  });
});

describe('likelihood', () => {
  // Weighted rows (x, tx, T, w); the weight-0 row must be dropped. Reference: mpmath 1.2.1, 40 digits,
  // sum of w ln L with ln L from the module comment (ln B via log(beta)), and the gradient with respect
  // to (ln r, ln alpha, ln a, ln b) by mpmath.diff of that sum at the logs of the parameters.
  const rows = [
    [0, 0, 38.86, 3],
    [2, 30.43, 38.86, 1],
    [7, 29.43, 35.38, 2],
    [1, 5, 38, 1.5],
    [2, 30.43, 38.86, 2],
    [0, 0, 35.38, 1],
    [3, 1, 20, 0.5],
    [4, 2, 30, 0],
  ] as const;
  const col = (j: number) => Float64Array.from(rows.map((r) => r[j] as number));
  // Built inside each test (not at collection time), so that mutation testing attributes it to the tests.
  const dataOf = () => likelihoodData(col(0), col(1), col(2), col(3));
  const refs = [
    [0, -84.646323166387637803, [3.4272675424031743174, -1.769528873069032005, -1.1916480511978443827, 0.97641897003212816401]],
    [1, -85.689586637224281713, [4.1680808466768685369, -2.0080495815764784084, -1.9931590109062072729, 1.6998772494357049988]],
  ] as const;

  it('compresses the rows into distinct patterns', () => {
    const data = dataOf();
    expect([...data.xs]).toEqual([0, 2, 7, 1, 3, 4]);
    expect([...data.wx]).toEqual([4, 3, 2, 1.5, 0.5, 0]);
    expect([...data.Tv]).toEqual([38.86, 35.38, 38, 20, 30]);
    expect([...data.txv]).toEqual([0, 30.43, 29.43, 5, 1, 2]);
    expect([...data.pW]).toEqual([3, 3, 2, 1.5, 1, 0.5]);
    expect([...data.pX]).toEqual([0, 1, 2, 3, 0, 4]);
    expect([...data.pTx]).toEqual([0, 1, 2, 3, 0, 4]);
    expect([...data.pT]).toEqual([0, 0, 1, 2, 1, 3]);
  });

  it('indexes large frequencies through a hash (same patterns)', () => {
    const x = Float64Array.from([5000, 3, 5000, 3]);
    const tx = Float64Array.from([10, 2, 10, 2]);
    const T = Float64Array.from([20, 20, 20, 20]);
    const d = likelihoodData(x, tx, T, Float64Array.from([1, 2, 3, 4]));
    expect([...d.xs]).toEqual([5000, 3]);
    expect([...d.wx]).toEqual([4, 6]);
    expect([...d.pW]).toEqual([4, 6]);
    expect([...d.pX]).toEqual([0, 1]);
  });

  it.each(refs)('log-likelihood and gradient against mpmath (d = %s)', (d, total, gradient) => {
    const { r, alpha, a, b } = cdnow;
    const data = dataOf();
    const grad = new Float64Array(4);
    const value = logLikelihoodAndGradient(data, d, r, alpha, a, b, grad);
    close(value, total, 1e-13);
    gradient.forEach((g, i) => close(grad[i] as number, g, 1e-10));
    expect(logLikelihoodAndGradient(data, d, r, alpha, a, b, undefined)).toBe(value);
  });
});

describe('extreme regimes against mpmath (fixtures/generateBgFamilyKernel.py, mpmath 1.3.0, 60 digits)', () => {
  // Rows where one term of the log-sum-exp outweighs the other by more than e^709: x = 5000 bought by
  // t = 1 of a 1000-long window (the "alive" term is e^-25,600 times the other), and with a = 1e-305,
  // b = 1e4 the drop-out term of (2, 30, 30) is e^-711 times the alive one. Either exponential
  // taken the wrong way round overflows.
  const rows = [
    [0, 0, 30, 2],
    [5000, 1, 1000, 1],
    [3, 10, 30, 1.5],
    [2, 30, 30, 1],
  ] as const;
  const col = (j: number) => Float64Array.from(rows.map((r) => r[j] as number));
  // Built inside each test (not at collection time), so that mutation testing attributes it to the tests.
  const dataOf = () => likelihoodData(col(0), col(1), col(2), col(3));
  it.each([
    ['the CDNOW parameters', 0, cdnow, 29097.34458075926636, [4.2210593074413592971, -4076.9539672334817598, -4.9565294767778961261, 1.1460761617994779489]],
    ['the CDNOW parameters', 1, cdnow, 29097.003862284122793, [4.5576748572778345594, -4077.0675943064262281, -5.1886879303193861549, 1.29803729890838968]],
    ['a = 1e-305, b = 1e4', 0, { r: 0.4, alpha: 5, a: 1e-305, b: 1e4 }, 27887.713280406600944, [4.3201419182558021778, -4165.9857142857142857, 1.0, -0.66671111407427161811]],
    ['a = 1e-305, b = 1e4', 1, { r: 0.4, alpha: 5, a: 1e-305, b: 1e4 }, 27887.713213737711956, [4.3201419182558021778, -4165.9857142857142857, 1.0, -0.66666666666666666667]],
  ] as const)('log-likelihood and gradient with %s (d = %s)', (_, d, p, total, gradient) => {
    const grad = new Float64Array(4);
    const value = logLikelihoodAndGradient(dataOf(), d, p.r, p.alpha, p.a, p.b, grad);
    close(value, total, 1e-13);
    gradient.forEach((g, i) => expect(Math.abs((grad[i] as number) - g), `gradient ${i}: ${grad[i]} vs ${g}`).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(g))));
  });

  it('probabilityAlive when the odds of death are about e^720 (a subnormal probability, not 0)', () => {
    // ln odds = ln(0.793 / 201.426) + 200.243 ln(204.414 / 5.414) ~ 721.
    close(bgNbdKernel.probabilityAlive(cdnow, 200, 1, 200), 4.1990993501799192567e-314, 1e-9);
    close(mbgNbdKernel.probabilityAlive(cdnow, 200, 1, 200), 4.2199462088286533787e-314, 1e-9);
  });

  it('expectedPurchases just off a = 1 (the series branch of (1 - (1 - z)^(a - 1)) / (a - 1))', () => {
    const p = { ...cdnow, a: 1.000000005 };
    close(bgNbdKernel.expectedPurchases(p, 2, 30.43, 38.86, 39), 1.1021367833088032158, 1e-12);
    close(bgNbdKernel.expectedPurchasesNewCustomer(p, 39), 1.0842790082153867278, 1e-12);
    close(mbgNbdKernel.expectedPurchases(p, 2, 30.43, 38.86, 39), 1.2244346196801117268, 1e-12);
    close(mbgNbdKernel.expectedPurchasesNewCustomer(p, 39), 0.85199242353695508655, 1e-12);
  });
});

/** 600 customers in 300 (x, T) cells (x = 0..29, T = 20..29), each cell twice with different recency. */
function manyCells(): { n: number; x: Float64Array; tx: Float64Array; T: Float64Array } {
  const n = 600;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cell = i % 300;
    x[i] = cell % 30;
    T[i] = 20 + Math.floor(cell / 30);
    tx[i] = x[i] === 0 ? 0 : (T[i] as number) * (i < 300 ? 0.25 : 0.9);
  }
  return { n, x, tx, T };
}

describe('expectedPurchasesBatch with many distinct (x, T) and with a huge frequency', () => {
  it.each([
    ['BG/NBD', bgNbdKernel],
    ['MBG/NBD', mbgNbdKernel],
  ] as const)('%s: 300 distinct (x, T) cells (the cache grows past 64 and 128) equal the one-customer path', (_, kernel) => {
    const { n, x, tx, T } = manyCells();
    const out = new Float64Array(n);
    kernel.expectedPurchasesBatch(cdnow, x, tx, T, 26, out);
    for (let i = 0; i < n; i++) expect(out[i], `row ${i}`).toBe(kernel.expectedPurchases(cdnow, x[i] as number, tx[i] as number, T[i] as number, 26));
    expect(out[0]).toBeGreaterThan(0);
  });

  it.each([
    ['BG/NBD', bgNbdKernel],
    ['MBG/NBD', mbgNbdKernel],
  ] as const)('%s: a frequency of 4,000,000 (more (x, T) cells than the dense table holds)', (_, kernel) => {
    const rows = [
      [4_000_000, 40, 40],
      [2, 10, 40],
      [2, 30, 40],
      [0, 0, 40],
      [2, 10, 30],
      [4_000_000, 39.99999, 40],
    ] as const;
    const x = Float64Array.from(rows, (r) => r[0]);
    const tx = Float64Array.from(rows, (r) => r[1]);
    const T = Float64Array.from(rows, (r) => r[2]);
    const out = new Float64Array(rows.length);
    kernel.expectedPurchasesBatch(cdnow, x, tx, T, 5, out);
    rows.forEach(([xi, txi, Ti], i) => expect(out[i], `row ${i}`).toBe(kernel.expectedPurchases(cdnow, xi, txi, Ti, 5)));
    // Bought 4,000,000 times in 40 (rate ~ 4e6 / 44.4 per unit), the last at 40: about 5 * 9e4 = 4.5e5
    // purchases in the next 5, a little less for drop-out (~ a / (b + x) = 2e-7 per purchase).
    expect(out[0]).toBeGreaterThan(400_000);
    expect(out[0]).toBeLessThan(450_000);
  });
});

describe('expectedPurchasesAtTimes (the multi-horizon path of customerLifetimeValue)', () => {
  const kernels = [
    ['BG/NBD', bgNbdKernel],
    ['MBG/NBD', mbgNbdKernel],
  ] as const;
  const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
  const history = fc
    .record({ x: fc.integer({ min: 0, max: 40 }), share: fc.double({ min: 0, max: 1, noNaN: true }), T: fc.constantFrom(0.5, 10, 26, 39, 104.25) })
    .map(({ x, share, T }) => [x, x === 0 ? 0 : T * share, T] as const);

  it.each(kernels)('%s: equals expectedPurchasesBatch at every time, bit for bit, in the order given', (_, kernel) => {
    fc.assert(
      fc.property(
        fc.record({ r: positive, alpha: positive, a: positive, b: positive }),
        fc.array(history, { minLength: 1, maxLength: 40 }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 200, noNaN: true })), { minLength: 1, maxLength: 5 }),
        (p, rows, times) => {
          const x = Float64Array.from(rows, (r) => r[0]);
          const tx = Float64Array.from(rows, (r) => r[1]);
          const T = Float64Array.from(rows, (r) => r[2]);
          const seen: number[] = [];
          kernel.expectedPurchasesAtTimes(p, x, tx, T, times, (k, values) => {
            seen.push(k);
            const batch = new Float64Array(rows.length);
            kernel.expectedPurchasesBatch(p, x, tx, T, times[k] as number, batch);
            expect([...values]).toEqual([...batch]);
          });
          expect(seen).toEqual(times.map((_t, k) => k));
        },
      ),
      { numRuns: 150, seed: 1207 },
    );
  });

  it.each(kernels)('%s: a frequency of 4,000,000 (the hash index of (x, T)) and no times at all', (_, kernel) => {
    const x = Float64Array.from([4_000_000, 2, 0, 2]);
    const tx = Float64Array.from([40, 10, 0, 30]);
    const T = Float64Array.from([40, 40, 40, 30]);
    const batch = new Float64Array(4);
    kernel.expectedPurchasesAtTimes(cdnow, x, tx, T, [5, 0], (k, values) => {
      kernel.expectedPurchasesBatch(cdnow, x, tx, T, k === 0 ? 5 : 0, batch);
      expect([...values]).toEqual([...batch]);
      if (k === 0) expect(values[0]).toBeGreaterThan(400_000);
    });
    let calls = 0;
    kernel.expectedPurchasesAtTimes(cdnow, x, tx, T, [], () => (calls += 1));
    expect(calls).toBe(0);
  });
});

describe('probabilityAliveBatchChecked (checks each entry in the loop of its formula)', () => {
  it.each([
    ['BG/NBD', bgNbdKernel],
    ['MBG/NBD', mbgNbdKernel],
  ] as const)('%s: equals probabilityAliveBatch bit for bit on valid columns, including frequencies past the 4,096 cache', (_, kernel) => {
    const x = Float64Array.from([0, 1, 2, 5000, 2, 0, 30]);
    const tx = Float64Array.from([0, 0.5, 10, 38, 30.43, 0, 29]);
    const T = Float64Array.from([20, 38.86, 38.86, 39, 38.86, 0, 35.38]);
    const checked = new Float64Array(7);
    const plain = new Float64Array(7);
    expect(kernel.probabilityAliveBatchChecked(cdnow, x, tx, T, checked)).toBe(true);
    kernel.probabilityAliveBatch(cdnow, x, tx, T, plain);
    expect([...checked]).toEqual([...plain]);
  });

  // Each row breaks the history rules one way (isPlainValidHistory): the loop stops and says so.
  it.each([
    ['a negative frequency', -1, 0, 5],
    ['a fractional frequency', 1.5, 1, 5],
    ['a frequency above 1e9', 2e9, 1, 5],
    ['NaN recency', 1, Number.NaN, 5],
    ['recency above T', 1, 6, 5],
    ['T = Infinity', 1, 1, Number.POSITIVE_INFINITY],
    ['repeat purchases with recency 0', 2, 0, 5],
    ['no repeat purchase with recency > 0', 0, 1, 5],
  ])('returns false for %s', (_, xi, txi, Ti) => {
    const out = new Float64Array(2);
    expect(bgNbdKernel.probabilityAliveBatchChecked(cdnow, Float64Array.from([1, xi]), Float64Array.from([1, txi]), Float64Array.from([5, Ti]), out)).toBe(false);
  });

  it('returns false when the columns or the output differ in length', () => {
    const one = Float64Array.from([1]);
    expect(bgNbdKernel.probabilityAliveBatchChecked(cdnow, Float64Array.from([1, 2]), Float64Array.from([1, 2]), Float64Array.from([5, 5]), new Float64Array(1))).toBe(false);
    expect(bgNbdKernel.probabilityAliveBatchChecked(cdnow, Float64Array.from([1, 2]), one, Float64Array.from([5, 5]), new Float64Array(2))).toBe(false);
    expect(bgNbdKernel.probabilityAliveBatchChecked(cdnow, Float64Array.from([1, 2]), Float64Array.from([1, 2]), one, new Float64Array(2))).toBe(false);
    expect(bgNbdKernel.probabilityAliveBatchChecked(cdnow, one, one, Float64Array.from([5]), new Float64Array(2))).toBe(false);
  });
});

describe('expectedPurchasesAtTimes with many (x, T) cells', () => {
  it.each([
    ['BG/NBD', bgNbdKernel],
    ['MBG/NBD', mbgNbdKernel],
  ] as const)('%s: 300 distinct cells (the slot arrays grow past 64, 128 and 256) equal the batch path at each time', (_, kernel) => {
    const { n, x, tx, T } = manyCells();
    const batch = new Float64Array(n);
    const times = [0, 4.35, 26];
    kernel.expectedPurchasesAtTimes(cdnow, x, tx, T, times, (k, values) => {
      kernel.expectedPurchasesBatch(cdnow, x, tx, T, times[k] as number, batch);
      expect([...values]).toEqual([...batch]);
    });
  });
});
