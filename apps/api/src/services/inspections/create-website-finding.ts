import { findingKeys, toUtcMidnight, type PlainDate } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { rawId } from '../../schema/ids.ts';
import { createAudited, writeTransaction } from '../../schema/write-helpers.ts';
import { inspectionChanged } from '../changes/inspection-changed.ts';

export interface CreateWebsiteFindingInput {
  roundId: string;
  organizationId: string;
  siteSeq: number;
  siteName: string;
  position?: number | null;
  description: string;
  rectified?: boolean | null;
  rectifiedOn?: PlainDate | null;
}

/** A website finding (附件1); without a position it goes after the site's others. The new id. */
export async function createWebsiteFinding(
  ctx: GazetteContext,
  input: CreateWebsiteFindingInput,
): Promise<string> {
  const roundId = rawId(input.roundId, 'InspectionRound', 'input.roundId');
  const description = input.description.trim();
  return writeTransaction(ctx, async (tx) => {
    const position =
      input.position ??
      (await tx.websiteFinding.count({ where: { roundId, siteSeq: input.siteSeq } }));
    const created = await createAudited(tx, ctx, 'websiteFinding', {
      roundId,
      organizationId: rawId(input.organizationId, 'Organization', 'input.organizationId'),
      siteSeq: input.siteSeq,
      siteName: input.siteName.trim(),
      position,
      description,
      ...findingKeys({ channel: 'WEBSITE', description }),
      rectified: input.rectified ?? false,
      rectifiedOn: input.rectified && input.rectifiedOn ? toUtcMidnight(input.rectifiedOn) : null,
    });
    await inspectionChanged(tx, roundId, 'findings');
    return created.id;
  });
}
