// pnpm db:seed — loads the gazette seed data (idempotent) into DATABASE_URL or the embedded PostgreSQL.
import { createPrismaClient } from '../src/client.ts';
import { openDatabase } from '../src/embedded-default.ts';
import { seedDatabase } from '../src/seed.ts';

const db = await openDatabase({ log: console.log });
const prisma = createPrismaClient(db.url);
try {
  const report = await seedDatabase(prisma);
  console.log('seeded', JSON.stringify(report));
} finally {
  await prisma.$disconnect();
  await db.close();
}
