import { formatQuarter, parseQuarter, toUtcMidnight, type PlainDate } from '@gazette/domain';
import type { GazetteContext } from '../../context.ts';
import { createAudited, writeTransaction } from '../../schema/write-helpers.ts';
import { inspectionChanged } from '../changes/inspection-changed.ts';
import { checkRoundFigures } from './check-round-figures.ts';
import { resolveRoundPolicy } from './resolve-round-policy.ts';

export interface CreateInspectionRoundInput {
  quarter: string;
  policyId?: string | null;
  windowStart: PlainDate;
  windowEnd: PlainDate;
  cityPortalsChecked: number;
  districtPortalsChecked: number;
  departmentSitesChecked: number;
  newMediaAccountsChecked: number;
  newMediaDistricts?: number | null;
  newMediaParks?: number | null;
  newMediaDepartments?: number | null;
  messagesReceived: number;
  messagesClosed: number;
  messagesOverdue?: number | null;
}

/** A new quarter's round with its headline figures; the new round's id. */
export async function createInspectionRound(
  ctx: GazetteContext,
  input: CreateInspectionRoundInput,
): Promise<string> {
  const figures = {
    ...input,
    newMediaDistricts: input.newMediaDistricts ?? 0,
    newMediaParks: input.newMediaParks ?? 0,
    newMediaDepartments: input.newMediaDepartments ?? 0,
    messagesOverdue: input.messagesOverdue ?? 0,
  };
  checkRoundFigures(figures);
  return writeTransaction(ctx, async (tx) => {
    const created = await createAudited(tx, ctx, 'inspectionRound', {
      ...figures,
      quarter: formatQuarter(parseQuarter(input.quarter, 'input.quarter')),
      policyId: (await resolveRoundPolicy(tx, input.policyId)) ?? null,
      windowStart: toUtcMidnight(input.windowStart),
      windowEnd: toUtcMidnight(input.windowEnd),
    });
    await inspectionChanged(tx, created.id, 'round');
    return created.id;
  });
}
