/**
 * Tests of the summarising engine's parts: the exact-cents fast paths must agree with decimal.js to
 * the last digit, and the fast path must be taken exactly where the module note says it is safe
 * (observed through the fields `readTransaction` fills and the state of `MoneySum`).
 */
import { Decimal as GlobalDecimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueList } from '../../_lib/validate.js';
import {
  AmountPresence,
  CustomerRecord,
  inputForm,
  isColumnsInput,
  meanMoney,
  MoneySum,
  parseCents,
  readColumns,
  readTransaction,
  rowsFromRecords,
  StreamAccumulator,
  summarizeArray,
  summaryRow,
  ZERO,
  type GroupingSpec,
  type ReadTransaction,
} from './summarize.js';

// The library's precision (40 significant digits), not decimal.js' global default of 20.
const Decimal = GlobalDecimal.clone({ precision: 40 });

const DAY = 86_400_000;
// Generous timeout for the property tests: under mutation testing this engine is instrumented and
// runs many times slower than here (about 1 s each).
const SLOW = 300_000;
const daily: GroupingSpec = { code: 0, weekStartsOn: 1, allowRefunds: false };
const refunds: GroupingSpec = { code: 0, weekStartsOn: 1, allowRefunds: true };

const fresh = (): ReadTransaction => ({ id: 'unset', period: -1, cents: -1, dec: undefined, hasAmount: false });

/** Reads one transaction; returns what `readTransaction` filled in and the issues it recorded. */
function read(t: unknown, spec: GroupingSpec = daily) {
  const issues = new IssueList();
  const out = fresh();
  const ok = readTransaction(t, 3, 'log', spec, issues, out);
  return { ok, out, issues: issues.toArray().map((i) => [i.code, i.path.join('.')]), messages: issues.toArray().map((i) => i.message) };
}

describe('parseCents', () => {
  it.each<[string, number]>([
    ['0', 0],
    ['9', 900], // '9' is char 57, the last digit
    ['12', 1200],
    ['12.5', 1250], // one decimal: x 10
    ['12.34', 1234], // two decimals: as is
    ['0.07', 7],
    ['007.10', 710],
    ['1234567890123.4', 123_456_789_012_340], // 16 characters: the longest accepted
    ['10000000000000', 1e15], // exactly MAX_CENTS (1e13 x 100) is still exact
    ['9999999999999.99', 999_999_999_999_999],
  ])('reads %j as %d cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it('refuses the empty string and strings longer than 16 characters', () => {
    expect(parseCents('')).toBeNaN();
    expect(parseCents('0000000000000000')).toBe(0); // 16 characters
    expect(parseCents('00000000000000000')).toBeNaN(); // 17 characters
    expect(parseCents('00000000000001.5')).toBe(150); // 16 characters
    expect(parseCents('000000000000001.5')).toBeNaN(); // 17 characters
  });

  it.each<[string]>([
    ['12.345'], // three decimals
    ['.5'], // a leading dot
    ['5.'], // a trailing dot
    ['1.2.3'], // two dots
    ['1..2'], // two dots in a row
    ['-1'],
    ['+1'],
    ['1e2'],
    [' 1'],
    ['1 '],
    ['1/2'], // '/' is char 47, just below '0'
    ['1:2'], // ':' is char 58, just above '9'
    ['12,50'],
    ['10000000000001'], // 1e15 + 100 cents: beyond MAX_CENTS
    ['10000000000000.1'], // 1e15 + 10 cents
    ['9999999999999999'], // 16 digits: not even exact as a double (it reads as 1e16)
  ])('refuses %j (decimal.js reads it instead)', (text) => {
    expect(parseCents(text)).toBeNaN();
  });

  it('agrees with decimal.js on every plain string it accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,16}(\.\d{1,2})?$/), (text) => {
        const cents = parseCents(text);
        const exact = new Decimal(text).times(100);
        if (exact.lte(1e15)) expect(cents).toBe(exact.toNumber());
        else expect(cents).toBeNaN();
      }),
      { seed: 7001, numRuns: 300 },
    );
  });
});

describe('meanMoney', () => {
  it('divides whole cents exactly', () => {
    // 300 cents / 3 = 100 cents = 1; 1000 cents / 4 = 250 cents = 2.5; -900 / 3 = -3.
    expect(meanMoney(300, undefined, 3).toString()).toBe('1');
    expect(meanMoney(1000, undefined, 4).toString()).toBe('2.5');
    expect(meanMoney(-900, undefined, 3).toString()).toBe('-3');
  });

  it('divides with decimal.js (40 digits) when the cents do not divide evenly', () => {
    // 100 cents / 3 = 1/3: forty 3s, not the double 0.3333333333333333.
    expect(meanMoney(100, undefined, 3).toString()).toBe(`0.${'3'.repeat(40)}`);
    // -200 cents / 3 = -2/3 rounded half-even at 40 digits.
    expect(meanMoney(-200, undefined, 3).toString()).toBe(`-0.${'6'.repeat(39)}7`);
  });

  it('keeps whole-cent means beyond 1e15 cents exact (a double m / 100 would not be)', () => {
    // 9,000,000,000,000,001 cents (< 2^53): as a double 90000000000000.01 is not exact (doubles
    // near 9e13 are 1/64 apart), so this mean must go through decimal.js.
    expect(meanMoney(9_000_000_000_000_001, undefined, 1).toString()).toBe('90000000000000.01');
    expect(meanMoney(-9_000_000_000_000_001, undefined, 1).toString()).toBe('-90000000000000.01');
    // 2 x 4,500,000,000,000,001 / 2: the quotient is whole but beyond the bound as well.
    expect(meanMoney(9_000_000_000_000_002, undefined, 2).toString()).toBe('45000000000000.01');
    // At the bound itself: 1e15 cents = 1e13.
    expect(meanMoney(1e15, undefined, 1).toString()).toBe('10000000000000');
    expect(meanMoney(-1e15, undefined, 1).toString()).toBe('-10000000000000');
  });

  it('adds the Decimal part before dividing', () => {
    // (150 cents + 0.001) / 2 = 1.501 / 2 = 0.7505.
    expect(meanMoney(150, new Decimal('0.001'), 2).toString()).toBe('0.7505');
    // (0 cents + 1/3 at 40 digits) / 1.
    expect(meanMoney(0, new Decimal(1).div(3), 1).toString()).toBe(`0.${'3'.repeat(40)}`);
  });

  it('gives ZERO to rows without repeat purchases', () => {
    expect(summaryRow('a', 0, 0, 5, 999, undefined).monetaryValue).toBe(ZERO);
    expect(ZERO.toString()).toBe('0');
    // 999 cents over 2 repeat periods = 4.995.
    const row = summaryRow('a', 2, 1, 5, 999, undefined);
    expect({ ...row, monetaryValue: row.monetaryValue.toString() }).toEqual({ customerId: 'a', frequency: 2, recency: 1, T: 5, monetaryValue: '4.995' });
  });
});

