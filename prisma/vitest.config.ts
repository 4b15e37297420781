import { withBase } from '@gazette/vitest-config';
import { DB_TEST_GLOBAL_SETUP } from './src/testing.ts';

export default withBase({
  test: {
    globalSetup: [DB_TEST_GLOBAL_SETUP],
    // The schema engine is WebAssembly, which Node 20 imports only behind this flag.
    execArgv: ['--experimental-wasm-modules', '--disable-warning=ExperimentalWarning'],
  },
});
