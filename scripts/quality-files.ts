/**
 * The source files whose mutation score docs/quality.md records: every `src/**\/*.ts` file that is
 * not a test (`*.test.ts`), sorted.
 *
 * Usage:
 *   tsx scripts/quality-files.ts            # prints the list, one path a line
 *   tsx scripts/quality-files.ts --check    # compares it with the "Every source file" table of
 *                                           # docs/quality.md; lists files missing from the table and
 *                                           # rows naming no file; exits 1 when they differ
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every non-test TypeScript file under `dir`, as a path relative to the repository, `/`-separated. */
export function sourceFiles(dir = join(root, 'src')): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The paths in the first column of the table under the heading "Every source file" of `markdown`. */
export function tablePaths(markdown: string): string[] {
  const start = markdown.search(/^#+ Every source file/m);
  if (start < 0) return [];
  const rest = markdown.slice(start);
  const bodyStart = rest.indexOf('\n') + 1;
  const next = rest.slice(bodyStart).search(/^#+ /m);
  const section = next < 0 ? rest : rest.slice(0, bodyStart + next);
  const paths: string[] = [];
  for (const line of section.split('\n')) {
    const m = /^\|\s*`(src\/[^`]+)`\s*\|/.exec(line);
    if (m) paths.push(m[1] as string);
  }
  return paths;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = sourceFiles();
  if (process.argv.includes('--check')) {
    const listed = tablePaths(readFileSync(join(root, 'docs', 'quality.md'), 'utf8'));
    const inTable = new Set(listed);
    const inTree = new Set(files);
    const missing = files.filter((f) => !inTable.has(f));
    const extra = listed.filter((f) => !inTree.has(f));
    const twice = listed.filter((f, i) => listed.indexOf(f) !== i);
    for (const f of missing) console.log(`missing from docs/quality.md: ${f}`);
    for (const f of extra) console.log(`in docs/quality.md but not a source file: ${f}`);
    for (const f of twice) console.log(`listed twice in docs/quality.md: ${f}`);
    console.log(`${files.length} source files, ${listed.length} table rows`);
    if (missing.length + extra.length + twice.length > 0) process.exit(1);
  } else {
    for (const f of files) console.log(f);
  }
}
