import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));
// Set by stryker.config.mjs for `AREA=<area> npm run mutation`: collect only that area's unit tests.
const area = process.env.CUSTOMER_METRICS_TEST_AREA;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^customer-metrics$/, replacement: `${src}index.ts` },
      { find: /^customer-metrics\/(.*)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: area ? [`src/${area}/**/*.test.ts`] : ['src/**/*.test.ts', 'test/**/*.test.ts', 'report/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
