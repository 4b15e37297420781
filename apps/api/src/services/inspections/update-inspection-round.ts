import { fromUtcMidnight, toUtcMidnight, type PlainDate } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { findOrThrow, updateVersioned, writeTransaction } from '../../schema/write-helpers.ts';
import { inspectionChanged } from '../changes/inspection-changed.ts';
import { checkRoundFigures } from './check-round-figures.ts';
import { resolveRoundPolicy } from './resolve-round-policy.ts';

/** Omitted or null: unchanged (policyId: null detaches the 通报). */
export type InspectionRoundPatch = {
  policyId?: string | null;
  windowStart?: PlainDate | null;
  windowEnd?: PlainDate | null;
} & Record<string, unknown>;

/** Changes a round's headline figures; the merged round must still keep the figures' rules. */
export async function updateInspectionRound(
  ctx: GazetteContext,
  id: string,
  version: number,
  input: InspectionRoundPatch,
): Promise<void> {
  const { policyId, ...figures } = input;
  const patch = Object.fromEntries(Object.entries(figures).filter(([, v]) => v != null));
  await writeTransaction(ctx, async (tx) => {
    const current = await findOrThrow(tx, 'inspectionRound', id);
    const merged = {
      ...current,
      windowStart: fromUtcMidnight(current.windowStart as Date),
      windowEnd: fromUtcMidnight(current.windowEnd as Date),
      ...patch,
    };
    checkRoundFigures(merged, new Set(Object.keys(patch)));
    const data: Record<string, unknown> = {
      ...patch,
      ...(input.windowStart ? { windowStart: toUtcMidnight(input.windowStart) } : {}),
      ...(input.windowEnd ? { windowEnd: toUtcMidnight(input.windowEnd) } : {}),
    };
    if (policyId !== undefined) data.policyId = await resolveRoundPolicy(tx, policyId);
    await updateVersioned(tx, ctx, 'inspectionRound', id, version, data, current);
    await inspectionChanged(tx, id, 'figures');
  });
}
