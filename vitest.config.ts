import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));
// Set by stryker.config.mjs for `AREA=<area> npm run mutation`: collect only that area's unit tests.
const area = process.env.CUSTOMER_METRICS_TEST_AREA;
// Set by stryker.config.mjs from MUTATION_TESTS: comma-separated test globs for a mutation run.
const only = process.env.CUSTOMER_METRICS_TEST_ONLY?.split(',').filter((g) => g !== '');

export default defineConfig({
  resolve: {
    alias: [
      { find: /^customer-metrics$/, replacement: `${src}index.ts` },
      { find: /^customer-metrics\/(.*)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: only !== undefined && only.length > 0 ? only : area ? [`src/${area}/**/*.test.ts`] : ['src/**/*.test.ts', 'test/**/*.test.ts', 'report/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
