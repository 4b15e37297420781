// createYoga(...) only; server.ts listens. Tests call `yoga.fetch` without opening a port.
import { GraphQLError, NoSchemaIntrospectionCustomRule, getOperationAST } from 'graphql';
import { isDomainError } from '@gazette/domain';
import { createYoga, type Plugin } from 'graphql-yoga';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { PrismaClient } from '@gazette/db';
import { createContext, viewerOf } from './context.ts';
import { createViewerCache, type ViewerCache } from './auth/viewer-cache.ts';
import { maskError } from './errors.ts';
import { schema } from './schema/index.ts';
import { listeningWaiter, pollingWaiter } from './services/changes/waiter.ts';
import { useInputGuards } from './plugins/input-guards.ts';
import { useIdempotency } from './plugins/idempotency.ts';
import { withTransactionRetry } from './platform/transactions.ts';
import { classifyDbError, ServiceUnavailableError } from './platform/db-errors.ts';
import {
  cacheNamespace,
  inMemoryFlushableCache,
  listenForInvalidations,
  newInstanceId,
  redisFlushableCache,
  flushAfterWrite,
  useGazetteResponseCache,
  withPersonalAnswers,
  type FlushableCache,
} from './platform/response-cache.ts';
import { createRedisStore } from './platform/redis.ts';
import { useReadReplica } from './platform/read-replica.ts';
import { createTotalsCache, type TotalsCache } from './platform/totals-cache.ts';
import { useRequestLimits } from './platform/request-limits.ts';
import { MAX_RATE_CSV_FILE_BYTES } from './services/rates/read-rate-csv-file.ts';

/** Largest request body accepted, in bytes (a rate table CSV of a few hundred rows fits easily). */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
/**
 * Largest multipart upload (importRateTableVersionCsvFile, importInspectionAnnexes): the largest
 * file an upload accepts plus 1 MiB for the operations, the map and the part headers.
 */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_RATE_CSV_FILE_BYTES + 1024 * 1024;

export interface GazetteYogaOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Defaults to NODE_ENV === 'production': no introspection, no GraphiQL. */
  production?: boolean;
  /**
   * Defaults to NODE_ENV === 'development' (set by `pnpm dev`): graphql-js's "Did you mean …?"
   * hints (fields, enum values, types) are sent only then; never in tests or production.
   */
  development?: boolean;
  /** For the change stream's LISTEN connection; without it subscribers poll. */
  databaseUrl?: string;
  /**
   * Response cache of published reads: 'memory' (per process, flushed across instances through
   * PostgreSQL NOTIFY) or 'redis' (REDIS_URL, shared); off when omitted (tests write behind the
   * API's back). The server turns it on (GAZETTE_RESPONSE_CACHE=off turns it off).
   */
  responseCache?: { kind: 'memory' } | { kind: 'redis'; url: string };
  /**
   * Keep the confidential reads a person repeats (a case, the case lists, the audit log) for that
   * person, in process, until a write could change them (platform/response-cache.ts); on by
   * default with the response cache. GAZETTE_PERSONAL_CACHE=off turns it off in the server.
   */
  personalCache?: boolean;
  /**
   * Remember who a bearer secret is for a few seconds (auth/viewer-cache.ts); on by default with
   * the response cache and `databaseUrl` (its listener hears gazette_auth). GAZETTE_SESSION_CACHE=off
   * turns it off in the server.
   */
  viewerCache?: boolean;
  /** A read replica's client (DATABASE_REPLICA_URL): queries read it, except right after a write. */
  replica?: PrismaClient;
  /** Reads stay on the primary this long after a write (default 5 s). */
  replicaGraceMs?: number;
  /** Origins other than the server's own allowed to call the API from a browser (GAZETTE_CORS_ORIGINS). */
  corsOrigins?: readonly string[];
}

/** The server's response cache from the environment: Redis with REDIS_URL, else in process; GAZETTE_RESPONSE_CACHE=off disables it. */
export function responseCacheFrom(
  env: NodeJS.ProcessEnv = process.env,
): GazetteYogaOptions['responseCache'] {
  if (env.GAZETTE_RESPONSE_CACHE === 'off') return undefined;
  return env.REDIS_URL ? { kind: 'redis', url: env.REDIS_URL } : { kind: 'memory' };
}

