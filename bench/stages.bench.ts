/**
 * Benchmarks of the `stages` area: assigning 1 million customers to need levels (target < 1 s) and a
 * funnel over 1 million histories (target < 2 s). Run: npx tsx bench/stages.bench.ts
 */
import { assignNeedLevel, assignNeedLevels, funnelConversion, type NeedLevel, type NeedLevelObservation } from '../src/stages/index.js';
import { budget, machine, runCases, seededRandom } from './harness.js';

const N = 1_000_000;
const random = seededRandom(5);
const int = (max: number) => Math.floor(random() * max);

// Customers: a mix of prospects at every level and buyers, as plain objects with an id.
const customers = Array.from({ length: N }, (_, i) => {
  const stage = int(6);
  return {
    customerId: `C${i}`,
    problemContentViews: stage >= 1 ? 1 + int(4) : 0,
    solutionSearches: stage >= 2 ? int(3) : 0,
    brandComparisons: stage >= 3 ? int(2) : 0,
    pricingViews: stage >= 4 ? int(3) : 0,
    cartAdds: stage >= 4 ? int(2) : 0,
    quoteRequests: 0,
    demoRequests: stage >= 4 && random() < 0.2 ? 1 : 0,
    purchases: stage === 5 ? 1 + int(5) : 0,
    repurchaseSignals: stage === 5 ? int(2) : 0,
    daysSinceLastActivity: int(365),
  };
});

// Histories: each contact climbs from level 1 or 2 for a few steps, sometimes skipping a level.
const DAY = 86_400_000;
const histories: NeedLevelObservation[][] = Array.from({ length: N }, () => {
  let level = 1 + int(2);
  let date = Date.UTC(2025, 0, 1) + int(365) * DAY;
  const out: NeedLevelObservation[] = [{ date, level: level as NeedLevel }];
  const steps = int(5);
  for (let s = 0; s < steps && level < 6; s++) {
    level = Math.min(6, level + (random() < 0.1 ? 2 : 1));
    date += (1 + int(30)) * DAY;
    out.push({ date, level: level as NeedLevel });
  }
  return out;
});

console.log(`Machine: ${machine()}`);
const result = await runCases(
  'stages: 1 million customers / histories',
  [
    { name: 'assignNeedLevels, 1e6 customers, default rules, first-match', fn: () => assignNeedLevels(customers) },
    { name: 'assignNeedLevels, 1e6 customers, highest-level', fn: () => assignNeedLevels(customers, { mode: 'highest-level' }) },
    {
      name: 'assignNeedLevel called 1e6 times (one customer per call)',
      fn: () => {
        for (let i = 0; i < N; i++) assignNeedLevel(customers[i] as (typeof customers)[number]);
      },
    },
    { name: 'funnelConversion, 1e6 histories, strict', fn: () => funnelConversion(histories) },
    { name: 'funnelConversion, 1e6 histories, any-order, monthly cohorts', fn: () => funnelConversion(histories, { mode: 'any-order', cohortBy: 'month' }) },
  ],
  { iterations: 3, warmup: 1 },
);
budget('assignNeedLevels over 1e6 customers', result.get('assignNeedLevels, 1e6 customers, default rules, first-match') ?? Number.NaN, 1000);
budget('assignNeedLevel x 1e6 calls', result.get('assignNeedLevel called 1e6 times (one customer per call)') ?? Number.NaN, 1000);
budget('funnelConversion over 1e6 histories', result.get('funnelConversion, 1e6 histories, strict') ?? Number.NaN, 2000);
