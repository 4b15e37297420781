// The one-port server: `pnpm start` (root), or `pnpm --filter @gazette/api build` then `… start`
// (built JavaScript, dist/server.mjs); `start:tsx` and `dev` run this file through tsx.
// PostgreSQL from DATABASE_URL, or an embedded one in .data/postgres; migrations, seed and the
// first administrator on start; /graphql, /healthz, /readyz and the dashboard on PORT.
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { createPrismaClient, type PrismaClient } from '@gazette/db';
import { DataDirLockedError } from '@gazette/db/embedded-lock';
import { InvalidDatabaseUrlError, validateDatabaseUrl } from '@gazette/db/database-url';
import { dataDir, openDatabase } from '@gazette/db/embedded-default';
import { EditedMigrationError, applyMigrations } from '@gazette/db/migrate';
import { seedDatabase } from '@gazette/db/seed';
import { bootstrapAdmin } from './bootstrap-admin.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './http/logger.ts';
import { closeGracefully, trackInFlight } from './http/shutdown.ts';
import { startReviewTaskJob } from './services/review-tasks.ts';
import { startWebhookWorker, webhookOptionsFrom } from './services/webhooks/worker.ts';
import { reportWebhookSecrets } from './services/webhooks/seal-secrets.ts';
import { loadSecretKey, SecretKeyConfigError, useSecretKey } from './platform/secret-box.ts';
import { createGazetteYoga, responseCacheFrom } from './yoga.ts';
import { loginThrottle } from './auth/throttle.ts';
import { createRedisClient } from './platform/redis.ts';
import { cacheNamespace } from './platform/response-cache.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DASHBOARD_DIR = path.resolve(HERE, '../../admin/dist');

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Where the first administrator's generated password is printed. */
  announce?: (message: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  prisma: PrismaClient;
  /** Graceful stop: finish in-flight requests, close Prisma, stop the embedded PostgreSQL. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger(env);
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) {
      await close().catch((error) => logger.error({ err: error }, 'shutdown step failed'));
    }
    closers.length = 0;
  };

  try {
    // A sealing key that cannot be used stops the start before anything is migrated or served.
    const secrets = loadSecretKey(env, env.DATABASE_URL ? null : dataDir(env));
    const db = await openDatabase({ env, log: (m) => logger.info(m) });
    closers.push(() => db.close());
    logger.info(
      { embedded: db.embedded !== null },
      db.embedded ? 'using the embedded PostgreSQL' : 'using DATABASE_URL',
    );

    const applied = await applyMigrations(db.url, { log: (m) => logger.info(m) });
    logger.info({ applied: applied.length }, 'migrations up to date');

    const prisma = createPrismaClient(db.url);
    closers.push(() => prisma.$disconnect());
    await seedDatabase(prisma);
    logger.info('seed data loaded');
    const admin = await bootstrapAdmin(prisma, {
      env,
      dataDir: dataDir(env),
      announce: options.announce,
    });
    if (admin.created) logger.info({ email: admin.email }, 'created the first administrator');
    // Webhook signing secrets sealed at rest (platform/secret-box.ts); before the worker starts.
    useSecretKey(secrets.key, secrets.previous);
    await reportWebhookSecrets(prisma, secrets, logger);
    // Validity review tasks: now, then daily; one instance at a time (advisory lock).
    const reviewJob = await startReviewTaskJob(prisma, logger);
    closers.push(async () => reviewJob.stop());
    const webhookWorker = startWebhookWorker(prisma, logger, {
      ...webhookOptionsFrom(env),
      databaseUrl: db.url,
    });
    closers.push(() => webhookWorker.stop());

    // REDIS_URL: sign-in throttling counts live in Redis, shared by every instance.
    if (env.REDIS_URL) {
      const redis = createRedisClient(env.REDIS_URL, logger);
      loginThrottle.useRedis(redis, cacheNamespace(db.url));
      closers.push(async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
    }
    // Queries read a replica when DATABASE_REPLICA_URL is set (writes and reads after them: the primary).
    const replica = env.DATABASE_REPLICA_URL
      ? createPrismaClient(validateDatabaseUrl(env.DATABASE_REPLICA_URL, 'DATABASE_REPLICA_URL'))
      : undefined;
    if (replica) closers.push(() => replica.$disconnect());
    const yoga = createGazetteYoga({
      prisma,
      logger,
      databaseUrl: db.url,
      responseCache: responseCacheFrom(env),
      viewerCache: env.GAZETTE_SESSION_CACHE !== 'off',
      personalCache: env.GAZETTE_PERSONAL_CACHE !== 'off',
      replica,
    });
    const server = createServer(
      createApp({
        prisma,
        logger,
        graphql: yoga,
        dashboardDir: DASHBOARD_DIR,
        afterWrite: yoga.afterWrite,
      }),
    );
    const inFlight = trackInFlight(server);
    const port = Number.parseInt(env.PORT ?? '4000', 10);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, env.HOST ?? '0.0.0.0', () => resolve());
    });
    closers.push(() => closeGracefully(server, inFlight));
    // Runs first on stop (closers run in reverse): ends live change streams, which would
    // otherwise hold their requests open through the graceful close.
    closers.push(async () => {
      await yoga.dispose();
    });
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    logger.info({ port: actualPort }, `Gazette is listening on http://localhost:${actualPort}`);

    let closing: Promise<void> | null = null;
    return { server, port: actualPort, prisma, close: () => (closing ??= closeAll()) };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function main(): Promise<void> {
  const logger = createLogger();
  let running: RunningServer | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      // Exiting now would leave the embedded PostgreSQL running; shutdown is bounded anyway.
      logger.warn(
        { signal },
        'already stopping: finishing requests (at most 10 s), then stopping PostgreSQL',
      );
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    if (running) await finish(running); // else main() finishes once starting is over
  };
  const finish = async (server: RunningServer) => {
    await server.close();
    logger.info('stopped');
    // The schema engine leaves a timer behind; nothing else is pending now.
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    running = await startServer({ logger, announce: (m) => process.stdout.write(`${m}\n`) });
  } catch (error) {
    if (
      error instanceof DataDirLockedError ||
      error instanceof EditedMigrationError ||
      error instanceof InvalidDatabaseUrlError ||
      error instanceof SecretKeyConfigError
    ) {
      process.stderr.write(`\n${error.message}\n\n`);
    } else {
      logger.fatal({ err: error }, 'failed to start');
    }
    process.exit(1);
  }
  if (stopping) await finish(running); // a signal arrived while starting
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main();
}
