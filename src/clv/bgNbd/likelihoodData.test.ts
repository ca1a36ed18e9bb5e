// The two ways likelihoodData finds patterns (indexing every recency value, or one pattern per
// repeat customer when recency is continuous) must give the same likelihood and gradient.
import { describe, expect, it } from 'vitest';
import { simulateBgNbd } from './simulateBgNbd.js';
import { type HistoryColumns as Columns, historyColumns as columns } from '../../../test/helpers/history-columns.js';
import { CONTINUOUS_MIN_ROWS, type LikelihoodData, likelihoodData, logLikelihoodAndGradient } from './bgFamilyKernel.js';

function slice(c: Columns, from: number, to: number): Columns {
  return { x: c.x.slice(from, to), tx: c.tx.slice(from, to), T: c.T.slice(from, to), w: c.w.slice(from, to) };
}

// Every per-pattern array has one entry per pattern, on both paths.
function dataOf(c: Columns): LikelihoodData {
  const data = likelihoodData(c.x, c.tx, c.T, c.w);
  expect([data.pX.length, data.pTx.length, data.pT.length]).toEqual([data.pW.length, data.pW.length, data.pW.length]);
  return data;
}

// The log-likelihood adds up over customers: the whole against the sum over parts of fewer than
// CONTINUOUS_MIN_ROWS rows (which take the indexing path).
function expectAdditive(c: Columns, parts: number, d: number): void {
  const n = c.x.length;
  const whole = evaluate(dataOf(c), d);
  expect(Number.isFinite(whole.value)).toBe(true);
  let value = 0;
  const grad = [0, 0, 0, 0];
  for (let p = 0; p < parts; p++) {
    const part = evaluate(dataOf(slice(c, Math.floor((p * n) / parts), Math.floor(((p + 1) * n) / parts))), d);
    value += part.value;
    part.grad.forEach((g, k) => (grad[k] = (grad[k] as number) + g));
  }
  expect(Math.abs(whole.value - value)).toBeLessThan(1e-9 * Math.abs(value));
  whole.grad.forEach((g, k) => expect(Math.abs(g - (grad[k] as number))).toBeLessThan(1e-9 * (1 + Math.abs(grad[k] as number))));
}

function evaluate(data: LikelihoodData, d: number): { value: number; grad: number[] } {
  const grad = new Float64Array(4);
  const value = logLikelihoodAndGradient(data, d, 0.25, 4.2, 0.8, 2.5, grad);
  return { value, grad: Array.from(grad) };
}

const parameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const n = CONTINUOUS_MIN_ROWS + 20_000;
// 120,000 customers in 13 weekly cohorts, recency continuous (as simulated).
const simulated = columns(simulateBgNbd(parameters, { customers: n, T: Array.from({ length: 13 }, (_, i) => 27 + i), seed: 7 }));

describe('likelihoodData with continuous recency', () => {
  it('keeps one pattern per repeat customer and merges the others by T', () => {
    const data = dataOf(simulated);
    let repeat = 0;
    for (let i = 0; i < n; i++) if ((simulated.x[i] as number) > 0) repeat += 1;
    // 13 cohorts: 13 merged patterns of customers without repeat purchases, plus every repeat customer.
    expect(data.pW.length).toBe(repeat + 13);
    expect(data.txv.length).toBe(repeat + 1);
    expect(data.txv[0]).toBe(0);
    expect(data.pW.reduce((a, v) => a + v, 0)).toBe(n);
  });

  it.each([0, 1])('gives the likelihood and gradient of the indexing path (d = %i): the log-likelihood adds up over customers', (d) => {
    expectAdditive(simulated, 2, d);
  });

  it.each([0, 1])('keeps repeat customers with recency 0 apart from those without repeat purchases (d = %i)', (d) => {
    // x > 0 with recency 0 passes the input checks (all repeat purchases at the first instant).
    const c = { x: simulated.x.slice(), tx: simulated.tx.slice(), T: simulated.T, w: simulated.w };
    for (let i = 10_000; i < 20_000; i++) {
      c.x[i] = 1 + (i % 3);
      c.tx[i] = 0;
    }
    expectAdditive(c, 2, d);
  });

  it('has a recency entry for every customer when all are repeat customers', () => {
    // probe(): 100,000 repeat customers; the recency of each (plus the shared 0) is kept.
    const c = probe(CONTINUOUS_MIN_ROWS, 2048);
    const data = dataOf(c);
    expect(data.txv.length).toBe(CONTINUOUS_MIN_ROWS + 1);
    expectAdditive(c, 2, 0);
  });

  it('drops rows of weight 0 on both paths', () => {
    const weighted = { ...simulated, w: Float64Array.from(simulated.w, (_, i) => (i % 3 === 0 ? 0 : 2)) };
    const data = dataOf(weighted);
    let total = 0;
    for (let i = 0; i < n; i++) if (i % 3 !== 0) total += 2;
    expect(data.pW.reduce((a, v) => a + v, 0)).toBe(total);
    expect(data.pW.every((v) => v > 0)).toBe(true);
    // Weight 2 on the kept rows: twice the likelihood of those rows with weight 1.
    const kept = { ...simulated, w: Float64Array.from(simulated.w, (_, i) => (i % 3 === 0 ? 0 : 1)) };
    expect(evaluate(data, 0).value).toBeCloseTo(2 * evaluate(dataOf(kept), 0).value, 6);
  });
});

