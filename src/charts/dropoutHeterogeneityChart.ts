import type { TransactionModelSpec } from '../clv/index.js';
import { done, formatNumber, IssueList, parseChartOptions, tr, type ChartOptions, type ChartSpec } from './_internal/common.js';
import { betaDensity, gammaDensity } from './_internal/density.js';
import { densitySpec } from './_internal/heterogeneity.js';
import { checkModel, modelName } from './_internal/model.js';
import { unitWord, type ChartTimeUnit } from './_internal/units.js';

/** Options of {@link dropoutHeterogeneityChart}. */
export type DropoutHeterogeneityChartOptions = ChartOptions;

/**
 * How the tendency to drop out differs between customers under a fitted model: for BG/NBD and
 * MBG/NBD the Beta(a, b) density of p, the probability of dropping out after a purchase; for
 * Pareto/NBD the Gamma(s, beta) density of the dropout rate mu.
 *
 * Definition: Beta: f(p) = p^(a - 1) (1 - p)^(b - 1) / B(a, b) at 199 points inside (0, 1), mean
 * a / (a + b); Gamma: as {@link purchaseRateHeterogeneityChart} with shape s and rate beta, mean
 * s / beta (dropouts per model time unit).
 * Cost: O(200) density evaluations.
 *
 * @param model - A fitted transaction model (`kind`, `parameters`, `timeUnit`).
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON): the density as an area and the mean as a rule.
 * @throws {@link MetricsInputError} for an invalid model or option.
 * @see Fader, Hardie & Lee (2005) (p ~ Beta(a, b)); Schmittlein, Morrison & Colombo (1987) (mu ~ Gamma(s, beta)).
 * @example
 * ```ts
 * import { dropoutHeterogeneityChart } from 'customer-metrics/charts';
 * const model = { kind: 'bg-nbd', parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * // mean a / (a + b) = 0.793 / 3.219
 * dropoutHeterogeneityChart(model).title.subtitle; // => 'BG/NBD: Beta(a = 0.793, b = 2.426); mean 0.2463 chance of dropping out after a purchase'
 * ```
 */
export function dropoutHeterogeneityChart(model: TransactionModelSpec, options?: DropoutHeterogeneityChartOptions): ChartSpec {
  const issues = new IssueList();
  const m = checkModel(model, 'model', issues);
  const opts = parseChartOptions(options, {}, issues);
  const fitted = done(issues, m);
  const o = done(issues, opts);
  const { locale } = o;
  const name = modelName(fitted.kind, locale);
  const title = { en: 'How customers drop out: dropout across customers', vi: 'Khả năng rời bỏ: phân bố giữa các khách hàng' };
  if (fitted.kind === 'pareto-nbd') {
    const { s, beta } = fitted.parameters;
    const unit = fitted.timeUnit as ChartTimeUnit | undefined;
    const per = unit === undefined ? tr(locale, { en: 'per time unit', vi: 'mỗi đơn vị thời gian' }) : tr(locale, { en: `per ${unitWord(unit, locale).replace(/s$/, '')}`, vi: `mỗi ${unitWord(unit, locale)}` });
    return densitySpec(
      gammaDensity(s, beta),
      {
        title,
        subtitle: tr(locale, {
          en: `${name}: Gamma(s = ${formatNumber(s, 3, locale)}, beta = ${formatNumber(beta, 3, locale)}); mean dropout rate ${formatNumber(s / beta, 4, locale)} ${per}`,
          vi: `${name}: Gamma(s = ${formatNumber(s, 3, locale)}, beta = ${formatNumber(beta, 3, locale)}); tốc độ rời bỏ trung bình ${formatNumber(s / beta, 4, locale)} ${per}`,
        }),
        xTitle: tr(locale, { en: `Dropout rate μ (${per})`, vi: `Tốc độ rời bỏ μ (${per})` }),
        what: { en: 'the dropout rate', vi: 'tốc độ rời bỏ' },
      },
      o,
    );
  }
  const { a, b } = fitted.parameters;
  return densitySpec(
    betaDensity(a, b),
    {
      title,
      subtitle: tr(locale, {
        en: `${name}: Beta(a = ${formatNumber(a, 3, locale)}, b = ${formatNumber(b, 3, locale)}); mean ${formatNumber(a / (a + b), 4, locale)} chance of dropping out after a purchase`,
        vi: `${name}: Beta(a = ${formatNumber(a, 3, locale)}, b = ${formatNumber(b, 3, locale)}); xác suất rời bỏ sau mỗi lần mua trung bình ${formatNumber(a / (a + b), 4, locale)}`,
      }),
      xTitle: tr(locale, { en: 'Probability p of dropping out after a purchase', vi: 'Xác suất p rời bỏ sau một lần mua' }),
      what: { en: 'the dropout probability', vi: 'xác suất rời bỏ' },
    },
    o,
  );
}
