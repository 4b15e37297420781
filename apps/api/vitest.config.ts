import { fileURLToPath } from 'node:url';
import { withBase } from '@gazette/vitest-config';

// Each test file gets its own database cloned from a migrated template (@gazette/db/testing).
const dbGlobalSetup = fileURLToPath(new URL('../../prisma/src/testing-global-setup.ts', import.meta.url));

export default withBase({
  test: {
    globalSetup: [dbGlobalSetup],
  },
});