// Rows that tell the two paths apart: the first 2,048 repeat customers have `distinct` different
// recency values, and the rest of the rows repeat one (x, recency, T) row, which only the indexing
// path merges.
function probe(rows: number, distinct: number): Columns {
  const x = new Float64Array(rows).fill(1);
  const tx = new Float64Array(rows).fill(5);
  const T = new Float64Array(rows).fill(10);
  const w = new Float64Array(rows).fill(1);
  for (let i = 0; i < 2048; i++) tx[i] = i < distinct ? 1 + i / 1024 : 1;
  return { x, tx, T, w };
}

describe('likelihoodData: when recency counts as continuous', () => {
  it(`needs at least ${CONTINUOUS_MIN_ROWS} rows`, () => {
    // All 2,048 sampled recency values distinct. Indexing merges the repeated rows into one pattern.
    expect(dataOf(probe(CONTINUOUS_MIN_ROWS - 1, 2048)).pW.length).toBe(2048 + 1);
    expect(dataOf(probe(CONTINUOUS_MIN_ROWS, 2048)).pW.length).toBe(CONTINUOUS_MIN_ROWS);
  });

  it('needs more than 75% distinct values among the first 2,048 repeat customers', () => {
    // 1,536 = 0.75 * 2,048 distinct values (1 + i / 1024 for i < 1,536; the other sampled rows repeat
    // the value 1): not continuous, so indexing gives those 1,536 patterns plus the repeated row.
    expect(dataOf(probe(CONTINUOUS_MIN_ROWS, 1536)).pW.length).toBe(1536 + 1);
    expect(dataOf(probe(CONTINUOUS_MIN_ROWS, 1537)).pW.length).toBe(CONTINUOUS_MIN_ROWS);
  });

  it('samples only repeat customers of positive weight, and needs 2,048 of them', () => {
    const rows = probe(CONTINUOUS_MIN_ROWS, 2048);
    // Put 5,000 customers without repeat purchases first: the sample skips them.
    for (let i = 0; i < 5000; i++) {
      rows.x[i] = 0;
      rows.tx[i] = 0;
    }
    // Shift the distinct recency values behind them.
    for (let i = 0; i < 2048; i++) rows.tx[5000 + i] = 1 + i / 1024;
    expect(dataOf(rows).pW.length).toBe(CONTINUOUS_MIN_ROWS - 5000 + 1);
    // Weight 0 on those 2,048: the sample reaches the repeated rows and finds one value.
    const zero = { ...rows, w: Float64Array.from(rows.w, (v, i) => (i >= 5000 && i < 7048 ? 0 : v)) };
    expect(dataOf(zero).pW.length).toBe(2);
    // Only 2,047 repeat customers in all (the rest have x = 0): not continuous, so merged by index.
    const few = { x: new Float64Array(CONTINUOUS_MIN_ROWS), tx: new Float64Array(CONTINUOUS_MIN_ROWS), T: new Float64Array(CONTINUOUS_MIN_ROWS).fill(10), w: new Float64Array(CONTINUOUS_MIN_ROWS).fill(1) };
    for (let i = 0; i < 2047; i++) {
      few.x[i] = 1;
      few.tx[i] = 1 + i / 1024;
    }
    expect(dataOf(few).pW.length).toBe(2048);
    // 2,047 repeat customers again, 1,600 distinct recency values (78%) and 447 copies of one row:
    // still too few for the sample, so the copies are merged (1,600 + 1 + the x = 0 pattern).
    for (let i = 1600; i < 2047; i++) few.tx[i] = 5;
    expect(dataOf(few).pW.length).toBe(1602);
  });

  it('merges customers without repeat purchases by T only when their recency is 0', () => {
    const rows = probe(CONTINUOUS_MIN_ROWS, 2048);
    // 10,000 customers with x = 0 in two cohorts (T = 10 and T = 12), behind the sample.
    for (let i = 50_000; i < 60_000; i++) {
      rows.x[i] = 0;
      rows.tx[i] = 0;
      rows.T[i] = i % 2 === 0 ? 10 : 12;
    }
    const data = dataOf(rows);
    expect(data.pW.length).toBe(CONTINUOUS_MIN_ROWS - 10_000 + 2);
    const merged = Array.from(data.pW).filter((v) => v === 5000);
    expect(merged).toHaveLength(2);
    // A row with x = 0 but recency > 0 (never from checked input) keeps a pattern of its own.
    rows.tx[50_000] = 3;
    expect(dataOf(rows).pW.length).toBe(CONTINUOUS_MIN_ROWS - 10_000 + 3);
  });
});
