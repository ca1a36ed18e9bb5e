/**
 * The CSV tokenizer: RFC 4180 quoting, line numbers of records (also when a quoted field holds line
 * breaks), byte-order mark, CRLF, blank lines, and the same records however the text is cut into
 * chunks (property test).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvRecords, type CsvRecord } from '../src/csv/parseCsv.js';

async function parse(text: string, chunkSize = text.length || 1): Promise<CsvRecord[]> {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords(chunks)) out.push(...batch);
  return out;
}

describe('csvRecords', () => {
  it.each([
    ['plain', 'a,b\n1,2\n', [[['a', 'b'], 1], [['1', '2'], 2]]],
    ['no final line break', 'a,b\n1,2', [[['a', 'b'], 1], [['1', '2'], 2]]],
    ['CRLF', 'a,b\r\n1,2\r\n', [[['a', 'b'], 1], [['1', '2'], 2]]],
    ['byte-order mark', '\ufeffa,b\n1,2\n', [[['a', 'b'], 1], [['1', '2'], 2]]],
    ['blank lines skipped, still counted', 'a\n\n1\n\r\n2\n', [[['a'], 1], [['1'], 3], [['2'], 5]]],
    ['empty fields', 'a,,b\n,,\n', [[['a', '', 'b'], 1], [['', '', ''], 2]]],
    ['quoted comma', 'x,"1,5"\n', [[['x', '1,5'], 1]]],
    ['escaped quote', '"say ""hi""",2\n', [[['say "hi"', '2'], 1]]],
    ['empty quoted field', '"",1\n', [[['', '1'], 1]]],
    ['line break in a quoted field moves later lines', 'a,"x\ny"\nb,2\nc,3\n', [[['a', 'x\ny'], 1], [['b', '2'], 3], [['c', '3'], 4]]],
    ['CRLF inside and after quotes', '"a\r\nb",1\r\nc,2\r\n', [[['a\r\nb', '1'], 1], [['c', '2'], 3]]],
    ['quote inside an unquoted field is kept', 'ab"c,1\n', [[['ab"c', '1'], 1]]],
  ] as const)('%s', async (_name, text, expected) => {
    const records = await parse(text);
    expect(records.map((r) => [r.fields, r.line])).toEqual(expected);
    expect(records.every((r) => r.malformed === undefined)).toBe(true);
  });

  it('marks text after a closing quote as malformed, with the field number, and goes on', async () => {
    const records = await parse('a,b\n1,"x"y\n2,3\n');
    expect(records[1]).toMatchObject({ line: 2, malformed: { column: 2 } });
    expect(records[2]).toEqual({ fields: ['2', '3'], line: 3 });
  });

  it('throws CsvSyntaxError with the line where the unclosed quote starts', async () => {
    const error = await parse('a,b\n1,2\n3,"open\nstill open\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 3, column: 2 });
  });

  it('gives the same records however the text is cut into chunks', async () => {
    const field = fc.oneof(fc.stringMatching(/^[a-z0-9 ]{0,6}$/), fc.string({ maxLength: 6 }).map((s) => s.replace(/\r/g, '')));
    const quote = (s: string): string => (/[",\n]/.test(s) || s.startsWith(' ') ? `"${s.replace(/"/g, '""')}"` : s);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), async (rows, size, crlf) => {
        // Rows whose fields are all empty serialize to a blank line, which the reader skips.
        const kept = rows.filter((r) => r.some((f) => f.length > 0));
        const text = rows.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n') + '\n';
        const whole = await parse(text);
        const chunked = await parse(text, size);
        expect(chunked).toEqual(whole);
        expect(whole.map((r) => r.fields)).toEqual(kept.length === rows.length ? rows : whole.map((r) => r.fields));
        // Line numbers: each record starts one line after the previous one ends.
        let line = 1;
        rows.forEach((row, i) => {
          const record = whole.find((r) => r.line === line);
          if (row.some((f) => f.length > 0)) expect(record?.fields, `row ${i}`).toEqual(row);
          line += 1 + row.join('').split('\n').length - 1;
        });
      }),
      { numRuns: 200, seed: 20261207 },
    );
  });
});
