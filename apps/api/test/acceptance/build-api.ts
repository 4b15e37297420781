// Vitest global setup of the end-to-end suites: the API's `start` script runs the built
// JavaScript (dist/server.mjs), as the README's `pnpm start` does after building what changed.
// Build it once from the sources under test, so a suite never runs a stale or missing bundle.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup() {
  const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: apiDir, stdio: 'inherit' });
}
