// Streaming CSV imports (issue 9): the files of the GraphQL mutations importRateTableVersionCsvFile
// and importInspectionAnnexes sent as the request body itself, written to a temporary file as it
// arrives (spool.ts) with the byte limit counted chunk by chunk (413 before the rest is read), and
// only then imported: a slow or stalled upload holds no transaction or lock. The file is decoded
// (encoding decided from the first bytes, decodeCsvStream), parsed a batch at a time
// (parseCsvStream), validated with the mutations' rules and messages and written by the mutations'
// own services: one transaction, all or nothing (a retried transaction reads the file again), the
// same audit entry, change feed and webhooks, then the response cache flushed (here and, by NOTIFY,
// in the other instances) before the answer. Same authentication as /graphql (Authorization:
// Bearer) and the same permission (administrators); Idempotency-Key as the mutations honour it,
// bound to the path, the query and the bytes. Errors are JSON: { error: { code, message, field, rows? } }.
//
//   POST /imports/rate-table-versions/<version id>.csv?version=<n>
//       → { data: { importRateTableVersionCsvFile: { id, version, status, label, effectiveFrom, entryCount } } }
//   POST /imports/inspection-annexes/<quarter>/<WEBSITE|NEW_MEDIA|DATA_COLLECTION|ADOPTION>.csv
//        ?version=<round version>[&fileName=<name shown in errors>]
//       → { data: { importInspectionAnnexes: { id, quarter, version } } }
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { CsvEncodingError, decodeCsvStream, parseCsvStream } from '@gazette/csv/node';
import { DomainError, isDomainError } from '@gazette/domain';
import type { PrismaClient } from '@gazette/db';
import { authScopesFor } from '../auth/roles.ts';
import { actorLabelOf, resolveViewer, type GazetteContext } from '../context.ts';
import type { AnnexKind } from '../inspection-annexes/annexes.ts';
import { ANNEX_ARGUMENT } from '../inspection-annexes/import.ts';
import {
  IDEMPOTENCY_HEADER,
  idempotencyCaller,
  idempotencyKeyOf,
  INVALID_IDEMPOTENCY_KEY,
  startIdempotent,
} from '../plugins/idempotency.ts';
import { rawId } from '../schema/ids.ts';
import { importInspectionAnnexes } from '../services/inspections/import-inspection-annexes.ts';
import { importRateTableVersionCsv } from '../services/rates/import-rate-table-version-csv.ts';
import { MAX_RATE_CSV_FILE_BYTES } from '../services/rates/read-rate-csv-file.ts';
import { fail, failWith, json } from './exports.ts';
import { spoolBody, type SpooledBody } from './spool.ts';
import { sha256Hex } from '../platform/sha256.ts';

export const IMPORTS_PREFIX = '/imports/';

/** Largest body of a streamed import: the mutations' upload limit. */
export const MAX_IMPORT_BYTES = MAX_RATE_CSV_FILE_BYTES;

const RATE = /^\/imports\/rate-table-versions\/([^/]+)\.csv$/;
const ANNEX =
  /^\/imports\/inspection-annexes\/([^/]+)\/(WEBSITE|NEW_MEDIA|DATA_COLLECTION|ADOPTION)\.csv$/;

export interface ImportHandlerOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Run after a successful import, before the answer: the response cache flush (yoga.afterWrite). */
  afterWrite?: (logger: Logger) => Promise<void>;
  /** Body limit in bytes (default MAX_IMPORT_BYTES). */
  maxBytes?: number;
}

/** The argument the file is reported under, as the mutation names it. */
function fileField(pathname: string): string {
  const annex = ANNEX.exec(pathname);
  return annex ? `annexes.${ANNEX_ARGUMENT[annex[2] as AnnexKind]}` : 'file';
}

function tooLarge(limit: number, field: string): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `文件过大(上限 ${limit} 字节),未写入任何数据`, {
    field,
    details: { maxBytes: limit },
  });
}

/** The request body as it arrives, refused (PAYLOAD_TOO_LARGE) as soon as more than `limit` bytes came. */
async function* limitedBody(
  req: IncomingMessage,
  limit: number,
  field: string,
): AsyncGenerator<Uint8Array> {
  let received = 0;
  // destroyOnReturn: false — stopping early must not destroy the socket the 413 is sent on.
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limit) throw tooLarge(limit, field);
    yield chunk;
  }
}

/** The body's CSV records in batches; an undecodable file is bad input naming `field`. */
async function* csvRecords(body: AsyncIterable<Uint8Array>, field: string) {
  try {
    yield* parseCsvStream(decodeCsvStream(body));
  } catch (error) {
    if (error instanceof CsvEncodingError)
      throw new DomainError('BAD_USER_INPUT', error.message, { field });
    throw error;
  }
}

/** The `version` query parameter: the record's current version, as the mutations take it. */
function versionParam(url: URL): number {
  const text = url.searchParams.get('version');
  const n = text === null ? NaN : Number(text);
  if (!Number.isSafeInteger(n))
    throw new DomainError('BAD_USER_INPUT', '缺少查询参数 version(记录当前的版本号,整数)', {
      field: 'version',
    });
  return n;
}

