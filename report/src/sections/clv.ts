/**
 * CLV models (from the transactions): the customer summary (frequency, recency, T in weeks, daily
 * purchase periods), a BG/NBD model checked on a holdout period (fitted on the data before it,
 * expected against actual purchases in it), then BG/NBD and Gamma-Gamma on all the data and the
 * customers' CLV over the horizon.
 */
import {
  calibrationHoldoutSplit,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  holdoutValidation,
  probabilityAliveBatch,
  rfmSummary,
  type TransactionArrays,
} from 'customer-metrics/clv';
import { isMetricsInputError } from 'customer-metrics';
import { calibrationHoldoutChart, clvDistributionChart } from 'customer-metrics/charts';
import type { TransactionTable } from '../inputs.js';
import { chartFigure, paragraph, table, type Section, type VegaLiteSpec } from '../model.js';
import { DAY, type SectionContext } from './context.js';

/**
 * The transactions as the library's columns (customers as their index in `tx.ids`): the reader's
 * typed arrays themselves, no record per transaction (10 million records cost about 0.5 GB and
 * pushed the report's peak memory past 2 GiB), at the array form's speed.
 */
function transactionColumns(tx: TransactionTable): TransactionArrays<number> {
  return { customerId: tx.customer, date: tx.date, amount: tx.amount };
}

/** The columns of the transactions whose customer index passes `keep`. */
function columnsWhere(tx: TransactionTable, keep: (customer: number) => boolean): TransactionArrays<number> {
  let n = 0;
  for (let k = 0; k < tx.length; k++) if (keep(tx.customer[k] as number)) n++;
  const customerId = new Int32Array(n);
  const date = new Float64Array(n);
  const amount = new Float64Array(n);
  let j = 0;
  for (let k = 0; k < tx.length; k++) {
    const c = tx.customer[k] as number;
    if (!keep(c)) continue;
    customerId[j] = c;
    date[j] = tx.date[k] as number;
    amount[j] = tx.amount[k] as number;
    j++;
  }
  return { customerId, date, amount };
}

/** Customers in the holdout check at most (a sample above it). */
const HOLDOUT_SAMPLE = 100_000;

/** Whether customer index `k` is in a fixed pseudo-random sample of the given share (a multiplicative hash, no state). */
function inSample(k: number, share: number): boolean {
  return ((Math.imul(k + 1, 0x9e3779b1) >>> 0) / 4294967296) < share;
}

