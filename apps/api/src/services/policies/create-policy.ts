import { indexPolicy } from '@gazette/db/search/index-policy';
import { recordChange } from '@gazette/db/changes/record';
import { badInput, parseDocNo, type PlainDate } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { createAudited, writeTransaction } from '../../schema/write-helpers.ts';
import { day, issuerRows, nonEmpty, validityFields } from './policy-fields.ts';

export interface CreatePolicyInput {
  docNo: string;
  title: string;
  category: 'MUNICIPAL_GOVERNMENT' | 'GOVERNMENT_OFFICE' | 'DEPARTMENT';
  signedOn: PlainDate;
  validityClause?: string | null;
  effectiveFrom?: PlainDate | null;
  expiresOn?: PlainDate | null;
  isTrial?: boolean | null;
  issuers?: string[] | null;
  issueLabel?: string | null;
  page?: number | null;
  summary?: string | null;
}

/**
 * Registers a document (any printed form of its number, stored normalised), its issuers in printed
 * order, its search index and a POLICY_ADDED change, audited, in one transaction. A number already
 * registered is refused naming `input.docNo`.
 */
export async function createPolicy(ctx: GazetteContext, input: CreatePolicyInput): Promise<string> {
  const parsed = parseDocNo(input.docNo);
  if (!parsed) throw badInput('input.docNo', `docNo 不是有效的文号:${input.docNo}`);
  return writeTransaction(ctx, async (tx) => {
    const taken = await tx.policy.findUnique({
      where: { docNo: parsed.docNo },
      select: { id: true },
    });
    if (taken) throw badInput('input.docNo', `文号 ${parsed.docNo} 已登记,不能重复录入`);
    const validity = validityFields(input);
    const created = await createAudited(tx, ctx, 'policy', {
      docNo: parsed.docNo,
      prefix: parsed.prefix,
      year: parsed.year,
      serial: parsed.serial,
      title: nonEmpty(input.title, 'input.title'),
      category: input.category,
      signedOn: day(input.signedOn),
      effectiveFrom: validity.effectiveFrom ?? day(input.signedOn),
      expiresOn: validity.expiresOn ?? null,
      isTrial: validity.isTrial ?? false,
      validityClause: input.validityClause ?? null,
      issueLabel: input.issueLabel ?? null,
      page: input.page ?? null,
      summary: input.summary ?? null,
    });
    if (input.issuers?.length) {
      const rows = await issuerRows(tx, input.issuers);
      await tx.policyIssuer.createMany({ data: rows.map((r) => ({ ...r, policyId: created.id })) });
    }
    await indexPolicy(tx, created.id);
    await recordChange(tx, { kind: 'POLICY_ADDED', docNo: parsed.docNo, entityId: created.id });
    return created.id;
  });
}
