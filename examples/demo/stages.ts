/**
 * The demo's need-level section: where the shop's contacts stand among the six need levels (with the
 * Vietnamese and English labels), why one contact was placed where it is, the funnel from first need
 * to repurchase, and the month-over-month transition matrix with a three-month projection.
 */
import {
  assignNeedLevel,
  assignNeedLevels,
  funnelConversion,
  NEED_LEVELS,
  projectStageDistribution,
  stageDistribution,
  stageHistory,
  stageTransitionMatrix,
  type NeedLevel,
} from '../../src/stages/index.js';
import { generateSampleBehaviour } from '../data/sample-signals.js';
import type { SampleShop } from '../data/sample-shop.js';

const pct = (value: number | undefined): string => (value === undefined ? 'n/a' : `${(100 * value).toFixed(1)}%`);
const DAY = 86_400_000;

/** Lines of the need-level section of the report. */
export function stagesSection(shop: SampleShop): string[] {
  const behaviour = generateSampleBehaviour(shop);
  const now = assignNeedLevels(shop.signals);
  const before = assignNeedLevels(behaviour.previousSignals);
  const distribution = stageDistribution(now.levels);
  const distributionVi = stageDistribution(now.levels, { locale: 'vi' });

  const lines: string[] = [
    '## Need levels (6 cấp độ nhu cầu)',
    '',
    `${distribution.total} contacts (customers and prospects) at ${shop.observationEnd.toISOString().slice(0, 10)}, assigned by the default rules:`,
    '',
    '| level | Tiếng Việt | English | contacts | share |',
    '|---:|---|---|---:|---:|',
  ];
  distribution.levels.forEach((row, k) => {
    lines.push(`| ${row.level} | ${distributionVi.levels[k]?.label} | ${row.label} | ${row.count} | ${pct(row.share)} |`);
  });

  const lapsedRule = now.rules.findIndex((rule) => rule.id === 'lapsed-customer');
  const lapsed = now.ruleIndex.filter((r) => r === lapsedRule).length;
  lines.push('', `${lapsed} of the level-3 contacts are buyers whose 90-day repurchase window lapsed (rule \`lapsed-customer\`): win-back material.`);

  // Why: the evidence for one prospect, as a salesperson would see it.
  const example = shop.signals.find((s) => s.customerId.startsWith('P') && s.cartAdds > 0);
  if (example !== undefined) {
    const why = assignNeedLevel(example, { locale: 'vi' });
    if (why !== undefined) {
      const met = why.evidence.filter((e) => e.met).map((e) => `${e.signal} = ${e.value} (${e.op} ${e.threshold})`);
      lines.push('', `Why ${example.customerId} is at level ${why.level} (${why.label}): rule \`${why.ruleId}\`, ${met.join(', ')}.`);
      lines.push(`What serves them now: ${NEED_LEVELS[why.level - 1]?.engagementGoal}`);
    }
  }

  // The funnel from first need to repurchase.
  const histories = behaviour.levelObservations.map((h) => h.observations);
  const strict = funnelConversion(histories, { fromLevel: 2 });
  const anyOrder = funnelConversion(histories, { fromLevel: 2, mode: 'any-order' });
  lines.push(
    '',
    'Funnel from level 2 (strict: levels reached in order; any-order: levels ever observed):',
    '',
    '| level | strict | next step | cumulative | any-order |',
    '|---|---:|---:|---:|---:|',
  );
  strict.steps.forEach((step, k) => {
    lines.push(`| ${step.level} ${step.label} | ${step.count} | ${pct(step.conversionFromPrevious)} | ${pct(step.conversionFromFirst)} | ${anyOrder.steps[k]?.count} |`);
  });

  // Time to buy: the median days from first need to first purchase, from the customers' histories.
  const daysToBuy: number[] = [];
  for (const h of behaviour.levelObservations) {
    const history = stageHistory(h.observations);
    const firstSix = history?.levels[5]?.firstEntered;
    if (history !== undefined && firstSix !== undefined) daysToBuy.push((firstSix.getTime() - history.start.getTime()) / DAY);
  }
  daysToBuy.sort((a, b) => a - b);
  if (daysToBuy.length > 0) {
    lines.push('', `Median time from first observed need to first purchase: ${daysToBuy[Math.floor(daysToBuy.length / 2)]} days (${daysToBuy.length} customers).`);
  }

  // Month over month.
  const snapshot = (levels: Uint8Array) => shop.signals.map((s, i) => ({ id: s.customerId, level: levels[i] as NeedLevel }));
  const matrix = stageTransitionMatrix(snapshot(before.levels), snapshot(now.levels));
  lines.push(
    '',
    `Month over month (${behaviour.previousSnapshot.toISOString().slice(0, 10)} to ${shop.observationEnd.toISOString().slice(0, 10)}), share of each row moving to each level:`,
    '',
    '| from \\ to | 1 | 2 | 3 | 4 | 5 | 6 | contacts |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  matrix.probabilities.forEach((row, i) => {
    const cells = row === undefined ? ['no contacts', '', '', '', '', ''] : row.map((p) => pct(p));
    lines.push(`| ${i + 1} | ${cells.join(' | ')} | ${matrix.rowTotals[i]} |`);
  });
  if (matrix.emptyRows.length > 0) lines.push('', `Levels with no contacts a month ago (assumed to stay put in the projection): ${matrix.emptyRows.join(', ')}.`);

  // If this month's movements repeat for a quarter.
  const rows = matrix.probabilities.map((row, i) => row ?? [0, 1, 2, 3, 4, 5].map((j) => (i === j ? 1 : 0)));
  const projection = projectStageDistribution(now.counts, rows, 3);
  const inThree = projection[3] ?? [];
  lines.push('', `If this month's movements repeat for three months: ${inThree.map((c, i) => `level ${i + 1}: ${Math.round(c)}`).join(', ')} (today ${now.counts.join(' / ')}).`);
  return lines;
}
