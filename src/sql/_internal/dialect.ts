/**
 * What differs between the SQL dialects: identifier quoting, casts, the day index of a timestamp,
 * the calendar of a day index, and the total of a customer's first period. Everything else in the
 * builders is plain SQL that DuckDB, PostgreSQL 15 and ClickHouse 18.16 all accept: nested
 * subqueries with aliases (no CTE: ClickHouse 18 has none), GROUP BY, CASE (evaluated on every row by
 * ClickHouse, so no CASE guards a division: `greatest` does) and no window function.
 *
 * @internal
 * @module
 */

/** The SQL dialects the builders write. */
export type SqlDialect = 'duckdb' | 'postgres' | 'clickhouse';

/** The dialects, for validation and messages. */
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'clickhouse'];

/** The longest identifier part accepted, in UTF-8 bytes (PostgreSQL truncates beyond 63). */
export const MAX_IDENTIFIER_BYTES = 63;

// Control characters (NUL included) are refused in every dialect.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why `part` cannot be an identifier part in `dialect`, or `undefined` when it can. Double-quoted
 * identifiers (DuckDB, PostgreSQL) can hold any other character: a `"` is doubled. ClickHouse's
 * back-quoted identifiers have backslash escapes whose reading changed between versions, so a
 * backtick or a backslash is refused there rather than escaped.
 */
export function identifierProblem(part: string, dialect: SqlDialect): string | undefined {
  if (part.length === 0) return 'must not be empty';
  if (utf8Length(part) > MAX_IDENTIFIER_BYTES) return `must have at most ${MAX_IDENTIFIER_BYTES} bytes (UTF-8)`;
  if (CONTROL.test(part)) return 'must not contain control characters';
  if (dialect === 'clickhouse' && /[`\\]/.test(part)) return 'must not contain a backtick or a backslash (ClickHouse)';
  return undefined;
}

/** The UTF-8 length of `text` in bytes (a lone surrogate counts 3, as its replacement character). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** `part` quoted for `dialect`; `part` must have passed {@link identifierProblem}. */
export function quoteIdentifier(part: string, dialect: SqlDialect): string {
  return dialect === 'clickhouse' ? `\`${part}\`` : `"${part.replaceAll('"', '""')}"`;
}

/** A qualified name (schema.table) quoted part by part. */
export function quoteQualified(parts: readonly string[], dialect: SqlDialect): string {
  return parts.map((p) => quoteIdentifier(p, dialect)).join('.');
}

/**
 * A number as an SQL literal: integers as they are, other finite numbers with the digits that read
 * back as the same double (JavaScript's shortest round-trip form, never an exponent).
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('numberLiteral: not finite');
  const text = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (m === null) return text;
  // Exponent form: move the decimal point of the same shortest digits.
  const [, sign, lead, frac = '', exp] = m as unknown as [string, string, string, string | undefined, string];
  const digits = lead + frac;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  // JavaScript writes an exponent only for magnitudes below 1e-6 (point <= -5, above) or from 1e21
  // (point >= 22, more than the 17 significant digits a double has): the point is always past the
  // last digit here.
  return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
}

/**
 * A double-precision literal that reads back as exactly `value`. DuckDB reads a plain numeric
 * literal of up to 18 digits as a DECIMAL whose conversion to DOUBLE is not always the nearest
 * double (about 6% of random doubles came back one unit in the last place off), so there the digits
 * travel as text, which DuckDB converts correctly rounded; PostgreSQL converts NUMERIC to double
 * through correctly rounded text conversion, and ClickHouse reads the literal as a float.
 */
export function doubleLiteral(value: number, dialect: SqlDialect): string {
  const text = numberLiteral(value);
  return dialect === 'duckdb' ? `CAST('${text}' AS DOUBLE)` : toDouble(text, dialect);
}

/** `expr` cast to a 64-bit integer. */
export function toBigint(expr: string, dialect: SqlDialect): string {
  return dialect === 'clickhouse' ? `toInt64(${expr})` : `CAST(${expr} AS BIGINT)`;
}

/** `expr` cast to a double. */
export function toDouble(expr: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb':
      return `CAST(${expr} AS DOUBLE)`;
    case 'postgres':
      return `CAST(${expr} AS DOUBLE PRECISION)`;
    case 'clickhouse':
      return `toFloat64(${expr})`;
  }
}

/** `expr` as text. */
export function toText(expr: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb':
      return `CAST(${expr} AS VARCHAR)`;
    case 'postgres':
      return `CAST(${expr} AS TEXT)`;
    case 'clickhouse':
      return `toString(${expr})`;
  }
}

/** floor(`num` / `den`) for integer expressions, as a 64-bit integer (`den` a positive integer literal). */
export function floorDiv(num: string, den: number, dialect: SqlDialect): string {
  return toBigint(`floor(${toDouble(num, dialect)} / ${numberLiteral(den)})`, dialect);
}

