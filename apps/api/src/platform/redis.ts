// Redis (REDIS_URL) for what several API instances share: the response cache's store.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createRedisCache } from '@envelop/response-cache-redis';
import type { Cache } from '@graphql-yoga/plugin-response-cache';

/** An ioredis client that logs (rather than throws) connection trouble. */
export function createRedisClient(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis error'));
  return redis;
}

export function createRedisStore(
  url: string,
  logger: Logger,
): { redis: Redis; cache: Cache; close(): Promise<void> } {
  // No keyPrefix: the store lists keys by pattern (KEYS), which a prefix would break.
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis error'));
  // Two copies of @envelop/response-cache's types (the redis store pins an older one): same shape.
  const cache = createRedisCache({ redis: redis as never }) as unknown as Cache;
  return {
    redis,
    cache,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
