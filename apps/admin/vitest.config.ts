import { withBase } from '@gazette/vitest-config';

// Unit tests beside the code, and the browser suite in e2e/ (the `test` script builds first).
export default withBase({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    // One PostgreSQL per run (DATABASE_URL or embedded); the suite clones a database from it.
    globalSetup: ['@gazette/db/testing-global-setup'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
