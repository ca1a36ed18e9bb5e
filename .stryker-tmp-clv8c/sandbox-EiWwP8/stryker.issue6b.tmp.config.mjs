// @ts-nocheck
// Temporary (issue 6 mutation run).
import base from './stryker.config.mjs';
export default {
  ...base,
  vitest: { configFile: 'vitest.issue6-mutation.tmp.config.ts', related: false },
  concurrency: 1,
  dryRunTimeoutMinutes: 30,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress'],
  tempDirName: '.stryker-tmp/issue6b',
  ignorePatterns: ['.stryker-tmp', '.stryker-tmp-*', 'reports', 'docs/api', 'dist', 'coverage'],
};
