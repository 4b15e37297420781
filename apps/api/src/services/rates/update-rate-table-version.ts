// Changes a version's dates, label or note while it may still change (a draft, or published but
// not started); a published one's change goes to the change feed.
import {
  assertEditable,
  fromUtcMidnight,
  todayInShanghai,
  toUtcMidnight,
  type PlainDate,
} from '@gazette/domain';
import { definedOnly, findOrThrow, updateVersioned } from '../../schema/write-helpers.ts';
import { rateWrite, ratesChanged, type RateCtx } from './support.ts';

export interface RateVersionPatch {
  effectiveFrom?: PlainDate | null;
  effectiveTo?: PlainDate | null;
  label?: string | null;
  note?: string | null;
}

export async function updateRateTableVersion(
  ctx: RateCtx,
  id: string,
  version: number,
  input: RateVersionPatch,
): Promise<void> {
  await rateWrite(ctx, async (tx) => {
    const current = await findOrThrow(tx, 'rateTableVersion', id);
    assertEditable(
      {
        status: current.status as 'DRAFT' | 'PUBLISHED',
        effectiveFrom: fromUtcMidnight(current.effectiveFrom as Date),
      },
      todayInShanghai(),
      definedOnly({
        effectiveFrom: input.effectiveFrom ?? undefined,
        effectiveTo: input.effectiveTo,
      }),
    );
    const patch = definedOnly({
      effectiveFrom: input.effectiveFrom ? toUtcMidnight(input.effectiveFrom) : undefined,
      effectiveTo:
        input.effectiveTo === undefined
          ? undefined
          : input.effectiveTo && toUtcMidnight(input.effectiveTo),
      label: input.label,
      note: input.note,
    });
    await updateVersioned(tx, ctx, 'rateTableVersion', id, version, patch, current);
    await ratesChanged(tx, id, 'version', current.status as 'DRAFT' | 'PUBLISHED');
  });
}
