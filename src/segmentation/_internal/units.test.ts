import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../_lib/money.js';
import { classifyAbc } from '../classifyAbc.js';
import { giniCoefficient } from '../giniCoefficient.js';
import { paretoAnalysis } from '../paretoAnalysis.js';
import { valueTiers } from '../valueTiers.js';
import { orderDescendingUnits, readValues, toUnits } from './values.js';
import { IssueList } from '../../_lib/validate.js';

// The exact-units fast path (numbers and plain decimal strings as whole units of 10^-scale in doubles,
// radix-sorted) must give exactly what the Decimal path gives; Decimal inputs always take the
// Decimal path, so the same values as Decimals are the oracle.
const asDecimals = (xs: readonly (number | string)[]): Decimal[] => xs.map((x) => new Decimal(x));
// Results hold Decimals (totals, averages): compare them by value.
const plain = (x: unknown): unknown =>
  x === undefined ? undefined : JSON.parse(JSON.stringify(x, (_, v: unknown) => (Decimal.isDecimal(v) ? `D:${(v as Decimal).toString()}` : v)));

// Amounts in cents and mills with ties and zeros, as numbers or strings.
const amount = (min: number) =>
  fc.oneof(
    fc.integer({ min, max: 5000 }).map((c) => c / 100),
    fc.integer({ min, max: 50 }).map((c) => c / 10),
    fc.integer({ min: min * 10, max: 2_000_000 }).map((m) => (m / 1000).toFixed(3)),
    fc.constantFrom(0, '0.00', 12.5, '12.50'),
  );

describe('exact units (fast path) against decimal.js', () => {
  it('classifyAbc gives the same classes and summary (property, seed 1401)', () => {
    fc.assert(
      fc.property(fc.array(amount(0), { minLength: 1, maxLength: 60 }), fc.constantFrom(0.5, 0.8, 0.7), fc.constantFrom(0.9, 0.95, 1), fc.boolean(), (xs, a, b, upper) => {
        const opts = { a, b, boundaryItem: upper ? ('upper' as const) : ('lower' as const) };
        expect(plain(classifyAbc(xs, opts))).toEqual(plain(classifyAbc(asDecimals(xs), opts)));
      }),
      { seed: 1401, numRuns: 300 },
    );
  });

  it('valueTiers gives the same result in all three modes, negative values included (property, seed 1402)', () => {
    fc.assert(
      fc.property(fc.array(amount(-3000), { minLength: 1, maxLength: 60 }), (xs) => {
        const modes = [
          undefined,
          { by: 'value' as const, tiers: [{ name: 'a', share: 0.5 }, { name: 'b', share: 0.3 }, { name: 'c', share: 0.2 }] },
          { by: 'thresholds' as const, tiers: [{ name: 'vip', min: '20.5' }, { name: 'mid', min: 1 }, { name: 'rest' }] },
        ];
        for (const options of modes) expect(plain(valueTiers(xs, options))).toEqual(plain(valueTiers(asDecimals(xs), options)));
      }),
      { seed: 1402, numRuns: 150 },
    );
  });

  it('paretoAnalysis and giniCoefficient on strings give the Decimal totals and shares (property, seed 1403)', () => {
    fc.assert(
      fc.property(fc.array(amount(0), { minLength: 1, maxLength: 60 }), (xs) => {
        const strings = xs.map((x) => (typeof x === 'string' ? x : String(x)));
        const fast = paretoAnalysis(strings);
        const exact = paretoAnalysis(asDecimals(xs));
        if (exact === undefined) return fast === undefined;
        expect(fast?.total.toString()).toBe(exact.total.toString());
        expect(fast?.top).toEqual(exact.top);
        expect(fast?.targets).toEqual(exact.targets);
        expect(fast?.lorenz).toEqual(exact.lorenz);
        // the Gini's weighted sum is compensated in doubles on the fast path, exact with Decimals
        expect(Math.abs((fast?.gini as number) - (exact.gini as number))).toBeLessThan(1e-14);
        expect(Math.abs((giniCoefficient(strings) as number) - (exact.gini as number))).toBeLessThan(1e-14);
        return true;
      }),
      { seed: 1403, numRuns: 200 },
    );
  });

  it('orders like a stable sort, with negatives, -0, ties and extreme magnitudes (property, seed 1404)', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 2 ** 50, -(2 ** 50), 5e-324));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 80 }), (xs) => {
        const order = Array.from(orderDescendingUnits(Float64Array.from(xs)));
        const expected = xs.map((_, i) => i).sort((i, j) => (xs[j] as number) - (xs[i] as number) || i - j);
        expect(order).toEqual(expected);
      }),
      { seed: 1404, numRuns: 300 },
    );
  });

  it('takes units only when exact: at most 12 decimals, sums below 2^53 units; otherwise decimal.js', () => {
    const read = (xs: unknown[]) => readValues(xs, 'values', new IssueList(), false);
    // '12.5' and 0.125 share the scale 3: 12500 and 125 units of 0.001
    expect(toUnits(read(['12.5', 0.125]) as never)).toEqual({ kind: 'units', data: Float64Array.from([12500, 125]), scale: 3 });
    expect(read([0.1 + 0.2])?.kind).toBe('number'); // all numbers: the number path, units only on demand
    expect(toUnits(read([0.1 + 0.2]) as never)).toBeUndefined(); // 0.30000000000000004: 17 decimals
    expect(read(['1e3', 5])?.kind).toBe('money'); // exponent: decimal.js
    expect(read(['0.0000000000001'])?.kind).toBe('money'); // 13 decimals
    expect(read(['9007199254740993'])?.kind).toBe('money'); // above 2^50 units
    // 2^50 units each: seven add up to less than 2^53, eight do not
    expect(read(new Array(7).fill('1125899906842624'))?.kind).toBe('units');
    expect(read(new Array(8).fill('1125899906842624'))?.kind).toBe('money');
    expect(read([new Decimal(1), '2'])?.kind).toBe('money');
    expect(read(['-0', '.5', '5.', ' 7 '])).toEqual({ kind: 'units', data: Float64Array.from([0, 5, 50, 70]), scale: 1 });
  });

  it('reads plain decimal strings digit by digit as decimal.js reads them (property, seed 1407)', () => {
    const text = fc
      .tuple(fc.constantFrom('', ' ', '\t', '  '), fc.constantFrom('', '+', '-'), fc.stringMatching(/^[0-9]{0,9}$/), fc.boolean(), fc.stringMatching(/^[0-9]{0,6}$/), fc.constantFrom('', ' ', '\n'))
      .filter(([, , whole, point, frac]) => whole.length + (point ? frac.length : 0) > 0)
      .map(([a, sign, whole, point, frac, b]) => `${a}${sign}${whole}${point ? `.${frac}` : ''}${b}`);
    fc.assert(
      fc.property(text, (str) => {
        const read = readValues([str], 'values', new IssueList(), false);
        expect(read?.kind).toBe('units');
        const u = read as { data: Float64Array; scale: number };
        expect(new Decimal(u.data[0] as number).div(new Decimal(10).pow(u.scale)).eq(new Decimal(str.trim()))).toBe(true);
      }),
      { seed: 1407, numRuns: 300 },
    );
    for (const other of ['1e3', '1.2.3', '--1', '+-1', '.', '-', '\u00a012', '12\u00a0', '0x10', 'Infinity']) {
      expect(readValues([other], 'values', new IssueList(), false)?.kind, other).not.toBe('units');
    }
  });
});
