import { normalizeOrganizationName } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { definedOnly, updateVersioned, writeTransaction } from '../../schema/write-helpers.ts';
import type { CreateOrganizationInput } from './create-organization.ts';
import { organizationName } from './organization-fields.ts';

export type OrganizationPatch = {
  [K in keyof CreateOrganizationInput]?: CreateOrganizationInput[K] | null;
};

/** Changes what was sent of a body at the version read (stale → CONFLICT), audited. */
export async function updateOrganization(
  ctx: GazetteContext,
  id: string,
  version: number,
  input: OrganizationPatch,
): Promise<void> {
  await writeTransaction(ctx, (tx) =>
    updateVersioned(
      tx,
      ctx,
      'organization',
      id,
      version,
      definedOnly({
        name: input.name == null ? undefined : organizationName(input.name, 'input.name'),
        shortName:
          input.shortName === undefined
            ? undefined
            : input.shortName && normalizeOrganizationName(input.shortName),
        type: input.type ?? undefined,
        parentId: input.parentId,
      }),
    ),
  );
}