describe('MoneySum', () => {
  it('adds integer cents while the sum is a safe integer, and moves the rest to decimal.js', () => {
    const s = new MoneySum();
    s.add(Number.MAX_SAFE_INTEGER - 1, undefined);
    s.add(1, undefined); // exactly MAX_SAFE_INTEGER: still an integer sum
    expect([s.cents, s.dec]).toEqual([Number.MAX_SAFE_INTEGER, undefined]);
    s.add(1, undefined); // 2^53: no longer safe, the 1 cent goes to dec
    expect(s.cents).toBe(Number.MAX_SAFE_INTEGER);
    expect(s.dec?.toString()).toBe('0.01');
    s.add(2, undefined);
    expect(s.dec?.toString()).toBe('0.03');
    // 9007199254740991 cents + 0.03 = 90071992547409.94
    expect(s.value().toString()).toBe('90071992547409.94');
  });

  it('does the same below -MAX_SAFE_INTEGER (refunds)', () => {
    const s = new MoneySum();
    s.add(-Number.MAX_SAFE_INTEGER, undefined);
    expect([s.cents, s.dec]).toEqual([-Number.MAX_SAFE_INTEGER, undefined]);
    s.add(-5, undefined);
    expect([s.cents, s.dec?.toString()]).toEqual([-Number.MAX_SAFE_INTEGER, '-0.05']);
    expect(s.value().toString()).toBe('-90071992547409.96');
  });

  it('keeps Decimal amounts in dec and adds them exactly', () => {
    const s = new MoneySum();
    s.add(Number.NaN, new Decimal('0.001'));
    s.add(250, undefined);
    s.add(Number.NaN, new Decimal('1e-20'));
    expect(s.cents).toBe(250);
    // 2.50 + 0.001 + 1e-20
    expect(s.value().toString()).toBe('2.50100000000000000001');
    expect(new MoneySum().value().toString()).toBe('0');
  });
});

describe('CustomerRecord', () => {
  it('keeps distinct periods sorted and splits the first period total from the repeat total', () => {
    const rec = new CustomerRecord(10);
    rec.first.add(100, undefined); // the creating purchase, as StreamAccumulator adds it
    rec.add(10, 50, undefined); // same first period: 1.50 in first
    rec.add(14, 7, undefined); // later: pushed
    rec.add(12, 3, undefined); // between: binary search insert
    rec.add(12, 4, undefined); // existing middle period: not inserted again
    rec.add(11, 1, undefined); // inserted before 12
    rec.add(13, 2, undefined); // inserted between 12 and 14
    rec.add(14, 9, undefined); // the last period again
    expect(rec.periods).toEqual([10, 11, 12, 13, 14]);
    expect(rec.first.value().toString()).toBe('1.5');
    // 7 + 3 + 4 + 1 + 2 + 9 = 26 cents
    expect(rec.repeat.value().toString()).toBe('0.26');
  });

  it('turns the former first period into a repeat period when an earlier one arrives', () => {
    const rec = new CustomerRecord(20);
    rec.first.add(500, undefined);
    rec.first.add(Number.NaN, new Decimal('0.001'));
    rec.add(25, 100, undefined);
    rec.add(15, 30, undefined); // new first: 5.001 joins the repeats
    expect(rec.periods).toEqual([15, 20, 25]);
    expect(rec.first.value().toString()).toBe('0.3');
    // 1.00 + 5.00 + 0.001
    expect(rec.repeat.value().toString()).toBe('6.001');
    rec.add(5, Number.NaN, new Decimal('0.5'));
    expect(rec.periods).toEqual([5, 15, 20, 25]);
    expect([rec.first.cents, rec.first.dec?.toString()]).toEqual([0, '0.5']);
    expect(rec.repeat.value().toString()).toBe('6.301');
  });

  it('binary-searches long period lists', () => {
    // Insert the periods 0..40 in a scrambled order; every one must end up once, in order.
    const rec = new CustomerRecord(0);
    const order = Array.from({ length: 40 }, (_, i) => ((i * 17) % 40) + 1);
    for (const p of order) rec.add(p, 1, undefined);
    for (const p of order) rec.add(p, 1, undefined);
    expect(rec.periods).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(rec.repeat.cents).toBe(80);
  });
});

