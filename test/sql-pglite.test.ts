/**
 * The SQL path on PostgreSQL without a server: PGlite (`@electric-sql/pglite`, PostgreSQL 17 built
 * to WebAssembly, in process), through postgresClient. It runs the same shared suites as the
 * PostgreSQL 15 engine test (test/sql-engines/postgres.engine.ts, `npm run test:engines`), so the
 * PostgreSQL branches of the builders (EXTRACT(EPOCH ...), array_agg for the first period's total,
 * the POSIX regular expression of text amounts, DOUBLE PRECISION casts) are checked by `npm test`,
 * not only by the engine suite that needs a server.
 */
import { PGlite } from '@electric-sql/pglite';
import { postgresClient } from '../src/sql/index.js';
import { describePostgresSuites } from './helpers/postgres-suites.js';

let db: PGlite;
describePostgresSuites(
  'PGlite',
  'pgl',
  async () => {
    db = new PGlite();
    return postgresClient(db);
  },
  () => db.close(),
);
