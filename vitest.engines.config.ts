import { defineConfig } from 'vitest/config';

// The SQL engine tests (PostgreSQL 15, two-shard ClickHouse): `npm run test:engines`, which starts
// the engines with scripts/sql-engines.sh and stops them afterwards. Not part of plain `npm test`.
export default defineConfig({
  test: {
    include: ['test/sql-engines/**/*.engine.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
