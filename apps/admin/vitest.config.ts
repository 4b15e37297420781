import { withBase } from '@gazette/vitest-config';

// Unit tests beside the code, and the browser suite in e2e/ (needs `vite build` first).
export default withBase({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
