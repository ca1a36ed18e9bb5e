/**
 * Builds the report (as data) from the inputs: every section the given files allow, a note for each
 * section left out naming the file that would enable it, the overview and the rejected rows.
 */
import { basename } from 'node:path';
import { REASON_TEXT, formatLocation, type RejectReason } from './csv/rejections.js';
import { formatter, type Locale } from './format.js';
import type { InputPaths, ReportInputs } from './inputs.js';
import { paragraph, table, type OmittedSection, type Report, type Section } from './model.js';
import { Progress } from './progress.js';
import { clvSection } from './sections/clv.js';
import { DAY, type AnalysisOptions, type SectionContext } from './sections/context.js';
import { needLevelSection } from './sections/needLevels.js';
import { npsSection } from './sections/nps.js';
import { churnSection, cohortSection, survivalSection } from './sections/retention.js';
import { customerTotals, valueSection } from './sections/value.js';

/** Options of {@link buildReport}. */
export interface BuildReportOptions extends Partial<AnalysisOptions> {
  readonly locale?: Locale;
  /** The last day observed (epoch ms of its start); default: the latest date in the files. */
  readonly observationEnd?: number;
  readonly progress?: Progress;
  readonly title?: string;
}

const REASON_VI: Record<RejectReason, string> = {
  'field-count': 'số trường khác với dòng tiêu đề',
  'malformed-quotes': 'có chữ sau dấu ngoặc kép đóng',
  'missing-value': 'thiếu giá trị ở cột bắt buộc',
  'invalid-date': 'không phải ngày ISO (YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM:SSZ)',
  'invalid-number': 'không phải số thập phân',
  'negative-amount': 'số tiền âm (báo cáo không tính hoàn tiền)',
  'score-out-of-range': 'điểm không phải số nguyên từ 0 đến 10',
  'end-before-start': 'ngày kết thúc trước ngày bắt đầu',
  'invalid-count': 'không phải số nguyên không âm',
  'after-observation-end': 'sau ngày kết thúc quan sát',
};

export function buildReport(inputs: ReportInputs, paths: InputPaths, options: BuildReportOptions = {}): Report {
  const locale = options.locale ?? 'en';
  const t = (en: string, vi: string): string => (locale === 'vi' ? vi : en);
  const f = formatter(locale);
  const tx = inputs.transactions;
  let latest = tx.lastDate;
  for (const s of inputs.subscriptions ?? []) latest = Math.max(latest, Number(s.start), s.end === undefined || s.end === null ? -Infinity : Number(s.end));
  for (const r of inputs.responses ?? []) latest = Math.max(latest, r.date);
  // The end of the last observed day: a purchase at 14:00 on that day is inside the window.
  const observationEnd = options.observationEnd ?? Math.floor(latest / DAY) * DAY;
  const ctx: SectionContext = {
    inputs,
    paths,
    locale,
    f,
    t,
    observationEnd,
    options: { holdoutWeeks: options.holdoutWeeks ?? 13, horizonMonths: options.horizonMonths ?? 12, discountRatePerMonth: options.discountRatePerMonth ?? 0.01 },
    progress: options.progress ?? new Progress(undefined),
  };
  const sections: Section[] = [];
  const omitted: OmittedSection[] = [];
  const omit = (id: Section['id'], title: string, flag: string, what: string, whatVi: string): void => {
    omitted.push({ id, title, note: t(`Left out: give ${flag} (${what}) to add this section.`, `Chưa có: thêm ${flag} (${whatVi}) để có phần này.`) });
  };

  sections.push(overviewSection(ctx, observationEnd));
  if (inputs.responses !== undefined) sections.push(npsSection(ctx, inputs.responses));
  else omit('nps', t('Net Promoter Score', 'Chỉ số NPS (Net Promoter Score)'), '--responses', 'survey responses: date, score 0-10', 'câu trả lời khảo sát: ngày, điểm 0-10');
  if (inputs.subscriptions !== undefined && inputs.subscriptions.length > 0) {
    sections.push(churnSection(ctx, inputs.subscriptions), survivalSection(ctx, inputs.subscriptions), cohortSection(ctx, inputs.subscriptions));
  } else {
    const what = 'subscriptions: customer, start, end, MRR';
    const whatVi = 'thuê bao: khách hàng, ngày bắt đầu, ngày kết thúc, MRR';
    omit('churn', t('Churn and revenue retention', 'Tỉ lệ rời bỏ và giữ chân doanh thu'), '--subscriptions', what, whatVi);
    omit('survival', t('Subscriber survival', 'Thời gian sống của thuê bao'), '--subscriptions', what, whatVi);
    omit('cohorts', t('Retention by cohort', 'Giữ chân theo nhóm khách hàng (cohort)'), '--subscriptions', what, whatVi);
  }
  if (tx.length > 0) {
    ctx.progress.start(t('adding up revenue per customer', 'cộng doanh thu theo khách hàng'));
    const totals = customerTotals(tx);
    ctx.progress.end();
    sections.push(valueSection(ctx, tx, totals));
  }
  if (inputs.signals !== undefined) sections.push(needLevelSection(ctx, inputs.signals));
  else omit('needLevels', t('Need levels', 'Sáu cấp độ nhu cầu'), '--signals', 'behaviour signals per customer', 'tín hiệu hành vi của từng khách hàng');
  if (tx.length > 0) sections.push(clvSection(ctx, tx));
  sections.push(rejectedSection(ctx));
  return {
    title: options.title ?? t('Customer metrics report', 'Báo cáo chỉ số khách hàng'),
    locale,
    generatedFrom: [paths.transactions, paths.subscriptions, paths.responses, paths.signals].filter((p): p is string => p !== undefined),
    observationEnd: f.date(observationEnd),
    sections,
    omitted,
  };
}

