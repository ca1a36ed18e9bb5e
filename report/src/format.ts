/**
 * Number, share and date formatting for one locale (`en`: 1,234.5; `vi`: 1.234,5), and HTML/Markdown
 * escaping. Dates are ISO (YYYY-MM-DD, UTC) in both locales.
 */
export type Locale = 'en' | 'vi';

/** Formatting functions bound to one locale. */
export interface Formatter {
  readonly locale: Locale;
  /** A number with a fixed number of decimals. */
  num(value: number | undefined, digits?: number): string;
  /** A share (0.123) as a percentage (12.3%). */
  pct(value: number | undefined, digits?: number): string;
  /** An ISO date (YYYY-MM-DD) of epoch milliseconds or a Date. */
  date(value: number | Date): string;
}

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    cache.set(key, format);
  }
  return format;
}

/** The formatter of a locale; `n/a` (en) or `không có` (vi) for a missing value. */
export function formatter(locale: Locale): Formatter {
  const missing = locale === 'vi' ? 'không có' : 'n/a';
  return {
    locale,
    num: (value, digits = 0) => (value === undefined || !Number.isFinite(value) ? missing : numberFormat(locale, digits).format(value)),
    pct: (value, digits = 1) => (value === undefined || !Number.isFinite(value) ? missing : `${numberFormat(locale, digits).format(100 * value)}%`),
    date: (value) => new Date(typeof value === 'number' ? value : value.getTime()).toISOString().slice(0, 10),
  };
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes text for a Markdown table cell or paragraph. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
