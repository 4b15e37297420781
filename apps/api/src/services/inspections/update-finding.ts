import { findingKeys } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { findOrThrow, updateVersioned, writeTransaction } from '../../schema/write-helpers.ts';
import { inspectionChanged, roundOfFinding } from '../changes/inspection-changed.ts';
import { findingPatchData, type FindingKind, type FindingPatch } from './finding-patch-data.ts';

const MODEL = { website: 'websiteFinding', newMedia: 'newMediaFinding' } as const;

/** Changes a website or new-media finding (supervisors: its rectification only). */
export async function updateFinding(
  ctx: GazetteContext,
  kind: FindingKind,
  id: string,
  version: number,
  patch: FindingPatch,
): Promise<void> {
  const data = findingPatchData(ctx, patch, kind);
  await writeTransaction(ctx, async (tx) => {
    const before = await findOrThrow(tx, MODEL[kind], id);
    await updateVersioned(tx, ctx, MODEL[kind], id, version, withKeys(kind, before, data), before);
    const roundId = await roundOfFinding(tx, MODEL[kind], id);
    if (roundId) await inspectionChanged(tx, roundId, 'findings');
  });
}

/** A patch that changes the text a finding is matched on also rewrites its repeat-finding keys. */
function withKeys(
  kind: FindingKind,
  before: Record<string, unknown>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  if (data.description === undefined && data.account === undefined) return data;
  const text = (field: string) => String(data[field] ?? before[field]);
  return {
    ...data,
    ...(kind === 'website'
      ? findingKeys({ channel: 'WEBSITE', description: text('description') })
      : findingKeys({
          channel: 'NEW_MEDIA',
          account: text('account'),
          description: text('description'),
        })),
  };
}
