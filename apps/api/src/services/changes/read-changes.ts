// The change feed read side: a page of events after a cursor, and the live stream of events after
// a cursor (every event once, in order, whichever instance wrote it).
import { DomainError } from '@gazette/domain';
import type { PrismaClient } from '@gazette/db';
import type { ChangeWaiter } from './waiter.ts';

export interface ChangeRow {
  id: bigint;
  at: Date;
  kind:
    | 'POLICY_ADDED'
    | 'POLICY_CHANGED'
    | 'POLICY_REPEALED'
    | 'RATES_PUBLISHED'
    | 'INSPECTION_RESULTS';
  docNo: string | null;
  quarter: string | null;
}

const PREFIX = 'change:';

/** A permanent cursor: the event's number, opaque to clients. */
export function changeCursor(id: bigint): string {
  return Buffer.from(`${PREFIX}${id}`, 'utf8').toString('base64url');
}

/** The event number after which to read; 0 before the first. Any other text is BAD_USER_INPUT naming `after`. */
export function afterId(cursor: string | null | undefined): bigint {
  if (cursor === null || cursor === undefined || cursor === '') return 0n;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith(PREFIX) && /^\d{1,19}$/.test(text.slice(PREFIX.length)))
    return BigInt(text.slice(PREFIX.length));
  throw new DomainError('BAD_USER_INPUT', `after(游标)无效:${cursor}`, { field: 'after' });
}

const SELECT = { id: true, at: true, kind: true, docNo: true, quarter: true } as const;

export async function changesPage(
  prisma: PrismaClient,
  after: bigint,
  first: number,
): Promise<{ rows: ChangeRow[]; hasNextPage: boolean }> {
  const rows = await prisma.changeEvent.findMany({
    where: { id: { gt: after } },
    orderBy: { id: 'asc' },
    take: first + 1,
    select: SELECT,
  });
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

const BATCH = 100;
/** How long a subscriber waits for a notification before looking anyway. */
const POLL_MS = 2_000;

export async function* changeStream(
  prisma: PrismaClient,
  after: bigint,
  waiter: ChangeWaiter,
  signal?: AbortSignal,
): AsyncGenerator<ChangeRow> {
  let last = after;
  while (!signal?.aborted && !waiter.closed) {
    const rows = await prisma.changeEvent.findMany({
      where: { id: { gt: last } },
      orderBy: { id: 'asc' },
      take: BATCH,
      select: SELECT,
    });
    for (const row of rows) {
      last = row.id;
      yield row;
    }
    if (rows.length < BATCH) await waiter.next(POLL_MS, signal);
  }
}
