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
 * A client's open pool connections by server process id (see transactionConnection), kept on the
 * client itself so that wrappers (a Proxy that forwards property reads) still reach it.
 */
const CONNECTIONS = Symbol('gazette.pgConnections');

/**
 * A Prisma client over node-postgres (`@prisma/adapter-pg`); close it with `$disconnect()` (which
 * ends its pool). Its pool also serves `directSql(client)` and `transactionConnection`, so those
 * paths open no connections of their own and directSql's statements reach `onQuery` like Prisma's.
 */
export function createPrismaClient(
  databaseUrl: string,
  options: CreatePrismaClientOptions = {},
): PrismaClient {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    // Short requests only: PostgreSQL's JIT compiles a plan whose estimate passes jit_above_cost
    // (recursive walks and aggregates over long histories reach it) for about a second, fifty times
    // what running it costs. Off for every connection of the client.
    options: '-c jit=off',
  });
  // An idle connection the server dropped is discarded by the pool; the next query reports any
  // real outage. Without a listener that event would end the process.
  pool.on('error', () => {});
  const byPid = new Map<number, pg.PoolClient>();
  const pidOf = (c: pg.PoolClient) => (c as unknown as { processID?: number }).processID;
  pool.on('connect', (c) => {
    const pid = pidOf(c);
    if (pid != null) byPid.set(pid, c);
  });
  pool.on('remove', (c) => {
    const pid = pidOf(c);
    if (pid != null && byPid.get(pid) === c) byPid.delete(pid);
  });
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
  Object.defineProperty(client, CONNECTIONS, { value: byPid });
  return client;
}

/** The direct pg path of a client made by createPrismaClient (also through a wrapping Proxy). */
export function directSql(client: PrismaClient): DirectSql {
  const direct = (client as unknown as Record<symbol, DirectSql | undefined>)[DIRECT_SQL];
  if (!direct) throw new Error('directSql: the client was not made by createPrismaClient');
  return direct;
}

/**
 * A transaction's own node-postgres connection, for bulk writes. `txid` is the transaction's id:
 * a statement sent on `query` must only write `WHERE txid_current() = <txid>` (see
 * TRANSACTION_GUARD) and its caller check the rows written, because Prisma may close the
 * transaction (a timeout) and hand the connection back to the pool while the caller still holds it.
 */
export interface TransactionConnection {
  query: pg.ClientBase['query'];
  txid: string;
}

/**
 * The node-postgres connection an interactive transaction of `prisma` (one made by
 * createPrismaClient, or a Proxy over one) runs on: statements sent on it belong to that
 * transaction, so bulk rows can go through the driver (no per-statement work or retained
 * parameters in Prisma) and still be committed or rolled back with everything else. Only use it
 * between the transaction's own statements (never concurrently with them).
 */
export async function transactionConnection(
  prisma: object,
  tx: { $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> },
): Promise<TransactionConnection> {
  const byPid = (prisma as { [CONNECTIONS]?: Map<number, pg.PoolClient> })[CONNECTIONS];
  if (!byPid)
    throw new Error('transactionConnection: the client was not made by createPrismaClient');
  const [row] = await tx.$queryRaw<{ pid: number; txid: string }[]>`
    SELECT pg_backend_pid() AS pid, txid_current()::text AS txid`;
  const connection = row && byPid.get(row.pid);
  if (!connection)
    throw new Error(`transactionConnection: no pool connection for backend ${row?.pid}`);
  return { query: connection.query.bind(connection) as pg.ClientBase['query'], txid: row.txid };
}

/**
 * The condition a bulk INSERT … SELECT on a TransactionConnection ends with, `$n` being its txid:
 * outside that transaction (closed by Prisma meanwhile) it writes nothing, and its caller, seeing
 * fewer rows than it sent, throws.
 */
export const TRANSACTION_GUARD = (n: number) => `txid_current() = $${n}::bigint`;

/** Thrown by a bulk write whose transaction was closed before it ran (it wrote nothing). */
export function transactionClosed(): Error {
  return new Error('Transaction already closed: the bulk write ran outside its transaction');
}
