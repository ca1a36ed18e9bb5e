/**
 * Self-test of the doc-example machinery: a `// =>` line becomes an assertion that passes for the
 * value the code produces and fails for any other, so a wrong value in an example fails the build.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { __approx } from './approx.js';
import { convertImport, convertLine } from './convert.js';

/** Runs converted example lines with `expect` and `__approx` in scope, as the generated tests do. */
function run(lines: string[], scope: Record<string, unknown> = {}): void {
  const body = lines.map((line) => convertLine(line, 'src/example.ts:1')).join('\n');
  const names = ['expect', '__approx', ...Object.keys(scope)];
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function(...names, body) as (...args: unknown[]) => void;
  fn(expect, __approx, ...Object.values(scope));
}

describe('doc-example conversion', () => {
  const half = (x: number) => x / 2;

  it('passes a `// =>` line whose value the code produces', () => {
    expect(() => run(['half(3); // => 1.5'], { half })).not.toThrow();
    expect(() => run(["({ a: [1, 'b'] }); // => { a: [1, 'b'] }"])).not.toThrow();
  });

  it('fails a `// =>` line with a wrong value, naming the example line', () => {
    expect(() => run(['half(3); // => 1.4'], { half })).toThrow(/src\/example\.ts:1: half\(3\); \/\/ => 1\.4/);
    expect(() => run(["({ a: [1, 'b'] }); // => { a: [1, 'c'] }"])).toThrow();
    expect(() => run(['half(2); // => undefined'], { half })).toThrow();
  });

  it('asserts a declared constant', () => {
    expect(convertLine('const x = half(4); // => 2', 'w')).toBe('const x = half(4);\nexpect(x, "w: const x = half(4); // => 2").toEqual(2);');
    expect(() => run(['const x = half(4); // => 2'], { half })).not.toThrow();
    expect(() => run(['const x: number = half(4); // => 3'], { half })).toThrow();
  });

  it('compares `~` values to the decimals shown, and fails outside them', () => {
    expect(() => run(['0.30429; // => ~0.304'])).not.toThrow();
    expect(() => run(['0.3056; // => ~0.304'])).toThrow(/tolerance/);
    expect(() => run(['33.3333; // => ~33.33'])).not.toThrow();
    expect(() => run(['33.34; // => ~33.33'])).toThrow();
    expect(() => run(["'0.304'; // => ~0.304"])).toThrow();
  });

  it('leaves other lines alone', () => {
    expect(convertLine('const y = 1;', 'w')).toBe('const y = 1;');
    expect(convertImport('const y = 1;')).toBeUndefined();
  });

  it('turns imports into dynamic imports and hoists type imports', () => {
    expect(convertImport("import { npsScore, type NpsBands } from 'customer-metrics/nps';")).toEqual({
      runtime: "const { npsScore } = await import('customer-metrics/nps');",
      hoisted: "import type { NpsBands } from 'customer-metrics/nps';",
    });
    expect(convertImport("import type { NpsBands } from 'customer-metrics';")).toEqual({ hoisted: "import type { NpsBands } from 'customer-metrics';" });
    expect(convertImport("import * as cm from 'customer-metrics';")).toEqual({ runtime: "const cm = await import('customer-metrics');" });
    expect(() => convertImport("import 'customer-metrics';")).toThrow(/Unsupported import form/);
  });
});
