/**
 * The names each entry point of the package exports, values and types apart, read from the sources
 * with the TypeScript compiler (type-only exports leave no trace at run time, so importing the modules
 * would miss them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Export names of one entry point. */
export interface EntryExports {
  readonly values: string[];
  readonly types: string[];
}

/** Entry points as in package.json `exports`: '.' -> src/index.ts, './nps' -> src/nps/index.ts. */
export function entryPoints(root: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const out: Record<string, string> = {};
  for (const key of Object.keys(pkg.exports)) {
    if (key === './package.json') continue;
    out[key] = join(root, 'src', key === '.' ? 'index.ts' : `${key.slice(2)}/index.ts`);
  }
  return out;
}

/** For each entry point, its exported value names and type names, sorted. */
export function exportNames(root: string): Record<string, EntryExports> {
  const entries = entryPoints(root);
  const program = ts.createProgram(Object.values(entries), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const out: Record<string, EntryExports> = {};
  for (const [key, file] of Object.entries(entries)) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`cannot read ${file}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`${file} is not a module`);
    const values: string[] = [];
    const types: string[] = [];
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      // A name is a value export when something at run time carries it (function, class, const, enum).
      const isValue = (target.flags & ts.SymbolFlags.Value) !== 0 && !isTypeOnlyExport(symbol);
      (isValue ? values : types).push(symbol.name);
    }
    out[key] = { values: values.sort(), types: types.sort() };
  }
  return out;
}

// `export type { X }` of a value still exports no value.
function isTypeOnlyExport(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
}
