import { defineConfig } from 'vitest/config';

// Suites that start the real server as a user would, each with its own embedded PostgreSQL
// (no DATABASE_URL): the embedded default (test/*.e2e.test.ts) and the contract acceptance
// run (test/acceptance/). One file at a time: each boots PostgreSQL, and CI has two cores.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts', 'test/acceptance/**/*.acceptance.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // The suites start the API's `start` script (built JavaScript): build it first.
    globalSetup: ['test/acceptance/build-api.ts'],
  },
});