describe('AmountPresence', () => {
  it('reports mixed presence at the later of the first position with and the first without', () => {
    const cases: [boolean[], (string | number)[] | undefined][] = [
      [[true, true, true], undefined],
      [[false, false], undefined],
      [[true, true, false, true, false], ['t', 2, 'amount']],
      [[false, false, false, true, false], ['t', 3, 'amount']],
      [[true, false], ['t', 1, 'amount']],
      // Only the first position of each kind counts (a later one does not move it).
      [[true, false, true], ['t', 1, 'amount']],
      [[false, true, false], ['t', 1, 'amount']],
    ];
    for (const [flags, path] of cases) {
      const p = new AmountPresence();
      flags.forEach((f, i) => p.note(f, i));
      const issues = new IssueList();
      p.report('t', issues);
      const list = issues.toArray();
      expect(list.map((i) => i.path)).toEqual(path === undefined ? [] : [path]);
      expect(list.map((i) => i.code)).toEqual(path === undefined ? [] : ['invalid_structure']);
      expect(p.anyAmount).toBe(flags.includes(true));
    }
    // Position 0 counts as a first position (>= 0, not > 0).
    const p = new AmountPresence();
    p.note(false, 0);
    p.note(true, 0);
    const issues = new IssueList();
    p.report('t', issues);
    expect(issues.toArray().map((i) => i.path)).toEqual([['t', 0, 'amount']]);
    expect(issues.toArray()[0]?.message).toBe('must be given for every transaction or for none');
  });
});

describe('readTransaction', () => {
  it('reads ids, dates and periods', () => {
    expect(read({ customerId: 'a', date: 3 * DAY + 5 })).toMatchObject({ ok: true, out: { id: 'a', period: 3, hasAmount: false, cents: 0 } });
    expect(read({ customerId: 7, date: new Date(-DAY - 1) })).toMatchObject({ ok: true, out: { id: 7, period: -2 } });
    // Weekly: day 0 (Thursday 1970-01-01) is in week 0 for Monday weeks, in week 1 for Thursday weeks.
    expect(read({ customerId: 1, date: 0 }, { code: 1, weekStartsOn: 1, allowRefunds: false }).out.period).toBe(0);
    expect(read({ customerId: 1, date: 0 }, { code: 1, weekStartsOn: 4, allowRefunds: false }).out.period).toBe(0);
    expect(read({ customerId: 1, date: 0 }, { code: 1, weekStartsOn: 5, allowRefunds: false }).out.period).toBe(-1);
  });

  it('accepts the first and last valid instants, and nothing beyond', () => {
    expect(read({ customerId: 1, date: 8.64e15 })).toMatchObject({ ok: true, out: { period: 1e8 } });
    expect(read({ customerId: 1, date: -8.64e15 })).toMatchObject({ ok: true, out: { period: -1e8 } });
    expect(read({ customerId: 1, date: 8.64e15 + 1 }).issues).toEqual([['invalid_date', 'log.3.date']]);
    expect(read({ customerId: 1, date: -8.64e15 - 1 }).issues).toEqual([['invalid_date', 'log.3.date']]);
  });

  it('reads whole-cent numbers as cents up to 1e15 cents, and other numbers as Decimals', () => {
    expect(read({ customerId: 1, date: 0, amount: 12.34 }).out).toMatchObject({ cents: 1234, dec: undefined, hasAmount: true });
    expect(read({ customerId: 1, date: 0, amount: 0 }).out).toMatchObject({ cents: 0, dec: undefined, hasAmount: true });
    expect(read({ customerId: 1, date: 0, amount: 1e13 }).out).toMatchObject({ cents: 1e15, dec: undefined });
    const beyond = read({ customerId: 1, date: 0, amount: 1e13 + 0.01 }).out;
    expect([beyond.cents, beyond.dec?.toString()]).toEqual([Number.NaN, '10000000000000.01']);
    const fraction = read({ customerId: 1, date: 0, amount: 0.125 }).out;
    expect([fraction.cents, fraction.dec?.toString()]).toEqual([Number.NaN, '0.125']);
    const sum = read({ customerId: 1, date: 0, amount: 0.1 + 0.2 }).out;
    expect([sum.cents, sum.dec?.toString()]).toEqual([Number.NaN, '0.30000000000000004']);
  });

  it('reads plain decimal strings as cents and everything else as Decimals', () => {
    expect(read({ customerId: 1, date: 0, amount: '12.5' }).out).toMatchObject({ cents: 1250, dec: undefined, hasAmount: true });
    const exp = read({ customerId: 1, date: 0, amount: '1e2' }).out;
    expect([exp.cents, exp.dec?.toString()]).toEqual([Number.NaN, '100']);
    const big = read({ customerId: 1, date: 0, amount: '9999999999999999' }).out;
    expect([big.cents, big.dec?.toString()]).toEqual([Number.NaN, '9999999999999999']);
    const dec = read({ customerId: 1, date: 0, amount: new Decimal('2.5') }).out;
    expect([dec.cents, dec.dec?.toString()]).toEqual([Number.NaN, '2.5']);
  });

  it('clears a Decimal left by the previous transaction', () => {
    const issues = new IssueList();
    const out = fresh();
    readTransaction({ customerId: 1, date: 0, amount: 0.125 }, 0, 't', daily, issues, out);
    expect(out.dec?.toString()).toBe('0.125');
    readTransaction({ customerId: 1, date: 0, amount: 2 }, 1, 't', daily, issues, out);
    expect([out.cents, out.dec]).toEqual([200, undefined]);
    readTransaction({ customerId: 1, date: 0, amount: 0.125 }, 2, 't', daily, issues, out);
    readTransaction({ customerId: 1, date: 0 }, 3, 't', daily, issues, out);
    expect([out.cents, out.dec, out.hasAmount]).toEqual([0, undefined, false]);
  });

  it('reads negative amounts only with allowRefunds: whole cents as cents, down to -1e15 cents', () => {
    expect(read({ customerId: 1, date: 0, amount: -2.5 }, refunds).out).toMatchObject({ cents: -250, dec: undefined });
    expect(read({ customerId: 1, date: 0, amount: -1e13 }, refunds).out).toMatchObject({ cents: -1e15, dec: undefined });
    const beyond = read({ customerId: 1, date: 0, amount: -1e13 - 0.01 }, refunds).out;
    expect([beyond.cents, beyond.dec?.toString()]).toEqual([Number.NaN, '-10000000000000.01']);
    const fraction = read({ customerId: 1, date: 0, amount: -0.125 }, refunds).out;
    expect([fraction.cents, fraction.dec?.toString()]).toEqual([Number.NaN, '-0.125']);
    const text = read({ customerId: 1, date: 0, amount: '-3' }, refunds).out;
    expect([text.cents, text.dec?.toString()]).toEqual([Number.NaN, '-3']);
    const refused = read({ customerId: 1, date: 0, amount: -2.5 });
    expect([refused.ok, refused.issues]).toEqual([false, [['too_small', 'log.3.amount']]]);
    expect(refused.messages).toEqual(['must be at least 0 (set allowRefunds to accept refunds)']);
    expect(read({ customerId: 1, date: 0, amount: new Decimal(-1) }).issues).toEqual([['too_small', 'log.3.amount']]);
  });

  it('reports every problem of one transaction with its own path and message', () => {
    expect(read(undefined)).toMatchObject({ ok: false, issues: [['invalid_type', 'log.3']], messages: ['is required'] });
    expect(read(null)).toMatchObject({ ok: false, issues: [['invalid_type', 'log.3']], messages: ['must be an object with customerId and date'] });
    expect(read('x').messages).toEqual(['must be an object with customerId and date']);
    expect(read({ date: 0 })).toMatchObject({ ok: false, issues: [['invalid_type', 'log.3.customerId']], messages: ['is required'] });
    expect(read({ customerId: true, date: 0 }).messages).toEqual(['must be a string or a number']);
    expect(read({ customerId: Number.POSITIVE_INFINITY, date: 0 })).toMatchObject({ ok: false, issues: [['not_finite', 'log.3.customerId']], messages: ['must be a finite number or a string'] });
    expect(read({ customerId: 1 })).toMatchObject({ ok: false, issues: [['invalid_type', 'log.3.date']], messages: ['is required'] });
    expect(read({ customerId: 1, date: '2024-01-01' }).messages).toEqual(['must be a Date or epoch milliseconds']);
    expect(read({ customerId: 1, date: 0, amount: 'x' })).toMatchObject({ ok: false, issues: [['invalid_type', 'log.3.amount']] });
    expect(read({ customerId: 1, date: 0, amount: {} })).toMatchObject({ ok: false, issues: [['invalid_type', 'log.3.amount']] });
    expect(read({ customerId: 1, date: Number.NaN })).toMatchObject({ ok: false, issues: [['invalid_date', 'log.3.date']], messages: ['must be a valid date'] });
    expect(read({ customerId: 1, date: 0, amount: Number.POSITIVE_INFINITY })).toMatchObject({ ok: false, issues: [['not_finite', 'log.3.amount']], messages: ['must be a finite amount'] });
    // A bad id and a bad date and a bad amount: all three.
    expect(read({ customerId: Number.NaN, date: new Date(Number.NaN), amount: 'x' }).issues).toEqual([
      ['not_finite', 'log.3.customerId'],
      ['invalid_date', 'log.3.date'],
      ['invalid_type', 'log.3.amount'],
    ]);
    // A missing date with a bad id: the date is not also reported as invalid.
    expect(read({ customerId: {} }).issues).toEqual([
      ['invalid_type', 'log.3.customerId'],
      ['invalid_type', 'log.3.date'],
    ]);
    // A bad id does not stop the date from being checked.
    expect(read({ customerId: {}, date: Number.NaN }).issues).toEqual([
      ['invalid_type', 'log.3.customerId'],
      ['invalid_date', 'log.3.date'],
    ]);
  });

  it('leaves out and period untouched for an invalid transaction', () => {
    const r = read({ customerId: 'x', date: 5 * DAY, amount: -1 });
    expect(r.ok).toBe(false);
    expect([r.out.id, r.out.period]).toEqual(['unset', -1]);
  });
});

