// What every rate write shares: a short transaction with a bounded number of them per process
// (so reads always find a free connection), busy databases answered as a retryable 503
// instead of a masked error, the rows a domain entry is written as, and the change feed.
import {
  assertEditable,
  DomainError,
  fromUtcMidnight,
  rateEntryToRow,
  todayInShanghai,
  type RateEntry,
} from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { recordChange } from '@gazette/db/changes/record';
import type { GazetteContext } from '../../context.ts';
import {
  deleteAnsweringRow,
  deleteVersioned,
  mapPrismaError,
  type ReadBeforeDelete,
  type Tx,
} from '../../schema/write-helpers.ts';
import { RETRY_AFTER_SECONDS } from '../../platform/db-errors.ts';

export type RateCtx = GazetteContext;

/** Rate write transactions running at once in this process; the rest wait their turn in memory. */
export const RATE_WRITE_SLOTS = 2;
/** How long a write waits for a slot (then for a connection) before it is refused as busy. */
const SLOT_WAIT_MS = 20_000;
const TX_OPTIONS = { maxWait: 10_000, timeout: 120_000 } as const;
/** Row locks are waited for this long at most inside a rate write. */
const LOCK_TIMEOUT = '5s';
/** Deadlocks and serialization failures are retried this many times. */
const RETRIES = 2;

/** A tiny FIFO semaphore: at most `slots` holders, waiters refused after `waitMs`. */
class Slots {
  private busy = 0;
  private readonly waiting: Array<{ resolve: () => void; timer: NodeJS.Timeout }> = [];
  constructor(private readonly slots: number) {}

  acquire(waitMs: number): Promise<void> {
    if (this.busy < this.slots) {
      this.busy++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve,
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(busyError());
        }, waitMs),
      };
      this.waiting.push(waiter);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve();
    } else this.busy--;
  }
}

const slots = new Slots(RATE_WRITE_SLOTS);

/**
 * The refusal a client may retry: the rate data is busy with other changes right now. Answered
 * like the platform's exhausted transaction retries: SERVICE_UNAVAILABLE, HTTP 503, Retry-After.
 */
export function busyError(): DomainError {
  return new DomainError(
    'SERVICE_UNAVAILABLE',
    '费率数据正被其他修改占用,请稍后重试(未写入任何数据)',
    {
      details: { retryable: true, retryAfterSeconds: RETRY_AFTER_SECONDS },
    },
  );
}

function driverCode(error: unknown): string | undefined {
  const e = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
    cause?: unknown;
  };
  const cause = e?.meta?.driverAdapterError?.cause;
  if (cause?.originalCode) return cause.originalCode;
  if (cause?.kind === 'TransactionWriteConflict') return '40001';
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return undefined;
}

/** Deadlock or serialization failure: the same transaction may succeed when run again. */
function isRetryable(error: unknown): boolean {
  const code = driverCode(error);
  return code === '40001' || code === '40P01' || (error as { code?: string })?.code === 'P2034';
}

/** A wait that ran out: no connection in time, a lock or statement timeout, a closed transaction. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  if (code === 'P2028' || code === 'P1008' || code === 'P2024') return true;
  const driver = driverCode(error);
  if (driver === '55P03' || driver === '57014') return true;
  return /lock timeout|Transaction already closed|Unable to start a transaction|expired transaction|timed out/i.test(
    String((error as Error)?.message ?? ''),
  );
}

/**
 * Runs one rate write: waits for a slot, runs `fn` in a transaction with a lock timeout, retries
 * deadlocks, and answers waits that ran out with a retryable SERVICE_UNAVAILABLE rather than a masked error.
 */
export async function rateWrite<T>(
  ctx: Pick<GazetteContext, 'prisma'>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  await slots.acquire(SLOT_WAIT_MS);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await ctx.prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
          return fn(tx);
        }, TX_OPTIONS);
      } catch (error) {
        if (error instanceof DomainError) throw error;
        if (isRetryable(error) && attempt < RETRIES) continue;
        if (isRetryable(error) || isBusy(error)) throw busyError();
        throw mapPrismaError(error);
      }
    }
  } finally {
    slots.release();
  }
}

/**
 * Deletes a rate table or version at `version` in one rate write, once `guard` (which throws to
 * refuse) allows it; answers the row as `read` found it before the delete.
 */
export function deleteRateRecord<T>(
  ctx: RateCtx,
  model: 'rateTable' | 'rateTableVersion',
  id: string,
  version: number,
  read: ReadBeforeDelete<T>,
  guard: (tx: Tx) => Promise<void>,
): Promise<T> {
  return deleteAnsweringRow(
    (fn) => rateWrite(ctx, fn),
    read,
    async (tx) => {
      await guard(tx);
      await deleteVersioned(tx, ctx, model, id, version);
    },
  );
}

export const actorId = (ctx: Pick<GazetteContext, 'viewer'>) =>
  ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;

/** The columns an entry is stored as (decimals as strings). */
export function entryData(entry: RateEntry, versionId: string, updatedById: string | null) {
  const row = rateEntryToRow(entry);
  return { ...row, versionId, updatedById, attributes: row.attributes as Prisma.InputJsonValue };
}

/** The version row an entry write needs, with its table's dimensions; NOT_FOUND when missing. */
export async function editableVersion(tx: Tx, versionId: string, field = 'versionId') {
  const v = await tx.rateTableVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      tableId: true,
      status: true,
      effectiveFrom: true,
      version: true,
      table: { select: { dimensions: true } },
    },
  });
  if (!v) throw new DomainError('NOT_FOUND', `版本 ${versionId} 不存在`, { field });
  // A version that has started is history: supersede it with a new version instead.
  assertEditable(
    { status: v.status, effectiveFrom: fromUtcMidnight(v.effectiveFrom) },
    todayInShanghai(),
  );
  return v;
}

/** A table's dimension definitions as the domain reads them. */
export function dimensionsOf(table: { dimensions: unknown }) {
  if (!Array.isArray(table.dimensions))
    throw new DomainError('BAD_USER_INPUT', 'dimensions 必须是维度定义数组', {
      field: 'dimensions',
    });
  return { dimensions: table.dimensions as import('@gazette/domain').DimensionDef[] };
}

/**
 * A change to a published version (publishing it, or editing one that has not started yet) is a
 * change to published data: it goes to the change feed. Drafts never do.
 */
export async function ratesChanged(
  tx: Tx,
  versionId: string,
  what: string,
  status?: 'DRAFT' | 'PUBLISHED',
) {
  if (status === 'DRAFT') return;
  const v = await tx.rateTableVersion.findUnique({
    where: { id: versionId },
    select: {
      status: true,
      effectiveFrom: true,
      policy: { select: { docNo: true } },
      table: { select: { key: true, policy: { select: { docNo: true } } } },
    },
  });
  if (!v || v.status !== 'PUBLISHED') return;
  await recordChange(tx, {
    kind: 'RATES_PUBLISHED',
    docNo: v.policy?.docNo ?? v.table.policy.docNo,
    entityId: versionId,
    details: { table: v.table.key, effectiveFrom: fromUtcMidnight(v.effectiveFrom), what },
  });
}
