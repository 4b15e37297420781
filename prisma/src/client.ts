import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client.ts';

export interface CreatePrismaClientOptions {
  /** Log each SQL statement through this callback (tests count statements with it). */
  onQuery?: (event: { query: string; params: string; duration: number }) => void;
  /** Size of the pg connection pool (default 10). */
  maxConnections?: number;
}

/** A Prisma client over node-postgres (`@prisma/adapter-pg`); close it with `$disconnect()`. */
export function createPrismaClient(
  databaseUrl: string,
  options: CreatePrismaClientOptions = {},
): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    // Short requests only: PostgreSQL's JIT compiles a plan whose estimate passes jit_above_cost
    // (recursive walks and aggregates over long histories reach it) for about a second, fifty times
    // what running it costs. Off for every connection of the client.
    options: '-c jit=off',
  });
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = options.onQuery;
  client.$on('query', (e) => onQuery({ query: e.query, params: e.params, duration: e.duration }));
  return client as unknown as PrismaClient;
}
