// The in-process delivery worker, one per API instance: it delivers while there is work, then
// sleeps until a change or a webhook edit is NOTIFYed (any instance), the soonest retry is due, or
// the poll interval passes. Stopping aborts a POST in flight (its transaction rolls back; the change
// is sent again later) and never waits longer than that.
import pg from 'pg';
import type { Logger } from 'pino';
import type { PrismaClient } from '@gazette/db';
import { CHANGE_CHANNEL } from '@gazette/db/changes/record';
import {
  DEFAULT_DELIVERY,
  deliverNext,
  nextRetryAt,
  type DeliveryOptions,
} from './deliver-next.ts';
import { WEBHOOK_CHANNEL } from './wake.ts';

export interface WebhookWorkerOptions extends Partial<DeliveryOptions> {
  /** For LISTEN; without it the worker only polls. */
  databaseUrl?: string;
  /** Longest sleep between looks at the database. */
  pollMs?: number;
}

export interface WebhookWorker {
  /** Looks for work now (tests; the NOTIFY does this across instances). */
  wake(): void;
  stop(): Promise<void>;
}

/** WEBHOOK_TIMEOUT_MS, WEBHOOK_BACKOFF_MS, WEBHOOK_MAX_BACKOFF_MS, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_POLL_MS. */
export function webhookOptionsFrom(env: NodeJS.ProcessEnv): WebhookWorkerOptions {
  const num = (name: string) => {
    const value = Number(env[name]);
    return env[name] && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  return {
    timeoutMs: num('WEBHOOK_TIMEOUT_MS'),
    backoffMs: num('WEBHOOK_BACKOFF_MS'),
    maxBackoffMs: num('WEBHOOK_MAX_BACKOFF_MS'),
    maxAttempts: num('WEBHOOK_MAX_ATTEMPTS'),
    pollMs: num('WEBHOOK_POLL_MS'),
  };
}

export function startWebhookWorker(
  prisma: PrismaClient,
  logger: Logger,
  options: WebhookWorkerOptions = {},
): WebhookWorker {
  const delivery: DeliveryOptions = {
    timeoutMs: options.timeoutMs ?? DEFAULT_DELIVERY.timeoutMs,
    backoffMs: options.backoffMs ?? DEFAULT_DELIVERY.backoffMs,
    maxBackoffMs: options.maxBackoffMs ?? DEFAULT_DELIVERY.maxBackoffMs,
    maxAttempts: options.maxAttempts ?? DEFAULT_DELIVERY.maxAttempts,
  };
  const pollMs = options.pollMs ?? 30_000;
  const stopping = new AbortController();
  let wakeUp: () => void = () => {};
  let pending = false;
  const wake = () => {
    pending = true;
    wakeUp();
  };

  let listener: pg.Client | null = null;
  const listen = async () => {
    if (!options.databaseUrl || listener || stopping.signal.aborted) return;
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: 'gazette-webhook-worker',
    });
    client.on('notification', wake);
    client.on('error', (err) => {
      logger.warn({ err }, 'webhook worker lost its LISTEN connection; polling until it is back');
      if (listener === client) listener = null;
      client.end().catch(() => {});
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      await client.query(`LISTEN ${WEBHOOK_CHANNEL}`);
      if (stopping.signal.aborted) await client.end();
      else listener = client;
    } catch (err) {
      logger.warn({ err }, 'webhook worker could not LISTEN; polling');
      client.end().catch(() => {});
    }
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (pending || stopping.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', done);
        resolve();
      }
      wakeUp = done;
      stopping.signal.addEventListener('abort', done, { once: true });
    });

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await listen();
      pending = false;
      try {
        while (!stopping.signal.aborted && (await deliverNext(prisma, delivery, stopping.signal))) {
          // deliver while there is work
        }
        if (stopping.signal.aborted) break;
        const retry = await nextRetryAt(prisma);
        const untilRetry = retry ? Math.max(250, retry.getTime() - Date.now() + 10) : pollMs;
        await sleep(Math.min(pollMs, untilRetry));
      } catch (err) {
        if (stopping.signal.aborted) break;
        logger.warn({ err }, 'webhook delivery failed; trying again shortly');
        await sleep(Math.min(pollMs, 1_000));
      }
    }
  })();

  return {
    wake,
    async stop() {
      stopping.abort();
      await loop;
      await listener?.end().catch(() => {});
      listener = null;
    },
  };
}
