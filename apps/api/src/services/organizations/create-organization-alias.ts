import type { GazetteContext } from '../../context.ts';
import { createAudited, writeTransaction } from '../../schema/write-helpers.ts';
import { aliasText } from './organization-fields.ts';

/** Registers another name of a body (normalised, at least two characters), audited. */
export function createOrganizationAlias(
  ctx: GazetteContext,
  input: { organizationId: string; alias: string },
): Promise<string> {
  return writeTransaction(ctx, async (tx) => {
    const created = await createAudited(tx, ctx, 'organizationAlias', {
      organizationId: input.organizationId,
      alias: aliasText(input.alias),
    });
    return created.id;
  });
}
