// Summarises a Stryker JSON report: per-file score and the surviving / uncovered mutants.
//   npx tsx scripts/mutation-summary.ts reports/mutation/clv.json [--survivors]
import { readFileSync } from 'node:fs';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const [path, flag] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: mutation-summary <report.json> [--survivors]');
const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
let total = { killed: 0, detected: 0, valid: 0 };
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const count = (s: string) => mutants.filter((m) => m.status === s).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + timeout + survived + noCoverage;
  total = { killed: total.killed + killed, detected: total.detected + killed + timeout, valid: total.valid + valid };
  const score = valid === 0 ? 100 : ((killed + timeout) / valid) * 100;
  console.log(
    `${file}: ${score.toFixed(2)}% (${valid} mutants: ${killed} killed, ${timeout} timeout, ${survived} survived, ${noCoverage} no coverage)`,
  );
  if (flag === '--survivors') {
    const lines = source.split('\n');
    for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
      const line = m.location.start.line;
      console.log(
        `  ${m.status === 'NoCoverage' ? 'NC' : 'S '} L${line}:${m.location.start.column} ${m.mutatorName} -> ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80)}`,
      );
      console.log(`      ${(lines[line - 1] ?? '').trim().slice(0, 120)}`);
    }
  }
}
const score = total.valid === 0 ? 100 : (total.detected / total.valid) * 100;
console.log(`TOTAL: ${score.toFixed(2)}% (${total.detected}/${total.valid})`);