function overviewSection(ctx: SectionContext, observationEnd: number): Section {
  const { f, t, inputs, paths } = ctx;
  const tx = inputs.transactions;
  const files: [string, string | undefined, number | undefined][] = [
    ['--transactions', paths.transactions, tx.length],
    ['--subscriptions', paths.subscriptions, inputs.subscriptions?.length],
    ['--responses', paths.responses, inputs.responses?.length],
    ['--signals', paths.signals, inputs.signals?.length],
  ];
  const rows = files
    .filter(([, path]) => path !== undefined)
    .map(([flag, path, used]) => {
      const read = inputs.rowsRead.get(path as string) ?? 0;
      return [flag, basename(path as string), f.num(read), f.num(used), f.num(inputs.rejections.total(path))];
    });
  return {
    id: 'overview',
    title: t('Overview', 'Tổng quan'),
    blocks: [
      paragraph(
        tx.length === 0
          ? t('No usable transactions.', 'Không có giao dịch dùng được.')
          : t(
              `${f.num(tx.ids.length)} customers and ${f.num(tx.length)} transactions from ${f.date(tx.firstDate)} to ${f.date(tx.lastDate)}; observation end ${f.date(observationEnd)}. Dates are read in UTC.`,
              `${f.num(tx.ids.length)} khách hàng và ${f.num(tx.length)} giao dịch từ ${f.date(tx.firstDate)} đến ${f.date(tx.lastDate)}; ngày kết thúc quan sát ${f.date(observationEnd)}. Ngày giờ tính theo UTC.`,
            ),
      ),
      table(t('Input files', 'Tệp đầu vào'), [t('flag', 'tham số'), t('file', 'tệp'), t('rows read', 'dòng đã đọc'), t('rows used', 'dòng dùng được'), t('rows rejected', 'dòng bị loại')], rows, [false, false, true, true, true]),
    ],
    data: { customers: tx.ids.length, transactions: tx.length, firstDate: tx.length > 0 ? f.date(tx.firstDate) : undefined, lastDate: tx.length > 0 ? f.date(tx.lastDate) : undefined, files: rows },
  };
}

function rejectedSection(ctx: SectionContext): Section {
  const { f, t, inputs } = ctx;
  const groups = inputs.rejections.list();
  const title = t('Rejected rows', 'Dòng bị loại');
  if (groups.length === 0) {
    return { id: 'rejected', title, blocks: [paragraph(t('Every row of every file was used.', 'Mọi dòng của mọi tệp đều được dùng.'))], data: { total: 0, groups: [] } };
  }
  const reasonText = (r: RejectReason): string => (ctx.locale === 'vi' ? REASON_VI[r] : REASON_TEXT[r]);
  return {
    id: 'rejected',
    title,
    blocks: [
      paragraph(
        t(
          `${f.num(inputs.rejections.total())} rows could not be used and are left out of every figure above, counted here by file and reason, with the first rows of each (file:line and column). Use --bad-rows fail to stop at the first one instead.`,
          `${f.num(inputs.rejections.total())} dòng không dùng được và không được tính trong mọi số liệu ở trên; chúng được đếm ở đây theo tệp và lý do, kèm các dòng đầu tiên (tệp:dòng và cột). Dùng --bad-rows fail để dừng ngay ở dòng lỗi đầu tiên.`,
        ),
      ),
      table(
        t('Rejected rows by reason', 'Dòng bị loại theo lý do'),
        [t('file', 'tệp'), t('reason', 'lý do'), t('rows', 'số dòng'), t('first rows', 'các dòng đầu tiên')],
        groups.map((g) => [basename(g.file), reasonText(g.reason), f.num(g.count), g.examples.map((e) => formatLocation(e).replace(`${g.file}:`, t('line ', 'dòng '))).join('; ')]),
        [false, false, true, false],
      ),
    ],
    data: { total: inputs.rejections.total(), groups: groups.map((g) => ({ file: g.file, reason: g.reason, count: g.count, examples: g.examples })) },
  };
}
