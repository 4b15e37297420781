import type { PrismaClient } from '@gazette/db';
import { pendingMigrations } from '@gazette/db/migrate';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  pendingMigrations: string[];
}

/** Ready when the database answers and every migration on disk has been applied. */
export async function checkReadiness(prisma: PrismaClient, timeoutMs = 5000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    const pending = await Promise.race([
      pendingMigrations((sql) => prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(sql)),
      timeout,
    ]);
    return { ready: pending.length === 0, database: 'ok', pendingMigrations: pending };
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: [] };
  } finally {
    clearTimeout(timer);
  }
}