export function clvSection(ctx: SectionContext, tx: TransactionTable): Section {
  const { f, t, options } = ctx;
  const title = t('Customer lifetime value (BG/NBD and Gamma-Gamma)', 'Giá trị vòng đời khách hàng (BG/NBD và Gamma-Gamma)');
  const blocks: Section['blocks'] = [];
  const data: Record<string, unknown> = {};
  const end = ctx.observationEnd;
  ctx.progress.start(t('preparing transactions', 'chuẩn bị giao dịch'));
  const records = transactionColumns(tx);

  // 1. Holdout check.
  const calibrationEnd = end - options.holdoutWeeks * 7 * DAY;
  const spanWeeks = (end - tx.firstDate) / (7 * DAY);
  if (spanWeeks >= 2 * options.holdoutWeeks) {
    ctx.progress.start(t('summarising the calibration period', 'tóm tắt giai đoạn hiệu chỉnh'));
    // A check needs no million customers: above HOLDOUT_SAMPLE customers, a fixed pseudo-random
    // sample of them (every customer's rows, or none), said so in the text.
    const sampled = tx.ids.length > HOLDOUT_SAMPLE;
    const checkRows = sampled ? columnsWhere(tx, (c) => inSample(c, HOLDOUT_SAMPLE / tx.ids.length)) : records;
    const split = calibrationHoldoutSplit(checkRows, { calibrationEnd, observationEnd: end, period: 'day', unit: 'week' });
    ctx.progress.start(t('fitting BG/NBD on the calibration period', 'ước lượng BG/NBD trên giai đoạn hiệu chỉnh'));
    try {
      const model = fitBgNbd(split, { timeUnit: 'week' });
      const check = holdoutValidation(model, split, { maxFrequency: 7 });
      ctx.progress.end();
      blocks.push(
        paragraph(
          t(
            `Holdout check${sampled ? ` (on a fixed random sample of ${f.num(split.length)} of the ${f.num(tx.ids.length)} customers)` : ''}: BG/NBD fitted on ${f.num(split.length)} customers' purchases up to ${f.date(calibrationEnd)}, then asked for their purchases in the last ${options.holdoutWeeks} weeks. ` +
              `Expected ${f.num(check.totals.expected, 0)} purchases, actual ${f.num(check.totals.actual)}; mean absolute error per customer ${f.num(check.errors.meanAbsoluteError, 3)}, correlation ${f.num(check.errors.correlation, 3)}.`,
            `Kiểm tra giai đoạn giữ lại${sampled ? ` (trên một mẫu ngẫu nhiên cố định ${f.num(split.length)} trong ${f.num(tx.ids.length)} khách hàng)` : ''}: BG/NBD ước lượng trên giao dịch của ${f.num(split.length)} khách hàng đến ${f.date(calibrationEnd)}, rồi dự báo số lần mua trong ${options.holdoutWeeks} tuần cuối. ` +
              `Dự báo ${f.num(check.totals.expected, 0)} lần mua, thực tế ${f.num(check.totals.actual)}; sai số tuyệt đối trung bình mỗi khách hàng ${f.num(check.errors.meanAbsoluteError, 3)}, tương quan ${f.num(check.errors.correlation, 3)}.`,
          ),
        ),
      );
      const label = (g: { frequency: number }): string => (g.frequency >= 7 ? '7+' : String(g.frequency));
      blocks.push(chartFigure('clv-holdout', (o) => calibrationHoldoutChart(check, { locale: ctx.locale, timeUnit: 'week', ...o }) as unknown as VegaLiteSpec));
      blocks.push(
        table(
          t('Holdout check by calibration frequency', 'Kiểm tra giữ lại theo tần suất'),
          [t('repeat purchases', 'số lần mua lặp lại'), t('customers', 'khách hàng'), t('expected per customer', 'dự báo mỗi khách hàng'), t('actual per customer', 'thực tế mỗi khách hàng')],
          check.byFrequency.map((g) => [label(g), f.num(g.customers), f.num(g.expected, 2), f.num(g.actual, 2)]),
        ),
      );
      data.holdout = { calibrationEnd: f.date(calibrationEnd), weeks: options.holdoutWeeks, totals: check.totals, errors: check.errors, byFrequency: check.byFrequency };
    } catch (error) {
      ctx.progress.end();
      if (!isMetricsInputError(error) && !(error instanceof Error && error.name === 'MetricsFitError')) throw error;
      blocks.push(paragraph(t(`Holdout check not possible: ${error.message}`, `Không thể kiểm tra giữ lại: ${error.message}`)));
    }
  } else {
    blocks.push(
      paragraph(
        t(
          `Holdout check left out: the transactions span ${f.num(spanWeeks, 0)} weeks, fewer than twice the ${options.holdoutWeeks}-week holdout (--holdout-weeks).`,
          `Bỏ qua kiểm tra giữ lại: dữ liệu giao dịch chỉ kéo dài ${f.num(spanWeeks, 0)} tuần, ít hơn hai lần ${options.holdoutWeeks} tuần giữ lại (--holdout-weeks).`,
        ),
      ),
    );
  }

  // 2. All the data.
  ctx.progress.start(t('summarising transactions', 'tóm tắt giao dịch'));
  const summary = rfmSummary(records, { observationEnd: end, period: 'day', unit: 'week' });
  ctx.progress.start(t('fitting BG/NBD', 'ước lượng BG/NBD'));
  let model;
  let spend;
  try {
    model = fitBgNbd(summary, { timeUnit: 'week' });
    ctx.progress.start(t('fitting Gamma-Gamma', 'ước lượng Gamma-Gamma'));
    spend = fitGammaGamma(summary);
  } catch (error) {
    ctx.progress.end();
    if (!isMetricsInputError(error) && !(error instanceof Error && error.name === 'MetricsFitError')) throw error;
    blocks.push(paragraph(t(`The models could not be fitted: ${error.message}`, `Không ước lượng được mô hình: ${error.message}`)));
    return { id: 'clv', title, blocks, data };
  }
  ctx.progress.start(t(`CLV and P(alive) of ${f.num(summary.length)} customers`, `CLV và P(alive) của ${f.num(summary.length)} khách hàng`));
  const clv = customerLifetimeValue({
    transactionModel: model,
    spendModel: spend,
    customers: summary,
    horizon: { length: options.horizonMonths, unit: 'month' },
    discountRate: options.discountRatePerMonth,
  });
  const alive = probabilityAliveBatch(model, summary);
  ctx.progress.end();
  const p = model.parameters as unknown as Record<string, number>;
  const g = spend.parameters as unknown as Record<string, number>;
  const values = clv.map((v) => v ?? 0);
  const total = values.reduce((s, v) => s + v, 0);
  const repeaters = summary.filter((c) => c.frequency > 0).length;
  blocks.push(
    paragraph(
      t(
        `BG/NBD on all ${f.num(summary.length)} customers (${f.num(repeaters)} bought again), weeks: r ${f.num(p.r, 3)}, alpha ${f.num(p.alpha, 3)}, a ${f.num(p.a, 3)}, b ${f.num(p.b, 3)}. ` +
          `Gamma-Gamma on the repeat customers: mean spend per purchase ${f.num(spend.meanSpend, 2)} (p ${f.num(g.p, 3)}, q ${f.num(g.q, 3)}, gamma ${f.num(g.gamma, 3)}). ` +
          `Expected value of the next ${options.horizonMonths} months at ${f.pct(options.discountRatePerMonth)} a month: ${f.num(total, 0)} in all.`,
        `BG/NBD trên toàn bộ ${f.num(summary.length)} khách hàng (${f.num(repeaters)} đã mua lại), theo tuần: r ${f.num(p.r, 3)}, alpha ${f.num(p.alpha, 3)}, a ${f.num(p.a, 3)}, b ${f.num(p.b, 3)}. ` +
          `Gamma-Gamma trên khách hàng mua lại: chi tiêu trung bình mỗi lần mua ${f.num(spend.meanSpend, 2)} (p ${f.num(g.p, 3)}, q ${f.num(g.q, 3)}, gamma ${f.num(g.gamma, 3)}). ` +
          `Giá trị kỳ vọng trong ${options.horizonMonths} tháng tới với chiết khấu ${f.pct(options.discountRatePerMonth)} mỗi tháng: tổng ${f.num(total, 0)}.`,
      ),
    ),
  );
  // Distribution of CLV: customers per value band, the top 1% pooled in the last band.
  blocks.push(chartFigure('clv-distribution', (o) => clvDistributionChart(values, { locale: ctx.locale, upperQuantile: 0.99, ...o }) as unknown as VegaLiteSpec));
  const order = Array.from(values.keys()).sort((a, b) => (values[b] as number) - (values[a] as number) || (a < b ? -1 : 1));
  const top = order.slice(0, 10);
  blocks.push(
    table(
      t('Top 10 customers by CLV', '10 khách hàng có CLV cao nhất'),
      [t('customer', 'khách hàng'), t('repeat purchases', 'số lần mua lặp lại'), t('weeks since last purchase', 'số tuần từ lần mua cuối'), 'P(alive)', 'CLV'],
      top.map((i) => {
        const c = summary[i] as (typeof summary)[number];
        return [tx.ids[c.customerId] as string, f.num(c.frequency), f.num(c.T - c.recency, 1), f.num(alive[i], 2), f.num(values[i], 2)];
      }),
    ),
  );
  data.customers = summary.length;
  data.repeatCustomers = repeaters;
  data.bgNbd = { parameters: model.parameters, logLikelihood: model.logLikelihood };
  data.gammaGamma = { parameters: spend.parameters, meanSpend: spend.meanSpend };
  data.clv = { horizonMonths: options.horizonMonths, discountRatePerMonth: options.discountRatePerMonth, total, top: top.map((i) => ({ customerId: tx.ids[summary[i]?.customerId as number], clv: values[i] })) };
  return { id: 'clv', title, blocks, data };
}
