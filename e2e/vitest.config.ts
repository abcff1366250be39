import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['specs/**/*.spec.ts'],
    globalSetup: ['./support/globalSetup.ts'],
    // One server and one set of demo accounts: specs run one after another.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
