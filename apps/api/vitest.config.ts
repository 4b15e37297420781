import { createRequire } from 'node:module';
import { withBase } from '@gazette/vitest-config';

// One graphql instance: Vite would pick graphql's ESM build for our sources while Pothos and
// yoga load its CommonJS build, and graphql refuses types from "another module or realm".
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default withBase({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    // One PostgreSQL per run (DATABASE_URL or embedded), a migrated template, a database per file.
    globalSetup: ['@gazette/db/testing-global-setup'],
    // The e2e and acceptance suites start real servers; they have their own configs.
    exclude: ['**/node_modules/**', 'test/**/*.e2e.test.ts', 'test/acceptance/**'],
  },
});
