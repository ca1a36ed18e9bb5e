/**
 * The grouped-bar spec shared by the ABC, value-tier and RFM-segment charts: per segment, its
 * share of the customers next to its share of the value.
 *
 * @internal
 * @module
 */
import { checkMoney } from '../../_lib/money.js';
import {
  chartSpec,
  formatPercent,
  IssueList,
  numberSchema,
  OKABE_ITO,
  parseInput,
  round,
  tr,
  WORDS,
  z,
  type ChartSpec,
  type ResolvedChartOptions,
  type Text,
} from './common.js';

const rowSchema = z.object({
  name: z.string().min(1).max(200),
  count: numberSchema({ min: 0 }),
  customerShare: numberSchema({ min: 0, max: 1 }),
  valueShare: numberSchema().optional(),
  total: z.unknown(),
});

/** A validated segment row. */
export type SegmentRow = z.output<typeof rowSchema>;

/** Parses segment rows at `path` (1 to 1,000, unique names, a money total each); records issues. */
export function parseSegmentRows(value: unknown, path: readonly (string | number)[], issues: IssueList): SegmentRow[] | undefined {
  const rows = parseInput(z.array(rowSchema).min(1).max(1000), value, path, issues);
  if (rows === undefined) return undefined;
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    checkMoney(row.total, [...path, i, 'total'], issues);
    if (seen.has(row.name)) issues.add('invalid_value', [...path, i, 'name'], 'must be unique');
    seen.add(row.name);
  });
  return rows;
}

/** Builds the grouped horizontal bars: per segment, customers (%) and value (%). */
export function segmentSharesSpec(
  rows: readonly SegmentRow[],
  frame: { title: Text; subject: Text; segmentTitle: Text },
  o: ResolvedChartOptions,
  explicitHeight: number | undefined,
  label: (name: string) => string = (name) => name,
): ChartSpec {
  const { locale } = o;
  const customers = tr(locale, { en: 'Customers', vi: 'Khách hàng' });
  const value = tr(locale, { en: 'Value', vi: 'Giá trị' });
  const values = rows.flatMap((row) => [
    { segment: label(row.name), measure: customers, share: round(row.customerShare), label: formatPercent(row.customerShare, 1, locale), count: row.count },
    ...(row.valueShare === undefined ? [] : [{ segment: label(row.name), measure: value, share: round(row.valueShare), label: formatPercent(row.valueShare, 1, locale), count: row.count }]),
  ]);
  const describe = rows
    .map((row) => `${label(row.name)}: ${formatPercent(row.customerShare, 1, locale)} ${tr(locale, { en: 'of customers', vi: 'khách hàng' })}${row.valueShare === undefined ? '' : `, ${formatPercent(row.valueShare, 1, locale)} ${tr(locale, { en: 'of value', vi: 'giá trị' })}`}`)
    .join('; ');
  const description = tr(locale, {
    en: `Grouped bar chart of ${rows.length} ${frame.subject.en}, each with its share of customers and its share of value. ${describe}.`,
    vi: `Biểu đồ cột nhóm của ${rows.length} ${frame.subject.vi}, mỗi nhóm gồm tỷ lệ khách hàng và tỷ lệ giá trị. ${describe}.`,
  });
  const y = { field: 'segment', type: 'nominal', sort: rows.map((r) => label(r.name)), title: tr(locale, frame.segmentTitle) };
  // Room on the right for the labels.
  const shares = values.map((v) => v.share);
  const x = { field: 'share', type: 'quantitative', scale: { domain: [round(Math.min(0, ...shares)), round(Math.max(0.1, ...shares) * 1.18)], nice: false }, axis: { format: '.0%', tickCount: 6 }, title: tr(locale, { en: 'Share of the total (%)', vi: 'Tỷ lệ trên tổng (%)' }) };
  const color = { field: 'measure', type: 'nominal', title: null, scale: { domain: [customers, value], range: [OKABE_ITO.skyBlue, OKABE_ITO.blue] } };
  const height = explicitHeight ?? Math.max(80, 40 * rows.length);
  return chartSpec({ title: tr(locale, frame.title), description }, { ...o, height }, {
    data: { values },
    layer: [
      { mark: { type: 'bar' }, encoding: { y, yOffset: { field: 'measure', sort: [customers, value] }, x, color, tooltip: [{ field: 'segment', type: 'nominal' }, { field: 'measure', type: 'nominal' }, { field: 'label', type: 'nominal' }, { field: 'count', type: 'quantitative', title: tr(locale, WORDS.customers) }] } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 }, encoding: { y, yOffset: { field: 'measure', sort: [customers, value] }, x, text: { field: 'label', type: 'nominal' } } },
    ],
  });
}
