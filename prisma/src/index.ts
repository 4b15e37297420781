// @gazette/db: the Prisma client, its generated types, migrations and the embedded PostgreSQL.
export {
  createPrismaClient,
  directSql,
  type CreatePrismaClientOptions,
  type DirectSql,
  type NamedStatement,
} from './client.ts';
export * from '../generated/client/client.ts';
