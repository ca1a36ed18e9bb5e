/**
 * Running SQL on a client with engine errors wrapped, and plain row values.
 *
 * @internal
 * @module
 */
import { SqlQueryError, type SqlClient, type SqlRow } from '../sqlClient.js';

/** Runs `sql` on `client`, wrapping any failure in a {@link SqlQueryError}. */
export async function runQuery(client: SqlClient, sql: string): Promise<readonly SqlRow[]> {
  try {
    return await client.query(sql);
  } catch (error) {
    throw new SqlQueryError(client.dialect, sql, error);
  }
}

/** Runs a statement on `client`, wrapping any failure in a {@link SqlQueryError}. */
export async function runStatement(client: SqlClient, sql: string): Promise<void> {
  try {
    await client.execute(sql);
  } catch (error) {
    throw new SqlQueryError(client.dialect, sql, error);
  }
}

/** A driver value as a plain JSON-like value: bigints as numbers when safe (else strings), objects as strings. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(-Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return String(value);
  return value;
}
