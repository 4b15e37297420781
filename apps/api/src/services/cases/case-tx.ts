import { badInput, compareDates, type PlainDate } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import type { GazetteContext } from '../../context.ts';

/** Interactive transactions queue for connections and counter locks under load; give them room. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

/** The user a case event or a new case is attributed to (none for API tokens). */
export function actorId(ctx: Pick<GazetteContext, 'viewer'>) {
  return ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
}

/** The enforcement case is filed (立案) before its discretion review is registered. */
export function checkCaseFiledOn(caseFiledOn: PlainDate | null | undefined, filedOn: PlainDate) {
  if (caseFiledOn && compareDates(caseFiledOn, filedOn) > 0) {
    throw badInput('input.caseFiledOn', `立案日期 ${caseFiledOn} 不能晚于审查登记日期 ${filedOn}`);
  }
}

/** 案号 are unique: a number another case has is refused naming the field (nothing written). */
export async function caseNumberFree(
  tx: Prisma.TransactionClient,
  caseNumber: string,
  caseId?: string,
) {
  const other = await tx.discretionCase.findUnique({ where: { caseNumber }, select: { id: true } });
  if (other && other.id !== caseId)
    throw badInput('input.caseNumber', `案号 ${caseNumber} 已被其他案件使用`);
}
