import type { GazetteContext } from '../../context.ts';
import { deleteVersioned, writeTransaction, type Tx } from '../../schema/write-helpers.ts';
import { inspectionChanged, roundOfFinding } from '../changes/inspection-changed.ts';
import type { FindingKind } from './finding-patch-data.ts';

const MODEL = { website: 'websiteFinding', newMedia: 'newMediaFinding' } as const;

/** Deletes a website or new-media finding; `read` loads what the caller returns, before the delete. */
export function deleteFinding<T>(
  ctx: GazetteContext,
  kind: FindingKind,
  id: string,
  version: number,
  read: (tx: Tx) => Promise<T>,
): Promise<T> {
  return writeTransaction(ctx, async (tx) => {
    const row = await read(tx);
    const roundId = await roundOfFinding(tx, MODEL[kind], id);
    await deleteVersioned(tx, ctx, MODEL[kind], id, version);
    if (roundId) await inspectionChanged(tx, roundId, 'findings');
    return row;
  });
}
