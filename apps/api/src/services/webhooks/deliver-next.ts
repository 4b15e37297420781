// One delivery attempt: claims a webhook that is due and has a change after its cursor (FOR UPDATE
// SKIP LOCKED, so several API instances never send the same webhook's changes at once nor out of
// order), POSTs the next change of a kind it asked for, logs the attempt, and moves the cursor on
// success or schedules a retry with exponential backoff. After `maxAttempts` failures in a row the
// webhook is switched off with its last error. The row stays locked for the POST: if the process
// dies mid-way the transaction rolls back and the change is sent again later (at least once; the
// event header lets receivers de-duplicate).
import type { PrismaClient } from '@gazette/db';
import { openingKeys, openSecret, SecretUnreadableError } from '../../platform/secret-box.ts';
import { changeCursor } from '../changes/read-changes.ts';
import { EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from './sign-payload.ts';

export interface DeliveryOptions {
  /** How long a receiver may take to answer. */
  timeoutMs: number;
  /** The wait before the first retry; doubled for each further one. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Attempts at one change before the webhook is switched off. */
  maxAttempts: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  timeoutMs: 10_000,
  backoffMs: 5_000,
  maxBackoffMs: 15 * 60_000,
  maxAttempts: 8,
};

/** The wait after the `attempt`-th failure. */
export function backoffAfter(
  attempt: number,
  options: Pick<DeliveryOptions, 'backoffMs' | 'maxBackoffMs'>,
): number {
  return Math.min(options.maxBackoffMs, options.backoffMs * 2 ** (attempt - 1));
}

const CHANGE = { id: true, at: true, kind: true, docNo: true, quarter: true } as const;

/** The change as the `changes` connection shows it. */
export function changeJson(row: {
  id: bigint;
  at: Date;
  kind: string;
  docNo: string | null;
  quarter: string | null;
}) {
  return {
    cursor: changeCursor(row.id),
    at: row.at.toISOString(),
    kind: row.kind,
    docNo: row.docNo,
    quarter: row.quarter,
  };
}

/** The webhook's signing secret in clear, or why it cannot be read. */
function readSigningKey(stored: string): { secret: string } | { error: string } {
  try {
    return { secret: openSecret(openingKeys(), stored) };
  } catch (error) {
    if (error instanceof SecretUnreadableError) return { error: error.message };
    throw error;
  }
}

interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<Outcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.any([timeout, stop]),
    });
    const text = await res.text().catch(() => '');
    if (res.status >= 200 && res.status < 300)
      return { ok: true, statusCode: res.status, error: null };
    const snippet = text.trim().slice(0, 200);
    return {
      ok: false,
      statusCode: res.status,
      error: `接收方返回 HTTP ${res.status}${snippet ? `:${snippet}` : ''}`,
    };
  } catch (error) {
    if (stop.aborted) throw error; // shutting down: roll back, send again later
    if (timeout.aborted)
      return { ok: false, statusCode: null, error: `超时:${timeoutMs} 毫秒内未响应` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      ok: false,
      statusCode: null,
      error: `连接失败:${cause?.code ?? cause?.message ?? (error as Error).message}`,
    };
  }
}

/** Does one thing if there is one to do; false when no webhook is due. */
export async function deliverNext(
  prisma: PrismaClient,
  options: DeliveryOptions,
  stop: AbortSignal,
): Promise<boolean> {
  return prisma.$transaction(
    async (tx) => {
      // Prisma writes DateTime columns as UTC wall-clock timestamps.
      const [claimed] = await tx.$queryRaw<{ id: string }[]>`
        SELECT w.id FROM "Webhook" w
        WHERE w.active AND w."nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
          AND EXISTS (SELECT 1 FROM "ChangeEvent" e WHERE e.id > w.cursor)
        ORDER BY w."nextAttemptAt", w.id
        LIMIT 1
        FOR UPDATE OF w SKIP LOCKED`;
      if (!claimed) return false;
      const hook = await tx.webhook.findUniqueOrThrow({ where: { id: claimed.id } });
      const event = await tx.changeEvent.findFirst({
        where: { id: { gt: hook.cursor }, kind: { in: hook.kinds } },
        orderBy: { id: 'asc' },
        select: CHANGE,
      });
      if (!event) {
        // Only kinds it did not ask for: skip them.
        const last = await tx.changeEvent.findFirst({
          orderBy: { id: 'desc' },
          select: { id: true },
        });
        await tx.webhook.update({ where: { id: hook.id }, data: { cursor: last!.id } });
        return true;
      }
      const body = JSON.stringify({ changes: [changeJson(event)] });
      const started = performance.now();
      const signingKey = readSigningKey(hook.secret);
      // A key the server cannot open (no key configured, or another one) fails like an
      // unreachable receiver: retried with backoff, then switched off, the reason in lastError.
      const outcome =
        'error' in signingKey
          ? { ok: false, statusCode: null, error: signingKey.error }
          : await post(
              hook.url,
              body,
              {
                'content-type': 'application/json',
                'user-agent': 'Gazette-Webhooks/1',
                [SIGNATURE_HEADER]: signatureHeader(
                  signingKey.secret,
                  Math.floor(Date.now() / 1000),
                  body,
                ),
                [EVENT_HEADER]: changeCursor(event.id),
              },
              options.timeoutMs,
              stop,
            );
      const durationMs = Math.round(performance.now() - started);
      const attempt = hook.failures + 1;
      await tx.webhookDelivery.create({
        data: { webhookId: hook.id, eventId: event.id, attempt, durationMs, ...outcome },
      });
      const now = new Date();
      if (outcome.ok) {
        await tx.webhook.update({
          where: { id: hook.id },
          data: {
            cursor: event.id,
            failures: 0,
            lastError: null,
            lastDeliveredAt: now,
            nextAttemptAt: now,
          },
        });
      } else if (attempt >= options.maxAttempts) {
        await tx.webhook.update({
          where: { id: hook.id },
          data: {
            failures: attempt,
            lastError: outcome.error,
            failedAt: now,
            active: false,
            version: { increment: 1 },
          },
        });
      } else {
        const nextAttemptAt = new Date(now.getTime() + backoffAfter(attempt, options));
        await tx.webhook.update({
          where: { id: hook.id },
          data: { failures: attempt, lastError: outcome.error, nextAttemptAt },
        });
      }
      return true;
    },
    { timeout: options.timeoutMs + 10_000, maxWait: 10_000 },
  );
}

/** When the soonest pending retry is due (null: none waits). */
export async function nextRetryAt(prisma: PrismaClient): Promise<Date | null> {
  const row = await prisma.webhook.findFirst({
    where: { active: true, failures: { gt: 0 } },
    orderBy: { nextAttemptAt: 'asc' },
    select: { nextAttemptAt: true },
  });
  return row?.nextAttemptAt ?? null;
}
