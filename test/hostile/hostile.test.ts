/**
 * The whole-API hostile-input suite, deterministic core (see test/hostile/README.md and
 * docs/robustness.md). The long seeded run is `npm run test:hostile:long`.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.js';
import { CORE } from './cases.js';
import { coverage } from './exports.js';
import { known } from './known.js';
import { formatFailures, runSuite, slowest } from './run.js';

describe('hostile-input suite', () => {
  it('has a spec for every runtime export of every subpath, and none for names that are gone', async () => {
    const { missing, stale, refs } = await coverage();
    expect(refs.length).toBeGreaterThan(80);
    expect(missing, 'exports without a spec in test/hostile/specs/<subpath>.ts').toEqual([]);
    expect(stale, 'specs without an export').toEqual([]);
  });

  it('has one catalogue holding every kind of hostile value the suite promises', () => {
    const ids = new Set(catalogue.map((e) => e.id));
    expect(ids.size).toBe(catalogue.length);
    for (const id of [
      'undefined', 'null', 'NaN', 'Infinity', '-Infinity', '-0', '1e308', '5e-324', '-1', '2.5', 'sparse array',
      'null-prototype object', 'class instance', 'Number object', 'String object', 'Symbol', 'BigInt', 'function',
      'Invalid Date', 'Date at max', "'1e400'", "'0x10'", '__proto__ key', 'constructor key', 'throwing getter',
      'throwing Proxy', 'revoked Proxy', 'cyclic object', 'deep array', 'valid as huge array', 'valid as empty array',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('every call ends in a result or a well-formed customer-metrics error (core run)', { timeout: 900_000 }, async () => {
    const skip = new Set(Object.entries(known).filter(([, k]) => k.skipInCore === true).map(([d]) => d));
    const report = await runSuite({ ...CORE, skip });
    const unexpected = report.failures.filter((f) => known[f.description] === undefined);
    const failing = new Set(report.failures.map((f) => f.description));
    const fixed = Object.keys(known).filter((d) => !skip.has(d) && !failing.has(d));
    const summary = `${report.cases} calls; slowest:\n${slowest(report.findings, 5)}`;
    expect(unexpected.length, `${summary}\nUnexpected failures:\n${formatFailures(unexpected)}`).toBe(0);
    expect(fixed, 'known holes that no longer fail: remove them from test/hostile/known.ts').toEqual([]);
  });
});
