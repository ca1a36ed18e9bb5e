// @ts-nocheck
// Temporary (issue 6 mutation run): the clv foundations and economics tests only.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^customer-metrics$/, replacement: `${src}index.ts` },
      { find: /^customer-metrics\/(.*)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: [
      'src/economics/*.test.ts',
      'src/clv/{rfmSummary,calibrationHoldoutSplit,compressSummaries,historicClv,clvFromRetention,ltvFromChurn}.test.ts',
      'test/clv-cdnow-summary.test.ts',
    ],
    testTimeout: 60_000,
  },
});
