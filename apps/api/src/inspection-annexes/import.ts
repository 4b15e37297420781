// Importing a quarter's annexes: every file read and validated first (all or nothing), then the
// round's findings of each annex given are replaced in one transaction, behind the round's
// version check, with an audit entry.
import { DomainError } from '@gazette/domain';
import type { GazetteContext } from '../context.ts';
import { recordAudit } from '../audit.ts';
import type { AnnexImportAction } from '../audit-actions.ts';
import type { BodyResolver } from '../services/organizations/resolve-body.ts';
import { updateVersioned, writeTransaction } from '../schema/write-helpers.ts';
import { inspectionChanged } from '../services/changes/inspection-changed.ts';
import { ANNEX_LABEL, fileError, parseAnnex, type AnnexKind, type AnnexRowError, type AnnexRows } from './annexes.ts';
import { decodeCsvBytes, readCsv, readXlsx, UnreadableFile, type AnnexFileFormat, type RawTable } from './table.ts';

/** A file of a GraphQL multipart upload (a WHATWG File, as graphql-yoga hands it over). */
export interface UploadedFile {
  readonly name?: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface AnnexUpload {
  format: AnnexFileFormat;
  /** CSV: the text. XLSX: the bytes in base64 (a data: URL prefix is allowed). */
  content?: string | null;
  /** The same as a multipart upload, instead of content. */
  file?: UploadedFile | null;
  /** For messages; defaults to the uploaded file's name. */
  fileName?: string | null;
}

export type AnnexUploads = Partial<Record<AnnexKind, AnnexUpload | null | undefined>>;

export const ANNEX_ORDER: readonly AnnexKind[] = ['WEBSITE', 'NEW_MEDIA', 'DATA_COLLECTION', 'ADOPTION'];

function base64Bytes(content: string): Uint8Array {
  const text = content.replace(/^data:[^,]*;base64,/u, '').replace(/\s+/gu, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(text) || text.length % 4 === 1) throw new UnreadableFile('XLSX 的 content 应为文件内容的 base64 编码');
  return new Uint8Array(Buffer.from(text, 'base64'));
}

async function readTable(annex: AnnexKind, upload: AnnexUpload): Promise<RawTable> {
  const hasContent = upload.content != null;
  if (hasContent === (upload.file != null)) throw new UnreadableFile('content 与 file 须且只能提供一个');
  if (upload.format === 'CSV') {
    return readCsv(upload.file ? decodeCsvBytes(new Uint8Array(await upload.file.arrayBuffer())) : upload.content!);
  }
  const bytes = upload.file ? new Uint8Array(await upload.file.arrayBuffer()) : base64Bytes(upload.content!);
  return readXlsx(bytes, ANNEX_LABEL[annex]);
}

export interface ParsedAnnexes {
  rows: Partial<AnnexRows>;
  errors: AnnexRowError[];
}

/** Reads and validates every annex given; `rows` is only to be written when `errors` is empty. */
export async function parseAnnexUploads(uploads: AnnexUploads, resolve: BodyResolver): Promise<ParsedAnnexes> {
  const errors: AnnexRowError[] = [];
  const rows: Partial<AnnexRows> = {};
  for (const annex of ANNEX_ORDER) {
    const upload = uploads[annex];
    if (!upload) continue;
    const fileName = upload.fileName ?? upload.file?.name ?? null;
    try {
      const table = await readTable(annex, upload);
      (rows as Record<AnnexKind, unknown>)[annex] = parseAnnex(annex, table, resolve, errors, fileName);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      errors.push(fileError(annex, error.message, fileName));
    }
  }
  return { rows, errors };
}

/** BAD_USER_INPUT listing every bad row (extensions.rows), nothing written. */
export function annexErrors(errors: AnnexRowError[], field: (annex: AnnexKind) => string): DomainError {
  const places = [...new Set(errors.map((e) => (e.line == null ? e.file : `${e.file}第${e.line}行`)))];
  const shown = places.length > 10 ? [...places.slice(0, 10), `等 ${places.length} 处`] : places;
  return new DomainError('BAD_USER_INPUT', `附件有 ${errors.length} 处错误(${shown.join('、')}),未写入任何数据`, {
    field: field(errors[0]!.annex),
    details: { rows: errors },
  });
}

/**
 * Replaces the round's records of each annex present in `rows` (after the version check, which
 * bumps the round's version), and records one audit entry naming what was imported.
 */
export async function replaceAnnexes(
  ctx: GazetteContext,
  round: { id: string },
  version: number,
  rows: Partial<AnnexRows>,
  audit: { action: AnnexImportAction; formats: Partial<Record<AnnexKind, AnnexFileFormat>> },
): Promise<void> {
  const roundId = round.id;
  await writeTransaction(ctx, async (tx) => {
    await updateVersioned(tx, ctx, 'inspectionRound', roundId, version, {});
    await inspectionChanged(tx, roundId, 'annexes');
    const before = {
      websiteFindings: await tx.websiteFinding.count({ where: { roundId } }),
      newMediaFindings: await tx.newMediaFinding.count({ where: { roundId } }),
      dataGaps: await tx.dataCollectionGap.count({ where: { roundId } }),
      adoptions: await tx.informationAdoption.count({ where: { roundId } }),
    };
    if (rows.WEBSITE) {
      await tx.websiteFinding.deleteMany({ where: { roundId } });
      await tx.websiteFinding.createMany({
        data: rows.WEBSITE.map((r) => ({
          roundId,
          organizationId: r.organizationId,
          siteSeq: r.siteSeq,
          siteName: r.siteName,
          position: r.position,
          description: r.description,
          rectified: r.rectified,
        })),
      });
    }
    if (rows.NEW_MEDIA) {
      await tx.newMediaFinding.deleteMany({ where: { roundId } });
      await tx.newMediaFinding.createMany({
        data: rows.NEW_MEDIA.map((r) => ({
          roundId,
          organizationId: r.organizationId,
          seq: r.seq,
          account: r.account,
          platform: r.platform,
          description: r.description,
          rectified: r.rectified,
        })),
      });
    }
    if (rows.DATA_COLLECTION) {
      await tx.dataCollectionGap.deleteMany({ where: { roundId } });
      await tx.dataCollectionGap.createMany({
        data: rows.DATA_COLLECTION.map((r) => ({ roundId, organizationId: r.organizationId, kind: r.kind, dataYear: r.dataYear, position: r.position })),
      });
    }
    if (rows.ADOPTION) {
      await tx.informationAdoption.deleteMany({ where: { roundId } });
      await tx.informationAdoption.createMany({
        data: rows.ADOPTION.map((r) => ({ roundId, organizationId: r.organizationId, rating: r.rating, position: r.position })),
      });
    }
    await recordAudit(tx, ctx, {
      action: audit.action,
      entity: 'InspectionRound',
      entityId: roundId,
      before,
      after: {
        formats: audit.formats,
        websiteFindings: rows.WEBSITE?.length ?? null,
        newMediaFindings: rows.NEW_MEDIA?.length ?? null,
        dataGaps: rows.DATA_COLLECTION?.length ?? null,
        adoptions: rows.ADOPTION?.length ?? null,
      },
    });
  });
}
