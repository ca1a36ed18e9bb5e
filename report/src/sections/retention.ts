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
import { churnSeriesChart, cohortRetentionChart, kaplanMeierChart, mrrMovementsChart } from 'customer-metrics/charts';
import { chartFigure, paragraph, table, type Section, type VegaLiteSpec } from '../model.js';
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
    if (rates.length > 0) blocks.push(chartFigure('churn-series', (o) => churnSeriesChart(series, { locale: ctx.locale, ...o }) as unknown as VegaLiteSpec));
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
    blocks.push(chartFigure('mrr-movements', (o) => mrrMovementsChart(movements, { locale: ctx.locale, ...o }) as unknown as VegaLiteSpec));
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
  blocks.push(chartFigure('survival-curve', (o) => kaplanMeierChart(km, { locale: ctx.locale, timeUnit: 'month', ...o }) as unknown as VegaLiteSpec));
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
    const shown = { ...result, cohorts };
    blocks.push(chartFigure('cohort-heatmap', (o) => cohortRetentionChart(shown, { locale: ctx.locale, timeUnit: 'quarter', ...o }) as unknown as VegaLiteSpec));
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