describe('inputForm', () => {
  it('tells arrays, iterables and async iterables apart', () => {
    expect(inputForm([])).toBe('array');
    expect(inputForm(new Set())).toBe('iterable');
    expect(inputForm({ [Symbol.asyncIterator]: () => undefined })).toBe('async');
    expect(inputForm({ [Symbol.iterator]: () => undefined, [Symbol.asyncIterator]: () => undefined })).toBe('iterable');
    expect(inputForm({ [Symbol.iterator]: 1, [Symbol.asyncIterator]: 1 })).toBeUndefined();
    expect(inputForm('abc')).toBeUndefined();
    expect(inputForm(null)).toBeUndefined();
    expect(inputForm(undefined)).toBeUndefined();
    expect(inputForm({})).toBeUndefined();
  });
});

describe('isColumnsInput and readColumns', () => {
  it('takes a plain object with a customerId or a date key as columns, never an iterable', () => {
    expect(isColumnsInput({ customerId: [1] })).toBe(true);
    expect(isColumnsInput({ date: [0] })).toBe(true);
    expect(isColumnsInput({})).toBe(false);
    expect(isColumnsInput({ amount: [1] })).toBe(false);
    expect(isColumnsInput(null)).toBe(false);
    expect(isColumnsInput([{ customerId: 1 }])).toBe(false);
    // Iterables with a column-like key stay iterables.
    expect(isColumnsInput(Object.assign(new Set(), { customerId: [1] }))).toBe(false);
    expect(isColumnsInput({ customerId: [1], [Symbol.asyncIterator]: () => undefined })).toBe(false);
  });

  it('reads rows from the columns, with or without amounts', () => {
    const issues = new IssueList();
    const withAmounts = readColumns({ customerId: ['a', 'b'], date: Float64Array.from([0, 5]), amount: [1, '2.5'] }, 't', issues);
    expect(withAmounts?.length).toBe(2);
    // One reused record: copy it as it is read.
    expect(Array.from(withAmounts?.rows() ?? [], (r) => ({ ...(r as object) }))).toEqual([
      { customerId: 'a', date: 0, amount: 1 },
      { customerId: 'b', date: 5, amount: '2.5' },
    ]);
    const without = readColumns({ customerId: [7], date: [3] }, 't', issues);
    expect({ ...(without?.get(0) as object) }).toEqual({ customerId: 7, date: 3, amount: undefined });
    expect(issues.isEmpty).toBe(true);
  });

  it('reports unknown keys, missing or non-array columns and unequal lengths', () => {
    const unknown = new IssueList();
    expect(readColumns({ customerId: [1], date: [0], extra: [] }, 't', unknown)).toBeUndefined();
    expect(unknown.toArray().map((i) => [i.code, i.path.join('/'), i.message])).toEqual([['unrecognized_key', 't/extra', 'is not a transaction column (customerId, date, amount)']]);
    const columns = new IssueList();
    expect(readColumns({ date: 5, amount: 'x' }, 't', columns)).toBeUndefined();
    expect(columns.toArray().map((i) => [i.code, i.path.join('/'), i.message])).toEqual([
      ['invalid_type', 't/customerId', 'is required'],
      ['invalid_type', 't/date', 'must be an array or a typed array'],
      ['invalid_type', 't/amount', 'must be an array or a typed array'],
    ]);
    const lengths = new IssueList();
    expect(readColumns({ customerId: [1, 2], date: [0, 1], amount: [1] }, 't', lengths)).toBeUndefined();
    expect(lengths.toArray().map((i) => [i.code, i.path.join('/'), i.message])).toEqual([['invalid_value', 't', 'columns must have the same length (customerId 2, date 2, amount 1)']]);
    const dates = new IssueList();
    expect(readColumns({ customerId: [1, 2], date: [0] }, 't', dates)).toBeUndefined();
    expect(dates.toArray().map((i) => i.message)).toEqual(['columns must have the same length (customerId 2, date 1)']);
  });
});