export function createImportHandler(options: ImportHandlerOptions) {
  const { prisma, logger } = options;
  const limit = options.maxBytes ?? MAX_IMPORT_BYTES;

  /** The import the path names, run with the caller's context; answers the mutation's data. */
  async function run(
    ctx: GazetteContext,
    url: URL,
    version: number,
    body: AsyncIterable<Uint8Array>,
  ): Promise<unknown> {
    const rate = RATE.exec(url.pathname);
    const annex = ANNEX.exec(url.pathname);
    if (rate) {
      const shown = decodeURIComponent(rate[1]!);
      const id = rawId(shown, 'RateTableVersion');
      const records = { [Symbol.asyncIterator]: () => csvRecords(body, 'file') };
      const written = await importRateTableVersionCsv(ctx, id, version, records);
      const v = await prisma.rateTableVersion.findUniqueOrThrow({
        where: { id },
        select: { id: true, version: true, status: true, label: true, effectiveFrom: true },
      });
      return {
        importRateTableVersionCsvFile: {
          id: encodeGlobalID('RateTableVersion', v.id),
          version: v.version,
          status: v.status,
          label: v.label,
          effectiveFrom: v.effectiveFrom.toISOString().slice(0, 10),
          entryCount: written,
        },
      };
    }
    if (annex) {
      const kind = annex[2] as AnnexKind;
      const roundId = await importInspectionAnnexes(ctx, {
        quarter: decodeURIComponent(annex[1]!),
        version,
        uploads: {
          [kind]: {
            format: 'CSV',
            stream: body,
            fileName: url.searchParams.get('fileName'),
          },
        },
        field: (a) => `annexes.${ANNEX_ARGUMENT[a]}`,
        action: 'inspectionRound.importAnnexes',
      });
      const round = await prisma.inspectionRound.findUniqueOrThrow({
        where: { id: roundId },
        select: { id: true, quarter: true, version: true },
      });
      return {
        importInspectionAnnexes: {
          id: encodeGlobalID('InspectionRound', round.id),
          quarter: round.quarter,
          version: round.version,
        },
      };
    }
    throw new DomainError('NOT_FOUND', `没有这个导入:${url.pathname}`, { field: 'path' });
  }

  return (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    let finish: ((response: unknown) => Promise<void>) | undefined;
    let spooled: SpooledBody | undefined;
    const handle = async () => {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      if (!RATE.test(url.pathname) && !ANNEX.test(url.pathname))
        throw new DomainError('NOT_FOUND', `没有这个导入:${url.pathname}`, { field: 'path' });
      const viewer = await resolveViewer(prisma, req.headers.authorization ?? null);
      if (viewer.kind === 'anonymous') throw new DomainError('UNAUTHENTICATED', '请先登录');
      if (!authScopesFor(viewer).admin) throw new DomainError('FORBIDDEN', '没有执行此操作的权限');
      // A declared length over the limit is refused before a byte of the body is read.
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > limit) throw tooLarge(limit, fileField(url.pathname));
      const requestId = String(req.headers['x-request-id'] ?? '');
      const log = logger.child({ requestId });
      const ctx: GazetteContext = {
        prisma,
        logger: log,
        requestId,
        viewer,
        actorLabel: actorLabelOf(viewer),
        cache: new Map(),
      };
      const header = req.headers[IDEMPOTENCY_HEADER];
      const caller = idempotencyCaller(viewer);
      const key = header && caller ? idempotencyKeyOf(String(header)) : null;
      if (header && caller && !key)
        throw new DomainError('BAD_USER_INPUT', INVALID_IDEMPOTENCY_KEY, {
          field: 'Idempotency-Key',
        });
      const version = versionParam(url); // a missing version fails before the upload
      // The whole body first, outside any transaction (its size limited as it arrives).
      spooled = await spoolBody(limitedBody(req, limit, fileField(url.pathname)));
      if (key && caller) {
        // The key binds the import's target, arguments and file (as a mutation's binds its variables).
        const hash = sha256Hex(`POST ${url.pathname}${url.search}\u0000${spooled.sha256}`);
        const started = await startIdempotent(prisma, caller, key, hash);
        if (!started.run) {
          if ('conflict' in started)
            throw new DomainError('CONFLICT', started.conflict, { field: 'Idempotency-Key' });
          json(res, 200, started.response);
          return;
        }
        finish = started.finish;
      }
      const data = await run(ctx, url, version, spooled.body);
      await options.afterWrite?.(log);
      const answer = { data };
      await finish?.(answer);
      finish = undefined;
      json(res, 200, answer);
    };
    handle()
      .finally(() => spooled?.remove())
      .catch(async (error: unknown) => {
        await finish?.(null).catch(() => {});
        if (res.headersSent) {
          res.destroy();
          return;
        }
        // A body not read to its end: answer, then close the connection rather than read the rest.
        const unread = !req.readableEnded;
        const headers: Record<string, string> = unread ? { connection: 'close' } : {};
        if (isDomainError(error)) {
          failWith(res, error, headers);
        } else {
          logger.error({ err: error, path: url.pathname }, 'import failed');
          fail(res, 500, { code: 'INTERNAL_SERVER_ERROR', message: '导入失败' }, headers);
        }
        // The rest of the body is drained (not left in the socket, which would reset the connection
        // before the client reads the answer); the connection closes after the answer.
        if (unread) req.resume();
      });
  };
}
