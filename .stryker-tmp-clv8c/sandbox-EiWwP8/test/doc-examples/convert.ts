/**
 * The line conversions of the doc-example extractor (test/doc-examples/extract.ts), kept apart so
 * that test/doc-examples/extract.test.ts can check them: an example's import becomes a dynamic
 * import, and a `// =>` line becomes an assertion.
 */
// @ts-nocheck


/**
 * Converts an example's `import` line: runtime names become `const { a } = await import('m');`,
 * type-only imports are hoisted. Returns `undefined` for a line that is not an import.
 */
export function convertImport(line: string): { runtime?: string; hoisted?: string } | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('import ')) return undefined;
  if (trimmed.startsWith('import type ')) return { hoisted: trimmed };
  let m = /^import\s+\{([^}]*)\}\s+from\s+(['"][^'"]+['"]);?$/.exec(trimmed);
  if (m) {
    const names = (m[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .filter((s) => !s.startsWith('type '))
      .map((s) => s.replace(/\s+as\s+/, ': '));
    const types = (m[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('type '))
      .map((s) => s.slice(5));
    return {
      runtime: names.length > 0 ? `const { ${names.join(', ')} } = await import(${m[2]});` : '',
      ...(types.length > 0 ? { hoisted: `import type { ${types.join(', ')} } from ${m[2]};` } : {}),
    };
  }
  m = /^import\s+\*\s+as\s+(\w+)\s+from\s+(['"][^'"]+['"]);?$/.exec(trimmed);
  if (m) return { runtime: `const ${m[1]} = await import(${m[2]});` };
  m = /^import\s+(\w+)\s+from\s+(['"][^'"]+['"]);?$/.exec(trimmed);
  if (m) return { runtime: `const { default: ${m[1]} } = await import(${m[2]});` };
  throw new Error(`Unsupported import form in an example: ${trimmed}`);
}

/**
 * Converts one example line: `expr; // => value` becomes a `toEqual` assertion, `expr; // => ~0.304`
 * an `__approx` assertion to the decimals shown, and `const x = expr; // => value` keeps the
 * declaration and asserts `x`. Other lines are returned unchanged. `where` labels the assertion.
 */
export function convertLine(line: string, where: string): string {
  const idx = line.indexOf('// =>');
  if (idx < 0) return line;
  const code = line.slice(0, idx).trim().replace(/;\s*$/, '');
  const expected = line.slice(idx + 5).trim();
  const decl = /^(const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/.exec(code);
  const label = JSON.stringify(`${where}: ${line.trim()}`);
  const subject = decl ? decl[2] : `(${code})`;
  const prefix = decl ? `${code};\n` : '';
  if (expected.startsWith('~')) {
    return `${prefix}__approx(${subject}, ${JSON.stringify(expected.slice(1).trim())}, ${label});`;
  }
  return `${prefix}expect(${subject}, ${label}).toEqual(${expected});`;
}
