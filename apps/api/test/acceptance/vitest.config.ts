// The acceptance run on its own: `npx vitest run -c test/acceptance/vitest.config.ts` (in apps/api).
// It starts its own server (embedded PostgreSQL), so it needs none of the package's global setup.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  test: {
    include: ['test/acceptance/**/*.acceptance.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
