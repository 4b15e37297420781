import type { GazetteContext } from '../../context.ts';
import {
  deleteAnsweringRow,
  deleteVersioned,
  writeTransaction,
  type ReadBeforeDelete,
} from '../../schema/write-helpers.ts';
import { inspectionChanged, roundOfFinding } from '../changes/inspection-changed.ts';
import type { FindingKind } from './finding-patch-data.ts';

const MODEL = { website: 'websiteFinding', newMedia: 'newMediaFinding' } as const;

/** Deletes a website or new-media finding; `read` loads what the caller returns, before the delete. */
export function deleteFinding<T>(
  ctx: GazetteContext,
  kind: FindingKind,
  id: string,
  version: number,
  read: ReadBeforeDelete<T>,
): Promise<T> {
  return deleteAnsweringRow(
    (fn) => writeTransaction(ctx, fn),
    read,
    async (tx) => {
      const roundId = await roundOfFinding(tx, MODEL[kind], id);
      await deleteVersioned(tx, ctx, MODEL[kind], id, version);
      if (roundId) await inspectionChanged(tx, roundId, 'findings');
    },
  );
}
