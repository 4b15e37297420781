// pnpm db:migration <name> [--squash] — writes the next migration from schema.prisma.
import { createMigration } from '../src/migrate/create.ts';
import { readSchema } from '../src/migrate/files.ts';
import { startThrowawayPostgres } from '../src/embedded.ts';

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
  const pg = await startThrowawayPostgres('gazette-diff-');
  url = pg.url();
  stop = pg.stop;
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
