import {
  DomainError,
  badInput,
  fromUtcMidnight,
  toUtcMidnight,
  type PlainDate,
  type TOpenDiscretionReviewInput,
} from '@gazette/domain';
import type { DiscretionCase } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { definedOnly, mapPrismaError } from '../../schema/write-helpers.ts';
import { caseNumberFree, checkCaseFiledOn, TX_OPTIONS } from './case-tx.ts';

export interface UpdateCaseInput {
  id: string;
  version: number;
  caseName?: string | null;
  subjectName?: string | null;
  trigger?: TOpenDiscretionReviewInput['trigger'] | null;
  filedOn?: PlainDate | null;
  /** undefined: unchanged; null: cleared. */
  caseNumber?: string | null;
  handler?: string | null;
  department?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  /** undefined or null: unchanged. */
  caseFiledOn?: PlainDate | null;
}

/**
 * Corrects what was registered (names, 案号, 承办人, contacts, 立案日期; trigger and filing date while still REGISTERED),
 * never the workflow fields, which only transitions change.
 */
export async function updateCase(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
  input: UpdateCaseInput,
): Promise<DiscretionCase> {
  // Validated at the edge (UpdateCaseInput): names trimmed and non-blank; null means unchanged.
  const filedOn = input.filedOn ?? undefined;
  const names = definedOnly({
    caseName: input.caseName ?? undefined,
    subjectName: input.subjectName ?? undefined,
    trigger: input.trigger ?? undefined,
    caseNumber: input.caseNumber,
    handler: input.handler,
    department: input.department,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
  });
  const caseFiledOn = input.caseFiledOn ?? undefined;
  const write = ctx.prisma.$transaction(async (tx) => {
    const before = await tx.discretionCase.findUnique({ where: { id: input.id } });
    if (!before) throw new DomainError('NOT_FOUND', '案件不存在');
    if (names.caseNumber) await caseNumberFree(tx, names.caseNumber, before.id);
    checkCaseFiledOn(
      caseFiledOn ?? (before.caseFiledOn && fromUtcMidnight(before.caseFiledOn)),
      filedOn ?? fromUtcMidnight(before.filedOn),
    );
    const registration = names.trigger !== undefined || filedOn !== undefined;
    if (registration && before.state !== 'REGISTERED') {
      throw badInput(
        names.trigger !== undefined ? 'trigger' : 'filedOn',
        '案件已受理或已处理,启动情形和登记日期不能再更改',
      );
    }
    const { count } = await tx.discretionCase.updateMany({
      // The state is re-checked here too, so a concurrent acceptance cannot slip under the change.
      where: {
        id: input.id,
        version: input.version,
        ...(registration && { state: 'REGISTERED' as const }),
      },
      data: {
        ...names,
        ...(filedOn && { filedOn: toUtcMidnight(filedOn) }),
        ...(caseFiledOn && { caseFiledOn: toUtcMidnight(caseFiledOn) }),
        version: { increment: 1 },
      },
    });
    if (count !== 1) {
      throw new DomainError('CONFLICT', '案件已被他人修改,请刷新后重试', {
        details: { currentVersion: before.version },
      });
    }
    const after = await tx.discretionCase.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, ctx, {
      action: 'case.update',
      entity: 'DiscretionCase',
      entityId: after.id,
      before,
      after,
    });
    return after;
  }, TX_OPTIONS);
  // Two cases given the same 案号 at once: the unique index decides, answered as bad input.
  return write.catch((error: unknown) => {
    throw mapPrismaError(error);
  });
}
