// Runs a command with DATABASE_URL pointing at a PostgreSQL for tests: the given one when set,
// otherwise one embedded cluster started for this run and removed afterwards. Root `pnpm test`
// uses it so every package's tests share one server (each file still gets its own database).
//   node --import tsx scripts/with-test-database.ts <command> [args…]   (runs at the repo root)
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startThrowawayPostgres } from '../src/embedded.ts';
import { PRISMA_DIR } from '../src/migrate/files.ts';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-test-database.ts <command> [args…]');
  process.exit(2);
}

let cleanup = async () => {};
const env = { ...process.env };
if (!env.DATABASE_URL) {
  const cluster = await startThrowawayPostgres();
  env.DATABASE_URL = cluster.url();
  console.log(`tests use an embedded PostgreSQL on 127.0.0.1:${cluster.port}`);
  cleanup = cluster.stop;
}

const child = spawn(command, args, { cwd: path.resolve(PRISMA_DIR, '..'), env, stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal's process group; wait for it, then clean up.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) =>
  child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))),
);
await cleanup();
process.exit(code);
