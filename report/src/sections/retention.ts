/**
 * Sections from the subscriptions file: churn and revenue retention, survival (Kaplan-Meier), and
 * retention by acquisition cohort.
 */
import {
  churnSeries,
  cohortRetention,
  kaplanMeier,
  medianLifetime,
  mrrMovements,
  revenueRetention,
  survivalFromSubscriptions,
  survivalProbability,
  type SubscriptionRecord,
} from 'customer-metrics/retention';
import { barChart, heatmap, lineChart } from '../figures.js';
import { paragraph, table, type Section } from '../model.js';
import { DAY, monthStart, quarterLabel, quarterStart, type SectionContext } from './context.js';

/** Churn and revenue retention: the monthly churn series of the last 12 complete months and the last complete quarter's MRR movements. */
export function churnSection(ctx: SectionContext, subs: readonly SubscriptionRecord[]): Section {
  const { f, t } = ctx;
  const title = t('Churn and revenue retention', 'Tỉ lệ rời bỏ và giữ chân doanh thu');
  const end = ctx.observationEnd;
  // Complete months only: the observation end is the last day observed, so its month counts when that day is the month's last.
  const next = monthStart(end + DAY);
  const to = monthStart(next, -1);
  const first = subs.reduce((min, s) => Math.min(min, Number(s.start)), Infinity);
  const from = Math.max(monthStart(first), monthStart(to, -11));
  const blocks: Section['blocks'] = [];
  const data: Record<string, unknown> = {};
  if (to >= from) {
    const series = churnSeries(subs, { from, to, trailingPeriods: 3 });
    data.monthlyChurn = series.map((r) => ({ month: r.label, start: r.start, new: r.new, churned: r.churned, rate: r.rate, trailing3: r.trailingAverage }));
    const rates = series.filter((r) => r.rate !== undefined);
    blocks.push(
      paragraph(
        t(
          `${f.num(new Set(subs.map((s) => s.customerId)).size)} subscribers. A customer churns in a month when all their subscriptions have ended; the rate is churned over customers at the start of the month.`,
          `${f.num(new Set(subs.map((s) => s.customerId)).size)} thuê bao. Một khách hàng rời bỏ trong tháng khi mọi gói của họ đã kết thúc; tỉ lệ = số rời bỏ / số khách hàng đầu tháng.`,
        ),
      ),
    );
    if (rates.length > 0) {
      blocks.push({
        kind: 'figure',
        id: 'churn-series',
        title: t('Monthly customer churn', 'Tỉ lệ rời bỏ hằng tháng'),
        description: t(`Line chart of monthly churn rates for ${rates.length} months, with the 3-month trailing average.`, `Biểu đồ đường tỉ lệ rời bỏ của ${rates.length} tháng, kèm trung bình trượt 3 tháng.`),
        spec: lineChart({
          title: t('Monthly customer churn', 'Tỉ lệ rời bỏ hằng tháng'),
          description: t('Monthly churn rate and 3-month trailing average', 'Tỉ lệ rời bỏ hằng tháng và trung bình 3 tháng'),
          rows: [
            ...rates.map((r) => ({ x: r.label, y: r.rate as number, series: t('monthly', 'hằng tháng') })),
            ...series.filter((r) => r.trailingAverage !== undefined).map((r) => ({ x: r.label, y: r.trailingAverage as number, series: t('3-month average', 'trung bình 3 tháng') })),
          ],
          xTitle: t('Month', 'Tháng'),
          yTitle: t('Churn rate (% of customers)', 'Tỉ lệ rời bỏ (% khách hàng)'),
          xType: 'ordinal',
          yFormat: '.1%',
          points: true,
        }),
      });
    }
    blocks.push(
      table(
        t('Monthly churn', 'Rời bỏ hằng tháng'),
        [t('month', 'tháng'), t('at start', 'đầu tháng'), t('new', 'mới'), t('churned', 'rời bỏ'), t('churn rate', 'tỉ lệ rời bỏ'), t('3-month average', 'trung bình 3 tháng')],
        series.map((r) => [r.label, f.num(r.start), f.num(r.new), f.num(r.churned), f.pct(r.rate), f.pct(r.trailingAverage)]),
      ),
    );
  }
  // The last complete quarter.
  const qEnd = quarterStart(end + DAY);
  const qStart = quarterStart(qEnd, -1);
  if (qStart >= quarterStart(first)) {
    const movements = mrrMovements(subs, { start: qStart, end: qEnd });
    const rr = revenueRetention(movements);
    const money = (d: { toNumber(): number }): string => f.num(d.toNumber(), 2);
    const q = quarterLabel(qStart);
    blocks.push(
      paragraph(
        t(
          `Revenue, ${q}: MRR ${money(movements.startingMrr)} → ${money(movements.endingMrr)}. Gross revenue retention ${f.pct(rr.grossRevenueRetention)}, net revenue retention ${f.pct(rr.netRevenueRetention)}, quick ratio ${f.num(rr.quickRatio, 2)}.`,
          `Doanh thu, ${q}: MRR ${money(movements.startingMrr)} → ${money(movements.endingMrr)}. Giữ chân doanh thu gộp ${f.pct(rr.grossRevenueRetention)}, giữ chân doanh thu ròng ${f.pct(rr.netRevenueRetention)}, hệ số nhanh ${f.num(rr.quickRatio, 2)}.`,
        ),
      ),
    );
    const parts = [
      { label: t('new', 'mới'), value: movements.newMrr.toNumber() },
      { label: t('expansion', 'mở rộng'), value: movements.expansion.toNumber() },
      { label: t('reactivation', 'quay lại'), value: movements.reactivation.toNumber() },
      { label: t('contraction', 'thu hẹp'), value: -movements.contraction.toNumber() },
      { label: t('churn', 'rời bỏ'), value: -movements.churned.toNumber() },
    ];
    blocks.push({
      kind: 'figure',
      id: 'mrr-movements',
      title: t(`MRR movements, ${q}`, `Biến động MRR, ${q}`),
      description: t(`Bar chart of new, expansion, reactivation, contraction and churned MRR in ${q}; losses drawn below zero.`, `Biểu đồ cột MRR mới, mở rộng, quay lại, thu hẹp và rời bỏ trong ${q}; phần mất nằm dưới 0.`),
      spec: barChart({
        title: t(`MRR movements, ${q}`, `Biến động MRR, ${q}`),
        description: t('MRR movements', 'Biến động MRR'),
        rows: parts.map((p) => ({ ...p, group: p.value >= 0 ? t('gain', 'tăng') : t('loss', 'giảm') })),
        xTitle: t('Movement', 'Loại biến động'),
        yTitle: t('MRR (currency per month)', 'MRR (tiền mỗi tháng)'),
        colors: ['#0072B2', '#D55E00'],
      }),
    });
    data.revenue = { quarter: q, startingMrr: movements.startingMrr.toNumber(), endingMrr: movements.endingMrr.toNumber(), ...rr };
  }
  return { id: 'churn', title, blocks, data };
}

