// pnpm db:migrate — applies pending migrations to DATABASE_URL, or to the embedded PostgreSQL.
import { applyMigrations } from '../src/migrate.ts';
import { openDatabase } from '../src/embedded-default.ts';

const db = await openDatabase({ log: console.log });
try {
  const applied = await applyMigrations(db.url, { log: console.log });
  console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
} finally {
  await db.close();
}
// The wasm engine leaves a 10 s timer behind; nothing else is pending.
process.exit(process.exitCode ?? 0);
