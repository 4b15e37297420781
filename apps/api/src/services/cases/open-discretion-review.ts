import { toUtcMidnight } from '@gazette/domain';
import type { DiscretionCase } from '@gazette/db';
import { recordAudit } from '../../audit.ts';
import type { GazetteContext } from '../../context.ts';
import { mapPrismaError } from '../../schema/write-helpers.ts';
import type { TOpenCaseInput } from './case-inputs.ts';
import { actorId, caseNumberFree, checkCaseFiledOn, TX_OPTIONS } from './case-tx.ts';

const DOC_NO = '泸市监规发〔2024〕2号';

/** 泸市监规发〔2024〕2号 第六条: a review starts registered, on one of four triggers. */
export async function openDiscretionReview(
  ctx: Pick<GazetteContext, 'prisma' | 'viewer' | 'actorLabel'>,
  input: TOpenCaseInput,
): Promise<DiscretionCase> {
  const write = ctx.prisma.$transaction(async (tx) => {
    checkCaseFiledOn(input.caseFiledOn, input.filedOn);
    if (input.caseNumber) await caseNumberFree(tx, input.caseNumber);
    const policy = await tx.policy.findUnique({ where: { docNo: DOC_NO }, select: { id: true } });
    const created = await tx.discretionCase.create({
      data: {
        caseName: input.caseName,
        subjectName: input.subjectName,
        caseNumber: input.caseNumber ?? null,
        handler: input.handler ?? null,
        department: input.department ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        caseFiledOn: input.caseFiledOn ? toUtcMidnight(input.caseFiledOn) : null,
        trigger: input.trigger,
        filedOn: toUtcMidnight(input.filedOn),
        policyId: policy?.id ?? null,
        createdById: actorId(ctx),
      },
    });
    await recordAudit(tx, ctx, {
      action: 'case.open',
      entity: 'DiscretionCase',
      entityId: created.id,
      after: created,
    });
    return created;
  }, TX_OPTIONS);
  // Two cases given the same 案号 at once: the unique index decides, answered as bad input.
  return write.catch((error: unknown) => {
    throw mapPrismaError(error);
  });
}
