import { defineConfig } from 'vitest/config';

/** The web package's unit tests are pure (catalogue, client helpers): they run in Node, without a DOM. */
export default defineConfig({
  test: {
    name: 'web',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
