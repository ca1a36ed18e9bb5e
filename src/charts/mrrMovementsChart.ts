import { checkMoney } from '../_lib/money.js';
import type { MrrMovements } from '../retention/index.js';
import {
  chartSpec,
  done,
  formatNumber,
  IssueList,
  OKABE_ITO,
  parseChartOptions,
  round,
  tr,
  z,
  type ChartOptions,
  type ChartSpec,
} from './_internal/common.js';

/** Options of {@link mrrMovementsChart}. */
export interface MrrMovementsChartOptions extends ChartOptions {
  /**
   * The currency named in the axis title (an ISO 4217 code or a symbol).
   * @defaultValue 'USD'
   */
  readonly currency?: string;
}

const KEYS = ['startingMrr', 'newMrr', 'expansion', 'reactivation', 'contraction', 'churned', 'endingMrr'] as const;
const LABELS = {
  startingMrr: { en: 'Starting MRR', vi: 'MRR đầu kỳ' },
  newMrr: { en: 'New', vi: 'Mới' },
  expansion: { en: 'Expansion', vi: 'Mở rộng' },
  reactivation: { en: 'Reactivation', vi: 'Kích hoạt lại' },
  contraction: { en: 'Contraction', vi: 'Thu hẹp' },
  churned: { en: 'Churn', vi: 'Rời bỏ' },
  endingMrr: { en: 'Ending MRR', vi: 'MRR cuối kỳ' },
} as const;
const KIND = { total: { en: 'Total', vi: 'Tổng' }, gain: { en: 'Gain', vi: 'Tăng' }, loss: { en: 'Loss', vi: 'Giảm' } } as const;

/**
 * The MRR bridge of a period as a waterfall: starting MRR, the gains (new, expansion, reactivation)
 * and losses (contraction, churn) as floating bars, and the ending MRR.
 *
 * Definition: the bars are the fields of `mrrMovements`; each gain bar rises from the running total,
 * each loss bar falls from it, so the last floating bar ends at starting + new + expansion +
 * reactivation - contraction - churned, which `mrrMovements` guarantees equals the ending MRR (the
 * function checks it to the cent). Colours: blue totals, bluish green gains, vermillion losses.
 * Cost: O(1); sums in decimal arithmetic.
 *
 * @param movements - The result of `mrrMovements` (amounts as Decimal, number or decimal string; non-negative).
 * @param options - See {@link MrrMovementsChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with seven bars.
 * @throws {@link MetricsInputError} when an amount is missing, negative or not a number, the
 *   movements do not add up to the ending MRR, or an option is invalid.
 * @see ChartMogul, "MRR movements"; Baremetrics, "MRR breakdown".
 * @example
 * ```ts
 * import { mrrMovementsChart } from 'customer-metrics/charts';
 * const spec = mrrMovementsChart({
 *   startingMrr: 1000, newMrr: 200, expansion: 50, reactivation: 0, contraction: 30, churned: 120, endingMrr: 1100,
 * } as never);
 * // 1000 + 200 + 50 + 0 - 30 - 120 = 1100
 * (spec.data as { values: { step: string; from: number; to: number }[] }).values.map((v) => [v.step, v.from, v.to]); // => [['Starting MRR', 0, 1000], ['New', 1000, 1200], ['Expansion', 1200, 1250], ['Reactivation', 1250, 1250], ['Contraction', 1250, 1220], ['Churn', 1220, 1100], ['Ending MRR', 0, 1100]]
 * ```
 */