/** GAZETTE_CORS_ORIGINS: comma-separated origins (https://app.example.cn); empty means same-origin only. */
export function corsOriginsFrom(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.GAZETTE_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

interface ServerContext {
  req?: IncomingMessage;
}

/** Error codes of expected failures: logged at info, never at error level. */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_TRANSITION',
  'RATE_NOT_IN_FORCE',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

/** An error as logged: message, code, path and the original cause's stack, but no source text. */
function loggable(error: Error): Record<string, unknown> {
  const original = (error as GraphQLError).originalError ?? error;
  return {
    type: original.name,
    message: error.message,
    ...(error instanceof GraphQLError ? { path: error.path, code: error.extensions?.code } : {}),
    stack: original.stack
      ?.split('\n')
      .filter((l) => !l.includes('GraphQL request'))
      .join('\n'),
  };
}

export function logYogaError(logger: Logger, args: unknown[]): void {
  const error = args.find((a): a is Error => a instanceof Error);
  // String(graphQLError) prints the request's source around the error: messages only.
  const text = args
    .map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : ''))
    .filter(Boolean)
    .join(' ');
  const code =
    error &&
    (isDomainError(error)
      ? error.code
      : error instanceof GraphQLError
        ? error.extensions?.code
        : undefined);
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const expected =
    (typeof code === 'string' && EXPECTED_CODES.has(code)) ||
    (original !== undefined && isDomainError(original));
  const db = classifyDbError(original ?? error);
  if (db?.kind === 'input') {
    logger.info({ code: db.error.code, field: db.error.field }, text);
    return;
  }
  if (
    db?.kind === 'transient' ||
    code === 'SERVICE_UNAVAILABLE' ||
    (original ?? error) instanceof ServiceUnavailableError
  ) {
    logger.warn(
      {
        code: 'SERVICE_UNAVAILABLE',
        reason: db?.reason ?? (original as ServiceUnavailableError | undefined)?.reason,
      },
      text,
    );
    return;
  }
  if (expected) logger.info({ code: code ?? (original as { code?: string }).code }, text);
  else logger.error({ err: error ? loggable(error) : undefined }, text);
}

/**
 * Every error a client sees carries a code. graphql-armor's refusals (depth, aliases, directives,
 * tokens, cost) come without one: they are requests the server will not run as sent.
 */
function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (!result || Array.isArray(result) || Symbol.asyncIterator in (result as object)) return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (!errors?.some((e) => !e.extensions?.code)) return;
      setResult({
        ...(result as object),
        errors: errors.map((e) =>
          e.extensions?.code
            ? e
            : new GraphQLError(e.message, {
                nodes: e.nodes,
                source: e.source,
                positions: e.positions,
                path: e.path,
                originalError: e.originalError,
                extensions: {
                  ...e.extensions,
                  code: e.message.startsWith('Syntax Error: Expected')
                    ? 'GRAPHQL_PARSE_FAILED'
                    : 'GRAPHQL_VALIDATION_FAILED',
                },
              }),
        ),
      } as never);
    },
  };
}

/**
 * Starts authentication once a request has passed the body limits and the CSRF check, before its
 * body is read and parsed: the session or token statement is then in flight while yoga reads,
 * parses and validates the operation rather than after. viewerOf resolves once per request; the
 * response cache and the context await that same promise (and report its failure).
 */
function useEarlyViewer(prisma: PrismaClient, viewers: ViewerCache | undefined): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.headers.has('authorization')) viewerOf(prisma, request, viewers).catch(() => {});
    },
  };
}

/**
 * Every mutation that ends, whatever its result, empties the remembered viewers of this instance
 * before its response: the next request after a sign-out, a deactivation, a role change or a
 * token revocation asks the database again (other instances hear the trigger's NOTIFY gazette_auth).
 */
function useViewerCacheReset(viewers: ViewerCache): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => viewers.clear() };
    },
  };
}

/** Turns off introspection in production (GraphiQL is turned off separately). */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

