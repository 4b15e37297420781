import { DomainError } from '@gazette/domain';
import { rawId } from '../../schema/ids.ts';
import type { Tx } from '../../schema/write-helpers.ts';

/** The 通报 a round names (input.policyId, a global id): its database id; null/undefined pass through. */
export async function resolveRoundPolicy(
  tx: Tx,
  id: string | null | undefined,
): Promise<string | null | undefined> {
  if (id == null) return id;
  const policyId = rawId(id, 'Policy', 'input.policyId');
  if (!(await tx.policy.findUnique({ where: { id: policyId }, select: { id: true } }))) {
    throw new DomainError('BAD_USER_INPUT', '没有这个文件(policyId)', { field: 'input.policyId' });
  }
  return policyId;
}