export function mrrMovementsChart(movements: MrrMovements, options?: MrrMovementsChartOptions): ChartSpec {
  const issues = new IssueList();
  const amounts: Partial<Record<(typeof KEYS)[number], ReturnType<typeof checkMoney>>> = {};
  if (typeof movements !== 'object' || movements === null || Array.isArray(movements)) {
    issues.add('invalid_type', ['movements'], movements === undefined ? 'is required' : 'must be an object');
  } else {
    const record = movements as unknown as Record<string, unknown>;
    for (const key of KEYS) amounts[key] = checkMoney(record[key], ['movements', key], issues, true);
  }
  const opts = parseChartOptions(options, { currency: z.string().min(1).max(10).optional() }, issues);
  if (issues.isEmpty) {
    const a = amounts as Required<typeof amounts>;
    const end = a.startingMrr!.plus(a.newMrr!).plus(a.expansion!).plus(a.reactivation!).minus(a.contraction!).minus(a.churned!);
    if (!end.minus(a.endingMrr!).abs().lte(0.01)) issues.add('invalid_structure', ['movements', 'endingMrr'], 'must equal the starting MRR plus gains minus losses');
  }
  const o = done(issues, opts);
  const { locale } = o;
  const a = amounts as Required<{ [K in (typeof KEYS)[number]]: NonNullable<ReturnType<typeof checkMoney>> }>;
  let running = a.startingMrr;
  const values = KEYS.map((key) => {
    const label = tr(locale, LABELS[key]);
    if (key === 'startingMrr' || key === 'endingMrr') return { step: label, kind: tr(locale, KIND.total), from: 0, to: round(a[key].toNumber(), 2), top: round(a[key].toNumber(), 2), amount: round(a[key].toNumber(), 2) };
    const gain = key === 'newMrr' || key === 'expansion' || key === 'reactivation';
    const next = gain ? running.plus(a[key]) : running.minus(a[key]);
    const row = { step: label, kind: tr(locale, gain ? KIND.gain : KIND.loss), from: round(running.toNumber(), 2), to: round(next.toNumber(), 2), top: round(Math.max(running.toNumber(), next.toNumber()), 2), amount: round((gain ? 1 : -1) * a[key].toNumber(), 2) };
    running = next;
    return row;
  });
  const currency = (o.currency as string | undefined) ?? 'USD';
  const title = tr(locale, { en: 'MRR movements', vi: 'Biến động MRR' });
  const money = (v: number) => formatNumber(v, 2, locale);
  const description = tr(locale, {
    en: `Waterfall chart of monthly recurring revenue: starting ${money(a.startingMrr.toNumber())} ${currency}, new ${money(a.newMrr.toNumber())}, expansion ${money(a.expansion.toNumber())}, reactivation ${money(a.reactivation.toNumber())}, contraction ${money(a.contraction.toNumber())}, churn ${money(a.churned.toNumber())}, ending ${money(a.endingMrr.toNumber())} ${currency}.`,
    vi: `Biểu đồ thác nước của doanh thu định kỳ hằng tháng: đầu kỳ ${money(a.startingMrr.toNumber())} ${currency}, mới ${money(a.newMrr.toNumber())}, mở rộng ${money(a.expansion.toNumber())}, kích hoạt lại ${money(a.reactivation.toNumber())}, thu hẹp ${money(a.contraction.toNumber())}, rời bỏ ${money(a.churned.toNumber())}, cuối kỳ ${money(a.endingMrr.toNumber())} ${currency}.`,
  });
  // Seven steps whose longest names ("Reactivation", "Kích hoạt lại") need about 80 px each: below
  // that (a phone's width) the names are set at an angle instead of running into each other.
  const narrow = o.width < 7 * 80;
  const x = { field: 'step', type: 'nominal', sort: null, title: null, axis: narrow ? { labelAngle: -40, labelAlign: 'right', labelBaseline: 'middle' } : { labelAngle: 0 } };
  const kinds = [tr(locale, KIND.total), tr(locale, KIND.gain), tr(locale, KIND.loss)];
  // Head room for the labels above the bars.
  const top = Math.max(1, ...values.map((v) => v.top));
  return chartSpec({ title, description }, o, {
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          y: { field: 'from', type: 'quantitative', scale: { domain: [0, round(top * 1.12, 2)], nice: false }, title: tr(locale, { en: `MRR (${currency} per month)`, vi: `MRR (${currency} mỗi tháng)` }) },
          y2: { field: 'to' },
          color: { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds, range: [OKABE_ITO.blue, OKABE_ITO.bluishGreen, OKABE_ITO.vermillion] } },
          tooltip: [{ field: 'step', type: 'nominal' }, { field: 'amount', type: 'quantitative', format: ',.2f' }],
        },
      },
      {
        mark: { type: 'text', dy: -6, baseline: 'bottom', fontSize: 11 },
        encoding: { x, y: { field: 'top', type: 'quantitative' }, text: { field: 'amount', type: 'quantitative', format: ',.0f' } },
      },
    ],
  });
}
