import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client.ts';

export interface CreatePrismaClientOptions {
  /** Log each SQL statement through this callback (tests count statements with it). */
  onQuery?: (event: { query: string; params: string; duration: number }) => void;
  /** Size of the pg connection pool (default 10). */
  maxConnections?: number;
}

/**
 * One statement run on the client's own pg pool, past Prisma's query compiler: for the few hot
 * reads where Prisma's per-query cost dominates (authentication). `name` makes it a named
 * prepared statement, parsed once per connection; the same name must always carry the same text.
 */
export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

export interface DirectSql {
  query<R>(statement: NamedStatement): Promise<R[]>;
}

const DIRECT_SQL = Symbol.for('gazette.directSql');

/**
 * A Prisma client over node-postgres (`@prisma/adapter-pg`); close it with `$disconnect()` (which
 * ends its pool). Its pool also serves `directSql(client)`, so that path opens no connections of
 * its own and its statements reach `onQuery` like Prisma's.
 */
export function createPrismaClient(
  databaseUrl: string,
  options: CreatePrismaClientOptions = {},
): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // An idle connection the server dropped is discarded by the pool; the next query reports any
  // real outage. Without a listener that event would end the process.
  pool.on('error', () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const onQuery = options.onQuery;
  let client: PrismaClient;
  if (onQuery) {
    const logged = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
    logged.$on('query', (e) => onQuery({ query: e.query, params: e.params, duration: e.duration }));
    client = logged as unknown as PrismaClient;
  } else {
    client = new PrismaClient({ adapter });
  }
  const direct: DirectSql = {
    async query<R>(statement: NamedStatement) {
      const started = performance.now();
      const result = await pool.query<R & pg.QueryResultRow>(statement);
      onQuery?.({
        query: statement.text,
        params: JSON.stringify(statement.values),
        duration: performance.now() - started,
      });
      return result.rows;
    },
  };
  Object.defineProperty(client, DIRECT_SQL, { value: direct });
  return client;
}

/** The direct pg path of a client made by createPrismaClient (also through a wrapping Proxy). */
export function directSql(client: PrismaClient): DirectSql {
  const direct = (client as unknown as Record<symbol, DirectSql | undefined>)[DIRECT_SQL];
  if (!direct) throw new Error('directSql: the client was not made by createPrismaClient');
  return direct;
}
