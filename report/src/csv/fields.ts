/**
 * Field parsers for the report's CSV files: ISO dates, decimal amounts, counts. Each returns
 * `undefined` for a value it cannot read; the caller records the row as rejected with the reason.
 */

const DAY = 86_400_000;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let k = from; k < from + count; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO 8601 calendar date (`2026-03-31`) or date-time (`2026-03-31T14:05:00Z`, `...+07:00`; no
 * zone means UTC) as epoch milliseconds; `undefined` for anything else, including impossible dates
 * such as `2026-02-30`.
 */
export function parseIsoDate(text: string): number | undefined {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    // The common case, without a regular expression.
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return Date.UTC(year, month - 1, day);
  }
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m as unknown as [string, string, string, string, string, string, string | undefined, string | undefined, string | undefined];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second) + (frac === undefined ? 0 : Math.floor(Number(frac) * 1000));
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const body = zone.slice(1).replace(':', '');
    const offset = Number(body.slice(0, 2)) * 60 + Number(body.slice(2));
    if (Number(body.slice(0, 2)) > 23 || Number(body.slice(2)) > 59) return undefined;
    ms -= sign * offset * 60_000;
  }
  return ms;
}

/** The UTC day (epoch days) of epoch milliseconds. */
export function epochDay(ms: number): number {
  return Math.floor(ms / DAY);
}

/** A plain decimal number (`12`, `12.50`, `-3.2`, `.5`); no thousands separators, no exponent, no currency sign. */
export function parseDecimal(text: string): number | undefined {
  // A character scan instead of a regular expression: this runs once per transaction.
  const n = text.length;
  let i = 0;
  const first = n > 0 ? text.charCodeAt(0) : 0;
  if (first === 43 || first === 45) i = 1; // + or -
  let digits = 0;
  let dot = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return undefined;
  }
  if (digits === 0) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * {@link parseIsoDate} with a cache: exports repeat the same few thousand dates millions of times.
 * The cache stops growing at `limit` distinct texts (date-times rarely repeat).
 */
export function cachedDateParser(limit = 100_000): (text: string) => number | undefined {
  const cache = new Map<string, number | undefined>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = parseIsoDate(text);
      if (cache.size < limit) cache.set(text, value);
    }
    return value;
  };
}

/** A whole number of at least 0 (`0`, `12`). */
export function parseCount(text: string): number | undefined {
  if (text.length === 0 || text.length > 15) return undefined;
  const value = digits(text, 0, text.length);
  return value < 0 ? undefined : value;
}
