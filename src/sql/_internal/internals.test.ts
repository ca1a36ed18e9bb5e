/**
 * The SQL area's private helpers, case by case: identifier limits to the byte, UTF-8 lengths at
 * each encoding boundary, number literals, the readers of driver values (numbers, bigints, integer
 * and decimal text; nothing that merely converts to one), the runners' client and count checks,
 * and the bulk-insert choice. Written against the survivors of the 2026-12-07 mutation run of
 * src/sql/_internal (docs/quality.md, fourth session).
 */
import { describe, expect, it } from 'vitest';
import { MetricsInputError } from '../../errors.js';
import { IssueList } from '../../_lib/validate.js';
import { issueSummaries, thrownIssues } from '../../../test/helpers/thrown-issues.js';
import { identifierProblem, numberLiteral, utf8Length } from './dialect.js';
import { checkRows, readId, readInteger, readNonNegative, readUnits } from './rowValues.js';
import { checkClient, checkDriver, insertRows, readCounts, withClientDialect } from './runner.js';
import { readSubscriptionCounts, readSubscriptionSource } from './subscriptions.js';
import { parseOptions, readEndSource } from './source.js';
import { rfmSummaryInSql, rfmSummarySql, scoreCustomersInSql, type SqlClient } from '../index.js';

/** Runs `read` with a fresh issue list; returns its value and `code path message` of each issue. */
function collect<T>(read: (issues: IssueList) => T): { value: T; issues: string[] } {
  const issues = new IssueList();
  const value = read(issues);
  return { value, issues: issues.toArray().map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`) };
}

describe('identifiers and literals', () => {
  it('utf8Length counts 1, 2, 3 and 4 bytes at each boundary of UTF-8 (a lone surrogate as 3)', () => {
    expect([utf8Length('\u007f'), utf8Length('\u0080'), utf8Length('\u07ff'), utf8Length('\u0800'), utf8Length('\uffff'), utf8Length('\u{10000}'), utf8Length('\ud800')]).toEqual([1, 2, 2, 3, 3, 4, 3]);
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Length('')).toBe(0);
  });

  it('an identifier part of exactly 63 bytes is accepted, 64 bytes refused (PostgreSQL keeps 63)', () => {
    expect(identifierProblem('x'.repeat(63), 'postgres')).toBeUndefined();
    expect(identifierProblem('é'.repeat(31) + 'x', 'postgres')).toBeUndefined();
    expect(identifierProblem('x'.repeat(64), 'duckdb')).toBe('must have at most 63 bytes (UTF-8)');
    expect(identifierProblem('€'.repeat(21) + 'x', 'clickhouse')).toBe('must have at most 63 bytes (UTF-8)');
  });

  it('backticks and backslashes are refused for ClickHouse only; double-quoted dialects quote them', () => {
    for (const part of ['a`b', 'a\\b']) {
      expect(identifierProblem(part, 'duckdb')).toBeUndefined();
      expect(identifierProblem(part, 'postgres')).toBeUndefined();
      expect(identifierProblem(part, 'clickhouse')).toBe('must not contain a backtick or a backslash (ClickHouse)');
    }
    expect(rfmSummarySql({ dialect: 'postgres', table: 'we`ird\\name', columns: { customerId: 'id', timestamp: 'ts' }, observationEnd: 0 })).toContain('FROM "we`ird\\name"');
  });

  it('numberLiteral refuses what is not finite, and writes exponent forms out in full', () => {
    expect(() => numberLiteral(Number.POSITIVE_INFINITY)).toThrow(new RangeError('numberLiteral: not finite'));
    expect(() => numberLiteral(Number.NaN)).toThrow(new RangeError('numberLiteral: not finite'));
    expect(numberLiteral(1e21)).toBe('1000000000000000000000');
    expect(numberLiteral(-1.5e-7)).toBe('-0.00000015');
    expect(numberLiteral(1.2345e25)).toBe('12345000000000000000000000');
  });
});

