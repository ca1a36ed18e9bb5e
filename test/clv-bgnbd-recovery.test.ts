/**
 * Parameter recovery: fitting 50,000 simulated customers recovers the generating parameters within
 * their 99% Wald intervals (fixed seeds, several parameter sets, both models). Recency is rounded to
 * the day, which moves it by at most half a day: far below what the standard errors resolve.
 */
import { describe, expect, it } from 'vitest';
import { compressSummaries, fitBgNbd, fitMbgNbd, simulateBgNbd, simulateMbgNbd } from '../src/clv/index.js';

// Staggered acquisition over a quarter, observed in weeks (like CDNOW's calibration period).
const T = Array.from({ length: 13 }, (_, i) => 27 + i);
const sets = [
  ['bg-nbd', { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 7],
  ['bg-nbd', { r: 2, alpha: 10, a: 0.5, b: 5 }, 8],
  ['mbg-nbd', { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 9],
  ['mbg-nbd', { r: 1.2, alpha: 3, a: 2, b: 8 }, 10],
] as const;

describe('parameter recovery on 50,000 simulated customers', () => {
  it.each(sets)('%s %o (seed %s)', (kind, parameters, seed) => {
    const simulate = kind === 'bg-nbd' ? simulateBgNbd : simulateMbgNbd;
    const fit = kind === 'bg-nbd' ? fitBgNbd : fitMbgNbd;
    // Purchase times to the day (as in daily transaction logs), then identical rows compressed:
    // 50,000 customers become a few thousand weighted patterns, and the fit takes milliseconds.
    const rows = compressSummaries(
      simulate(parameters, { customers: 50_000, T, seed }).map((row) => ({ frequency: row.frequency, recency: row.frequency > 0 ? Math.max(1, Math.round(row.recency * 7)) / 7 : 0, T: row.T })),
    );
    expect(rows.reduce((sum, row) => sum + row.weight, 0)).toBe(50_000);
    const model = fit(rows, { timeUnit: 'week' });
    expect(model.customers).toBe(50_000);
    expect(model.convergence.converged).toBe(true);
    const se = model.standardErrors as NonNullable<typeof model.standardErrors>;
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const z = (model.parameters[name] - parameters[name]) / se[name];
      expect(Math.abs(z), `${name}: estimate ${model.parameters[name]}, true ${parameters[name]}, se ${se[name]}`).toBeLessThan(2.576);
    }
  });
});
