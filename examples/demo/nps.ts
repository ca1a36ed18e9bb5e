/**
 * The demo's NPS section: the score with its interval, per segment, the monthly trend, and whether
 * the latest month's change is more than noise.
 */
import { compareNps, npsBreakdown, npsBy, npsTrend, type NpsBreakdown } from '../../src/nps/index.js';
import type { SampleShop } from '../data/sample-shop.js';

/** One decimal, without a "-0.0". */
const fmt = (value: number): string => {
  const text = value.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
};
const interval = (b: NpsBreakdown): string => `[${fmt(b.interval.lower)}, ${fmt(b.interval.upper)}]`;

/** Lines of the NPS section of the report. */
export function npsSection(shop: SampleShop): string[] {
  const scores = shop.npsResponses.map((r) => r.score);
  const overall = npsBreakdown(scores);
  const lines: string[] = ['## Net Promoter Score', ''];
  if (overall === undefined) return [...lines, 'No survey responses.'];
  lines.push(
    `NPS ${fmt(overall.score)} (95% adjusted-Wald interval ${interval(overall)}, ± ${fmt(overall.marginOfError)} points) from ${overall.n} responses: ` +
      `${(100 * overall.promoterShare).toFixed(1)}% promoters, ${(100 * overall.passiveShare).toFixed(1)}% passives, ${(100 * overall.detractorShare).toFixed(1)}% detractors.`,
    '',
    '| customers | responses | NPS | 95% interval |',
    '|---|---:|---:|---|',
  );
  for (const row of npsBy(shop.npsResponses, 'segment').rows) lines.push(`| segment ${row.key} | ${row.n} | ${fmt(row.score)} | ${interval(row)} |`);
  for (const row of npsBy(shop.npsResponses, 'region').rows) lines.push(`| region ${row.key} | ${row.n} | ${fmt(row.score)} | ${interval(row)} |`);

  const { rows } = npsTrend(shop.npsResponses, { period: 'month' });
  lines.push('', 'Monthly trend (UTC months):', '', '| month | responses | NPS | 95% interval |', '|---|---:|---:|---|');
  for (const row of rows) lines.push(`| ${row.period} | ${row.n} | ${fmt(row.score)} | ${interval(row)} |`);

  const last = rows[rows.length - 1];
  const previous = rows[rows.length - 2];
  if (last !== undefined && previous !== undefined) {
    const change = compareNps(last, previous);
    if (change !== undefined) {
      const p = change.pValue === undefined ? 'no test possible' : `p = ${change.pValue.toFixed(3)}`;
      const verdict = change.pValue !== undefined && change.pValue < 0.05 ? 'a real change at the 5% level' : 'not distinguishable from noise at the 5% level';
      const consecutive = previous.end.getTime() === last.start.getTime();
      lines.push(
        '',
        `Change ${consecutive ? 'from the previous month' : 'since the last month with responses'}, ${previous.period} -> ${last.period}: ${change.difference >= 0 ? '+' : ''}${fmt(change.difference)} points (95% interval [${fmt(change.interval.lower)}, ${fmt(change.interval.upper)}], ${p}): ${verdict}.`,
      );
    }
  }
  return lines;
}
