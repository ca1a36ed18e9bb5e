import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compressColumns, sortPatterns } from './compressColumns.js';
import { fitParetoNbd } from './fitParetoNbd.js';
import { simulateParetoNbd } from './simulateParetoNbd.js';
import type { SummaryColumns } from './paretoNbdLikelihood.js';

type Row = readonly [x: number, tx: number, T: number, w: number];

const columns = (rows: readonly Row[]): SummaryColumns => ({
  x: Float64Array.from(rows, (r) => r[0]),
  tx: Float64Array.from(rows, (r) => r[1]),
  T: Float64Array.from(rows, (r) => r[2]),
  w: Float64Array.from(rows, (r) => r[3]),
});

const rowsOf = (c: SummaryColumns): Row[] => Array.from(c.x, (x, i) => [x, c.tx[i] as number, c.T[i] as number, c.w[i] as number] as const);

/** The reference: a Map keyed by the three numbers as a string (0 and -0 alike), in order of first appearance. */
function reference(rows: readonly Row[]): Row[] {
  const byKey = new Map<string, [number, number, number, number]>();
  for (const [x, tx, T, w] of rows) {
    if (w === 0) continue;
    const key = `${x}|${tx}|${T}`; // String(-0) is '0'
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, [x, tx, T, w]);
    else seen[3] += w;
  }
  return [...byKey.values()];
}

describe('compressColumns', () => {
  it('merges equal (x, t_x, T), adds their weights, drops weight 0, and keeps the order of first appearance', () => {
    const rows: Row[] = [
      [2, 5, 10, 1],
      [0, 0, 10, 3],
      [2, 5, 10, 2.5], // same as row 0: weight 1 + 2.5 = 3.5
      [2, 5, 11, 1], // differs in T only
      [2, 6, 10, 1], // differs in t_x only
      [3, 5, 10, 1], // differs in x only
      [7, 1, 9, 0], // weight 0: dropped
      [0, 0, 10, 4], // same as row 1: 3 + 4 = 7
      [2, 5, 11, 0], // weight 0 on an existing pattern: no change
    ];
    expect(rowsOf(compressColumns(columns(rows)))).toEqual([
      [2, 5, 10, 3.5],
      [0, 0, 10, 7],
      [2, 5, 11, 1],
      [2, 6, 10, 1],
      [3, 5, 10, 1],
    ]);
  });

  it('treats 0 and -0 as the same number', () => {
    const out = compressColumns(columns([
      [0, 0, 10, 1],
      [0, -0, 10, 2],
      [-0, 0, 10, 3],
    ]));
    expect(rowsOf(out)).toEqual([[0, 0, 10, 6]]);
  });

  it('returns arrays exactly as long as the number of patterns (none for all-zero weights or no rows)', () => {
    const out = compressColumns(columns([
      [1, 1, 2, 1],
      [1, 1, 2, 1],
      [1, 1, 2, 1],
    ]));
    expect([out.x.length, out.tx.length, out.T.length, out.w.length]).toEqual([1, 1, 1, 1]);
    expect(out.w[0]).toBe(3);
    expect(rowsOf(compressColumns(columns([[1, 1, 2, 0]])))).toEqual([]);
    expect(rowsOf(compressColumns(columns([])))).toEqual([]);
  });

  it('does not change its input', () => {
    const input = columns([
      [1, 1, 2, 1],
      [1, 1, 2, 0],
      [1, 1, 2, 2],
    ]);
    const copy = rowsOf(input);
    compressColumns(input);
    expect(rowsOf(input)).toEqual(copy);
  });

  it('agrees with a Map-based reference on random tables with many repeats (small value ranges force merges and probe chains)', () => {
    const row = fc.tuple(
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom(0, -0, 0.5, 1, 2.25),
      fc.constantFrom(3, 4, 5.5),
      fc.constantFrom(0, 0.5, 1, 2, 7),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), (rows) => {
        expect(rowsOf(compressColumns(columns(rows)))).toEqual(reference(rows));
      }),
      { seed: 1123, numRuns: 200 },
    );
  });

  it('keeps 5,000 distinct rows distinct, in order (the table grows past its initial 16 slots)', () => {
    const rows: Row[] = Array.from({ length: 5000 }, (_, i) => [i % 7, (i % 13) / 2, 10 + i / 1000, 1 + (i % 3)]);
    const doubled = [...rows, ...rows];
    const out = rowsOf(compressColumns(columns(doubled)));
    expect(out).toHaveLength(5000);
    expect(out).toEqual(rows.map(([x, tx, T, w]) => [x, tx, T, 2 * w]));
  });
});

describe('sortPatterns', () => {
  it('orders by x, then t_x, then T, carrying the weights along', () => {
    const data = { x: Float64Array.of(2, 0, 2, 1), tx: Float64Array.of(5, 0, 3, 4), T: Float64Array.of(9, 7, 9, 8), w: Float64Array.of(1, 2, 3, 4) };
    expect(sortPatterns(data)).toEqual({ x: Float64Array.of(0, 1, 2, 2), tx: Float64Array.of(0, 4, 3, 5), T: Float64Array.of(7, 8, 9, 9), w: Float64Array.of(2, 4, 3, 1) });
  });

  it('is the order of a comparison sort by (x, t_x, T) on distinct patterns, -0 as 0 (property, seed 1208)', () => {
    // Few distinct values per key, so that ties in x and in t_x are common and the later keys decide;
    // fractions, whole numbers, tiny and huge values exercise every 16-bit digit of the bits.
    const value = fc.oneof(fc.constantFrom(0, -0, 1, 2, 39, 0.5, 1e-300, 5e-324, 1e9, 1 / 3), fc.double({ min: 0, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1, 2, 3, 70_000), value, value, fc.integer({ min: 1, max: 9 })), { maxLength: 300 }), (raw) => {
        const data = compressColumns(columns(raw));
        const got = rowsOf(sortPatterns(data));
        const want = rowsOf(data).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
        expect(got).toEqual(want);
      }),
      { seed: 1208, numRuns: 300 },
    );
  });

  it('keeps a single pattern and no patterns as they are', () => {
    expect(rowsOf(sortPatterns(columns([[3, 2, 5, 4]])))).toEqual([[3, 2, 5, 4]]);
    expect(rowsOf(sortPatterns(columns([])))).toEqual([]);
  });

  it('makes fitParetoNbd independent of the order of the customers: reversed and interleaved rows give the same parameters to the bit', () => {
    // 600 simulated customers with staggered T in weeks of days (fractional: the sums round
    // differently in different orders without the canonical order).
    const model = { parameters: { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 } };
    const rows = simulateParetoNbd(model, { customers: 600, T: [39, 270 / 7, 269 / 7, 268 / 7, 267 / 7], seed: 15 });
    const fit = fitParetoNbd(rows).parameters;
    expect(fitParetoNbd([...rows].reverse()).parameters).toEqual(fit);
    expect(fitParetoNbd([...rows.filter((_, i) => i % 2 === 1), ...rows.filter((_, i) => i % 2 === 0)]).parameters).toEqual(fit);
  });
});