/** Both engines on one log: the array form and the streaming form must give the same rows. */
function both(log: readonly unknown[], endPeriod: number, ratio = 1, spec: GroupingSpec = daily) {
  const arrayIssues = new IssueList();
  const fromArray = summarizeArray<string | number>(log, 't', spec, arrayIssues, endPeriod, ratio);
  const issues = new IssueList();
  const acc = new StreamAccumulator('t', spec, issues, endPeriod);
  for (const t of log) acc.add(t);
  const fromStream = rowsFromRecords<string | number>(acc.customers, endPeriod, ratio);
  const plain = (rows: typeof fromArray) => rows.map((r) => [r.customerId, r.frequency, r.recency, r.T, r.monetaryValue.toString()]);
  expect(plain(fromArray)).toEqual(plain(fromStream));
  return plain(fromArray);
}

describe('summarizeArray', () => {
  it('summarises a small log by hand', () => {
    const log = [
      { customerId: 'b', date: 2 * DAY, amount: 1 },
      { customerId: 7, date: 1 * DAY, amount: 2 },
      { customerId: 'b', date: 5 * DAY + 1, amount: '3.25' },
      { customerId: 7, date: 1 * DAY + 7, amount: 4 },
      { customerId: 'b', date: 5 * DAY, amount: 0.125 },
      { customerId: 7, date: 4 * DAY, amount: 6 },
      { customerId: 7, date: 3 * DAY, amount: 1 },
      { customerId: 'b', date: 11 * DAY, amount: 100 }, // after the end (day 10): ignored
    ];
    // b: first day 2 (1), repeat day 5 (3.25 + 0.125 = 3.375): f 1, r 3, T 8.
    // 7: first day 1 (2 + 4), repeats days 3 (1) and 4 (6): f 2, r 3, T 9, m 3.5.
    expect(both(log, 10)).toEqual([
      ['b', 1, 3, 8, '3.375'],
      [7, 2, 3, 9, '3.5'],
    ]);
    // In weeks: periods times the ratio 1/7 (9 x (1/7) is one ulp off 9/7: the product is what is computed).
    expect(both(log, 10, 1 / 7).map((r) => [r[2], r[3]])).toEqual([
      [3 * (1 / 7), 8 * (1 / 7)],
      [3 * (1 / 7), 9 * (1 / 7)],
    ]);
  });

  it('takes the fast path through periodIndex for non-daily periods', () => {
    const weekly: GroupingSpec = { code: 1, weekStartsOn: 1, allowRefunds: false };
    // Days 4 (Mon 1970-01-05) and 10 (Sun 1970-01-11) are in week 1; day 11 in week 2.
    const log = [
      { customerId: 1, date: 4 * DAY, amount: 1 },
      { customerId: 1, date: 10 * DAY, amount: 2 },
      { customerId: 1, date: 11 * DAY, amount: 4 },
    ];
    expect(both(log, 3, 1, weekly)).toEqual([[1, 1, 1, 2, '4']]);
  });

  it('uses the exact instants at the ends of the valid range, on the fast path', () => {
    const log = [
      { customerId: 1, date: -8.64e15, amount: 1 },
      { customerId: 1, date: 8.64e15, amount: 2 },
    ];
    expect(both(log, 1e8)).toEqual([[1, 1, 2e8, 2e8, '2']]);
    const issues = new IssueList();
    expect(() => summarizeArray([{ customerId: 1, date: 8.64e15 + 1, amount: 1 }], 't', daily, issues, 0, 1)).toThrow();
    expect(issues.toArray().map((i) => i.path)).toEqual([['t', 0, 'date']]);
  });

  it('puts ids into integer slots, map slots and several buckets, and returns rows in order of first appearance', () => {
    // Integer ids beyond one bucket (8,192), non-integer and negative numeric ids (map slots), ids
    // beyond the table limit (2^16 for a small log: map slots), and more than a bucket of strings.
    const ids: (string | number)[] = [20_000, 5, 'x', -3, 2.5, 70_000, 8191, 8192, 0, 65_535, 65_536];
    for (let i = 0; i < 8200; i++) ids.push(`s${i}`);
    const log: { customerId: string | number; date: number; amount: number }[] = [];
    // Each id buys on day (k mod 5) with amount k cents, then again two days later (repeat).
    ids.forEach((id, k) => log.push({ customerId: id, date: (k % 5) * DAY, amount: k / 100 }));
    ids.forEach((id, k) => log.push({ customerId: id, date: ((k % 5) + 2) * DAY, amount: (2 * k) / 100 }));
    const rows = both(log, 10);
    expect(rows.length).toBe(ids.length);
    // f 1, r 2, T 10 - (k mod 5), repeat value 2k cents.
    const expected = ids.map((id, k) => [id, 1, 2, 10 - (k % 5), new Decimal(2 * k).div(100).toString()]);
    expect(rows.length === expected.length && rows.every((row, k) => JSON.stringify(row) === JSON.stringify(expected[k]))).toBe(true);
    expect(rows.slice(0, 12)).toEqual(expected.slice(0, 12));
  });

  it('keeps customer 0 when it is the only integer id (one integer bucket holding slot 0)', () => {
    // 0: days 1 and 3 (amount 2 repeat): f 1, r 2, T 9. With a string id beside it, 'x' (a map slot)
    // buys on day 2 only: f 0, r 0, T 8.
    const alone = [
      { customerId: 0, date: 1 * DAY, amount: 1 },
      { customerId: 0, date: 3 * DAY, amount: 2 },
    ];
    expect(both(alone, 10)).toEqual([[0, 1, 2, 9, '2']]);
    expect(both([...alone, { customerId: 'x', date: 2 * DAY, amount: 5 }], 10)).toEqual([
      [0, 1, 2, 9, '2'],
      ['x', 0, 0, 8, '0'],
    ]);
  });

  it('keeps every customer when all ids are strings and there are more than one bucket of them (8,192)', () => {
    // No integer id at all: the map slots start at bucket 0. (They once started after
    // (-1 >>> 13) + 0 = 524,287 empty integer buckets, and slots beyond 2^32 wrapped around, so
    // customers 8,192 and later were merged into other customers' rows.)
    const n = 8192 + 40;
    const log = [];
    for (let k = 0; k < n; k++) log.push({ customerId: `s${k}`, date: (k % 3) * DAY, amount: 1 }, { customerId: `s${k}`, date: ((k % 3) + 1) * DAY, amount: k / 100 });
    const rows = both(log, 5);
    expect(rows.length).toBe(n);
    // s_k: first day k mod 3, one repeat a day later of k cents: f 1, r 1, T 5 - (k mod 3).
    const wrong = rows.filter((row, k) => JSON.stringify(row) !== JSON.stringify([`s${k}`, 1, 1, 5 - (k % 3), new Decimal(k).div(100).toString()]));
    expect(wrong).toEqual([]);
  });

  it('reports every invalid transaction in the array form, whatever the quick path would have read', () => {
    // null (typeof 'object'), a number, missing, NaN, infinite, object and boolean ids, and dates that
    // compare like numbers (null, '0', true) but are not epoch milliseconds.
    const log = [
      null,
      5,
      { customerId: undefined, date: 0, amount: 1 },
      { customerId: Number.NaN, date: 0, amount: 1 },
      { customerId: Infinity, date: 0, amount: 1 },
      { customerId: {}, date: 0, amount: 1 },
      { customerId: true, date: 0, amount: 1 },
      { customerId: 1, date: null, amount: 1 },
      { customerId: 1, date: '0', amount: 1 },
      { customerId: 1, date: true, amount: 1 },
      { customerId: 1, date: 0, amount: 1 },
    ];
    const issues = new IssueList();
    expect(() => summarizeArray(log, 't', daily, issues, 5, 1)).toThrow();
    expect(issues.toArray().map((i) => [i.code, i.path.join('/')])).toEqual([
      ['invalid_type', 't/0'],
      ['invalid_type', 't/1'],
      ['invalid_type', 't/2/customerId'],
      ['not_finite', 't/3/customerId'],
      ['not_finite', 't/4/customerId'],
      ['invalid_type', 't/5/customerId'],
      ['invalid_type', 't/6/customerId'],
      ['invalid_type', 't/7/date'],
      ['invalid_type', 't/8/date'],
      ['invalid_type', 't/9/date'],
    ]);
  });

  it('keeps whole-number ids beyond the integer table apart from small ones (2^40 is not 0 modulo 2^32)', () => {
    // 2^40 and 2^40 + 8,193 are beyond the table of integer slots and go to the map; taken as
    // integer slots, `>>> 13` and `& 8191` would fold them onto customers 0 and 1.
    const big = 2 ** 40;
    const log = [
      { customerId: 0, date: 0, amount: 1 },
      { customerId: big, date: DAY, amount: 2 },
      { customerId: 1, date: 0, amount: 1 },
      { customerId: big + 8193, date: 2 * DAY, amount: 3 },
      { customerId: 0, date: 3 * DAY, amount: 4 },
    ];
    expect(both(log, 5)).toEqual([
      [0, 1, 3, 5, '4'],
      [big, 0, 0, 4, '0'],
      [1, 0, 0, 5, '0'],
      [big + 8193, 0, 0, 3, '0'],
    ]);
  });

  it('grows the per-bucket counts past the initial 64 buckets for a large log with large integer ids', () => {
    // 300,000 transactions allow integer slots up to 600,000: id 524,288 is in bucket 64, the first
    // beyond the initial 64 (524,288 >>> 13), and id 590,000 in bucket 72.
    const n = 300_000;
    const log = new Array<{ customerId: number; date: number; amount: number }>(n);
    for (let i = 0; i < n - 3; i++) log[i] = { customerId: i % 1000, date: (i % 7) * DAY, amount: 1 };
    log[n - 3] = { customerId: 524_288, date: 2 * DAY, amount: 3 };
    log[n - 2] = { customerId: 590_000, date: DAY, amount: 5 };
    log[n - 1] = { customerId: 590_000, date: 4 * DAY, amount: 7 };
    const rows = summarizeArray<number>(log, 't', daily, new IssueList(), 10, 1);
    expect(rows.length).toBe(1002);
    // 524,288: one purchase on day 2. 590,000: days 1 and 4, repeat value 7.
    const at = (k: number) => [rows[k]?.customerId, rows[k]?.frequency, rows[k]?.recency, rows[k]?.T, rows[k]?.monetaryValue.toString()];
    expect(at(1000)).toEqual([524_288, 0, 0, 8, '0']);
    expect(at(1001)).toEqual([590_000, 1, 3, 9, '7']);
    // Customer 0 buys at i = 0, 1000, 2000, ...: days (i mod 7) cover all of 0..6: f 6, r 6, T 10.
    expect([rows[0]?.customerId, rows[0]?.frequency, rows[0]?.recency, rows[0]?.T]).toEqual([0, 6, 6, 10]);
  });

  it('counts each customer once when its transactions are interleaved with others', () => {
    const log = [];
    for (let d = 0; d < 30; d++) for (const id of [3, 'a', 9000]) log.push({ customerId: id, date: ((d * 7) % 30) * DAY, amount: d });
    // Each id buys on days 0..29 (every day once, 7d mod 30 is a permutation): f 29, r 29, T 30.
    // Repeat total = sum of d over all but the day-0 purchase (d = 0): 0 + 1 + ... + 29 = 435; mean 15.
    expect(both(log, 30)).toEqual([
      [3, 29, 29, 30, '15'],
      ['a', 29, 29, 30, '15'],
      [9000, 29, 29, 30, '15'],
    ]);
  });

  it('counts distinct periods with the insertion sort and with the native sort (more than 24 purchases)', () => {
    for (const n of [24, 25, 60]) {
      const log = [];
      // Periods n-1, n-2, ..., 0, each twice, in descending order: n distinct periods.
      for (let p = n - 1; p >= 0; p--) log.push({ customerId: 1, date: p * DAY, amount: 1 }, { customerId: 1, date: p * DAY + 1, amount: 2 });
      // Repeat total: (n - 1) periods x 3 = mean 3.
      expect(both(log, n)).toEqual([[1, n - 1, n - 1, n, '3']]);
    }
    // Short lists (insertion sort) whose first purchase is neither the earliest nor unique:
    // periods 5, 3, 5 are 2 distinct periods; 9, 2, 7, 9, 2, 4 are 4.
    expect(both([5, 3, 5].map((d) => ({ customerId: 1, date: d * DAY, amount: 1 })), 9)).toEqual([[1, 1, 2, 6, '2']]);
    expect(both([9, 2, 7, 9, 2, 4].map((d) => ({ customerId: 1, date: d * DAY, amount: d })), 9)).toEqual([[1, 3, 7, 7, new Decimal(7 + 18 + 4).div(3).toString()]]); // repeats 4, 7, 9 + 9
    // Ten purchases in one period only: frequency 0 without sorting.
    const same = Array.from({ length: 10 }, (_, i) => ({ customerId: 1, date: 5 * DAY + i, amount: 1 }));
    expect(both(same, 9)).toEqual([[1, 0, 0, 4, '0']]);
  });

  it('sorts periods numerically (not as strings) in the native sort', () => {
    // 30 purchases at periods 10, 2, 10, 2, ..., then 100 and 9: 4 distinct periods (2, 9, 10, 100).
    // Repeat totals: day 10 has 15 purchases of 1, days 100 and 9 one each: (15 + 1 + 1) / 3.
    const log = [];
    for (let i = 0; i < 30; i++) log.push({ customerId: 1, date: (i % 2 === 0 ? 10 : 2) * DAY, amount: 1 });
    log.push({ customerId: 1, date: 100 * DAY, amount: 1 });
    log.push({ customerId: 1, date: 9 * DAY, amount: 1 });
    expect(both(log, 100)).toEqual([[1, 3, 98, 98, new Decimal(17).div(3).toString()]]);
  });

  it('sums with decimal.js when a customer has a Decimal amount or cents beyond 2^53', () => {
    const log = [
      { customerId: 1, date: 0, amount: 0.125 }, // first period, Decimal
      { customerId: 1, date: DAY, amount: 1 },
      { customerId: 1, date: DAY, amount: new Decimal('0.001') },
      { customerId: 1, date: 2 * DAY, amount: '1e-3' },
      { customerId: 2, date: 0, amount: 5e12 }, // 5e14 cents each
      { customerId: 2, date: DAY, amount: 9e12 },
      { customerId: 2, date: 2 * DAY, amount: 9e12 },
      { customerId: 2, date: 2 * DAY, amount: 0.01 },
      ...Array.from({ length: 10 }, (_, i) => ({ customerId: 2, date: (3 + i) * DAY, amount: 9e12 })),
    ];
    // 1: repeats day 1 (1.001) and day 2 (0.001): mean 0.501.
    // 2: repeats 9e12, 9e12 + 0.01 and ten of 9e12: (12 x 9e12 + 0.01) / 12 = 9e12 + 0.01/12.
    const twelfth = new Decimal('108000000000000.01').div(12).toString();
    expect(both(log, 20)).toEqual([
      [1, 2, 2, 20, '0.501'],
      [2, 12, 12, 20, twelfth],
    ]);
  });

  it('sums with decimal.js when only the first period exceeds 2^53 cents', () => {
    // First day: 11 x 9e12 = 9.9e13 = 9.9e15 cents > 2^53 (~9.007e15); one repeat of 0.01.
    const log = [...Array.from({ length: 11 }, () => ({ customerId: 'w', date: 0, amount: 9e12 })), { customerId: 'w', date: DAY, amount: 0.01 }];
    expect(both(log, 1)).toEqual([['w', 1, 1, 1, '0.01']]);
    // And negative: refunds beyond -2^53 cents in the first period.
    const neg = [...Array.from({ length: 11 }, () => ({ customerId: 'w', date: 0, amount: -9e12 })), { customerId: 'w', date: DAY, amount: -0.01 }];
    const issues = new IssueList();
    const rows = summarizeArray(neg, 't', refunds, issues, 1, 1);
    expect(rows.map((r) => r.monetaryValue.toString())).toEqual(['-0.01']);
    // A first period beyond 2^53 cents with a repeat period that brings the total back below it:
    // ten refunds of 10,000,000,000,000 (1e15 cents each) on day 1, listed first, then eleven
    // purchases of 9,000,000,000,000.01 on day 0 (9,900,000,000,000,011 cents: not a double). The
    // repeat mean is exactly -1e14; subtracting the inexact double totals would give
    // -100,000,000,000,000.02 (worked out with the same sums in Python floats).
    const back = [
      ...Array.from({ length: 10 }, () => ({ customerId: 'r', date: DAY, amount: -1e13 })),
      ...Array.from({ length: 11 }, () => ({ customerId: 'r', date: 0, amount: 9_000_000_000_000.01 })),
    ];
    expect(both(back, 1, 1, refunds)).toEqual([['r', 1, 1, 1, '-100000000000000']]);
  });

  it('reads whole-cent-looking numbers beyond 1e15 cents through decimal.js', () => {
    // 71000000000000.1 x 100 rounds to 7100000000000009, and 7100000000000009 / 100 reads back as
    // the same double, but the amount is 71,000,000,000,000.10 (7100000000000010 cents): beyond
    // 1e15 cents the cents test proves nothing, so such amounts must take the decimal.js path.
    expect(both([{ customerId: 1, date: 0, amount: 0 }, { customerId: 1, date: DAY, amount: 71_000_000_000_000.1 }], 1)).toEqual([[1, 1, 1, 1, '71000000000000.1']]);
    expect(both([{ customerId: 1, date: 0, amount: 0 }, { customerId: 1, date: DAY, amount: -71_000_000_000_000.1 }], 1, 1, refunds)).toEqual([[1, 1, 1, 1, '-71000000000000.1']]);
  });

  it('rejects dates before the first valid instant in the array form', () => {
    const issues = new IssueList();
    expect(() => summarizeArray([{ customerId: 1, date: -8.64e15 - 1, amount: 1 }], 't', daily, issues, 0, 1)).toThrow();
    expect(issues.toArray().map((i) => [i.code, i.path])).toEqual([['invalid_date', ['t', 0, 'date']]]);
  });

  it('leaves out customers who start after the end and reports bad transactions with mixed amounts', () => {
    expect(both([{ customerId: 1, date: 5 * DAY }], 4)).toEqual([]);
    expect(both([], 4)).toEqual([]);
    const issues = new IssueList();
    expect(() => summarizeArray([{ customerId: 1, date: 0 }, { customerId: 1, date: 0, amount: 1 }, { customerId: 1, date: 0, amount: '1' }], 't', daily, issues, 4, 1)).toThrow();
    expect(issues.toArray().map((i) => [i.code, i.path])).toEqual([['invalid_structure', ['t', 1, 'amount']]]);
    const issues2 = new IssueList();
    expect(() => summarizeArray([{ customerId: 1, date: 0, amount: 1 }, { customerId: 1, date: 9 * DAY }], 't', daily, issues2, 4, 1)).toThrow();
    expect(issues2.toArray().map((i) => [i.code, i.path])).toEqual([['invalid_structure', ['t', 1, 'amount']]]);
  });

  // Random logs with every kind of id and amount (two seeds, each its own test to keep tests short
  // under mutation testing, where summarizeArray is instrumented).
  const idArb = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 8180, max: 8200 }), fc.constantFrom(-1, 0.5, 1e9, 65_536, 'a', 'b', '1'));
  const amountArb = fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100),
    fc.integer({ min: 0, max: 10_000 }).map((c) => (c / 100).toFixed(2)),
    fc.constantFrom(0.125, 9e12, '1e1'),
    fc.integer({ min: 0, max: 100 }).map((c) => new Decimal(c).div(3)),
  );
  const logArb = fc.array(fc.record({ customerId: idArb, date: fc.integer({ min: 0, max: 40 * DAY }), amount: amountArb }), { maxLength: 80 });
  it.each([7002, 7003])('agrees with the streaming form on random logs (seed %d)', (seed) => {
    fc.assert(
      fc.property(logArb, fc.integer({ min: 0, max: 45 }), (log, end) => {
        both(log, end);
      }),
      { seed, numRuns: 30 },
    );
  }, SLOW);
});