/** Survival: the Kaplan-Meier curve of subscriber lifetimes in months, the median and 6/12-month survival. */
export function survivalSection(ctx: SectionContext, subs: readonly SubscriptionRecord[]): Section {
  const { f, t } = ctx;
  const title = t('Subscriber survival', 'Thời gian sống của thuê bao');
  const data = survivalFromSubscriptions(subs, { observationEnd: ctx.observationEnd, unit: 'month' });
  const km = kaplanMeier(data);
  const median = medianLifetime(km);
  const censored = data.observed.filter((o) => !o).length;
  const months = (v: number | undefined): string => (v === undefined ? t('not reached', 'chưa đạt') : `${f.num(v, 1)} ${t('months', 'tháng')}`);
  const blocks: Section['blocks'] = [
    paragraph(
      t(
        `Kaplan-Meier estimate over ${f.num(data.durations.length)} subscribers (${f.num(censored)} still active, censored): ${f.pct(survivalProbability(km, 6))} still subscribed after 6 months, ${f.pct(survivalProbability(km, 12))} after 12. Median lifetime ${months(median.median)} (95% interval ${months(median.lower)} to ${months(median.upper)}).`,
        `Ước lượng Kaplan-Meier trên ${f.num(data.durations.length)} thuê bao (${f.num(censored)} còn hoạt động, bị kiểm duyệt): ${f.pct(survivalProbability(km, 6))} còn thuê bao sau 6 tháng, ${f.pct(survivalProbability(km, 12))} sau 12 tháng. Thời gian sống trung vị ${months(median.median)} (khoảng tin cậy 95%: ${months(median.lower)} đến ${months(median.upper)}).`,
      ),
    ),
  ];
  const rows = [{ x: 0, y: 1, lower: 1, upper: 1 }, ...km.time.map((time, i) => ({ x: time, y: km.survival[i] as number, lower: km.lower[i] ?? (km.survival[i] as number), upper: km.upper[i] ?? (km.survival[i] as number) }))];
  blocks.push({
    kind: 'figure',
    id: 'survival-curve',
    title: t('Share still subscribed', 'Tỉ lệ còn thuê bao'),
    description: t(
      `Step curve of the Kaplan-Meier survival estimate over ${km.time.length} event times with its 95% interval band.`,
      `Đường bậc thang của ước lượng sống Kaplan-Meier qua ${km.time.length} thời điểm, dải mờ là khoảng tin cậy 95%.`,
    ),
    spec: lineChart({
      title: t('Share still subscribed (Kaplan-Meier)', 'Tỉ lệ còn thuê bao (Kaplan-Meier)'),
      subtitle: t(`Median ${months(median.median)}; band: 95% interval`, `Trung vị ${months(median.median)}; dải: khoảng tin cậy 95%`),
      description: t('Kaplan-Meier survival curve', 'Đường sống Kaplan-Meier'),
      rows,
      xTitle: t('Months since subscribing', 'Số tháng kể từ khi đăng ký'),
      yTitle: t('Still subscribed (%)', 'Còn thuê bao (%)'),
      yFormat: '.0%',
      yDomain: [0, 1],
      step: true,
    }),
  });
  return {
    id: 'survival',
    title,
    blocks,
    data: { subscribers: data.durations.length, censored, median, survivalAt6Months: survivalProbability(km, 6), survivalAt12Months: survivalProbability(km, 12) },
  };
}

