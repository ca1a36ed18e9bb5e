/**
 * BG/BB on the donations data of Fader, Hardie & Shang (2010): 11,104 first-time supporters of
 * 1995 with 6 annual repeat-donation opportunities (1996-2001), as 22 patterns with counts.
 * Reference values: ../shared/REFERENCES.md, "BG/BB, donations" (Fader, Hardie & Shang 2010, Table 6).
 */
import { describe, expect, it } from 'vitest';
import { bgBbFrequencyFit } from '../src/clv/bgBb/bgBbFrequencyFit.js';
import { bgBbProbabilityAlive } from '../src/clv/bgBb/bgBbProbabilityAlive.js';
import { fitBgBb } from '../src/clv/bgBb/fitBgBb.js';
import { readFixtureData } from './helpers/fixture-data.js';

function donations() {
  const lines = readFixtureData('donations/donations.csv').trim().split('\n');
  expect(lines[0]).toBe('frequency,recency,periods,weights');
  return lines.slice(1).map((line) => {
    const [frequency, recency, n, weight] = line.split(',').map(Number) as [number, number, number, number];
    return { frequency, recency, n, weight };
  });
}

describe('BG/BB on the donations data (Fader, Hardie & Shang 2010)', () => {
  const rows = donations();
  const model = fitBgBb(rows);

  it('reads 22 patterns of 11,104 donors', () => {
    expect(rows).toHaveLength(22);
    expect(rows.reduce((s, r) => s + r.weight, 0)).toBe(11104);
  });

  it.each([
    ['alpha', 1.204],
    ['beta', 0.75],
    ['gamma', 0.657],
    ['delta', 2.783],
  ] as const)('%s = %s within 2e-3 relative', (key, published) => {
    const actual = model?.parameters[key] as number;
    expect(Math.abs(actual - published) / published, `actual ${actual}, published ${published}`).toBeLessThan(2e-3);
  });

  it('log-likelihood -33225.58 within 0.01, converged', () => {
    expect(model?.convergence.converged).toBe(true);
    expect(Math.abs((model?.logLikelihood as number) + 33225.58)).toBeLessThan(0.01);
    expect(model?.customers).toBe(11104);
  });

  it.each([
    [0, 0, 0.11],
    [2, 4, 0.59],
    [6, 6, 0.93],
  ])('P(alive in 2002) for x = %s, t_x = %s, n = 6 is %s (Table 6)', (x, tx, expected) => {
    expect(bgBbProbabilityAlive(model as never, { frequency: x, recency: tx, n: 6 })).toBeCloseTo(expected, 2);
  });

  it('the expected number of donors with each frequency tracks the observed (in-sample fit, Figure 3)', () => {
    const fit = bgBbFrequencyFit(model as never, rows);
    expect(fit.map((r) => r.frequency)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const actualTotal = fit.reduce((s, r) => s + r.actual, 0);
    const expectedTotal = fit.reduce((s, r) => s + r.expected, 0);
    expect(actualTotal).toBe(11104);
    expect(expectedTotal).toBeCloseTo(11104, 6);
    // Observed counts: 3464 donors never gave again, 1203 gave every year.
    expect(fit[0]?.actual).toBe(3464);
    expect(fit[6]?.actual).toBe(1203);
    // The model is within 2% of the total in every cell.
    for (const r of fit) expect(Math.abs(r.expected - r.actual), `x=${r.frequency}`).toBeLessThan(0.02 * 11104);
  });
});
