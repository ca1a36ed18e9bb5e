/**
 * Covariates (issue 18): BG/NBD and Pareto/NBD fits with two time-invariant covariates on a million
 * simulated customers, against the no-covariate fit of the same rows in the same run. Target: the
 * covariate fit <= 3 s on the standard 2-core machine.
 *
 * The customers: 13 weekly cohorts observed 27-39 weeks (CDNOW-like), recency to the day (and, in
 * the last two cases, continuous as simulated), and two
 * binary covariates (referral, mobile app) in four equal groups, with true coefficients purchase
 * referral 0.5, app 0.3 and dropout referral -0.4 (Pareto/NBD) or 0.4 (BG/NBD). Binary attributes
 * (or categories coded with addCategoryIndicators) keep the number of covariate patterns small; a
 * continuous covariate makes most customers a pattern of their own and costs more (second case).
 */
import { fitBgNbd, fitParetoNbd, simulateBgNbd, simulateParetoNbd } from '../src/clv/index.js';
import { budget, runCases } from './harness.js';

type Row = { frequency: number; recency: number; T: number; referral: number; app: number; value: number };
const values = [
  { referral: 0, app: 0 },
  { referral: 1, app: 0 },
  { referral: 0, app: 1 },
  { referral: 1, app: 1 },
];
const perCohort = Math.ceil(1_000_000 / 13);
function build(simulate: (cohort: number, customers: number) => { frequency: number; recency: number; T: number; covariates?: Readonly<Record<string, number>> }[], continuous = false): Row[] {
  const out: Row[] = [];
  for (let cohort = 0; cohort < 13; cohort++) {
    const rows = simulate(cohort, cohort === 12 ? 1_000_000 - 12 * perCohort : perCohort);
    rows.forEach((row, i) => {
      const z = row.covariates as { referral: number; app: number };
      // A continuous covariate without effect, in cents (for the second case).
      const value = 20 + ((i * 7919) % 8000) / 100;
      const recency = continuous ? row.recency : row.frequency > 0 ? Math.min(Math.max(1, Math.round(row.recency * 7)) / 7, row.T) : 0;
      out.push({ frequency: row.frequency, recency, T: row.T, referral: z.referral, app: z.app, value });
    });
  }
  return out;
}
const simulatePareto = (cohort: number, customers: number) =>
  simulateParetoNbd(
    { parameters: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } },
    { customers, T: 27 + cohort, seed: cohort + 1, covariates: { values, purchase: { referral: 0.5, app: 0.3 }, dropout: { referral: -0.4 } } },
  );
const simulateBg = (cohort: number, customers: number) =>
  simulateBgNbd(
    { parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
    { customers, T: 27 + cohort, seed: cohort + 1, covariates: { values, purchase: { referral: 0.5, app: 0.3 }, dropout: { referral: 0.4 } } },
  );
const pareto = build(simulatePareto);
const bg = build(simulateBg);
// The same customers with recency as simulated (continuous: what timestamps to the second give).
const paretoContinuous = build(simulatePareto, true);
const bgContinuous = build(simulateBg, true);
const two = { purchase: ['referral', 'app'], dropout: ['referral'] };

const results = await runCases(
  'clv covariates (1M customers)',
  [
    { name: 'fitBgNbd, no covariates (baseline)', fn: () => fitBgNbd(bg, { timeUnit: 'week' }) },
    { name: 'fitBgNbd, covariates referral + app', fn: () => fitBgNbd(bg, { timeUnit: 'week', covariates: two }) },
    { name: 'fitParetoNbd, no covariates (baseline)', fn: () => fitParetoNbd(pareto, { timeUnit: 'week' }) },
    { name: 'fitParetoNbd, covariates referral + app', fn: () => fitParetoNbd(pareto, { timeUnit: 'week', covariates: two }) },
    { name: 'fitBgNbd, covariates referral + app, continuous recency', fn: () => fitBgNbd(bgContinuous, { timeUnit: 'week', covariates: two }) },
    { name: 'fitParetoNbd, covariates referral + app, continuous recency', fn: () => fitParetoNbd(paretoContinuous, { timeUnit: 'week', covariates: two }) },
  ],
  { iterations: 3, warmup: 1 },
);
budget('fitBgNbd with two covariates on 1M customers', results.get('fitBgNbd, covariates referral + app') as number, 3000);
budget('fitParetoNbd with two covariates on 1M customers', results.get('fitParetoNbd, covariates referral + app') as number, 3000);

// CPU time of the fitting process itself (the wall medians above include other engineers' load on
// the shared cores): one more run of each case.
for (const [label, fn] of [
  ['fitBgNbd, no covariates (baseline)', () => fitBgNbd(bg, { timeUnit: 'week' })],
  ['fitBgNbd, covariates referral + app', () => fitBgNbd(bg, { timeUnit: 'week', covariates: two })],
  ['fitParetoNbd, no covariates (baseline)', () => fitParetoNbd(pareto, { timeUnit: 'week' })],
  ['fitParetoNbd, covariates referral + app', () => fitParetoNbd(pareto, { timeUnit: 'week', covariates: two })],
] as const) {
  const before = process.cpuUsage();
  const wallStart = performance.now();
  const model = fn();
  const cpu = process.cpuUsage(before);
  const g = model.covariates?.coefficients;
  console.log(`${label}: CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, wall ${(performance.now() - wallStart).toFixed(0)} ms${g === undefined ? '' : `, purchase ${JSON.stringify(g.purchase)}, dropout ${JSON.stringify(g.dropout)}`}`);
}
