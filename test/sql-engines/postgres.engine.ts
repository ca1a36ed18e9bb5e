/**
 * The SQL path on PostgreSQL 15 (Debian's postgresql-15, started by scripts/sql-engines.sh on a
 * loopback port; `npm run test:engines`). Client: `pg`, through postgresClient.
 */
import pg from 'pg';
import { postgresClient } from '../../src/sql/index.js';
import { describePostgresSuites } from '../helpers/postgres-suites.js';

const url = process.env.SQL_PG_URL;
if (url === undefined) throw new Error('SQL_PG_URL is not set: run the engine tests with `npm run test:engines`');

let connection: pg.Client;
describePostgresSuites(
  'PostgreSQL',
  'pg',
  async () => {
    connection = new pg.Client({ connectionString: url });
    await connection.connect();
    return postgresClient(connection);
  },
  () => connection.end(),
);
