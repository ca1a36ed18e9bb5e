import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the report checked in headless Chromium (needs /usr/bin/chromium; see
// scripts/install-chromium.sh). Kept out of `npm test`, which must not need root or a browser.
const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^customer-metrics$/, replacement: `${src}index.ts` },
      { find: /^customer-metrics\/(.*)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: { include: ['report/test-browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
