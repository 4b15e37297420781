// Redis (REDIS_URL) for what several API instances share: the response cache's store.
// ioredis and the Redis store are loaded only when REDIS_URL is set (about 3 MB of heap and
// buffers, with the modules they pull in, that a process without Redis never uses).
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Cache } from '@graphql-yoga/plugin-response-cache';

const require = createRequire(import.meta.url);
const ioredis = () => (require('ioredis') as typeof import('ioredis')).Redis;
const redisCacheModule = () =>
  require('@envelop/response-cache-redis') as typeof import('@envelop/response-cache-redis');

/** An ioredis client that logs (rather than throws) connection trouble. */
export function createRedisClient(url: string, logger: Logger): Redis {
  const redis = new (ioredis())(url, { maxRetriesPerRequest: 2 });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis error'));
  return redis;
}

export function createRedisStore(
  url: string,
  logger: Logger,
): { redis: Redis; cache: Cache; close(): Promise<void> } {
  // No keyPrefix: the store lists keys by pattern (KEYS), which a prefix would break.
  const redis = new (ioredis())(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis error'));
  // Two copies of @envelop/response-cache's types (the redis store pins an older one): same shape.
  const cache = redisCacheModule().createRedisCache({ redis: redis as never }) as unknown as Cache;
  return {
    redis,
    cache,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
