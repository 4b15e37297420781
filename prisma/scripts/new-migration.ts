// pnpm db:migration <name> [--squash] — writes the next migration from schema.prisma.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMigration } from '../src/migrate/create.ts';
import { readSchema } from '../src/migrate/files.ts';
import { freePort, startEmbeddedPostgres } from '../src/embedded.ts';

const args = process.argv.slice(2);
const squash = args.includes('--squash');
const name = args.find((a) => !a.startsWith('--'));
if (!name) {
  console.error('usage: pnpm db:migration <name> [--squash]');
  process.exit(2);
}

// The engine wants a live connection even to diff two schemas; any server will do.
let url = process.env.DATABASE_URL;
let stop = async () => {};
if (!url) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'gazette-diff-'));
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(tmp, 'pg'),
    port: await freePort(),
    ephemeral: true,
  });
  url = pg.url();
  stop = async () => {
    await pg.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
}
try {
  const result = await createMigration({ name, schema: readSchema(), databaseUrl: url, squash });
  if (!result.created) console.log('schema.prisma matches the migrations: nothing to write');
  else {
    if (result.removed.length) console.log(`squashed: removed ${result.removed.join(', ')}`);
    console.log(`wrote prisma/migrations/${result.name}/migration.sql`);
  }
} finally {
  await stop();
}
// The wasm engine leaves a 10 s timer behind; nothing else is pending.
process.exit(process.exitCode ?? 0);