export function createGazetteYoga(options: GazetteYogaOptions) {
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const development =
    !production && (options.development ?? process.env.NODE_ENV === 'development');
  const { logger } = options;
  // Interactive transactions retry serialization, deadlock and pool-wait failures (bounded).
  const prisma = withTransactionRetry(options.prisma);
  const changes = options.databaseUrl
    ? listeningWaiter(options.databaseUrl, logger)
    : pollingWaiter();
  const instanceId = newInstanceId();
  const replica = options.replica
    ? useReadReplica(withTransactionRetry(options.replica), options.replicaGraceMs)
    : undefined;
  let cacheStore: FlushableCache | undefined;
  // Remembered viewers need the listener (gazette_auth), so they come with the response cache.
  let viewers: ViewerCache | undefined;
  // Unfiltered totals are remembered for as long as cached responses are (the same flushes).
  let totals: TotalsCache | undefined;
  let closeCache = async () => {};
  if (options.responseCache) {
    if (options.responseCache.kind === 'redis') {
      const redis = createRedisStore(options.responseCache.url, logger);
      cacheStore = redisFlushableCache(redis.cache, cacheNamespace(options.databaseUrl));
      closeCache = redis.close;
    } else {
      cacheStore = inMemoryFlushableCache();
    }
    if (options.personalCache !== false) cacheStore = withPersonalAnswers(cacheStore);
    totals = createTotalsCache(cacheStore);
    if (options.databaseUrl) {
      if (options.viewerCache !== false) viewers = createViewerCache();
      const listener = listenForInvalidations(
        options.databaseUrl,
        cacheStore,
        instanceId,
        logger,
        replica?.noteWrite,
        viewers,
      );
      const closeStore = closeCache;
      closeCache = async () => {
        await listener.close();
        await closeStore();
      };
    }
  }
  const yoga = createYoga<ServerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    // Same-origin only unless origins are listed; never a reflected origin with credentials.
    cors: (options.corsOrigins ?? corsOriginsFrom()).length
      ? {
          origin: [...(options.corsOrigins ?? corsOriginsFrom())],
          credentials: false,
          methods: ['GET', 'POST'],
        }
      : false,
    graphiql: !production,
    // useRequestLimits replaces yoga's single 25 MB limit (which would refuse large uploads).
    maxRequestBodySize: false,
    landingPage: false,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      // Unexpected errors are logged in full here (clients only see "Unexpected error."); expected
      // ones (bad input, conflicts, wrong passwords) at info without a stack. Never the query text:
      // it may hold an inlined password.
      error: (...args) => logYogaError(logger, args),
    },
    maskedErrors: { maskError },
    context: async ({ request, req }) => ({
      ...(await createContext({
        request,
        prisma,
        logger,
        clientAddress: req?.socket?.remoteAddress ?? undefined,
        viewers,
        totals,
      })),
      changes,
      signal: request.signal,
    }),
    plugins: [
      {
        onDispose: async () => {
          await changes.close();
          await closeCache();
        },
      },
      // Bodies counted as they arrive: 2 MiB of JSON, an upload up to its largest file.
      useRequestLimits({ jsonBytes: MAX_REQUEST_BYTES, multipartBytes: MAX_UPLOAD_REQUEST_BYTES }),
      // Simple (non-preflighted) requests must carry a custom header; JSON POSTs are preflighted.
      useCSRFPrevention({
        requestHeaders: ['x-graphql-yoga-csrf', 'x-requested-with', 'apollo-require-preflight'],
      }),
      useEarlyViewer(prisma, viewers),
      ...(viewers ? [useViewerCacheReset(viewers)] : []),
      EnvelopArmorPlugin({
        maxDepth: { n: 12, ignoreIntrospection: true },
        maxAliases: { n: 15 },
        maxTokens: { n: 2000 },
        costLimit: { maxCost: 5000, ignoreIntrospection: true },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: !development },
      }),
      useInputGuards({ suggestions: development }),
      // Idempotency-Key on mutations: a retry gets the first result and writes nothing.
      useIdempotency(),
      ...(replica ? [replica.plugin] : []),
      ...(cacheStore
        ? useGazetteResponseCache({
            prisma,
            schema,
            store: cacheStore,
            viewers,
            instanceId,
            namespace: cacheNamespace(options.databaseUrl),
          })
        : []),
      ...(production ? [useNoIntrospection()] : []),
      useErrorCodes(),
    ],
  });
  /**
   * What a write made outside GraphQL (POST /imports/…) runs before it answers, as every
   * successful mutation does: the response cache flushed here and in the other instances.
   */
  const afterWrite = async (log: Logger = logger): Promise<void> => {
    if (cacheStore) await flushAfterWrite(prisma, cacheStore, instanceId, log);
  };
  return Object.assign(yoga, { afterWrite });
}

export type GazetteYoga = ReturnType<typeof createGazetteYoga>;