/**
 * Days since 1970-01-01 UTC of the instant in column `col`: `floor(epoch / 86400)`.
 * DuckDB: `epoch_us` of a TIMESTAMP (read as UTC), TIMESTAMPTZ (an instant) or DATE (midnight UTC),
 * floored in integer arithmetic.
 * PostgreSQL: `EXTRACT(EPOCH FROM ...)` (numeric, exact) of the same three types.
 * ClickHouse: a DateTime is a Unix time; a Date is converted at midnight in the server's time zone.
 */
export function dayIndexOf(col: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb': {
      // Integer arithmetic: beyond 2^53 microseconds (June 2255) a double of epoch_us is not exact,
      // and a division by a double put the last microsecond of a day on the next one.
      const us = `epoch_us(${col})`;
      return `((${us} - ((${us} % 86400000000) + 86400000000) % 86400000000) // 86400000000)`;
    }
    case 'postgres':
      return `CAST(floor(EXTRACT(EPOCH FROM ${col}) / 86400) AS BIGINT)`;
    case 'clickhouse':
      return `toInt64(intDiv(toUInt32(toDateTime(${col})), 86400))`;
  }
}

/**
 * Months since January of year 0 of day index `day` (an integer expression): the calendar of the
 * date `1970-01-01 + day`, which has no time zone in any of the dialects.
 */
export function monthIndexOfDay(day: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb': {
      const date = `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`;
      return `(CAST(year(${date}) AS BIGINT) * 12 + CAST(month(${date}) AS BIGINT) - 1)`;
    }
    case 'postgres': {
      const date = `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`;
      return `(CAST(EXTRACT(YEAR FROM ${date}) AS BIGINT) * 12 + CAST(EXTRACT(MONTH FROM ${date}) AS BIGINT) - 1)`;
    }
    case 'clickhouse': {
      const date = `toDate(toUInt16(${day}))`;
      return `(toInt64(toYear(${date})) * 12 + toInt64(toMonth(${date})) - 1)`;
    }
  }
}

/** The total of the earliest period of a group: `total` at the smallest `p`. */
export function totalAtFirst(total: string, p: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb':
      return `arg_min(${total}, ${p})`;
    case 'postgres':
      return `(array_agg(${total} ORDER BY ${p}))[1]`;
    case 'clickhouse':
      return `argMin(${total}, ${p})`;
  }
}

/** Whether `expr` (any type) reads as a plain decimal number (text amounts). */
export function isDecimalText(expr: string, dialect: SqlDialect): string {
  const re = '^[[:space:]]*[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)[[:space:]]*$';
  switch (dialect) {
    case 'duckdb':
      return `regexp_full_match(${toText(expr, dialect)}, '${re.replaceAll('[[:space:]]', '\\s')}')`;
    case 'postgres':
      return `(${toText(expr, dialect)} ~ '${re}')`;
    case 'clickhouse':
      // re2 syntax
      return `match(${toText(expr, dialect)}, '${re.replaceAll('[[:space:]]', '\\\\s')}')`;
  }
}

/** The number in a text amount, 0 where it is not a plain decimal (never an error). */
export function decimalTextValue(expr: string, dialect: SqlDialect): string {
  switch (dialect) {
    case 'duckdb':
      return `coalesce(TRY_CAST(trim(${toText(expr, dialect)}) AS DOUBLE), 0)`;
    case 'postgres':
      return `(CASE WHEN ${isDecimalText(expr, dialect)} THEN CAST(trim(${toText(expr, dialect)}) AS DOUBLE PRECISION) ELSE 0 END)`;
    case 'clickhouse':
      return `toFloat64OrZero(replaceRegexpAll(${toText(expr, dialect)}, '^\\\\s+|\\\\s+$', ''))`;
  }
}

/** Statement to drop `table` if it exists. */
export function dropTable(table: string): string {
  return `DROP TABLE IF EXISTS ${table}`;
}

/** Column types for a table the library creates. */
export function columnType(kind: 'bigint' | 'double', dialect: SqlDialect): string {
  if (dialect === 'clickhouse') return kind === 'bigint' ? 'Int64' : 'Float64';
  if (kind === 'bigint') return 'BIGINT';
  return dialect === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
}

/** CREATE TABLE for a table of the given columns. */
export function createTable(table: string, columns: readonly (readonly [string, 'bigint' | 'double'])[], dialect: SqlDialect): string {
  const cols = columns.map(([name, kind]) => `${quoteIdentifier(name, dialect)} ${columnType(kind, dialect)}`).join(', ');
  return `CREATE TABLE ${table} (${cols})${dialect === 'clickhouse' ? ' ENGINE = Memory' : ''}`;
}
