// Shared Vitest defaults: tests sit beside the code (x.ts, x.test.ts).
import { defineConfig, mergeConfig } from 'vitest/config';

export const baseConfig = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

export function withBase(config = {}) {
  return mergeConfig(baseConfig, config);
}
