/**
 * Holes the suite finds that are not fixed on this branch, each with its reason (usually: another
 * branch owns the fix). The core run fails on any failure not listed here, and on any listed case
 * that no longer fails (so that the list only shrinks). `skipInCore` marks calls that hang until
 * their deadline: the core and long runs skip them to stay fast (HOSTILE_RUN_KNOWN=1 runs them).
 */
export interface KnownHole {
  readonly reason: string;
  readonly skipInCore?: boolean;
}

const BOUNDED = 'runaway work: owned by the bounded-work change (issue 14 item 3 / 4, branch bounded)';

export const known: Readonly<Record<string, KnownHole>> = {
  'stages/projectStageDistribution args.2 <- 1e308': { reason: `${BOUNDED}: steps = 1e308`, skipInCore: true },
  'stages/projectStageDistribution args.2 <- 2^53': { reason: `${BOUNDED}: steps = 2^53`, skipInCore: true },
  'stages/projectStageDistribution args.2 <- epoch beyond Date range': { reason: `${BOUNDED}: steps = 8.64e15 + 1`, skipInCore: true },
  'stages/projectStageDistribution args.2 <- valid as times 1e300': { reason: `${BOUNDED}: steps = 2e300`, skipInCore: true },
  'retention/logRankTest args.0 <- valid as huge array': { reason: `${BOUNDED}: logRankTest over 20,000 groups`, skipInCore: true },
  'clv/fitGammaGamma args.0 <- valid as huge array': { reason: `${BOUNDED}: fitGammaGamma speed on 20,000 rows`, skipInCore: true },
  "clv/fitBgNbd refuse 'repeat purchases at zero recency'": {
    reason: `${BOUNDED}: impossible histories (repeat purchases at recency 0) are to be refused up front; today the fit fails with MetricsFitError`,
  },
  'clv/expectedSpendBatch args.0.parameters.q <- 0.5': {
    reason: 'documented: a NaN entry marks a customer without repeat purchases when q <= 1 (no finite population mean); a Float64Array has no undefined',
  },
};
