/**
 * Sign-in throttling that protects without locking anyone out. Failures are counted in
 * PostgreSQL (every API instance sees the same counts) under two keys:
 * - per (account, address): after `freePerPair` failures each further one doubles a delay
 *   (1 s, 2 s, 4 s … up to `maxDelayMs`) before that address may try that account again. A
 *   stranger guessing from elsewhere never delays the owner at their own address.
 * - per address: `maxPerAddress` failures within the window (a spray over many accounts) block
 *   the address for `addressBlockMs`.
 * Counts older than the window start again. A success clears its (account, address) key only,
 * so one good account cannot launder an address's guesses.
 * With REDIS_URL the same counts live in Redis instead (server.ts calls useRedis): every instance
 * shares them there, and the database is not written on a failed sign-in.
 */
import type { PrismaClient } from '@gazette/db';

/** The few Redis commands the throttle needs (ioredis' client satisfies it). */
export interface ThrottleRedis {
  incr(key: string): Promise<number>;
  pexpire(key: string, ms: number): Promise<number>;
  set(key: string, value: string, px: 'PX', ms: number): Promise<unknown>;
  pttl(key: string): Promise<number>;
  del(...keys: string[]): Promise<number>;
}

export interface ThrottleOptions {
  freePerPair: number;
  maxDelayMs: number;
  maxPerAddress: number;
  windowMs: number;
  addressBlockMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freePerPair: 3,
  maxDelayMs: 15 * 60_000,
  maxPerAddress: 20,
  windowMs: 15 * 60_000,
  addressBlockMs: 15 * 60_000,
};

type Db = Pick<PrismaClient, '$queryRaw' | '$executeRaw'>;

const pairKey = (email: string, address: string) => `ea:${email.trim().toLowerCase()}|${address}`;
const addressKey = (address: string) => `a:${address}`;

/** The delay after the n-th failure of one (account, address). */
export function pairDelayMs(failures: number, opts: ThrottleOptions = DEFAULT_THROTTLE): number {
  if (failures < opts.freePerPair) return 0;
  return Math.min(opts.maxDelayMs, 1000 * 2 ** (failures - opts.freePerPair));
}

export class LoginThrottle {
  private readonly opts: ThrottleOptions;
  private redis: { client: ThrottleRedis; prefix: string } | null = null;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.opts = { ...DEFAULT_THROTTLE, ...options };
  }

  /** Keeps the counts in Redis (shared by every instance using the same `prefix`). */
  useRedis(client: ThrottleRedis, prefix: string): this {
    this.redis = { client, prefix: `gazette:throttle:${prefix}:` };
    return this;
  }

  private delayFor(key: string, failures: number): number {
    if (key.startsWith('a:'))
      return failures >= this.opts.maxPerAddress ? this.opts.addressBlockMs : 0;
    return pairDelayMs(failures, this.opts);
  }

  /** Milliseconds until this address may try this account again; 0 when it may now. */
  async waitFor(db: Db, email: string, address: string): Promise<number> {
    if (this.redis) {
      const { client, prefix } = this.redis;
      const ttls = await Promise.all(
        [pairKey(email, address), addressKey(address)].map((k) =>
          client.pttl(`${prefix}${k}:blocked`),
        ),
      );
      return Math.max(0, ...ttls);
    }
    const rows = await db.$queryRaw<{ wait: number | null }[]>`
      SELECT GREATEST(0, CEIL(EXTRACT(EPOCH FROM MAX("blockedUntil") - now()) * 1000))::float8 AS wait
      FROM "LoginThrottle" WHERE key IN (${pairKey(email, address)}, ${addressKey(address)}) AND "blockedUntil" > now()`;
    return Number(rows[0]?.wait ?? 0);
  }

  /** Counts a failure under both keys (atomically, whichever instance) and sets their delays. */
  async recordFailure(db: Db, email: string, address: string): Promise<void> {
    if (this.redis) {
      const { client, prefix } = this.redis;
      for (const key of [pairKey(email, address), addressKey(address)]) {
        const failures = await client.incr(`${prefix}${key}:failures`);
        if (failures === 1) await client.pexpire(`${prefix}${key}:failures`, this.opts.windowMs);
        const delay = this.delayFor(key, failures);
        if (delay > 0) await client.set(`${prefix}${key}:blocked`, '1', 'PX', delay);
      }
      return;
    }
    const windowSeconds = this.opts.windowMs / 1000;
    for (const key of [pairKey(email, address), addressKey(address)]) {
      const [row] = await db.$queryRaw<{ failures: number }[]>`
        INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${key}, 1, now())
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                          THEN 1 ELSE "LoginThrottle".failures + 1 END,
          "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                          THEN now() ELSE "LoginThrottle"."windowStart" END
        RETURNING failures`;
      const failures = row?.failures ?? 1;
      const delay = this.delayFor(key, failures);
      if (delay > 0) {
        await db.$executeRaw`UPDATE "LoginThrottle" SET "blockedUntil" = now() + make_interval(secs => ${delay / 1000}) WHERE key = ${key}`;
      }
    }
    // Keep the table small: forget keys idle for a day (now and then).
    if (Math.random() < 0.02) {
      await db.$executeRaw`DELETE FROM "LoginThrottle" WHERE "windowStart" < now() - interval '1 day' AND ("blockedUntil" IS NULL OR "blockedUntil" < now())`;
    }
  }

  async recordSuccess(db: Db, email: string, address: string): Promise<void> {
    if (this.redis) {
      const key = `${this.redis.prefix}${pairKey(email, address)}`;
      await this.redis.client.del(`${key}:failures`, `${key}:blocked`);
      return;
    }
    await db.$executeRaw`DELETE FROM "LoginThrottle" WHERE key = ${pairKey(email, address)}`;
  }
}

/** The throttle used by the `login` mutation (its state lives in the database). */
export const loginThrottle = new LoginThrottle();
