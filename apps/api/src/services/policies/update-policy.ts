import { indexPolicy } from '@gazette/db/search/index-policy';
import { recordChange } from '@gazette/db/changes/record';
import type { GazetteContext } from '../../context.ts';
import { definedOnly, updateVersioned, writeTransaction } from '../../schema/write-helpers.ts';
import type { CreatePolicyInput } from './create-policy.ts';
import { day, issuerRows, nonEmpty, validityFields } from './policy-fields.ts';

export type PolicyPatch = {
  [K in Exclude<keyof CreatePolicyInput, 'docNo'>]?: CreatePolicyInput[K] | null;
};

/**
 * Changes what was sent of a document at the version read (stale → CONFLICT), re-resolving the
 * issuers and the validity the clause gives, re-indexing it and recording POLICY_CHANGED.
 */
export async function updatePolicy(
  ctx: GazetteContext,
  id: string,
  version: number,
  input: PolicyPatch,
): Promise<void> {
  await writeTransaction(ctx, async (tx) => {
    const current = await tx.policy.findUnique({ where: { id } });
    const signedOn =
      input.signedOn ?? (current ? current.signedOn.toISOString().slice(0, 10) : undefined);
    const data = definedOnly({
      title: nonEmpty(input.title, 'input.title'),
      category: input.category ?? undefined,
      signedOn: day(input.signedOn ?? undefined),
      validityClause: input.validityClause,
      issueLabel: input.issueLabel,
      page: input.page,
      summary: input.summary,
      ...validityFields({ ...input, signedOn }),
    });
    if (input.issuers) {
      const rows = await issuerRows(tx, input.issuers);
      await tx.policyIssuer.deleteMany({ where: { policyId: id } });
      await tx.policyIssuer.createMany({ data: rows.map((r) => ({ ...r, policyId: id })) });
    }
    await updateVersioned(tx, ctx, 'policy', id, version, data);
    await indexPolicy(tx, id);
    await recordChange(tx, {
      kind: 'POLICY_CHANGED',
      docNo: current?.docNo ?? null,
      entityId: id,
      details: { fields: Object.keys(data) },
    });
  });
}