describe('row values', () => {
  it('readInteger: numbers, bigints and integer text; not an array or object that converts to one', () => {
    expect(collect((i) => [readInteger(5n, ['r'], 0, i), readInteger('+12', ['r'], 0, i), readInteger('-3', ['r'], -5, i), readInteger(7, ['r'], 0, i)])).toEqual({ value: [5, 12, -3, 7], issues: [] });
    expect(collect((i) => readInteger([5], ['r'], 0, i)).issues).toEqual(['invalid_type r: must be a whole number (a number or an integer string)']);
    expect(collect((i) => readInteger({ toString: () => '5' }, ['r'], 0, i)).issues).toEqual(['invalid_type r: must be a whole number (a number or an integer string)']);
    expect(collect((i) => readInteger(2n ** 60n, ['r'], 0, i)).issues).toEqual(['invalid_type r: must be a whole number (a number or an integer string)']);
    expect(collect((i) => readInteger(undefined, ['r'], 0, i)).issues).toEqual(['invalid_type r: is required']);
    expect(collect((i) => readInteger(' 5', ['r'], 0, i)).value).toBeUndefined();
  });

  it('readNonNegative: numbers and decimal text (exponents too); not an array, null or a bigint', () => {
    expect(collect((i) => [readNonNegative('1.5e2', ['r'], i), readNonNegative('.5', ['r'], i), readNonNegative(0, ['r'], i)])).toEqual({ value: [150, 0.5, 0], issues: [] });
    expect(collect((i) => readNonNegative(['2'], ['r'], i)).issues).toEqual(['invalid_type r: must be a finite number']);
    expect(collect((i) => readNonNegative({ toString: () => '2' }, ['r'], i)).issues).toEqual(['invalid_type r: must be a finite number']);
    expect(collect((i) => readNonNegative(null, ['r'], i)).issues).toEqual(['invalid_type r: must be a finite number']);
    expect(collect((i) => readNonNegative(undefined, ['r'], i)).issues).toEqual(['invalid_type r: is required']);
    expect(collect((i) => readNonNegative(Number.NaN, ['r'], i)).issues).toEqual(['not_finite r: must be a finite number']);
  });

  it('readUnits: safe integers, bigints and integer text (trimmed) as exact amounts; not fractions or unsafe numbers', () => {
    const read = (v: unknown, scale = 2) => collect((i) => readUnits(v, ['u'], scale, i)?.toString());
    expect(read(1234)).toEqual({ value: '12.34', issues: [] });
    expect(read(12345678901234567890n)).toEqual({ value: '123456789012345678.9', issues: [] });
    expect(read(' 250 ')).toEqual({ value: '2.5', issues: [] });
    expect(read('-7', 0)).toEqual({ value: '-7', issues: [] });
    const whole = 'invalid_type u: must be a whole number of units (a safe integer or an integer string)';
    expect(read(1.5).issues).toEqual([whole]);
    expect(read(2 ** 53).issues).toEqual([whole]);
    expect(read('1.5').issues).toEqual([whole]);
    expect(read([12]).issues).toEqual([whole]);
    expect(read(undefined).issues).toEqual(['invalid_type u: is required']);
  });

  it('readId: strings and finite numbers as given, bigints as numbers when safe and as text beyond', () => {
    expect(collect((i) => [readId('a', ['id'], i), readId(0, ['id'], i), readId(42n, ['id'], i), readId(2n ** 60n, ['id'], i)])).toEqual({ value: ['a', 0, 42, '1152921504606846976'], issues: [] });
    expect(collect((i) => readId(Number.NaN, ['id'], i)).issues).toEqual(['invalid_type id: must be a string or a finite number']);
    expect(collect((i) => readId(Number.POSITIVE_INFINITY, ['id'], i)).issues).toEqual(['invalid_type id: must be a string or a finite number']);
    expect(collect((i) => readId({}, ['id'], i)).issues).toEqual(['invalid_type id: must be a string or a finite number']);
    expect(collect((i) => readId(null, ['id'], i)).issues).toEqual(['invalid_type id: is required']);
    expect(collect((i) => readId(undefined, ['id'], i)).issues).toEqual(['invalid_type id: is required']);
  });

  it('checkRows: messages for a missing argument and for a value that is not an array', () => {
    expect(collect((i) => checkRows(undefined, 'rows', i))).toEqual({ value: false, issues: ['invalid_type rows: is required'] });
    expect(collect((i) => checkRows({}, 'rows', i))).toEqual({ value: false, issues: ['invalid_type rows: must be an array of rows'] });
  });
});

