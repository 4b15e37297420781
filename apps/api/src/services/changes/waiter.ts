// Wakes change-stream subscribers when any server instance commits a change: one PostgreSQL
// LISTEN connection per process (NOTIFY is sent by recordChange in the writing transaction).
// Without a connection string, or while it is down, subscribers fall back to polling.
import pg from 'pg';
import type { Logger } from 'pino';
import { CHANGE_CHANNEL } from '@gazette/db/changes/record';

export interface ChangeWaiter {
  /** Resolves at the next change notification, or after `timeoutMs`, or when `signal` aborts. */
  next(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  /** True once the server is stopping: streams end. */
  readonly closed: boolean;
  close(): Promise<void>;
}

/**
 * Waits until `timeoutMs` passes, `signal` aborts, or someone calls the wake function it
 * registers in `waiting` (a notification, or close()).
 */
function waitOnce(
  waiting: Set<() => void>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    waiting.add(done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Polling only: waits the whole timeout (tests and servers without LISTEN). */
export function pollingWaiter(): ChangeWaiter {
  const waiting = new Set<() => void>();
  let closed = false;
  return {
    next: (timeoutMs, signal) => waitOnce(waiting, timeoutMs, signal),
    get closed() {
      return closed;
    },
    close: async () => {
      closed = true;
      for (const done of [...waiting]) done();
    },
  };
}

export function listeningWaiter(databaseUrl: string, logger: Logger): ChangeWaiter {
  const waiting = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiting]) wake();
  };
  let client: pg.Client | null = null;
  let closed = false;
  let connecting: Promise<void> | null = null;

  const connect = () =>
    (connecting ??= (async () => {
      const c = new pg.Client({
        connectionString: databaseUrl,
        application_name: 'gazette-change-listener',
      });
      c.on('notification', wakeAll);
      c.on('error', (err) => {
        logger.warn({ err }, 'change listener lost its connection; polling until it is back');
        client = null;
        connecting = null;
        c.end().catch(() => {});
        wakeAll();
      });
      await c.connect();
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (closed) await c.end();
      else client = c;
    })().catch((err: unknown) => {
      logger.warn({ err }, 'change listener could not connect; polling');
      connecting = null;
    }));

  return {
    get closed() {
      return closed;
    },
    async next(timeoutMs, signal) {
      if (closed) return;
      if (!client && !closed) void connect();
      await waitOnce(waiting, timeoutMs, signal);
    },
    async close() {
      closed = true;
      wakeAll();
      await connecting;
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
