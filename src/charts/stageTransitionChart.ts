import type { StageTransitionMatrix } from '../stages/index.js';
import {
  chartSpec,
  done,
  formatPercent,
  HEATMAP_SCHEME,
  IssueList,
  numberSchema,
  parseChartOptions,
  parseInput,
  round,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';
import { levelLabels } from './_internal/levels.js';

/** Options of {@link stageTransitionChart}. */
export type StageTransitionChartOptions = ChartOptions;

const row6 = z.array(numberSchema({ min: 0 })).length(6);
const schema = z.object({ counts: z.array(row6).length(6) });

/**
 * How contacts moved between need levels from one snapshot to the next, as a 6 x 6 heat map:
 * rows are the level before, columns the level after, colour the share of the row.
 *
 * Definition: cell (from, to) holds `counts[from - 1][to - 1]` of `stageTransitionMatrix` and
 * its share of the row (customers at `from` before who are at `to` after); a row with no customers
 * is blank. The diagonal is "stayed". Colour: viridis from 0% to 100%; text in each cell gives the
 * share and the count.
 * Cost: O(1) (36 cells).
 *
 * @param matrix - The result of `stageTransitionMatrix`.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with one rect per non-empty cell.
 * @throws {@link MetricsInputError} when `counts` is not 6 x 6 non-negative numbers, or an option is invalid.
 * @example
 * ```ts
 * import { stageTransitionMatrix } from 'customer-metrics/stages';
 * import { stageTransitionChart } from 'customer-metrics/charts';
 * const m = stageTransitionMatrix(
 *   [{ id: 'a', level: 3 }, { id: 'b', level: 3 }, { id: 'c', level: 5 }],
 *   [{ id: 'a', level: 4 }, { id: 'b', level: 3 }, { id: 'c', level: 6 }],
 * );
 * const cells = (stageTransitionChart(m).data as { values: { to: number; share: number }[] }).values;
 * // from 3: one stays, one moves to 4 (50% each); from 5: one moves to 6
 * cells.map((c) => [c.to, c.share]); // => [[3, 0.5], [4, 0.5], [6, 1]]
 * ```
 */
export function stageTransitionChart(matrix: StageTransitionMatrix, options?: StageTransitionChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(schema, matrix, 'matrix', issues);
  const opts = parseChartOptions(options, {}, issues);
  const counts = done(issues, parsed).counts;
  const o = done(issues, opts);
  const { locale } = o;
  const labels = levelLabels(locale);
  const values: { from: string; to: number; count: number; share: number; label: string }[] = [];
  counts.forEach((row, i) => {
    const total = row.reduce((s, c) => s + c, 0);
    row.forEach((count, j) => {
      if (count > 0) values.push({ from: labels[i] as string, to: j + 1, count, share: round(count / total), label: `${formatPercent(count / total, 0, locale)} (${count})` });
    });
  });
  const total = counts.reduce((s, row) => s + row.reduce((a, c) => a + c, 0), 0);
  const stayed = counts.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  const title = tr(locale, { en: 'Moves between need levels', vi: 'Chuyển dịch giữa các cấp độ nhu cầu' });
  const description = tr(locale, {
    en: `Heat map of ${total} contacts by need level before (rows) and after (columns); ${total > 0 ? formatPercent(stayed / total, 1, locale) : '0%'} stayed at their level.`,
    vi: `Bản đồ nhiệt của ${total} khách hàng theo cấp độ nhu cầu trước (hàng) và sau (cột); ${total > 0 ? formatPercent(stayed / total, 1, locale) : '0%'} giữ nguyên cấp độ.`,
  });
  // Columns carry the level number only (the rows spell the labels out), so that labels never overlap.
  const x = { field: 'to', type: 'ordinal', scale: { domain: [1, 2, 3, 4, 5, 6] }, title: tr(locale, { en: 'Level after (number as in the rows)', vi: 'Cấp độ sau (số như ở các hàng)' }), axis: { labelAngle: 0, orient: 'top' } };
  const y = { field: 'from', type: 'nominal', sort: labels, scale: { domain: labels }, title: null, axis: { labelLimit: 520 } };
  const subtitle = tr(locale, { en: 'Rows: level before; columns: level after; cells: share of the row (count)', vi: 'Hàng: cấp độ trước; cột: cấp độ sau; ô: tỷ lệ của hàng (số lượng)' });
  return chartSpec({ title, subtitle, description }, { ...o, width: options?.width ?? 420, height: options?.height ?? 300 }, {
    data: { values },
    layer: [
      { mark: { type: 'rect' }, encoding: { x, y, color: { field: 'share', type: 'quantitative', title: tr(locale, { en: 'Row share', vi: 'Tỷ lệ hàng' }), scale: { scheme: HEATMAP_SCHEME, domain: [0, 1] }, legend: { format: '.0%', orient: 'right' } } } },
      { mark: { type: 'text', fontSize: 10 }, encoding: { x, y, text: { field: 'label', type: 'nominal' }, color: { condition: { test: 'datum.share < 0.5', value: '#ffffff' }, value: '#000000' } } },
    ],
  });
}
