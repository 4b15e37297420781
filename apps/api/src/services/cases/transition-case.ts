import {
  DomainError,
  applyCaseEvent,
  fromUtcMidnight,
  toUtcMidnight,
  type CaseEventInput,
  type CaseState,
} from '@gazette/domain';
import type { DiscretionCase, Prisma } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { issueNotice } from '../notices.ts';
import { actorId, TX_OPTIONS } from './case-tx.ts';

interface LockedCase {
  id: string;
  state: CaseState;
  filedOn: Date;
  version: number;
}

/**
 * Moves a case by one event, all in one transaction: the case row is locked, the domain's
 * transition table decides, then the case, its event, its notices and the audit entry are
 * written together. Any refusal (DomainError) rolls everything back.
 */
export async function transitionCase(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
  id: string,
  event: CaseEventInput,
): Promise<DiscretionCase> {
  return ctx.prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<LockedCase[]>`
      SELECT id, state::text AS state, "filedOn", version FROM "DiscretionCase" WHERE id = ${id} FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', '案件不存在');
    const before = await tx.discretionCase.findUniqueOrThrow({ where: { id } });
    const last = await tx.caseEvent.findFirst({ where: { caseId: id }, orderBy: { seq: 'desc' } });

    const t = applyCaseEvent(
      {
        state: locked.state,
        filedOn: fromUtcMidnight(locked.filedOn),
        lastEventOn: last ? fromUtcMidnight(last.on) : null,
      },
      event,
    );
    const c = t.changes;
    const data: Prisma.DiscretionCaseUpdateManyMutationInput = {
      state: t.nextState,
      version: { increment: 1 },
      ...(c.reviewMode !== undefined && { reviewMode: c.reviewMode }),
      ...(c.reviewDays !== undefined && { reviewDays: c.reviewDays }),
      ...(c.acceptedOn !== undefined && { acceptedOn: toUtcMidnight(c.acceptedOn) }),
      ...(c.reviewDeadline !== undefined && { reviewDeadline: toUtcMidnight(c.reviewDeadline) }),
      ...(c.conditionsMet !== undefined && { conditionsMet: c.conditionsMet }),
      ...(c.exclusions !== undefined && { exclusions: c.exclusions }),
      ...(c.rejectionReason !== undefined && { rejectionReason: c.rejectionReason }),
      ...(c.terminationReason !== undefined && { terminationReason: c.terminationReason }),
      ...(c.passed !== undefined && { passed: c.passed }),
      ...(c.decision !== undefined && { decision: c.decision }),
      ...(c.keySupervision !== undefined && { keySupervision: c.keySupervision }),
    };
    // The state and version we decided on are re-checked by the write itself.
    const { count } = await tx.discretionCase.updateMany({
      where: { id, state: locked.state, version: locked.version },
      data,
    });
    if (count !== 1) throw new DomainError('CONFLICT', '案件已被他人修改,请刷新后重试');

    const on = toUtcMidnight(event.on);
    const eventRow = await tx.caseEvent.create({
      data: {
        caseId: id,
        seq: (last?.seq ?? 0) + 1,
        type: event.type,
        on,
        fromState: t.fromState,
        toState: t.nextState,
        payload: eventPayload(event),
        actorId: actorId(ctx),
      },
    });
    const position = await tx.notice.count({ where: { caseId: id } });
    const notices = [];
    for (const [i, kind] of t.notices.entries()) {
      notices.push(await issueNotice(tx, id, kind, on, position + i + 1));
    }
    const after = await tx.discretionCase.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, ctx, {
      action: `case.${event.type.toLowerCase() as Lowercase<typeof event.type>}`,
      entity: 'DiscretionCase',
      entityId: id,
      before,
      after: { ...after, event: eventRow, notices: notices.map((n) => n.number) },
    });
    return after;
  }, TX_OPTIONS);
}

/** Only the fields the event type carries, as given (undefined/null dropped). */
function eventPayload(event: CaseEventInput): Prisma.InputJsonObject {
  const out: Record<string, Prisma.InputJsonValue> = {};
  for (const [key, value] of Object.entries(event)) {
    if (value === undefined || value === null || key === 'type' || key === 'on') continue;
    out[key] = value as Prisma.InputJsonValue;
  }
  return out;
}
