/**
 * BG/BB, shifted-beta-geometric, intervals and holdout validation (issue 8, no targets set): the
 * donations fit, a fit on a million simulated donors (weighted patterns make it cost what 28
 * patterns cost), the sBG fit, a 1,000-draw interval, and the CDNOW holdout check with tracking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  calibrationHoldoutSplit,
  discountedExpectedResidualLifetime,
  fitBgBb,
  fitBgNbd,
  fitShiftedBetaGeometric,
  holdoutValidation,
  predictionInterval,
  simulateBgBb,
} from '../src/clv/index.js';
import { runCases } from './harness.js';

const shared = fileURLToPath(new URL('../test/fixtures/data/', import.meta.url));
const donations = readFileSync(join(shared, 'donations', 'donations.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [frequency, recency, n, weight] = line.split(',').map(Number) as [number, number, number, number];
    return { frequency, recency, n, weight };
  });
const million = simulateBgBb({ parameters: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } }, { customers: 1_000_000, opportunities: 6, seed: 1 });
const transactions = readFileSync(join(shared, 'cdnow', 'CDNOW_sample.txt'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .map((line) => {
    const [, id, day] = line.trim().split(/\s+/) as [string, string, string];
    return { customerId: Number(id), date: Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) };
  });
const calibrationEnd = Date.UTC(1997, 8, 30);
const split = calibrationHoldoutSplit(transactions, { calibrationEnd, observationEnd: Date.UTC(1998, 5, 30), period: 'day', unit: 'week' });
const bgNbd = fitBgNbd(split.map((r) => ({ frequency: r.frequency, recency: r.recency, T: r.T })), { timeUnit: 'week' });
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const sbg = fitShiftedBetaGeometric(regular);

await runCases(
  'clv discrete-time and contractual models, validation',
  [
    { name: 'fitBgBb, donations (22 patterns, 11,104 donors)', fn: () => fitBgBb(donations) },
    { name: 'fitBgBb, 1M simulated donors as individual rows', fn: () => fitBgBb(million) },
    { name: 'fitShiftedBetaGeometric, one cohort of 8 counts', fn: () => fitShiftedBetaGeometric(regular) },
    { name: 'predictionInterval, DERL, 1,000 draws', fn: () => predictionInterval(sbg, (m) => discountedExpectedResidualLifetime(m, { renewals: 3, discountRate: 0.1 })) },
    { name: 'holdoutValidation, CDNOW, 39 weekly tracking periods', fn: () => holdoutValidation(bgNbd, split, { tracking: { transactions, calibrationEnd } }) },
  ],
  { iterations: 5, warmup: 1 },
);
