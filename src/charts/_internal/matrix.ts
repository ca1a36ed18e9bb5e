/**
 * The frequency/recency heat map shared by the expected-purchases and P(alive) charts.
 *
 * @internal
 * @module
 */
import {
  chartSpec,
  done,
  HEATMAP_SCHEME,
  IssueList,
  numberSchema,
  parseChartOptions,
  parseInput,
  round,
  tr,
  z,
  type ChartSpec,
  type Text,
} from './common.js';
import { timeUnitSchema, unitWord, type ChartTimeUnit } from './units.js';

const cell = numberSchema({ min: 0 }).nullable().optional();
const matrixSchema = z.object({
  frequencies: z.array(numberSchema({ integer: true, min: 0 })).min(1).max(1001),
  recencies: z.array(numberSchema({ min: 0 })).min(1).max(1001),
  expectedPurchases: z.array(z.array(cell)),
  probabilityAlive: z.array(z.array(cell)),
});

/** Builds the heat map of `field` of a frequency/recency matrix. */
export function matrixChart(
  matrix: unknown,
  options: unknown,
  field: 'expectedPurchases' | 'probabilityAlive',
  text: { title: Text; legend: Text; describe: (locale: 'en' | 'vi', max: number) => string },
): ChartSpec {
  const issues = new IssueList();
  const m = parseInput(matrixSchema, matrix, 'matrix', issues);
  const opts = parseChartOptions(options, { timeUnit: timeUnitSchema.optional() }, issues);
  if (m !== undefined) {
    const grid = m[field];
    if (grid.length !== m.frequencies.length) issues.add('invalid_structure', ['matrix', field], 'must have one row per frequency');
    grid.forEach((row, i) => {
      if (row.length !== m.recencies.length) issues.add('invalid_structure', ['matrix', field, i], 'must have one cell per recency');
      if (field === 'probabilityAlive') row.forEach((v, j) => v != null && v > 1 && issues.add('too_big', ['matrix', field, i, j], 'must be at most 1'));
    });
  }
  const valid = done(issues, m);
  const o = done(issues, opts);
  const { locale } = o;
  const unit = (o.timeUnit as ChartTimeUnit | undefined) ?? 'week';
  const values: { frequency: number; recency: number; value: number }[] = [];
  valid[field].forEach((row, i) => {
    row.forEach((v, j) => {
      if (v != null) values.push({ frequency: valid.frequencies[i] as number, recency: round(valid.recencies[j] as number, 4), value: round(v) });
    });
  });
  const max = Math.max(0, ...values.map((v) => v.value));
  const u = unitWord(unit, locale);
  const T = valid.recencies[valid.recencies.length - 1] ?? 0;
  const x = { field: 'recency', type: 'ordinal', title: tr(locale, { en: `Recency: age at the last purchase (${u})`, vi: `Thời điểm mua gần nhất (${u} kể từ lần mua đầu)` }), axis: { labelAngle: -45, format: '.1f' } };
  const y = { field: 'frequency', type: 'ordinal', sort: 'descending', title: tr(locale, { en: 'Frequency: repeat purchases', vi: 'Tần suất: số lần mua lặp lại' }) };
  const subtitle = tr(locale, { en: `Customers first seen ${round(T, 2)} ${u} ago; blank cells are impossible histories`, vi: `Khách hàng mua lần đầu cách đây ${round(T, 2)} ${u}; ô trống là lịch sử không thể có` });
  const cols = valid.recencies.length;
  const rows = valid.frequencies.length;
  return chartSpec(
    { title: tr(locale, text.title), subtitle, description: text.describe(locale, max) },
    { ...o, width: (options as { width?: number } | undefined)?.width ?? Math.min(560, Math.max(160, 22 * cols)), height: (options as { height?: number } | undefined)?.height ?? Math.min(460, Math.max(120, 18 * rows)) },
    {
      data: { values },
      mark: { type: 'rect' },
      encoding: {
        x,
        y,
        color: { field: 'value', type: 'quantitative', title: tr(locale, text.legend), scale: { scheme: HEATMAP_SCHEME, domain: [0, field === 'probabilityAlive' ? 1 : max > 0 ? round(max) : 1] }, legend: { orient: 'right' } },
        tooltip: [
          { field: 'frequency', type: 'ordinal' },
          { field: 'recency', type: 'ordinal' },
          { field: 'value', type: 'quantitative', format: '.3f' },
        ],
      },
    },
  );
}
