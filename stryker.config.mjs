// Mutation testing (StrykerJS 9.6 with its vitest runner). On demand, not part of `npm test`.
//   npm run mutation                                  # everything (slow: the whole suite per dry run)
//   AREA=nps npm run mutation                         # one area: mutates src/nps, runs only its tests
//   AREA=clv npm run mutation -- --mutate 'src/clv/fitBgNbd.ts'   # some files of an area
// With AREA set, only the tests under src/<AREA> run (the extracted doc examples and the reference
// tests in test/ do not), which keeps a run to minutes on two cores.
//   MUTATION_RUN=label  names the sandbox and the report (reports/mutation/<label>.json), so several
//                       runs of one area can go side by side; MUTATION_CONCURRENCY=n sets the workers.
//   MUTATION_TESTS=glob,glob  runs only these test files (for example src/sql/**/*.test.ts,test/sql-duckdb.test.ts),
//                       for files whose tests live in test/ as well as beside the source.
// Summarise a report with: npx tsx scripts/mutation-summary.ts reports/mutation/<label>.json --survivors
// Scores are recorded in docs/quality.md.
const area = process.env.AREA;
const label = process.env.MUTATION_RUN ?? area ?? 'all';
const concurrency = Number(process.env.MUTATION_CONCURRENCY ?? 2);
// Read by vitest.config.ts in Stryker's test-runner processes: only this area's tests are collected.
if (area) process.env.CUSTOMER_METRICS_TEST_AREA = area;
if (process.env.MUTATION_TESTS) process.env.CUSTOMER_METRICS_TEST_ONLY = process.env.MUTATION_TESTS;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.config.ts', related: true },
  mutate: area ? [`src/${area}/**/*.ts`, '!src/**/*.test.ts'] : ['src/**/*.ts', '!src/**/*.test.ts'],
  ignorePatterns: ['dist', 'docs/api', 'reports', 'coverage', '.stryker-tmp*', 'test/doc-examples/generated'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${label}.json` },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: `.stryker-tmp-${label}`,
};
