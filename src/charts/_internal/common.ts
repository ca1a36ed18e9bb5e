/**
 * What every chart shares: the spec type, the common options, the palette, the two locales, number
 * formatting for descriptions, and the spec skeleton with fixed fonts and sizes (so that an SVG
 * rendered from a spec is the same on every machine).
 *
 * @internal
 * @module
 */
import { IssueList, numberSchema, parseInput, z } from '../../_lib/validate.js';

/** The language of every label, title and description of a chart. */
export type ChartLocale = 'en' | 'vi';

/** The title of a chart. */
export interface ChartTitle {
  /** The title. */
  readonly text: string;
  /** The subtitle with the chart's key figure, one line or several; absent when the chart has none. */
  readonly subtitle?: string | readonly string[];
}

/**
 * A Vega-Lite specification: a plain JSON object (no functions, no dates), ready for
 * `vega-lite`'s `compile` or `vega-embed`. Always has `$schema`, `title` and `description`.
 */
export interface ChartSpec {
  /** The Vega-Lite JSON schema the spec follows (version 6). */
  readonly $schema: string;
  /** The title and, where the chart has one, the subtitle. */
  readonly title: ChartTitle;
  /** A sentence or two for screen readers: what the chart shows and its key figures. */
  readonly description: string;
  /** The rest of the Vega-Lite specification (data, marks, encodings, layers, config). */
  readonly [key: string]: unknown;
}

/** Options every chart takes. */
export interface ChartOptions {
  /**
   * The language of every label, title and description: English or Vietnamese.
   * @defaultValue 'en'
   */
  readonly locale?: ChartLocale;
  /**
   * The width of the plotting area, in pixels (axes and legend come on top).
   * @defaultValue 480
   */
  readonly width?: number;
  /**
   * The height of the plotting area, in pixels.
   * @defaultValue 280
   */
  readonly height?: number;
  /**
   * A title in place of the chart's own (the subtitle stays).
   * @defaultValue the chart's title in the chosen locale
   */
  readonly title?: string;
}

/** The $schema of every spec. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"): eight colours that people
 * with the common forms of colour-vision deficiency can tell apart.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Categorical order used when a chart has several series. */
export const CATEGORY_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** A sequential scheme for heat maps that reads in grey scale and for colour-blind readers. */
export const HEATMAP_SCHEME = 'viridis';

/** The fixed font of every chart: a sans-serif that Debian, macOS and Windows all resolve. */
export const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** A text in both locales. */
export interface Text {
  readonly en: string;
  readonly vi: string;
}

/** Picks the text of `locale`. */
export function tr(locale: ChartLocale, text: Text): string {
  return locale === 'vi' ? text.vi : text.en;
}

/** Common labels. */
export const WORDS = {
  customers: { en: 'Customers', vi: 'Khách hàng' },
  shareOfCustomers: { en: 'Share of customers (%)', vi: 'Tỷ lệ khách hàng (%)' },
  shareOfValue: { en: 'Share of value (%)', vi: 'Tỷ lệ giá trị (%)' },
  actual: { en: 'Actual', vi: 'Thực tế' },
  model: { en: 'Model', vi: 'Mô hình' },
  series: { en: 'Series', vi: 'Chuỗi' },
  measure: { en: 'Measure', vi: 'Chỉ số' },
} as const satisfies Record<string, Text>;

/** Vietnamese number and time formats for Vega's formatter (decimal comma, dot thousands). */
const VI_LOCALE = {
  number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'] },
  time: {
    dateTime: '%A, %e %B %Y, %X',
    date: '%d/%m/%Y',
    time: '%H:%M:%S',
    periods: ['SA', 'CH'],
    days: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
    shortDays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
    months: ['tháng 1', 'tháng 2', 'tháng 3', 'tháng 4', 'tháng 5', 'tháng 6', 'tháng 7', 'tháng 8', 'tháng 9', 'tháng 10', 'tháng 11', 'tháng 12'],
    shortMonths: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
  },
};

/** English number format, spelt out so that the host's default locale never changes a chart. */
const EN_LOCALE = {
  number: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
};

/**
 * Formats a number for a description or a subtitle: `digits` decimals, decimal point in English
 * and decimal comma in Vietnamese, no grouping (deterministic, independent of the host's Intl data).
 */
