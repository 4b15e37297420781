import type { Prisma } from '@gazette/db';
import { normalizeOrganizationName } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { createAudited, writeTransaction } from '../../schema/write-helpers.ts';
import { organizationName } from './organization-fields.ts';

export interface CreateOrganizationInput {
  name: string;
  shortName?: string | null;
  type: Prisma.OrganizationCreateInput['type'];
  /** Database id of the parent body. */
  parentId?: string | null;
}

/** Registers a body (names normalised), audited; answers its id. */
export function createOrganization(
  ctx: GazetteContext,
  input: CreateOrganizationInput,
): Promise<string> {
  return writeTransaction(ctx, async (tx) => {
    const created = await createAudited(tx, ctx, 'organization', {
      name: organizationName(input.name, 'input.name'),
      shortName: input.shortName ? normalizeOrganizationName(input.shortName) : null,
      type: input.type,
      parentId: input.parentId ?? null,
    });
    return created.id;
  });
}
