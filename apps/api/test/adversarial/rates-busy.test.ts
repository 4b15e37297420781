// A rate write under contention never ends in a masked "Unexpected error.": deadlocks are retried,
// waits that run out (no connection in time, lock timeout, closed transaction) become a retryable
// SERVICE_UNAVAILABLE in Chinese (HTTP 503 with Retry-After, like the platform's exhausted
// transaction retries), and only a bounded number of rate writes hold connections at once.
import { DomainError } from '@gazette/domain';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import type { GazetteContext } from '../../src/context.ts';
import { maskError } from '../../src/errors.ts';
import { RETRY_AFTER_SECONDS } from '../../src/platform/db-errors.ts';
import { RATE_WRITE_SLOTS, busyError, rateWrite } from '../../src/services/rates/support.ts';

const tx = { $executeRawUnsafe: async () => 0 };

/** A context whose transactions fail with `failures` in turn, then run. */
function ctxFailing(...failures: unknown[]) {
  let calls = 0;
  const ctx = {
    prisma: {
      $transaction: async (fn: (t: typeof tx) => Promise<unknown>) => {
        const failure = failures[calls++];
        if (failure) throw failure;
        return fn(tx);
      },
    },
  } as unknown as GazetteContext;
  return { ctx, calls: () => calls };
}

const prismaError = (code: string, message = 'failed', cause?: Record<string, unknown>) =>
  Object.assign(new Error(message), {
    code,
    ...(cause ? { meta: { driverAdapterError: { cause } } } : {}),
  });

describe('rateWrite', () => {
  it.each([
    [
      'no connection in time (P2028)',
      prismaError(
        'P2028',
        'Transaction API error: Unable to start a transaction in the given time.',
      ),
    ],
    [
      'a lock timeout (55P03)',
      prismaError('P2010', 'canceling statement due to lock timeout', { originalCode: '55P03' }),
    ],
    [
      'a statement timeout (57014)',
      prismaError('P2010', 'canceling statement', { originalCode: '57014' }),
    ],
    [
      'a closed transaction',
      new Error('Transaction already closed: the timeout for this transaction was 120000 ms'),
    ],
  ])('answers %s with a retryable SERVICE_UNAVAILABLE in Chinese', async (_name, failure) => {
    const { ctx } = ctxFailing(failure);
    const error = await rateWrite(ctx, async () => 'written').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      details: { retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS },
    });
    expect((error as Error).message).toMatch(/请稍后重试/);
  });

  it('retries a deadlock or serialization failure, then answers SERVICE_UNAVAILABLE', async () => {
    const once = ctxFailing(prismaError('P2034'));
    expect(await rateWrite(once.ctx, async () => 'written')).toBe('written');
    expect(once.calls()).toBe(2);
    const always = ctxFailing(
      prismaError('P2034'),
      prismaError('P2010', 'deadlock', { originalCode: '40P01' }),
      prismaError('P2034'),
      prismaError('P2034'),
    );
    await expect(rateWrite(always.ctx, async () => 'written')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(always.calls()).toBe(3);
  });

  it('lets domain errors through and leaves true bugs unexpected', async () => {
    const { ctx } = ctxFailing();
    await expect(
      rateWrite(ctx, async () => {
        throw new DomainError('BAD_USER_INPUT', '金额无效', { field: 'amount' });
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const bug = await rateWrite(ctx, async () => {
      throw new TypeError('x is undefined');
    }).catch((e: unknown) => e);
    expect(bug).toBeInstanceOf(TypeError);
  });

  it(`runs at most ${RATE_WRITE_SLOTS} rate writes at once; the others wait their turn`, async () => {
    const { ctx } = ctxFailing();
    let running = 0;
    let most = 0;
    const writes = Array.from({ length: 6 }, (_, i) =>
      rateWrite(ctx, async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return i;
      }),
    );
    expect(await Promise.all(writes)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(RATE_WRITE_SLOTS);
  });

  it('reaches the client as HTTP 503 with Retry-After, like the platform retry layer', async () => {
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { ok: Boolean } type Mutation { write: Boolean }',
        resolvers: {
          Mutation: {
            write: () => {
              throw busyError();
            },
          },
        },
      }),
      maskedErrors: { maskError },
      logging: false,
    });
    const res = await yoga.fetch('http://gazette.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { write }' }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    const body = (await res.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/请稍后重试/),
      extensions: {
        code: 'SERVICE_UNAVAILABLE',
        retryable: true,
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      },
    });
  });
});
