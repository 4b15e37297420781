import { defineConfig } from 'vitest/config';

// End-to-end tests that start the real server as a user would (see test/*.e2e.test.ts).
export default defineConfig({
  test: { include: ['test/**/*.e2e.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
});
