import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../_lib/money.js';
import { IssueList } from '../../_lib/validate.js';
import fixture from '../shared/fixtures/spendSampling.json' with { type: 'json' };
import { checkSpendRows, conditionalSpend, gammaGammaGroupedLogLikelihood, gammaGammaLogLikelihood, spendGroups } from './gammaGammaKernel.js';

const lines = (issues: IssueList) => issues.toArray().map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`);

describe('gammaGammaLogLikelihood', () => {
  // Reference: fixtures/generateSpendSampling.py, the density of note 025 summed with mpmath at 50
  // digits, and its gradient by mpmath's numerical differentiation.
  const { data, points } = fixture.gammaGamma;
  const x = Float64Array.from(data.x);
  const m = Float64Array.from(data.m);
  const w = Float64Array.from(data.w);

  it.each(points)('matches mpmath at p = $p, q = $q, gamma = $gamma (value and gradient)', (ref) => {
    const grad = new Float64Array(3);
    const ll = gammaGammaLogLikelihood(x, m, w, ref.p, ref.q, ref.gamma, grad);
    expect(Math.abs(ll / ref.logLikelihood - 1)).toBeLessThan(1e-13);
    ref.gradient.forEach((g, i) => expect(Math.abs((grad[i] as number) - g)).toBeLessThan(1e-11 * Math.max(1, Math.abs(g))));
    // Without a gradient array, the same value.
    expect(gammaGammaLogLikelihood(x, m, w, ref.p, ref.q, ref.gamma, undefined)).toBe(ll);
  });

  it('is the log density of one customer (worked example)', () => {
    // x = 1, zbar = 2, p = 1, q = 2, gamma = 3: Gamma(3) / (Gamma(1) Gamma(2)) 3^2 1^1 2^0 / (3 + 2)^3
    // = 2 * 9 / 125 = 0.144.
    const grad = new Float64Array(3);
    expect(gammaGammaLogLikelihood(Float64Array.of(1), Float64Array.of(2), Float64Array.of(1), 1, 2, 3, grad)).toBeCloseTo(Math.log(0.144), 14);
    // d/dgamma = q / gamma - (p x + q) / (gamma + x zbar) = 2/3 - 3/5 = 1/15.
    expect(grad[2]).toBeCloseTo(1 / 15, 14);
    // A weight multiplies the value and the gradient; no customers give 0.
    const g2 = new Float64Array(3);
    expect(gammaGammaLogLikelihood(Float64Array.of(1), Float64Array.of(2), Float64Array.of(2.5), 1, 2, 3, g2)).toBeCloseTo(2.5 * Math.log(0.144), 14);
    expect(Array.from(g2)).toEqual(Array.from(grad).map((g) => 2.5 * g));
    const g0 = Float64Array.of(9, 9, 9);
    expect(gammaGammaLogLikelihood(new Float64Array(0), new Float64Array(0), new Float64Array(0), 1, 2, 3, g0)).toBe(0);
    expect(Array.from(g0)).toEqual([0, 0, 0]);
  });
});

describe('conditionalSpend', () => {
  it('is p (gamma + x zbar) / (p x + q - 1) (worked example)', () => {
    // 6.25 (15.44 + 2 * 20) / (12.5 + 3.74 - 1) = 346.5 / 15.24
    expect(conditionalSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 20)).toBeCloseTo(346.5 / 15.24, 13);
  });

  it('is undefined exactly when p x + q <= 1', () => {
    // p x + q - 1 = 0.5 + 0.5 - 1 = 0 exactly.
    expect(conditionalSpend({ p: 0.5, q: 0.5, gamma: 2 }, 1, 3)).toBeUndefined();
    expect(conditionalSpend({ p: 2, q: 1, gamma: 2 }, 0, 0)).toBeUndefined();
    expect(conditionalSpend({ p: 0.5, q: 0.25, gamma: 2 }, 1, 3)).toBeUndefined();
    // Just above: 0.5 * 2 + 0.5 - 1 = 0.5, so 0.5 (2 + 6) / 0.5 = 8.
    expect(conditionalSpend({ p: 0.5, q: 0.5, gamma: 2 }, 2, 3)).toBe(8);
  });
});

describe('checkSpendRows', () => {
  const run = (rows: unknown) => {
    const issues = new IssueList();
    const out = checkSpendRows(rows, 'customers', issues);
    return { out: out && { x: Array.from(out.x), m: Array.from(out.m), w: Array.from(out.w) }, lines: lines(issues) };
  };

  it('keeps repeat customers with positive weight, money as numbers', () => {
    expect(
      run([
        { frequency: 2, monetaryValue: 10 },
        { frequency: 0, monetaryValue: -3 },
        { frequency: 3, monetaryValue: '12.50', weight: 2 },
        { frequency: 1, monetaryValue: new Decimal('0.1'), weight: 0 },
        { frequency: 4, monetaryValue: new Decimal('7.25'), weight: 0.5 },
      ]),
    ).toEqual({ out: { x: [2, 3, 4], m: [10, 12.5, 7.25], w: [1, 2, 0.5] }, lines: [] });
    expect(run([])).toEqual({ out: { x: [], m: [], w: [] }, lines: [] });
  });

  it.each([
    ['undefined', undefined, ['invalid_type customers: is required']],
    ['an object', {}, ['invalid_type customers: must be an array of rows or an object of columns']],
    ['a null row', [null], ['invalid_type customers.0: must be an object with frequency and monetaryValue']],
    ['a string row', ['x'], ['invalid_type customers.0: must be an object with frequency and monetaryValue']],
    ['a negative frequency', [{ frequency: -1, monetaryValue: 3 }], ['too_small customers.0.frequency: must be at least 0']],
    ['a fractional frequency', [{ frequency: 1.5, monetaryValue: 3 }], ['not_integer customers.0.frequency: must be a whole number']],
    ['a negative weight', [{ frequency: 1, monetaryValue: 3, weight: -1 }], ['too_small customers.0.weight: must be at least 0']],
    ['a NaN weight', [{ frequency: 1, monetaryValue: 3, weight: Number.NaN }], ['not_finite customers.0.weight: must be a finite number']],
    ['a NaN spend', [{ frequency: 1, monetaryValue: Number.NaN }], ['not_finite customers.0.monetaryValue: must be a finite amount']],
    ['an infinite spend', [{ frequency: 1, monetaryValue: -Infinity }], ['not_finite customers.0.monetaryValue: must be a finite amount']],
    ['a bad spend string', [{ frequency: 1, monetaryValue: '1,5' }], ['invalid_type customers.0.monetaryValue: must be a decimal number string such as "12.50"']],
    ['a bad spend string without repeat purchases', [{ frequency: 0, monetaryValue: 'x' }], ['invalid_type customers.0.monetaryValue: must be a decimal number string such as "12.50"']],
    ['a zero spend', [{ frequency: 1, monetaryValue: 0 }], ['too_small customers.0.monetaryValue: must be greater than 0 for a customer with repeat purchases']],
    ['a negative Decimal spend', [{ frequency: 1, monetaryValue: new Decimal(-2) }], ['too_small customers.0.monetaryValue: must be greater than 0 for a customer with repeat purchases']],
    ['a zero spend with weight 0', [{ frequency: 1, monetaryValue: 0, weight: 0 }], ['too_small customers.0.monetaryValue: must be greater than 0 for a customer with repeat purchases']],
    [
      'several bad rows',
      [{ frequency: 1, monetaryValue: 1 }, { frequency: 'a', monetaryValue: true, weight: 'w' }, { frequency: 2, monetaryValue: 0 }],
      [
        'invalid_type customers.1.frequency: must be a number',
        'invalid_type customers.1.weight: must be a number',
        'invalid_type customers.1.monetaryValue: must be a number, a decimal string or a Decimal',
        'too_small customers.2.monetaryValue: must be greater than 0 for a customer with repeat purchases',
      ],
    ],
  ])('rejects %s', (_, rows, expected) => {
    expect(run(rows)).toEqual({ out: undefined, lines: expected });
  });

  it('fails the whole input for a bad weight alone', () => {
    expect(run([{ frequency: 2, monetaryValue: 3 }, { frequency: 2, monetaryValue: 3, weight: -2 }]).out).toBeUndefined();
  });
});

describe('gammaGammaGroupedLogLikelihood', () => {
  it('equals the row-by-row sum and its gradient, whatever the order of the rows (property, seed 1405)', () => {
    const row = fc.record({ x: fc.integer({ min: 1, max: 12 }), m: fc.double({ min: 0.5, max: 500, noNaN: true }), w: fc.constantFrom(1, 2, 0.5) });
    const par = fc.double({ min: 0.05, max: 50, noNaN: true });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), par, par, par, (rows, p, q, gamma) => {
        const x = Float64Array.from(rows, (r) => r.x);
        const m = Float64Array.from(rows, (r) => r.m);
        const w = Float64Array.from(rows, (r) => r.w);
        const g1 = new Float64Array(3);
        const g2 = new Float64Array(3);
        const a = gammaGammaLogLikelihood(x, m, w, p, q, gamma, g1);
        const b = gammaGammaGroupedLogLikelihood(spendGroups(x, m, w), p, q, gamma, g2);
        const close = (u: number, v: number) => Math.abs(u - v) <= 1e-9 * Math.max(1, Math.abs(u));
        expect(close(a, b), `${a} vs ${b}`).toBe(true);
        for (let k = 0; k < 3; k++) expect(close(g1[k] as number, g2[k] as number), `gradient ${k}: ${g1[k]} vs ${g2[k]}`).toBe(true);
        expect(gammaGammaGroupedLogLikelihood(spendGroups(x, m, w), p, q, gamma, undefined)).toBe(b);
      }),
      { seed: 1405, numRuns: 200 },
    );
  });

  it('reads plain decimal strings as Number does and keeps decimal.js for the rest', () => {
    const issues = new IssueList();
    const cols = checkSpendRows(
      [
        { frequency: 1, monetaryValue: ' 12.50 ' },
        { frequency: 2, monetaryValue: '0.1' },
        { frequency: 3, monetaryValue: '1e2' },
        { frequency: 4, monetaryValue: '123456789012345678901234567890.123' },
      ],
      'customers',
      issues,
    );
    expect(issues.isEmpty).toBe(true);
    expect(Array.from(cols?.m ?? [])).toEqual([12.5, 0.1, 100, new Decimal('123456789012345678901234567890.123').toNumber()]);
  });
});
