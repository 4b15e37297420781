// Importing a quarter's annexes: every file read and validated first (all or nothing), then the
// round's findings of each annex given are replaced in one transaction, behind the round's
// version check, with an audit entry.
import { DomainError, findingKeys, type FindingKeys } from '@gazette/domain';
import type { GazetteContext } from '../context.ts';
import { recordAudit } from '../audit.ts';
import type { AnnexImportAction } from '../audit-actions.ts';
import type { BodyResolver } from '../services/organizations/resolve-body.ts';
import { updateVersioned, writeTransaction } from '../schema/write-helpers.ts';
import { inspectionChanged } from '../services/changes/inspection-changed.ts';
import { transactionConnection, type TransactionConnection } from '@gazette/db';
import { bulkInsert, type BulkRowColumn } from '@gazette/db/bulk-insert';
import {
  ANNEX_LABEL,
  fileError,
  parseAnnexYielding,
  type AnnexKind,
  type AnnexRowError,
  type AnnexRows,
} from './annexes.ts';
import {
  decodeCsvBytes,
  readCsvStreamed,
  readCsvYielding,
  readXlsx,
  UnreadableFile,
  type AnnexFileFormat,
  type RawTable,
} from './table.ts';

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
  /** CSV only: the bytes as a streamed request body delivers them (POST /imports/…). */
  stream?: AsyncIterable<Uint8Array> | null;
  /** For messages; defaults to the uploaded file's name. */
  fileName?: string | null;
}

/** The argument under which a bad row of each annex is reported. */
export const ANNEX_ARGUMENT: Record<AnnexKind, string> = {
  WEBSITE: 'website',
  NEW_MEDIA: 'newMedia',
  DATA_COLLECTION: 'dataCollection',
  ADOPTION: 'adoption',
};

export type AnnexUploads = Partial<Record<AnnexKind, AnnexUpload | null | undefined>>;

export const ANNEX_ORDER: readonly AnnexKind[] = [
  'WEBSITE',
  'NEW_MEDIA',
  'DATA_COLLECTION',
  'ADOPTION',
];

function base64Bytes(content: string): Uint8Array {
  const text = content.replace(/^data:[^,]*;base64,/u, '').replace(/\s+/gu, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(text) || text.length % 4 === 1)
    throw new UnreadableFile('XLSX 的 content 应为文件内容的 base64 编码');
  return new Uint8Array(Buffer.from(text, 'base64'));
}

async function readTable(annex: AnnexKind, upload: AnnexUpload): Promise<RawTable> {
  const given = [upload.content, upload.file, upload.stream].filter((x) => x != null).length;
  if (given !== 1) throw new UnreadableFile('content 与 file 须且只能提供一个');
  if (upload.stream) {
    if (upload.format !== 'CSV') throw new UnreadableFile('流式导入只接受 CSV 文件');
    return readCsvStreamed(upload.stream);
  }
  if (upload.format === 'CSV') {
    return readCsvYielding(
      upload.file
        ? decodeCsvBytes(new Uint8Array(await upload.file.arrayBuffer()))
        : upload.content!,
    );
  }
  const bytes = upload.file
    ? new Uint8Array(await upload.file.arrayBuffer())
    : base64Bytes(upload.content!);
  return readXlsx(bytes, ANNEX_LABEL[annex]);
}

export interface ParsedAnnexes {
  rows: Partial<AnnexRows>;
  errors: AnnexRowError[];
}

/** Reads and validates every annex given; `rows` is only to be written when `errors` is empty. */
export async function parseAnnexUploads(
  uploads: AnnexUploads,
  resolve: BodyResolver,
): Promise<ParsedAnnexes> {
  const errors: AnnexRowError[] = [];
  const rows: Partial<AnnexRows> = {};
  for (const annex of ANNEX_ORDER) {
    const upload = uploads[annex];
    if (!upload) continue;
    const fileName = upload.fileName ?? upload.file?.name ?? null;
    try {
      const table = await readTable(annex, upload);
      (rows as Record<AnnexKind, unknown>)[annex] = await parseAnnexYielding(
        annex,
        table,
        resolve,
        errors,
        fileName,
      );
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      errors.push(fileError(annex, error.message, fileName));
    }
  }
  return { rows, errors };
}

