import type { ValueTiers } from '../segmentation/index.js';
import { done, IssueList, parseChartOptions, parseInput, tr, z, type ChartOptions, type ChartSpec, type Text } from './_internal/common.js';
import { parseSegmentRows, segmentSharesSpec } from './_internal/segments.js';

/** Options of {@link valueTiersChart}. */
export type ValueTiersChartOptions = ChartOptions;

const PYRAMID: Record<string, Text> = {
  platinum: { en: 'Platinum', vi: 'Bạch kim' },
  gold: { en: 'Gold', vi: 'Vàng' },
  iron: { en: 'Iron', vi: 'Sắt' },
  lead: { en: 'Lead', vi: 'Chì' },
};

/**
 * The value tiers (the customer pyramid) side by side: for each tier, its share of the customers
 * next to its share of the value.
 *
 * Definition: two bars per tier of `valueTiers(...).tiers`, in the order given (the most valuable
 * first): `customerShare` and `valueShare`, in percent. The default tier names of the customer
 * pyramid (platinum, gold, iron, lead) are translated with `locale: 'vi'`; other names are shown as given.
 * Cost: O(t) for t tiers.
 *
 * @param tiers - The result of `valueTiers`.
 * @param options - See {@link ChartOptions}.
 * @returns A Vega-Lite spec (plain JSON) with two bars per tier.
 * @throws {@link MetricsInputError} when the tiers are missing or empty, a share is out of range,
 *   a total is not an amount, or an option is invalid.
 * @see Zeithaml, Rust & Lemon (2001), "The customer pyramid", California Management Review 43(4).
 * @example
 * ```ts
 * import { valueTiers } from 'customer-metrics/segmentation';
 * import { valueTiersChart } from 'customer-metrics/charts';
 * const spec = valueTiersChart(valueTiers([50, 30, 10, 5, 3, 1, 1, 0, 0, 0])!, { locale: 'vi' });
 * (spec.data as { values: { segment: string }[] }).values.map((v) => v.segment).slice(0, 3); // => ['Bạch kim', 'Bạch kim', 'Vàng']
 * ```
 */
export function valueTiersChart(tiers: ValueTiers, options?: ValueTiersChartOptions): ChartSpec {
  const issues = new IssueList();
  const parsed = parseInput(z.object({ tiers: z.unknown() }), tiers, 'tiers', issues);
  const rows = parsed === undefined ? undefined : parseSegmentRows(parsed.tiers, ['tiers', 'tiers'], issues);
  const opts = parseChartOptions(options, {}, issues);
  const list = done(issues, rows);
  const o = done(issues, opts);
  return segmentSharesSpec(
    list,
    {
      title: { en: 'Value tiers: customers and value', vi: 'Phân tầng giá trị: khách hàng và giá trị' },
      subject: { en: 'value tiers', vi: 'tầng giá trị' },
      segmentTitle: { en: 'Tier', vi: 'Tầng' },
    },
    o,
    options?.height,
    (name) => (Object.hasOwn(PYRAMID, name) ? tr(o.locale, PYRAMID[name] as Text) : name),
  );
}
