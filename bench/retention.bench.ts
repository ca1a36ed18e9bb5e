/**
 * Retention benchmarks (issue 3): kaplanMeier on 1 million subjects and cohortRetention on
 * 1 million subscriptions, each against sorting 1 million float64 values (Float64Array.prototype.sort
 * on a copy) in the same run. Target: within 3x of the sort.
 * Run: npx tsx bench/retention.bench.ts (or npm run bench -- retention).
 */
import { cohortRetention, kaplanMeier, type SubscriptionRecord } from '../src/retention/index.js';
import { machine, ratio, runCases, seededRandom } from './harness.js';

const N = 1_000_000;
const DAY = 86_400_000;
const random = seededRandom(20261123);

// Survival data: exponential lifetimes in days (continuous, so nearly every time is distinct),
// about 40% censored at a random observation horizon.
const durations = new Float64Array(N);
const observed = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  const life = -Math.log(1 - random()) * 400;
  const horizon = random() * 900;
  durations[i] = Math.min(life, horizon);
  observed[i] = life <= horizon ? 1 : 0;
}

// Subscriptions: 1M records of about 850k customers over 3 years (15% of customers have an upgrade
// that overlaps or follows the first subscription); whole-day dates, about half still active.
const start0 = Date.UTC(2023, 0, 1);
const observationEnd = Date.UTC(2026, 0, 1);
const subs: SubscriptionRecord[] = new Array(N);
const subsNoMrr: SubscriptionRecord[] = new Array(N);
let customer = 0;
for (let i = 0; i < N; ) {
  const start = start0 + Math.floor(random() * 1095) * DAY;
  const life = Math.ceil(-Math.log(1 - random()) * 600) * DAY;
  const end = start + life < observationEnd ? start + life : undefined;
  const mrr = random() < 0.8 ? 25 : 120;
  subs[i] = end === undefined ? { customerId: customer, start, mrr } : { customerId: customer, start, end, mrr };
  i++;
  if (i < N && random() < 0.15) {
    const upgrade = start + Math.floor(random() * 200) * DAY;
    subs[i] = { customerId: customer, start: upgrade, mrr: mrr * 2 };
    i++;
  }
  customer++;
}
for (let i = 0; i < N; i++) {
  const { mrr: _, ...rest } = subs[i] as SubscriptionRecord;
  subsNoMrr[i] = rest;
}
const floats = new Float64Array(N);
for (let i = 0; i < N; i++) floats[i] = random();

const SORT = 'sort 1M float64 (baseline: Float64Array.prototype.sort on a copy)';
const KM = 'kaplanMeier, 1M subjects (log interval)';
const COHORT = 'cohortRetention, 1M subscriptions, monthly, customers';
const COHORT_MRR = 'cohortRetention, 1M subscriptions, monthly, customers + MRR (decimal)';
const results = await runCases(
  `retention: 1M subjects / subscriptions (${customer} customers)`,
  [
    { name: SORT, fn: () => floats.slice().sort() },
    { name: KM, fn: () => kaplanMeier({ durations, observed }).time.length },
    { name: COHORT, fn: () => cohortRetention(subsNoMrr, { observationEnd }).cohorts.length },
    { name: COHORT_MRR, fn: () => cohortRetention(subs, { observationEnd }).cohorts.length },
  ],
  { iterations: 7, warmup: 2 },
);

const sortMs = results.get(SORT) as number;
ratio('kaplanMeier / sort of 1M float64', results.get(KM) as number, sortMs, 3);
ratio('cohortRetention (customers) / sort of 1M float64', results.get(COHORT) as number, sortMs, 3);
ratio('cohortRetention (customers + MRR) / sort of 1M float64', results.get(COHORT_MRR) as number, sortMs, 3);
console.log(`Machine: ${machine()}`);
