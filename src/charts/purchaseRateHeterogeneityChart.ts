import type { TransactionModelSpec } from '../clv/index.js';
import { done, formatNumber, IssueList, parseChartOptions, tr, type ChartOptions, type ChartSpec } from './_internal/common.js';
import { gammaDensity } from './_internal/density.js';
import { densitySpec } from './_internal/heterogeneity.js';
import { checkModel, modelName } from './_internal/model.js';
import { unitWord, type ChartTimeUnit } from './_internal/units.js';

/** Options of {@link purchaseRateHeterogeneityChart}. */
export type PurchaseRateHeterogeneityChartOptions = ChartOptions;

/**
 * How purchase rates differ between customers under a fitted BG/NBD, MBG/NBD or Pareto/NBD model:
 * the density of the Gamma(r, alpha) distribution of the rate lambda, with its mean r / alpha.
 *
 * Definition: f(lambda) = alpha^r lambda^(r - 1) e^(-alpha lambda) / Gamma(r), at 200 points from 0
 * to the 99th percentile (found by bisection on the regularized incomplete gamma function); rates
 * are purchases per model time unit (alpha is in the data's time unit). A shape r below 1 gives a
 * density that rises without bound near 0: most customers buy rarely.
 * Cost: O(200) density evaluations plus the bisection.
 *
 * @param model - A fitted transaction model (`kind`, `parameters`, `timeUnit`).
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON): the density as an area and the mean as a rule.
 * @throws {@link MetricsInputError} for an invalid model or option.
 * @see Fader, Hardie & Lee (2005), section 2 (heterogeneity in lambda, Gamma(r, alpha)).
 * @example
 * ```ts
 * import { purchaseRateHeterogeneityChart } from 'customer-metrics/charts';
 * const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
 * const spec = purchaseRateHeterogeneityChart(model);
 * spec.title.subtitle; // => 'BG/NBD: Gamma(r = 0.243, alpha = 4.414); mean 0.0551 purchases per week'
 * ```
 */
export function purchaseRateHeterogeneityChart(model: TransactionModelSpec, options?: PurchaseRateHeterogeneityChartOptions): ChartSpec {
  const issues = new IssueList();
  const m = checkModel(model, 'model', issues);
  const opts = parseChartOptions(options, {}, issues);
  const fitted = done(issues, m);
  const o = done(issues, opts);
  const { locale } = o;
  const { r, alpha } = fitted.parameters as { r: number; alpha: number };
  const unit = fitted.timeUnit as ChartTimeUnit | undefined;
  const per = unit === undefined ? tr(locale, { en: 'per time unit', vi: 'mỗi đơn vị thời gian' }) : tr(locale, { en: `per ${unitWord(unit, locale).replace(/s$/, '')}`, vi: `mỗi ${unitWord(unit, locale)}` });
  const subtitle = tr(locale, {
    en: `${modelName(fitted.kind, locale)}: Gamma(r = ${formatNumber(r, 3, locale)}, alpha = ${formatNumber(alpha, 3, locale)}); mean ${formatNumber(r / alpha, 4, locale)} purchases ${per}`,
    vi: `${modelName(fitted.kind, locale)}: Gamma(r = ${formatNumber(r, 3, locale)}, alpha = ${formatNumber(alpha, 3, locale)}); trung bình ${formatNumber(r / alpha, 4, locale)} lần mua ${per}`,
  });
  return densitySpec(
    gammaDensity(r, alpha),
    {
      title: { en: 'How often customers buy: purchase rates across customers', vi: 'Tần suất mua: phân bố tốc độ mua giữa các khách hàng' },
      subtitle,
      xTitle: tr(locale, { en: `Purchase rate λ (purchases ${per})`, vi: `Tốc độ mua λ (lần mua ${per})` }),
      what: { en: 'the purchase rate', vi: 'tốc độ mua' },
    },
    o,
  );
}
