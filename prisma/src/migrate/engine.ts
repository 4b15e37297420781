import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

// The Prisma CLI cannot download its native schema engine here, so migrations run on the
// WebAssembly build of the same engine, talking to PostgreSQL through the pg driver adapter.
// Node 20 needs `--experimental-wasm-modules` to import it, so it is imported only when used:
// modules that merely import this one (configs, the server's health checks) need no flag.

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export type EngineLog = (message: string) => void;

/** Runs `fn` with a schema engine bound to `databaseUrl`, then frees the engine and its pool. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  datamodel: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  log: EngineLog = () => {},
): Promise<T> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => {}); // a dropped idle connection must not crash the process
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
    const engine = await SchemaEngine.new(
      { datamodels: [['schema.prisma', datamodel]] },
      log,
      adapter,
    );
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/**
 * The SQL that turns a database shaped like `from` into one shaped like `to` (null = empty).
 * The engine insists on a live connection even here; it reads nothing from that database.
 */
export async function diffDatamodels(
  databaseUrl: string,
  from: string | null,
  to: string,
): Promise<string> {
  return withSchemaEngine(databaseUrl, to, async (engine) => {
    const result = await engine.diff({
      from:
        from === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });
}
