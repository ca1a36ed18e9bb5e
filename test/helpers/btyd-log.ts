/** A generated transaction log for the SQL scale test and benchmark (no test framework imported). */
/**
 * DuckDB SQL creating `tx (customer_id, ts, amount)`: about 10 million transactions of 1,000,000
 * customers from a buy-till-you-die process per customer (used by test/sql-duckdb-scale.test.ts and
 * bench/sql.bench.ts). Customer c is born on day hash(c) mod 365 of 2023, buys every 3 to 42 days
 * (plus 0-2 days of jitter) at a random second of the day, and drops out after each purchase with
 * probability p_c (0.01 .. 0.25): K_c = floor(ln u / ln(1 - p_c)) repeat purchases. Amounts: a
 * customer's level (5.00 .. 99.99) times a per-purchase factor 0.50 .. 1.50. Purchases run to early
 * 2025.
 */
export const BTYD_LOG_SQL = `CREATE TABLE tx AS
  SELECT c AS customer_id,
         TIMESTAMP '2023-01-01' + to_days(CAST(hash(c, 4) % 365 + k * (3 + hash(c, 9) % 40) + hash(c, k) % 3 AS INTEGER))
           + to_seconds(CAST(hash(c, k, 2) % 86400 AS BIGINT)) AS ts,
         CAST((500 + hash(c, 7) % 9500) * (50 + hash(c, k, 3) % 101) / 10000 AS DECIMAL(12, 2)) AS amount
  FROM (SELECT c, floor(ln((hash(c, 10) % 10000 + 1) / 10001.0) / ln(1 - (0.01 + (hash(c, 8) % 25) / 100.0))) AS kmax FROM range(1000000) t(c)) s,
       range(120) r(k)
  WHERE k <= kmax AND hash(c, 4) % 365 + k * (3 + hash(c, 9) % 40) <= 760`;
