/**
 * The `sql` area: aggregate where the data lives. SQL builders for DuckDB, PostgreSQL and
 * ClickHouse that compute, in the engine, the aggregates the library's models need (per-customer
 * summaries with `rfmSummary`'s exact semantics, the distinct patterns the fitters take as weighted
 * rows); readers that turn the result rows into the library's inputs; adapters for the users' own
 * drivers; and one call that fits the models on the patterns and writes the scores back.
 *
 * @module sql
 */
export { rfmSummarySql } from './rfmSummarySql.js';
export type { RfmSummarySqlOptions } from './rfmSummarySql.js';
export type { SqlTableName, TransactionColumns, TransactionSourceOptions } from './_internal/source.js';
export { calibrationHoldoutSql } from './calibrationHoldoutSql.js';
export type { CalibrationHoldoutSqlOptions } from './calibrationHoldoutSql.js';
export { summaryPatternsSql } from './summaryPatternsSql.js';
export type { SqlCovariateColumns, SummaryPatternsSqlOptions } from './summaryPatternsSql.js';
export { spendPatternsSql } from './spendPatternsSql.js';
export { invalidRowsSql } from './invalidRowsSql.js';
export { npsCountsSql } from './npsCountsSql.js';
export type { NpsCountsSqlOptions } from './npsCountsSql.js';
export type { InvalidRowReason } from './invalidRowsSql.js';
export { readSummaryRows } from './readSummaryRows.js';
export type { ReadMoneyOptions } from './readSummaryRows.js';
export { readSummaryPatterns } from './readSummaryPatterns.js';
export type { ReadSummaryPatternsOptions } from './readSummaryPatterns.js';
export { readSpendPatterns } from './readSpendPatterns.js';
export type { SpendPattern } from './readSpendPatterns.js';
export { SqlQueryError } from './sqlClient.js';
export type { SqlClient, SqlDialect, SqlRow } from './sqlClient.js';
export { duckDbClient } from './duckDbClient.js';
export type { DuckDbConnectionLike } from './duckDbClient.js';
export { postgresClient } from './postgresClient.js';
export type { PostgresQueryable } from './postgresClient.js';
export { clickHouseClient } from './clickHouseClient.js';
export type { ClickHouseClientLike } from './clickHouseClient.js';
export { rfmSummaryInSql } from './rfmSummaryInSql.js';
export type { RfmSummaryInSqlOptions, RfmSummaryInSqlResult, TransactionRowCounts } from './rfmSummaryInSql.js';
export { scoreCustomersInSql } from './scoreCustomersInSql.js';
export type { ScoreCustomersInSqlOptions, ScoreCustomersInSqlResult } from './scoreCustomersInSql.js';
export { invalidSubscriptionRowsSql } from './invalidSubscriptionRowsSql.js';
export type { InvalidSubscriptionRowReason, SubscriptionColumns, SubscriptionRowCounts, SubscriptionSourceOptions } from './invalidSubscriptionRowsSql.js';
export { survivalTableSql } from './survivalTableSql.js';
export type { SurvivalTableSqlOptions, SurvivalUnit } from './survivalTableSql.js';
export { readSurvivalTable } from './readSurvivalTable.js';
export type { ReadSurvivalTableOptions, WeightedSurvivalData } from './readSurvivalTable.js';
export { survivalTableInSql } from './survivalTableInSql.js';
export type { SurvivalTableInSqlOptions, SurvivalTableInSqlResult } from './survivalTableInSql.js';
export { cohortRetentionSql } from './cohortRetentionSql.js';
export type { CohortPeriod, CohortRetentionSqlOptions } from './cohortRetentionSql.js';
export { readCohortRetention } from './readCohortRetention.js';
export type { ReadCohortRetentionOptions } from './readCohortRetention.js';
export { cohortRetentionInSql } from './cohortRetentionInSql.js';
export type { CohortRetentionInSqlOptions, CohortRetentionInSqlResult } from './cohortRetentionInSql.js';
