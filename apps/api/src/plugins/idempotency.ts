// Idempotent mutations: a mutation sent with an `Idempotency-Key` header by a signed-in caller is
// claimed in PostgreSQL (IdempotencyKey, keyed by caller + key, with a hash of the request) before
// it runs. A retry with the same key and the same request gets the first result back and writes
// nothing; the same key with a different request is a CONFLICT; a duplicate that arrives while the
// first still runs waits for its result (up to WAIT_MS, then CONFLICT). Only successful results are
// kept: a failed mutation wrote nothing (one transaction), so its retry runs again. Entries expire
// after 24 hours. Anonymous callers are not keyed (there is no caller to bind a result to).
// Limit: a process killed between the mutation's commit and storing its result leaves a pending
// claim; after STALE_MS a retry runs the mutation again.
import { getOperationAST, print } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GazetteContext } from '../context.ts';
import { sha256Hex } from '../platform/sha256.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_HOURS = 24;
const WAIT_MS = 10_000;
const POLL_MS = 50;
const STALE_MS = 5 * 60_000;
const KEY = /^[\x21-\x7e]{1,200}$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whom a key belongs to: a user or a token; anonymous callers are not keyed. */
export function idempotencyCaller(viewer: GazetteContext['viewer']): string | undefined {
  if (viewer.kind === 'user') return `user:${viewer.userId}`;
  if (viewer.kind === 'token') return `token:${viewer.tokenId}`;
  return undefined;
}

function conflict(message: string) {
  return createGraphQLError(message, {
    extensions: { code: 'CONFLICT', field: 'Idempotency-Key' },
  });
}

type Prisma = GazetteContext['prisma'];

async function claim(prisma: Prisma, caller: string, key: string, hash: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ claimed: boolean }[]>`
    INSERT INTO "IdempotencyKey" (caller, key, "requestHash", "expiresAt")
    VALUES (${caller}, ${key}, ${hash}, now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}))
    ON CONFLICT (caller, key) DO UPDATE
      SET "requestHash" = EXCLUDED."requestHash", response = NULL, "createdAt" = now(), "expiresAt" = EXCLUDED."expiresAt"
      WHERE "IdempotencyKey"."expiresAt" <= now()
         OR ("IdempotencyKey".response IS NULL AND "IdempotencyKey"."createdAt" < now() - make_interval(secs => ${STALE_MS / 1000}))
    RETURNING true AS claimed`;
  return rows.length > 0;
}

async function existing(prisma: Prisma, caller: string, key: string) {
  const rows = await prisma.$queryRaw<{ requestHash: string; response: unknown }[]>`
    SELECT "requestHash", response FROM "IdempotencyKey" WHERE caller = ${caller} AND key = ${key} AND "expiresAt" > now()`;
  return rows[0];
}

/** What a request carrying an Idempotency-Key does: run (then `finish`), or answer at once. */
export type IdempotentStart =
  | {
      run: true;
      /** After the run: its response to keep (replayed to retries), or null when it failed. */
      finish(response: unknown): Promise<void>;
    }
  | { run: false; response: unknown }
  | { run: false; conflict: string };

/**
 * Claims `key` for `caller` and the request hashed `hash`: the first claim runs; a retry of the same
 * request gets the kept response (waiting while the first still runs); another request with the
 * key is a conflict. Shared by the GraphQL mutations (useIdempotency) and POST /imports/….
 */
export async function startIdempotent(
  prisma: Prisma,
  caller: string,
  key: string,
  hash: string,
): Promise<IdempotentStart> {
  const deadline = Date.now() + WAIT_MS;
  // Expired entries are cleared now and then by whichever request passes (no job needed).
  if (Math.random() < 0.01) await purgeExpiredIdempotencyKeys(prisma);
  for (;;) {
    if (await claim(prisma, caller, key, hash)) break;
    const row = await existing(prisma, caller, key);
    if (!row) continue; // the first attempt failed and gave the key back, or it just expired
    if (row.requestHash !== hash)
      return { run: false, conflict: '该 Idempotency-Key 已用于另一个不同的请求' };
    if (row.response !== null) return { run: false, response: row.response };
    if (Date.now() > deadline)
      return { run: false, conflict: '使用该 Idempotency-Key 的请求仍在处理中,请稍后重试' };
    await sleep(POLL_MS);
  }
  return {
    run: true,
    async finish(response) {
      if (response == null) {
        await prisma.$executeRaw`DELETE FROM "IdempotencyKey" WHERE caller = ${caller} AND key = ${key} AND response IS NULL`;
        return;
      }
      const json = JSON.stringify(response);
      await prisma.$executeRaw`
        UPDATE "IdempotencyKey" SET response = ${json}::jsonb WHERE caller = ${caller} AND key = ${key}`;
    },
  };
}

/** The key of a request (a valid one), undefined when none was sent; throws nothing. */
export function idempotencyKeyOf(header: string | null | undefined): string | undefined | false {
  if (!header) return undefined;
  return KEY.test(header) ? header : false;
}

export const INVALID_IDEMPOTENCY_KEY = 'Idempotency-Key 应为 1–200 个可见 ASCII 字符';

type OnExecute = NonNullable<Plugin['onExecute']>;
type ExecutePayload = Parameters<OnExecute>[0];

export function useIdempotency(): Plugin {
  return {
    // Synchronous for requests without the header (every read): no promise for envelop to await.
    onExecute(payload) {
      const ctx = payload.args.contextValue as unknown as GazetteContext & { request?: Request };
      const header = ctx.request?.headers.get(IDEMPOTENCY_HEADER);
      if (!header) return;
      return idempotent(payload, ctx, header);
    },
  };
}

/** A request with an Idempotency-Key: a mutation runs once per caller and key. */
async function idempotent(
  { args, setResultAndStopExecution }: ExecutePayload,
  ctx: GazetteContext,
  header: string,
): Promise<Awaited<ReturnType<OnExecute>>> {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'mutation') return;
  const caller = idempotencyCaller(ctx.viewer);
  if (!caller) return;
  const key = idempotencyKeyOf(header);
  if (!key) {
    setResultAndStopExecution({
      errors: [
        createGraphQLError(INVALID_IDEMPOTENCY_KEY, {
          extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' },
        }),
      ],
    });
    return;
  }
  const hash = sha256Hex(`${print(operation)}\u0000${JSON.stringify(args.variableValues ?? {})}`);
  const started = await startIdempotent(ctx.prisma, caller, key, hash);
  if (!started.run) {
    setResultAndStopExecution(
      'conflict' in started
        ? { errors: [conflict(started.conflict)] }
        : (started.response as never),
    );
    return;
  }
  return {
    async onExecuteDone({ result }) {
      if (Symbol.asyncIterator in (result as object)) return;
      const { data, errors } = result as { data?: unknown; errors?: readonly unknown[] };
      await started.finish(errors?.length || data == null ? null : { data });
    },
  };
}

/** Removes expired entries (run by the daily job or on demand); returns how many. */
export async function purgeExpiredIdempotencyKeys(prisma: Prisma): Promise<number> {
  return prisma.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "expiresAt" <= now()`;
}
