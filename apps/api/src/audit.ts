import type { GazetteContext } from './context.ts';
import type { AuditAction, AuditRecordOf } from './audit-actions.ts';

export type { AuditAction, AuditPayloads, AuditRecord, AuditRecordOf } from './audit-actions.ts';

/** A Prisma client or an interactive transaction client: anything with `auditEntry`. */
type AuditWriter = Pick<GazetteContext['prisma'], 'auditEntry'>;

/** Who acts, as audit entries and imports record it: the signed-in user or the API token. */
export function actorIdOf(viewer: GazetteContext['viewer']): string | null {
  if (viewer.kind === 'user') return viewer.userId;
  if (viewer.kind === 'token') return viewer.tokenId;
  return null;
}

/**
 * Every write leaves an audit entry (who, when, what, before, after), in the same transaction.
 * Only the actions of audit-actions.ts are accepted, each with its entity and payload.
 */
export async function recordAudit<A extends AuditAction>(
  db: AuditWriter,
  ctx: Pick<GazetteContext, 'viewer' | 'actorLabel'>,
  record: AuditRecordOf<A>,
) {
  await db.auditEntry.create({
    data: {
      actorId: actorIdOf(ctx.viewer),
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
