// Importing a quarter's annex files: every file read and validated first (the event loop given
// back as it goes), then — none bad — the annexes given replaced in one transaction behind the
// round's version check, written in batches, with one audit entry. All or nothing.
import type { GazetteContext } from '../../context.ts';
import type { AnnexKind } from '../../inspection-annexes/annexes.ts';
import {
  annexErrors,
  parseAnnexUploads,
  replaceAnnexes,
  type AnnexUploads,
} from '../../inspection-annexes/import.ts';
import { loadBodyResolver } from '../organizations/resolve-body.ts';
import { findRoundByQuarter } from './find-round-by-quarter.ts';

export interface ImportInspectionAnnexesInput {
  quarter: string;
  /** The round's version (stale → CONFLICT). */
  version: number;
  uploads: AnnexUploads;
  /** The argument a bad row of an annex is reported under (e.g. annexes.website). */
  field: (annex: AnnexKind) => string;
  /** The audit entry's action. */
  action: 'inspectionRound.importAnnexes' | 'inspectionRound.importCsv';
}

/** The round's id once the files are written. */
export async function importInspectionAnnexes(
  ctx: GazetteContext,
  input: ImportInspectionAnnexesInput,
): Promise<string> {
  const round = await findRoundByQuarter(ctx.prisma, input.quarter);
  const { rows, errors } = await parseAnnexUploads(
    input.uploads,
    await loadBodyResolver(ctx.prisma),
  );
  if (errors.length) throw annexErrors(errors, input.field);
  const formats = Object.fromEntries(
    Object.entries(input.uploads)
      .filter(([, u]) => u)
      .map(([k, u]) => [k, u!.format]),
  );
  await replaceAnnexes(ctx, round, input.version, rows, { action: input.action, formats });
  return round.id;
}
