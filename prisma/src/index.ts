// @gazette/db: the Prisma client, its generated types, migrations and the embedded PostgreSQL.
export {
  createPrismaClient,
  transactionClosed,
  transactionConnection,
  TRANSACTION_GUARD,
  type CreatePrismaClientOptions,
  type TransactionConnection,
} from './client.ts';
export * from '../generated/client/client.ts';
