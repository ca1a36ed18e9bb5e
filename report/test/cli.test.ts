/**
 * The command as a user runs it: arguments, exit codes and one-line messages (never a stack trace),
 * bad rows with file, line and column, sections present or left out with the file that would enable
 * them, the three formats, and an HTML file that asks for nothing from outside.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npsScore } from 'customer-metrics/nps';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cm-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(text: string, name = `f${++counter}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs the command in-process; returns the exit code and what it wrote. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => ({ write: (s: string) => (append(s), true) }) as unknown as NodeJS.WritableStream;
  const code = await main(argv, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) });
  return { code, stdout, stderr };
}

// A small shop: 6 customers over ~8 months, repeat buyers, a holdout-able span.
const TX_ROWS: string[] = [];
for (let c = 1; c <= 6; c++) {
  for (let k = 0; k < c + 1; k++) {
    const month = String(1 + ((c * 3 + k * 2) % 8)).padStart(2, '0');
    TX_ROWS.push(`C${c},2025-${month}-${String(1 + ((c + k * 7) % 27)).padStart(2, '0')},${(10 + c * 3 + k).toFixed(2)}`);
  }
}
const TX = `customer_id,date,amount\n${TX_ROWS.join('\n')}\n`;
const SUBS = 'customer_id,start,end,mrr\nC1,2025-01-05,2025-04-05,20\nC2,2025-01-10,,25\nC3,2025-02-01,2025-06-01,20\nC4,2025-03-01,,40\nC5,2025-03-15,2025-05-15,20\n';
const SCORES = [10, 9, 7, 3, 8, 10, 6, 9, 2, 10];
const NPS = `date,score,segment\n${SCORES.map((s, i) => `2025-0${1 + (i % 8)}-1${i % 9},${s},${i % 2 ? 'B2B' : 'B2C'}`).join('\n')}\n`;
const SIGNALS = 'customer_id,problem_content_views,solution_searches,pricing_views,purchases,days_since_last_activity\nP1,2,0,0,0,3\nP2,1,2,1,0,10\nC1,0,0,0,3,5\n';

const noStackTrace = (text: string): void => {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(text).not.toContain('TypeError');
};

describe('command-line arguments', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: customer-metrics-report --transactions');
    for (const flag of ['--customer-column', '--date-column', '--amount-column', '--format', '--locale', '--bad-rows']) expect(r.stdout).toContain(flag);
  });

  it.each([
    [[], ['--transactions FILE is required', '--out FILE is required']],
    [['--transactions', 'x.csv'], ['--out FILE is required']],
    [['--transactions', 'x.csv', '--out', 'r.html', '--format', 'pdf'], ['--format must be html, md or json']],
    [['--transactions', 'x.csv', '--out', 'r.html', '--locale', 'fr'], ['--locale must be en or vi']],
    [['--transactions', 'x.csv', '--out', 'r.html', '--bad-rows', 'skip'], ['--bad-rows must be report or fail']],
    [['--transactions', 'x.csv', '--out', 'r.html', '--holdout-weeks', '0'], ['--holdout-weeks must be']],
    [['--transactions', 'x.csv', '--out', 'r.html', '--discount-rate', '1.5'], ['--discount-rate must be']],
    [['--transactions', 'x.csv', '--out', 'r.html', '--observation-end', '2026-02-30'], ['--observation-end must be an ISO date']],
    [['--transactions', '', '--out', 'r.html'], ['--transactions needs a value']],
    [['--transactions', 'x.csv', '--out', 'r.html', '--colour', 'red'], ["Unknown option '--colour'"]],
    [['--transactions', 'x.csv', '--out', 'r.html', 'extra'], ["Unexpected argument 'extra'"]],
  ])('%j: exit 2 naming every problem', async (argv, messages) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    for (const m of messages) expect(r.stderr).toContain(m);
    noStackTrace(r.stderr);
  });
});

describe('unusable input files: one message, exit 1', () => {
  const out = join(dir, 'unused.html');
  it.each([
    ['a missing file', () => join(dir, 'nope.csv'), 'file not found'],
    ['a folder', () => (mkdirSync(join(dir, 'folder.csv'), { recursive: true }), join(dir, 'folder.csv')), 'is a folder'],
    ['an empty file', () => file(''), 'the file is empty'],
    ['a header without rows', () => file('customer_id,date,amount\n'), 'header but no data rows'],
    ['none of the needed columns', () => file('who,when,howmuch\nA,2025-01-01,3\n'), 'none of the needed columns found: "customer_id" (rename with --customer-column), "date" (rename with --date-column), "amount"'],
    ['one column missing', () => file('customer_id,date,value\nA,2025-01-01,3\n'), 'missing column(s): "amount" (rename with --amount-column)'],
    ['another separator', () => file('customer_id;date;amount\nA;2025-01-01;3\n'), 'none of the needed columns'],
    ['an unclosed quote', () => file('customer_id,date,amount\nA,2025-01-01,3\n"B,2025-01-02,4\n'), ':3: a quoted field is not closed'],
    ['only bad rows', () => file('customer_id,date,amount\nA,yesterday,3\nB,2025-01-01,lots\n'), 'no usable rows: all 2 were rejected'],
  ])('%s', async (_name, make, message) => {
    const path = make();
    const r = await run('--transactions', path, '--out', out, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noStackTrace(r.stderr);
  });

  it('an unreadable optional file stops the run too, naming its flag', async () => {
    const r = await run('--transactions', file(TX), '--responses', join(dir, 'missing-nps.csv'), '--out', out, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--responses: file not found');
  });

  it('a signals file without any signal column', async () => {
    const r = await run('--transactions', file(TX), '--signals', file('customer_id,colour\nA,red\n'), '--out', out, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--signals');
    expect(r.stderr).toContain('none of the needed columns found');
  });
});

describe('bad rows', () => {
  const bad = `customer_id,date,amount
C1,2025-01-05,10.00
C1,2025-13-01,5.00
C2,2025-01-07,abc
,2025-01-08,3.00
C3,2025-01-09,-4.00
C3,2025-01-10
C4,"2025-01-11"x,4.00
C4,2025-02-30,1.00
C5,2025-03-01,7.50
`;

  it('are counted per reason with file, line and column in the report (JSON form)', async () => {
    const tx = file(bad, 'bad-tx.csv');
    const out = join(dir, 'bad.json');
    const r = await run('--transactions', tx, '--out', out, '--format', 'json', '--quiet');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { sections: { id: string; data: { total: number; groups: { reason: string; count: number; examples: { line: number; column?: string }[] }[] } }[] };
    const rejected = report.sections.find((s) => s.id === 'rejected')?.data;
    expect(rejected?.total).toBe(7);
    const by = Object.fromEntries((rejected?.groups ?? []).map((g) => [g.reason, g]));
    expect(by['invalid-date']).toMatchObject({ count: 2, examples: [{ line: 3, column: 'date' }, { line: 9, column: 'date' }] });
    expect(by['invalid-number']).toMatchObject({ count: 1, examples: [{ line: 4, column: 'amount' }] });
    expect(by['missing-value']).toMatchObject({ count: 1, examples: [{ line: 5, column: 'customer_id' }] });
    expect(by['negative-amount']).toMatchObject({ count: 1, examples: [{ line: 6, column: 'amount' }] });
    expect(by['field-count']).toMatchObject({ count: 1, examples: [{ line: 7 }] });
    expect(by['malformed-quotes']).toMatchObject({ count: 1, examples: [{ line: 8, column: 'date' }] });
    // The rest were used: the rows of C1 (line 2) and C5 (line 10).
    const overview = report.sections.find((s) => s.id === 'overview') as unknown as { data: { transactions: number; customers: number } };
    expect(overview.data).toMatchObject({ transactions: 2, customers: 2 });
  });

  it('appear in the HTML report as a "Rejected rows" table with line and column', async () => {
    const out = join(dir, 'bad.html');
    expect((await run('--transactions', file(bad, 'bad-tx2.csv'), '--out', out, '--quiet')).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Rejected rows');
    expect(html).toContain('line 3 (column &quot;date&quot;)');
    expect(html).toContain('not an ISO date');
  });

  it('dated after --observation-end: counted as rejected, not used', async () => {
    const out = join(dir, 'cut.json');
    const r = await run('--transactions', file(bad, 'bad-tx4.csv'), '--observation-end', '2025-01-31', '--out', out, '--format', 'json', '--quiet', '--holdout-weeks', '1');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { sections: { id: string; data: { groups?: { reason: string; count: number; examples: { line: number }[] }[]; transactions?: number } }[] };
    const groups = report.sections.find((s) => s.id === 'rejected')?.data.groups ?? [];
    // Line 10 (2025-03-01) is after the end; line 9 (2025-02-30) is no date at all.
    expect(groups.find((g) => g.reason === 'after-observation-end')).toMatchObject({ count: 1, examples: [{ line: 10 }] });
    expect(report.sections[0]?.data.transactions).toBe(1);
  });

  it('with --bad-rows fail, stop at the first one: file:line (column), exit 1', async () => {
    const tx = file(bad, 'bad-tx3.csv');
    const r = await run('--transactions', tx, '--out', join(dir, 'x.html'), '--bad-rows', 'fail', '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${tx}:3 (column "date"): not an ISO date`);
    noStackTrace(r.stderr);
  });
});

describe('sections', () => {
  it('with transactions only: value and CLV sections; the others left out, each naming the file that would enable it', async () => {
    const out = join(dir, 'tx-only.md');
    const r = await run('--transactions', file(TX), '--out', out, '--format', 'md', '--quiet', '--holdout-weeks', '4');
    expect(r.code).toBe(0);
    const md = readFileSync(out, 'utf8');
    for (const title of ['## Overview', '## Value concentration and segments', '## Customer lifetime value', '## Rejected rows']) expect(md).toContain(title);
    expect(md).toContain('## Net Promoter Score\n\n> Left out: give --responses');
    expect(md).toContain('## Churn and revenue retention\n\n> Left out: give --subscriptions');
    expect(md).toContain('## Subscriber survival\n\n> Left out: give --subscriptions');
    expect(md).toContain('## Retention by cohort\n\n> Left out: give --subscriptions');
    expect(md).toContain('## Need levels\n\n> Left out: give --signals');
    expect(r.stderr).toContain('5 left out for lack of input');
  });

  it('with every file: every section, computed with the library (NPS as npsScore gives it)', async () => {
    const out = join(dir, 'all.json');
    const r = await run('--transactions', file(TX), '--subscriptions', file(SUBS), '--responses', file(NPS), '--signals', file(SIGNALS), '--out', out, '--format', 'json', '--quiet', '--holdout-weeks', '4');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { sections: { id: string; data: Record<string, unknown>; figures: { spec: unknown }[] }[]; omitted: unknown[] };
    expect(report.sections.map((s) => s.id)).toEqual(['overview', 'nps', 'churn', 'survival', 'cohorts', 'value', 'needLevels', 'clv', 'rejected']);
    expect(report.omitted).toEqual([]);
    const nps = report.sections.find((s) => s.id === 'nps');
    expect(nps?.data.score).toBeCloseTo(npsScore(SCORES) as number, 12);
    expect(nps?.data.responses).toBe(SCORES.length);
    expect((nps?.data.bySegment as unknown[]).length).toBe(2);
    const levels = report.sections.find((s) => s.id === 'needLevels')?.data as { contacts: number };
    expect(levels.contacts).toBe(3);
    for (const s of report.sections) for (const fig of s.figures) expect(fig.spec).toHaveProperty('$schema');
  });

  it('column names are mapped by flags (case and spaces in the header ignored)', async () => {
    const tx = file(TX.replace('customer_id,date,amount', ' Client , Day ,Total'));
    const out = join(dir, 'mapped.json');
    const r = await run('--transactions', tx, '--customer-column', 'client', '--date-column', 'day', '--amount-column', 'total', '--out', out, '--format', 'json', '--quiet', '--holdout-weeks', '4');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { sections: { id: string; data: { transactions?: number } }[] };
    expect(report.sections[0]?.data.transactions).toBe(TX_ROWS.length);
  });

  it('Vietnamese: headings and numbers in the locale', async () => {
    const out = join(dir, 'vi.md');
    expect((await run('--transactions', file(TX), '--responses', file(NPS), '--out', out, '--format', 'md', '--locale', 'vi', '--quiet', '--holdout-weeks', '4')).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# Báo cáo chỉ số khách hàng');
    expect(md).toContain('## Chỉ số NPS');
    expect(md).toContain('> Chưa có: thêm --subscriptions');
  });
});

describe('the HTML file', () => {
  it('is self-contained: inline SVG and CSS, no URL, no script, no external stylesheet, a CSP that forbids requests', async () => {
    const out = join(dir, 'all.html');
    const r = await run('--transactions', file(TX), '--subscriptions', file(SUBS), '--responses', file(NPS), '--signals', file(SIGNALS), '--out', out, '--quiet', '--holdout-weeks', '4');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    // url(#clip) references inside the SVG are fine; any other url(...) would be a request.
    expect(html).not.toMatch(/@import|url\((?!#)/i);
    expect(html).not.toMatch(/<img|<iframe|<object|<embed/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size, 'element ids are unique').toBe(ids.length);
    for (const ref of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref[1]);
    const figures = html.match(/<figure /g)?.length ?? 0;
    expect(figures).toBeGreaterThanOrEqual(10);
    // Each figure: two inline SVGs (desktop and phone), each with data marks.
    expect(html.match(/<svg /g)?.length).toBe(2 * figures);
    expect(html.match(/class="mark-[a-z]+ role-mark/g)?.length ?? 0).toBeGreaterThanOrEqual(2 * figures);
  });
});

describe('progress on stderr', () => {
  it('plain lines when stderr is not a terminal, a bar redrawn in place when it is', async () => {
    const plain = await run('--transactions', file(TX), '--out', join(dir, 'p.md'), '--format', 'md', '--holdout-weeks', '4');
    expect(plain.stderr).toContain('reading files...\n');
    expect(plain.stderr).toMatch(/reading files: done in \d+\.\d s\n/);
    expect(plain.stderr).toMatch(/fitting BG\/NBD: done in/);
    expect(plain.stderr).toMatch(/fitting Gamma-Gamma: done in/);
    expect(plain.stderr).not.toContain('\r');

    let tty = '';
    const stderr = { isTTY: true, columns: 80, write: (s: string) => ((tty += s), true) } as unknown as NodeJS.WritableStream;
    const code = await main(['--transactions', file(TX), '--out', join(dir, 'q.html'), '--holdout-weeks', '4'], { stdout: stderr, stderr });
    expect(code).toBe(0);
    expect(tty).toMatch(/\r\x1b\[2Krendering charts \[#*-*\] +\d+%/);
    expect(tty).toContain('rendering charts: done in');
  });
});

describe('the real command', () => {
  it('runs as a process (tsx report/src/cli.ts): exit 0 and a report, exit 1 and one line for a missing file', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const out = join(dir, 'process.html');
    execFileSync(process.execPath, ['--import', 'tsx', 'report/src/cli.ts', '--transactions', file(TX), '--out', out, '--quiet', '--holdout-weeks', '4'], { cwd: root, stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toContain('<!doctype html>');
    const failed = spawnSync(process.execPath, ['--import', 'tsx', 'report/src/cli.ts', '--transactions', join(dir, 'absent.csv'), '--out', out], { cwd: root, encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n').at(-1)).toBe(`customer-metrics-report: --transactions: file not found: ${join(dir, 'absent.csv')}`);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
