import { findingKeys, toUtcMidnight, type PlainDate } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { rawId } from '../../schema/ids.ts';
import { createAudited, writeTransaction } from '../../schema/write-helpers.ts';
import { inspectionChanged } from '../changes/inspection-changed.ts';

export interface CreateNewMediaFindingInput {
  roundId: string;
  organizationId: string;
  seq: number;
  account: string;
  platform: string;
  description: string;
  rectified?: boolean | null;
  rectifiedOn?: PlainDate | null;
}

/** A new-media finding (附件2). The new id. */
export async function createNewMediaFinding(
  ctx: GazetteContext,
  input: CreateNewMediaFindingInput,
): Promise<string> {
  const roundId = rawId(input.roundId, 'InspectionRound', 'input.roundId');
  const account = input.account.trim();
  const description = input.description.trim();
  return writeTransaction(ctx, async (tx) => {
    const created = await createAudited(tx, ctx, 'newMediaFinding', {
      roundId,
      organizationId: rawId(input.organizationId, 'Organization', 'input.organizationId'),
      seq: input.seq,
      account,
      platform: input.platform.trim(),
      description,
      ...findingKeys({ channel: 'NEW_MEDIA', account, description }),
      // Omitted: unknown, as for a finding read from 附件2 (which prints no rectification).
      rectified: input.rectified ?? null,
      rectifiedOn: input.rectified && input.rectifiedOn ? toUtcMidnight(input.rectifiedOn) : null,
    });
    await inspectionChanged(tx, roundId, 'findings');
    return created.id;
  });
}
