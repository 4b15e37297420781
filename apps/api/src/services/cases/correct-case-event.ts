import {
  DomainError,
  applyCaseEvent,
  badInput,
  compareDates,
  fromUtcMidnight,
  todayInShanghai,
  toUtcMidnight,
  type CaseEventInput,
  type CaseState,
  type PlainDate,
} from '@gazette/domain';
import type { DiscretionCase, Prisma } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { TX_OPTIONS } from './case-tx.ts';

export interface CorrectCaseEventInput {
  /** The case's version the person read: a stale one is CONFLICT. */
  version: number;
  /** The event to correct: only the latest one (later steps were decided on its date). */
  seq: number;
  on?: PlainDate | null;
  note?: string | null;
  /** Why the step is corrected (kept in the event and the audit log). */
  reason: string;
}

/**
 * The audited correction path of a case step: the latest event's date or note is corrected, with
 * a reason. The event is applied again from the state it started in (the domain's transition table
 * checks the new date and recomputes what depends on it, e.g. the review deadline of an ACCEPT),
 * the notices it issued take the new date (within the same year: their numbers are per year), the
 * correction is kept in the event's payload, and an audit entry `case.correct` records the case
 * and the event before and after. Anything refused changes nothing.
 */
export async function correctCaseEvent(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
  caseId: string,
  input: CorrectCaseEventInput,
): Promise<DiscretionCase> {
  const reason = input.reason.trim();
  if (!reason) throw badInput('input.reason', 'reason(更正理由)为必填项');
  if (input.on == null && input.note == null)
    throw badInput('input.on', '请给出更正后的日期或备注');
  return ctx.prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM "DiscretionCase" WHERE id = ${caseId} FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', '案件不存在');
    if (locked.version !== input.version) {
      throw new DomainError('CONFLICT', '案件已被他人修改,请刷新后重试', {
        field: 'version',
        details: { currentVersion: locked.version, yourVersion: input.version },
      });
    }
    const before = await tx.discretionCase.findUniqueOrThrow({ where: { id: caseId } });
    const [event, previous] = await tx.caseEvent.findMany({
      where: { caseId },
      orderBy: { seq: 'desc' },
      take: 2,
    });
    if (!event || event.seq !== input.seq) {
      throw badInput('input.seq', '只能更正最近一步(之后的步骤依据它的日期作出)');
    }
    const on = input.on ?? fromUtcMidnight(event.on);
    if (compareDates(on, todayInShanghai()) > 0)
      throw badInput('input.on', `更正后的日期 ${on} 晚于今天`);
    const payload = { ...(event.payload as Record<string, Prisma.InputJsonValue>) };
    const { corrections: _corrections, note: oldNote, ...given } = payload;
    const t = applyCaseEvent(
      {
        state: event.fromState as CaseState,
        filedOn: fromUtcMidnight(before.filedOn),
        lastEventOn: previous ? fromUtcMidnight(previous.on) : null,
      },
      { ...given, type: event.type, on } as CaseEventInput,
    );
    if (t.nextState !== event.toState)
      throw badInput('input.on', '更正会改变案件状态,请改用其他步骤');
    const c = t.changes;
    const notices = await tx.notice.findMany({ where: { caseId, issuedOn: event.on } });
    const moved = compareDates(on, fromUtcMidnight(event.on)) !== 0;
    if (moved && notices.length && previous && previous.on.getTime() === event.on.getTime()) {
      throw badInput('input.on', '同一天有多步,无法区分各步的通知书,不能更正日期');
    }
    if (notices.some((n) => n.year !== Number(on.slice(0, 4)))) {
      throw badInput('input.on', '已编号的通知书按年编号,更正日期不能跨年');
    }
    await tx.discretionCase.update({
      where: { id: caseId },
      data: {
        version: { increment: 1 },
        ...(c.acceptedOn !== undefined && { acceptedOn: toUtcMidnight(c.acceptedOn) }),
        ...(c.reviewDeadline !== undefined && { reviewDeadline: toUtcMidnight(c.reviewDeadline) }),
      },
    });
    const note = input.note ?? (typeof oldNote === 'string' ? oldNote : undefined);
    const correction = {
      at: new Date().toISOString(),
      by: ctx.actorLabel,
      reason,
      from: { on: fromUtcMidnight(event.on), note: typeof oldNote === 'string' ? oldNote : null },
      to: { on, note: note ?? null },
    };
    const history = Array.isArray(payload.corrections) ? payload.corrections : [];
    const eventAfter = await tx.caseEvent.update({
      where: { id: event.id },
      data: {
        on: toUtcMidnight(on),
        payload: {
          ...given,
          ...(note !== undefined && { note }),
          corrections: [...history, correction],
        },
      },
    });
    if (moved) {
      await tx.notice.updateMany({
        where: { id: { in: notices.map((n) => n.id) } },
        data: { issuedOn: toUtcMidnight(on) },
      });
    }
    const after = await tx.discretionCase.findUniqueOrThrow({ where: { id: caseId } });
    await recordAudit(tx, ctx, {
      action: 'case.correct',
      entity: 'DiscretionCase',
      entityId: caseId,
      before: { ...before, event },
      after: { ...after, event: eventAfter, reason },
    });
    return after;
  }, TX_OPTIONS);
}
