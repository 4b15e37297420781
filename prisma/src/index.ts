// @gazette/db: the Prisma client, its generated types, migrations and the embedded PostgreSQL.
export {
  createPrismaClient,
  directSql,
  transactionClosed,
  transactionConnection,
  TRANSACTION_GUARD,
  type CreatePrismaClientOptions,
  type DirectSql,
  type NamedStatement,
  type TransactionConnection,
} from './client.ts';
export * from '../generated/client/client.ts';
