// Renames a rate table (its key and dimensions are what versions were written against: fixed).
import { definedOnly, updateVersioned } from '../../schema/write-helpers.ts';
import { rateWrite, type RateCtx } from './support.ts';

export async function updateRateTable(
  ctx: RateCtx,
  id: string,
  version: number,
  input: { name?: string | null },
): Promise<void> {
  await rateWrite(ctx, (tx) =>
    updateVersioned(
      tx,
      ctx,
      'rateTable',
      id,
      version,
      definedOnly({ name: input.name?.trim() || undefined }),
    ),
  );
}
