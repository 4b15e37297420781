// Streaming CSV exports (issue 9: "exports stream too"): the same files as the GraphQL fields
// rateTableVersionCsv and inspectionAnnexCsv, written to the response a page of rows at a time as
// they are read, so memory stays bounded by a page however large the export. Same authentication
// as /graphql (the Authorization: Bearer header) and the same visibility (drafts only for those
// who see drafts).
//
//   GET /exports/rate-table-versions/<version id>.csv   (rateTableVersionCsv with a BOM, named
//       <table>-<effective from>.csv; the CSV import reads it back unchanged)
//   GET /exports/inspection-annexes/<quarter>/<WEBSITE|NEW_MEDIA>.csv   (English headers)
//   GET /exports/inspection-annex-files/<quarter>/<WEBSITE|NEW_MEDIA|DATA_COLLECTION|ADOPTION>.csv
//       (inspectionAnnexFile's CSV: the gazette's Chinese headers, named e.g. 2024Q4-附件1.csv)
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { DomainError, isDomainError } from '@gazette/domain';
import type { PrismaClient } from '@gazette/db';
import { resolveViewer } from '../context.ts';
import type { AnnexKind } from '../inspection-annexes/annexes.ts';
import { rawId } from '../schema/ids.ts';
import { annexCsvChunks } from '../services/inspections/export-annex-csv.ts';
import {
  annexCsvFileName,
  annexFileCsvChunks,
} from '../services/inspections/export-annex-file-csv.ts';
import { rateTableVersionCsvFile } from '../services/rates/export-rate-table-version-csv.ts';
import { CSV_BOM } from '@gazette/csv';

export const EXPORTS_PREFIX = '/exports/';

const RATE = /^\/exports\/rate-table-versions\/([^/]+)\.csv$/;
const ANNEX = /^\/exports\/inspection-annexes\/([^/]+)\/(WEBSITE|NEW_MEDIA)\.csv$/;
const ANNEX_FILE =
  /^\/exports\/inspection-annex-files\/([^/]+)\/(WEBSITE|NEW_MEDIA|DATA_COLLECTION|ADOPTION)\.csv$/;

/** An attachment's name: ASCII for old clients, the UTF-8 name (RFC 6266, 5987) for the others. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The HTTP status of a DomainError's code (the exports' and the imports'). */
export const STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  SERVICE_UNAVAILABLE: 503,
};

/** A JSON answer, never cached. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** A JSON error answer: `{ error: { code, message, field?, … } }`. */
export function fail(
  res: ServerResponse,
  status: number,
  error: Record<string, unknown>,
  headers: Record<string, string> = {},
): void {
  json(res, status, { error }, headers);
}

/** A DomainError as the exports and imports answer it: its code's status, code, message, field, details. */
export function failWith(
  res: ServerResponse,
  error: DomainError,
  headers: Record<string, string> = {},
): void {
  fail(
    res,
    STATUS[error.code] ?? 400,
    {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.details ?? {}),
    },
    headers,
  );
}

/** The chunks after a UTF-8 BOM. */
async function* withBom(chunks: AsyncGenerator<string>): AsyncGenerator<string> {
  try {
    yield CSV_BOM;
    yield* chunks;
  } finally {
    await chunks.return(undefined);
  }
}

/** Writes each chunk as it comes, waiting for the socket to drain; stops if the client left. */
async function pipeChunks(res: ServerResponse, chunks: AsyncGenerator<string>): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
    res.end();
  } finally {
    await chunks.return(undefined);
  }
}

export function createExportHandler(prisma: PrismaClient, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    const run = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const viewer = await resolveViewer(prisma, req.headers.authorization ?? null);
      const ctx = { prisma, viewer };
      const rate = RATE.exec(pathname);
      const annex = ANNEX.exec(pathname);
      const annexFile = ANNEX_FILE.exec(pathname);
      let chunks: AsyncGenerator<string>;
      let filename: string;
      if (rate) {
        const shown = decodeURIComponent(rate[1]!);
        const found = await rateTableVersionCsvFile(ctx, rawId(shown, 'RateTableVersion'), shown);
        // A file: the BOM makes Excel read the Chinese as UTF-8 (the import drops it).
        chunks = withBom(found.chunks);
        filename = found.fileName;
      } else if (annex) {
        const quarter = decodeURIComponent(annex[1]!);
        chunks = await annexCsvChunks(ctx, quarter, annex[2] as AnnexKind);
        filename = `${quarter}-${annex[2]!.toLowerCase()}.csv`;
      } else if (annexFile) {
        const kind = annexFile[2] as AnnexKind;
        const found = await annexFileCsvChunks(ctx, decodeURIComponent(annexFile[1]!), kind);
        chunks = found.chunks;
        filename = annexCsvFileName(found.quarter, kind);
      } else {
        throw new DomainError('NOT_FOUND', `没有这个导出:${pathname}`, { field: 'path' });
      }
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': disposition(filename),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        await chunks.return(undefined);
        res.end();
        return;
      }
      await pipeChunks(res, chunks);
    };
    run().catch((error: unknown) => {
      if (!res.headersSent && isDomainError(error)) {
        failWith(res, error);
        return;
      }
      logger.error({ err: error, path: pathname }, 'export failed');
      // Mid-stream: cut the response, so the client sees an incomplete file, never a short one.
      if (res.headersSent) res.destroy(error as Error);
      else fail(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: '导出失败' });
    });
  };
}
