// "New version from date …": a DRAFT copy of the version in force the day before (or of
// basedOnId), copied inside the database, or the entries of a CSV file validated whole.
import {
  addDays,
  DomainError,
  toUtcMidnight,
  versionInForce,
  type PlainDate,
} from '@gazette/domain';
import { createAudited } from '../../schema/write-helpers.ts';
import { copyEntries, entriesConnection, insertEntries } from './insert-entries.ts';
import { parseRateCsv } from './parse-rate-csv.ts';
import { actorId, dimensionsOf, rateWrite, type RateCtx } from './support.ts';
import { tableRanges } from './table-ranges.ts';

export interface NewRateVersion {
  tableId: string;
  effectiveFrom: PlainDate;
  effectiveTo?: PlainDate | null;
  label?: string | null;
  note?: string | null;
  basedOnId?: string | null;
  csv?: string | null;
}

export async function createRateTableVersion(ctx: RateCtx, input: NewRateVersion): Promise<string> {
  const dims = await ctx.prisma.rateTable.findUnique({
    where: { id: input.tableId },
    select: { dimensions: true },
  });
  if (!dims)
    throw new DomainError('NOT_FOUND', `费率表 ${input.tableId} 不存在`, {
      field: 'input.tableId',
    });
  // A file is validated before any transaction starts (it may be long).
  const entries = input.csv != null ? await parseRateCsv(input.csv, dimensionsOf(dims)) : null;
  return rateWrite(ctx, async (tx) => {
    let basedOnId: string | null = null;
    if (!entries) {
      if (input.basedOnId) {
        const base = await tx.rateTableVersion.findFirst({
          where: { id: input.basedOnId, tableId: input.tableId },
          select: { id: true },
        });
        if (!base)
          throw new DomainError('NOT_FOUND', '要复制的版本不存在', { field: 'input.basedOnId' });
        basedOnId = base.id;
      } else {
        const table = await tableRanges(tx, { id: input.tableId });
        if (!table)
          throw new DomainError('NOT_FOUND', `费率表 ${input.tableId} 不存在`, {
            field: 'input.tableId',
          });
        const latest = [...table.versions].sort((a, b) =>
          a.effectiveFrom < b.effectiveFrom ? 1 : -1,
        )[0];
        basedOnId = (versionInForce(table, addDays(input.effectiveFrom, -1)) ?? latest)?.id ?? null;
      }
    }
    const created = await createAudited(tx, ctx, 'rateTableVersion', {
      tableId: input.tableId,
      label: input.label ?? null,
      note: input.note ?? null,
      effectiveFrom: toUtcMidnight(input.effectiveFrom),
      effectiveTo: input.effectiveTo ? toUtcMidnight(input.effectiveTo) : null,
      status: 'DRAFT',
      basedOnId,
      createdById: actorId(ctx),
    });
    if (entries)
      await insertEntries(await entriesConnection(ctx, tx), created.id, entries, actorId(ctx));
    else if (basedOnId) await copyEntries(tx, basedOnId, created.id, actorId(ctx));
    return created.id;
  });
}