/** Cohorts: share of each acquisition quarter's customers still subscribed, quarter by quarter. */
export function cohortSection(ctx: SectionContext, subs: readonly SubscriptionRecord[]): Section {
  const { f, t } = ctx;
  const title = t('Retention by cohort', 'Giữ chân theo nhóm khách hàng (cohort)');
  const result = cohortRetention(subs, { observationEnd: ctx.observationEnd, period: 'quarter' });
  const cohorts = result.cohorts.filter((c) => c.retention.length > 0);
  const width = Math.max(0, ...cohorts.map((c) => c.retention.length));
  const header = Array.from({ length: width }, (_, k) => `Q+${k}`);
  const blocks: Section['blocks'] = [
    paragraph(
      t(
        'Customers grouped by the quarter of their first subscription; each cell is the share still subscribed at the end of the k-th quarter after it.',
        'Khách hàng được nhóm theo quý đăng ký đầu tiên; mỗi ô là tỉ lệ còn thuê bao vào cuối quý thứ k sau đó.',
      ),
    ),
  ];
  if (cohorts.length > 0) {
    blocks.push({
      kind: 'figure',
      id: 'cohort-heatmap',
      title: t('Retention by acquisition quarter', 'Giữ chân theo quý bắt đầu'),
      description: t(`Heatmap of ${cohorts.length} quarterly cohorts by quarters since joining; darker is lower retention.`, `Bản đồ nhiệt của ${cohorts.length} nhóm theo quý, theo số quý kể từ khi tham gia; màu tối là giữ chân thấp.`),
      spec: heatmap({
        title: t('Retention by acquisition quarter', 'Giữ chân theo quý bắt đầu'),
        description: t('Cohort retention heatmap', 'Bản đồ nhiệt giữ chân theo nhóm'),
        cells: cohorts.flatMap((c) => c.retention.map((value, k) => ({ row: `${c.label} (${c.size})`, column: `Q+${k}`, value }))),
        rowTitle: t('Cohort (customers)', 'Nhóm (số khách hàng)'),
        columnTitle: t('Quarters since joining', 'Số quý kể từ khi tham gia'),
        valueTitle: t('Still subscribed', 'Còn thuê bao'),
      }),
    });
    blocks.push(
      table(
        t('Retention by cohort', 'Giữ chân theo nhóm'),
        [t('cohort', 'nhóm'), t('customers', 'khách hàng'), ...header],
        [
          ...cohorts.map((c) => [c.label, f.num(c.size), ...header.map((_, k) => (k < c.retention.length ? f.pct(c.retention[k], 0) : ''))]),
          [t('average', 'trung bình'), '', ...header.map((_, k) => f.pct(result.averageRetention[k], 0))],
        ],
      ),
    );
  }
  return { id: 'cohorts', title, blocks, data: { cohorts: cohorts.map((c) => ({ cohort: c.label, size: c.size, retention: c.retention })), averageRetention: result.averageRetention } };
}
