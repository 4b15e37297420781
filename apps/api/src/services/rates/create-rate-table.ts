// A new rate table of a document, with its dimension definitions.
import { DomainError } from '@gazette/domain';
import type { Prisma } from '@gazette/db';
import { createAudited } from '../../schema/write-helpers.ts';
import { rateWrite, type RateCtx } from './support.ts';

export interface NewRateTable {
  key: string;
  kind:
    'MEDICAL_SERVICE_PRICE' | 'LAND_TRANSFER_FEE' | 'LAND_TERM_COEFFICIENT' | 'REHAB_ASSISTANCE';
  name: string;
  policyId: string;
  dimensions?: unknown;
}

export async function createRateTable(ctx: RateCtx, input: NewRateTable): Promise<string> {
  if (!Array.isArray(input.dimensions))
    throw new DomainError('BAD_USER_INPUT', 'dimensions 必须是维度定义数组', {
      field: 'input.dimensions',
    });
  return rateWrite(ctx, async (tx) => {
    const created = await createAudited(tx, ctx, 'rateTable', {
      key: input.key.trim(),
      kind: input.kind,
      name: input.name.trim(),
      policyId: input.policyId,
      dimensions: input.dimensions as Prisma.InputJsonValue,
    });
    return created.id;
  });
}