/** BAD_USER_INPUT listing every bad row (extensions.rows), nothing written. */
export function annexErrors(
  errors: AnnexRowError[],
  field: (annex: AnnexKind) => string,
): DomainError {
  const places = [
    ...new Set(errors.map((e) => (e.line == null ? e.file : `${e.file}第${e.line}行`))),
  ];
  const shown = places.length > 10 ? [...places.slice(0, 10), `等 ${places.length} 处`] : places;
  return new DomainError(
    'BAD_USER_INPUT',
    `附件有 ${errors.length} 处错误(${shown.join('、')}),未写入任何数据`,
    {
      field: field(errors[0]!.annex),
      details: { rows: errors },
    },
  );
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
    // The rows go through this transaction's own connection, in the same transaction.
    const db = await transactionConnection(ctx.prisma, tx);
    if (rows.WEBSITE) {
      await tx.websiteFinding.deleteMany({ where: { roundId } });
      await insertWebsiteFindings(db, roundId, rows.WEBSITE);
    }
    if (rows.NEW_MEDIA) {
      await tx.newMediaFinding.deleteMany({ where: { roundId } });
      await insertNewMediaFindings(db, roundId, rows.NEW_MEDIA);
    }
    if (rows.DATA_COLLECTION) {
      await tx.dataCollectionGap.deleteMany({ where: { roundId } });
      await insertDataGaps(db, roundId, rows.DATA_COLLECTION);
    }
    if (rows.ADOPTION) {
      await tx.informationAdoption.deleteMany({ where: { roundId } });
      await insertAdoptions(db, roundId, rows.ADOPTION);
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

// ------------------------------------------------------------------ bulk writes

/**
 * Rows per INSERT: each statement sends one array per column (`INSERT … SELECT FROM unnest(…)`,
 * @gazette/db/bulk-insert) through the transaction's own node-postgres connection
 * (transactionConnection), so no per-row query is built on the main thread and Prisma keeps no
 * parameters; a batch is small enough that building its arrays (and its findings' keys) holds the
 * event loop only briefly.
 */
export const INSERT_BATCH_ROWS = 2000;

/**
 * Inserts a round's rows of `table` in batches, each with a new id and `roundId` (and `updatedAt`
 * when the table has one) around `columns`. `prepare` adds what a batch computes once per row (the
 * findings' keys) before the columns read it.
 */
function insertRoundRows<R, T>(
  db: TransactionConnection,
  roundId: string,
  table: string,
  rows: readonly R[],
  prepare: (batch: readonly R[]) => readonly T[],
  columns: readonly BulkRowColumn<T>[],
  options: { updatedAt?: boolean } = {},
) {
  return bulkInsert(
    db,
    {
      table,
      batchRows: INSERT_BATCH_ROWS,
      prepare,
      columns: [
        { name: 'id', generated: 'uuid' },
        { name: 'roundId', type: 'text', constant: roundId },
        ...columns,
        ...(options.updatedAt ? [{ name: 'updatedAt', generated: 'now' } as const] : []),
      ],
    },
    rows,
  );
}

/** A finding of either annex with the keys repeat findings are matched by. */
type Keyed<R> = { r: R; k: FindingKeys };

/** A finding's columns around its annex's own: the body first, then text, keys and rectification. */
function findingColumns<
  R extends { organizationId: string; description: string; rectified: boolean | null },
>(own: readonly BulkRowColumn<Keyed<R>>[]): BulkRowColumn<Keyed<R>>[] {
  return [
    { name: 'organizationId', type: 'text', value: (x) => x.r.organizationId },
    ...own,
    { name: 'description', type: 'text', value: (x) => x.r.description },
    { name: 'subjectKey', type: 'text', value: (x) => x.k.subjectKey },
    { name: 'issueKey', type: 'text', value: (x) => x.k.issueKey },
    { name: 'rectified', type: 'bool', value: (x) => x.r.rectified },
  ];
}

function insertWebsiteFindings(
  db: TransactionConnection,
  roundId: string,
  rows: AnnexRows['WEBSITE'],
) {
  const keyed = (b: readonly AnnexRows['WEBSITE'][number][]) =>
    b.map((r) => ({ r, k: findingKeys({ channel: 'WEBSITE', description: r.description }) }));
  return insertRoundRows(
    db,
    roundId,
    'WebsiteFinding',
    rows,
    keyed,
    findingColumns([
      { name: 'siteSeq', type: 'int4', value: (x) => x.r.siteSeq },
      { name: 'siteName', type: 'text', value: (x) => x.r.siteName },
      { name: 'position', type: 'int4', value: (x) => x.r.position },
    ]),
    { updatedAt: true },
  );
}

function insertNewMediaFindings(
  db: TransactionConnection,
  roundId: string,
  rows: AnnexRows['NEW_MEDIA'],
) {
  const keyed = (b: readonly AnnexRows['NEW_MEDIA'][number][]) =>
    b.map((r) => ({ r, k: findingKeys({ channel: 'NEW_MEDIA', ...r }) }));
  return insertRoundRows(
    db,
    roundId,
    'NewMediaFinding',
    rows,
    keyed,
    findingColumns([
      { name: 'seq', type: 'int4', value: (x) => x.r.seq },
      { name: 'account', type: 'text', value: (x) => x.r.account },
      { name: 'platform', type: 'text', value: (x) => x.r.platform },
    ]),
    { updatedAt: true },
  );
}

function insertDataGaps(
  db: TransactionConnection,
  roundId: string,
  rows: AnnexRows['DATA_COLLECTION'],
) {
  return insertRoundRows(db, roundId, 'DataCollectionGap', rows, (b) => b, [
    { name: 'organizationId', type: 'text', value: (r) => r.organizationId },
    { name: 'kind', type: { enum: 'DataGapKind' }, value: (r) => r.kind },
    { name: 'dataYear', type: 'int4', value: (r) => r.dataYear },
    { name: 'position', type: 'int4', value: (r) => r.position },
  ]);
}

function insertAdoptions(db: TransactionConnection, roundId: string, rows: AnnexRows['ADOPTION']) {
  return insertRoundRows(db, roundId, 'InformationAdoption', rows, (b) => b, [
    { name: 'organizationId', type: 'text', value: (r) => r.organizationId },
    { name: 'rating', type: { enum: 'AdoptionRating' }, value: (r) => r.rating },
    { name: 'position', type: 'int4', value: (r) => r.position },
  ]);
}
