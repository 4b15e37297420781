import type { GazetteContext } from '../../context.ts';
import { definedOnly, updateVersioned, writeTransaction } from '../../schema/write-helpers.ts';
import { aliasText } from './organization-fields.ts';

/** Changes an alias or the body it names at the version read (stale → CONFLICT), audited. */
export async function updateOrganizationAlias(
  ctx: GazetteContext,
  id: string,
  version: number,
  input: { organizationId?: string | null; alias?: string | null },
): Promise<void> {
  await writeTransaction(ctx, (tx) =>
    updateVersioned(
      tx,
      ctx,
      'organizationAlias',
      id,
      version,
      definedOnly({
        alias: input.alias == null ? undefined : aliasText(input.alias),
        organizationId: input.organizationId ?? undefined,
      }),
    ),
  );
}