describe('runners: client, counts, options', () => {
  const fakeClient = (rows: unknown[], extra: Partial<SqlClient> = {}): SqlClient & { statements: string[] } => {
    const statements: string[] = [];
    return { dialect: 'duckdb', query: async () => rows as never, execute: async (sql: string) => void statements.push(sql), statements, ...extra };
  };
  const options = { table: 'tx', columns: { customerId: 'id', timestamp: 'ts' }, observationEnd: 0 };

  it('checkClient: messages for a missing client, a non-object, and a dialect outside the list (named in the message)', () => {
    expect(collect((i) => checkClient(undefined, i)).issues).toEqual(['invalid_type client: is required']);
    expect(collect((i) => checkClient('duckdb', i)).issues).toEqual(['invalid_type client: must be an SQL client (see duckDbClient, postgresClient, clickHouseClient)']);
    expect(collect((i) => checkClient(null, i)).issues).toEqual(['invalid_type client: must be an SQL client (see duckDbClient, postgresClient, clickHouseClient)']);
    expect(collect((i) => checkClient({ dialect: 'mysql', query() {}, execute() {} }, i)).issues).toEqual(['invalid_value client.dialect: must be one of "duckdb", "postgres", "clickhouse"']);
    expect(collect((i) => checkClient({ dialect: 'duckdb', query() {}, execute() {}, insert: 1 }, i))).toEqual({ value: false, issues: ['invalid_type client.insert: must be a function when given'] });
  });

  it('a runner with a client of an unknown dialect reports the client only, not the options', async () => {
    const client = { ...fakeClient([]), dialect: 'mysql' } as unknown as SqlClient;
    const error = await rfmSummaryInSql(client, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricsInputError);
    expect((error as MetricsInputError).issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(['invalid_value client.dialect']);
  });

  it('a count query that returns no row is an error, not a crash inside the reader', async () => {
    await expect(rfmSummaryInSql(fakeClient([]), options)).rejects.toThrow('rfmSummaryInSql: the count query returned no row');
    await expect(scoreCustomersInSql(fakeClient([]), { ...options, horizon: { length: 1, unit: 'month' }, scoresTable: 's' })).rejects.toThrow(new TypeError('scoreCustomersInSql: the count query returned no row'));
    expect(collect((i) => readCounts(undefined, i))).toEqual({ value: undefined, issues: [] });
  });

  it('count rows the reader cannot read are reported at their column', () => {
    const bad = collect((i) => readCounts({ rows: 'many', valid_rows: -1, after_observation_end: 1.5, amount_null: 'x' }, i));
    expect(bad.value).toBeUndefined();
    expect(bad.issues.map((s) => s.split(':')[0])).toEqual(['invalid_type counts.rows', 'too_small counts.valid_rows', 'invalid_type counts.after_observation_end', 'invalid_type counts.amount_null']);
    expect(collect((i) => readCounts({ rows: 5, valid_rows: '4', after_observation_end: 1n, customer_id_null: 1, timestamp_null: 0 }, i))).toEqual({
      value: { rows: 5, usedRows: 3, afterObservationEnd: 1, invalid: { customerIdNull: 1, timestampNull: 0 } },
      issues: [],
    });
  });

  it('subscription counts: no row and unreadable columns are issues at their path', () => {
    expect(collect((i) => readSubscriptionCounts(undefined, i)).issues).toEqual(['invalid_structure counts: the count query returned no row']);
    const bad = collect((i) => readSubscriptionCounts({ rows: 3, valid_rows: 'x', customer_id_null: 0, start_null: -1, end_before_start: 0 }, i));
    expect(bad.value).toBeUndefined();
    expect(bad.issues.map((s) => s.split(':')[0])).toEqual(['invalid_type counts.valid_rows', 'too_small counts.start_null']);
    // One unreadable count is enough for no result, and its issue names its column.
    const good = { rows: 3, valid_rows: 2, customer_id_null: 0, start_null: 1, end_before_start: 0 };
    for (const column of Object.keys(good)) {
      const one = collect((i) => readSubscriptionCounts({ ...good, [column]: 'x' }, i));
      expect(one).toEqual({ value: undefined, issues: [`invalid_type counts.${column}: must be a whole number (a number or an integer string)`] });
    }
    expect(collect((i) => readSubscriptionCounts({ rows: 3, valid_rows: 2, customer_id_null: 0, start_null: 1, end_before_start: 0 }, i)).value).toEqual({
      rows: 3,
      validRows: 2,
      invalid: { customerIdNull: 0, startNull: 1, endBeforeStart: 0 },
    });
  });

  it('insertRows uses the client\'s bulk insert when it has one, INSERT ... VALUES batches of 2,000 otherwise, nothing for no rows', async () => {
    const inserted: unknown[] = [];
    const bulk = fakeClient([], { insert: async (table, columns, rows) => void inserted.push([table, columns, rows.length]) });
    const rows = Array.from({ length: 4001 }, (_, i) => [i, i / 2]);
    await insertRows(bulk, '"t"', ['a', 'b'], ['"a"', '"b"'], rows);
    expect(inserted).toEqual([['"t"', ['a', 'b'], 4001]]);
    expect(bulk.statements).toEqual([]);
    const plain = fakeClient([], { dialect: 'postgres' });
    await insertRows(plain, '"t"', ['a', 'b'], ['"a"', '"b"'], rows);
    expect(plain.statements.map((s) => (s.match(/\(/g) ?? []).length - 1)).toEqual([2000, 2000, 1]);
    expect(plain.statements[2]).toBe('INSERT INTO "t" ("a", "b") VALUES (4000, 2000)');
    const none = fakeClient([]);
    await insertRows(none, '"t"', ['a'], ['"a"'], []);
    expect(none.statements).toEqual([]);
  });

  it('withClientDialect passes a non-object through, and names a dialect given in the options', () => {
    expect(collect((i) => withClientDialect(null, 'duckdb', i))).toEqual({ value: null, issues: [] });
    expect(collect((i) => withClientDialect('x', 'duckdb', i))).toEqual({ value: 'x', issues: [] });
    expect(collect((i) => withClientDialect({ dialect: 'postgres', a: 1 }, 'duckdb', i))).toEqual({
      value: { dialect: 'duckdb', a: 1 },
      issues: ['unrecognized_key options.dialect: is not an option here: the client decides the dialect'],
    });
  });

  it('checkDriver: messages for a missing driver and a non-object', () => {
    expect(thrownIssues(() => checkDriver(undefined, 'client', ['query'])).map((i) => i.message)).toEqual(['is required']);
    expect(thrownIssues(() => checkDriver(3, 'client', ['query'])).map((i) => i.message)).toEqual(['must be a driver object']);
  });
});

describe('builder options', () => {
  it('options missing or not an object: one issue with its message, for transactions and subscriptions', () => {
    expect(collect((i) => parseOptions(undefined, {}, i)).issues).toEqual(['invalid_type options: is required']);
    expect(collect((i) => parseOptions(null, {}, i)).issues).toEqual(['invalid_type options: must be an object']);
    expect(collect((i) => parseOptions('tx', {}, i)).issues).toEqual(['invalid_type options: must be an object']);
    expect(collect((i) => readEndSource(null, {}, i)).issues).toEqual(['invalid_type options: must be an object']);
    expect(collect((i) => readSubscriptionSource(undefined, {}, i)).issues).toEqual(['invalid_type options: is required']);
    expect(collect((i) => readSubscriptionSource(null, {}, i)).issues).toEqual(['invalid_type options: must be an object']);
  });

  it('readSubscriptionSource gives no source when any one part is refused (table, a column, observationEnd), with that issue', () => {
    const good = { dialect: 'postgres', table: 'subs', columns: { customerId: 'id', start: 's', end: 'e' }, observationEnd: 0 };
    expect(collect((i) => readSubscriptionSource(good, {}, i))).toEqual({
      value: { src: { dialect: 'postgres', table: '"subs"', id: '"id"', start: '"s"', end: '"e"', endMs: 0 }, parsed: good },
      issues: [],
    });
    const bad: [string, unknown][] = [
      ['options.table', { ...good, table: '' }],
      ['options.columns.customerId', { ...good, columns: { ...good.columns, customerId: '' } }],
      ['options.columns.start', { ...good, columns: { ...good.columns, start: 'a\u0000' } }],
      ['options.columns.end', { ...good, columns: { ...good.columns, end: 'x'.repeat(64) } }],
      ['options.observationEnd', { ...good, observationEnd: Number.NaN }],
    ];
    for (const [path, options] of bad) {
      const out = collect((i) => readSubscriptionSource(options, {}, i));
      expect([out.value, out.issues.map((s) => s.split(':')[0]?.split(' ')[1])], path).toEqual([undefined, [path]]);
    }
  });

  it('a table name of exactly three parts is accepted, four refused', () => {
    expect(rfmSummarySql({ dialect: 'duckdb', table: 'db.shop.tx', columns: { customerId: 'id', timestamp: 'ts' }, observationEnd: 0 })).toContain('FROM "db"."shop"."tx"');
    expect(issueSummaries(() => rfmSummarySql({ dialect: 'duckdb', table: 'db.shop.x.tx', columns: { customerId: 'id', timestamp: 'ts' }, observationEnd: 0 }))).toEqual(['invalid_value options.table']);
  });
});
