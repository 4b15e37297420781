import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { PrismaClient } from '@gazette/db';
import { createExportHandler, EXPORTS_PREFIX, json } from './exports.ts';
import { checkReadiness } from './health.ts';
import { createImportHandler, IMPORTS_PREFIX } from './imports.ts';
import { createStaticHandler } from './static-files.ts';

export interface AppOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Handles /graphql (the yoga instance is a node request listener). */
  graphql: RequestListener;
  dashboardDir: string;
  /** Run after a write made outside /graphql (POST /imports/…): the response cache flush. */
  afterWrite?: (logger: Logger) => Promise<void>;
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** One port: /graphql, /exports/…, /imports/…, /healthz, /readyz and the dashboard; one log line per request. */
export function createApp(options: AppOptions) {
  const { prisma, logger, graphql } = options;
  const serveStatic = createStaticHandler(options.dashboardDir);
  const serveExport = createExportHandler(prisma, logger);
  const serveImport = createImportHandler({
    prisma,
    logger,
    ...(options.afterWrite && { afterWrite: options.afterWrite }),
  });

  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = requestId; // the GraphQL context logs with the same id
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;

    res.once('close', () => {
      // The path only: query strings of GET /graphql may carry variables.
      logger.info(
        {
          requestId,
          method: req.method,
          path: pathname,
          status: res.statusCode,
          durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          aborted: !res.writableFinished || undefined,
        },
        'request',
      );
    });

    const fail = (error: unknown) => {
      logger.error({ requestId, err: error }, 'request failed');
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.destroy();
    };
    try {
      if (pathname === '/graphql') {
        graphql(req, res);
      } else if (pathname.startsWith(EXPORTS_PREFIX)) {
        serveExport(req, res, pathname);
      } else if (pathname.startsWith(IMPORTS_PREFIX)) {
        serveImport(req, res, url);
      } else if (pathname === '/healthz') {
        json(res, 200, { status: 'ok' });
      } else if (pathname === '/readyz') {
        checkReadiness(prisma).then(
          (r) => json(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', ...r }),
          fail,
        );
      } else {
        serveStatic(req, res, pathname);
      }
    } catch (error) {
      fail(error);
    }
  };
}
