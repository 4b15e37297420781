import type { GazetteContext } from './context.ts';

/** A Prisma client or an interactive transaction client: anything with `auditEntry`. */
type AuditWriter = Pick<GazetteContext['prisma'], 'auditEntry'>;

export interface AuditRecord {
  action: string; // e.g. rateEntry.update
  entity: string; // model name, e.g. RateEntry
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Every write leaves an audit entry (who, when, what, before, after), in the same transaction. */
export async function recordAudit(db: AuditWriter, ctx: Pick<GazetteContext, 'viewer' | 'actorLabel'>, record: AuditRecord) {
  const actorId =
    ctx.viewer.kind === 'user' ? ctx.viewer.userId : ctx.viewer.kind === 'token' ? ctx.viewer.tokenId : null;
  await db.auditEntry.create({
    data: {
      actorId,
      actorLabel: ctx.actorLabel,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId,
      before: toJson(record.before),
      after: toJson(record.after),
    },
  });
}

function toJson(value: unknown) {
  if (value === undefined || value === null) return undefined;
  // Decimals, Dates and BigInts become strings so the entry is plain JSON.
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as object;
}
