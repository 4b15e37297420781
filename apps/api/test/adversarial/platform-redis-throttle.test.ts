// REDIS_URL: sign-in throttle counts shared through Redis (two throttles = two instances), with the
// same rules as in PostgreSQL. Skipped when 127.0.0.1:6379 has no Redis.
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../src/auth/throttle.ts';

const redisUp = await new Promise<boolean>((resolve) => {
  const socket = net.connect(6379, '127.0.0.1');
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
});
const redis = redisUp ? new Redis('redis://127.0.0.1:6379') : null;
afterAll(async () => {
  await redis?.quit();
});
// The database is never touched on the Redis path.
const noDb = new Proxy(
  {},
  { get: () => () => Promise.reject(new Error('database used')) },
) as never;

describe.skipIf(!redisUp)('throttle in Redis', () => {
  it('failures counted on one instance delay the pair on the other; the owner elsewhere is not delayed', async () => {
    const prefix = randomUUID();
    const a = new LoginThrottle({ freePerPair: 2 }).useRedis(redis!, prefix);
    const b = new LoginThrottle({ freePerPair: 2 }).useRedis(redis!, prefix);
    await a.recordFailure(noDb, 'Owner@x.cn', '198.51.100.1');
    expect(await b.waitFor(noDb, 'owner@x.cn', '198.51.100.1')).toBe(0);
    await b.recordFailure(noDb, 'owner@x.cn', '198.51.100.1');
    const wait = await a.waitFor(noDb, 'owner@x.cn', '198.51.100.1');
    expect(wait).toBeGreaterThan(500);
    expect(wait).toBeLessThanOrEqual(1000);
    expect(await a.waitFor(noDb, 'owner@x.cn', '192.0.2.5')).toBe(0);
    await a.recordSuccess(noDb, 'owner@x.cn', '198.51.100.1');
    expect(await b.waitFor(noDb, 'owner@x.cn', '198.51.100.1')).toBe(0);
  });

  it('an address spraying many accounts is blocked on every instance', async () => {
    const prefix = randomUUID();
    const a = new LoginThrottle({ maxPerAddress: 5 }).useRedis(redis!, prefix);
    const b = new LoginThrottle({ maxPerAddress: 5 }).useRedis(redis!, prefix);
    for (let i = 0; i < 5; i++)
      await (i % 2 ? a : b).recordFailure(noDb, `user${i}@x.cn`, '203.0.113.9');
    expect(await a.waitFor(noDb, 'someone@x.cn', '203.0.113.9')).toBeGreaterThan(60_000);
    expect(await b.waitFor(noDb, 'someone@x.cn', '203.0.113.9')).toBeGreaterThan(60_000);
    expect(await b.waitFor(noDb, 'someone@x.cn', '203.0.113.10')).toBe(0);
  });
});
