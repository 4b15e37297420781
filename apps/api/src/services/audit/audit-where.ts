import { addDays, badInput, toUtcMidnight, type PlainDate } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { likeText } from '../../schema/shared.ts';

export interface AuditFilter {
  entity?: string | null;
  entityId?: string | null;
  actor?: string | null;
  action?: string | null;
  from?: PlainDate | null;
  to?: PlainDate | null;
}

// Days are Asia/Shanghai calendar days: a day starts at 16:00 UTC of the day before.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60_000;
const dayStart = (d: PlainDate) => new Date(toUtcMidnight(d).getTime() - SHANGHAI_OFFSET_MS);

/** The audit log's filter as a Prisma where; a range ending before it starts is refused. */
export function auditWhere(filter: AuditFilter | null | undefined): Prisma.AuditEntryWhereInput {
  if (!filter) return {};
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (filter.entity) and.push({ entity: filter.entity });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (filter.action) and.push({ action: filter.action });
  if (filter.actor?.trim()) {
    const a = filter.actor.trim();
    and.push({
      OR: [{ actorId: a }, { actorLabel: { contains: likeText(a), mode: 'insensitive' } }],
    });
  }
  if (filter.from && filter.to && filter.from > filter.to)
    throw badInput('filter.to', '结束日期不能早于开始日期');
  if (filter.from) and.push({ at: { gte: dayStart(filter.from) } });
  if (filter.to) and.push({ at: { lt: dayStart(addDays(filter.to, 1)) } });
  return and.length ? { AND: and } : {};
}
