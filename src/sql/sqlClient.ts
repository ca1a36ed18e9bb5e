import { IssueList } from '../_lib/validate.js';
import { SQL_DIALECTS, type SqlDialect } from './_internal/dialect.js';

export type { SqlDialect } from './_internal/dialect.js';

/** One result row: column name to value (numbers, strings, `null`; 64-bit integers may be strings). */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * What the library needs from a database connection: the dialect and a way to run SQL. The adapters
 * {@link duckDbClient}, {@link postgresClient} and {@link clickHouseClient} build one from the
 * driver objects users already have; any object of this shape works (the library imports no driver).
 */
export interface SqlClient {
  /** The engine's SQL dialect. */
  readonly dialect: SqlDialect;
  /** Runs one SELECT and resolves to its rows. */
  query(sql: string): Promise<readonly SqlRow[]>;
  /** Runs one statement without a result (CREATE, DROP, INSERT). */
  execute(sql: string): Promise<void>;
  /**
   * Optional bulk insert of numeric rows into an existing table (its name already quoted for the
   * dialect). Without it, rows are written with multi-row `INSERT ... VALUES` statements.
   */
  insert?(table: string, columns: readonly string[], rows: readonly (readonly number[])[]): Promise<void>;
  /**
   * Optional columnar read of a SELECT whose columns are all numeric: one `Float64Array` per column
   * (by column name), SQL NULL as `NaN`. The library uses it for results of 10^5 rows and more (the
   * spend patterns), where one object per row would cost far more memory and time; without it, the
   * same SELECT goes through {@link SqlClient.query}.
   */
  queryNumbers?(sql: string): Promise<Readonly<Record<string, Float64Array>>>;
}

/**
 * The error of a statement the engine refused or failed: the SQL that failed is in `sql`, the
 * driver's error in `cause`. The message does not repeat the engine's text, which can quote data.
 *
 * @example
 * ```ts
 * import { SqlQueryError } from 'customer-metrics/sql';
 * const error = new SqlQueryError('duckdb', 'SELECT 1/0', new Error('boom'));
 * [error.name, error.sql, (error.cause as Error).message]; // => ['SqlQueryError', 'SELECT 1/0', 'boom']
 * ```
 */
export class SqlQueryError extends Error {
  /** The statement that failed. */
  readonly sql: string;
  /** The dialect of the engine. */
  readonly dialect: SqlDialect;

  /**
   * @param dialect - The engine's dialect.
   * @param sql - The statement that failed.
   * @param cause - The driver's error.
   */
  constructor(dialect: SqlDialect, sql: string, cause: unknown) {
    // Made by the adapters from a checked client; a caller constructing one by hand gets the same
    // boundary checks as every function (a dialect of the list, SQL as text).
    const issues = new IssueList();
    if (!(SQL_DIALECTS as readonly unknown[]).includes(dialect)) issues.add('invalid_value', ['dialect'], 'must be one of "duckdb", "postgres", "clickhouse"');
    if (typeof sql !== 'string') issues.add('invalid_type', ['sql'], 'must be a string');
    issues.throwIfAny();
    super(`The ${dialect} engine failed on a statement (the SQL is in .sql, the engine's error in .cause)`, { cause });
    this.name = 'SqlQueryError';
    this.sql = sql;
    this.dialect = dialect;
  }
}
