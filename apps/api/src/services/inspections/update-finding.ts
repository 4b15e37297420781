import type { GazetteContext } from '../../context.ts';
import { updateVersioned, writeTransaction } from '../../schema/write-helpers.ts';
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
    await updateVersioned(tx, ctx, MODEL[kind], id, version, data);
    const roundId = await roundOfFinding(tx, MODEL[kind], id);
    if (roundId) await inspectionChanged(tx, roundId, 'findings');
  });
}
