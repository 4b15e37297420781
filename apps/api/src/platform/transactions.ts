// Bounded retries of transient transaction failures (serialization 40001, deadlock 40P01, pool
// wait P2028). The API's Prisma client is wrapped once (createGazetteYoga): every
// `prisma.$transaction(async (tx) => …)` of a service re-runs its callback from the start, in a new
// transaction, when the database aborted it for a transient reason. That is safe because an
// aborted transaction wrote nothing and the callback reads what it needs inside the transaction.
// After the last attempt the failure becomes ServiceUnavailableError (503 with Retry-After).
// The array form `$transaction([…])` is not retried (its queries cannot be re-issued) but still
// answers 503 through maskError.
import type { PrismaClient } from '@gazette/db';
import { ServiceUnavailableError, classifyDbError } from './db-errors.ts';

export interface RetryOptions {
  /** Attempts in all, the first included (default 3). */
  attempts?: number;
  /** Base delay between attempts in ms, doubled each time, with jitter (default 25). */
  baseDelayMs?: number;
  /** Called before each retry (logs, tests). */
  onRetry?: (info: { attempt: number; reason: string }) => void;
}

export const DEFAULT_ATTEMPTS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn`, again on a transient database failure, at most `attempts` times in all. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const base = options.baseDelayMs ?? 25;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const failure = classifyDbError(error);
      if (failure?.kind !== 'transient') throw error;
      if (attempt >= attempts)
        throw new ServiceUnavailableError(failure.reason, attempt, { cause: error });
      options.onRetry?.({ attempt, reason: failure.reason });
      await sleep(base * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}

const wrapped = new WeakSet<object>();

/** The same client whose interactive `$transaction(fn, options)` retries transient failures. */
export function withTransactionRetry(
  prisma: PrismaClient,
  options: RetryOptions = {},
): PrismaClient {
  if (wrapped.has(prisma)) return prisma;
  const proxy = new Proxy(prisma, {
    get(target, property) {
      if (property === '$transaction') {
        return (arg: unknown, txOptions?: unknown) => {
          const run = (target.$transaction as (a: unknown, o?: unknown) => Promise<unknown>).bind(
            target,
          );
          if (typeof arg !== 'function') {
            return run(arg, txOptions);
          }
          return withRetry(() => run(arg, txOptions), options);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  wrapped.add(proxy);
  return proxy;
}