export function formatNumber(value: number, digits: number, locale: ChartLocale): string {
  const fixed = (Object.is(value, -0) ? 0 : value).toFixed(digits);
  const clean = /^-0(\.0*)?$/.test(fixed) ? fixed.slice(1) : fixed;
  return locale === 'vi' ? clean.replace('.', ',') : clean;
}

/** Formats a fraction as a percentage, `0.1234` as `12.3%` (`12,3%` in Vietnamese). */
export function formatPercent(fraction: number, digits: number, locale: ChartLocale): string {
  return `${formatNumber(100 * fraction, digits, locale)}%`;
}

/** Rounds for the data of a spec: enough digits for any plot, fewer bytes, stable text. */
export function round(value: number, digits = 6): number {
  const out = Number(value.toFixed(digits));
  return Object.is(out, -0) ? 0 : out;
}

/** Common options after validation and defaults. */
export interface ResolvedChartOptions {
  readonly locale: ChartLocale;
  readonly width: number;
  readonly height: number;
  readonly title: string | undefined;
}

/** The zod shape of {@link ChartOptions}, to spread into a chart's own strict options schema. */
export const chartOptionsShape = {
  locale: z.enum(['en', 'vi']).optional(),
  width: numberSchema({ min: 40, max: 4000 }).optional(),
  height: numberSchema({ min: 40, max: 4000 }).optional(),
  title: z.string().min(1).max(200).optional(),
};

/**
 * Parses a chart's options with `shape` (its own keys, merged with the common ones); records issues
 * under `['options', ...]`. Returns the parsed object (possibly empty) or `undefined` when invalid.
 */
export function parseChartOptions<S extends z.core.$ZodLooseShape>(
  options: unknown,
  shape: S,
  issues: IssueList,
): (Partial<z.output<z.ZodObject<S & typeof chartOptionsShape>>> & ResolvedChartOptions) | undefined {
  const schema = z.strictObject({ ...chartOptionsShape, ...shape }).optional();
  const parsed = parseInput(schema, options, 'options', issues) as Record<string, unknown> | undefined;
  if (parsed === undefined && options !== undefined) return undefined;
  const p = parsed ?? {};
  return {
    ...p,
    locale: (p.locale as ChartLocale | undefined) ?? 'en',
    width: (p.width as number | undefined) ?? 480,
    height: (p.height as number | undefined) ?? 280,
    title: p.title as string | undefined,
  } as Partial<z.output<z.ZodObject<S & typeof chartOptionsShape>>> & ResolvedChartOptions;
}

/** The parts of a spec that every chart sets. */
export interface SpecFrame {
  readonly title: string;
  readonly subtitle?: string | readonly string[] | undefined;
  readonly description: string;
}

/**
 * Wraps the body of a spec (data, marks, encodings or layers) with the schema, title, description,
 * size and a config of fixed fonts and sizes.
 */
export function chartSpec(frame: SpecFrame, options: ResolvedChartOptions, body: Record<string, unknown>, sized = true): ChartSpec {
  const title: { text: string; subtitle?: string | readonly string[] } = { text: options.title ?? frame.title };
  if (frame.subtitle !== undefined) title.subtitle = frame.subtitle;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    description: frame.description,
    ...(sized ? { width: options.width, height: options.height } : {}),
    ...body,
    config: {
      font: FONT,
      background: '#ffffff',
      padding: 8,
      locale: options.locale === 'vi' ? VI_LOCALE : EN_LOCALE,
      title: { fontSize: 15, subtitleFontSize: 12, anchor: 'start', subtitleColor: '#333333' },
      axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#222222', titleColor: '#222222', gridColor: '#e4e4e4' },
      legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', labelLimit: 320 },
      header: { labelFontSize: 11, titleFontSize: 12 },
      range: { category: [...CATEGORY_COLORS] },
      view: { stroke: null },
    },
  };
}

/** Throws the collected issues, or returns `value` (typed as present) when there are none. */
export function done<T>(issues: IssueList, value: T | undefined): T {
  issues.throwIfAny();
  return value as T;
}

export { IssueList, numberSchema, parseInput, z };
