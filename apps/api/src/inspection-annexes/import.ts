// Importing a quarter's annexes: every file read and validated first (all or nothing), then the
// round's findings of each annex given are replaced in one transaction, behind the round's
// version check, with an audit entry.
import { DomainError, findingKeys } from '@gazette/domain';
import type { GazetteContext } from '../context.ts';
import { recordAudit } from '../audit.ts';
import type { AnnexImportAction } from '../audit-actions.ts';
import type { BodyResolver } from '../services/organizations/resolve-body.ts';
import { updateVersioned, writeTransaction } from '../schema/write-helpers.ts';
import { inspectionChanged } from '../services/changes/inspection-changed.ts';
import {
  transactionClosed,
  transactionConnection,
  TRANSACTION_GUARD,
  type TransactionConnection,
} from '@gazette/db';
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
  /** For messages; defaults to the uploaded file's name. */
  fileName?: string | null;
}

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
  const hasContent = upload.content != null;
  if (hasContent === (upload.file != null))
    throw new UnreadableFile('content 与 file 须且只能提供一个');
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
 * Rows per INSERT: each statement sends one array per column (`INSERT … SELECT FROM unnest(…)`)
 * through the transaction's own node-postgres connection (transactionConnection), so no per-row
 * query is built on the main thread and Prisma keeps no parameters; a batch is small enough that
 * building its arrays (and its findings' keys) holds the event loop only briefly.
 */
export const INSERT_BATCH_ROWS = 2000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes `rows` a batch at a time on `db`; `insert` sends one batch, guarded by `db.txid`. */
async function inBatches<T>(
  db: TransactionConnection,
  rows: readonly T[],
  insert: (batch: readonly T[]) => Promise<{ rowCount: number | null }>,
): Promise<void> {
  for (let at = 0; at < rows.length; at += INSERT_BATCH_ROWS) {
    const batch = rows.slice(at, at + INSERT_BATCH_ROWS);
    if ((await insert(batch)).rowCount !== batch.length) throw transactionClosed();
    await turn();
  }
}

const column = <T, V>(batch: readonly T[], pick: (row: T) => V): V[] => batch.map(pick);

function insertWebsiteFindings(
  db: TransactionConnection,
  roundId: string,
  rows: AnnexRows['WEBSITE'],
) {
  return inBatches(db, rows, (b) => {
    const keys = b.map((r) => findingKeys({ channel: 'WEBSITE', description: r.description }));
    return db.query(
      `INSERT INTO "WebsiteFinding" (id, "roundId", "organizationId", "siteSeq", "siteName", position, description, "subjectKey", "issueKey", rectified, "updatedAt")
    SELECT gen_random_uuid()::text, $1, r.org, r.seq, r.site, r.pos, r.description, r.subject, r.issue, r.rectified, now()
    FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::boolean[])
      AS r(org, seq, site, pos, description, subject, issue, rectified)
    WHERE ${TRANSACTION_GUARD(10)}`,
      [
        roundId,
        column(b, (r) => r.organizationId),
        column(b, (r) => r.siteSeq),
        column(b, (r) => r.siteName),
        column(b, (r) => r.position),
        column(b, (r) => r.description),
        column(keys, (k) => k.subjectKey),
        column(keys, (k) => k.issueKey),
        column(b, (r) => r.rectified),
        db.txid,
      ],
    );
  });
}

function insertNewMediaFindings(
  db: TransactionConnection,
  roundId: string,
  rows: AnnexRows['NEW_MEDIA'],
) {
  return inBatches(db, rows, (b) => {
    const keys = b.map((r) => findingKeys({ channel: 'NEW_MEDIA', ...r }));
    return db.query(
      `INSERT INTO "NewMediaFinding" (id, "roundId", "organizationId", seq, account, platform, description, "subjectKey", "issueKey", rectified, "updatedAt")
    SELECT gen_random_uuid()::text, $1, r.org, r.seq, r.account, r.platform, r.description, r.subject, r.issue, r.rectified, now()
    FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[])
      AS r(org, seq, account, platform, description, subject, issue, rectified)
    WHERE ${TRANSACTION_GUARD(10)}`,
      [
        roundId,
        column(b, (r) => r.organizationId),
        column(b, (r) => r.seq),
        column(b, (r) => r.account),
        column(b, (r) => r.platform),
        column(b, (r) => r.description),
        column(keys, (k) => k.subjectKey),
        column(keys, (k) => k.issueKey),
        column(b, (r) => r.rectified),
        db.txid,
      ],
    );
  });
}

function insertDataGaps(
  db: TransactionConnection,
  roundId: string,
  rows: AnnexRows['DATA_COLLECTION'],
) {
  return inBatches(db, rows, (b) =>
    db.query(
      `INSERT INTO "DataCollectionGap" (id, "roundId", "organizationId", kind, "dataYear", position)
    SELECT gen_random_uuid()::text, $1, r.org, r.kind::"DataGapKind", r.year, r.pos
    FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) AS r(org, kind, year, pos)
    WHERE ${TRANSACTION_GUARD(6)}`,
      [
        roundId,
        column(b, (r) => r.organizationId),
        column(b, (r) => r.kind),
        column(b, (r) => r.dataYear),
        column(b, (r) => r.position),
        db.txid,
      ],
    ),
  );
}

function insertAdoptions(db: TransactionConnection, roundId: string, rows: AnnexRows['ADOPTION']) {
  return inBatches(db, rows, (b) =>
    db.query(
      `INSERT INTO "InformationAdoption" (id, "roundId", "organizationId", rating, position)
    SELECT gen_random_uuid()::text, $1, r.org, r.rating::"AdoptionRating", r.pos
    FROM unnest($2::text[], $3::text[], $4::int[]) AS r(org, rating, pos)
    WHERE ${TRANSACTION_GUARD(5)}`,
      [
        roundId,
        column(b, (r) => r.organizationId),
        column(b, (r) => r.rating),
        column(b, (r) => r.position),
        db.txid,
      ],
    ),
  );
}
